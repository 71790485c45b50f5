"""The analyst's expert opinion on a proposal: every save is a new version, kept for good."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.core.models.events import AppendOnlyError
from proposals.core.models.proposal import Proposal
from proposals.core.workflow import NotAcceptedReason


class Recommendation(models.TextChoices):
    ACCEPT = "accept", _("Accept")
    ACCEPT_IN_PART = "accept_in_part", _("Accept in part")
    DO_NOT_ACCEPT = "do_not_accept", _("Do not accept")


class Consistency(models.TextChoices):
    """How the proposal stands with the Constitution as it is."""

    CONSISTENT = "consistent", _("Consistent with the Constitution")
    NEEDS_AMENDMENT = "needs_amendment", _("Needs an amendment of the Constitution")
    INCONSISTENT = "inconsistent", _("Inconsistent with the Constitution")


class ExpertOpinionQuerySet(models.QuerySet):
    def delete(self):
        raise AppendOnlyError("Expert opinion versions are kept and cannot be deleted.")

    def update(self, **kwargs):
        raise AppendOnlyError("Expert opinion versions are kept and cannot be changed.")


class ExpertOpinion(models.Model):
    """One version of the analyst's assessment; the newest version is the opinion. Staff only, never public."""

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="opinions")
    version = models.PositiveIntegerField(_("version"))
    recommendation = models.CharField(_("recommendation"), max_length=20, choices=Recommendation.choices)
    reason = models.CharField(
        _("reason not to accept"), max_length=30, choices=NotAcceptedReason.choices, blank=True
    )
    reasoning = models.TextField(_("legal reasoning"))
    articles = models.CharField(
        _("articles concerned"), max_length=300, blank=True, help_text=_("For example: 49, 50-1")
    )
    consistency = models.CharField(
        _("consistency with the Constitution"), max_length=20, choices=Consistency.choices
    )
    consistency_comment = models.TextField(_("comment on consistency"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    objects = ExpertOpinionQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert opinion")
        verbose_name_plural = _("expert opinions")
        ordering = ["proposal", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "version"], name="opinion_one_row_per_version"),
            models.CheckConstraint(
                condition=Q(recommendation=Recommendation.DO_NOT_ACCEPT, reason__in=NotAcceptedReason.values)
                | (~Q(recommendation=Recommendation.DO_NOT_ACCEPT) & Q(reason="")),
                name="opinion_reason_iff_do_not_accept",
            ),
        ]

    def __str__(self):
        return f"{self.proposal_id} v{self.version}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Expert opinion versions are kept and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Expert opinion versions are kept and cannot be deleted.")
