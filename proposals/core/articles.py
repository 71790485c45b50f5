"""Article numbers as people type them, checked against the Constitution; the structure file; free text to links."""
import csv
import io
import json
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# "50", "44-1"; "50.1", "50 - 1" and dashes other than the hyphen are read as the same number.
_NUMBER = re.compile(r"(?<![\d])(\d{1,3})(?:\s*[-‐‑‒–—.]\s*(\d{1,2}))?(?![\d])")
NUMBER_FORMAT = re.compile(r"^\d{1,3}(-\d{1,2})?$")
# Words around numbers that say nothing more: "ст. 49 и 50", "49, 50-баптар", "articles 49 and 50".
_FILLER = {
    "ст", "стст", "статья", "статьи", "статей", "статьям", "статьях", "статью", "конституции", "и",
    "бап", "бабы", "баптар", "баптары", "бабына", "баптарына", "және", "мен", "пен", "конституцияның",
    "art", "arts", "article", "articles", "and", "of", "the", "constitution", "№", "no",
}
_SEPARATORS = re.compile(r"[\s,;:/()\[\]№.\-–—]+")
MAX_ARTICLES = 30

# load_constitution's bounds: the whole Constitution's texts in three languages fit well within them.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_RECORDS = 1000
MAX_TEXT_CHARS = 50_000
ARTICLE_KEYS = ("number", "section", "text_kk", "text_ru", "text_en", "edition", "in_force")
SECTION_KEYS = ("number", "name_kk", "name_ru", "name_en")
TRUE_WORDS = {"1", "true", "yes", "y"}
FALSE_WORDS = {"0", "false", "no", "n"}


def number_parts(number):
    """(main, sub) of an article number: "44-1" -> (44, 1), "50" -> (50, 0)."""
    main, _dash, sub = number.partition("-")
    return int(main), int(sub or 0)


def parse(text):
    """(numbers, leftovers) read from free text: numbers normalised ("50.1" -> "50-1"), unique, in order; leftovers
    are the words that are neither a number nor a word that goes with numbers ("ст.", "и", "бап", "and")."""
    text = text or ""
    numbers = []
    for main, sub in _NUMBER.findall(text):
        number = f"{int(main)}-{int(sub)}" if sub else str(int(main))
        if number not in numbers:
            numbers.append(number)
    rest = _NUMBER.sub(" ", text)
    leftovers = [word for word in _SEPARATORS.split(rest.lower()) if word and word not in _FILLER]
    return numbers, leftovers


def resolve(numbers, article_model=None):
    """{number: Article} for the ``numbers`` that name an article (one query)."""
    if article_model is None:
        from proposals.core.models import Article as article_model
    if not numbers:
        return {}
    return {article.number: article for article in article_model.objects.filter(number__in=numbers)}


def citing(queryset, text, listed=False):
    """The proposals of ``queryset`` linked to the one article ``text`` names ("50-1", "ст. 50"); none for anything
    else.

    The article's id enters the query as a constant (read first, one small query), not as a join on its number:
    PostgreSQL then knows from its statistics how many proposals cite that article. Through the join it walked the
    whole register newest first (7 s at 1,000,000 proposals for an article nobody cited).

    ``listed``: public reads. Only links listed as public (ProposalArticle.listed_at) are followed, and each row
    carries ``listed_at`` and its ``article_change``: ordered by ``listed_at`` (selectors.LISTED_KEYS), a page is
    read from the article's own links, newest first, whatever share of the register cites it.
    """
    from proposals.core.models import Article

    numbers, leftovers = parse(text)
    if len(numbers) != 1 or leftovers:
        return queryset.none()
    article_id = Article.objects.filter(number=numbers[0]).values_list("pk", flat=True).first()
    if article_id is None:
        return queryset.none()
    if not listed:
        # One link per proposal and article: the join never repeats a proposal.
        return queryset.filter(article_links__article_id=article_id)
    # One filter() call and annotations on the same relation: one join, which the ordering reads too.
    return queryset.filter(article_links__article_id=article_id, article_links__listed_at__isnull=False).annotate(
        listed_at=F("article_links__listed_at"), article_change=F("article_links__change")
    )


