"""Messages to submitters and staff through an outbox: queued with their event, delivered by a worker.

``outbox`` writes rows (in the event's transaction), ``messages`` renders them, ``delivery`` sends them (claimed
with ``skip_locked``), ``tasks`` runs delivery through Django's tasks API, ``digest`` queues the staff's daily
deadline digest, ``links`` builds the signed links.
"""
from proposals.core.notifications.outbox import (
    EVENT_MESSAGES,
    cancel_for,
    queue_for_event,
    queue_for_events_at,
    queue_receipt,
    reaches_submitter,
)


def send_receipt(request, proposal):
    """Queue the receipt of a newly registered proposal (see outbox.queue_receipt); returns whether it was queued."""
    return queue_receipt(request, proposal)


__all__ = [
    "EVENT_MESSAGES", "cancel_for", "queue_for_event", "queue_for_events_at",
    "queue_receipt", "reaches_submitter",
    "send_receipt",
]
