"""Every page-level read of public data, built on Proposal.objects.public()."""
import datetime
import hashlib

from django.db import connection, transaction
from django.db.models import Count, Q, prefetch_related_objects
from django.db.models.functions import TruncWeek
from django.http import QueryDict
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from proposals.core import search, tracking
from proposals.core.filters import PUBLIC_STATES, RegisterFilter, public_state_condition
from proposals.core.infra import versioned_cache
from proposals.core.infra.pagination import decode, paginate
from proposals.core.models import PUBLIC, Category, Party, Point, Proposal, Region, SubmitterKind
from proposals.core.models.points import ACCEPTED_POINT
from proposals.core.workflow import DECIDED_STATES, State

PUBLIC_CACHE_SECONDS = 3600
PER_PAGE = 20
COUNT_CAP = 10_000
# Counting a word's matches reads each of them; past a thousand, "more than 1,000" says enough.
SEARCH_COUNT_CAP = 1_000
# A search page first looks among this many newest published proposals (past the cursor): no index
# reads a word's matches in date order, so a common word would otherwise read all of them. None: no window.
SEARCH_WINDOW = 5_000
SORT_KEYS = {
    "newest": [("received_at", True, "datetime"), ("id", True, "int")],
    "oldest": [("received_at", False, "datetime"), ("id", False, "int")],
    "decided": [("decision_released_at", True, "datetime"), ("id", True, "int")],
}
# An article's proposals (the register's article filter, an article's page), read from its links in this order:
# the same rows and cursors as SORT_KEYS, since a listed link's time is its proposal's received time.
LISTED_KEYS = {
    "newest": [("listed_at", True, "datetime"), ("id", True, "int")],
    "oldest": [("listed_at", False, "datetime"), ("id", False, "int")],
}
# A cursor only ever comes from a page link: anything else is answered, not silently read as the first page.
INVALID_CURSOR = _(
    "Not a cursor from a next or previous link (it may have been cut short). Leave it out for the first page."
)
ORGANISATION_KINDS = [SubmitterKind.PARTY, SubmitterKind.NGO, SubmitterKind.BUSINESS, SubmitterKind.EXPERT]


# Public data version: every change to a proposal bumps it, so cached public figures are never stale.

VERSION_KEY = "public_version"


def bump_public_version(instance=None, update_fields=None, **kwargs):
    """post_save of a proposal (or an article or section): a new version if what the public sees may have changed."""
    if (
        not isinstance(instance, Proposal)
        or instance.published_at is not None
        or (update_fields and "published_at" in update_fields)
    ):
        versioned_cache.bump(VERSION_KEY)
        # Again once the change is committed: a page rendered in between read the old rows under the new version,
        # and the page cache would keep it (an unpublished proposal shown) until the next change.
        transaction.on_commit(lambda: versioned_cache.bump(VERSION_KEY))


def _cached(name, compute, *parts, ttl=PUBLIC_CACHE_SECONDS):
    """``compute()``, cached until the public data version changes (or ``ttl`` seconds pass)."""
    key = ":".join(["public", name, *[str(part) for part in parts]])
    return versioned_cache.cached(VERSION_KEY, key, compute, ttl)


def public_version():
    """The current public data version (for ETags)."""
    return versioned_cache.current(VERSION_KEY)


# Home page

def home_figures():
    """Key figures for the home page: received, published, decisions released; points and points accepted.

    Cached until public data changes, and for at most a minute (new submissions are not public changes); the points
    come from point_figures(), which only public changes renew.
    """
    figures = _cached(
        "home",
        lambda: Proposal.objects.aggregate(
            received=Count("pk", filter=~Q(state=State.SPAM)),
            published=Count("pk", filter=PUBLIC),
            decided=Count("pk", filter=PUBLIC & Q(decision_released_at__isnull=False)),
        ),
        ttl=60,
    )
    return {**figures, **point_totals()}


# Points in the public counts: every point of a published proposal (a one-point proposal counts its point 1), and
# "accepted" the accepted points of released decisions (Point.objects.public(), .accepted()).

