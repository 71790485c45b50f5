"""Ideas: points from different proposals that propose the same thing, confirmed by staff and decided once."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from proposals.core.models.events import AppendOnlyError
from proposals.core.models.points import Point, PointOutcome
from proposals.core.models.reference import Category, in_language
from proposals.core.workflow import NotAcceptedReason

# The public rule of ideas, in one place: published by a lead and not merged into another one. Its outcome and
# response are public once released.
PUBLIC_IDEA = Q(published_at__isnull=False, merged_into__isnull=True)


class IdeaQuerySet(models.QuerySet):
    def public(self):
        """Ideas the public may read: the only source of public reads of ideas."""
        return self.filter(PUBLIC_IDEA)

    def current(self):
        """Ideas staff work on: not merged into another, not dismissed."""
        return self.filter(merged_into__isnull=True, dismissed_at__isnull=True)

    def suggested(self):
        """Suggested by the clustering and not yet confirmed by staff."""
        return self.current().filter(confirmed_at__isnull=True)

    def confirmed(self):
        return self.current().filter(confirmed_at__isnull=False)


class Idea(models.Model):
    """Points from any proposals that propose the same thing. Staff confirm every member; the Working Group decides
    the idea once and the decision applies to each member point (services.ideas)."""

    text = models.TextField(
        _("the idea's text"),
        help_text=_("The text the members are compared with: the first member's, as staff edit it"),
    )
    category = models.ForeignKey(
        Category, verbose_name=_("topic"), on_delete=models.PROTECT, null=True, blank=True, related_name="ideas"
    )
    title_kk = models.CharField(_("public title (Kazakh)"), max_length=300, blank=True)
    title_ru = models.CharField(_("public title (Russian)"), max_length=300, blank=True)
    title_en = models.CharField(_("public title (English)"), max_length=300, blank=True)
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
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    dismissed_at = models.DateTimeField(_("dismissed"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self", verbose_name=_("merged into"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    released_at = models.DateTimeField(_("decision released"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="") | Q(outcome__in=PointOutcome.values), name="idea_outcome_known"
            ),
            models.CheckConstraint(
                condition=Q(outcome=PointOutcome.NOT_ACCEPTED, outcome_reason__in=NotAcceptedReason.values)
                | (~Q(outcome=PointOutcome.NOT_ACCEPTED) & Q(outcome_reason="")),
                name="idea_reason_iff_not_accepted",
            ),
            models.CheckConstraint(
                condition=Q(released_at__isnull=True) | ~Q(outcome=""), name="idea_released_decided"
            ),
        ]
        indexes = [models.Index(fields=["published_at"], name="idea_published")]

    def __str__(self):
        # Translators: an idea of the register, e.g. "Idea 12".
        return _("Idea %(number)s") % {"number": self.pk}

    @property
    def title(self):
        return in_language(self, "title")

    @property
    def summary(self):
        return in_language(self, "summary")

    @property
    def response(self):
        return in_language(self, "response")

    @property
    def public_outcome(self):
        """The outcome once the decision is released, else None."""
        return PointOutcome(self.outcome) if self.outcome and self.released_at else None


class IdeaMembership(models.Model):
    """A point of an idea, confirmed by staff. A point belongs to at most one idea (unique ``point``).

    ``apart``: the member was decided differently from its idea (with a note, in its event), so the idea's decision
    no longer reaches it.
    """

    idea = models.ForeignKey(Idea, on_delete=models.PROTECT, related_name="memberships")
    point = models.OneToOneField(Point, on_delete=models.CASCADE, related_name="idea_membership")
    apart = models.BooleanField(_("decided apart from the idea"), default=False)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        verbose_name = _("member of an idea")
        verbose_name_plural = _("members of ideas")
        indexes = [models.Index(fields=["idea", "point"], name="idea_member")]

    def __str__(self):
        return f"{self.idea} ← {self.point_id}"


class CandidateStatus(models.TextChoices):
    SUGGESTED = "suggested", pgettext_lazy("suggested member", "Suggested")
    DROPPED = "dropped", pgettext_lazy("suggested member", "Dropped")


class IdeaCandidate(models.Model):
    """A point suggested as a member of an idea (by the clustering or the candidate search), waiting for staff.

    Dropped suggestions stay, so the next clustering does not suggest them again.
    """

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="candidates")
    point = models.ForeignKey(Point, on_delete=models.CASCADE, related_name="idea_candidates")
    copy_score = models.FloatField(_("copy score"))
    idea_score = models.FloatField(_("idea score"))
    status = models.CharField(
        _("status"), max_length=10, choices=CandidateStatus.choices, default=CandidateStatus.SUGGESTED
    )
    created_at = models.DateTimeField(_("suggested"), default=timezone.now)

    class Meta:
        verbose_name = _("suggested member")
        verbose_name_plural = _("suggested members")
        constraints = [models.UniqueConstraint(fields=["idea", "point"], name="idea_candidate_unique")]
        indexes = [models.Index(fields=["point", "status"], name="idea_candidate_point")]

    def __str__(self):
        return f"{self.idea} ? {self.point_id}"


class PointKey(models.Model):
    """One band key of a point's text sketch (similarity.band_keys): the index the candidate search reads.

    The primary key is the pair, so PostgreSQL answers a key's points from the index alone.
    """

    pk = models.CompositePrimaryKey("key", "point")
    key = models.BigIntegerField()
    point = models.ForeignKey(Point, on_delete=models.CASCADE, related_name="+", db_index=False)

    class Meta:
        indexes = [models.Index(fields=["point"], name="point_key_point")]

    def __str__(self):
        return f"{self.key}: {self.point_id}"


class IdeaKey(models.Model):
    """One band key of an idea's text: a new point finds the idea itself, not only its newest members."""

    pk = models.CompositePrimaryKey("key", "idea")
    key = models.BigIntegerField()
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="+", db_index=False)

    class Meta:
        indexes = [models.Index(fields=["idea"], name="idea_key_idea")]

    def __str__(self):
        return f"{self.key}: {self.idea_id}"


class IdeaAction(models.TextChoices):
    SUGGEST = "suggest", _("Suggested by the clustering")
    START = "start", _("Started from a point")
    CONFIRM = "confirm", _("Members confirmed")
    DROP = "drop", _("Suggestion dropped")
    REMOVE = "remove", _("Member removed")
    MOVE_OUT = "move_out", _("Member moved to another idea")
    MOVE_IN = "move_in", _("Member moved in from another idea")
    SPLIT = "split", _("Split into a new idea")
    SPLIT_FROM = "split_from", _("Split from another idea")
    MERGE = "merge", _("Merged into another idea")
    MERGE_IN = "merge_in", _("Another idea merged in")
    EDIT = "edit", _("Edited")
    DISMISS = "dismiss", _("Dismissed")
    DECIDE = "decide", _("Decided")
    DECIDE_APART = "decide_apart", _("A member decided differently")
    PUBLISH = "publish", _("Published")
    UNPUBLISH = "unpublish", _("Unpublished")
    RELEASE = "release", _("Decision released")


class IdeaEvent(models.Model):
    """One entry of an idea's append-only history, written by the idea services with the change."""

    idea = models.ForeignKey(Idea, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(_("action"), max_length=20, choices=IdeaAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("event of an idea")
        verbose_name_plural = _("events of ideas")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["idea", "created_at", "id"], name="idea_event_time")]

    def __str__(self):
        return f"{timezone.localtime(self.created_at):%d.%m.%Y %H:%M} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise AppendOnlyError("Idea events are append-only and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Idea events are append-only and cannot be deleted.")
