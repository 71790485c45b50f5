"""Answering an idea once: its decision reaches every member point, each member proposal gets its own event, and
the release answers every member's submitter through the outbox, once.

Written in bulk (one locked read of the proposals, one update per outcome, one insert of events), because a
campaign's idea has hundreds of members and the Working Group decides it in one click.
"""
from collections import Counter

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.core import workflow
from proposals.core.models import (
    IdeaAction,
    IdeaMembership,
    Point,
    PointOutcome,
    Proposal,
    ProposalEvent,
    ProposalLock,
)
from proposals.core.selectors import bump_public_version
from proposals.core.services.base import WorkflowError
from proposals.core.services.ideas import _locked_idea, idea_event
from proposals.core.services.releases import proposals_release_decisions
from proposals.core.workflow import DECIDED_STATES, IDEA_DECIDES_FROM, Action, NotAcceptedReason

RESPONSES = ("kk", "ru", "en")
# Why a member's proposal was left as it is, as the desk reports it.
SKIPPED_DECIDED = _("its proposal's decision is recorded otherwise (reconsider it first)")
SKIPPED_CLOSED = _("its proposal is no longer being answered")
SKIPPED_LOCKED = _("a colleague is editing its proposal")


def _checked(outcome, reason, response):
    if outcome not in PointOutcome.values:
        raise WorkflowError(_("Choose the outcome."), "invalid")
    reason = reason or ""
    if outcome == PointOutcome.NOT_ACCEPTED:
        if reason not in NotAcceptedReason.values:
            raise WorkflowError(_("Choose the reason it was not accepted."), "reason_required")
    else:
        reason = ""
    texts = {code: ((response or {}).get(code) or "").strip() for code in RESPONSES}
    if not (texts["kk"] and texts["ru"]):
        raise WorkflowError(_("A decision needs its public response in Kazakh and Russian."), "response_required")
    return reason, texts


def _answer(source):
    """(outcome, reason, {language: response}) of an idea or a point."""
    return source.outcome, source.outcome_reason, {code: getattr(source, f"response_{code}") for code in RESPONSES}


def apply_answer(points, answer, actor, at, *, note, action=Action.DECIDE_WITH_IDEA, follows=None):
    """Give ``points`` (Points with their proposal) the ``answer`` (outcome, reason, responses).

    A one-point proposal still open is decided with it (its state, reason, response; recorded, not released); a
    package's point takes the outcome while its package is still open. A proposal whose decision is recorded is
    left alone unless ``follows`` (outcome, reason) says it still carries that earlier answer, unreleased (the
    idea is decided anew before its release); one that already carries this answer needs nothing. Returns (points
    answered, Counter of skip reasons).
    """
    outcome, reason, texts = answer
    ids = sorted({point.proposal_id for point in points})
    sizes = Counter(Point.objects.filter(proposal__in=ids).values_list("proposal_id", flat=True))
    rows = {row.pk: row for row in Proposal.objects.select_for_update().filter(pk__in=ids).order_by("pk").only(
        "state", "decision_reason", "decision_released_at"
    )}
    held = set(ProposalLock.objects.filter(proposal__in=ids, expires__gt=at).exclude(
        holder=getattr(actor, "pk", None)
    ).values_list("proposal_id", flat=True))
    skipped = Counter()
    decide, points_only, already, events = [], [], [], []
    for point in points:
        row = rows[point.proposal_id]
        if (point.outcome, point.outcome_reason) == (outcome, reason) and (
            sizes[row.pk] > 1 or row.state == outcome
        ):
            # Answered so already (its own decision, or its package's point): nothing to write.
            already.append(point)
            continue
        again = (
            follows is not None and row.state in DECIDED_STATES and row.decision_released_at is None
            and (point.outcome, point.outcome_reason) == follows
        )
        if row.pk in held:
            skipped[str(SKIPPED_LOCKED)] += 1
        elif row.state in DECIDED_STATES and not again:
            skipped[str(SKIPPED_DECIDED)] += 1
        elif row.state not in IDEA_DECIDES_FROM and not again:
            skipped[str(SKIPPED_CLOSED)] += 1
        elif sizes[row.pk] == 1:
            decide.append(point)
            events.append(ProposalEvent(
                proposal_id=row.pk, action=action, from_state=row.state, to_state=outcome, actor=actor, note=note,
                reason=reason, created_at=at,
            ))
        else:
            points_only.append(point)
            events.append(ProposalEvent(
                proposal_id=row.pk, action=action, from_state=row.state, to_state=row.state, actor=actor,
                note=f"point {point.number}: {outcome}{f' ({reason})' if reason else ''}\n{note}", created_at=at,
            ))
    if decide or points_only:
        responses = {f"response_{code}": texts[code] for code in RESPONSES}
        Point.objects.filter(pk__in=[point.pk for point in decide + points_only]).update(
            outcome=outcome, outcome_reason=reason, updated_at=at, **responses
        )
        Proposal.objects.filter(pk__in=[point.proposal_id for point in decide]).update(
            state=outcome, decision_reason=reason, decided_at=at, decision_released_at=None, updated_at=at,
            **responses,
        )
        Proposal.objects.filter(pk__in=[point.proposal_id for point in points_only]).update(updated_at=at)
        ProposalEvent.objects.bulk_create(events, batch_size=500)
        # Bulk updates send no save signal: renew the public data version here.
        transaction.on_commit(bump_public_version)
    return decide + points_only + already, skipped


