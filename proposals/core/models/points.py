"""The numbered points of a proposal: what the Working Group answers one by one."""
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from proposals.core.models.proposal import PUBLIC, Proposal
from proposals.core.models.reference import Category, in_language
from proposals.core.workflow import DECIDED_STATES, NotAcceptedReason, State

# The public rules of points, in one place (the selectors, pages and open data use these and nothing else):
# a point is public when its proposal is (PUBLIC, read through the point's proposal); a proposal's page lists its
# points from LISTED_FROM of them (point 1 of a one-point proposal is the proposal itself); a point's outcome,
# reason and response are public once its proposal's decision is released, as the proposal's own are.
PUBLIC_POINT = Q(*[(f"proposal__{name}", value) for name, value in PUBLIC.children])
RELEASED_POINT = Q(proposal__decision_released_at__isnull=False, proposal__state__in=sorted(DECIDED_STATES))
LISTED_FROM = 2
# The text of a point (the submitter's own words) is never read for the public.
NOT_IN_PUBLIC_POINTS = ("text",)


def outcome_released(proposal):
    """Whether the outcomes of ``proposal``'s points (and its own decision) are public: its decision is released."""
    return proposal.decision_released_at is not None and proposal.state in DECIDED_STATES


class PointOutcome(models.TextChoices):
    """The Working Group's answer to one point; the values are the proposal's decided states."""

    ACCEPTED = State.ACCEPTED.value, pgettext_lazy("point outcome", "Accepted")
    PARTIALLY_ACCEPTED = State.PARTIALLY_ACCEPTED.value, pgettext_lazy("point outcome", "Accepted in part")
    NOT_ACCEPTED = State.NOT_ACCEPTED.value, pgettext_lazy("point outcome", "Not accepted")


# What the public counts as an accepted point: accepted, and its proposal's decision released.
ACCEPTED_POINT = RELEASED_POINT & Q(outcome=PointOutcome.ACCEPTED)


class PointQuerySet(models.QuerySet):
    def public(self):
        """Points of published proposals (without their text): the only source of public reads of points."""
        return self.filter(PUBLIC_POINT).defer(*NOT_IN_PUBLIC_POINTS)

    def released(self):
        """Points whose outcome is public: their proposal's decision is released."""
        return self.filter(RELEASED_POINT)

    def accepted(self):
        """Points the public sees accepted: outcome accepted, decision released."""
        return self.filter(ACCEPTED_POINT)


class Point(models.Model):
    """A numbered item of a proposal. Every proposal has point 1; a party's package is split into many.

    While a proposal has one point, that point follows the proposal (its topic, public summary, outcome, reason and
    response are written by the proposal's services: ``proposals.core.services.points``). Its ``text`` is empty
    while it is the whole submission, so the submitted text is stored once and retention empties it in one place.
    """

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="points")
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(
        _("text"), blank=True, help_text=_("The excerpt of the submission; empty: the whole submission")
    )
    category = models.ForeignKey(
        Category, verbose_name=_("topic"), on_delete=models.PROTECT, null=True, blank=True, related_name="points"
    )
    summary_kk = models.TextField(_("public summary (Kazakh)"), blank=True)
    summary_ru = models.TextField(_("public summary (Russian)"), blank=True)
    summary_en = models.TextField(_("public summary (English)"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=PointOutcome.choices, blank=True)
    outcome_reason = models.CharField(
        _("reason not accepted"), max_length=30, choices=NotAcceptedReason.choices, blank=True
    )
    response_kk = models.TextField(_("Working Group response (Kazakh)"), blank=True)
    response_ru = models.TextField(_("Working Group response (Russian)"), blank=True)
    response_en = models.TextField(_("Working Group response (English)"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PointQuerySet.as_manager()

    class Meta:
        verbose_name = _("point")
        verbose_name_plural = _("points")
        ordering = ["proposal", "number"]
        indexes = [
            # The public counts of points (selectors.point_figures: all points of published proposals, and the
            # accepted ones) read this narrow index only, joined to the proposals' own, not the wide point rows.
            models.Index(fields=["proposal", "outcome"], name="point_proposal_outcome"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "number"], name="point_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="point_number_positive"),
            models.CheckConstraint(
                condition=Q(outcome="") | Q(outcome__in=PointOutcome.values), name="point_outcome_known"
            ),
            # "Not accepted" carries its coded reason, and nothing else does (as a proposal's decision).
            models.CheckConstraint(
                condition=Q(outcome=PointOutcome.NOT_ACCEPTED, outcome_reason__in=NotAcceptedReason.values)
                | (~Q(outcome=PointOutcome.NOT_ACCEPTED) & Q(outcome_reason="")),
                name="point_reason_iff_not_accepted",
            ),
        ]

    def __str__(self):
        # Translators: a numbered point of a proposal, e.g. "Point 17".
        return _("Point %(number)s") % {"number": self.number}

    @property
    def summary(self):
        return in_language(self, "summary")

    @property
    def response(self):
        return in_language(self, "response")

    # What the public reads of a point's answer: nothing until its proposal's decision is released. They read
    # self.proposal, which the public selectors set on the points they return (no query).

    @property
    def public_outcome(self):
        """The outcome (a PointOutcome) once the decision is released, else None."""
        return PointOutcome(self.outcome) if self.outcome and outcome_released(self.proposal) else None

    @property
    def public_reason(self):
        return self.outcome_reason if self.public_outcome else ""

    @property
    def public_response(self):
        return self.response if self.public_outcome else ""
