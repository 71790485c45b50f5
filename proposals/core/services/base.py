"""What every service shares: the refusal, the row lock, the actor check and the event that records each write."""
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.core import notifications
from proposals.core.models import Proposal, ProposalEvent


class WorkflowError(Exception):
    """An action was refused; ``code`` says why, ``message`` says it to a person (translated)."""

    def __init__(self, message, code):
        super().__init__(str(message))
        self.message = message
        self.code = code


def lock(proposal, *others):
    """Lock ``proposal`` (and any ``others``) in primary-key order, so two transactions never deadlock."""
    ids = sorted({proposal.pk} | {other.pk for other in others if other is not None})
    rows = {row.pk: row for row in Proposal.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
    return rows[proposal.pk]


def check_actor(actor, permission, *, submitter_may=False):
    if actor is None:
        if submitter_may:
            return
        raise WorkflowError(_("Only staff can do this."), "permission")
    if not (actor.is_active and actor.has_perm(permission)):
        raise WorkflowError(_("You do not have permission to do this."), "permission")


def record_event(proposal, action, actor, from_state, to_state, *, note="", reason="", at=None, is_public=False):
    """Write the event, and queue the message it causes to the submitter (if any) in the same transaction."""
    event = ProposalEvent.objects.create(
        proposal=proposal,
        action=action,
        from_state=from_state,
        to_state=to_state,
        actor=actor,
        note=note,
        reason=reason,
        is_public=is_public,
        created_at=at or timezone.now(),
    )
    notifications.queue_for_event(event, proposal)
    return event