def apply_decision(idea, points, actor, at, follows=None):
    """The decision of ``idea`` given to its member ``points`` not decided apart."""
    apart = set(IdeaMembership.objects.filter(point__in=[point.pk for point in points], apart=True)
                .values_list("point_id", flat=True))
    members = [point for point in points if point.pk not in apart]
    return apply_answer(members, _answer(idea), actor, at, note=f"idea {idea.pk}", follows=follows)


def idea_decide(*, idea, actor, outcome, reason="", response, note="", at=None):
    """Record the Working Group's decision on ``idea`` (outcome, coded reason for "not accepted", response kk and ru
    required, en optional): applied to every member point not decided apart, with a ``decide_with_idea`` event on
    each member proposal (apply_answer). Not once released. One ``decide`` event of the idea, with ``note``.
    Raises WorkflowError ("permission", "invalid", "reason_required", "response_required", "no_members",
    "already_released"). Returns (points answered, Counter of skip reasons).
    """
    reason, texts = _checked(outcome, reason, response)
    at = at or timezone.now()
    with transaction.atomic():
        locked = _locked_idea(idea, actor, workflow.DECIDE)
        if locked.released_at is not None:
            raise WorkflowError(_("The idea's decision is released."), "already_released")
        earlier = (locked.outcome, locked.outcome_reason) if locked.outcome else None
        points = list(Point.objects.select_related("proposal").filter(idea_membership__idea=locked).order_by("pk"))
        if not points:
            raise WorkflowError(_("An idea is decided once it has members."), "no_members")
        locked.outcome, locked.outcome_reason, locked.decided_at = outcome, reason, at
        for code in RESPONSES:
            setattr(locked, f"response_{code}", texts[code])
        locked.updated_at = at
        locked.save()
        answered, skipped = apply_decision(locked, points, actor, at, follows=earlier)
        lines = [f"{outcome}{f' ({reason})' if reason else ''}: {len(answered)} of {len(points)} members"]
        lines += [f"{count} left: {why}" for why, count in skipped.items()]
        if note.strip():
            lines.append(note.strip())
        idea_event(locked, IdeaAction.DECIDE, actor, "\n".join(lines), at)
    idea.refresh_from_db()
    return answered, skipped


