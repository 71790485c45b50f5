"""Proposals and the files sent with them."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from proposals.core.models.reference import Category, Party, Region, in_language, language_of
from proposals.core.workflow import (
    DECIDED_STATES,
    OPEN_STATES,
    PUBLISHABLE_STATES,
    NotAcceptedReason,
    State,
    public_state,
)


class SubmitterKind(models.TextChoices):
    CITIZEN = "citizen", _("Citizen")
    PARTY = "party", _("Political party")
    NGO = "ngo", _("Non-governmental organisation")
    BUSINESS = "business", _("Business association")
    EXPERT = "expert", _("Expert or legal scholar")


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    EOTINISH = "eotinish", _("e-Otinish")
    EGOV = "egov", _("eGov")
    EMAIL = "email", _("Email")
    LETTER = "letter", _("Letter")
    MEETING = "meeting", _("Meeting")


class Language(models.TextChoices):
    KK = "kk", _("Kazakh")
    RU = "ru", _("Russian")
    EN = "en", _("English")


# Columns public rows never read: contact details (private) and the original texts (long; the pages show summaries).
NOT_IN_PUBLIC_ROWS = ("email", "phone", "bin", "position", "submission_token", "text", "rationale")

# The one definition of what the public may see (also usable inside aggregates).
PUBLIC = Q(published_at__isnull=False, state__in=PUBLISHABLE_STATES)
# The console's saved views "Decided, not released" and "Ready to publish". Their indexes' conditions leave the
# states out (an index on the state answers them): PostgreSQL writes an IN list back from an index definition in
# another form, so an index dropped and recreated from its definition (the synthetic loader does) would differ.
UNRELEASED = Q(decision_released_at__isnull=True)
UNRELEASED_DECISION = Q(state__in=sorted(DECIDED_STATES)) & UNRELEASED
# Publishing needs the Kazakh and Russian public title and summary (services.transitions.REQUIRED_PUBLIC_TEXTS).
PUBLIC_TEXTS_READY = Q(
    published_at__isnull=True, title_kk__gt="", title_ru__gt="", summary_kk__gt="", summary_ru__gt=""
)
READY_TO_PUBLISH = Q(state__in=sorted(PUBLISHABLE_STATES)) & PUBLIC_TEXTS_READY


class ProposalQuerySet(models.QuerySet):
    def public(self):
        """Published proposals in a state the public may see: the only source of public reads."""
        return self.filter(PUBLIC)

    def awaiting_triage(self):
        """Not yet past screening: the analysts' intake queue."""
        return self.filter(state__in=[State.RECEIVED, State.SCREENING])

    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def decided(self):
        return self.filter(state__in=DECIDED_STATES)

    def overdue(self, today=None):
        """Open proposals past their acknowledgement (still received) or decision deadline."""
        today = today or timezone.localdate()
        return self.filter(
            Q(state=State.RECEIVED, acknowledge_due__lt=today) | Q(state__in=OPEN_STATES, decision_due__lt=today)
        )

    def assigned_to(self, user):
        return self.filter(assignee=user)

    def decided_unreleased(self):
        """Decisions recorded but not yet announced: the lead releases them together."""
        return self.filter(UNRELEASED_DECISION)

    def ready_to_publish(self):
        """Not yet in the register, in a publishable state, with the Kazakh and Russian titles and summaries written."""
        return self.filter(READY_TO_PUBLISH)

    def with_related(self):
        """Everything a list row shows, in one query."""
        return self.select_related("category", "region", "party", "assignee", "duplicate_of")

    def for_public_rows(self):
        """What public lists and open data show, in one query: never contact details, never the long original."""
        return self.select_related("category", "region", "party").defer(*NOT_IN_PUBLIC_ROWS)