def citing_section(queryset, number):
    """The proposals of ``queryset`` linked to any article of section ``number`` (its articles' ids as constants,
    for the reason citing() gives)."""
    from proposals.core.models import Article, ProposalArticle

    ids = list(Article.objects.filter(section__number=number).values_list("pk", flat=True))
    return queryset.filter(pk__in=ProposalArticle.objects.filter(article_id__in=ids).values("proposal_id"))


def clean_numbers(text):
    """The articles named in ``text`` (a list of Article, in the order written), for a form's clean_*.

    Raises ValidationError naming what is not an article number ("invalid_articles"), the numbers the
    Constitution does not have ("unknown_articles"), or too many articles ("too_many_articles").
    """
    numbers, leftovers = parse(text)
    if leftovers:
        raise ValidationError(
            _("“%(words)s” is not an article number. Write numbers separated by commas, for example: 49, 50-1."),
            code="invalid_articles", params={"words": " ".join(leftovers)[:60]},
        )
    if len(numbers) > MAX_ARTICLES:
        raise ValidationError(_("Name at most 30 articles."), code="too_many_articles")
    found = resolve(numbers)
    unknown = [number for number in numbers if number not in found]
    if unknown:
        raise ValidationError(
            ngettext(
                "The Constitution has no article %(numbers)s. Check the number.",
                "The Constitution has no articles %(numbers)s. Check the numbers.",
                len(unknown),
            ),
            code="unknown_articles", params={"numbers": ", ".join(unknown)},
        )
    return [found[number] for number in numbers]


def split_free_text(text, found):
    """(the numbers of ``text`` that name an article in ``found``, what is left for staff to fix, as text)."""
    numbers, leftovers = parse(text)
    known = [number for number in numbers if number in found]
    rest = [number for number in numbers if number not in found] + leftovers
    return known, ", ".join(rest)


# Free text to links (the data migration; also usable on a database restored from before it)

def convert_free_text(proposal_model, article_model, link_model, chunk=2000, change="concerns"):
    """Link every proposal's free-text articles that name an article; keep the rest in the text for staff.

    Model classes are arguments, so the migration passes its historical ones. Works in chunks of ``chunk``
    proposals by primary key. Returns [(tracking code, original text, unmatched rest)] for every proposal whose
    text was not entirely matched.
    """
    found = {article.number: article.pk for article in article_model.objects.all()}
    report = []
    last = 0
    while True:
        rows = list(
            proposal_model.objects.filter(pk__gt=last).exclude(articles="").order_by("pk")
            .values_list("pk", "tracking_code", "articles")[:chunk]
        )
        if not rows:
            return report
        last = rows[-1][0]
        links, changed = [], []
        # Once links belong to points (migration 0029), each goes to its proposal's point 1.
        points = _first_points(link_model, [pk for pk, _code, _text in rows])
        for pk, code, text in rows:
            known, rest = split_free_text(text, found)
            links.extend(
                link_model(proposal_id=pk, article_id=found[number], change=change, **points.get(pk, {}))
                for number in known
            )
            if rest != text:
                changed.append(proposal_model(pk=pk, articles=rest))
            if rest:
                report.append((code, text, rest))
        with transaction.atomic():
            link_model.objects.bulk_create(links, ignore_conflicts=True)
            proposal_model.objects.bulk_update(changed, ["articles"])


def _first_points(link_model, proposal_ids):
    """{proposal id: {"point_id": its point 1}} when ``link_model`` has points, else {}."""
    if not any(field.name == "point" for field in link_model._meta.fields):
        return {}
    point_model = link_model._meta.get_field("point").related_model
    found = point_model.objects.filter(proposal_id__in=proposal_ids, number=1).values_list("proposal_id", "id")
    return {proposal: {"point_id": point} for proposal, point in found}


