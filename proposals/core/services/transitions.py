"""Moves through the workflow table, publication, released decisions, assignment and deadline extensions."""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.core import deadlines, workflow
from proposals.core.ideas.texts import MEMBER_STATES
from proposals.core.models import Proposal
from proposals.core.services.base import WorkflowError, check_actor, lock, record_event
from proposals.core.services.ideas import proposal_leaves_ideas
from proposals.core.services.locks import ensure_not_locked
from proposals.core.services.points import decision_of_points, single_point_follow
from proposals.core.workflow import DECIDED_STATES, PUBLISHABLE_STATES, Action, NotAcceptedReason, State

MAX_EXTENSION_WORKING_DAYS = 30


def proposal_transition(*, proposal, action, actor, note="", reason="", duplicate_of=None, at=None):
    """Move ``proposal`` by ``action`` as the workflow table allows, and log it.

    ``actor`` is a staff user, or None for the submitter (only actions the table marks
    ``submitter_may``). ``note`` is required where the table says so, ``reason`` (a
    NotAcceptedReason) for ``reject``, ``duplicate_of`` (the original) for ``mark_duplicate``.
    Locks the row, re-reads the state, saves, and writes exactly one ProposalEvent, all in
    one transaction; ``proposal`` is refreshed in place. Starting the screening of an
    unassigned proposal also assigns it to the staff member who starts it, with its own
    (private) assign event in the same transaction. Raises WorkflowError and changes
    nothing if the action is unknown, not allowed from the current state, not permitted to
    the actor, or misses its note, reason or link.
    """
    transition = workflow.transition_for(action)
    if transition is None:
        raise WorkflowError(_("Unknown action."), "unknown_action")
    note = (note or "").strip()
    at = at or timezone.now()
    with transaction.atomic():
        locked = lock(proposal, duplicate_of)
        if not workflow.allowed_from(transition, locked.state, released=locked.decision_released_at is not None):
            raise WorkflowError(
                _("Not allowed from the state “%(state)s”.") % {"state": State(locked.state).label}, "not_allowed"
            )
        check_actor(actor, transition.permission, submitter_may=transition.submitter_may)
        if workflow.note_required(transition, actor) and not note:
            raise WorkflowError(_("This action needs a note."), "note_required")
        if transition.target in DECIDED_STATES:
            reason = _as_the_points_decide(locked, transition, reason)
        if transition.needs_reason and reason not in NotAcceptedReason.values:
            raise WorkflowError(_("Choose the reason the proposal was not accepted."), "reason_required")
        original = _original_for_duplicate(locked, duplicate_of) if transition.needs_duplicate else None

        from_state, released_before = locked.state, locked.decision_released_at
        locked.state = transition.target
        locked.duplicate_of = original
        locked.decision_reason = reason if transition.target == State.NOT_ACCEPTED else ""
        locked.decided_at = at if transition.target in DECIDED_STATES else None
        # Any move makes a released decision private again until it is released anew.
        locked.decision_released_at = None
        if transition.target not in PUBLISHABLE_STATES:
            locked.published_at = None
        if action == Action.WITHDRAW:
            locked.submission_token = ""  # The public form's one-time token must not outlive the proposal's use.
        # Whoever starts screening an unassigned proposal is working on it: nobody else picks it up meanwhile.
        takes_it = action == Action.START_SCREENING and locked.assignee_id is None and actor is not None
        if takes_it:
            locked.assignee = actor
        locked.save(
            update_fields=[
                "state", "duplicate_of", "decision_reason", "decided_at", "decision_released_at",
                "published_at", "submission_token", "assignee", "updated_at",
            ]
        )
        single_point_follow(locked, names=())
        if from_state in MEMBER_STATES and locked.state not in MEMBER_STATES:
            # No longer answered: it leaves its ideas, and no idea offers it any more.
            proposal_leaves_ideas(locked, actor, at, f"no longer answered ({locked.state})")
        # Leaving a decision nobody has announced must not announce, on the timeline, that there was one; an
        # action the table judges by the public state (withdrawal) reads the same with or without it.
        unannounced = from_state in DECIDED_STATES and released_before is None and not transition.as_seen_publicly
        record_event(
            locked, action, actor, from_state, locked.state,
            note=note, reason=locked.decision_reason, at=at, is_public=transition.public and not unannounced,
        )
        if takes_it:
            # Worded as the assign service words it (the assignee's user name), so the log reads one way.
            record_event(locked, Action.ASSIGN, actor, locked.state, locked.state, note=actor.get_username(), at=at)
    proposal.refresh_from_db()
    return proposal


def _as_the_points_decide(locked, transition, reason):
    """The reason of the decision ``transition`` on ``locked``: as given for a one-point proposal; for several
    points, the one their outcomes give, if they decide this decision at all (else WorkflowError)."""
    decided = decision_of_points(locked)
    if decided is None:
        return reason
    state, points_reason = decided
    if state != transition.target:
        raise WorkflowError(
            _("The points' outcomes decide “%(state)s”.") % {"state": State(state).label}, "not_the_points_decision"
        )
    return points_reason