def point_figures():
    """[(submitter kind, party id or None, points, points accepted)] over published proposals, cached until public
    data changes: the home page, the register's heading and the statistics share this one read of the points."""
    return _cached("points", _compute_point_figures)


def _compute_point_figures():
    rows = (
        Point.objects.public().order_by().values_list("proposal__submitter_kind", "proposal__party")
        # Counted on proposal_id (never null), not the point's id: the point_proposal_outcome index holds every column
        # read, so PostgreSQL answers from it without reading the wide point rows.
        .annotate(n=Count("proposal"), accepted=Count("proposal", filter=ACCEPTED_POINT))
    )
    return [tuple(row) for row in rows]


def point_totals():
    """{"points": points of published proposals, "points_accepted": of those, accepted and released}."""
    rows = point_figures()
    return {"points": sum(row[2] for row in rows), "points_accepted": sum(row[3] for row in rows)}


def latest_public(limit=5):
    """The most recently received published proposals, with what a list row shows."""
    return list(Proposal.objects.public().for_public_rows()[:limit])


def latest_decisions(limit=5):
    """The most recently announced decisions."""
    released = Proposal.objects.public().filter(decision_released_at__isnull=False)
    return list(released.for_public_rows().order_by("-decision_released_at", "-id")[:limit])


# The register

def register_filter(params):
    """The register's filter set for GET ``params``, validated: invalid values are its form's errors and are ignored."""
    filterset = RegisterFilter(params or None, queryset=Proposal.objects.public())
    filterset.is_valid()
    return filterset


def cursor_is_valid(params, sort):
    """False for a ``cursor`` parameter that no page link ever carried (absent or empty is the first page)."""
    cursor = params.get("cursor")
    return not cursor or decode(cursor, SORT_KEYS[sort]) is not None


def register_errors(params, filterset):
    """{parameter: [message, ...]} of what cannot be answered as asked, in the active language; {} if nothing."""
    errors = {name: list(messages) for name, messages in filterset.errors.items()}
    if not cursor_is_valid(params, register_sort(filterset)):
        errors["cursor"] = [str(INVALID_CURSOR)]
    return errors


def register_sort(filterset):
    """The order ``filterset`` asks for: newest, oldest or decided."""
    return getattr(filterset.form, "cleaned_data", {}).get("sort") or "newest"


def register(params, per_page=PER_PAGE, filterset=None):
    """The register page for GET ``params``: the filter set (with its form), one keyset page, and a capped count.

    Invalid parameters are shown as form errors and ignored; an unknown cursor shows the first page (and says so).
    ``filterset``: the one register_filter() already made for these parameters.
    """
    filterset = filterset or register_filter(params)
    sort = register_sort(filterset)
    queryset = filterset.qs
    if sort == "decided":
        queryset = queryset.filter(decision_released_at__isnull=False)
    searching = bool(search.words(getattr(filterset.form, "cleaned_data", {}).get("q")))
    keys = SORT_KEYS[sort]
    if "listed_at" in queryset.query.annotations:
        keys = LISTED_KEYS.get(sort, keys)
    # Only orders led by received_at: the published proposals' index reads them in that order.
    windowed = searching and SEARCH_WINDOW is not None and keys[0][0] == "received_at"
    window = (Proposal.objects.public(), SEARCH_WINDOW) if windowed else None
    page = paginate(queryset.for_public_rows(), keys, params.get("cursor"), per_page, window=window)
    count = register_count(queryset, filterset, SEARCH_COUNT_CAP if searching else COUNT_CAP)
    return {
        "filter": filterset, "page": page, "queryset": queryset, "sort": sort, "count": count,
        "point_count": register_point_count(filterset),
        "cursor_invalid": not cursor_is_valid(params, sort),
        # The same proposals as open data: the valid filters only (an invalid one would be refused there).
        "download_query": valid_filters(filterset).urlencode(),
    }


