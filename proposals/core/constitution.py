"""Public reads of the Constitution's articles: the index with its counts, an article's page, the open data."""
from django.db.models import Count, Q

from proposals.core import selectors
from proposals.core.filters import public_state_condition
from proposals.core.models import Article, Proposal, Section, SubmitterKind
from proposals.core.workflow import State

KINDS = [kind.value for kind in SubmitterKind]


def article_counts():
    """{article id: {"total", one key per submitter kind, "accepted", "partially_accepted"}} over published
    proposals only, exactly as the register counts them with its article filter (one query)."""
    conditions = {kind: Count("pk", filter=Q(submitter_kind=kind)) for kind in KINDS}
    rows = (
        Proposal.objects.public().filter(article_links__isnull=False).order_by()
        .values("article_links__article_id")
        .annotate(
            total=Count("pk"), **conditions,
            accepted=Count("pk", filter=public_state_condition(State.ACCEPTED)),
            partially_accepted=Count("pk", filter=public_state_condition(State.PARTIALLY_ACCEPTED)),
        )
    )
    return {row.pop("article_links__article_id"): row for row in rows}


def _index():
    sections = {section.pk: section for section in Section.objects.all()}
    counts = article_counts()
    empty = {"total": 0, **dict.fromkeys(KINDS, 0), "accepted": 0, "partially_accepted": 0}
    grouped = {pk: [] for pk in sections}
    articles = Article.objects.only("number", "main", "sub", "section_id", "in_force")
    for article in articles:
        article.counts = counts.get(article.pk, empty)
        grouped.setdefault(article.section_id, []).append(article)
    rows = []
    for pk, section in sections.items():
        section.article_list = grouped.get(pk, [])
        section.total = sum(article.counts["total"] for article in section.article_list)
        rows.append(section)
    return rows


def constitution_index():
    """The sections in order, each with ``article_list`` (articles with ``counts``) and ``total`` (links of
    published proposals to its articles). Cached until public data or the articles change; a constant number of
    queries whatever the number of proposals."""
    return selectors._cached("constitution", _index)


def article(number):
    """The article numbered ``number`` with its section, or None."""
    if not number or len(number) > 10:
        return None
    return Article.objects.select_related("section").filter(number=number).first()


def article_page(article, params):
    """An article's page: the register (its filters, keyset page and capped count) restricted to ``article``, each
    listed proposal with its ``article_change``. The register's own selector does the work: its article filter
    reads the page from the article's links (articles.citing)."""
    params = params.copy()
    params["article"] = article.number
    return selectors.register(params)


def open_data():
    """Every article with its section and its counts over published proposals, for /api/articles.json and .csv."""
    return selectors._cached("articles-open-data", _open_data)


def _open_data():
    counts = article_counts()
    empty = {"total": 0, **dict.fromkeys(KINDS, 0), "accepted": 0, "partially_accepted": 0}
    rows = []
    for item in Article.objects.select_related("section").only(
        "number", "main", "sub", "in_force", "edition", "text_kk", "text_ru", "text_en",
        "section__number", "section__name_kk", "section__name_ru", "section__name_en",
    ):
        item.counts = counts.get(item.pk, empty)
        rows.append(item)
    return rows
