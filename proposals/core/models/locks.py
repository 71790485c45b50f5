"""Edit locks: who is working on a proposal's console page now, and until when."""
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.core.models.proposal import Proposal


class ProposalLock(models.Model):
    """One proposal checked out by one staff member until ``expires`` (alphagov/e-petitions' locked_by/locked_at).

    The proposal is the primary key, so there is at most one lock per proposal whatever the race; the services
    take and release it under the proposal's row lock.
    """

    proposal = models.OneToOneField(
        Proposal, on_delete=models.CASCADE, primary_key=True, related_name="edit_lock", verbose_name=_("proposal")
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("being edited by")
    )
    since = models.DateTimeField(_("editing since"), default=timezone.now)
    expires = models.DateTimeField(_("lock expires"))

    class Meta:
        verbose_name = _("edit lock")
        verbose_name_plural = _("edit locks")

    def __str__(self):
        return f"{self.proposal_id}: {self.holder_id}"

    def is_active(self, at=None):
        return self.expires > (at or timezone.now())