def register_all(params, filterset=None, with_points=False):
    """Every published proposal matching the register's filters, newest first, streamed in chunks (for CSV).

    ``with_points``: each annotated with ``point_total`` and ``point_accepted`` (public_points.with_point_counts).
    """
    filterset = filterset or register_filter(params)
    rows = filterset.qs.for_public_rows().prefetch_related(article_links_prefetch())
    if with_points:
        from proposals.core.public_points import with_point_counts

        rows = with_point_counts(rows)
    return rows.order_by("-received_at", "-id").iterator(chunk_size=2000)


def article_links_prefetch():
    """The article links public pages show with a proposal, with their numbers, in the Constitution's order."""
    from django.db.models import Prefetch

    from proposals.core.models import ProposalArticle

    links = ProposalArticle.objects.select_related("article").only(
        "proposal_id", "change", "article__number", "article__main", "article__sub"
    )
    return Prefetch("article_links", queryset=links.order_by("article__main", "article__sub"))


def recognised(params, names=()):
    """A copy of GET ``params`` with only the register's filters and ``names``, in a fixed order, empty ones left out.

    Anything else (a tracking parameter, junk added to bypass a cache) changes neither a cache key nor a link.
    """
    kept = QueryDict(mutable=True)
    for name in sorted({*RegisterFilter.base_filters, *names}):
        value = params.get(name)
        if value:
            kept[name] = value
    return kept


def valid_filters(filterset):
    """The register's filters that ``filterset`` accepted, as GET parameters (its raw values, in a fixed order)."""
    cleaned = getattr(filterset.form, "cleaned_data", {})
    kept = recognised(filterset.data or QueryDict())
    for name in list(kept):
        if name not in cleaned:
            del kept[name]
    return kept


def filters_key(filterset):
    """A cache key for what ``filterset`` selects (not the page: every page of a query shares its count).

    Built from its validated values only, normalised: unknown parameters, invalid values (which are
    ignored), empty filters, the order of the parameters and the case and punctuation of the search
    words change nothing, so none of them makes a new count.
    """
    cleaned = getattr(filterset.form, "cleaned_data", {})
    parts = []
    for name in sorted(RegisterFilter.base_filters):
        value = cleaned.get(name)
        if name == "q":
            value = " ".join(word.lower() for word in search.words(value))
        elif name == "sort":
            value = value or "newest"
        elif isinstance(value, str):
            value = value.strip()
        elif hasattr(value, "pk"):
            value = value.pk
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        if value not in (None, ""):
            parts.append(f"{name}={value}")
    return hashlib.sha256("&".join(parts).encode()).hexdigest()[:24]


def register_count(queryset, filterset, cap):
    """The register's capped count, cached per query until public data changes (paging and open data reuse it)."""
    return _cached(f"capped{cap}", lambda: capped_count(queryset, cap), filters_key(filterset))


def cached_count(name, compute, filterset):
    """``compute()`` (a capped count named ``name``) cached per query of ``filterset`` until public data changes."""
    return _cached(f"{name}-capped", compute, filters_key(filterset))


def register_point_count(filterset):
    """{"points", "points_accepted"} of the proposals the register shows, or None when it is filtered.

    Unfiltered, the figures the statistics count (cached, no query once read). Filtered, none: the page keeps its one
    capped count. A capped count of the points would be cheap (PostgreSQL reads the newest matching proposals and
    their points until the cap), but the accepted points have no such bound: where few are accepted, counting them
    reads every point of every released matching proposal, on each new query after each change.
    """
    cleaned = getattr(filterset.form, "cleaned_data", {})
    filtered = any(value not in (None, "") for name, value in cleaned.items() if name != "sort")
    if filtered or register_sort(filterset) == "decided":
        return None
    return point_totals()


def capped_counts(querysets, cap=COUNT_CAP):
    """[capped_count(queryset, cap) for each of ``querysets``], read in one query.

    Hand-written SQL around the ORM's own: Django has no expression for counting a sliced subquery, and the work
    queue's six tab counts cost six round trips and six compilations of the same COUNT wrapper otherwise.
    """
    if not querysets:
        return []
    parts, params = [], []
    for number, queryset in enumerate(querysets):
        sql, values = queryset.order_by().values("pk")[: cap + 1].query.sql_with_params()
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) counted_{number})")
        params.extend(values)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", params)
        counts = cursor.fetchone()
    return [_capped(count, cap) for count in counts]