def proposal_publish(*, proposal, actor, at=None):
    """Show ``proposal`` in the public register.

    Needs the publish permission, a publishable state and a public summary in Kazakh and
    Russian. Raises WorkflowError otherwise, or if it is already published.
    """
    with transaction.atomic():
        locked = lock(proposal)
        check_actor(actor, workflow.EVENT_PERMISSIONS[Action.PUBLISH])
        if locked.published_at is not None:
            raise WorkflowError(_("The proposal is already published."), "already_published")
        if locked.state not in PUBLISHABLE_STATES:
            raise WorkflowError(
                _("A proposal in the state “%(state)s” cannot be published.") % {"state": State(locked.state).label},
                "not_publishable",
            )
        missing = missing_public_texts(locked)
        if missing:
            raise WorkflowError(
                _("Publishing needs the public title and summary in Kazakh and Russian. Missing: %(missing)s.")
                % {"missing": ", ".join(str(label) for label in missing)},
                "summary_required",
            )
        locked.published_at = at or timezone.now()
        locked.save(update_fields=["published_at", "updated_at"])
        record_event(locked, Action.PUBLISH, actor, locked.state, locked.state, at=locked.published_at, is_public=True)
    proposal.refresh_from_db()
    return proposal


def proposal_unpublish(*, proposal, actor, note="", at=None):
    """Take ``proposal`` out of the public register. Raises WorkflowError if it is not published."""
    with transaction.atomic():
        locked = lock(proposal)
        check_actor(actor, workflow.EVENT_PERMISSIONS[Action.UNPUBLISH])
        if locked.published_at is None:
            raise WorkflowError(_("The proposal is not published."), "not_published")
        locked.published_at = None
        locked.save(update_fields=["published_at", "updated_at"])
        record_event(locked, Action.UNPUBLISH, actor, locked.state, locked.state, note=note, at=at)
    proposal.refresh_from_db()
    return proposal


def proposal_release_decision(*, proposal, actor, at=None):
    """Make a recorded decision public (on the timeline and the status page).

    Raises WorkflowError if there is no decision, it is already released, or its public response in Kazakh or
    Russian is missing ("response_required": a decision is never announced without its answer).
    """
    with transaction.atomic():
        locked = lock(proposal)
        check_actor(actor, workflow.EVENT_PERMISSIONS[Action.RELEASE_DECISION])
        if locked.state not in DECIDED_STATES:
            raise WorkflowError(_("There is no recorded decision to release."), "not_decided")
        if locked.decision_released_at is not None:
            raise WorkflowError(_("The decision is already released."), "already_released")
        if not (locked.response_kk.strip() and locked.response_ru.strip()):
            raise WorkflowError(
                _("The decision cannot be released without its public response in Kazakh and Russian."),
                "response_required",
            )
        locked.decision_released_at = at or timezone.now()
        locked.save(update_fields=["decision_released_at", "updated_at"])
        record_event(
            locked, Action.RELEASE_DECISION, actor, locked.state, locked.state,
            reason=locked.decision_reason, at=locked.decision_released_at, is_public=True,
        )
    proposal.refresh_from_db()
    return proposal


# The texts publishing needs, with how a refusal names them.
REQUIRED_PUBLIC_TEXTS = [
    ("title_kk", _("public title (Kazakh)")),
    ("title_ru", _("public title (Russian)")),
    ("summary_kk", _("public summary (Kazakh)")),
    ("summary_ru", _("public summary (Russian)")),
]


def missing_public_texts(proposal):
    """The labels of the public texts ``proposal`` still lacks before it can be published (empty: none): its own
    title and summary in Kazakh and Russian, and those of each point when it has several (the public page lists
    them)."""
    missing = [label for name, label in REQUIRED_PUBLIC_TEXTS if not getattr(proposal, name).strip()]
    points = list(proposal.points.order_by("number").values_list("number", "summary_kk", "summary_ru"))
    unsummarised = [str(number) for number, kk, ru in points if not (kk.strip() and ru.strip())]
    if len(points) > 1 and unsummarised:
        missing.append(_("the Kazakh and Russian summaries of points %(numbers)s")
                       % {"numbers": ", ".join(unsummarised)})
    return missing


def proposal_assign(*, proposal, assignee, actor, at=None):
    """Give ``proposal`` to ``assignee`` (None to unassign); logged, not public."""
    with transaction.atomic():
        locked = lock(proposal)
        check_actor(actor, workflow.TRIAGE)
        if assignee is not None and not (assignee.is_active and assignee.has_perm(workflow.TRIAGE)):
            raise WorkflowError(_("Proposals can be assigned only to active analysts or leads."), "bad_assignee")
        locked.assignee = assignee
        locked.save(update_fields=["assignee", "updated_at"])
        note = assignee.get_username() if assignee else ""
        record_event(locked, Action.ASSIGN, actor, locked.state, locked.state, note=note, at=at)
    proposal.refresh_from_db()
    return proposal