def links_to_free_text(proposal_model, link_model):
    """The reverse of convert_free_text: each proposal's linked numbers written back before its unmatched rest."""
    numbers = {}
    for proposal_id, number in link_model.objects.order_by("proposal_id", "article__main", "article__sub").values_list(
        "proposal_id", "article__number"
    ):
        numbers.setdefault(proposal_id, []).append(number)
    for proposal in proposal_model.objects.filter(pk__in=list(numbers)):
        rest = [proposal.articles] if proposal.articles else []
        proposal.articles = ", ".join([*numbers[proposal.pk], *rest])[:200]
        proposal.save(update_fields=["articles"])


# The structure file (load_constitution and the data migration)

class StructureError(ValueError):
    """A constitution file with problems; ``errors`` lists each, saying where."""

    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


def read_file(name, data):
    """{"sections": [...], "articles": [...], "edition": ...} from a .json or .csv file's bytes; StructureError if
    the file is too big, not UTF-8, or not in the documented shape (README, "The Constitution's articles")."""
    if len(data) > MAX_FILE_BYTES:
        raise StructureError([f"{name}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StructureError([f"{name}: not UTF-8 text"]) from None
    if name.lower().endswith(".json"):
        try:
            content = json.loads(text)
        except ValueError as error:
            raise StructureError([f"{name}: not valid JSON ({error})"]) from None
        if not isinstance(content, dict) or set(content) - {"about", "edition", "sections", "articles"}:
            raise StructureError([f"{name}: expected an object with the keys edition, sections and articles"])
        for key in ("sections", "articles"):
            if not isinstance(content.get(key, []), list):
                raise StructureError([f"{name}: “{key}” must be a list"])
        return {"edition": content.get("edition", ""), "sections": content.get("sections", []),
                "articles": content.get("articles", []), "where": "record"}
    if name.lower().endswith(".csv"):
        sample = text[:4096]
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        header = reader.fieldnames or []
        unknown = [column for column in header if column not in ARTICLE_KEYS]
        if "number" not in header or unknown:
            raise StructureError([
                f"{name}: the header must name “number” and only these columns: {', '.join(ARTICLE_KEYS)}"
                + (f" (unknown: {', '.join(unknown)})" if unknown else "")
            ])
        rows = []
        for row in reader:
            if None in row:
                raise StructureError([f"{name}, line {reader.line_num}: more cells than the header has columns"])
            rows.append({key: value for key, value in row.items() if value is not None})
        return {"edition": "", "sections": [], "articles": rows, "where": "line"}
    raise StructureError([f"{name}: the file name must end in .json or .csv"])


def _checked_structure(content, section_model, article_model):
    """(sections, articles) as dicts of clean values, or StructureError with every problem found."""
    errors = []
    where = content.get("where", "record")
    offset = 2 if where == "line" else 1
    sections = {}
    for index, record in enumerate(content["sections"], 1):
        label = f"section {index}"
        if not isinstance(record, dict) or set(record) - set(SECTION_KEYS):
            errors.append(f"{label}: expected an object with {', '.join(SECTION_KEYS)}")
            continue
        number = record.get("number")
        names = {key: str(record.get(key) or "").strip() for key in SECTION_KEYS[1:]}
        if not isinstance(number, int) or not 1 <= number <= 99:
            errors.append(f"{label}: “number” must be a whole number from 1 to 99")
        elif number in sections:
            errors.append(f"{label}: section {number} appears twice")
        elif not all(names.values()) or any(len(value) > 200 for value in names.values()):
            errors.append(f"{label}: name_kk, name_ru and name_en are required (at most 200 characters)")
        else:
            sections[number] = names
    existing_sections = set(section_model.objects.values_list("number", flat=True))
    existing_articles = set(article_model.objects.values_list("number", flat=True))
    edition = str(content.get("edition") or "")[:100]
    articles = {}
    if len(content["articles"]) > MAX_RECORDS:
        errors.append(f"at most {MAX_RECORDS} articles in one file")
    for index, record in enumerate(content["articles"][:MAX_RECORDS]):
        label = f"{where} {index + offset}"
        if not isinstance(record, dict) or set(record) - set(ARTICLE_KEYS):
            errors.append(f"{label}: expected an object with some of {', '.join(ARTICLE_KEYS)}")
            continue
        number = str(record.get("number") or "").strip()
        if not NUMBER_FORMAT.match(number):
            errors.append(f"{label}: “{number[:20]}” is not an article number (50, 44-1)")
            continue
        if number in articles:
            errors.append(f"{label}: article {number} appears twice")
            continue
        values = {}
        section = record.get("section", "")
        if section not in ("", None):
            try:
                section = int(section)
            except (TypeError, ValueError):
                section = None
            if section not in sections and section not in existing_sections:
                errors.append(f"{label}: article {number}: no section {record.get('section')}")
                continue
            values["section"] = section
        elif number not in existing_articles:
            errors.append(f"{label}: article {number} is new and needs its section")
            continue
        for key in ("text_kk", "text_ru", "text_en"):
            if key in record:
                value = str(record[key] or "").replace("\r\n", "\n").strip()
                if len(value) > MAX_TEXT_CHARS:
                    errors.append(f"{label}: {key} of article {number} is longer than {MAX_TEXT_CHARS} characters")
                values[key] = value
        if "edition" in record:
            values["edition"] = str(record["edition"] or "").strip()[:100]
        elif edition:
            values["edition"] = edition
        if "in_force" in record:
            flag = record["in_force"]
            word = str(flag).strip().lower()
            if isinstance(flag, bool):
                values["in_force"] = flag
            elif word in TRUE_WORDS | FALSE_WORDS:
                values["in_force"] = word in TRUE_WORDS
            else:
                errors.append(f"{label}: in_force must be true or false")
        articles[number] = values
    if errors:
        raise StructureError(errors)
    return sections, articles


def apply_structure(content, section_model, article_model):
    """Create or update the sections and articles of ``content`` (read_file's shape); all or nothing.

    Idempotent: a record equal to what is stored writes nothing. Model classes are arguments, so the data
    migration passes its historical ones. Returns {"created": n, "updated": n, "unchanged": n} for articles
    and sections together; raises StructureError listing every problem (and writes nothing).
    """
    sections, articles = _checked_structure(content, section_model, article_model)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    with transaction.atomic():
        stored_sections = {section.number: section for section in section_model.objects.all()}
        for number, names in sections.items():
            section = stored_sections.get(number)
            if section is None:
                stored_sections[number] = section_model.objects.create(number=number, **names)
                counts["created"] += 1
            elif _update(section, names):
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        stored = {article.number: article for article in article_model.objects.filter(number__in=list(articles))}
        new = []
        for number, values in articles.items():
            values = dict(values)
            if "section" in values:
                values["section_id"] = stored_sections[values.pop("section")].pk
            article = stored.get(number)
            if article is None:
                main, sub = number_parts(number)
                new.append(article_model(number=number, main=main, sub=sub, **values))
            elif _update(article, values):
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        article_model.objects.bulk_create(new)
        counts["created"] += len(new)
    return counts


def ensure_structure():
    """Load fixtures/constitution.json if there are no sections (a flushed test database, a restored dump)."""
    from django.conf import settings

    from proposals.core.models import Article, Section

    if Section.objects.exists():
        return
    path = settings.BASE_DIR / "fixtures" / "constitution.json"
    apply_structure(read_file(path.name, path.read_bytes()), Section, Article)


def _update(obj, values):
    changed = [key for key, value in values.items() if getattr(obj, key) != value]
    for key in changed:
        setattr(obj, key, values[key])
    if changed:
        obj.save(update_fields=changed)
    return bool(changed)
