"""Public reads of ideas: an idea's page, the register's list of ideas, the statistics, open data, and the ideas a
proposal's points belong to.

What is public is decided by the models (``Idea.objects.public()``, ``Point.objects.public()``); this module only
reads by those rules. The counts of an idea cover every confirmed member whose proposal is being answered
(``MEMBER_STATES``), published or not: the public sees how many sent it, never an unpublished proposal's title, text,
name or contact. The members it lists are the public ones only.
"""
from django import forms
from django.db import connection
from django.db.models import Count, F, Func, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext

from proposals.core import search
from proposals.core.ideas.texts import MEMBER_STATES
from proposals.core.infra.pagination import decode, paginate
from proposals.core.models import Idea, IdeaMembership, Point, Proposal, SubmitterKind
from proposals.core.models.ideas import PUBLIC_IDEA
from proposals.core.models.points import PUBLIC_POINT

# An idea's page lists its public members 50 at a time, newest proposal first.
MEMBERS_PER_PAGE = 50
MEMBER_KEYS = [("received_at", True, "datetime"), ("id", True, "int")]
IDEAS_PER_PAGE = 20
IDEA_SORT_KEYS = {
    "newest": [("published_at", True, "datetime"), ("id", True, "int")],
    "largest": [("size", True, "int"), ("id", True, "int")],
}
IDEA_SORTS = [("newest", _("Newest first")), ("largest", _("Most submissions first"))]
LARGEST_CAMPAIGNS = 10
# A merged idea's address leads to the idea it was merged into, following at most this many merges.
MAX_MERGE_HOPS = 10
ORGANISATIONS = (SubmitterKind.NGO, SubmitterKind.BUSINESS)



def _prefixed(condition, prefix):
    """The Q ``condition`` on a model as seen through the relation ``prefix``."""
    seen = Q()
    seen.connector, seen.negated = condition.connector, condition.negated
    seen.children = [
        _prefixed(child, prefix) if isinstance(child, Q) else (f"{prefix}__{child[0]}", child[1])
        for child in condition.children
    ]
    return seen


# Memberships the counts cover, and members the public sees (as seen from a membership and from a point).
COUNTED = Q(point__proposal__state__in=MEMBER_STATES)
PUBLIC_MEMBER = _prefixed(PUBLIC_POINT, "point") & COUNTED
PUBLIC_IDEA_MEMBERSHIP = _prefixed(PUBLIC_IDEA, "idea")
PUBLIC_MEMBER_POINT = PUBLIC_POINT & Q(proposal__state__in=MEMBER_STATES)


# Counts

def _empty_counts():
    return {"total": 0, "citizen": 0, "organisation": 0, "party": 0, "expert": 0, "by_kind": {}, "by_region": {},
            "by_party": {}}


def counts_of(idea_ids):
    """{idea id: counts} of the ideas ``idea_ids``, in one query: "total" submissions (distinct proposals), "citizen",
    "organisation" (NGOs and business associations), "party", "expert", and "by_kind", "by_region", "by_party"
    ({code: submissions}; proposals without a region or party are not in those).

    Grouped by kind, region and party together: each proposal has one of each, so the groups partition the proposals
    and every sum is exact.
    """
    counts = {pk: _empty_counts() for pk in idea_ids}
    if not counts:
        return counts
    rows = (
        IdeaMembership.objects.filter(COUNTED, idea__in=list(counts)).order_by()
        .values_list("idea", "point__proposal__submitter_kind", "point__proposal__region__slug",
                     "point__proposal__party__slug")
        .annotate(n=Count("point__proposal", distinct=True))
    )
    for idea_id, kind, region, party, n in rows:
        entry = counts[idea_id]
        entry["total"] += n
        entry["by_kind"][kind] = entry["by_kind"].get(kind, 0) + n
        group = "organisation" if kind in ORGANISATIONS else kind
        if group in entry:
            entry[group] += n
        for name, code in (("by_region", region), ("by_party", party)):
            if code is not None:
                entry[name][code] = entry[name].get(code, 0) + n
    for entry in counts.values():
        entry["regions"] = len(entry["by_region"])
    return counts


def size_subquery(outer="pk"):
    """The number of submissions of the idea ``OuterRef(outer)`` as counts_of() counts them, for annotations."""
    members = IdeaMembership.objects.filter(COUNTED, idea=OuterRef(outer)).order_by().values("idea")
    return Coalesce(Subquery(members.annotate(n=Count("point__proposal", distinct=True)).values("n")), 0)


