"""A proposal's points: point 1 at registration, and point 1 following its proposal while it is the only one.

Called inside the proposal's own services (submission, edits, transitions, article links), in their transaction:
a one-point proposal is answered on one page as before, and its point reads the same as the proposal everywhere
points are listed (open data, ideas).
"""
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from proposals.core.models import Point
from proposals.core.points import Undecided, decision_from_points
from proposals.core.services.base import WorkflowError
from proposals.core.services.idea_keys import point_keys_write
from proposals.core.workflow import DECIDED_STATES, State

# What point 1 copies from its proposal while it is the only point.
FOLLOWS = ("category", "summary_kk", "summary_ru", "summary_en", "response_kk", "response_ru", "response_en")


def first_point_create(proposal):
    """Point 1 of a proposal being registered: the whole submission (its text stays on the proposal), its topic."""
    point = Point.objects.create(proposal=proposal, number=1, category=proposal.category)
    point.proposal = proposal
    point_keys_write([point], replace=False)
    transaction.on_commit(lambda: _suggest_later(point.pk))
    return point


def _suggest_later(point_id):
    """Find the new point's likely ideas once it is committed, in a task (the submitter does not wait)."""
    from proposals.core.ideas.tasks import suggest_for_points_task

    suggest_for_points_task.enqueue([point_id])


def only_point(proposal):
    """The queryset of ``proposal``'s point 1 while it has no other point (else empty)."""
    others = Point.objects.filter(proposal=OuterRef("proposal"), number__gt=1)
    return Point.objects.filter(proposal=proposal, number=1).filter(~Exists(others))


def single_point_follow(proposal, names=FOLLOWS):
    """Copy the fields ``names`` (of FOLLOWS) and the decision of ``proposal`` onto its only point: one UPDATE, which
    changes nothing when the proposal has several points."""
    values = {name: getattr(proposal, name) for name in names if name in FOLLOWS}
    decided = proposal.state in DECIDED_STATES
    values["outcome"] = proposal.state if decided else ""
    values["outcome_reason"] = proposal.decision_reason if proposal.state == State.NOT_ACCEPTED else ""
    only_point(proposal).update(**values)


def decision_of_points(proposal):
    """(state, reason) that ``proposal``'s points decide when it has several, None when it has one.

    Raises WorkflowError ("points_undecided") while one of several points has no outcome.
    """
    outcomes = list(proposal.points.values_list("outcome", "outcome_reason")[:2])
    if len(outcomes) < 2:
        return None
    try:
        return decision_from_points(proposal.points.values_list("outcome", "outcome_reason"))
    except Undecided:
        raise WorkflowError(
            _("Every point needs its outcome before the proposal's decision is recorded."), "points_undecided"
        ) from None