def capped_count(queryset, cap=COUNT_CAP):
    """How many rows match, counting at most ``cap`` + 1 (so a broad filter never counts a huge table)."""
    return _capped(queryset.order_by().values("pk")[: cap + 1].count(), cap)


def _capped(count, cap):
    """A count read up to ``cap`` + 1, as the pages show it: at most ``cap``, and whether there are more."""
    return {"value": min(count, cap), "more": count > cap}


# A public proposal

def public_detail(tracking_code):
    """A published proposal with its public timeline and who else proposed the same; None if not public."""
    proposal = Proposal.objects.public().with_related().filter(tracking_code=tracking_code).first()
    if proposal is None:
        return None
    duplicates = proposal.duplicates.filter(state=State.DUPLICATE).aggregate(
        total=Count("pk"),
        citizens=Count("pk", filter=Q(submitter_kind=SubmitterKind.CITIZEN)),
        organisations=Count("pk", filter=Q(submitter_kind__in=ORGANISATION_KINDS)),
    )
    timeline = list(proposal.events.public().order_by("created_at", "id"))
    prefetch_related_objects([proposal], article_links_prefetch())
    # A split proposal's points (public_points reads through these selectors, so it is imported here).
    from proposals.core.public_points import listed_points

    # Read only when the page renders its list of points: a list remembered for these data versions reads nothing.
    listed = SimpleLazyObject(lambda: listed_points(proposal))
    return {"proposal": proposal, "timeline": timeline, "duplicates": duplicates, "listed_points": listed}


# Statistics

def statistics():
    """Counts over the public register, as its filters would count them (cached until data changes)."""
    return _cached("statistics", _compute_statistics)


def _compute_statistics():
    public = Proposal.objects.public()

    def breakdown(field):
        return dict(public.order_by().values_list(field).annotate(n=Count("pk")).values_list(field, "n"))

    states = public.aggregate(
        **{state.value: Count("pk", filter=public_state_condition(state)) for state in PUBLIC_STATES}
    )
    total = sum(states.values())
    released = {state: states[state] for state in DECIDED_STATES}
    articles = _article_counts(public)
    weeks = (
        public.order_by().annotate(week=TruncWeek("received_at")).values("week").annotate(n=Count("pk")).order_by("week")
    )
    points_by_kind, points_by_party = _points_by(point_figures())
    kinds = sorted(breakdown("submitter_kind").items(), key=_by_count)
    by_party = _named({k: n for k, n in breakdown("party").items() if k is not None}, Party)
    return {
        "total": total,
        **point_totals(),
        "by_category": _named(breakdown("category"), Category),
        # (label, proposals, points, points accepted): these two breakdowns count the points too.
        "by_kind": [(SubmitterKind(k).label, n, *points_by_kind.get(k, (0, 0))) for k, n in kinds],
        "by_party": [(party, n, *points_by_party.get(party.pk, (0, 0))) for party, n in by_party],
        "by_region": _named(breakdown("region"), Region),
        "by_state": [(State(state).label, states[state]) for state in states],
        "by_week": [(row["week"].date(), row["n"]) for row in weeks],
        "funnel": [
            ("published", total),
            ("reviewed", total - states[State.OUT_OF_SCOPE]),
            ("forwarded", states[State.WITH_WORKING_GROUP] + sum(released.values())),
            ("decided", sum(released.values())),
            ("accepted", released[State.ACCEPTED] + released[State.PARTIALLY_ACCEPTED]),
        ],
        "outcomes": [(State(state).label, n) for state, n in released.items()],
        "articles": articles,
        # The ideas' figures and largest campaigns (the public reads of ideas use these selectors, so imported here).
        "ideas": _idea_statistics(),
    }


