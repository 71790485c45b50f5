"""Answer templates: the Working Group's standard public responses per outcome and reason, kept by staff."""
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from proposals.core.models.reference import in_language
from proposals.core.workflow import DECIDED_STATES, NotAcceptedReason, State

OUTCOME_CHOICES = [(state.value, state.label) for state in State if state in DECIDED_STATES]


class AnswerTemplate(models.Model):
    """A response the decision page offers for one outcome (and, for "not accepted", one reason)."""

    name = models.CharField(pgettext_lazy("answer template", "name"), max_length=200)
    outcome = models.CharField(_("outcome"), max_length=20, choices=OUTCOME_CHOICES)
    reason = models.CharField(
        _("reason not accepted"), max_length=30, choices=NotAcceptedReason.choices, blank=True,
        help_text=_("Only for the outcome “Not accepted”; empty: offered for every reason."),
    )
    text_kk = models.TextField(_("response (Kazakh)"))
    text_ru = models.TextField(_("response (Russian)"))
    text_en = models.TextField(_("response (English)"), blank=True)
    is_active = models.BooleanField(_("offered"), default=True)
    position = models.PositiveSmallIntegerField(pgettext_lazy("display order", "position"), default=0)

    class Meta:
        verbose_name = _("answer template")
        verbose_name_plural = _("answer templates")
        ordering = ["outcome", "reason", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(outcome__in=[value for value, _label in OUTCOME_CHOICES]),
                                   name="answer_template_outcome_known"),
            models.CheckConstraint(
                condition=Q(outcome=State.NOT_ACCEPTED) | Q(reason=""), name="answer_template_reason_only_not_accepted",
                violation_error_message=_("A reason belongs only to the outcome “Not accepted”."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def text(self):
        return in_language(self, "text")

    def texts(self):
        """{language: text} of the response fields this template fills."""
        return {"kk": self.text_kk, "ru": self.text_ru, "en": self.text_en}
