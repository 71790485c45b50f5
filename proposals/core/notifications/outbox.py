"""Writing messages into the outbox, in the transaction of the event that causes them, and waking a worker."""
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from proposals.core.infra import ratelimit
from proposals.core.models import Notification, NotificationKind, NotificationStatus
from proposals.core.workflow import Action

logger = logging.getLogger(__name__)

# Each event kind causes at most one message kind, to the submitter; everything else sends nothing.
EVENT_MESSAGES = {
    Action.START_SCREENING: NotificationKind.ACKNOWLEDGEMENT,
    Action.EXTEND_DEADLINE: NotificationKind.EXTENSION,
    Action.RELEASE_DECISION: NotificationKind.DECISION,
    Action.PUBLISH: NotificationKind.PUBLICATION,
    Action.WITHDRAW: NotificationKind.WITHDRAWAL,
}

# Messages queued by one transaction are delivered by a few tasks at most, each claiming rows until none is due.
ROWS_PER_TASK = 500
MAX_TASKS_PER_COMMIT = 4


def reaches_submitter(proposal):
    """Whether the submitter of ``proposal`` can and wants to receive messages about it."""
    return bool(proposal.email) and proposal.anonymised_at is None and proposal.notify_submitter


def queue_for_event(event, proposal=None):
    """Queue the message ``event`` causes (EVENT_MESSAGES), if its submitter receives messages; else nothing.

    Called where the event is written, inside its transaction: a rolled-back action queues nothing.
    Returns the Notification or None.
    """
    proposal = proposal or event.proposal
    kind = EVENT_MESSAGES.get(event.action)
    if kind is None or not reaches_submitter(proposal):
        return None
    notification = Notification.objects.create(
        kind=kind, proposal=proposal, event=event, language=proposal.message_language, created_at=event.created_at,
        next_attempt_at=event.created_at,
    )
    deliver_after_commit()
    return notification


def queue_for_events_at(action, proposal_ids, at):
    """queue_for_event for the ``action`` events written at ``at`` for ``proposal_ids`` (a bulk write), by one
    INSERT ... SELECT: no model instance per row (see services.releases). Returns the number queued."""
    from django.db import connection

    from proposals.core.models import Proposal, ProposalEvent

    kind = EVENT_MESSAGES.get(action)
    if kind is None or not proposal_ids:
        return 0
    marks = ", ".join(["%s"] * len(proposal_ids))
    when = connection.ops.adapt_datetimefield_value(at)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {Notification._meta.db_table} (kind, status, proposal_id, event_id, language, context, "
            f"attempts, last_error, next_attempt_at, created_at) "
            f"SELECT %s, %s, p.id, e.id, COALESCE(NULLIF(p.interface_language, ''), p.language), '{{}}', 0, '', "
            f"%s, %s FROM {ProposalEvent._meta.db_table} e JOIN {Proposal._meta.db_table} p ON p.id = e.proposal_id "
            # reaches_submitter, in SQL.
            f"WHERE e.action = %s AND e.created_at = %s AND p.email <> '' AND p.anonymised_at IS NULL "
            f"AND p.notify_submitter AND e.proposal_id IN ({marks})",
            [kind.value, NotificationStatus.QUEUED.value, when, when, action.value if hasattr(action, "value")
             else action, when, *proposal_ids],
        )
        queued = cursor.rowcount
    if queued:
        deliver_after_commit(queued)
    return queued


def queue_receipt(request, proposal):
    """Queue the receipt of a newly registered proposal: the tracking code and the signed status link.

    At most PARLREFORM_RECEIPTS_PER_ADDRESS receipts go to one address: the form must not become a way to send
    the Institute's mail to anyone, again and again. Returns whether the receipt was queued (False past that
    limit, or without an address), so the receipt page says so.
    """
    if not proposal.email:
        return False
    address = proposal.email.strip().lower()
    if not ratelimit.hit("receipt", request, settings.PARLREFORM_RECEIPTS_PER_ADDRESS, identity=address):
        logger.info("Receipt email for %s not sent: PARLREFORM_RECEIPTS_PER_ADDRESS reached", proposal.tracking_code)
        return False
    with transaction.atomic():
        Notification.objects.create(
            kind=NotificationKind.RECEIPT, proposal=proposal, language=proposal.message_language
        )
        deliver_after_commit()
    return True


def cancel_for(proposal):
    """Cancel ``proposal``'s messages not yet sent (its contact details are being removed). Returns how many."""
    return Notification.objects.filter(proposal=proposal, status=NotificationStatus.QUEUED).update(
        status=NotificationStatus.CANCELLED, last_error="contact details removed", next_attempt_at=timezone.now()
    )


def deliver_after_commit(count=1):
    """Start delivery once the current transaction commits (at once outside one).

    A transaction with several events starts a run for each: a run that finds nothing due costs one query.
    """
    tasks = max(1, min(MAX_TASKS_PER_COMMIT, -(-count // ROWS_PER_TASK)))

    def start():
        from proposals.core.notifications import tasks as delivery_tasks

        delivery_tasks.start_delivery(tasks)

    transaction.on_commit(start)
