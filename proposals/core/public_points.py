"""Public reads of points: a proposal's page lists them, open data nests them and lists them on their own.

What is public is decided by the model (``proposals.core.models.points``: ``Point.objects.public()``, ``.accepted()``,
``LISTED_FROM``, ``outcome_released``); this module only reads by those rules.
"""
from django.db.models import Count, F, OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.db.models.functions import Coalesce

from proposals.core import selectors
from proposals.core.ideas.public import public_idea_of_point
from proposals.core.infra.pagination import decode, paginate
from proposals.core.models import Point, Proposal, ProposalArticle
from proposals.core.models.points import LISTED_FROM

# A proposal's page lists at most this many points (a party's package has tens); past it, the page says how many
# there are and open data has them all. The page's queries do not grow with the number of points.
MAX_LISTED_POINTS = 300
# Open data lists points in the register's orders: a point takes its proposal's place, then its number.
POINT_SORT_KEYS = {
    "newest": [("received_at", True, "datetime"), ("proposal_id", True, "int"), ("number", False, "int")],
    "oldest": [("received_at", False, "datetime"), ("proposal_id", False, "int"), ("number", False, "int")],
    "decided": [("released_at", True, "datetime"), ("proposal_id", True, "int"), ("number", False, "int")],
}
CHUNK = 2000


def point_links_prefetch():
    """A point's article links with their numbers, in the Constitution's order."""
    links = ProposalArticle.objects.select_related("article").only(
        "point_id", "change", "article__number", "article__main", "article__sub"
    )
    return Prefetch("article_links", queryset=links.order_by("article__main", "article__sub"))


def listed_points(proposal):
    """{"points": up to MAX_LISTED_POINTS points of the public ``proposal``, with topics and article links, "total":
    how many it has}; "points" is empty when its page lists none (fewer than LISTED_FROM: point 1 is the proposal).

    Two queries, and one more to count them past the maximum; never a point's text.
    """
    points = list(
        Point.objects.public().filter(proposal=proposal).select_related("category")
        .order_by("number")[: MAX_LISTED_POINTS + 1]
    )
    if len(points) < LISTED_FROM:
        return {"points": [], "total": len(points)}
    total = len(points) if len(points) <= MAX_LISTED_POINTS else Point.objects.filter(proposal=proposal).count()
    points = points[:MAX_LISTED_POINTS]
    for point in points:
        point.proposal = proposal
    prefetch_related_objects(points, point_links_prefetch())
    return {"points": points, "total": total}


def nested_points_prefetch():
    """Each proposal's points with their topics, article links and public idea, for open data: two queries for a
    page."""
    points = Point.objects.public().select_related("category").annotate(public_idea=public_idea_of_point())
    return Prefetch("points", queryset=points.order_by("number").prefetch_related(point_links_prefetch()))


def with_point_counts(queryset):
    """``queryset`` of proposals annotated with ``point_total`` and ``point_accepted`` (Point.objects.accepted():
    none before the release), each an index lookup per row: the streamed CSV reads no point rows."""
    def count(points):
        per_proposal = points.filter(proposal=OuterRef("pk")).order_by().values("proposal")
        return Coalesce(Subquery(per_proposal.annotate(n=Count("pk")).values("n")), 0)

    return queryset.annotate(point_total=count(Point.objects.all()), point_accepted=count(Point.objects.accepted()))


def points_errors(params, filterset):
    """{parameter: [messages]} of the points' list: the register's filters, and a cursor from a points page."""
    errors = {name: list(messages) for name, messages in filterset.errors.items()}
    cursor = params.get("cursor")
    if cursor and decode(cursor, POINT_SORT_KEYS[selectors.register_sort(filterset)]) is None:
        errors["cursor"] = [str(selectors.INVALID_CURSOR)]
    return errors


def points_page(filterset, cursor, per_page):
    """One keyset page of the points of the proposals that the register's ``filterset`` selects, in its order,
    each with its proposal, topic, article links and public idea (``public_idea``): three queries whatever the page
    size."""
    sort = selectors.register_sort(filterset)
    matching = _matching(filterset, sort).annotate(public_idea=public_idea_of_point())
    page = paginate(matching, POINT_SORT_KEYS[sort], cursor, per_page)
    _with_proposals(page.items)
    return page


def points_all(filterset):
    """Every point of the proposals ``filterset`` selects, newest proposal first, streamed in chunks (for CSV)."""
    points = (
        _matching(filterset, "newest").annotate(public_idea=public_idea_of_point())
        .order_by("-received_at", "-proposal_id", "number")
    )
    chunk = []
    for point in points.iterator(chunk_size=CHUNK):
        chunk.append(point)
        if len(chunk) == CHUNK:
            _with_proposals(chunk)
            yield from chunk
            chunk = []
    _with_proposals(chunk)
    yield from chunk


def points_count(filterset):
    """The capped count of the points ``filterset`` selects, cached per query as the register's count is."""
    sort = selectors.register_sort(filterset)
    searching = bool(getattr(filterset.form, "cleaned_data", {}).get("q"))
    cap = selectors.SEARCH_COUNT_CAP if searching else selectors.COUNT_CAP
    return selectors.cached_count(
        f"points{cap}", lambda: selectors.capped_count(_matching(filterset, sort), cap), filterset
    )


def _matching(filterset, sort):
    """Public points of the proposals ``filterset`` selects, with their proposal's keys (for keyset pages)."""
    proposals = filterset.qs
    if sort == "decided":
        proposals = proposals.filter(decision_released_at__isnull=False)
    return (
        Point.objects.public().filter(proposal__in=proposals.order_by().values("pk"))
        .annotate(received_at=F("proposal__received_at"), released_at=F("proposal__decision_released_at"))
        .select_related("category")
    )


def _with_proposals(points):
    """Give each point its proposal (as public rows read it: no contact details, no text) and its article links:
    two queries for any number of points."""
    if not points:
        return
    proposals = Proposal.objects.public().for_public_rows().in_bulk({point.proposal_id for point in points})
    for point in points:
        point.proposal = proposals[point.proposal_id]
    prefetch_related_objects(points, point_links_prefetch())
