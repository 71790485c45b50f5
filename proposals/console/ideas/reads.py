"""What the idea desk reads: the list's counts, a page of members or suggestions with their differences, the
members' kinds and regions, what a release will answer. Each a constant number of queries."""
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from proposals.console.ideas.diff import Reference, highlighted
from proposals.core.ideas.texts import point_text
from proposals.core.models import CandidateStatus, IdeaCandidate, IdeaMembership, Point, SubmitterKind
from proposals.core.services.idea_decisions import released_with
from proposals.core.similarity import Scored, score
from proposals.core.workflow import DECIDED_STATES, IDEA_DECIDES_FROM

PER_PAGE = 100
ROW_RELATED = ("point__proposal__region", "point__proposal__party", "point__category")


def _count(model, **filters):
    rows = (model.objects.filter(idea=OuterRef("pk"), **filters).order_by().values("idea")
            .annotate(count=Count("pk")).values("count"))
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def with_counts(queryset):
    """Ideas with ``member_count`` and ``suggestion_count``: one subquery each, in the list's own query."""
    return queryset.annotate(
        member_count=_count(IdeaMembership),
        suggestion_count=_count(IdeaCandidate, status=CandidateStatus.SUGGESTED),
    )


def kinds_by_idea(idea_ids):
    """{idea id: [(SubmitterKind, count)]} of the members of ``idea_ids``, largest first: one grouped query."""
    found = {}
    rows = (IdeaMembership.objects.filter(idea__in=list(idea_ids)).order_by()
            .values_list("idea_id", "point__proposal__submitter_kind").annotate(count=Count("pk")))
    for idea_id, kind, count in rows:
        found.setdefault(idea_id, []).append((SubmitterKind(kind), count))
    for kinds in found.values():
        kinds.sort(key=lambda item: (-item[1], item[0].value))
    return found


def members_summary(idea):
    """(members by kind [(SubmitterKind, count)], regions count) of ``idea``: two queries."""
    kinds = kinds_by_idea([idea.pk]).get(idea.pk, [])
    regions = IdeaMembership.objects.filter(idea=idea).aggregate(
        regions=Count("point__proposal__region", distinct=True))["regions"]
    return kinds, regions


@dataclass
class Row:
    """One member or suggestion as the desk shows it."""

    point: Point
    html: str
    changed: int
    copy: float
    idea: float
    kind: str
    apart: bool = False
    suggested_copy: float | None = None
    suggested_idea: float | None = None

    @property
    def proposal(self):
        return self.point.proposal

    @property
    def answerable(self):
        """Whether a decision apart could still reach this member: its proposal is open, or decided and not yet
        released (services.idea_decisions.apply_answer says the rest)."""
        proposal = self.point.proposal
        return proposal.state in IDEA_DECIDES_FROM or (
            proposal.state in DECIDED_STATES and proposal.decision_released_at is None
        )

    @property
    def copy_percent(self):
        return round(self.copy * 100)

    @property
    def idea_percent(self):
        return round(self.idea * 100)


def _rows(items, reference, own):
    rows = []
    for item in items:
        point = item.point
        text = point_text(point)
        html, changed = highlighted(reference, text)
        match = score(own, Scored(text))
        rows.append(Row(
            point=point, html=html, changed=changed, copy=match.copy, idea=match.idea, kind=match.kind,
            apart=getattr(item, "apart", False),
            suggested_copy=getattr(item, "copy_score", None), suggested_idea=getattr(item, "idea_score", None),
        ))
    return rows


class DeskPage:
    """A page of an idea's members and one of its suggestions, in the order of their index (idea, point): two
    queries each (the count and the page), whatever the idea's size."""

    def __init__(self, idea, members_page=1, suggestions_page=1):
        self.reference = Reference(idea.text)
        own = Scored(idea.text)
        members = (IdeaMembership.objects.filter(idea=idea).select_related(*ROW_RELATED).order_by("point_id"))
        suggestions = (IdeaCandidate.objects.filter(idea=idea, status=CandidateStatus.SUGGESTED)
                       .select_related(*ROW_RELATED).order_by("point_id"))
        self.members_page = Paginator(members, PER_PAGE).get_page(members_page)
        self.suggestions_page = Paginator(suggestions, PER_PAGE).get_page(suggestions_page)
        self.members = _rows(self.members_page.object_list, self.reference, own)
        self.suggestions = _rows(self.suggestions_page.object_list, self.reference, own)
        self.copies_shown = sum(1 for row in self.suggestions if row.kind == "copy")


def release_preview(idea):
    """(member proposals whose recorded decision the release answers, package points answered with their package):
    what services.idea_release will release (the same read). Two queries."""
    if not idea.outcome or idea.released_at:
        return 0, 0
    single, packages = released_with(idea)
    return len(single), len(packages)
