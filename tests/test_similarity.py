"""The similarity of points: normalisation of Kazakh and Russian spelling, band keys, scores and star clusters."""
from proposals.core.similarity import band_keys, fingerprint, normalise, score, stems, tokens
from proposals.core.similarity.clustering import cluster
from proposals.core.similarity.normalise import fold
from proposals.core.similarity.scores import Scored, quantity_conflict

LETTER = (
    "Предлагаю сократить число депутатов Мажилиса до 100 человек и избирать их только по партийным спискам, "
    "чтобы Парламент работал профессионально."
)


def test_kazakh_letters_fold_to_the_russian_letters_typed_in_their_place():
    assert fold("Әділет өкілі үшін құқық ұлттық ғылым Қоңырау һәм іс") == fold(
        "Адилет окили ушин кукык улттык гылым Конырау хам ис"
    )
    assert fold("ә ө ү ұ і қ ғ ң һ") == "а о у у и к г н х"


def test_yo_and_short_i_fold_to_e_and_i():
    assert fold("Объём ещё йогурт") == fold("Объем еще иогурт")


def test_case_punctuation_and_white_space_do_not_matter():
    assert normalise("  ПАРЛАМЕНТ,   бір палаталы!!!\n\n«Құрылтай»") == normalise("парламент бір-палаталы құрылтай")


def test_latin_look_alikes_inside_a_cyrillic_word_read_as_cyrillic():
    assert tokens("пapлaмент") == tokens("парламент")
    assert tokens("parlament") == ["parlament"]


def test_stop_words_and_appeal_formulas_are_not_content():
    assert stems("Уважаемая рабочая группа! Предлагаю и прошу: парламент") == ["парл"]
    assert stems("Құрметті жұмыс тобы! Ұсынамын: және парламент") == ["парл"]


def test_negations_are_content():
    assert stems("не сохранять Сенат") == ["не", "сохр", "сена"]
    assert stems("Сенатты сақтау емес") == ["сена", "сакт", "емес"]


def test_words_are_cut_to_their_stems_and_numbers_stay_whole():
    assert stems("парламенттің парламента 150 депутатов") == ["парл", "парл", "150", "депу"]


def test_number_words_name_the_numbers_digits_do():
    assert Scored("сто депутатов").numbers == Scored("100 депутатов").numbers == {"100"}
    assert Scored("жүз депутат, жартысы әйелдер").numbers == {"100", "1/2"}


def test_an_added_quantity_is_no_conflict_but_a_changed_one_is():
    assert not quantity_conflict({"100"}, {"100", "5"})
    assert quantity_conflict({"100"}, {"90"})
    # A long letter that keeps most of its figures and changes one is an edited copy.
    assert not quantity_conflict({"30", "10", "year"}, {"30", "8", "year"})


def test_a_retyped_campaign_letter_has_the_same_fingerprint_and_keys():
    retyped = LETTER.upper().replace(",", " ,").replace("ё", "е") + "  "
    assert fingerprint(retyped) == fingerprint(LETTER)
    assert band_keys(retyped) == band_keys(LETTER)
    assert len(band_keys(LETTER)) == 16


def test_a_text_of_too_few_words_has_no_keys():
    assert band_keys("Согласен!") == []


def test_an_exact_copy_scores_one_and_an_edited_copy_is_a_copy():
    edited = "Уважаемые! " + LETTER.replace("профессионально", "эффективно") + " С уважением, жители Караганды."
    assert score(Scored(LETTER), Scored(LETTER.lower())).copy == 1.0
    assert score(Scored(LETTER), Scored(edited)).kind == "copy"


def test_different_numbers_are_different_proposals():
    other = LETTER.replace("100", "150")
    assert score(Scored(LETTER), Scored(other)).idea == 0.0


def test_unrelated_texts_do_not_match():
    unrelated = "Нужно открыть в каждом районе центр поддержки фермеров и снизить налог на землю для малых хозяйств."
    assert score(Scored(LETTER), Scored(unrelated)).kind == ""


def test_clusters_put_copies_with_their_letter_and_leave_the_unrelated_out():
    edited = LETTER.replace("профессионально", "эффективно") + " Жители Караганды."
    unrelated = "Нужно открыть в каждом районе центр поддержки фермеров и снизить налог на землю для малых хозяйств."
    items = [(1, LETTER), (2, LETTER.upper()), (3, edited), (4, unrelated), (5, LETTER + "!")]
    clusters = cluster(items)
    assert len(clusters) == 1
    assert sorted(member for member, _match in clusters[0].members) == [1, 2, 3, 5]


def test_an_existing_idea_leads_the_cluster_its_copies_are_in():
    clusters = cluster([(1, LETTER), (2, LETTER + " Спасибо.")], leaders=[("idea", LETTER)])
    assert clusters[0].leader == "idea"
    assert sorted(str(member) for member, _match in clusters[0].members) == ["1", "2", "idea"]
