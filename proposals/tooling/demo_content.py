"""Demo content for seed_demo: realistic proposals in Kazakh, Russian and English, and submitter names."""

# Each proposal is written in its own language ("language"); "summary" and "response" are given
# in all three interface languages. Categories use the slugs from fixtures/categories.json.
# Article numbers refer to the Constitution of the Republic of Kazakhstan of 1995 as amended.
# All people and organisations named here are fictional.

PROPOSALS = [
    # -------------------- parliament-structure --------------------
    {
        "category": "parliament-structure",
        "language": "kk",
        "title": (
            "Бір палаталы Парламентті «Құрылтай» деп атау және оның құрамын 150 депутатпен "
            "белгілеу"
        ),
        "text": (
            "Сенат пен Мәжілісті біріктіріп, бір палаталы Парламент құру ұсынылады. Жаңа "
            "органды тарихи дәстүрге сай «Құрылтай» деп атап, оның депутаттарының санын "
            "Конституцияда 150 деп тікелей бекіту қажет. Депутаттардың барлығы партиялық "
            "тізімдер бойынша пропорционалды жүйемен сайланып, Парламент тұрақты негізде "
            "жұмыс істеуі тиіс. Осылайша заң шығару процесі жеделдейді, ал палаталар "
            "арасындағы қайталанатын рәсімдер жойылады."
        ),
        "rationale": (
            "Екі палаталы жүйеде бір заң жобасы екі рет қаралып, уақыт пен бюджет қаражаты "
            "артық жұмсалады. «Құрылтай» атауы халықтың ортақ мәселелерді бірлесіп шешу "
            "дәстүрін көрсетеді."
        ),
        "articles": "49, 50",
        "summary": {
            "kk": (
                "Автор Сенат пен Мәжілісті біріктіріп, 150 депутаттан тұратын «Құрылтай» "
                "атты бір палаталы Парламент құруды ұсынады."
            ),
            "ru": (
                "Автор предлагает объединить Сенат и Мажилис в однопалатный Парламент "
                "«Курултай» из 150 депутатов."
            ),
            "en": (
                "The author proposes merging the Senate and the Mazhilis into a unicameral "
                "Parliament called the Kurultai with 150 deputies."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс бір палаталы Парламенттің құрылымы туралы баптың жобасында "
                "ескерілді, депутаттардың нақты саны қосымша талқыланады."
            ),
            "ru": (
                "Предложение учтено в проекте статьи о структуре однопалатного Парламента, "
                "точная численность депутатов будет дополнительно обсуждена."
            ),
            "en": (
                "The proposal was taken into account in the draft article on the structure "
                "of the unicameral Parliament; the exact number of deputies will be "
                "discussed further."
            ),
        },
    },
    {
        "category": "parliament-structure",
        "language": "kk",
        "title": (
            "Парламент комитеттерін азайтып, министрліктердің салаларына сәйкес құру керек"
        ),
        "text": (
            "Менің ойымша, бір палаталы Парламентте комитеттер тым көп болмауы керек. Әр "
            "комитет белгілі бір салаға жауап беріп, сол саладағы министрліктің жұмысын "
            "қадағалауы қажет, мысалы, денсаулық сақтау, білім беру, ауыл шаруашылығы. Сонда "
            "халық қай мәселе бойынша қай комитетке жүгіну керектігін оңай түсінеді. "
            "Комитеттер саны он шақтыдан аспаса, депутаттар да жұмысқа толық жұмылады."
        ),
        "rationale": "",
        "articles": "60",
        "summary": {
            "kk": (
                "Автор Парламент комитеттерінің санын шамамен онға дейін шектеп, оларды "
                "министрліктердің салаларына сәйкес құруды ұсынады."
            ),
            "ru": (
                "Автор предлагает ограничить число комитетов Парламента примерно десятью и "
                "выстроить их в соответствии с отраслями министерств."
            ),
            "en": (
                "The author proposes limiting the number of parliamentary committees to "
                "about ten and aligning them with the portfolios of ministries."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс Парламенттің тұрақты комитеттері туралы норманың жобасын әзірлеу "
                "кезінде ескерілді."
            ),
            "ru": (
                "Предложение учтено при подготовке проекта нормы о постоянных комитетах "
                "Парламента."
            ),
            "en": (
                "The proposal was taken into account when drafting the provision on standing "
                "committees of Parliament."
            ),
        },
    },
    {
        "category": "parliament-structure",
        "language": "ru",
        "title": "Привязать численность депутатов к численности избирателей",
        "text": (
            "Предлагается закрепить в Конституции не фиксированное число депутатов, а норму "
            "представительства: один депутат на 130–150 тысяч избирателей, но не менее 100 и "
            "не более 150 мандатов. Численность мандатов пересчитывается Центральной "
            "избирательной комиссией не позднее чем за год до очередных выборов на основе "
            "данных государственного регистра населения. Такая конструкция позволит "
            "Парламенту сохранять представительность при росте населения и исключит "
            "произвольное изменение числа депутатов непосредственно перед выборами."
        ),
        "rationale": (
            "Население Казахстана превысило 20 миллионов человек и продолжает расти, поэтому "
            "фиксированная численность со временем снижает качество представительства. "
            "Аналогичный подход используется в ряде европейских государств."
        ),
        "articles": "50",
        "summary": {
            "kk": (
                "Автор Конституцияда өкілдік нормасын (130–150 мың сайлаушыға бір депутат) "
                "100-ден 150-ге дейінгі мандат шегінде белгілеуді ұсынады."
            ),
            "ru": (
                "Автор предлагает установить в Конституции норму представительства (один "
                "депутат на 130–150 тысяч избирателей) в пределах от 100 до 150 мандатов."
            ),
            "en": (
                "The author proposes setting a representation ratio in the Constitution (one "
                "deputy per 130,000–150,000 voters) within a range of 100 to 150 seats."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс Жұмыс тобының отырысында қаралды; мүшелердің көпшілігі депутаттардың "
                "тұрақты санын Конституция мәтінінде бекітуді жақтады."
            ),
            "ru": (
                "Предложение рассмотрено на заседании Рабочей группы; большинство её членов "
                "высказалось за фиксированную численность депутатов в тексте Конституции."
            ),
            "en": (
                "The proposal was considered at a Working Group meeting; most members "
                "favoured fixing the number of deputies in the text of the Constitution."
            ),
        },
    },
    {
        "category": "parliament-structure",
        "language": "ru",
        "title": "Пусть Парламент работает круглый год, а не только в сессию",
        "text": (
            "Сейчас Парламент работает сессиями с сентября до конца июня, а летом депутаты "
            "уходят на каникулы. Мне кажется, однопалатный Парламент должен работать "
            "постоянно, с обычным отпуском, как все работающие люди. Проблемы у людей летом "
            "не исчезают, а срочные законы потом принимают в спешке. Предлагаю убрать из "
            "Конституции деление на сессии или хотя бы сократить перерыв до одного месяца."
        ),
        "rationale": "",
        "articles": "59",
        "summary": {
            "kk": (
                "Автор Парламент жұмысының сессиялық тәртібінен бас тартуды немесе жазғы "
                "үзілісті бір айға дейін қысқартуды ұсынады."
            ),
            "ru": (
                "Автор предлагает отказаться от сессионного порядка работы Парламента или "
                "сократить летний перерыв до одного месяца."
            ),
            "en": (
                "The author proposes abandoning the session-based schedule of Parliament or "
                "shortening the summer recess to one month."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс Парламент сессияларын өткізу тәртібін талқылау кезінде қаралады."
            ),
            "ru": (
                "Предложение будет рассмотрено при обсуждении порядка проведения сессий "
                "Парламента."
            ),
            "en": (
                "The proposal will be considered when the procedure for parliamentary "
                "sessions is discussed."
            ),
        },
    },
    {
        "category": "parliament-structure",
        "language": "en",
        "title": (
            "Transfer the Senate's appointment powers to the unicameral Parliament with a "
            "qualified majority"
        ),
        "text": (
            "When the Senate is abolished, its powers to consent to the appointment of the "
            "Prosecutor General, the Chair of the National Security Committee, the Chair of "
            "the Supreme Court and Supreme Court judges should not pass to the President "
            "alone. We propose that the unicameral Parliament exercise these powers and that "
            "consent require a two-thirds majority of the total number of deputies. Each "
            "candidate should be heard at an open committee hearing before the vote, and the "
            "transcript should be published."
        ),
        "rationale": (
            "A qualified majority makes cross-party agreement necessary and strengthens the "
            "legitimacy of officials who oversee the rule of law."
        ),
        "articles": "55, 82, 83",
        "summary": {
            "kk": (
                "Автор Сенаттың жоғары лауазымды тұлғаларды тағайындауға келісім беру "
                "өкілеттігін бір палаталы Парламентке үштен екі көпшілік дауыс пен ашық "
                "тыңдау шартымен беруді ұсынады."
            ),
            "ru": (
                "Автор предлагает передать однопалатному Парламенту полномочия Сената по "
                "даче согласия на назначение высших должностных лиц, с квалифицированным "
                "большинством в две трети и открытыми слушаниями."
            ),
            "en": (
                "The author proposes that the unicameral Parliament take over the Senate's "
                "consent powers for senior appointments, with a two-thirds majority and open "
                "hearings."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс ішінара ескерілді: жобада мұндай тағайындауларға Парламенттің "
                "келісімі көзделген, ал қажетті көпшілік дауыс мәселесі әлі талқылануда."
            ),
            "ru": (
                "Предложение учтено частично: проект предусматривает согласие Парламента на "
                "такие назначения, вопрос о необходимом большинстве пока обсуждается."
            ),
            "en": (
                "The proposal was partially taken into account: the draft provides for "
                "parliamentary consent to these appointments, while the required majority is "
                "still under discussion."
            ),
        },
    },
    {
        "category": "parliament-structure",
        "language": "en",
        "title": (
            "Guarantee the parliamentary opposition a Deputy Speaker post and key committee "
            "chairs"
        ),
        "text": (
            "The Constitution should provide that one of the Deputy Speakers of the "
            "unicameral Parliament is elected from among the factions that are not part of "
            "the parliamentary majority. In addition, the chairs of the committees on the "
            "budget and on legislation and judicial reform should be offered to opposition "
            "factions. These guarantees would make the single chamber a place for real "
            "deliberation rather than a mechanical majority."
        ),
        "rationale": (
            "Guaranteed positions for the opposition are common practice in European "
            "parliaments and help build public trust in the legislature."
        ),
        "articles": "58, 60",
        "summary": {
            "kk": (
                "Автор парламенттік оппозицияға Төраға орынбасарының бір лауазымына және "
                "бюджет пен заңнама комитеттері төрағаларының орындарына кепілдік беруді "
                "ұсынады."
            ),
            "ru": (
                "Автор предлагает гарантировать парламентской оппозиции одну должность "
                "заместителя Председателя и посты председателей комитетов по бюджету и по "
                "законодательству."
            ),
            "en": (
                "The author proposes guaranteeing the parliamentary opposition one Deputy "
                "Speaker post and the chairs of the budget and legislation committees."
            ),
        },
        "response": {
            "kk": (
                "Жұмыс тобы идеяны жалпы қолдап, оның егжей-тегжейін Парламент туралы "
                "конституциялық заңда бекітуді ұсынды."
            ),
            "ru": (
                "Рабочая группа в целом поддержала идею и рекомендовала закрепить детали в "
                "конституционном законе о Парламенте."
            ),
            "en": (
                "The Working Group supported the idea in principle and recommended setting "
                "out the details in the constitutional law on Parliament."
            ),
        },
    },
    # -------------------- electoral-system --------------------
    {
        "category": "electoral-system",
        "language": "kk",
        "title": "Парламентке өту шегін 5 пайыздан 3 пайызға дейін төмендету",
        "text": (
            "Біздің партия Парламент сайлауындағы өту шегін 5 пайыздан 3 пайызға дейін "
            "төмендетуді ұсынады. Бір палаталы Парламент толығымен пропорционалды жүйемен "
            "сайланатын болса, жоғары өту шегі сайлаушылардың едәуір бөлігінің дауысын "
            "ескерусіз қалдырады. 3 пайыздық шек саяси плюрализмді күшейтіп, жаңа "
            "партиялардың заң шығару жұмысына қатысуына мүмкіндік береді. Сонымен бірге "
            "Парламенттің шамадан тыс бытырап кетпеуі үшін бұл деңгей жеткілікті."
        ),
        "rationale": (
            "Соңғы сайлауларда өту шегінен өте алмаған партияларға берілген дауыстар "
            "жүздеген мың сайлаушыны құрады."
        ),
        "articles": "51",
        "summary": {
            "kk": (
                "Автор Парламент сайлауындағы өту шегін 5 пайыздан 3 пайызға дейін "
                "төмендетуді ұсынады."
            ),
            "ru": (
                "Автор предлагает снизить проходной барьер на выборах в Парламент с 5 до 3 "
                "процентов."
            ),
            "en": (
                "The author proposes lowering the electoral threshold for Parliament from 5 "
                "to 3 percent."
            ),
        },
        "response": {
            "kk": (
                "Өту шегі конституциялық заңмен белгіленетіндіктен, ұсыныс «Сайлау туралы» "
                "конституциялық заңға өзгерістер әзірлеу кезінде қаралады."
            ),
            "ru": (
                "Поскольку проходной барьер устанавливается конституционным законом, "
                "предложение будет рассмотрено при подготовке изменений в Конституционный "
                "закон «О выборах»."
            ),
            "en": (
                "Since the threshold is set by constitutional law, the proposal will be "
                "considered when amendments to the Constitutional Law on Elections are "
                "prepared."
            ),
        },
    },
    {
        "category": "electoral-system",
        "language": "kk",
        "title": "Партия тізіміндегі нақты кандидатқа дауыс беру мүмкіндігі болсын",
        "text": (
            "Қазір біз партияға дауыс береміз, ал тізімдегі адамдардың кім екенін көбіне "
            "білмейміз. Бюллетеньде партияны таңдаумен қатар, сол партияның тізіміндегі "
            "өзіме ұнайтын бір кандидатты белгілеуге мүмкіндік берілсе екен. Көп дауыс "
            "жинаған кандидаттар тізімнің басына көтерілуі керек. Сонда депутаттар партия "
            "басшылығына ғана емес, халыққа да жауап беретін болады."
        ),
        "rationale": "",
        "articles": "51",
        "summary": {
            "kk": (
                "Автор ашық партиялық тізімдер енгізіп, сайлаушыға тізімдегі нақты "
                "кандидатқа преференциялық дауыс беру құқығын беруді ұсынады."
            ),
            "ru": (
                "Автор предлагает ввести открытые партийные списки, позволяющие избирателю "
                "отдать преференциальный голос конкретному кандидату из списка."
            ),
            "en": (
                "The author proposes introducing open party lists that allow voters to cast "
                "a preference vote for a specific candidate on the list."
            ),
        },
        "response": {
            "kk": (
                "Ашық тізімдер идеясы Жұмыс тобында қолдау тапты және сайлау жүйесі туралы "
                "баптың жобасында ескерілді."
            ),
            "ru": (
                "Идея открытых списков получила поддержку в Рабочей группе и учтена в "
                "проекте статьи об избирательной системе."
            ),
            "en": (
                "The idea of open lists received support in the Working Group and was taken "
                "into account in the draft article on the electoral system."
            ),
        },
    },
    {
        "category": "electoral-system",
        "language": "ru",
        "title": "Региональная квота в партийных списках",
        "text": (
            "Предлагаем закрепить, что партийный список на выборах в однопалатный Парламент "
            "формируется из региональных частей. Не менее половины кандидатов, включённых в "
            "проходную часть списка, должны постоянно проживать за пределами Астаны, Алматы "
            "и Шымкента не менее трёх лет до выборов. Это предотвратит ситуацию, при которой "
            "Парламент формируется преимущественно из жителей столицы и крупных городов, и "
            "сохранит голос регионов после упразднения Сената."
        ),
        "rationale": (
            "При полностью пропорциональной системе без региональных требований сельские и "
            "отдалённые районы рискуют остаться без своих представителей."
        ),
        "articles": "50, 51",
        "summary": {
            "kk": (
                "Автор партиялық тізімдерді өңірлік бөліктерден құрып, өтетін орындардың "
                "кемінде жартысын үш ірі қаладан тыс тұратын кандидаттарға беруді ұсынады."
            ),
            "ru": (
                "Автор предлагает формировать партийные списки из региональных частей, а не "
                "менее половины проходных мест отдавать кандидатам, проживающим за пределами "
                "трёх крупнейших городов."
            ),
            "en": (
                "The author proposes building party lists from regional sections and "
                "reserving at least half of the winnable places for candidates living "
                "outside the three largest cities."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс ішінара ескерілді: жобаға өңірлер мүддесін ескеру туралы жалпы талап "
                "енгізілді, ал нақты квоталар сайлау туралы заңмен айқындалады."
            ),
            "ru": (
                "Предложение учтено частично: в проект включено общее требование об учёте "
                "интересов регионов, а конкретные квоты будут определены законом о выборах."
            ),
            "en": (
                "The proposal was partially taken into account: a general requirement to "
                "reflect regional interests was included in the draft, while specific quotas "
                "will be set by the election law."
            ),
        },
    },
    {
        "category": "electoral-system",
        "language": "ru",
        "title": "Сохранить одномандатные округа хотя бы для части депутатов",
        "text": (
            "Я против того, чтобы все депутаты избирались только по партийным спискам. Когда "
            "появились одномандатные округа, люди впервые узнали, кто их депутат и к кому "
            "можно прийти с проблемой. Предлагаю оставить смешанную систему: примерно треть "
            "депутатов избирать по округам, остальных – по спискам. Иначе депутат будет "
            "отвечать только перед партией, а не перед жителями."
        ),
        "rationale": (
            "В нашем округе депутат-мажоритарщик помог решить вопрос с водоснабжением "
            "посёлка, а до партийного списка мы бы просто не достучались."
        ),
        "articles": "51",
        "summary": {
            "kk": (
                "Автор депутаттардың шамамен үштен бірі бір мандатты округтер бойынша "
                "сайланатын аралас сайлау жүйесін сақтауды жақтайды."
            ),
            "ru": (
                "Автор выступает за сохранение смешанной избирательной системы, при которой "
                "около трети депутатов избирается по одномандатным округам."
            ),
            "en": (
                "The author supports keeping a mixed electoral system in which about one "
                "third of deputies are elected in single-member districts."
            ),
        },
        "response": {
            "kk": (
                "Жұмыс тобы ұсынысты назарға алды; оның мүшелерінің көпшілігі өңірлік "
                "өкілдік тетіктері бар пропорционалды жүйеге көшуді қолдайды."
            ),
            "ru": (
                "Рабочая группа приняла предложение к сведению; большинство её членов "
                "поддерживает переход к пропорциональной системе с механизмами регионального "
                "представительства."
            ),
            "en": (
                "The Working Group took note of the proposal; most of its members support a "
                "move to a proportional system with mechanisms for regional representation."
            ),
        },
    },
    {
        "category": "electoral-system",
        "language": "en",
        "title": (
            "Make the quota for women and young people effective in every winnable part of "
            "party lists"
        ),
        "text": (
            "Current law requires a 30 percent quota for women and young people in party "
            "lists, but parties often place these candidates near the bottom. We propose a "
            "constitutional principle of effective representation: in every group of three "
            "consecutive positions on a list, at least one candidate must be a woman or a "
            "person under 29. The same rule should apply when vacant seats are filled from "
            "the list, so that the quota cannot be bypassed after the election."
        ),
        "rationale": (
            "Women currently hold fewer than a fifth of the seats in the Mazhilis despite "
            "the existing list quota."
        ),
        "articles": "14, 51",
        "summary": {
            "kk": (
                "Автор партиялық тізімдегі қатарынан келетін әрбір үш орынның кемінде біреуі "
                "әйелге немесе жасқа тиесілі болуын, оның ішінде бос мандаттарды толтыру "
                "кезінде де, талап етуді ұсынады."
            ),
            "ru": (
                "Автор предлагает требовать, чтобы в каждой тройке подряд идущих мест "
                "партийного списка был хотя бы один кандидат – женщина или молодой человек, "
                "в том числе при замещении вакантных мандатов."
            ),
            "en": (
                "The author proposes requiring that at least one in every three consecutive "
                "places on party lists go to a woman or a young person, including when "
                "vacancies are filled."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс «Сайлау туралы» конституциялық заңға түзетулер әзірлеу кезінде қарау "
                "үшін жіберілді."
            ),
            "ru": (
                "Предложение направлено для рассмотрения при подготовке поправок в "
                "Конституционный закон «О выборах»."
            ),
            "en": (
                "The proposal was forwarded for consideration in the preparation of "
                "amendments to the Constitutional Law on Elections."
            ),
        },
    },
    {
        "category": "electoral-system",
        "language": "en",
        "title": "Set a neutral seat-allocation method and publish full calculations",
        "text": (
            "The constitutional rules on elections should specify a transparent and neutral "
            "method for converting votes into seats, such as the Sainte-Laguë method, rather "
            "than leaving the choice entirely to ordinary legislation. The Central Election "
            "Commission should be required to publish the full seat-allocation calculation "
            "in machine-readable form within 24 hours of announcing the results. Clear and "
            "verifiable rules would reduce post-election disputes and increase trust in the "
            "outcome."
        ),
        "rationale": (
            "Publishing the calculation allows any voter or party to check how the results "
            "were converted into seats."
        ),
        "articles": "51",
        "summary": {
            "kk": (
                "Автор мандаттарды бөлудің бейтарап әдісін, мысалы, Сент-Лагю әдісін "
                "бекітуді және Орталық сайлау комиссиясын толық есептеулерді 24 сағат ішінде "
                "жариялауға міндеттеуді ұсынады."
            ),
            "ru": (
                "Автор предлагает закрепить нейтральный метод распределения мандатов, "
                "например метод Сент-Лагю, и обязать ЦИК публиковать полный расчёт в течение "
                "24 часов."
            ),
            "en": (
                "The author proposes setting a neutral seat-allocation method such as "
                "Sainte-Laguë and requiring the Central Election Commission to publish full "
                "calculations within 24 hours."
            ),
        },
        "response": {
            "kk": (
                "Жұмыс тобы мандаттарды бөлу әдісі конституциялық заңмен реттелуі тиіс деп "
                "санайды және ұсынысты Орталық сайлау комиссиясына жіберді."
            ),
            "ru": (
                "Рабочая группа считает, что метод распределения мандатов следует "
                "регулировать конституционным законом, и направила предложение в Центральную "
                "избирательную комиссию."
            ),
            "en": (
                "The Working Group considers that the seat-allocation method should be "
                "regulated by constitutional law and has forwarded the proposal to the "
                "Central Election Commission."
            ),
        },
    },
    # -------------------- deputies-status --------------------
    {
        "category": "deputies-status",
        "language": "kk",
        "title": "Депутат қатарынан екі реттен артық сайланбауы керек",
        "text": (
            "Бір адамның Парламентте жиырма жыл бойы отыра беруін дұрыс емес деп санаймын. "
            "Президентке бір мерзім шектеуі қойылған екен, депутаттарға да шектеу қажет. Бір "
            "депутат қатарынан екі мерзімнен артық сайлана алмайтын болсын, ал бір мерзім "
            "өткен соң қайта түсуге рұқсат етілсін. Сонда Парламентке жаңа адамдар, жастар "
            "келеді."
        ),
        "rationale": "Жаңа буынның саясатқа араласуына мүмкіндік беру керек.",
        "articles": "50, 51",
        "summary": {
            "kk": (
                "Автор бір адамның депутат болып қатарынан екі мерзімнен артық сайлануына "
                "тыйым салуды ұсынады."
            ),
            "ru": (
                "Автор предлагает запретить избрание одного и того же лица депутатом более "
                "двух сроков подряд."
            ),
            "en": (
                "The author proposes prohibiting the same person from being elected deputy "
                "for more than two consecutive terms."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс Жұмыс тобының отырысында талқыланды, бірақ сайлаушылардың таңдау "
                "еркіндігін шектейтіндіктен қолдау таппады."
            ),
            "ru": (
                "Предложение обсуждено на заседании Рабочей группы, однако не получило "
                "поддержки, поскольку ограничивает свободу выбора избирателей."
            ),
            "en": (
                "The proposal was discussed at a Working Group meeting but was not "
                "supported, as it would restrict voters' freedom of choice."
            ),
        },
    },
    {
        "category": "deputies-status",
        "language": "kk",
        "title": (
            "Депутаттың сайлаушылар алдындағы жыл сайынғы есебі және кірістерін жариялау"
        ),
        "text": (
            "Қоғамдық бірлестігіміз әрбір депутаттың жыл сайын сайлаушылар алдында жария "
            "есеп беруін конституциялық міндет ретінде бекітуді ұсынады. Есепте депутаттың "
            "заң жобаларын әзірлеуге қатысуы, дауыс беру нәтижелері және азаматтардың "
            "өтініштерімен жұмысы көрсетілуі тиіс. Сонымен қатар депутат пен оның жұбайының "
            "кірістері мен мүлкі туралы декларациялар Парламенттің ресми сайтында ашық "
            "жариялануы қажет."
        ),
        "rationale": "",
        "articles": "52",
        "summary": {
            "kk": (
                "Автор депутаттардың жыл сайынғы жария есебін және олардың кірістері мен "
                "мүлкі туралы декларацияларды жариялауды міндетті етуді ұсынады."
            ),
            "ru": (
                "Автор предлагает обязать депутатов ежегодно публично отчитываться перед "
                "избирателями и публиковать декларации о доходах и имуществе."
            ),
            "en": (
                "The author proposes requiring deputies to report publicly to voters every "
                "year and to publish their income and asset declarations."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс депутат мәртебесі туралы баптың жобасында ескерілді, декларацияларды "
                "жариялау тәртібі заңмен айқындалады."
            ),
            "ru": (
                "Предложение учтено в проекте статьи о статусе депутата, порядок публикации "
                "деклараций будет определён законом."
            ),
            "en": (
                "The proposal was taken into account in the draft article on the status of "
                "deputies; the procedure for publishing declarations will be set by law."
            ),
        },
    },
    {
        "category": "deputies-status",
        "language": "ru",
        "title": "Пятилетний срок полномочий и утрата мандата при выходе из партии",
        "text": (
            "Предлагаем установить срок полномочий однопалатного Парламента в пять лет и "
            "прямо закрепить в Конституции, что депутат, избранный по партийному списку, "
            "утрачивает мандат в случае добровольного выхода из партии, по списку которой он "
            "был избран. Освободившийся мандат передаётся следующему кандидату из того же "
            "списка. Исключение депутата из партии не должно автоматически вести к утрате "
            "мандата: такой вопрос решается только в судебном порядке."
        ),
        "rationale": (
            "Избиратели голосуют за программу партии, и переход депутата в другую фракцию "
            "искажает их волеизъявление; при этом оговорка об исключении защищает депутата "
            "от давления партийного руководства."
        ),
        "articles": "50, 52",
        "summary": {
            "kk": (
                "Автор Парламент өкілеттігінің бес жылдық мерзімін және депутаттың партиядан "
                "өз еркімен шыққан жағдайда мандатынан айырылуын, ал партиядан шығарылған "
                "жағдайда айырылмауын ұсынады."
            ),
            "ru": (
                "Автор предлагает пятилетний срок полномочий Парламента и утрату мандата "
                "депутатом при добровольном выходе из партии, но не при исключении из неё."
            ),
            "en": (
                "The author proposes a five-year parliamentary term and loss of mandate when "
                "a deputy voluntarily leaves their party, but not when expelled."
            ),
        },
        "response": {
            "kk": (
                "Бес жылдық өкілеттік мерзімі жобада ескерілді; мандатты тоқтату негіздері "
                "туралы мәселе қосымша қаралады."
            ),
            "ru": (
                "Пятилетний срок полномочий учтён в проекте; вопрос об основаниях "
                "прекращения мандата будет рассмотрен дополнительно."
            ),
            "en": (
                "The five-year term was taken into account in the draft; the grounds for "
                "terminating a mandate will be considered further."
            ),
        },
    },
    {
        "category": "deputies-status",
        "language": "ru",
        "title": "Ограничить депутатскую неприкосновенность",
        "text": (
            "Депутат должен отвечать перед законом так же, как обычный гражданин. Предлагаю "
            "оставить неприкосновенность только за высказывания и голосование в Парламенте, "
            "а в остальных случаях разрешить привлекать депутата к ответственности без "
            "согласия Парламента. Ещё считаю, что у депутатов не должно быть особых пенсий и "
            "льгот, которых нет у учителей и врачей."
        ),
        "rationale": "",
        "articles": "52",
        "summary": {
            "kk": (
                "Автор депутаттардың иммунитетін Парламенттегі сөздері мен дауыс беруімен "
                "шектеуді және депутаттарға арналған ерекше жеңілдіктерді жоюды ұсынады."
            ),
            "ru": (
                "Автор предлагает ограничить неприкосновенность депутатов высказываниями и "
                "голосованием в Парламенте и отменить особые льготы для депутатов."
            ),
            "en": (
                "The author proposes limiting deputies' immunity to their statements and "
                "votes in Parliament and abolishing special benefits for deputies."
            ),
        },
        "response": {
            "kk": (
                "Иммунитетті шектеу бөлігіндегі ұсынысты Жұмыс тобы қарап жатыр, ал "
                "депутаттарды әлеуметтік қамтамасыз ету мәселелері заңнамамен реттеледі."
            ),
            "ru": (
                "Предложение в части ограничения неприкосновенности рассматривается Рабочей "
                "группой, а вопросы социального обеспечения депутатов регулируются "
                "законодательством."
            ),
            "en": (
                "The part of the proposal on limiting immunity is being considered by the "
                "Working Group; social benefits for deputies are governed by ordinary "
                "legislation."
            ),
        },
    },
    {
        "category": "deputies-status",
        "language": "en",
        "title": (
            "A two-year cooling-off period before former deputies can lobby Parliament"
        ),
        "text": (
            "Article 52 already prohibits deputies from holding other paid positions, except "
            "for teaching, research and creative work. I propose complementing this with a "
            "post-mandate restriction: for two years after leaving office, a former deputy "
            "should not represent commercial interests before Parliament or the Government "
            "for payment, and should not join the management of companies in sectors they "
            "regulated as committee members. Violations should carry sanctions defined by "
            "law."
        ),
        "rationale": (
            "Revolving-door restrictions are a standard anti-corruption safeguard "
            "recommended by the OECD."
        ),
        "articles": "52",
        "summary": {
            "kk": (
                "Автор бұрынғы депутаттарға екі жыл бойы Парламент пен Үкіметте лоббизммен "
                "айналысуға немесе өздері реттеген салалардағы компанияларда басшылық "
                "лауазым атқаруға тыйым салуды ұсынады."
            ),
            "ru": (
                "Автор предлагает двухлетний период, в течение которого бывшие депутаты не "
                "вправе лоббировать интересы в Парламенте и Правительстве или занимать "
                "руководящие должности в компаниях регулировавшихся ими отраслей."
            ),
            "en": (
                "The author proposes a two-year cooling-off period during which former "
                "deputies may not lobby Parliament or the Government or join the management "
                "of companies in sectors they regulated."
            ),
        },
        "response": {
            "kk": (
                "Жұмыс тобы бұл ұсынысты Конституцияда емес, Парламент және оның "
                "депутаттарының мәртебесі туралы заңда реттеуді ұсынды."
            ),
            "ru": (
                "Рабочая группа рекомендовала урегулировать это предложение в законе о "
                "Парламенте и статусе его депутатов, а не в Конституции."
            ),
            "en": (
                "The Working Group recommended addressing this proposal in the law on "
                "Parliament and the status of its deputies rather than in the Constitution."
            ),
        },
    },
    {
        "category": "deputies-status",
        "language": "en",
        "title": "Lower the minimum age for deputies from 25 to 21",
        "text": (
            "We are a youth organisation and we propose lowering the minimum age for "
            "election to Parliament from 25 to 21. Young people make up a large share of the "
            "population, yet they are almost absent from the legislature. At 21, citizens "
            "can already run companies, serve as officers and sit in maslikhats, so there is "
            "no good reason to keep them out of Parliament."
        ),
        "rationale": (
            "Broader youth representation would bring the concerns of young people, such as "
            "housing and first jobs, into parliamentary debate."
        ),
        "articles": "51",
        "summary": {
            "kk": (
                "Автор Парламент депутаты болып сайлану үшін ең төменгі жасты 25-тен 21-ге "
                "дейін төмендетуді ұсынады."
            ),
            "ru": (
                "Автор предлагает снизить минимальный возраст для избрания депутатом "
                "Парламента с 25 до 21 года."
            ),
            "en": (
                "The author proposes lowering the minimum age for election as a deputy of "
                "Parliament from 25 to 21."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс депутаттыққа кандидаттарға қойылатын талаптар туралы басқа "
                "ұсыныстармен бірге қаралады."
            ),
            "ru": (
                "Предложение будет рассмотрено вместе с другими предложениями о требованиях "
                "к кандидатам в депутаты."
            ),
            "en": (
                "The proposal will be considered together with other proposals on "
                "eligibility requirements for deputies."
            ),
        },
    },
    # -------------------- legislative-process --------------------
    {
        "category": "legislative-process",
        "language": "kk",
        "title": "Азаматтардың заң шығару бастамасы: 100 мың электрондық қолтаңба",
        "text": (
            "Заң шығару бастамасы құқығын азаматтарға да беру ұсынылады. Кемінде 100 мың "
            "азамат электрондық цифрлық қолтаңбамен қолдаған заң жобасы Парламентке "
            "енгізілген болып саналып, жалпы тәртіппен қаралуы тиіс. Қолтаңбалар "
            "«электрондық үкімет» порталы арқылы жиналып, олардың түпнұсқалығын Орталық "
            "сайлау комиссиясы тексереді. Бюджет, салық және рақымшылық мәселелері бойынша "
            "азаматтық бастамаға жол берілмейді."
        ),
        "rationale": (
            "Мұндай тетік Италия, Австрия, Латвия сияқты елдерде бар және халықтың заң "
            "шығару ісіне тікелей қатысуын қамтамасыз етеді."
        ),
        "articles": "61",
        "summary": {
            "kk": (
                "Автор кемінде 100 мың электрондық қолтаңбамен қолдау тапқан азаматтық заң "
                "шығару бастамасын енгізуді ұсынады."
            ),
            "ru": (
                "Автор предлагает ввести гражданскую законодательную инициативу, "
                "поддержанную не менее чем 100 тысячами электронных подписей."
            ),
            "en": (
                "The author proposes introducing a citizens' legislative initiative backed "
                "by at least 100,000 electronic signatures."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс заң шығару бастамасы құқығы туралы баптың жобасында ескерілді, "
                "қолтаңбалардың нақты саны заңмен белгіленеді."
            ),
            "ru": (
                "Предложение учтено в проекте статьи о праве законодательной инициативы, "
                "точное число подписей будет установлено законом."
            ),
            "en": (
                "The proposal was taken into account in the draft article on the right of "
                "legislative initiative; the exact number of signatures will be set by law."
            ),
        },
    },
    {
        "category": "legislative-process",
        "language": "kk",
        "title": "Заң жобаларын кемінде бір ай бойы халықпен талқылау",
        "text": (
            "Кейбір заңдар туралы біз олар қабылданып қойғаннан кейін ғана естиміз. "
            "Азаматтардың құқықтары мен міндеттеріне қатысты әрбір заң жобасы ашық порталда "
            "кемінде отыз күн талқылауға қойылуы керек. Жобаның мәні қарапайым тілмен "
            "түсіндірілсін, ал адамдар айтқан ескертулердің әрқайсысына жауап берілсін. "
            "Сонда заңдарға деген сенім де артады."
        ),
        "rationale": "",
        "articles": "62",
        "summary": {
            "kk": (
                "Автор азаматтардың құқықтарына қатысты заң жобаларын ашық порталда кемінде "
                "отыз күн жария талқылауды міндетті етуді ұсынады."
            ),
            "ru": (
                "Автор предлагает обязательное публичное обсуждение законопроектов, "
                "затрагивающих права граждан, на открытом портале не менее тридцати дней."
            ),
            "en": (
                "The author proposes mandatory public discussion of bills affecting "
                "citizens' rights on an open portal for at least thirty days."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс ішінара ескерілді: жария талқылау қағидаты жобаға енгізілді, ал "
                "мерзімдер құқықтық актілер туралы заңда айқындалады."
            ),
            "ru": (
                "Предложение учтено частично: принцип публичного обсуждения включён в "
                "проект, а сроки будут определены законом о правовых актах."
            ),
            "en": (
                "The proposal was partially taken into account: the principle of public "
                "discussion was included in the draft, while the timeframes will be set by "
                "the law on legal acts."
            ),
        },
    },
    {
        "category": "legislative-process",
        "language": "ru",
        "title": "Обязательная оценка регуляторного воздействия законопроектов на бизнес",
        "text": (
            "Ассоциация предлагает закрепить на конституционном уровне, что законопроекты, "
            "вводящие новые обязанности, проверки или платежи для субъектов "
            "предпринимательства, рассматриваются Парламентом только при наличии анализа "
            "регуляторного воздействия. Такой анализ должен включать расчёт издержек для "
            "малого и среднего бизнеса и публиковаться вместе с проектом. Поправки, "
            "существенно меняющие регулирование во втором чтении, должны проходить повторную "
            "оценку."
        ),
        "rationale": (
            "На практике значимые для бизнеса нормы нередко появляются в поправках на "
            "поздних стадиях, когда предприниматели уже не могут высказать свою позицию."
        ),
        "articles": "62",
        "summary": {
            "kk": (
                "Автор кәсіпкерлерге қатысты заң жобаларын тек жарияланған реттеушілік "
                "әсерді талдау болған жағдайда ғана, оның ішінде елеулі түзетулерді қайта "
                "бағалай отырып қарауды ұсынады."
            ),
            "ru": (
                "Автор предлагает рассматривать законопроекты, затрагивающие "
                "предпринимателей, только при наличии опубликованного анализа регуляторного "
                "воздействия, включая повторную оценку существенных поправок."
            ),
            "en": (
                "The author proposes that bills affecting entrepreneurs be considered only "
                "with a published regulatory impact analysis, including a fresh assessment "
                "of substantial amendments."
            ),
        },
        "response": {
            "kk": (
                "Жұмыс тобы бұл мәселені заңнамалық деңгейге жатқызып, ұсынысты «Құқықтық "
                "актілер туралы» заңда ескеру үшін Үкіметке жіберді."
            ),
            "ru": (
                "Рабочая группа отнесла вопрос к уровню законодательства и направила "
                "предложение в Правительство для учёта в Законе «О правовых актах»."
            ),
            "en": (
                "The Working Group considered the matter to belong to ordinary legislation "
                "and forwarded the proposal to the Government for the Law on Legal Acts."
            ),
        },
    },
    {
        "category": "legislative-process",
        "language": "ru",
        "title": "Запрет поправок, не связанных с предметом законопроекта",
        "text": (
            "Предлагается дополнить статью 62 Конституции нормой о том, что поправки, "
            "вносимые в законопроект в ходе его рассмотрения, должны быть непосредственно "
            "связаны с его предметом. Недопустимо, например, включать в законопроект об "
            "образовании нормы о недропользовании или налогах. Председатель Парламента "
            "обязан возвращать такие поправки инициатору, а закон, принятый с нарушением "
            "этого правила, может быть оспорен в Конституционном Суде."
        ),
        "rationale": (
            "Практика «сопутствующих» поправок снижает качество законодательства и лишает "
            "общество возможности отслеживать изменения."
        ),
        "articles": "62, 72",
        "summary": {
            "kk": (
                "Автор заң жобаларына олардың нысанасына қатысы жоқ түзетулер енгізуге тыйым "
                "салуды және мұндай заңдарды Конституциялық Сотта дауласу мүмкіндігін "
                "ұсынады."
            ),
            "ru": (
                "Автор предлагает запретить внесение в законопроекты поправок, не связанных "
                "с их предметом, с возможностью оспаривания таких законов в Конституционном "
                "Суде."
            ),
            "en": (
                "The author proposes banning amendments unrelated to the subject of a bill, "
                "with the possibility of challenging such laws before the Constitutional "
                "Court."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс қолдау тауып, заңдарды қабылдау тәртібі туралы баптың жобасында "
                "ескерілді."
            ),
            "ru": (
                "Предложение поддержано и учтено в проекте статьи о порядке принятия законов."
            ),
            "en": (
                "The proposal was supported and taken into account in the draft article on "
                "the procedure for adopting laws."
            ),
        },
    },
    {
        "category": "legislative-process",
        "language": "en",
        "title": (
            "A minimum deliberation period even for priority bills submitted by the President"
        ),
        "text": (
            "The President may declare a bill a priority, which obliges Parliament to "
            "consider it within a short deadline. We propose that even priority bills be "
            "subject to a minimum deliberation period of one month, including at least one "
            "open committee hearing with civil society. Exceptions should be limited to a "
            "state of emergency or martial law. This would preserve the President's ability "
            "to set priorities while ensuring that important laws are not adopted within "
            "days without scrutiny."
        ),
        "rationale": "",
        "articles": "61",
        "summary": {
            "kk": (
                "Автор Президент енгізген басым заң жобаларын қарау үшін, төтенше "
                "жағдайлардан басқа кезде, комитетте ашық тыңдауды қоса алғанда кемінде бір "
                "айлық мерзім белгілеуді ұсынады."
            ),
            "ru": (
                "Автор предлагает установить минимальный месячный срок рассмотрения "
                "приоритетных законопроектов Президента с обязательными открытыми слушаниями "
                "в комитете, за исключением чрезвычайных ситуаций."
            ),
            "en": (
                "The author proposes a minimum one-month deliberation period, including an "
                "open committee hearing, for priority bills submitted by the President, "
                "except in emergencies."
            ),
        },
        "response": {
            "kk": "Ұсыныс Жұмыс тобының кезекті отырысында қаралады.",
            "ru": "Предложение будет рассмотрено на очередном заседании Рабочей группы.",
            "en": (
                "The proposal will be considered at the next meeting of the Working Group."
            ),
        },
    },
    {
        "category": "legislative-process",
        "language": "en",
        "title": "Review every major law three years after it comes into force",
        "text": (
            "Many laws are passed and then nobody checks whether they actually work. I "
            "suggest that Parliament be required to review each major law three years after "
            "it takes effect. The responsible committee would publish a short report on what "
            "has changed, what problems people faced and whether the law should be amended "
            "or repealed."
        ),
        "rationale": "This would help get rid of laws that exist only on paper.",
        "articles": "62",
        "summary": {
            "kk": (
                "Автор әрбір маңызды заңды күшіне енгеннен кейін үш жыл өткен соң "
                "Парламенттің міндетті түрде талдауын және комитет баяндамасын жариялауды "
                "ұсынады."
            ),
            "ru": (
                "Автор предлагает обязательный парламентский анализ каждого значимого закона "
                "через три года после его вступления в силу с публикацией доклада комитета."
            ),
            "en": (
                "The author proposes a mandatory parliamentary review of each major law "
                "three years after it enters into force, with a published committee report."
            ),
        },
        "response": {
            "kk": (
                "Жұмыс тобы заңдардың қолданылуын кейіннен бағалау идеясын қолдап, оны "
                "Парламент туралы заңда бекітуді ұсынды."
            ),
            "ru": (
                "Рабочая группа поддержала идею постзаконодательного мониторинга и "
                "рекомендовала закрепить её в законе о Парламенте."
            ),
            "en": (
                "The Working Group supported the idea of post-legislative scrutiny and "
                "recommended including it in the law on Parliament."
            ),
        },
    },
    # -------------------- checks-and-balances --------------------
    {
        "category": "checks-and-balances",
        "language": "kk",
        "title": "Премьер-Министрдің кандидатурасын Парламенттегі көпшілік ұсынсын",
        "text": (
            "Партиямыз Премьер-Министр лауазымына кандидатураны Президентке Парламент "
            "сайлауында ең көп мандат алған партия немесе партиялар коалициясы ұсынатынын "
            "бекітуді ұсынады. Үкімет мүшелері Парламенттің келісімімен тағайындалып, Үкімет "
            "өз қызметінің бағдарламасын Парламенттің бекітуіне енгізуге тиіс. Бұл Үкіметтің "
            "сайлаушылар алдындағы саяси жауапкершілігін арттырады."
        ),
        "rationale": (
            "Сайлау нәтижесі атқарушы биліктің құрамы мен бағытына тікелей әсер етуі керек."
        ),
        "articles": "44, 65, 67",
        "summary": {
            "kk": (
                "Автор Премьер-Министрдің кандидатурасын Парламенттегі көпшілік партия "
                "немесе коалиция ұсынуын және Үкімет мүшелерін Парламенттің келісімімен "
                "тағайындауды ұсынады."
            ),
            "ru": (
                "Автор предлагает, чтобы кандидатуру Премьер-Министра предлагала партия или "
                "коалиция парламентского большинства, а члены Правительства назначались с "
                "согласия Парламента."
            ),
            "en": (
                "The author proposes that the candidate for Prime Minister be put forward by "
                "the majority party or coalition in Parliament and that members of the "
                "Government be appointed with Parliament's consent."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс Президенттің, Парламенттің және Үкіметтің өзара қарым-қатынасы "
                "туралы бөлімді талқылау кезінде қаралады."
            ),
            "ru": (
                "Предложение будет рассмотрено при обсуждении раздела о взаимоотношениях "
                "Президента, Парламента и Правительства."
            ),
            "en": (
                "The proposal will be considered during the discussion of the section on "
                "relations between the President, Parliament and the Government."
            ),
        },
    },
    {
        "category": "checks-and-balances",
        "language": "kk",
        "title": "Заң күші бар жарлықтар шығару мүмкіндігін алып тастау",
        "text": (
            "Менің ойымша, заңдарды тек Парламент қабылдауы керек. Қазір Парламент заң "
            "шығару өкілеттігін Президентке бір жылға дейінгі мерзімге бере алады, ал "
            "Президент бұл жағдайда заң күші бар жарлықтар шығарады. Бір палаталы Парламент "
            "құрылғаннан кейін мұндай норманың қажеті жоқ, себебі Парламент заңдарды жылдам "
            "қабылдай алатын болады. Сондықтан оны Конституциядан алып тастауды сұраймын."
        ),
        "rationale": "",
        "articles": "45, 53",
        "summary": {
            "kk": (
                "Автор Парламенттің заң шығару өкілеттігін Президентке беру мүмкіндігін және "
                "заң күші бар жарлықтарды Конституциядан алып тастауды ұсынады."
            ),
            "ru": (
                "Автор предлагает исключить из Конституции возможность делегирования "
                "Парламентом законодательных полномочий Президенту и издания указов, имеющих "
                "силу закона."
            ),
            "en": (
                "The author proposes removing from the Constitution the possibility of "
                "Parliament delegating legislative powers to the President and of decrees "
                "having the force of law."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс қолдау тапты және Парламенттің өкілеттіктері туралы баптың жобасында "
                "ескерілді."
            ),
            "ru": (
                "Предложение поддержано и учтено в проекте статьи о полномочиях Парламента."
            ),
            "en": (
                "The proposal was supported and taken into account in the draft article on "
                "the powers of Parliament."
            ),
        },
    },
    {
        "category": "checks-and-balances",
        "language": "ru",
        "title": "Конструктивный вотум недоверия Правительству",
        "text": (
            "Предлагается ввести институт конструктивного вотума недоверия: Парламент вправе "
            "выразить недоверие Правительству только одновременно с избранием большинством "
            "голосов от общего числа депутатов нового кандидата на должность "
            "Премьер-Министра. В этом случае Президент принимает отставку Правительства и "
            "назначает избранного Парламентом кандидата. Такой механизм повышает "
            "ответственность Правительства перед Парламентом и одновременно исключает "
            "затяжные правительственные кризисы."
        ),
        "rationale": (
            "Конструктивный вотум недоверия успешно применяется в Германии, Испании и Польше."
        ),
        "articles": "56, 70",
        "summary": {
            "kk": (
                "Автор Парламент Үкіметке сенімсіздікті тек Премьер-Министр лауазымына жаңа "
                "кандидатты бір мезгілде сайлау арқылы ғана білдіре алатын сындарлы "
                "сенімсіздік вотумын енгізуді ұсынады."
            ),
            "ru": (
                "Автор предлагает ввести конструктивный вотум недоверия, при котором "
                "Парламент выражает недоверие Правительству только одновременно с избранием "
                "нового кандидата в Премьер-Министры."
            ),
            "en": (
                "The author proposes a constructive vote of no confidence, under which "
                "Parliament may dismiss the Government only by simultaneously electing a new "
                "candidate for Prime Minister."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс назарға алынды және Үкіметтің Парламент алдындағы жауапкершілігі "
                "тетіктерін пысықтау кезінде ескеріледі."
            ),
            "ru": (
                "Предложение принято к сведению и будет учтено при проработке механизмов "
                "ответственности Правительства перед Парламентом."
            ),
            "en": (
                "The proposal was noted and will be taken into account when working out "
                "mechanisms of Government accountability to Parliament."
            ),
        },
    },
    {
        "category": "checks-and-balances",
        "language": "ru",
        "title": "Уточнить основания досрочного роспуска Парламента",
        "text": (
            "Статья 63 Конституции позволяет Президенту распустить Парламент после "
            "консультаций, не указывая конкретных оснований. Предлагаем закрепить "
            "исчерпывающий перечень таких оснований: неоднократный отказ Парламента в "
            "согласии на назначение Премьер-Министра, выражение недоверия Правительству или "
            "неспособность Парламента принять республиканский бюджет. Действующие запреты на "
            "роспуск в период чрезвычайного или военного положения, в последние шесть "
            "месяцев полномочий Президента и в течение года после предыдущего роспуска "
            "необходимо сохранить."
        ),
        "rationale": (
            "Неопределённость оснований роспуска ослабляет независимость Парламента и "
            "создаёт постоянную угрозу досрочного прекращения его полномочий."
        ),
        "articles": "63",
        "summary": {
            "kk": (
                "Автор Президенттің Парламентті мерзімінен бұрын тарату негіздерінің "
                "түпкілікті тізбесін белгілеуді және қолданыстағы шектеулерді сақтауды "
                "ұсынады."
            ),
            "ru": (
                "Автор предлагает установить исчерпывающий перечень оснований для досрочного "
                "роспуска Парламента Президентом, сохранив действующие ограничения."
            ),
            "en": (
                "The author proposes an exhaustive list of grounds on which the President "
                "may dissolve Parliament early, while keeping the existing restrictions."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс ішінара ескерілді: жобада таратуға қатысты қолданыстағы шектеулер "
                "сақталды, ал негіздер мәселесі әлі талқылануда."
            ),
            "ru": (
                "Предложение учтено частично: в проекте сохранены действующие ограничения на "
                "роспуск, а вопрос об основаниях продолжает обсуждаться."
            ),
            "en": (
                "The proposal was partially taken into account: the draft retains the "
                "existing restrictions on dissolution, while the grounds are still under "
                "discussion."
            ),
        },
    },
    {
        "category": "checks-and-balances",
        "language": "en",
        "title": (
            "Allow Parliament to reallocate budget spending without the Government's prior "
            "approval"
        ),
        "text": (
            "Under Article 61, bills that reduce state revenues or increase state "
            "expenditure may be introduced only with a positive opinion of the Government. "
            "In practice this gives the executive a veto over almost any meaningful budget "
            "amendment. We propose that Parliament be able to reallocate spending within the "
            "overall budget ceiling without the Government's approval, while the requirement "
            "for a positive opinion would remain only for proposals that increase the total "
            "deficit."
        ),
        "rationale": (
            "The power of the purse is the core of parliamentary authority; without it a "
            "unicameral Parliament will remain weak in relation to the executive."
        ),
        "articles": "61",
        "summary": {
            "kk": (
                "Автор Парламентке бюджет шығыстарын жалпы лимит шегінде Үкіметтің оң "
                "қорытындысынсыз қайта бөлуге рұқсат беруді, ал бұл талапты тапшылықты "
                "арттыратын ұсыныстарға ғана қалдыруды ұсынады."
            ),
            "ru": (
                "Автор предлагает разрешить Парламенту перераспределять бюджетные расходы в "
                "пределах общего лимита без положительного заключения Правительства, "
                "сохранив это требование только для предложений, увеличивающих дефицит."
            ),
            "en": (
                "The author proposes allowing Parliament to reallocate budget spending "
                "within the overall ceiling without the Government's positive opinion, "
                "keeping that requirement only for deficit-increasing proposals."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс бюджеттік тәртіпке қатысты алаңдаушылыққа байланысты Жұмыс тобы "
                "мүшелерінің көпшілігінің қолдауына ие болмады, алайда одан әрі сараптамалық "
                "талқылауға арналған мәселелер тізбесіне енгізілді."
            ),
            "ru": (
                "Предложение не получило поддержки большинства членов Рабочей группы из-за "
                "опасений относительно бюджетной дисциплины, однако включено в перечень "
                "вопросов для дальнейшего экспертного обсуждения."
            ),
            "en": (
                "The proposal did not receive majority support in the Working Group because "
                "of concerns about fiscal discipline, but it was added to the list of issues "
                "for further expert discussion."
            ),
        },
    },
    {
        "category": "checks-and-balances",
        "language": "en",
        "title": "Parliamentary hearings for all ministerial nominees",
        "text": (
            "The ministers of foreign affairs, defence and internal affairs are currently "
            "appointed by the President without the involvement of Parliament. I propose "
            "that nominees for all ministerial posts, including these, appear before the "
            "relevant parliamentary committee for a public hearing before appointment. For "
            "these three ministries the committee's opinion would be advisory, but it would "
            "still give Parliament and the public an opportunity to assess each nominee's "
            "qualifications and plans."
        ),
        "rationale": "",
        "articles": "44, 65",
        "summary": {
            "kk": (
                "Автор министрлікке барлық кандидаттар, оның ішінде сыртқы істер, қорғаныс "
                "және ішкі істер министрлері бойынша Парламент комитеттерінде ұсынымдық "
                "қорытынды шығара отырып ашық тыңдау өткізуді ұсынады."
            ),
            "ru": (
                "Автор предлагает проводить публичные слушания в комитетах Парламента по "
                "всем кандидатам в министры, включая министров иностранных дел, обороны и "
                "внутренних дел, с рекомендательным заключением комитета."
            ),
            "en": (
                "The author proposes public committee hearings for all ministerial nominees, "
                "including those for foreign affairs, defence and internal affairs, with an "
                "advisory committee opinion."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс одан әрі зерделеу үшін билік тармақтарының тепе-теңдігі жөніндегі "
                "кіші топқа жіберілді."
            ),
            "ru": (
                "Предложение направлено в подгруппу по вопросам баланса ветвей власти для "
                "дальнейшего изучения."
            ),
            "en": (
                "The proposal was forwarded to the subgroup on the balance of powers for "
                "further study."
            ),
        },
    },
    # -------------------- regions-council --------------------
    {
        "category": "regions-council",
        "language": "kk",
        "title": "Өңірлер кеңесін мәслихаттардың делегаттарынан құру",
        "text": (
            "Сенат таратылғаннан кейін өңірлердің мүддесін білдіретін Өңірлер кеңесін құру "
            "ұсынылады. Кеңес әр облыстан, республикалық маңызы бар қалалардан және "
            "астанадан екі делегаттан тұрады, оларды тиісті мәслихаттар өз депутаттарының "
            "арасынан құпия дауыс беру арқылы сайлайды. Кеңес өңірлерді дамытуға, жергілікті "
            "бюджеттерге және жер қатынастарына қатысты заң жобалары бойынша Парламентке "
            "міндетті түрде қорытынды береді. Делегаттар тұрақты негізде жұмыс "
            "істемейтіндіктен, қосымша шығын аз болады."
        ),
        "rationale": (
            "Мәслихаттар халыққа ең жақын өкілді органдар болғандықтан, олардың делегаттары "
            "өңірлердің нақты мәселелерін жақсы біледі."
        ),
        "articles": "50, 86",
        "summary": {
            "kk": (
                "Автор әр өңірден мәслихаттар сайлайтын екі делегаттан тұратын және "
                "өңірлерге қатысты заң жобалары бойынша қорытынды беретін Өңірлер кеңесін "
                "құруды ұсынады."
            ),
            "ru": (
                "Автор предлагает создать Совет регионов из двух делегатов от каждого "
                "региона, избираемых маслихатами, который даёт заключения по законопроектам, "
                "затрагивающим регионы."
            ),
            "en": (
                "The author proposes creating a Council of Regions made up of two delegates "
                "from each region elected by maslikhats, which would issue opinions on bills "
                "affecting the regions."
            ),
        },
        "response": {
            "kk": "Ұсыныс Өңірлер кеңесі туралы баптың жобасында ескерілді.",
            "ru": "Предложение учтено в проекте статьи о Совете регионов.",
            "en": (
                "The proposal was taken into account in the draft article on the Council of "
                "Regions."
            ),
        },
    },
    {
        "category": "regions-council",
        "language": "kk",
        "title": "Әр облыстан Парламентте кемінде үш депутат болуы керек",
        "text": (
            "Мен Ұлытау облысында тұрамын. Бір палаталы Парламент тек партиялық тізіммен "
            "сайланатын болса, біздің өңірден бірде-бір депутат болмай қалуы мүмкін деп "
            "қорқамын. Сондықтан әр облыстан және республикалық маңызы бар қаладан "
            "Парламентте кемінде үш депутат болатыны Конституцияда жазылсын. Шағын "
            "өңірлердің де дауысы естілуі тиіс."
        ),
        "rationale": "Сенат жабылса, шағын облыстардың Парламенттегі өкілдігі әлсіреп қалады.",
        "articles": "50, 51",
        "summary": {
            "kk": (
                "Автор әрбір облыс пен республикалық маңызы бар қаланың Парламентте кемінде "
                "үш депутатпен өкілдік етуіне кепілдік беруді ұсынады."
            ),
            "ru": (
                "Автор предлагает гарантировать каждой области и городу республиканского "
                "значения представительство в Парламенте не менее чем тремя депутатами."
            ),
            "en": (
                "The author proposes guaranteeing each region and city of republican "
                "significance representation in Parliament by at least three deputies."
            ),
        },
        "response": {
            "kk": (
                "Өңірлік өкілдікке қатысты ұсыныс сайлау жүйесі туралы нормаларды әзірлеу "
                "кезінде ескерілді."
            ),
            "ru": (
                "Предложение о региональном представительстве учтено при подготовке норм об "
                "избирательной системе."
            ),
            "en": (
                "The proposal on regional representation was taken into account in preparing "
                "the provisions on the electoral system."
            ),
        },
    },
    {
        "category": "regions-council",
        "language": "ru",
        "title": (
            "Право законодательной инициативы Совета регионов по вопросам межбюджетных "
            "отношений"
        ),
        "text": (
            "Предлагаем наделить Совет регионов правом законодательной инициативы по "
            "вопросам местных бюджетов, межбюджетных трансфертов и "
            "административно-территориального устройства. Законопроекты по этим вопросам, "
            "внесённые Советом, должны рассматриваться Парламентом в приоритетном порядке. "
            "Совет собирается на сессии не реже двух раз в год, а его председатель участвует "
            "в заседаниях Парламента с правом совещательного голоса."
        ),
        "rationale": (
            "Регионы лучше других знают, как распределение бюджетных средств сказывается на "
            "жизни людей, но сегодня у них нет прямого доступа к законодательному процессу."
        ),
        "articles": "61, 86",
        "summary": {
            "kk": (
                "Автор Өңірлер кеңесіне жергілікті бюджеттер, бюджетаралық трансферттер және "
                "әкімшілік-аумақтық құрылыс мәселелері бойынша заң шығару бастамасы құқығын "
                "беруді ұсынады."
            ),
            "ru": (
                "Автор предлагает наделить Совет регионов правом законодательной инициативы "
                "по вопросам местных бюджетов, межбюджетных трансфертов и "
                "административно-территориального устройства."
            ),
            "en": (
                "The author proposes granting the Council of Regions the right of "
                "legislative initiative on local budgets, intergovernmental transfers and "
                "administrative-territorial structure."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс Өңірлер кеңесінің өкілеттіктерін түпкілікті айқындау кезінде "
                "қаралады."
            ),
            "ru": (
                "Предложение будет рассмотрено при окончательном определении полномочий "
                "Совета регионов."
            ),
            "en": (
                "The proposal will be considered when the powers of the Council of Regions "
                "are finalised."
            ),
        },
    },
    {
        "category": "regions-council",
        "language": "ru",
        "title": "Закрепить за регионами часть корпоративного подоходного налога",
        "text": (
            "Ассоциация предпринимателей предлагает закрепить в Конституции принцип "
            "бюджетной самостоятельности регионов. Часть корпоративного подоходного налога, "
            "уплачиваемого крупными предприятиями региона, должна оставаться в местном "
            "бюджете, а порядок распределения трансфертов – утверждаться законом после "
            "заключения Совета регионов. Сегодня у акиматов мало стимулов привлекать "
            "инвесторов, потому что дополнительные налоги почти полностью уходят в "
            "республиканский бюджет."
        ),
        "rationale": "",
        "articles": "86, 87",
        "summary": {
            "kk": (
                "Автор өңірлердің бюджеттік дербестігі қағидатын бекітіп, ірі кәсіпорындар "
                "төлейтін корпоративтік табыс салығының бір бөлігін жергілікті бюджеттерде "
                "қалдыруды ұсынады."
            ),
            "ru": (
                "Автор предлагает закрепить принцип бюджетной самостоятельности регионов, "
                "оставляя в местных бюджетах часть корпоративного подоходного налога крупных "
                "предприятий."
            ),
            "en": (
                "The author proposes enshrining the budgetary autonomy of regions by keeping "
                "part of the corporate income tax paid by large enterprises in local budgets."
            ),
        },
        "response": {
            "kk": (
                "Жұмыс тобы салықтарды бөлу Бюджет кодексімен реттелетінін атап өтіп, "
                "ұсынысты Үкіметке жіберді."
            ),
            "ru": (
                "Рабочая группа отметила, что распределение налогов регулируется Бюджетным "
                "кодексом, и направила предложение в Правительство."
            ),
            "en": (
                "The Working Group noted that the distribution of taxes is governed by the "
                "Budget Code and forwarded the proposal to the Government."
            ),
        },
    },
    {
        "category": "regions-council",
        "language": "en",
        "title": (
            "Keep the Council of Regions consultative to avoid a hidden second chamber"
        ),
        "text": (
            "The Council of Regions should be designed as a consultative body, not as a "
            "second legislative chamber under a different name. I propose that its opinions "
            "on bills be published and taken into account but not be binding, and that it "
            "have no power to block or return laws adopted by Parliament. The Council could "
            "be chaired on a rotating basis by the chairs of regional maslikhats, each "
            "serving for one year. Otherwise the reform risks recreating the slow two-stage "
            "procedure it is meant to remove."
        ),
        "rationale": (
            "Clear limits on the Council's role will make the unicameral model coherent and "
            "easier for citizens to understand."
        ),
        "articles": "49, 86",
        "summary": {
            "kk": (
                "Автор Өңірлер кеңесін міндетті емес қорытындылар беретін және төрағалығы "
                "мәслихат төрағалары арасында кезекпен ауысатын тек консультативтік орган "
                "етуді ұсынады."
            ),
            "ru": (
                "Автор предлагает сделать Совет регионов исключительно консультативным "
                "органом с необязательными заключениями и ротационным председательством из "
                "числа председателей маслихатов."
            ),
            "en": (
                "The author proposes that the Council of Regions be a purely consultative "
                "body with non-binding opinions and a rotating chair from among maslikhat "
                "chairs."
            ),
        },
        "response": {
            "kk": (
                "Жұмыс тобы Өңірлер кеңесінің заң шығарушы палатаның өкілеттіктеріне ие "
                "болмауы керек екенімен келісті және бұл тәсіл жобада көрсетілді."
            ),
            "ru": (
                "Рабочая группа согласилась, что Совет регионов не должен обладать "
                "полномочиями законодательной палаты, и этот подход отражён в проекте."
            ),
            "en": (
                "The Working Group agreed that the Council of Regions should not have the "
                "powers of a legislative chamber, and this approach is reflected in the "
                "draft."
            ),
        },
    },
    {
        "category": "regions-council",
        "language": "en",
        "title": "Independent staff and budgets for maslikhats",
        "text": (
            "Maslikhats cannot effectively oversee akims while their staff and office "
            "budgets depend on decisions made by the akimat. We propose establishing in the "
            "Constitution that each maslikhat adopts its own budget estimate as a separate "
            "line in the local budget, which the akimat may not reduce unilaterally. "
            "Maslikhats should also have their own legal and analytical staff accountable "
            "only to the maslikhat chair. Stronger maslikhats would, in turn, send "
            "better-prepared delegates to the Council of Regions."
        ),
        "rationale": "",
        "articles": "86",
        "summary": {
            "kk": (
                "Автор мәслихаттарға әкімдік біржақты қысқарта алмайтын жергілікті "
                "бюджеттегі жеке шығыс бабына және өзінің заң және талдау аппаратына "
                "кепілдік беруді ұсынады."
            ),
            "ru": (
                "Автор предлагает гарантировать маслихатам отдельную статью расходов в "
                "местном бюджете, которую акимат не вправе сокращать в одностороннем "
                "порядке, и собственный юридический и аналитический аппарат."
            ),
            "en": (
                "The author proposes guaranteeing maslikhats a separate budget line that the "
                "akimat cannot cut unilaterally and their own legal and analytical staff."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс қарау үшін жергілікті басқару мәселелері жөніндегі кіші топқа "
                "жіберілді."
            ),
            "ru": (
                "Предложение направлено для рассмотрения в подгруппу по вопросам местного "
                "управления."
            ),
            "en": (
                "The proposal was forwarded to the subgroup on local government for "
                "consideration."
            ),
        },
    },
    # -------------------- digital-parliament --------------------
    {
        "category": "digital-parliament",
        "language": "kk",
        "title": "Парламент отырыстарын толық тікелей эфирде көрсету",
        "text": (
            "Парламенттің барлық жалпы отырыстары мен комитет отырыстары интернетте тікелей "
            "эфирде көрсетілсін. Трансляция қазақ және орыс тілдерінде, ым тілі аудармасымен "
            "жүргізілсін, ал жазбалары Парламенттің сайтында сақталсын. Халық өзі сайлаған "
            "депутаттардың не айтып, қалай жұмыс істейтінін көруге құқылы. Жабық отырыс тек "
            "мемлекеттік құпияға қатысты мәселелер қаралғанда ғана өткізілуі керек."
        ),
        "rationale": "",
        "articles": "59",
        "summary": {
            "kk": (
                "Автор Парламенттің барлық жалпы отырыстары мен комитет отырыстарын ым тілі "
                "аудармасымен тікелей эфирде көрсетуді және жазбаларын сақтауды ұсынады."
            ),
            "ru": (
                "Автор предлагает в прямом эфире транслировать все пленарные заседания и "
                "заседания комитетов Парламента с сурдопереводом и сохранять записи."
            ),
            "en": (
                "The author proposes live broadcasting of all plenary and committee sessions "
                "of Parliament with sign-language interpretation and keeping the recordings "
                "available."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс Парламент қызметінің ашықтығы туралы норманың жобасында ескерілді."
            ),
            "ru": (
                "Предложение учтено в проекте нормы об открытости деятельности Парламента."
            ),
            "en": (
                "The proposal was taken into account in the draft provision on the openness "
                "of Parliament's work."
            ),
        },
    },
    {
        "category": "digital-parliament",
        "language": "kk",
        "title": "Әр депутаттың дауыс беру нәтижелерін ашық деректер түрінде жариялау",
        "text": (
            "Қоғамдық қорымыз Парламенттегі әрбір дауыс берудің нәтижесін депутаттардың "
            "аты-жөнін көрсете отырып, отырыс аяқталғаннан кейін бір сағат ішінде жариялауды "
            "ұсынады. Деректер машинамен оқылатын ашық форматта және бағдарламалық интерфейс "
            "арқылы қолжетімді болуы тиіс. Жасырын дауыс беруге Конституцияда тікелей "
            "көзделген кадрлық мәселелер бойынша ғана рұқсат етілсін."
        ),
        "rationale": (
            "Сайлаушы өз депутатының нақты қандай шешімдерді қолдағанын білмесе, келесі "
            "сайлауда саналы таңдау жасай алмайды."
        ),
        "articles": "59",
        "summary": {
            "kk": (
                "Автор әрбір депутаттың дауыс беру нәтижелерін бір сағат ішінде ашық "
                "деректер форматында жариялауды және жасырын дауыс беруді шектеуді ұсынады."
            ),
            "ru": (
                "Автор предлагает публиковать поимённые результаты голосования депутатов в "
                "открытом формате в течение часа и ограничить тайное голосование."
            ),
            "en": (
                "The author proposes publishing deputies' roll-call votes as open data "
                "within one hour and restricting secret ballots."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс қолдау тапты; атаулы дауыс беру нәтижелерін жариялау Парламент "
                "туралы конституциялық заңда көзделетін болады."
            ),
            "ru": (
                "Предложение поддержано; публикация результатов поимённого голосования будет "
                "предусмотрена конституционным законом о Парламенте."
            ),
            "en": (
                "The proposal was supported; publication of roll-call voting results will be "
                "provided for in the constitutional law on Parliament."
            ),
        },
    },
    {
        "category": "digital-parliament",
        "language": "ru",
        "title": (
            "Электронные петиции: 50 тысяч подписей – обязательные парламентские слушания"
        ),
        "text": (
            "Предлагаем закрепить право граждан на электронную петицию в Парламент. Петиция, "
            "набравшая не менее 50 тысяч подписей, подтверждённых через портал электронного "
            "правительства или ЭЦП, в течение двух месяцев рассматривается на открытых "
            "парламентских слушаниях с участием авторов и представителей Правительства. По "
            "итогам слушаний профильный комитет публикует мотивированное решение: "
            "разработать законопроект, направить рекомендацию Правительству или отклонить "
            "петицию с объяснением причин."
        ),
        "rationale": (
            "Сегодня обращения граждан рассматриваются по отдельности, и у общества нет "
            "механизма, позволяющего поставить вопрос в повестку Парламента."
        ),
        "articles": "33",
        "summary": {
            "kk": (
                "Автор 50 мың қолтаңба жинаған электрондық петиция екі ай ішінде Парламентте "
                "міндетті ашық тыңдау өткізуге негіз болатын құқықты бекітуді ұсынады."
            ),
            "ru": (
                "Автор предлагает закрепить право на электронную петицию, при котором 50 "
                "тысяч подписей влекут обязательные открытые слушания в Парламенте в течение "
                "двух месяцев."
            ),
            "en": (
                "The author proposes enshrining a right to electronic petitions, with 50,000 "
                "signatures triggering a mandatory open hearing in Parliament within two "
                "months."
            ),
        },
        "response": {
            "kk": (
                "Ұсынысты Жұмыс тобы қолдады және ол азаматтардың өтініш білдіру құқығы "
                "туралы баптың жобасында ескерілді."
            ),
            "ru": (
                "Предложение поддержано Рабочей группой и учтено в проекте статьи о праве "
                "граждан на обращение."
            ),
            "en": (
                "The proposal was supported by the Working Group and taken into account in "
                "the draft article on citizens' right of petition."
            ),
        },
    },
    {
        "category": "digital-parliament",
        "language": "ru",
        "title": "Онлайн-приёмная депутата со сроком ответа 15 дней",
        "text": (
            "Хочу предложить, чтобы у каждого депутата была своя онлайн-приёмная на портале "
            "Парламента. Любой человек мог бы задать вопрос или пожаловаться, а депутат или "
            "его помощник обязан ответить в течение 15 рабочих дней. Все вопросы и ответы, "
            "кроме личных данных, должны быть видны всем, чтобы было понятно, кто из "
            "депутатов реально работает с людьми."
        ),
        "rationale": "",
        "articles": "",
        "summary": {
            "kk": (
                "Автор әр депутат үшін 15 жұмыс күні ішінде міндетті түрде жауап беретін "
                "және өтініштерді жариялайтын онлайн қабылдау бөлмесін құруды ұсынады."
            ),
            "ru": (
                "Автор предлагает создать для каждого депутата онлайн-приёмную с "
                "обязательным ответом в течение 15 рабочих дней и публикацией обращений."
            ),
            "en": (
                "The author proposes an online reception for every deputy, with a mandatory "
                "reply within 15 working days and publication of questions and answers."
            ),
        },
        "response": {
            "kk": (
                "Жұмыс тобы ұсынысты Конституцияға өзгеріс енгізбей, «Цифрлық Парламент» "
                "жобасы аясында іске асыруды ұсынды."
            ),
            "ru": (
                "Рабочая группа рекомендовала реализовать предложение в рамках проекта "
                "«Цифровой Парламент» без внесения изменений в Конституцию."
            ),
            "en": (
                "The Working Group recommended implementing the proposal as part of the "
                "Digital Parliament project without amending the Constitution."
            ),
        },
    },
    {
        "category": "digital-parliament",
        "language": "en",
        "title": "An open legislative data portal and a register of lobbying contacts",
        "text": (
            "Parliament should publish every stage of the legislative process on a single "
            "open data portal: the initial draft, the comparative tables of amendments, "
            "committee opinions, the Government's conclusions and the final text, all linked "
            "to each other and available through an open API. In addition, deputies and "
            "committee staff should record their meetings with interest groups on draft laws "
            "in a public register, creating a legislative footprint for each law."
        ),
        "rationale": (
            "Transparency of the drafting history makes it possible to understand who shaped "
            "a law and why."
        ),
        "articles": "59, 62",
        "summary": {
            "kk": (
                "Автор заң шығару процесінің барлық кезеңін қамтитын ашық деректер порталын "
                "және заң жобалары бойынша лоббистермен байланыстардың жария тізілімін "
                "құруды ұсынады."
            ),
            "ru": (
                "Автор предлагает создать открытый портал данных, охватывающий все стадии "
                "законодательного процесса, и публичный реестр контактов с лоббистами по "
                "законопроектам."
            ),
            "en": (
                "The author proposes an open data portal covering every stage of the "
                "legislative process and a public register of lobbying contacts on draft "
                "laws."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс ішінара ескерілді: ашық деректер порталы «Цифрлық Парламент» "
                "тұжырымдамасы аясында әзірленеді, ал лоббистік байланыстар тізілімі жеке "
                "заңды қажет етеді."
            ),
            "ru": (
                "Предложение учтено частично: открытый портал данных будет создан в рамках "
                "концепции «Цифровой Парламент», а реестр лоббистских контактов требует "
                "отдельного закона."
            ),
            "en": (
                "The proposal was partially taken into account: the open data portal will be "
                "developed under the Digital Parliament concept, while the lobbying register "
                "requires separate legislation."
            ),
        },
    },
    {
        "category": "digital-parliament",
        "language": "en",
        "title": "Secure remote voting for deputies during emergencies",
        "text": (
            "The Constitution requires deputies to vote in person, which is an important "
            "safeguard against voting on behalf of absent colleagues. However, during the "
            "pandemic this rule created serious difficulties. We propose allowing remote "
            "participation and voting through a secure system based on biometric "
            "verification and an electronic digital signature, but only when a state of "
            "emergency is declared or when Parliament so decides by a two-thirds majority. "
            "All remote votes should be recorded and published in the same way as votes cast "
            "in the chamber."
        ),
        "rationale": (
            "A clear legal basis for remote voting would prevent Parliament from being "
            "paralysed in a crisis while keeping the personal voting rule intact."
        ),
        "articles": "59",
        "summary": {
            "kk": (
                "Автор депутаттарға биометриялық сәйкестендіру және ЭЦҚ арқылы қашықтан "
                "дауыс беруге тек төтенше жағдай кезінде немесе Парламенттің үштен екі "
                "дауыспен қабылданған шешімі бойынша рұқсат беруді ұсынады."
            ),
            "ru": (
                "Автор предлагает разрешить депутатам дистанционное голосование с "
                "биометрической верификацией и ЭЦП только в период чрезвычайного положения "
                "или по решению двух третей Парламента."
            ),
            "en": (
                "The author proposes allowing secure remote voting by deputies with "
                "biometric verification and digital signatures, but only during emergencies "
                "or by a two-thirds decision of Parliament."
            ),
        },
        "response": {
            "kk": (
                "Жұмыс тобы ұсынысты назарға алды және депутаттардың жеке дауыс беруі туралы "
                "нормаларды талқылау кезінде оған қайта оралады."
            ),
            "ru": (
                "Рабочая группа приняла предложение к сведению и вернётся к нему при "
                "обсуждении норм о личном голосовании."
            ),
            "en": (
                "The Working Group took note of the proposal and will return to it when "
                "discussing the rules on personal voting."
            ),
        },
    },
    # -------------------- oversight --------------------
    {
        "category": "oversight",
        "language": "kk",
        "title": (
            "Депутаттардың үштен бірінің талабы бойынша уақытша тергеу комиссияларын құру"
        ),
        "text": (
            "Партиямыз Парламентке қоғамды алаңдатқан оқиғаларды зерттеу үшін уақытша "
            "парламенттік тергеу комиссияларын құру құқығын беруді ұсынады. Комиссия "
            "депутаттардың жалпы санының кемінде үштен бірінің талабы бойынша құрылуы тиіс, "
            "бұл азшылықтағы фракцияларға да бақылау жүргізуге мүмкіндік береді. Лауазымды "
            "адамдар комиссия шақырған кезде келуге және құжаттарды ұсынуға міндетті, ал "
            "комиссияның қорытындысы жария етіледі."
        ),
        "rationale": (
            "Қазіргі кезде Парламентте атқарушы биліктің қызметін тексеруге арналған тиімді "
            "құралдар жоқ."
        ),
        "articles": "57, 60",
        "summary": {
            "kk": (
                "Автор депутаттардың кемінде үштен бірінің талабы бойынша уақытша "
                "парламенттік тергеу комиссияларын құру құқығын енгізуді ұсынады."
            ),
            "ru": (
                "Автор предлагает ввести право создавать временные парламентские "
                "следственные комиссии по требованию не менее трети депутатов."
            ),
            "en": (
                "The author proposes introducing the right to establish temporary "
                "parliamentary commissions of inquiry at the request of at least one third "
                "of deputies."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс парламенттік бақылау туралы баптың жобасында ескерілді, комиссия "
                "құру үшін қажетті дауыс саны әлі талқылануда."
            ),
            "ru": (
                "Предложение учтено в проекте статьи о парламентском контроле, необходимое "
                "для создания комиссии число голосов ещё обсуждается."
            ),
            "en": (
                "The proposal was taken into account in the draft article on parliamentary "
                "oversight; the number of votes needed to set up a commission is still under "
                "discussion."
            ),
        },
    },
    {
        "category": "oversight",
        "language": "kk",
        "title": "Министрлер Парламентте ай сайын депутаттардың сұрақтарына жауап берсін",
        "text": (
            "Министрлер халыққа есеп беруі керек. Парламентте ай сайын «Үкімет сағаты» өтіп, "
            "онда министрлер депутаттардың сұрақтарына тікелей эфирде жауап берсін. "
            "Сұрақтардың бір бөлігін азаматтар Парламенттің порталында алдын ала жинап, ең "
            "көп дауыс жинағандарын депутаттар министрге қойса болады. Сонда қарапайым "
            "адамдардың да мәселесі жоғарыға жетеді."
        ),
        "rationale": "",
        "articles": "56, 57",
        "summary": {
            "kk": (
                "Автор Парламентте министрлер депутаттар мен азаматтардың сұрақтарына жауап "
                "беретін ай сайынғы «Үкімет сағатын» өткізуді ұсынады."
            ),
            "ru": (
                "Автор предлагает ежемесячно проводить в Парламенте «правительственный час», "
                "на котором министры отвечают на вопросы депутатов и граждан."
            ),
            "en": (
                "The author proposes a monthly Government Hour in Parliament at which "
                "ministers answer questions from deputies and citizens."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс Парламенттің регламентіне жатады, сондықтан тиісті түзетулерді "
                "әзірлеу үшін Парламент аппаратына жіберілді."
            ),
            "ru": (
                "Предложение относится к регламенту Парламента и направлено в его аппарат "
                "для подготовки соответствующих изменений."
            ),
            "en": (
                "The proposal concerns the parliamentary rules of procedure and was "
                "forwarded to the Parliament's staff to prepare the relevant changes."
            ),
        },
    },
    {
        "category": "oversight",
        "language": "ru",
        "title": (
            "Обязательные парламентские слушания по ежегодному докладу Уполномоченного по "
            "правам человека"
        ),
        "text": (
            "Предлагаем дополнить статью 83-1 Конституции нормой о том, что Уполномоченный "
            "по правам человека ежегодно представляет Парламенту доклад о соблюдении прав и "
            "свобод человека. Доклад рассматривается на открытом пленарном заседании, а "
            "Правительство в течение трёх месяцев представляет Парламенту письменный ответ о "
            "мерах по выполнению рекомендаций. Невыполненные рекомендации переносятся в "
            "следующий доклад с указанием ответственных органов."
        ),
        "rationale": (
            "Сегодня доклады омбудсмена публикуются, но не влекут обязательного обсуждения и "
            "ответа государственных органов."
        ),
        "articles": "83-1",
        "summary": {
            "kk": (
                "Автор Адам құқықтары жөніндегі уәкілдің жыл сайынғы баяндамасын "
                "Парламенттің ашық отырысында міндетті түрде қарауды және Үкіметтің үш ай "
                "ішінде жазбаша жауап беруін ұсынады."
            ),
            "ru": (
                "Автор предлагает обязательное рассмотрение ежегодного доклада "
                "Уполномоченного по правам человека на открытом заседании Парламента и "
                "письменный ответ Правительства в течение трёх месяцев."
            ),
            "en": (
                "The author proposes mandatory consideration of the Human Rights "
                "Commissioner's annual report at an open sitting of Parliament and a written "
                "Government response within three months."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс қолдау тауып, Адам құқықтары жөніндегі уәкіл туралы баптың жобасында "
                "ескерілді."
            ),
            "ru": (
                "Предложение поддержано и учтено в проекте статьи об Уполномоченном по "
                "правам человека."
            ),
            "en": (
                "The proposal was supported and taken into account in the draft article on "
                "the Human Rights Commissioner."
            ),
        },
    },
    {
        "category": "oversight",
        "language": "ru",
        "title": "Подотчётность Высшей аудиторской палаты Парламенту",
        "text": (
            "Высшая аудиторская палата должна стать инструментом парламентского контроля за "
            "исполнением бюджета. Предлагается, чтобы её Председатель и члены избирались "
            "Парламентом сроком на семь лет без права повторного избрания, а палата ежегодно "
            "отчитывалась перед Парламентом. Депутаты должны иметь право решением "
            "профильного комитета поручать палате проведение внеплановых аудитов "
            "государственных программ и организаций квазигосударственного сектора."
        ),
        "rationale": (
            "Орган, проверяющий исполнение бюджета, должен быть независим от Правительства, "
            "которое этот бюджет исполняет."
        ),
        "articles": "53",
        "summary": {
            "kk": (
                "Автор Жоғары аудиторлық палатаның Төрағасы мен мүшелерін Парламент жеті "
                "жылға сайлауын, ал палатаның Парламентке есеп беріп, оның тапсырмасы "
                "бойынша аудит жүргізуін ұсынады."
            ),
            "ru": (
                "Автор предлагает, чтобы Председатель и члены Высшей аудиторской палаты "
                "избирались Парламентом на семь лет, а палата отчитывалась перед Парламентом "
                "и проводила аудиты по его поручению."
            ),
            "en": (
                "The author proposes that the Chair and members of the Supreme Audit Chamber "
                "be elected by Parliament for seven years and that the Chamber report to "
                "Parliament and conduct audits at its request."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс парламенттік бақылау мәселелері жөніндегі кіші топтың қарауында."
            ),
            "ru": (
                "Предложение находится на рассмотрении подгруппы по вопросам парламентского "
                "контроля."
            ),
            "en": (
                "The proposal is under consideration by the subgroup on parliamentary "
                "oversight."
            ),
        },
    },
    {
        "category": "oversight",
        "language": "en",
        "title": "Binding deadlines and publication for deputies' inquiries",
        "text": (
            "Deputies' inquiries are one of the main oversight tools, yet answers often "
            "arrive late or are purely formal. I propose that the Constitution oblige the "
            "Government and other state bodies to reply to a deputy's inquiry within fifteen "
            "working days, with the answer signed personally by the head of the body "
            "concerned. Both the inquiry and the answer should be published on the "
            "Parliament's website. If Parliament finds an answer unsatisfactory, it may "
            "summon the official to a plenary sitting."
        ),
        "rationale": "",
        "articles": "56",
        "summary": {
            "kk": (
                "Автор депутаттық сауалдарға орган басшысының қолы қойылған жауапты он бес "
                "жұмыс күні ішінде беруді, оларды жариялауды және лауазымды адамды жалпы "
                "отырысқа шақыру мүмкіндігін ұсынады."
            ),
            "ru": (
                "Автор предлагает установить срок ответа на депутатские запросы в пятнадцать "
                "рабочих дней за подписью руководителя органа, публиковать запросы и ответы "
                "и предусмотреть возможность вызова должностного лица на пленарное заседание."
            ),
            "en": (
                "The author proposes a fifteen-working-day deadline for replies to deputies' "
                "inquiries, signed by the head of the body, with publication and the "
                "possibility of summoning the official."
            ),
        },
        "response": {
            "kk": "Ұсыныс депутаттық сауал туралы норманың жобасында ескерілді.",
            "ru": "Предложение учтено в проекте нормы о депутатских запросах.",
            "en": (
                "The proposal was taken into account in the draft provision on deputies' "
                "inquiries."
            ),
        },
    },
    {
        "category": "oversight",
        "language": "en",
        "title": (
            "Annual parliamentary hearings on the National Welfare Fund and the quasi-public "
            "sector"
        ),
        "text": (
            "National companies and the National Welfare Fund manage a large share of the "
            "economy, but Parliament has little insight into their decisions. We propose "
            "requiring the management of the Fund and of the largest national companies to "
            "present annual reports at open parliamentary hearings, including information on "
            "borrowing, major procurement and the use of budget funds. Parliament should "
            "also be able to commission audits of these entities through the Supreme Audit "
            "Chamber."
        ),
        "rationale": (
            "Public money invested through the quasi-public sector should be subject to the "
            "same parliamentary scrutiny as direct budget spending."
        ),
        "articles": "57",
        "summary": {
            "kk": (
                "Автор Ұлттық әл-ауқат қоры мен ірі ұлттық компаниялардың есептері бойынша "
                "жыл сайын ашық парламенттік тыңдаулар өткізуді және олардың аудитін "
                "тағайындау құқығын ұсынады."
            ),
            "ru": (
                "Автор предлагает ежегодные открытые парламентские слушания по отчётам Фонда "
                "национального благосостояния и крупнейших национальных компаний с правом "
                "назначать их аудит."
            ),
            "en": (
                "The author proposes annual open parliamentary hearings on the reports of "
                "the National Welfare Fund and the largest national companies, with the "
                "power to commission audits."
            ),
        },
        "response": {
            "kk": (
                "Жұмыс тобы бұл мәселені Ұлттық әл-ауқат қоры туралы заңда реттеуді ұсынды "
                "және ұсынысты парламенттік бақылау туралы жалпы нормада ескерді."
            ),
            "ru": (
                "Рабочая группа рекомендовала урегулировать этот вопрос в законе о Фонде "
                "национального благосостояния и учла предложение в общей норме о "
                "парламентском контроле."
            ),
            "en": (
                "The Working Group recommended regulating this issue in the law on the "
                "National Welfare Fund and took the proposal into account in the general "
                "provision on parliamentary oversight."
            ),
        },
    },
    # -------------------- rights-freedoms --------------------
    {
        "category": "rights-freedoms",
        "language": "kk",
        "title": "Ақпаратқа қол жеткізу құқығын Конституцияда жеке бекіту",
        "text": (
            "Конституцияның 20-бабы ақпаратты еркін алу және тарату құқығын қамтиды, бірақ "
            "мемлекеттік органдардың ақпаратты ашу міндеті онда айқын жазылмаған. Әркімнің "
            "мемлекеттік органдар мен квазимемлекеттік ұйымдардың қолындағы ақпаратқа қол "
            "жеткізу құқығын жеке норма ретінде бекіту ұсынылады. Бұл құқықты шектеу тек "
            "заңмен және мемлекеттік құпияны, жеке өмірге қол сұғылмаушылықты қорғау "
            "мақсатында ғана мүмкін болуы тиіс."
        ),
        "rationale": "",
        "articles": "18, 20",
        "summary": {
            "kk": (
                "Автор мемлекеттік органдар мен квазимемлекеттік ұйымдардағы ақпаратқа қол "
                "жеткізу құқығын Конституцияда жеке норма ретінде бекітуді ұсынады."
            ),
            "ru": (
                "Автор предлагает закрепить в Конституции отдельной нормой право доступа к "
                "информации, находящейся у государственных органов и квазигосударственных "
                "организаций."
            ),
            "en": (
                "The author proposes enshrining in a separate constitutional provision the "
                "right of access to information held by state bodies and quasi-public "
                "organisations."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс адам құқықтары мен бостандықтары туралы бөлімді пысықтау кезінде "
                "қаралады."
            ),
            "ru": (
                "Предложение будет рассмотрено при доработке раздела о правах и свободах "
                "человека."
            ),
            "en": (
                "The proposal will be considered when the section on human rights and "
                "freedoms is revised."
            ),
        },
    },
    {
        "category": "rights-freedoms",
        "language": "kk",
        "title": "Мүгедектігі бар адамдардың құқықтарына кепілдік беру",
        "text": (
            "Менің ұлымның мүгедектігі бар. Конституцияда мүгедектігі бар адамдардың білім "
            "алуға, жұмыс істеуге және қоғамдық өмірге тең қатысу құқығы нақты жазылсын деп "
            "сұраймын. Мемлекеттік ғимараттар, қоғамдық көлік пен мемлекеттік сайттар барлық "
            "адамдарға қолжетімді болуы керек. Қазір бұл туралы заңдар бар, бірақ олар "
            "көбіне орындалмайды."
        ),
        "rationale": "Конституцияда жазылса, адамдар өз құқығын сотта қорғай алады.",
        "articles": "14, 28",
        "summary": {
            "kk": (
                "Автор мүгедектігі бар адамдардың білім алуға, жұмысқа және қоғамдық өмірге "
                "тең қатысу құқығын және ортаның қолжетімділігін Конституцияда бекітуді "
                "ұсынады."
            ),
            "ru": (
                "Автор предлагает закрепить в Конституции право лиц с инвалидностью на "
                "равное участие в образовании, труде и общественной жизни, а также "
                "доступность среды."
            ),
            "en": (
                "The author proposes enshrining in the Constitution the right of persons "
                "with disabilities to equal participation in education, work and public "
                "life, as well as accessibility."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс қолдау тапты және әлеуметтік құқықтар туралы баптың жобасында "
                "ескерілді."
            ),
            "ru": (
                "Предложение поддержано и учтено в проекте статьи о социальных правах."
            ),
            "en": (
                "The proposal was supported and taken into account in the draft article on "
                "social rights."
            ),
        },
    },
    {
        "category": "rights-freedoms",
        "language": "ru",
        "title": (
            "Уведомительный порядок проведения мирных собраний на конституционном уровне"
        ),
        "text": (
            "Предлагаем дополнить статью 32 Конституции положением о том, что для проведения "
            "мирного собрания достаточно уведомить местный исполнительный орган и разрешение "
            "не требуется. Ограничения времени и места собрания могут устанавливаться только "
            "законом, должны быть соразмерными и могут быть обжалованы в суде в ускоренном "
            "порядке до даты собрания. Спонтанные собрания, возникающие в ответ на "
            "неожиданные события, не должны считаться незаконными лишь из-за отсутствия "
            "уведомления."
        ),
        "rationale": (
            "Закрепление уведомительного порядка в Конституции защитит его от сужения при "
            "последующих изменениях законодательства."
        ),
        "articles": "32",
        "summary": {
            "kk": (
                "Автор бейбіт жиналыстарды өткізудің хабарлама тәртібін, шектеулердің "
                "мөлшерлестігін және оларға жиналыс күніне дейін сотқа шағымдану мүмкіндігін "
                "Конституцияда бекітуді ұсынады."
            ),
            "ru": (
                "Автор предлагает закрепить в Конституции уведомительный порядок мирных "
                "собраний, соразмерность ограничений и возможность их обжалования в суде до "
                "даты собрания."
            ),
            "en": (
                "The author proposes enshrining in the Constitution a notification procedure "
                "for peaceful assemblies, proportionality of restrictions and the "
                "possibility of court appeal before the date of the assembly."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс қаралды; Жұмыс тобы бейбіт жиналыстар туралы заңдағы қолданыстағы "
                "реттеуді жеткілікті деп санады."
            ),
            "ru": (
                "Предложение рассмотрено; Рабочая группа сочла достаточным действующее "
                "регулирование в законе о мирных собраниях."
            ),
            "en": (
                "The proposal was considered; the Working Group found the current regulation "
                "in the law on peaceful assemblies sufficient."
            ),
        },
    },
    {
        "category": "rights-freedoms",
        "language": "ru",
        "title": "Право каждого на благоприятную окружающую среду",
        "text": (
            "Я живу в Темиртау, и у нас постоянные проблемы с выбросами. В Конституции "
            "сказано, что государство ставит целью охрану окружающей среды, но права "
            "человека на чистый воздух и воду там прямо нет. Предлагаю записать, что каждый "
            "имеет право на благоприятную окружающую среду и на возмещение вреда, "
            "причинённого экологическим правонарушением. Тогда люди смогут защищать это "
            "право в суде."
        ),
        "rationale": "",
        "articles": "31",
        "summary": {
            "kk": (
                "Автор әркімнің қолайлы қоршаған ортаға және экологиялық құқық бұзушылықтан "
                "келтірілген зиянның орнын толтыруға құқығын бекітуді ұсынады."
            ),
            "ru": (
                "Автор предлагает закрепить право каждого на благоприятную окружающую среду "
                "и на возмещение вреда от экологических правонарушений."
            ),
            "en": (
                "The author proposes enshrining everyone's right to a healthy environment "
                "and to compensation for harm caused by environmental offences."
            ),
        },
        "response": {
            "kk": "Ұсыныс қоршаған ортаны қорғау туралы баптың жобасында ескерілді.",
            "ru": "Предложение учтено в проекте статьи об охране окружающей среды.",
            "en": (
                "The proposal was taken into account in the draft article on environmental "
                "protection."
            ),
        },
    },
    {
        "category": "rights-freedoms",
        "language": "en",
        "title": "Constitutional protection of personal data in the digital age",
        "text": (
            "Article 18 protects privacy and the secrecy of correspondence, but it was "
            "drafted long before digital government and biometric databases. I propose "
            "adding that everyone has the right to the protection of their personal data, to "
            "know which state bodies hold their data and why, and to request correction or "
            "deletion of unlawfully collected data. Any access by law enforcement agencies "
            "to personal data held in state databases should require a court order, except "
            "in urgent cases subject to subsequent judicial review."
        ),
        "rationale": (
            "Large-scale leaks of personal data in recent years have shown that statutory "
            "guarantees alone are not sufficient."
        ),
        "articles": "18",
        "summary": {
            "kk": (
                "Автор Конституцияда дербес деректерді қорғау құқығын, оның ішінде оларға "
                "қол жеткізу, түзету және жою құқығын бекітуді, ал құқық қорғау органдарының "
                "мемлекеттік дерекқорларға қол жеткізуіне сот рұқсатын талап етуді ұсынады."
            ),
            "ru": (
                "Автор предлагает закрепить в Конституции право на защиту персональных "
                "данных, включая доступ, исправление и удаление, и требовать судебной "
                "санкции для доступа правоохранительных органов к государственным базам "
                "данных."
            ),
            "en": (
                "The author proposes adding a constitutional right to personal data "
                "protection, including access, correction and deletion, and requiring court "
                "orders for law enforcement access to state databases."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс ішінара ескерілді: дербес деректерді қорғау құқығы жобаға енгізілді, "
                "ал сот рұқсаты туралы талап қосымша зерделеуді қажет етеді."
            ),
            "ru": (
                "Предложение учтено частично: право на защиту персональных данных включено в "
                "проект, а требование судебной санкции нуждается в дополнительном изучении."
            ),
            "en": (
                "The proposal was partially taken into account: the right to personal data "
                "protection was included in the draft, while the court order requirement "
                "needs further study."
            ),
        },
    },
    {
        "category": "rights-freedoms",
        "language": "en",
        "title": "Guarantee free, quality and inclusive secondary education",
        "text": (
            "Article 30 guarantees free secondary education, but many rural schools lack "
            "qualified teachers, and children with special educational needs are often "
            "refused admission to mainstream schools. We propose specifying that the state "
            "guarantees not only free but also quality and inclusive secondary education, "
            "with equal access for children in rural areas and children with disabilities. "
            "The Government should report to Parliament every year on progress in closing "
            "the gap between urban and rural schools."
        ),
        "rationale": (
            "National and international assessments consistently show a significant gap "
            "between urban and rural pupils."
        ),
        "articles": "30",
        "summary": {
            "kk": (
                "Автор ауыл балалары мен мүгедектігі бар балаларға тең қолжетімділікпен "
                "тегін, сапалы және инклюзивті орта білім беруге кепілдік беруді және "
                "Үкіметтің Парламентке жыл сайын есеп беруін ұсынады."
            ),
            "ru": (
                "Автор предлагает гарантировать бесплатное, качественное и инклюзивное "
                "среднее образование с равным доступом для сельских детей и детей с "
                "инвалидностью, а также ежегодный отчёт Правительства перед Парламентом."
            ),
            "en": (
                "The author proposes guaranteeing free, quality and inclusive secondary "
                "education with equal access for rural children and children with "
                "disabilities, and annual Government reporting to Parliament."
            ),
        },
        "response": {
            "kk": (
                "Ұсынысты конституциялық құқықтар мен бостандықтар жөніндегі кіші топ "
                "қарайды."
            ),
            "ru": (
                "Предложение будет рассмотрено подгруппой по конституционным правам и "
                "свободам."
            ),
            "en": (
                "The proposal will be considered by the subgroup on constitutional rights "
                "and freedoms."
            ),
        },
    },
    # -------------------- courts --------------------
    {
        "category": "courts",
        "language": "kk",
        "title": "Конституциялық Сотқа азаматтардың жүгінуін тиімді ету",
        "text": (
            "2023 жылдан бастап азаматтар өз құқықтары мен бостандықтарын тікелей қозғайтын "
            "заңдар мен өзге де нормативтік құқықтық актілердің конституциялылығын тексеру "
            "туралы Конституциялық Сотқа жүгіне алады. Алайда өтініштердің едәуір бөлігі "
            "қабылданбай қайтарылады, ал бас тарту себептері жарияланбайды. Өтінішті іс "
            "жүргізуге қабылдаудан бас тарту туралы әрбір шешімнің дәлелді болуын және "
            "Соттың сайтында жариялануын Конституцияда бекіту ұсынылады. Сондай-ақ құқықтың "
            "бұзылуы жалғасып жатқан жағдайда азаматқа барлық сот сатысынан өтуді күтпей "
            "жүгінуге рұқсат берілуі керек."
        ),
        "rationale": (
            "Бұл тетік Конституциялық Сотқа деген сенімді арттырып, азаматтардың құқықтарын "
            "қорғаудың тиімділігін күшейтеді."
        ),
        "articles": "72",
        "summary": {
            "kk": (
                "Автор Конституциялық Соттың өтінішті қабылдаудан бас тарту туралы "
                "шешімдерін дәлелді етіп жариялауды және құқық бұзушылық жалғасқан жағдайда "
                "тікелей жүгінуге рұқсат беруді ұсынады."
            ),
            "ru": (
                "Автор предлагает обязать Конституционный Суд мотивировать и публиковать "
                "отказы в принятии обращений граждан и разрешить прямое обращение при "
                "продолжающемся нарушении прав."
            ),
            "en": (
                "The author proposes requiring the Constitutional Court to give reasons for "
                "and publish refusals to admit citizens' applications and to allow direct "
                "applications where a rights violation is ongoing."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс «Конституциялық Сот туралы» конституциялық заңға өзгерістер дайындау "
                "кезінде қарау үшін Конституциялық Сотқа жіберілді."
            ),
            "ru": (
                "Предложение направлено в Конституционный Суд для рассмотрения при "
                "подготовке изменений в Конституционный закон «О Конституционном Суде»."
            ),
            "en": (
                "The proposal was forwarded to the Constitutional Court for consideration "
                "when amendments to the Constitutional Law on the Constitutional Court are "
                "prepared."
            ),
        },
    },
    {
        "category": "courts",
        "language": "kk",
        "title": "Алқабилер сотын көбірек істерге қолдану",
        "text": (
            "Соттарға халықтың сенімі аз. Қарапайым азаматтар алқабилер ретінде көбірек "
            "істерді қарауға қатысса, үкімдер әділ болады деп ойлаймын. Қазір алқабилер "
            "қылмыстардың шектеулі түрлерін ғана қарайды. Айыпталушы сұраса, кез келген ауыр "
            "және аса ауыр қылмыс туралы істі алқабилердің қатысуымен қарау құқығы "
            "Конституцияда жазылуы керек."
        ),
        "rationale": "",
        "articles": "75",
        "summary": {
            "kk": (
                "Автор айыпталушының өтініші бойынша ауыр және аса ауыр қылмыстар туралы кез "
                "келген істі алқабилердің қатысуымен қарау құқығын Конституцияда бекітуді "
                "ұсынады."
            ),
            "ru": (
                "Автор предлагает закрепить в Конституции право обвиняемого на рассмотрение "
                "любого дела о тяжком или особо тяжком преступлении с участием присяжных "
                "заседателей."
            ),
            "en": (
                "The author proposes enshrining the right of an accused person to have any "
                "case involving a serious or especially serious crime heard with the "
                "participation of jurors."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс Жоғарғы Соттың пікірін алу үшін жіберілді және сот жүйесі туралы "
                "бөлімді талқылау кезінде қаралады."
            ),
            "ru": (
                "Предложение направлено в Верховный Суд для получения заключения и будет "
                "рассмотрено при обсуждении раздела о судебной системе."
            ),
            "en": (
                "The proposal was sent to the Supreme Court for an opinion and will be "
                "considered during the discussion of the section on the judiciary."
            ),
        },
    },
    {
        "category": "courts",
        "language": "ru",
        "title": "Формирование Высшего Судебного Совета с преобладанием судей",
        "text": (
            "Предлагаем закрепить в Конституции, что не менее половины членов Высшего "
            "Судебного Совета избираются собранием судей тайным голосованием, а остальные "
            "члены назначаются Президентом и Парламентом в равных долях из числа юристов с "
            "безупречной репутацией. Председатель Совета избирается его членами. Заседания "
            "Совета по отбору судей должны быть открытыми, а результаты конкурса с баллами "
            "кандидатов – публиковаться."
        ),
        "rationale": (
            "Такой порядок соответствует рекомендациям Венецианской комиссии и снижает "
            "зависимость судей от исполнительной власти."
        ),
        "articles": "82",
        "summary": {
            "kk": (
                "Автор Жоғары Сот Кеңесі мүшелерінің кемінде жартысын судьялар сайлауын, "
                "қалғандарын Президент пен Парламент тең үлесте тағайындауын және судьяларды "
                "іріктеудің ашық болуын ұсынады."
            ),
            "ru": (
                "Автор предлагает, чтобы не менее половины членов Высшего Судебного Совета "
                "избирались судьями, а остальные назначались Президентом и Парламентом "
                "поровну, при открытом отборе судей."
            ),
            "en": (
                "The author proposes that at least half of the members of the Supreme "
                "Judicial Council be elected by judges and the rest appointed equally by the "
                "President and Parliament, with open selection of judges."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс назарға алынды және Жоғарғы Сотпен және Жоғары Сот Кеңесімен "
                "бірлесіп талқыланады."
            ),
            "ru": (
                "Предложение принято к сведению и будет обсуждено совместно с Верховным "
                "Судом и Высшим Судебным Советом."
            ),
            "en": (
                "The proposal was noted and will be discussed together with the Supreme "
                "Court and the Supreme Judicial Council."
            ),
        },
    },
    {
        "category": "courts",
        "language": "ru",
        "title": (
            "Избрание судей Конституционного Суда Парламентом квалифицированным большинством"
        ),
        "text": (
            "Сейчас три судьи Конституционного Суда назначаются Сенатом и три – Мажилисом. "
            "После перехода к однопалатной модели предлагается, чтобы все шесть судей этой "
            "квоты избирались Парламентом большинством в две трети голосов от общего числа "
            "депутатов, что потребует согласия между фракциями. Перед голосованием кандидаты "
            "проходят публичное собеседование в профильном комитете, а их биографии и "
            "научные работы публикуются заранее."
        ),
        "rationale": "",
        "articles": "71",
        "summary": {
            "kk": (
                "Автор Сенат таратылғаннан кейін Конституциялық Соттың алты судьясын бір "
                "палаталы Парламент ашық әңгімелесуден кейін үштен екі көпшілік дауыспен "
                "сайлауын ұсынады."
            ),
            "ru": (
                "Автор предлагает, чтобы после упразднения Сената шесть судей "
                "Конституционного Суда избирались однопалатным Парламентом большинством в "
                "две трети голосов после публичного собеседования."
            ),
            "en": (
                "The author proposes that after the abolition of the Senate six judges of "
                "the Constitutional Court be elected by the unicameral Parliament by a "
                "two-thirds majority following public interviews."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс Конституциялық Сотты қалыптастыру тәртібі туралы баптың жобасында "
                "судьяларды Парламенттің сайлауы бөлігінде ескерілді."
            ),
            "ru": (
                "Предложение учтено в проекте статьи о порядке формирования Конституционного "
                "Суда в части избрания судей Парламентом."
            ),
            "en": (
                "The proposal was taken into account in the draft article on the formation "
                "of the Constitutional Court as regards the election of judges by Parliament."
            ),
        },
    },
    {
        "category": "courts",
        "language": "en",
        "title": (
            "A constitutional basis for specialised economic courts and a guaranteed appeal "
            "for investors"
        ),
        "text": (
            "Our association represents domestic and foreign investors in several regions. "
            "We propose giving a constitutional basis to specialised economic courts and to "
            "the investment panel of the Supreme Court, with judges selected for their "
            "expertise in corporate, tax and contract law. Judgments in commercial disputes "
            "should be published in full within ten days, and the parties should have a "
            "guaranteed right to at least one appeal on the merits."
        ),
        "rationale": (
            "Investors need confidence that specialised courts cannot be abolished or "
            "restructured by a simple change in ordinary legislation."
        ),
        "articles": "75, 76",
        "summary": {
            "kk": (
                "Автор мамандандырылған экономикалық соттар мен Жоғарғы Соттың инвестициялық "
                "алқасына конституциялық негіз беруді, шешімдерді толық жариялауды және "
                "апелляциялық шағымдану құқығына кепілдік беруді ұсынады."
            ),
            "ru": (
                "Автор предлагает закрепить в Конституции основу для специализированных "
                "экономических судов и инвестиционной коллегии Верховного Суда с полной "
                "публикацией решений и гарантированным правом на апелляцию."
            ),
            "en": (
                "The author proposes giving a constitutional basis to specialised economic "
                "courts and the Supreme Court's investment panel, with full publication of "
                "judgments and a guaranteed appeal."
            ),
        },
        "response": {
            "kk": (
                "Жұмыс тобы мамандандырылған соттар жүйесі сот жүйесі туралы конституциялық "
                "заңмен тиісінше реттеледі деп санап, Конституцияға өзгеріс енгізуді "
                "қолдамады."
            ),
            "ru": (
                "Рабочая группа сочла, что система специализированных судов надлежащим "
                "образом регулируется конституционным законом о судебной системе, и не "
                "поддержала изменение Конституции."
            ),
            "en": (
                "The Working Group considered that the system of specialised courts is "
                "properly regulated by the constitutional law on the judicial system and did "
                "not support amending the Constitution."
            ),
        },
    },
    {
        "category": "courts",
        "language": "en",
        "title": "Random case assignment and secure tenure for judges",
        "text": (
            "We propose adding two guarantees of judicial independence to the Constitution. "
            "First, cases should be assigned to judges through an automated random system, "
            "with any deviation justified in writing and recorded. Second, judges should be "
            "appointed without a time limit after an initial five-year period and could be "
            "removed only on grounds set out in constitutional law, following a procedure in "
            "which they have the right to be heard."
        ),
        "rationale": "",
        "articles": "77, 79",
        "summary": {
            "kk": (
                "Автор істерді автоматтандырылған кездейсоқ тәртіппен бөлуге және алғашқы "
                "бес жылдық мерзімнен кейін судьялардың ауыстырылмауына конституциялық "
                "кепілдік беруді ұсынады."
            ),
            "ru": (
                "Автор предлагает закрепить в Конституции автоматизированное случайное "
                "распределение дел и несменяемость судей после первоначального пятилетнего "
                "срока."
            ),
            "en": (
                "The author proposes constitutional guarantees of automated random case "
                "assignment and secure tenure for judges after an initial five-year period."
            ),
        },
        "response": {
            "kk": "Ұсыныс сот жүйесі мәселелері жөніндегі кіші топтың қарауында.",
            "ru": (
                "Предложение находится на рассмотрении подгруппы по вопросам судебной "
                "системы."
            ),
            "en": (
                "The proposal is under consideration by the subgroup on the judiciary."
            ),
        },
    },
    # -------------------- local-self-government --------------------
    {
        "category": "local-self-government",
        "language": "kk",
        "title": "Аудан әкімдерін халық тікелей сайласын",
        "text": (
            "Ауыл әкімдерін біз өзіміз сайлай бастадық, бұл дұрыс шешім болды. Енді аудан "
            "әкімдерін де тұрғындар тікелей сайлауы керек деп есептеймін. Аудан әкімі "
            "жоғарыдағы басшыға емес, ең алдымен ауданның халқына есеп беруі тиіс. Әкім "
            "жұмысын нашар атқарса, тұрғындар оны кері шақырып ала алатын болсын. Сайлау "
            "алдында кандидаттар өз бағдарламаларын тұрғындармен кездесулерде ашық "
            "таныстыруы керек."
        ),
        "rationale": "",
        "articles": "87",
        "summary": {
            "kk": (
                "Автор аудан әкімдерін тұрғындардың тікелей сайлауын және оларды кері шақыру "
                "мүмкіндігін енгізуді ұсынады."
            ),
            "ru": (
                "Автор предлагает ввести прямые выборы акимов районов жителями и возможность "
                "их отзыва."
            ),
            "en": (
                "The author proposes direct election of district akims by residents and the "
                "possibility of recalling them."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс әкімдерді сайлау тәжірибесін кеңейту мәселесімен бірге жергілікті "
                "басқару жөніндегі кіші топта қаралады."
            ),
            "ru": (
                "Предложение будет рассмотрено в подгруппе по местному управлению вместе с "
                "вопросом о расширении практики выборов акимов."
            ),
            "en": (
                "The proposal will be considered by the subgroup on local government "
                "together with the question of expanding the practice of electing akims."
            ),
        },
    },
    {
        "category": "local-self-government",
        "language": "kk",
        "title": "Қатысымдық бюджет және ауылдық округтердің меншікті кірістері",
        "text": (
            "Қоғамдық бірлестігіміз жергілікті өзін-өзі басқарудың қаржылық негізін "
            "Конституцияда бекітуді ұсынады. Жер салығы, мүлік салығы және көлік салығы "
            "сияқты меншікті кірістер ауылдық округтер мен шағын қалалардың бюджетіне толық "
            "түсуі тиіс. Сонымен қатар жергілікті бюджеттің кемінде бес пайызы тұрғындардың "
            "ашық дауыс беруі арқылы таңдалатын жобаларға бағытталсын. Бұл азаматтарды "
            "жергілікті мәселелерді шешуге белсенді қатысуға ынталандырады."
        ),
        "rationale": (
            "Қаржылық дербестігі жоқ жергілікті өзін-өзі басқару тек қағаз жүзінде қалады."
        ),
        "articles": "89",
        "summary": {
            "kk": (
                "Автор ауылдық округтерге меншікті салық кірістерін бекітуді және жергілікті "
                "бюджеттің кемінде бес пайызын қатысымдық бюджетке бағыттауды ұсынады."
            ),
            "ru": (
                "Автор предлагает закрепить за сельскими округами собственные налоговые "
                "доходы и направлять не менее пяти процентов местного бюджета на "
                "инициативное бюджетирование."
            ),
            "en": (
                "The author proposes assigning own tax revenues to rural districts and "
                "allocating at least five percent of local budgets to participatory "
                "budgeting."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс ішінара ескерілді: жергілікті өзін-өзі басқарудың қаржылық "
                "дербестігі қағидаты жобаға енгізілді."
            ),
            "ru": (
                "Предложение учтено частично: в проект включён принцип финансовой "
                "самостоятельности местного самоуправления."
            ),
            "en": (
                "The proposal was partially taken into account: the principle of financial "
                "autonomy of local self-government was included in the draft."
            ),
        },
    },
    {
        "category": "local-self-government",
        "language": "ru",
        "title": "Прямые выборы акимов городов областного значения",
        "text": (
            "Партия предлагает следующим шагом после выборов сельских и районных акимов "
            "ввести прямые выборы акимов городов областного значения. Кандидатов могут "
            "выдвигать политические партии, а также сами граждане в порядке самовыдвижения "
            "при поддержке не менее одного процента избирателей города. Аким города "
            "избирается на четыре года и подотчётен городскому маслихату, который вправе "
            "инициировать местный референдум о его досрочном отзыве."
        ),
        "rationale": (
            "Крупные города обладают достаточной финансовой базой и активным гражданским "
            "обществом для полноценного самоуправления."
        ),
        "articles": "87",
        "summary": {
            "kk": (
                "Автор облыстық маңызы бар қалалардың әкімдерін төрт жылға тікелей сайлауды "
                "және жергілікті референдум арқылы мерзімінен бұрын кері шақыру мүмкіндігін "
                "енгізуді ұсынады."
            ),
            "ru": (
                "Автор предлагает ввести прямые выборы акимов городов областного значения на "
                "четыре года с возможностью досрочного отзыва через местный референдум."
            ),
            "en": (
                "The author proposes direct elections of akims of cities of regional "
                "significance for four-year terms, with the possibility of early recall by "
                "local referendum."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс назарға алынды және аудан әкімдерін сайлау бойынша пилоттық жобаның "
                "қорытындылары ескеріле отырып қаралады."
            ),
            "ru": (
                "Предложение принято к сведению и будет рассмотрено с учётом итогов пилотных "
                "выборов районных акимов."
            ),
            "en": (
                "The proposal was noted and will be considered in light of the results of "
                "the pilot elections of district akims."
            ),
        },
    },
    {
        "category": "local-self-government",
        "language": "ru",
        "title": "Решения сходов жителей должны быть обязательными для акима",
        "text": (
            "У нас в посёлке проводятся сходы, но акимат может просто не выполнять их "
            "решения. Предлагаю, чтобы решения собрания жителей по вопросам благоустройства, "
            "ремонта дорог и использования пастбищ были обязательными для акима, если за них "
            "проголосовало большинство участников. Если аким не согласен, пусть письменно "
            "объяснит причины и вынесет вопрос на местный референдум."
        ),
        "rationale": "",
        "articles": "89",
        "summary": {
            "kk": (
                "Автор тұрғындар жиналыстары мен жиындарының жергілікті мәселелер бойынша "
                "шешімдерін әкім үшін міндетті етуді, ал келіспеген жағдайда мәселені "
                "жергілікті референдумға шығаруды ұсынады."
            ),
            "ru": (
                "Автор предлагает сделать решения собраний и сходов жителей по местным "
                "вопросам обязательными для акима, а при его несогласии выносить вопрос на "
                "местный референдум."
            ),
            "en": (
                "The author proposes making decisions of residents' meetings on local "
                "matters binding on the akim and, if the akim disagrees, putting the issue "
                "to a local referendum."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс «Қазақстан Республикасындағы жергілікті мемлекеттік басқару және "
                "өзін-өзі басқару туралы» заңды жетілдіру кезінде ескеру үшін Үкіметке "
                "жіберілді."
            ),
            "ru": (
                "Предложение направлено в Правительство для учёта при совершенствовании "
                "Закона «О местном государственном управлении и самоуправлении в Республике "
                "Казахстан»."
            ),
            "en": (
                "The proposal was forwarded to the Government for consideration when "
                "improving the Law on Local Public Administration and Self-Government."
            ),
        },
    },
    {
        "category": "local-self-government",
        "language": "en",
        "title": "Separate local self-government from the state administrative hierarchy",
        "text": (
            "Under the current model, the akim of a rural district is at the same time the "
            "lowest link of state administration and the head of local self-government, "
            "which blurs accountability. I propose that the Constitution recognise local "
            "self-government as independent from state bodies within its competence, with "
            "its own municipal property, a clearly defined list of local matters and the "
            "right to challenge decisions of higher authorities in court. Delegated state "
            "functions should be transferred only together with the necessary funding."
        ),
        "rationale": (
            "This approach follows the European Charter of Local Self-Government and would "
            "give real substance to Article 89."
        ),
        "articles": "89",
        "summary": {
            "kk": (
                "Автор жергілікті өзін-өзі басқаруды мемлекеттік органдардан дербес деп "
                "тануды, оған муниципалдық меншік, өз құзыреті, сот арқылы қорғалу және "
                "берілген функцияларды қаржыландыру кепілдігін беруді ұсынады."
            ),
            "ru": (
                "Автор предлагает признать местное самоуправление самостоятельным по "
                "отношению к государственным органам, с муниципальной собственностью, "
                "собственной компетенцией, судебной защитой и финансированием делегированных "
                "функций."
            ),
            "en": (
                "The author proposes recognising local self-government as independent from "
                "state bodies, with municipal property, its own competences, court "
                "protection and funded delegated functions."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс жергілікті өзін-өзі басқару туралы баптың жобасында ескерілді."
            ),
            "ru": "Предложение учтено в проекте статьи о местном самоуправлении.",
            "en": (
                "The proposal was taken into account in the draft article on local "
                "self-government."
            ),
        },
    },
    {
        "category": "local-self-government",
        "language": "en",
        "title": "Allow residents to recall elected rural akims",
        "text": (
            "Rural akims are now elected, but voters have no way to remove an akim who fails "
            "to perform or abuses their position before the end of the term. We propose that "
            "residents be able to initiate a recall vote if at least ten percent of the "
            "voters of the rural district sign a petition, and that the recall succeed if "
            "more than half of those voting support it, with at least one third of "
            "registered voters taking part. A recall should not be possible during the first "
            "year after the election."
        ),
        "rationale": (
            "The possibility of recall strengthens the accountability of elected akims to "
            "their communities."
        ),
        "articles": "87",
        "summary": {
            "kk": (
                "Автор сайланған ауыл әкімдерін сайлаушылардың он пайызының бастамасы "
                "бойынша кері шақыру рәсімін енгізуді, бірақ оны сайлаудан кейінгі алғашқы "
                "жылы қолданбауды ұсынады."
            ),
            "ru": (
                "Автор предлагает процедуру отзыва избранных сельских акимов по инициативе "
                "десяти процентов избирателей, недоступную в течение первого года после "
                "выборов."
            ),
            "en": (
                "The author proposes a recall procedure for elected rural akims, initiated "
                "by ten percent of voters and not available in the first year after the "
                "election."
            ),
        },
        "response": {
            "kk": (
                "Жұмыс тобы кері шақыру рәсімі сайлау заңнамасына жататынын атап өтіп, "
                "ұсынысты Орталық сайлау комиссиясына жіберді."
            ),
            "ru": (
                "Рабочая группа отметила, что процедура отзыва относится к избирательному "
                "законодательству, и направила предложение в Центральную избирательную "
                "комиссию."
            ),
            "en": (
                "The Working Group noted that recall procedures are a matter for electoral "
                "legislation and forwarded the proposal to the Central Election Commission."
            ),
        },
    },
    # -------------------- other --------------------
    {
        "category": "other",
        "language": "kk",
        "title": "Заң жобалары алдымен мемлекеттік тілде әзірленсін",
        "text": (
            "Бүгінгі таңда заң жобаларының көпшілігі орыс тілінде жазылып, кейін қазақ "
            "тіліне аударылады, сондықтан екі мәтіннің арасында сәйкессіздіктер жиі "
            "кездеседі. Конституцияның 7-бабында мемлекеттік тіл – қазақ тілі екені "
            "бекітілген. Заңдардың түпнұсқасы мемлекеттік тілде әзірленіп, Парламентте "
            "негізінен қазақ тілінде талқылануы тиіс, ал орыс тіліндегі мәтіні ресми нұсқа "
            "ретінде қатар жариялансын. Депутаттарға ілеспе аударма қамтамасыз етілсін."
        ),
        "rationale": "Мемлекеттік тілдің мәртебесі ең алдымен заң шығару ісінде көрінуі керек.",
        "articles": "7, 62",
        "summary": {
            "kk": (
                "Автор заң жобаларын алдымен мемлекеттік тілде әзірлеуді және Парламентте "
                "негізінен қазақ тілінде талқылауды, ал орыс тіліндегі ресми мәтінді қатар "
                "жариялауды ұсынады."
            ),
            "ru": (
                "Автор предлагает разрабатывать законопроекты изначально на государственном "
                "языке и обсуждать их в Парламенте преимущественно на казахском языке при "
                "параллельной публикации официального текста на русском."
            ),
            "en": (
                "The author proposes drafting bills originally in the state language and "
                "debating them in Parliament mainly in Kazakh, with an official Russian text "
                "published in parallel."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс Парламент туралы конституциялық заңның жобасын дайындау кезінде "
                "қаралады."
            ),
            "ru": (
                "Предложение будет рассмотрено при подготовке проекта конституционного "
                "закона о Парламенте."
            ),
            "en": (
                "The proposal will be considered during the preparation of the draft "
                "constitutional law on Parliament."
            ),
        },
    },
    {
        "category": "other",
        "language": "kk",
        "title": "Конституцияның негізгі ережелерін тек референдум арқылы өзгерту",
        "text": (
            "Конституциялық құрылыстың тұрақтылығын қамтамасыз ету үшін Конституцияның жалпы "
            "ережелерін, адам құқықтары туралы бөлімін және Парламент туралы бөлімін тек "
            "республикалық референдум арқылы өзгертуге болатынын бекіту ұсынылады. Қалған "
            "баптарға түзетулерді Парламент депутаттардың жалпы санының кемінде төрттен "
            "үшінің дауысымен қабылдай алады. Мұндай тәртіп негізгі қағидаттарды саяси "
            "конъюнктураға байланысты жиі өзгертуден қорғайды."
        ),
        "rationale": "",
        "articles": "91",
        "summary": {
            "kk": (
                "Автор Конституцияның жалпы ережелерін, адам құқықтары мен Парламент туралы "
                "бөлімдерін тек республикалық референдум арқылы өзгертуді ұсынады."
            ),
            "ru": (
                "Автор предлагает изменять общие положения Конституции, разделы о правах "
                "человека и о Парламенте только путём республиканского референдума."
            ),
            "en": (
                "The author proposes that the general provisions of the Constitution and the "
                "sections on human rights and Parliament be amended only by national "
                "referendum."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс Конституцияға өзгерістер енгізу тәртібі туралы баптың жобасында "
                "ішінара ескерілді."
            ),
            "ru": (
                "Предложение частично учтено в проекте статьи о порядке внесения изменений в "
                "Конституцию."
            ),
            "en": (
                "The proposal was partially taken into account in the draft article on the "
                "procedure for amending the Constitution."
            ),
        },
    },
    {
        "category": "other",
        "language": "ru",
        "title": (
            "Сохранить представительство Ассамблеи народа Казахстана после упразднения Сената"
        ),
        "text": (
            "В настоящее время пять депутатов Сената назначаются Президентом по предложению "
            "Ассамблеи народа Казахстана. С упразднением Сената этнокультурные объединения "
            "могут лишиться прямого голоса в высшем представительном органе. Предлагаем "
            "закрепить, что Ассамблея направляет своих представителей в Совет регионов, а её "
            "председатель вправе вносить в Парламент предложения по законопроектам, "
            "касающимся межэтнических отношений и языковой политики."
        ),
        "rationale": (
            "Межэтническое согласие – одна из основ государственности Казахстана, и "
            "механизмы его поддержки должны сохраниться в новой конституционной модели."
        ),
        "articles": "50",
        "summary": {
            "kk": (
                "Автор Сенат таратылғаннан кейін Қазақстан халқы Ассамблеясының өкілдігін "
                "Өңірлер кеңесі арқылы және заң жобалары бойынша ұсыныс енгізу құқығы арқылы "
                "сақтауды ұсынады."
            ),
            "ru": (
                "Автор предлагает сохранить представительство Ассамблеи народа Казахстана "
                "после упразднения Сената через Совет регионов и право вносить предложения "
                "по законопроектам."
            ),
            "en": (
                "The author proposes preserving the representation of the Assembly of People "
                "of Kazakhstan after the abolition of the Senate through the Council of "
                "Regions and a right to make proposals on bills."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс Жұмыс тобының отырысында қаралып, жобада Қазақстан халқы "
                "Ассамблеясының мәртебесін айқындау кезінде ескерілді."
            ),
            "ru": (
                "Предложение рассмотрено на заседании Рабочей группы и учтено при "
                "определении статуса Ассамблеи народа Казахстана в проекте."
            ),
            "en": (
                "The proposal was considered at a Working Group meeting and taken into "
                "account in defining the status of the Assembly of People of Kazakhstan in "
                "the draft."
            ),
        },
    },
    {
        "category": "other",
        "language": "ru",
        "title": "Всенародное обсуждение проекта новой Конституции не менее двух месяцев",
        "text": (
            "Поскольку объём поправок фактически означает принятие новой Конституции, "
            "предлагаю до вынесения проекта на референдум провести его всенародное "
            "обсуждение продолжительностью не менее двух месяцев. Полный текст проекта "
            "должен быть опубликован на казахском и русском языках вместе со сравнительной "
            "таблицей и пояснениями к каждой статье. Все поступившие замечания нужно "
            "обобщить, а итоговый отчёт о том, какие из них учтены и почему, опубликовать до "
            "начала агитации."
        ),
        "rationale": "",
        "articles": "91",
        "summary": {
            "kk": (
                "Автор жаңа Конституцияның жобасын референдумға дейін кемінде екі ай бойы "
                "жалпыхалықтық талқылауды, салыстырмалы кесте мен ескертулердің ескерілуі "
                "туралы есепті жариялауды ұсынады."
            ),
            "ru": (
                "Автор предлагает провести всенародное обсуждение проекта новой Конституции "
                "не менее двух месяцев до референдума с публикацией сравнительной таблицы и "
                "отчёта об учёте замечаний."
            ),
            "en": (
                "The author proposes a nationwide discussion of the draft new Constitution "
                "lasting at least two months before the referendum, with a comparative table "
                "and a report on how comments were handled."
            ),
        },
        "response": {
            "kk": (
                "Жұмыс тобы ұсынысты қолдап, жалпыхалықтық талқылау рәсімін референдумға "
                "дайындық жоспарында көздеуді ұсынды."
            ),
            "ru": (
                "Рабочая группа поддержала предложение и рекомендовала предусмотреть "
                "процедуру всенародного обсуждения в плане подготовки к референдуму."
            ),
            "en": (
                "The Working Group supported the proposal and recommended including a "
                "nationwide discussion procedure in the referendum preparation plan."
            ),
        },
    },
    {
        "category": "other",
        "language": "en",
        "title": "Clarify the status of ratified international human rights treaties",
        "text": (
            "Article 4 gives ratified international treaties priority over national laws, "
            "but courts rarely apply them directly. I propose stating explicitly that the "
            "provisions of ratified human rights treaties are directly applicable by courts "
            "and that the views of UN treaty bodies on individual complaints against "
            "Kazakhstan must be considered by the competent state bodies, with an annual "
            "report to Parliament. This would strengthen the protection of rights without "
            "affecting the supremacy of the Constitution."
        ),
        "rationale": (
            "Kazakhstan has accepted individual complaint procedures under several UN "
            "treaties, but there is no clear domestic mechanism for implementing the "
            "resulting decisions."
        ),
        "articles": "4",
        "summary": {
            "kk": (
                "Автор ратификацияланған адам құқықтары жөніндегі шарттарды соттардың "
                "тікелей қолдануын айқын бекітуді және мемлекеттік органдарды БҰҰ шарттық "
                "органдарының шешімдерін қарап, Парламентке есеп беруге міндеттеуді ұсынады."
            ),
            "ru": (
                "Автор предлагает прямо закрепить непосредственное применение судами "
                "ратифицированных договоров о правах человека и обязать государственные "
                "органы рассматривать решения договорных органов ООН с отчётом перед "
                "Парламентом."
            ),
            "en": (
                "The author proposes explicitly making ratified human rights treaties "
                "directly applicable by courts and requiring state bodies to consider and "
                "report on the views of UN treaty bodies."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныс қорытынды алу үшін Әділет министрлігі мен Конституциялық Сотқа "
                "жіберілді."
            ),
            "ru": (
                "Предложение направлено в Министерство юстиции и Конституционный Суд для "
                "получения заключения."
            ),
            "en": (
                "The proposal was forwarded to the Ministry of Justice and the "
                "Constitutional Court for an opinion."
            ),
        },
    },
    {
        "category": "other",
        "language": "en",
        "title": "Teach the new Constitution in schools and review it every ten years",
        "text": (
            "A new Constitution only works if people know what it says. I suggest that a "
            "short course on the Constitution and citizens' rights become part of the school "
            "curriculum, and that a plain-language version be published together with the "
            "official text. I also think Parliament should set up a commission every ten "
            "years to review how the Constitution works in practice and report back to the "
            "people."
        ),
        "rationale": "",
        "articles": "",
        "summary": {
            "kk": (
                "Автор Конституцияны мектептерде оқытуды, оның қарапайым тілдегі нұсқасын "
                "жариялауды және он жыл сайын оның қолданылуын бағалайтын парламенттік "
                "комиссия құруды ұсынады."
            ),
            "ru": (
                "Автор предлагает изучать Конституцию в школах, опубликовать её изложение "
                "простым языком и каждые десять лет создавать парламентскую комиссию для "
                "оценки её действия."
            ),
            "en": (
                "The author proposes teaching the Constitution in schools, publishing a "
                "plain-language version and setting up a parliamentary review commission "
                "every ten years."
            ),
        },
        "response": {
            "kk": (
                "Ұсыныстың құқықтық ағарту жөніндегі бөлігі Оқу-ағарту министрлігіне "
                "жіберілді, ал мерзімді бағалау тетігін Жұмыс тобы назарға алды."
            ),
            "ru": (
                "Часть предложения о правовом просвещении направлена в Министерство "
                "просвещения, а механизм периодического обзора принят Рабочей группой к "
                "сведению."
            ),
            "en": (
                "The part of the proposal on civic education was forwarded to the Ministry "
                "of Education, and the Working Group took note of the periodic review "
                "mechanism."
            ),
        },
    },
]

