"""The append-only history of a proposal and the staff's internal notes."""
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.core.models.proposal import Proposal
from proposals.core.workflow import (
    TIMELINE,
    Action,
    NotAcceptedReason,
    State,
)


class AppendOnlyError(Exception):
    """The audit log cannot be changed or deleted."""


class ProposalEventQuerySet(models.QuerySet):
    def delete(self):
        raise AppendOnlyError("Proposal events are append-only and cannot be deleted.")

    def update(self, **kwargs):
        raise AppendOnlyError("Proposal events are append-only and cannot be changed.")

    def public(self):
        return self.filter(is_public=True)


class ProposalEvent(models.Model):
    """One entry of a proposal's audit log, written by the services in the same transaction as the change."""

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    from_state = models.CharField(_("from"), max_length=20, choices=State.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=20, choices=State.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    reason = models.CharField(_("reason"), max_length=30, choices=NotAcceptedReason.choices, blank=True)
    is_public = models.BooleanField(_("on the public timeline"), default=False)
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    objects = ProposalEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["proposal", "created_at", "id"], name="event_proposal_time")]

    def __str__(self):
        return f"{timezone.localtime(self.created_at):%d.%m.%Y %H:%M} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise AppendOnlyError("Proposal events are append-only and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Proposal events are append-only and cannot be deleted.")

    @property
    def description(self):
        """How this event reads on the public timeline."""
        return TIMELINE.get(self.action) or self.get_action_display()


class ProposalNote(models.Model):
    """An internal staff note; never shown to the public."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]
