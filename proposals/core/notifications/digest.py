"""The staff's daily digest: open proposals whose deadline falls within two working days, one message per person."""
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from proposals.core import deadlines
from proposals.core.models import Notification, NotificationKind, Proposal
from proposals.core.notifications.outbox import deliver_after_commit
from proposals.core.workflow import OPEN_STATES, State

WORKING_DAYS_AHEAD = 2
LEADS_GROUP = "lead"


def due_soon(today):
    """Open proposals whose applicable deadline (acknowledgement while received, else the decision) is at most
    WORKING_DAYS_AHEAD working days after ``today`` (overdue ones included)."""
    horizon = deadlines.add_working_days(today, WORKING_DAYS_AHEAD, deadlines.holidays_from(today))
    return Proposal.objects.filter(
        Q(state=State.RECEIVED, acknowledge_due__lte=horizon)
        | Q(state__in=OPEN_STATES - {State.RECEIVED}, decision_due__lte=horizon)
    ).only("pk", "assignee_id")


def queue_digests(today=None, language=None):
    """Queue today's digest for each assignee of a proposal due soon and for every lead (all of them).

    Running it twice on one day queues nothing more (one digest per person per day). Returns the number queued.
    """
    from django.conf import settings

    today = today or timezone.localdate()
    proposals = list(due_soon(today))
    if not proposals:
        return 0
    everything = [proposal.pk for proposal in proposals]
    per_user = defaultdict(set)
    for proposal in proposals:
        if proposal.assignee_id:
            per_user[proposal.assignee_id].add(proposal.pk)
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    for lead_id in users.filter(groups__name=LEADS_GROUP).values_list("pk", flat=True):
        per_user[lead_id].update(everything)
    active = set(users.filter(pk__in=per_user).values_list("pk", flat=True))
    rows = [
        Notification(
            kind=NotificationKind.DIGEST, recipient_user_id=user_id, digest_day=today,
            language=language or settings.LANGUAGE_CODE, context={"proposals": sorted(ids)},
        )
        for user_id, ids in per_user.items() if user_id in active
    ]
    with transaction.atomic():
        before = Notification.objects.filter(kind=NotificationKind.DIGEST, digest_day=today).count()
        Notification.objects.bulk_create(rows, ignore_conflicts=True)
        queued = Notification.objects.filter(kind=NotificationKind.DIGEST, digest_day=today).count() - before
        if queued:
            deliver_after_commit(queued)
    return queued