# One text sent by many citizens as a mass campaign.
CAMPAIGN = {
    "category": "parliament-structure",
    "language": "ru",
    "title": "Численность депутатов однопалатного Парламента – не более 100",
    "text": (
        "Мы, граждане Казахстана, предлагаем закрепить в Конституции, что однопалатный "
        "Парламент состоит не более чем из 100 депутатов. Объединение палат не должно "
        "приводить к увеличению числа депутатов и расходов на их содержание. Сэкономленные "
        "средства следует направить на развитие регионов, здравоохранение и образование. "
        "Эффективность Парламента определяется качеством законов, а не количеством депутатов."
    ),
    "rationale": (
        "Сейчас в Мажилисе 98 депутатов, а в Сенате – 50; после упразднения Сената нет "
        "необходимости увеличивать численность депутатов."
    ),
    "articles": "50",
    "summary": {
        "kk": (
            "Автор бір палаталы Парламент депутаттарының саны 100-ден аспайтынын "
            "Конституцияда бекітуді және үнемделген қаражатты әлеуметтік салаларға "
            "бағыттауды ұсынады."
        ),
        "ru": (
            "Автор предлагает закрепить в Конституции, что однопалатный Парламент состоит не "
            "более чем из 100 депутатов, а сэкономленные средства направить на социальные "
            "нужды."
        ),
        "en": (
            "The author proposes enshrining in the Constitution that the unicameral "
            "Parliament has no more than 100 deputies and directing the savings to social "
            "needs."
        ),
    },
    "response": {
        "kk": (
            "Жұмыс тобы осы мәселе бойынша азаматтардың көптеген өтініштерін назарға алды "
            "және депутаттар санын айқындау кезінде оларды ескереді."
        ),
        "ru": (
            "Рабочая группа приняла к сведению многочисленные обращения граждан по этому "
            "вопросу и учтёт их при определении численности депутатов."
        ),
        "en": (
            "The Working Group took note of the numerous citizens' submissions on this issue "
            "and will take them into account when determining the number of deputies."
        ),
    },
}