class Proposal(models.Model):
    tracking_code = models.CharField(_("tracking code"), max_length=16, unique=True, editable=False)

    submitter_kind = models.CharField(_("submitter"), max_length=10, choices=SubmitterKind.choices)
    submitter_name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    party = models.ForeignKey(
        Party, verbose_name=_("political party"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="proposals",
    )
    position = models.CharField(pgettext_lazy("job title", "position"), max_length=200, blank=True)
    bin = models.CharField(_("BIN"), max_length=12, blank=True, help_text=_("Business identification number"))
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, null=True, blank=True, related_name="proposals"
    )
    publish_name = models.BooleanField(_("consents to publish the name"), default=False)

    language = models.CharField(_("language of the text"), max_length=2, choices=Language.choices)
    # The language the submitter used the site in: their messages are written in it (empty: the text's language).
    interface_language = models.CharField(
        _("language of the messages"), max_length=2, choices=Language.choices, blank=True
    )
    notify_submitter = models.BooleanField(_("email updates to the submitter"), default=True, editable=False)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.WEB)
    external_ref = models.CharField(_("external reference"), max_length=100, blank=True)
    # The public form's one-time token: a repeated POST of the same form finds this proposal instead of a new one.
    submission_token = models.CharField(max_length=64, blank=True, editable=False)

    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"))
    rationale = models.TextField(_("rationale"), blank=True)
    # The articles are links (ProposalArticle); this keeps what matched no article, for staff to fix.
    articles = models.CharField(
        _("article numbers to check"), max_length=200, blank=True,
        help_text=_("Numbers that match no article of the Constitution, kept as they arrived. Link the right "
                    "articles below, or add a missing article, then clear this field."),
    )
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="proposals",
    )

    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.RECEIVED, editable=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assignee"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="assigned_proposals",
    )
    duplicate_of = models.ForeignKey(
        "self", verbose_name=_("duplicate of"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="duplicates",
    )
    decision_reason = models.CharField(
        _("reason not accepted"), max_length=30, choices=NotAcceptedReason.choices, blank=True
    )

    # Staff write the public title: the register never heads a proposal with the submitter's own wording.
    title_kk = models.CharField(_("public title (Kazakh)"), max_length=300, blank=True)
    title_ru = models.CharField(_("public title (Russian)"), max_length=300, blank=True)
    title_en = models.CharField(_("public title (English)"), max_length=300, blank=True)
    summary_kk = models.TextField(_("public summary (Kazakh)"), blank=True)
    summary_ru = models.TextField(_("public summary (Russian)"), blank=True)
    summary_en = models.TextField(_("public summary (English)"), blank=True)
    response_kk = models.TextField(_("Working Group response (Kazakh)"), blank=True)
    response_ru = models.TextField(_("Working Group response (Russian)"), blank=True)
    response_en = models.TextField(_("Working Group response (English)"), blank=True)

    received_at = models.DateTimeField(_("received"), default=timezone.now)
    acknowledge_due = models.DateField(_("acknowledge by"), null=True, blank=True)
    decision_due = models.DateField(_("decide by"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)
    decision_released_at = models.DateTimeField(_("decision released"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("contact details removed"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-received_at", "-id"]
        permissions = [
            ("triage_proposal", _("Can screen, review and close proposals")),
            ("decide_proposal", _("Can forward proposals and record decisions")),
            ("publish_proposal", _("Can publish proposals and release decisions")),
        ]
        indexes = [
            # The register: published proposals, newest first, keyset-paginated on (received_at, id).
            # It includes the state, so counting the register (published and in a public state) reads the index only.
            models.Index(
                fields=["-received_at", "-id"], name="proposal_public_newest", include=["state"],
                condition=Q(published_at__isnull=False),
            ),
            # The console's lists: newest first, whatever the filter (a backward walk that stops after a page).
            models.Index(fields=["-received_at", "-id"], name="proposal_recent"),
            models.Index(fields=["state", "-received_at"], name="proposal_state_received"),
            # Campaign copies share their title: likely duplicates look it up as it is.
            models.Index(fields=["title"], name="proposal_title"),
            # Everything the statistics page groups by, for published proposals: it reads this index only.
            models.Index(
                fields=["received_at"], name="proposal_public_facts",
                include=["state", "decision_released_at", "category", "submitter_kind", "party", "region"],
                condition=Q(published_at__isnull=False),
            ),
            models.Index(fields=["assignee", "state"], name="proposal_assignee_state"),
            models.Index(fields=["state", "decision_due"], name="proposal_state_due"),
            # The console's "Overdue" view: still received past the acknowledgement date (the decision date has
            # the index above).
            models.Index(fields=["state", "acknowledge_due"], name="proposal_state_ack_due"),
            # The console's saved views that no state index alone answers: newest first, each only its own rows.
            models.Index(fields=["state", "-received_at"], name="proposal_unreleased", condition=UNRELEASED),
            models.Index(
                fields=["state", "-received_at"], name="proposal_ready_to_publish", condition=PUBLIC_TEXTS_READY
            ),
            models.Index(fields=["category", "-received_at"], name="proposal_category_received"),
            models.Index(fields=["region", "-received_at"], name="proposal_region_received"),
            models.Index(fields=["submitter_kind", "-received_at"], name="proposal_kind_received"),
            models.Index(fields=["party", "-received_at"], name="proposal_party_received"),
            models.Index(fields=["-decided_at"], name="proposal_decided"),
            # "Recently decided" in the register: announced decisions, newest first.
            models.Index(
                fields=["-decision_released_at", "-id"], name="proposal_public_released",
                condition=Q(published_at__isnull=False, decision_released_at__isnull=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=State.values), name="proposal_state_known"),
            models.CheckConstraint(condition=Q(submitter_kind__in=SubmitterKind.values), name="proposal_kind_known"),
            models.CheckConstraint(condition=Q(channel__in=Channel.values), name="proposal_channel_known"),
            models.CheckConstraint(condition=Q(language__in=Language.values), name="proposal_language_known"),
            # A duplicate always points at its original, and only a duplicate does.
            models.CheckConstraint(
                condition=Q(state=State.DUPLICATE, duplicate_of__isnull=False)
                | (~Q(state=State.DUPLICATE) & Q(duplicate_of__isnull=True)),
                name="proposal_duplicate_has_link",
            ),
            models.CheckConstraint(
                condition=~Q(duplicate_of=models.F("id")) | Q(duplicate_of__isnull=True),
                name="proposal_not_duplicate_of_itself",
            ),
            # A "not accepted" decision carries its coded reason, and nothing else does.
            models.CheckConstraint(
                condition=Q(state=State.NOT_ACCEPTED, decision_reason__in=NotAcceptedReason.values)
                | (~Q(state=State.NOT_ACCEPTED) & Q(decision_reason="")),
                name="proposal_reason_iff_not_accepted",
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(state__in=PUBLISHABLE_STATES),
                name="proposal_published_only_when_publishable",
            ),
            models.CheckConstraint(
                condition=Q(decision_released_at__isnull=True) | Q(state__in=DECIDED_STATES),
                name="proposal_released_only_when_decided",
            ),
            models.UniqueConstraint(
                fields=["channel", "external_ref"], condition=~Q(external_ref=""),
                name="proposal_unique_external_ref",
            ),
            models.UniqueConstraint(
                fields=["submission_token"], condition=~Q(submission_token=""),
                name="proposal_unique_submission_token",
            ),
        ]

    def __str__(self):
        return f"{self.tracking_code} {self.title}"

    @property
    def summary(self):
        return in_language(self, "summary")

    @property
    def public_title(self):
        """The staff-written title in the interface language, else in the first language that has one."""
        return in_language(self, "title")

    @property
    def public_title_language(self):
        """The language public_title is written in (the interface language's code if there is none at all)."""
        return language_of(self, "title")

    @property
    def response(self):
        return in_language(self, "response")

    @property
    def message_language(self):
        """The language of messages to the submitter: the site's language they used, else their text's."""
        return self.interface_language or self.language

    @property
    def is_public(self):
        return self.published_at is not None and self.state in PUBLISHABLE_STATES

    # What the proposal would do to the article a list is about: articles.citing() annotates the rows it reads with
    # it, which shadows this "" on them. A default every row has, because a missing attribute makes Django's template
    # engine list every attribute of the instance (dir()) before giving up, once for each row that asks.
    article_change = ""

    @property
    def article_change_label(self):
        """The label of article_change in the active language, or ""."""
        from proposals.core.models.constitution import ArticleChange

        return ArticleChange(self.article_change).label if self.article_change else ""

    @property
    def public_state(self):
        """The state the public sees: a recorded decision stays "with the Working Group" until released."""
        return public_state(self.state, released=self.decision_released_at is not None)

    @property
    def due_date(self):
        """The deadline that applies now (the staff's view): acknowledgement while received, decision while open."""
        return self._due_in(self.state)

    @property
    def public_due_date(self):
        """The deadline the submitter sees: it stands until a recorded decision is released."""
        return self._due_in(self.public_state)

    def _due_in(self, state):
        if state == State.RECEIVED:
            return self.acknowledge_due
        if state in OPEN_STATES:
            return self.decision_due
        return None

    @property
    def public_submitter(self):
        """Who proposed it, as the public may read it: organisations by name, citizens by region unless they consent."""
        if self.submitter_kind == SubmitterKind.PARTY and self.party_id:
            return self.party.name
        if self.submitter_kind in (SubmitterKind.NGO, SubmitterKind.BUSINESS) and self.organisation:
            return self.organisation
        if self.publish_name and self.submitter_name:
            return self.submitter_name
        kind = SubmitterKind(self.submitter_kind).label
        if not self.region_id:
            return str(kind)
        # Translators: who proposed it, as the public reads it, e.g. "Citizen, Astana".
        return _("%(kind)s, %(region)s") % {"kind": kind, "region": self.region.name}


def attachment_path(instance, filename):
    # The stored name is generated; the submitter's file name is kept only in original_name.
    return f"attachments/{timezone.now():%Y/%m}/{instance.stored_name}"


class Attachment(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=255)
    stored_name = models.CharField(max_length=64, editable=False)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField("SHA-256", max_length=64)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["id"]

    def __str__(self):
        return self.original_name
