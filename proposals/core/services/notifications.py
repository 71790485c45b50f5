"""The submitter's choice of email updates, and staff sending a failed message again."""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.core import notifications, workflow
from proposals.core.models import Notification, NotificationStatus
from proposals.core.services.base import WorkflowError, check_actor, lock, record_event
from proposals.core.workflow import Action


def proposal_notifications_set(*, proposal, on, actor=None, at=None):
    """Turn email updates about ``proposal`` on or off (the submitter, actor None: the unsubscribe link or the
    status page's switch). Writes a staff-only event; returns False and writes nothing if it already was so."""
    with transaction.atomic():
        locked = lock(proposal)
        if locked.notify_submitter == bool(on):
            return False
        locked.notify_submitter = bool(on)
        locked.save(update_fields=["notify_submitter", "updated_at"])
        action = Action.NOTIFICATIONS_ON if on else Action.NOTIFICATIONS_OFF
        record_event(locked, action, actor, locked.state, locked.state, at=at)
    proposal.refresh_from_db(fields=["notify_submitter", "updated_at"])
    return True


def notification_resend(*, notification, actor, at=None):
    """Queue a failed (or not sent) message again, with a fresh count of attempts, and start delivery.

    Needs the triage permission; writes a staff-only event on the proposal it is about. Raises WorkflowError
    for a message that was sent or is still waiting, or whose submitter no longer receives messages.
    """
    check_actor(actor, workflow.TRIAGE)
    at = at or timezone.now()
    with transaction.atomic():
        locked = (
            Notification.objects.select_for_update(of=("self",)).select_related("proposal").get(pk=notification.pk)
        )
        if locked.status not in (NotificationStatus.FAILED, NotificationStatus.CANCELLED):
            raise WorkflowError(_("Only a failed or unsent message can be sent again."), "not_failed")
        if locked.proposal is not None:
            proposal = lock(locked.proposal)
            if not notifications.reaches_submitter(proposal):
                raise WorkflowError(
                    _("The submitter receives no messages about this proposal (no address, updates turned off "
                      "or contact details removed)."),
                    "no_recipient",
                )
        locked.status = NotificationStatus.QUEUED
        locked.attempts = 0
        locked.last_error = ""
        locked.next_attempt_at = at
        locked.save(update_fields=["status", "attempts", "last_error", "next_attempt_at"])
        if locked.proposal is not None:
            record_event(
                proposal, Action.RESEND_NOTIFICATION, actor, proposal.state, proposal.state,
                note=locked.get_kind_display(), at=at,
            )
        notifications.outbox.deliver_after_commit()
    notification.refresh_from_db()
    return notification