CITIZEN_NAMES = {
    "kk": [
        "Әсел Нұрланқызы Жұмабаева",
        "Ерлан Серікұлы Тоқтаров",
        "Гүлнар Бақытжанқызы Сәрсенбаева",
        "Нұржан Асқарұлы Әбдірахманов",
        "Айгүл Ержанқызы Қасымова",
        "Бауыржан Қайратұлы Мұқанов",
        "Динара Маратқызы Оспанова",
        "Дәурен Болатұлы Жақыпов",
        "Жансая Ғаниқызы Төлеуова",
        "Қуаныш Серғазыұлы Бекмұратов",
        "Мәдина Әділқызы Нұрмағамбетова",
        "Ержан Төлегенұлы Құрманғалиев",
        "Сәуле Қанатқызы Ибраева",
        "Арман Жеңісұлы Сұлтанов",
        "Ләззат Өмірзаққызы Дүйсенова",
        "Талғат Мұратұлы Есенов",
        "Ақмарал Бейсенқызы Шәкенова",
        "Мейрамбек Ғалымжанұлы Әлімов",
        "Перизат Нұрболқызы Қожахметова",
        "Асылбек Үсенұлы Серікбаев",
    ],
    "ru": [
        "Ольга Викторовна Ковальчук",
        "Сергей Александрович Петренко",
        "Наталья Ивановна Шевченко",
        "Андрей Владимирович Ким",
        "Елена Сергеевна Цой",
        "Дмитрий Николаевич Беккер",
        "Ирина Петровна Смирнова",
        "Алексей Юрьевич Кузнецов",
        "Марина Анатольевна Шмидт",
        "Виктор Павлович Мельников",
        "Татьяна Геннадьевна Пак",
        "Рустам Ринатович Хайруллин",
        "Гульнара Маратовна Ахметова",
        "Тимур Ерланович Сапаров",
        "Светлана Олеговна Гриценко",
        "Артём Игоревич Лысенко",
        "Динара Болатовна Исмаилова",
        "Юлия Викторовна Вагнер",
        "Айдар Серикович Жумагулов",
        "Людмила Степановна Бондаренко",
    ],
    "en": [
        "Aigerim Sadykova",
        "Daniyar Abenov",
        "Madina Kassymova",
        "Nurlan Zhaksybekov",
        "Alina Tsoy",
        "Yerlan Mukhamedzhanov",
        "Zarina Akhmetova",
        "Timur Bekov",
    ],
}

