"""The outbox: each message to a submitter or staff member, written with the event that causes it, and its delivery."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.core.models.events import ProposalEvent
from proposals.core.models.proposal import Proposal


class NotificationKind(models.TextChoices):
    RECEIPT = "receipt", _("Receipt")
    ACKNOWLEDGEMENT = "acknowledgement", _("Being considered")
    EXTENSION = "extension", _("Deadline extended")
    DECISION = "decision", _("Decision announced")
    PUBLICATION = "publication", _("Published in the register")
    WITHDRAWAL = "withdrawal", _("Withdrawal confirmed")
    DIGEST = "digest", _("Staff: deadlines digest")


class NotificationStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Not sent")


class NotificationQuerySet(models.QuerySet):
    def due(self, now=None):
        """Queued messages whose (next) attempt is due: what a worker claims."""
        return self.filter(status=NotificationStatus.QUEUED, next_attempt_at__lte=now or timezone.now())

    def failed(self):
        return self.filter(status=NotificationStatus.FAILED)


class Notification(models.Model):
    """One message: to a proposal's submitter (the address is read from the proposal when it is sent, so a
    removal of contact details stops it) or to a staff member (the daily digest)."""

    kind = models.CharField(_("message"), max_length=20, choices=NotificationKind.choices)
    status = models.CharField(
        _("delivery"), max_length=10, choices=NotificationStatus.choices, default=NotificationStatus.QUEUED
    )
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="notifications",
    )
    event = models.ForeignKey(
        ProposalEvent, verbose_name=_("event"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("staff recipient"), on_delete=models.CASCADE, null=True,
        blank=True, related_name="+",
    )
    language = models.CharField(_("language"), max_length=2)
    # What the message lists (the digest's proposals), fixed when it is queued.
    context = models.JSONField(default=dict, blank=True)
    digest_day = models.DateField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("queued"), default=timezone.now)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("email message")
        verbose_name_plural = _("email messages")
        ordering = ["-created_at", "-id"]
        indexes = [
            # The workers' claim: queued rows, oldest due first; small because sent rows leave it.
            models.Index(
                fields=["next_attempt_at", "id"], name="notification_due", condition=Q(status="queued")
            ),
            models.Index(fields=["proposal", "created_at"], name="notification_proposal"),
            models.Index(fields=["status", "-created_at"], name="notification_status"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=NotificationKind.values), name="notification_kind_known"),
            models.CheckConstraint(
                condition=Q(status__in=NotificationStatus.values), name="notification_status_known"
            ),
            # One digest per person per day, however often the daily command runs.
            models.UniqueConstraint(
                fields=["recipient_user", "digest_day"], condition=Q(kind="digest"), name="notification_one_digest"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"
