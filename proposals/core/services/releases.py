"""Releasing many recorded decisions at once: one locked read, one update, one insert of events and of messages."""
from collections import Counter

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.core import notifications, workflow
from proposals.core.models import Proposal, ProposalEvent
from proposals.core.selectors import bump_public_version
from proposals.core.services.base import check_actor
from proposals.core.workflow import DECIDED_STATES, Action

NOT_DECIDED = _("There is no recorded decision to release.")
ALREADY_RELEASED = _("The decision is already released.")


def proposals_release_decisions(*, proposals, actor, at=None):
    """Release the recorded decisions of ``proposals`` (ids or proposals) together, as proposal_release_decision
    does for one: the same checks, one event and one message each, in one transaction.

    Written in bulk (a release of thousands of answers in one evening must return at once; the messages are
    queued, not sent). Returns (released count, Counter of refusal messages). Raises WorkflowError without the
    permission, changing nothing.
    """
    check_actor(actor, workflow.EVENT_PERMISSIONS[Action.RELEASE_DECISION])
    ids = sorted({getattr(item, "pk", item) for item in proposals})
    at = at or timezone.now()
    refused = Counter()
    with transaction.atomic():
        rows = list(
            Proposal.objects.select_for_update().filter(pk__in=ids).order_by("pk").only(
                "pk", "state", "decision_reason", "decision_released_at", "email", "anonymised_at",
                "notify_submitter", "interface_language", "language", "published_at",
            )
        )
        ready = []
        for row in rows:
            if row.state not in DECIDED_STATES:
                refused[str(NOT_DECIDED)] += 1
            elif row.decision_released_at is not None:
                refused[str(ALREADY_RELEASED)] += 1
            else:
                ready.append(row)
        if ready:
            Proposal.objects.filter(pk__in=[row.pk for row in ready]).update(decision_released_at=at, updated_at=at)
            events = ProposalEvent.objects.bulk_create(
                [
                    ProposalEvent(
                        proposal=row, action=Action.RELEASE_DECISION, from_state=row.state, to_state=row.state,
                        actor=actor, reason=row.decision_reason, is_public=True, created_at=at,
                    )
                    for row in ready
                ],
                batch_size=1000,
            )
            notifications.queue_for_events(events, {row.pk: row for row in ready})
            # A bulk update sends no save signal: renew the public data version here.
            transaction.on_commit(bump_public_version)
    return len(ready), refused