def proposed_by(counts):
    """"Proposed by N submissions (x citizens, y organisations, z parties, w experts) from R regions" in the active
    language, the parts that are zero left out."""
    # Written out call by call, so that makemessages finds each plural.
    kinds = {
        "citizen": lambda n: ngettext("%(count)s citizen", "%(count)s citizens", n),
        "organisation": lambda n: ngettext("%(count)s organisation", "%(count)s organisations", n),
        "party": lambda n: ngettext("%(count)s party", "%(count)s parties", n),
        "expert": lambda n: ngettext("%(count)s expert", "%(count)s experts", n),
    }
    parts = [label(counts[key]) % {"count": counts[key]} for key, label in kinds.items() if counts[key]]
    submissions = ngettext(
        "Proposed by %(count)s submission", "Proposed by %(count)s submissions", counts["total"]
    ) % {"count": counts["total"]}
    if parts:
        # Translators: "Proposed by 12 submissions" and the kinds of submitters, e.g. "(10 citizens, 2 parties)".
        submissions = pgettext("proposed by", "%(submissions)s (%(kinds)s)") % {
            "submissions": submissions, "kinds": ", ".join(parts),
        }
    if counts["regions"]:
        # Translators: the line of an idea's submitters and the regions they came from, e.g. "from 3 regions".
        submissions = pgettext("proposed by", "%(submissions)s %(regions)s") % {
            "submissions": submissions,
            "regions": ngettext("from %(count)s region", "from %(count)s regions", counts["regions"])
            % {"count": counts["regions"]},
        }
    return submissions


# An idea's page

def public_idea(pk):
    """{"idea": the public idea ``pk``, "counts": counts_of() it}, {"merged_into": the id of the public idea it was
    merged into}, or None (unknown, not published, or merged into one that is not public)."""
    idea = Idea.objects.select_related("category").filter(pk=pk).first()
    hops = 0
    while idea is not None and idea.merged_into_id is not None and hops < MAX_MERGE_HOPS:
        idea = Idea.objects.select_related("category").filter(pk=idea.merged_into_id).first()
        hops += 1
    if idea is None or idea.published_at is None or idea.merged_into_id is not None:
        return None
    if idea.pk != pk:
        return {"merged_into": idea.pk}
    return {"idea": idea, "counts": counts_of([idea.pk])[idea.pk]}


def members_page(idea, cursor, per_page=MEMBERS_PER_PAGE):
    """One keyset page of the public members of ``idea`` (Points), newest proposal first, each with its proposal (as
    public rows read it), ``apart`` and ``several`` (its proposal has more than one point): four queries whatever
    the page size or the idea's size."""
    points = (
        Point.objects.public().filter(PUBLIC_MEMBER_POINT, idea_membership__idea=idea)
        .annotate(received_at=F("proposal__received_at"), apart=F("idea_membership__apart"))
    )
    page = paginate(points, MEMBER_KEYS, cursor, per_page)
    with_proposals(page.items)
    return page


def with_proposals(points):
    """Give each of ``points`` its proposal (public rows: no contact details, no text) and ``several``: two queries."""
    if not points:
        return
    ids = {point.proposal_id for point in points}
    proposals = Proposal.objects.public().for_public_rows().in_bulk(ids)
    sizes = dict(
        Point.objects.filter(proposal__in=ids).order_by().values_list("proposal").annotate(n=Count("pk"))
    )
    for point in points:
        point.proposal = proposals[point.proposal_id]
        point.several = sizes.get(point.proposal_id, 1) > 1
        point.shown_name = shown_name(point.proposal)


def shown_name(proposal):
    """The name Proposal.public_submitter shows for ``proposal``, if it shows one: an NGO's or business association's
    name, or a person's who consented (publish_name); never a citizen's or expert's without consent. A party is
    named by its party."""
    if proposal.submitter_kind == SubmitterKind.PARTY:
        return ""
    if proposal.submitter_kind in ORGANISATIONS and proposal.organisation:
        return proposal.organisation
    if proposal.publish_name and proposal.submitter_name:
        return proposal.submitter_name
    return ""


def member_cursor_is_valid(cursor):
    return not cursor or decode(cursor, MEMBER_KEYS) is not None


# A proposal's page

def ideas_of_points(proposal):
    """{point id: {"idea": the public Idea, "size": its submissions}} for the points of ``proposal`` that belong to a
    public idea: one query."""
    if proposal.state not in MEMBER_STATES:
        return {}
    rows = (
        IdeaMembership.objects.filter(PUBLIC_IDEA_MEMBERSHIP, point__proposal=proposal)
        .select_related("idea").annotate(size=size_subquery("idea"))
    )
    return {row.point_id: {"idea": row.idea, "size": row.size} for row in rows}


# The register's list of ideas

class IdeaListForm(forms.Form):
    """The list of ideas' parameters: the register's search words and an order."""

    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    sort = forms.ChoiceField(label=_("Order"), choices=IDEA_SORTS, required=False)


class Unaccent(Func):
    function = "parlreform_unaccent"


def _folded(field):
    """``field`` as the search compares it: Fold() on SQLite (the register's fallback), on PostgreSQL lower case
    through the same unaccent as the register's stored vectors."""
    if connection.vendor == "postgresql":
        return Lower(Unaccent(field))
    return search.Fold(field)


IDEA_SEARCHED = ("title_kk", "title_ru", "title_en", "summary_kk", "summary_ru", "summary_en")