NGO_NAMES = [
    "Общественный фонд «Правовая инициатива»",
    "«Ашық қоғам» қоғамдық бірлестігі",
    "Общественное объединение «Гражданский контроль»",
    "«Әділ сайлау» қоғамдық қоры",
    "Общественный фонд «Центр парламентских исследований»",
    "«Жас азамат» жастар қоғамдық бірлестігі",
    "Ассоциация «Права человека и верховенство закона»",
    "«Тең мүмкіндік» мүгедектігі бар адамдарды қолдау қоғамдық бірлестігі",
    "Общественный фонд «Экологическая инициатива Сарыарки»",
    "«Жергілікті қоғамдастық» қоғамдық қоры",
    "Общественное объединение «Открытые данные для всех»",
    "«Әйелдер көшбасшылығы» қоғамдық бірлестігі",
]

BUSINESS_NAMES = [
    "Ассоциация предпринимателей Павлодарской области",
    "Союз малого и среднего бизнеса Карагандинской области",
    "Ассоциация IT-компаний «Цифровая степь»",
    "Маңғыстау облысының кәсіпкерлер қауымдастығы",
    "Ассоциация инвесторов «Евразийский деловой диалог»",
    "Түркістан облысы фермерлерінің одағы",
]

EXPERT_AFFILIATIONS = [
    "Әл-Фараби атындағы ҚазҰУ, заң факультеті",
    "Университет КАЗГЮУ имени М. С. Нарикбаева",
    "Independent constitutional law expert",
    "Л. Н. Гумилев атындағы Еуразия ұлттық университеті, конституциялық құқық кафедрасы",
    "Карагандинский университет имени академика Е. А. Букетова, юридический факультет",
    "Институт законодательства и правовой информации, отдел конституционного права",
    "KIMEP University, School of Law",
    "Independent researcher in electoral systems",
]

POSITIONS = {
    "kk": [
        "төраға",
        "заң бөлімінің басшысы",
        "атқарушы директор",
        "төрағаның орынбасары",
        "бағдарламалар үйлестірушісі",
        "жетекші сарапшы",
    ],
    "ru": [
        "председатель",
        "руководитель юридического отдела",
        "исполнительный директор",
        "заместитель председателя",
        "координатор программ",
        "ведущий эксперт",
    ],
    "en": [
        "Chair",
        "Executive Director",
        "Head of Legal Department",
        "Senior Policy Analyst",
    ],
}