def proposal_extend_deadline(*, proposal, actor, working_days, note, at=None):
    """Move the decision deadline of an open proposal ``working_days`` later, with the reason in ``note``.

    The event is public, so the submitter's status page shows that the answer will take longer.
    Raises WorkflowError without the permission, without a note, for a non-positive or excessive
    number of days, or when the proposal is no longer open.
    """
    note = (note or "").strip()
    with transaction.atomic():
        locked = lock(proposal)
        check_actor(actor, workflow.EVENT_PERMISSIONS[Action.EXTEND_DEADLINE])
        if locked.state not in workflow.OPEN_STATES:
            raise WorkflowError(_("Only an open proposal has a deadline to extend."), "not_open")
        if not note:
            raise WorkflowError(_("Say why the deadline is extended."), "note_required")
        if not isinstance(working_days, int) or not 1 <= working_days <= MAX_EXTENSION_WORKING_DAYS:
            raise WorkflowError(
                _("An extension is 1 to %(max)d working days.") % {"max": MAX_EXTENSION_WORKING_DAYS},
                "bad_extension",
            )
        base = locked.decision_due or timezone.localdate()
        locked.decision_due = deadlines.extended(base, working_days)
        locked.save(update_fields=["decision_due", "updated_at"])
        record_event(
            locked, Action.EXTEND_DEADLINE, actor, locked.state, locked.state, note=note, at=at, is_public=True
        )
    proposal.refresh_from_db()
    return proposal

def proposal_act(*, proposal, action, actor, note="", reason="", duplicate_of=None, working_days=None, assignee=None,
                 response=None):
    """Take the named ``action`` on ``proposal``: the one entry point for the console's buttons and bulk actions.

    Dispatches to the service that owns the action; a decision with a ``response`` ({language: text}) goes through
    proposal_decide. Raises WorkflowError as that service does, and ("locked") while a colleague has the proposal
    checked out on its page.
    """
    with transaction.atomic():
        # The row lock is held until the action's own transaction (a savepoint of this one) has written.
        ensure_not_locked(lock(proposal), actor)
        return _dispatch(proposal, action, actor, note, reason, duplicate_of, working_days, assignee, response)


def _dispatch(proposal, action, actor, note, reason, duplicate_of, working_days, assignee, response):
    transition = workflow.transition_for(action)
    if transition is not None and transition.decides and response is not None:
        from proposals.core.services.decisions import proposal_decide  # it builds on this module

        return proposal_decide(
            proposal=proposal, action=action, actor=actor, response=response, note=note, reason=reason
        )
    if transition is not None:
        return proposal_transition(
            proposal=proposal, action=action, actor=actor, note=note, reason=reason, duplicate_of=duplicate_of
        )
    if action == Action.PUBLISH:
        return proposal_publish(proposal=proposal, actor=actor)
    if action == Action.UNPUBLISH:
        return proposal_unpublish(proposal=proposal, actor=actor, note=note)
    if action == Action.RELEASE_DECISION:
        return proposal_release_decision(proposal=proposal, actor=actor)
    if action == Action.EXTEND_DEADLINE:
        return proposal_extend_deadline(proposal=proposal, actor=actor, working_days=working_days, note=note)
    if action == Action.ASSIGN:
        return proposal_assign(proposal=proposal, assignee=assignee, actor=actor)
    raise WorkflowError(_("Unknown action."), "unknown_action")


def available_actions(proposal, user):
    """The actions ``user`` may take on ``proposal`` now, in the order the console shows them."""
    moves = workflow.actions_from(proposal.state, released=proposal.decision_released_at is not None)
    actions = [t.action for t in moves if user.has_perm(t.permission)]
    if user.has_perm(workflow.PUBLISH):
        if proposal.published_at is None and proposal.state in PUBLISHABLE_STATES:
            actions.append(Action.PUBLISH)
        if proposal.published_at is not None:
            actions.append(Action.UNPUBLISH)
        if proposal.state in DECIDED_STATES and proposal.decision_released_at is None:
            actions.append(Action.RELEASE_DECISION)
    if user.has_perm(workflow.DECIDE) and proposal.state in workflow.OPEN_STATES:
        actions.append(Action.EXTEND_DEADLINE)
    if user.has_perm(workflow.TRIAGE):
        actions.append(Action.ASSIGN)
    return actions

def _original_for_duplicate(proposal, duplicate_of):
    if duplicate_of is None:
        raise WorkflowError(_("Choose the proposal this one duplicates."), "duplicate_required")
    original = Proposal.objects.get(pk=duplicate_of.pk)
    # Link to the root original, so "also proposed by" counts land in one place.
    seen = {proposal.pk}
    while original.state == State.DUPLICATE and original.duplicate_of_id and original.pk not in seen:
        seen.add(original.pk)
        original = Proposal.objects.get(pk=original.duplicate_of_id)
    if original.pk in seen:
        raise WorkflowError(_("A proposal cannot be a duplicate of itself."), "duplicate_invalid")
    if original.state in (State.SPAM, State.WITHDRAWN):
        raise WorkflowError(_("The original cannot be spam or withdrawn."), "duplicate_invalid")
    return original