def search_ideas(queryset, query):
    """Public ideas holding every word of ``query`` in a public title or summary.

    The register's words and fold rules. On SQLite the register's own fallback (a folded copy compared with
    ``contains``); on PostgreSQL a plain ``LIKE`` over the unaccented, lower-cased texts instead of a stored tsvector
    and its index: public ideas are few (tens, hundreds), so reading them all costs less than an index to keep.
    """
    terms = search.words(query)
    if not terms:
        return queryset
    queryset = queryset.alias(**{f"_folded_{name}": _folded(name) for name in IDEA_SEARCHED})
    for term in terms:
        value = Lower(Unaccent(Value(term))) if connection.vendor == "postgresql" else search.fold(term)
        queryset = queryset.filter(
            Q(*[Q(**{f"_folded_{name}__contains": value}) for name in IDEA_SEARCHED], _connector=Q.OR)
        )
    return queryset


def ideas_register(params, per_page=IDEAS_PER_PAGE):
    """The register's list of public ideas for GET ``params``: {"form", "page" (ideas annotated with ``size``, each
    with ``counts``), "count", "sort", "cursor_invalid"}. Invalid parameters are form errors and are ignored; a
    cursor from no page shows the first page. Four queries."""
    form = IdeaListForm(params)
    cleaned = form.cleaned_data if form.is_valid() else {}
    sort = cleaned.get("sort") or "newest"
    queryset = search_ideas(Idea.objects.public().select_related("category"), cleaned.get("q"))
    cursor = params.get("cursor")
    cursor_invalid = bool(cursor) and decode(cursor, IDEA_SORT_KEYS[sort]) is None
    page = paginate(queryset.annotate(size=size_subquery()), IDEA_SORT_KEYS[sort], cursor, per_page)
    counts = counts_of([idea.pk for idea in page.items])
    for idea in page.items:
        idea.counts = counts[idea.pk]
        idea.proposed_by = proposed_by(idea.counts)
    return {"form": form, "page": page, "count": queryset.count(), "sort": sort, "cursor_invalid": cursor_invalid}


# Statistics and the home page

def statistics():
    """{"ideas": public ideas, "submissions": submissions in them, "largest": the LARGEST_CAMPAIGNS public ideas with
    the most submissions, each with ``counts`` ("total", "citizen", "organisation", "party", "expert")}: two queries.

    Computed with the other statistics and cached with them (selectors.statistics()), so the statistics page keeps
    its one read of the cache.
    """
    public = Idea.objects.public()
    figures = public.aggregate(
        ideas=Count("pk", distinct=True),
        submissions=Count("memberships__point__proposal", filter=_prefixed(COUNTED, "memberships"), distinct=True),
    )

    def kind_count(*kinds):
        condition = _prefixed(COUNTED & Q(point__proposal__submitter_kind__in=kinds), "memberships")
        return Count("memberships__point__proposal", filter=condition, distinct=True)

    largest = list(
        public.annotate(
            size=kind_count(*SubmitterKind.values), citizen=kind_count(SubmitterKind.CITIZEN),
            organisation=kind_count(*ORGANISATIONS), party=kind_count(SubmitterKind.PARTY),
            expert=kind_count(SubmitterKind.EXPERT),
        ).order_by("-size", "-id")[:LARGEST_CAMPAIGNS]
    )
    for idea in largest:
        idea.counts = {"total": idea.size, **{key: getattr(idea, key) for key in COUNT_KEYS}}
    return {**figures, "largest": largest}


COUNT_KEYS = ("citizen", "organisation", "party", "expert")


# Open data

API_SORT_KEYS = IDEA_SORT_KEYS["newest"]


def api_cursor_is_valid(cursor):
    return not cursor or decode(cursor, API_SORT_KEYS) is not None


def api_page(cursor, per_page):
    """One keyset page of public ideas, newest first, each with ``counts`` and ``members`` [(tracking code, point
    number)] of its public members: three queries whatever the page size."""
    page = paginate(Idea.objects.public(), API_SORT_KEYS, cursor, per_page)
    ids = [idea.pk for idea in page.items]
    counts = counts_of(ids)
    members = {pk: [] for pk in ids}
    rows = (
        IdeaMembership.objects.filter(PUBLIC_MEMBER, idea__in=ids)
        .order_by("-point__proposal__received_at", "point__proposal_id", "point__number")
        .values_list("idea", "point__proposal__tracking_code", "point__number")
    )
    for idea_id, code, number in rows:
        members[idea_id].append((code, number))
    for idea in page.items:
        idea.counts, idea.members = counts[idea.pk], members[idea.pk]
    return page


def public_idea_of_point():
    """An annotation: the id of the public idea a point (the outer row) belongs to, else null."""
    rows = IdeaMembership.objects.filter(PUBLIC_IDEA_MEMBERSHIP, point=OuterRef("pk"))
    return Subquery(rows.values("idea")[:1])


def public_ideas_count():
    """How many ideas are public (the home page's line): one count of a small table, not cached apart, since the
    page cache keeps the page that shows it (a cached value would cost its read and its write on each render)."""
    return Idea.objects.public().count()