def _idea_statistics():
    from proposals.core.ideas.public import statistics

    return statistics()


def _points_by(rows):
    """({kind: (points, accepted)}, {party id: (points, accepted)}) from point_figures() rows."""
    by_kind, by_party = {}, {}
    for kind, party, n, accepted in rows:
        for counts, key in ((by_kind, kind), (by_party, party)):
            if key is not None:
                points, accepted_so_far = counts.get(key, (0, 0))
                counts[key] = (points + n, accepted_so_far + accepted)
    return by_kind, by_party


def _article_counts(public, limit=15):
    """[(article number, proposals)] for the most cited articles, from the links of published proposals."""
    rows = (
        public.filter(article_links__isnull=False).order_by()
        .values_list("article_links__article__number", "article_links__article__main", "article_links__article__sub")
        .annotate(n=Count("pk")).order_by("-n", "article_links__article__main", "article_links__article__sub")[:limit]
    )
    return [(number, n) for number, _main, _sub, n in rows]


def _by_count(item):
    return (-item[1], str(item[0]))


def _named(counts, model):
    """[(name, count)] for reference ids, biggest first; proposals with none are counted under None."""
    names = {obj.pk: obj for obj in model.objects.filter(pk__in=[k for k in counts if k is not None])}
    rows = [(names[k] if k is not None else None, n) for k, n in counts.items()]
    return sorted(rows, key=lambda row: (-row[1], str(row[0])))


# Submitters' own pages

# How long the same form sent again shows the receipt of the proposal it created.
RESUBMIT_WINDOW = datetime.timedelta(minutes=10)


def proposal_for_token(token):
    """The proposal a public form's one-time token created in the last ten minutes, or None.

    The caller shows it only to the browser that sent the form (views.SubmitView).
    """
    if not token or len(token) > 64 or not token.isascii() or not token.isalnum():
        return None
    since = timezone.now() - RESUBMIT_WINDOW
    return Proposal.objects.filter(submission_token=token, received_at__gte=since).first()


def proposal_for_receipt(tracking_code):
    return Proposal.objects.select_related("category", "region").filter(tracking_code=tracking_code).first()


def proposal_for_submitter(tracking_code, email):
    """The proposal with this code and submitter email (case-insensitive), or None: the status lookup."""
    if not tracking_code or not email:
        return None
    return Proposal.objects.filter(tracking_code=tracking_code, email__iexact=email.strip()).first()


def submitter_status(tracking_code):
    """The proposal and its public timeline, for its submitter's status page; None if there is none."""
    proposal = (
        Proposal.objects.select_related("category", "region", "party")
        .filter(tracking_code=tracking_code)
        .first()
    )
    if proposal is None:
        return None
    return {"proposal": proposal, "timeline": list(proposal.events.public().order_by("created_at", "id"))}


# Staff reads (the triage console)

LIKELY_DUPLICATES = 5
SIMILARITY_THRESHOLD = 0.3
# Candidates read per lookup, however big the table: same and similar titles, and the latest in the same topic.
TITLE_CANDIDATES = 40
RECENT_IN_CATEGORY = 100
RECENT_DAYS = 60
# Never offered as a duplicate's original (the transition service refuses both).
NEVER_ORIGINALS = (State.SPAM, State.WITHDRAWN)