def idea_member_decide_apart(*, idea, point, actor, outcome, reason="", response, note, at=None):
    """Decide member ``point`` of ``idea`` differently from the idea, with a required ``note``: it stays a member
    (counted, listed) but leaves the idea's decision. ``decide_apart`` events on the idea and the proposal.
    Raises WorkflowError as idea_decide does, and "note_required", "not_a_member", "decided"."""
    reason, texts = _checked(outcome, reason, response)
    note = (note or "").strip()
    if not note:
        raise WorkflowError(_("Say why this member is decided differently."), "note_required")
    at = at or timezone.now()
    with transaction.atomic():
        locked = _locked_idea(idea, actor, workflow.DECIDE)
        membership = IdeaMembership.objects.select_for_update().filter(idea=locked, point=point.pk).first()
        if membership is None:
            raise WorkflowError(_("Choose members of this idea."), "not_a_member")
        point = Point.objects.select_related("proposal").get(pk=point.pk)
        follows = (locked.outcome, locked.outcome_reason) if locked.outcome and not membership.apart else None
        answered, skipped = apply_answer(
            [point], (outcome, reason, texts), actor, at, note=f"idea {locked.pk}: {note}",
            action=Action.DECIDE_APART, follows=follows,
        )
        if not answered:
            raise WorkflowError(
                _("This member cannot be answered now: %(why)s.") % {"why": next(iter(skipped))}, "decided"
            )
        membership.apart = True
        membership.save(update_fields=["apart"])
        locked.updated_at = at
        locked.save()
        idea_event(locked, IdeaAction.DECIDE_APART, actor,
                   f"{point.proposal.tracking_code}/{point.number}: {outcome}\n{note}", at)
    return point


def idea_release(*, idea, actor, at=None):
    """Release the decision of ``idea``: its outcome and response become public, and the decisions it recorded on
    its members' proposals (and those of members decided apart) are released with it
    (services.proposals_release_decisions: one public event and one queued message to each submitter). A package
    member is answered when its package's decision is released. Raises WorkflowError ("permission",
    "not_decided", "already_released"). Returns (released count, Counter of refusals)."""
    at = at or timezone.now()
    with transaction.atomic():
        locked = _locked_idea(idea, actor, workflow.PUBLISH)
        if not locked.outcome:
            raise WorkflowError(_("There is no recorded decision to release."), "not_decided")
        if locked.released_at is not None:
            raise WorkflowError(_("The decision is already released."), "already_released")
        single, _packages = released_with(locked)
        released, refused = 0, Counter()
        if single:
            released, refused = proposals_release_decisions(proposals=single, actor=actor, at=at)
        locked.released_at = at
        locked.updated_at = at
        locked.save()
        idea_event(locked, IdeaAction.RELEASE, actor, f"{released} member decisions released", at)
    idea.refresh_from_db()
    return released, refused


def released_with(idea):
    """(one-point member proposals whose recorded decision the release of ``idea`` answers, member packages whose
    point it answers with their package), as sorted id lists: the members answered with the idea and those decided
    apart, not yet released. Read by idea_release and by the console's release page. Two queries."""
    follows = Q(idea_membership__apart=False, outcome=idea.outcome, outcome_reason=idea.outcome_reason)
    rows = list(
        Point.objects.filter(idea_membership__idea=idea, proposal__decision_released_at__isnull=True)
        .filter(follows | Q(idea_membership__apart=True))
        .values_list("proposal_id", "proposal__state", "idea_membership__apart")
    )
    sizes = Counter(Point.objects.filter(proposal__in={pk for pk, _state, _apart in rows})
                    .values_list("proposal_id", flat=True))
    single = {
        pk for pk, state, apart in rows
        if sizes[pk] == 1 and (state in DECIDED_STATES if apart else state == idea.outcome)
    }
    packages = {pk for pk, _state, _apart in rows if sizes[pk] > 1}
    return sorted(single), sorted(packages)