def likely_duplicates(proposal, limit=LIKELY_DUPLICATES):
    """Other proposals whose title (and opening text) read like this one's, most similar first, earliest first
    among equals (the original of a campaign before its copies).

    Candidates: proposals with the very same title (a campaign), on PostgreSQL also those whose title is
    trigram-similar (the trigram index, read until TITLE_CANDIDATES are found), whenever they arrived, and the
    latest in the same topic up to this one; scored by title and opening-text similarity (PostgreSQL: trigrams;
    elsewhere: word overlap, a fallback for small data). Never the proposal itself, spam or withdrawn ones (a
    duplicate's original cannot be either). Each candidate set stops at its limit, so the work does not grow with
    the table (ordering by trigram distance would: on a million long titles the nearest-neighbour index scan reads
    a large part of the index).

    Same and similar titles are looked for on both sides of the proposal's date: the first of three identical
    proposals showed none when only earlier ones were candidates.
    """
    others = Proposal.objects.exclude(pk=proposal.pk).exclude(state__in=NEVER_ORIGINALS)
    recent = others.filter(
        received_at__lte=proposal.received_at,
        received_at__gte=proposal.received_at - datetime.timedelta(days=RECENT_DAYS),
    )
    if proposal.category_id is not None:
        # Not yet categorised (a new submission): the latest of any topic, not the few without one.
        recent = recent.filter(category=proposal.category_id)
    recent = recent.order_by("-received_at", "-id")
    # Unordered on purpose: any of them will do, and without an order the scan stops at the limit.
    same_title = others.filter(title=proposal.title).order_by().values("pk")[:TITLE_CANDIDATES]
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity
        from django.db.models.functions import Left

        similar_title = others.filter(title__trigram_similar=proposal.title).order_by().values("pk")[:TITLE_CANDIDATES]
        # One UNION, joined on the primary key: OR-ed IN conditions would make PostgreSQL scan the whole table.
        candidates = Proposal.objects.filter(
            pk__in=same_title.union(similar_title, recent.values("pk")[:RECENT_IN_CATEGORY])
        )
        title_score = TrigramSimilarity("title", proposal.title)
        text_score = TrigramSimilarity(Left("text", 500), proposal.text[:500])
        scored = (
            candidates.select_related("category")
            .annotate(score=(title_score + text_score) / 2)
            .order_by("-score", "received_at", "id")
        )
        # The threshold is applied to the best few here, not in SQL: as a WHERE condition the planner may
        # push it into a scan of the whole table, scoring every row's text (a second for 2,000 proposals).
        return [other for other in scored[:limit] if other.score >= SIMILARITY_THRESHOLD]
    words = set(search.fold(proposal.title + " " + proposal.text[:500]).split())
    # Two reads: SQLite allows no limit inside a UNION.
    pool = {other.pk: other for other in recent.select_related("category")[:RECENT_IN_CATEGORY * 3]}
    pool.update((other.pk, other) for other in Proposal.objects.filter(pk__in=same_title).select_related("category"))
    scored = []
    for other in pool.values():
        other_words = set(search.fold(other.title + " " + other.text[:500]).split())
        union = words | other_words
        score = len(words & other_words) / len(union) if union else 0
        if score >= SIMILARITY_THRESHOLD:
            other.score = score
            scored.append(other)
    return sorted(scored, key=lambda other: (-other.score, other.received_at, other.pk))[:limit]


PICKER_MATCHES = 10


def duplicate_search(proposal, term, limit=PICKER_MATCHES):
    """What staff look for when choosing the original of ``proposal``: a tracking code, whole or in part (any
    three or more of its characters, dashes optional), or words of the title and text; newest first.

    Never the proposal itself, spam or withdrawn ones. A whole code: at most one row; a part of a code: the codes
    holding it (a scan of the short code column; the picker asks only when someone types), then the word matches.
    """
    term = (term or "").strip()[:100]
    if not term:
        return []
    from django.db.models import Value
    from django.db.models.functions import Replace

    others = Proposal.objects.exclude(pk=proposal.pk).exclude(state__in=NEVER_ORIGINALS).select_related("category")
    code = tracking.normalise(term)
    if code:
        return list(others.filter(tracking_code=code)[:1])
    found = []
    part = tracking.fragment(term)
    if part:
        compact = others.alias(compact_code=Replace("tracking_code", Value("-"), Value("")))
        found = list(compact.filter(compact_code__contains=part).order_by("-received_at", "-id")[:limit])
    seen = {other.pk for other in found}
    if len(found) < limit and search.words(term):
        matches = search.search(others, term, staff=True).order_by("-received_at", "-id")[:limit]
        found += [other for other in matches if other.pk not in seen][: limit - len(found)]
    return found
