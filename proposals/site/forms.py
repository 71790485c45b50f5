"""Public forms: submitting a proposal, looking up its status, confirming a withdrawal."""
import time
import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.formats import number_format
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from proposals.core import attachments, tracking
from proposals.core.articles import clean_numbers
from proposals.core.models import Category, Language, Party, Region, SubmitterKind
from proposals.core.validators import (
    RATIONALE_MAX,
    TEXT_MAX,
    TITLE_MAX,
    normalise_phone,
    strip_control_characters,
    validate_bin,
    validate_single_line,
)

STARTED_SALT = "parlreform.form-started"
TOKEN_SALT = "parlreform.submission-token"
# How long a shown form may stay open before it is sent; its start value stays claimed (single-use) as long.
START_MAX_AGE = 7 * 24 * 3600


def signed_start(seconds_ago=0):
    """The form's signed start: the time, ``seconds_ago`` before now, and a random nonce.

    The time is the check that a person, not a script, filled the form; the nonce lets one registered
    proposal claim the value (services.proposal_submit), so one start cannot serve many submissions.
    """
    return signing.dumps({"at": time.time() - seconds_ago, "nonce": uuid.uuid4().hex}, salt=STARTED_SALT)


def submission_token(browser):
    """A fresh one-time token for a shown form, tied to ``browser`` (a secret only that browser holds).

    32 random hex digits, then 32 of their keyed hash with the secret: the token finds its receipt again
    only for the browser it was shown to (token_shown_to), without storing anything for a form only looked at.
    """
    nonce = uuid.uuid4().hex
    return nonce + _token_mac(nonce, browser)


def token_shown_to(token, browser):
    """True if ``token`` was made by submission_token for ``browser``."""
    if not browser or not isinstance(token, str) or len(token) != 64:
        return False
    return constant_time_compare(token[32:], _token_mac(token[:32], browser))


def _token_mac(nonce, browser):
    return salted_hmac(TOKEN_SALT, f"{nonce}:{browser}", algorithm="sha256").hexdigest()[:32]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by attachments.check in the form's clean()."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class TrilingualChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


def line(label, **kwargs):
    return forms.CharField(label=label, max_length=kwargs.pop("max_length", 200), required=False,
                           validators=[validate_single_line], **kwargs)


# The person and organisation fields of each kind of submitter; the others are ignored for that kind.
FIELDS_BY_KIND = {
    SubmitterKind.CITIZEN: ["citizen_name", "citizen_phone", "publish_name"],
    SubmitterKind.PARTY: ["party", "party_contact", "party_position"],
    SubmitterKind.NGO: ["org_name", "org_contact", "org_position", "org_bin"],
    SubmitterKind.BUSINESS: ["org_name", "org_contact", "org_position", "org_bin"],
    SubmitterKind.EXPERT: ["expert_name", "expert_affiliation"],
}
# Which of them each kind must fill in.
REQUIRED_BY_KIND = {
    SubmitterKind.CITIZEN: ["citizen_name", "region"],
    SubmitterKind.PARTY: ["party", "party_contact", "party_position"],
    SubmitterKind.NGO: ["org_name", "org_contact", "org_position"],
    SubmitterKind.BUSINESS: ["org_name", "org_contact", "org_position"],
    SubmitterKind.EXPERT: ["expert_name", "expert_affiliation"],
}


class PublicForm(forms.Form):
    """Labels without Django's trailing colon (they read as questions and sentences)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class SubmissionForm(PublicForm):
    """The public proposal form. Decides nothing about state: it hands clean values to proposal_submit."""

    submitter_kind = forms.ChoiceField(
        label=_("I am submitting as"), choices=SubmitterKind.choices, widget=forms.RadioSelect,
        initial=SubmitterKind.CITIZEN,
    )
    # Citizen
    citizen_name = line(_("Full name"), widget=forms.TextInput(attrs={"autocomplete": "name"}))
    citizen_phone = forms.CharField(
        label=_("Phone (optional)"), max_length=32, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    publish_name = forms.BooleanField(
        label=_("Publish my name with the proposal"), required=False,
        help_text=_("If you leave this unticked, the public sees only “Citizen” and your region."),
    )
    # Political party
    party = TrilingualChoiceField(
        label=_("Political party"), queryset=Party.objects.all(), required=False, empty_label=_("Choose the party")
    )
    party_contact = line(_("Contact person"), widget=forms.TextInput(attrs={"autocomplete": "name"}))
    party_position = line(pgettext_lazy("job title", "Position"))
    # NGO or business association
    org_name = line(_("Name of the organisation"), max_length=300,
                    widget=forms.TextInput(attrs={"autocomplete": "organization"}))
    org_contact = line(_("Contact person"), widget=forms.TextInput(attrs={"autocomplete": "name"}))
    org_position = line(pgettext_lazy("job title", "Position"))
    org_bin = forms.CharField(
        label=_("BIN (optional)"), max_length=12, min_length=12, required=False, validators=[validate_bin],
        help_text=_("12 digits"), widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    # Expert or legal scholar
    expert_name = line(_("Full name"), widget=forms.TextInput(attrs={"autocomplete": "name"}))
    expert_affiliation = line(_("Affiliation"), max_length=300,
                              help_text=_("University, institute or “independent expert”"))
    # Everyone
    email = forms.EmailField(
        label=_("Email"), max_length=254,
        help_text=_("We send the tracking code here. It is never published."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    region = TrilingualChoiceField(
        label=_("Region"), queryset=Region.objects.all(), required=False, empty_label=_("Choose the region")
    )

    title = forms.CharField(label=_("Title of the proposal"), max_length=TITLE_MAX)
    text = forms.CharField(label=_("Your proposal"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 10}))
    rationale = forms.CharField(
        label=_("Rationale (optional)"), max_length=RATIONALE_MAX, required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    category = TrilingualChoiceField(
        label=_("Topic (optional)"), queryset=Category.objects.filter(is_active=True), required=False,
        empty_label=_("Not sure"),
    )
    articles = forms.CharField(
        label=_("Articles of the Constitution it concerns (optional)"), max_length=200, required=False,
        help_text=_("For example: 49, 50-1"),
    )
    language = forms.ChoiceField(label=_("Language of your text"), choices=Language.choices)
    attachments = MultipleFileField(label=_("Attachments (optional)"), required=False)
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data for the consideration of this proposal."),
        error_messages={"required": _("Your consent is needed to consider the proposal.")},
    )
    # Anti-abuse: a field people never see, the time the form was shown, and a one-time token.
    website = forms.CharField(label=_("Leave this field empty"), required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
    started = forms.CharField(widget=forms.HiddenInput, required=False)
    submission_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, browser=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "text", "rationale"):
            # Limits are shown before they are hit, in the interface language's number format.
            limit = number_format(self.fields[name].max_length, force_grouping=True)
            self.fields[name].help_text = _("Up to %(count)s characters") % {"count": limit}
        language = (get_language() or "kk")[:2]
        self.fields["language"].initial = language if language in Language.values else Language.KK
        self.fields["attachments"].help_text = _(
            "Up to %(count)d files: %(types)s; at most %(size)d MB each and %(total)d MB together."
        ) % {
            "count": settings.PARLREFORM_MAX_ATTACHMENTS,
            "types": attachments.ALLOWED_LABEL,
            "size": settings.PARLREFORM_MAX_ATTACHMENT_BYTES // (1024 * 1024),
            "total": settings.PARLREFORM_MAX_TOTAL_ATTACHMENT_BYTES // (1024 * 1024),
        }
        # The picker (static/js/articles.js) reads the articles with their sections in the interface language.
        self.fields["articles"].widget.attrs.update({
            "data-articles-url": f"{reverse('api_articles_json')}?lang={self.fields['language'].initial}",
            "data-picker-label": _("Articles of the Constitution"),
        })
        self.fields["attachments"].widget.attrs["accept"] = ".pdf,.docx,.odt,.txt,.png,.jpg,.jpeg"
        # A fresh form gets a fresh start value and one-time token (tied to ``browser``, the secret of the
        # browser shown it, if given); a re-rendered one keeps its own.
        if not self.is_bound:
            self.initial.setdefault("started", signed_start())
            self.initial.setdefault("submission_token", submission_token(browser) if browser else uuid.uuid4().hex)

    def clean_citizen_phone(self):
        value = self.cleaned_data["citizen_phone"].strip()
        return normalise_phone(value) if value else ""

    def clean_articles(self):
        # Every number must name an article of the Constitution; the service links them ("concerns").
        value = self.cleaned_data["articles"]
        return ", ".join(article.number for article in clean_numbers(value)) if value.strip() else ""

    def clean_text(self):
        return strip_control_characters(self.cleaned_data["text"])

    def clean_rationale(self):
        return strip_control_characters(self.cleaned_data["rationale"])

    def clean_submission_token(self):
        token = self.cleaned_data["submission_token"]
        return token if token.isascii() and token.isalnum() else ""

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("submitter_kind")
        if kind in FIELDS_BY_KIND:
            # Leftovers in another kind's (hidden) fields must not block the form.
            others = {name for fields in FIELDS_BY_KIND.values() for name in fields} - set(FIELDS_BY_KIND[kind])
            for name in others:
                self._errors.pop(name, None)
        for name in REQUIRED_BY_KIND.get(kind, []):
            value = cleaned.get(name)
            if name not in self.errors and (value is None or (isinstance(value, str) and not value.strip())):
                self.add_error(name, forms.ValidationError(_("This field is required."), code="required"))
        if "attachments" not in self.errors:
            try:
                cleaned["checked_attachments"] = attachments.check(cleaned.get("attachments") or [])
            except attachments.AttachmentError as error:
                self.add_error("attachments", forms.ValidationError(str(error), code="invalid_attachment"))
        return cleaned

    @property
    def is_bot(self):
        """The hidden field was filled in: a script, not a person."""
        return bool(self.data.get("website", "").strip())

    def sent_too_fast(self):
        """True if the form came back sooner than a person can fill it in, or its start value was tampered with."""
        start = self._start()
        return start is None or time.time() - start[0] < settings.PARLREFORM_MIN_FILL_SECONDS

    @property
    def start_nonce(self):
        """The random part of a valid start value ("" if it is not valid): what a registered proposal claims."""
        start = self._start()
        return start[1] if start else ""

    def _start(self):
        try:
            start = signing.loads(self.data.get("started", ""), salt=STARTED_SALT, max_age=START_MAX_AGE)
            at, nonce = float(start["at"]), start["nonce"]
        except (signing.BadSignature, TypeError, ValueError, KeyError):
            return None
        return (at, nonce) if isinstance(nonce, str) and nonce else None

    def renew(self, browser=None):
        """Give the re-rendered form a fresh start value, and a fresh token for ``browser`` if given."""
        self.data = self.data.copy()
        self.data["started"] = signed_start()
        if browser is not None:
            self.data["submission_token"] = submission_token(browser)

    def submit_kwargs(self):
        """What proposal_submit needs, taken from the fields of the chosen kind only."""
        data = self.cleaned_data
        kind = data["submitter_kind"]
        kwargs = {
            "submitter_kind": kind,
            "email": data["email"],
            "region": data.get("region"),
            "title": data["title"].strip(),
            "text": data["text"].strip(),
            "rationale": data["rationale"].strip(),
            "category": data.get("category"),
            "articles": data["articles"],
            "language": data["language"],
            # The submitter's messages are written in the language they use the site in.
            "interface_language": (get_language() or "")[:2],
            "attachments": data.get("checked_attachments", []),
            "submission_token": data.get("submission_token", ""),
        }
        if kind == SubmitterKind.CITIZEN:
            kwargs.update(submitter_name=data["citizen_name"], phone=data["citizen_phone"],
                          publish_name=data["publish_name"])
        elif kind == SubmitterKind.PARTY:
            kwargs.update(party=data["party"], submitter_name=data["party_contact"], position=data["party_position"])
        elif kind in (SubmitterKind.NGO, SubmitterKind.BUSINESS):
            kwargs.update(organisation=data["org_name"], submitter_name=data["org_contact"],
                          position=data["org_position"], bin=data["org_bin"])
        else:
            kwargs.update(submitter_name=data["expert_name"], organisation=data["expert_affiliation"])
        return kwargs


class TrackForm(PublicForm):
    tracking_code = forms.CharField(
        label=_("Tracking code"), max_length=40, help_text=_("For example: 7K3-M9X-Q2H"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    email = forms.EmailField(label=_("Email you used"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    def clean_tracking_code(self):
        # A malformed code is reported like a wrong pair (see the view), so nothing is learnt from the difference.
        return tracking.normalise(self.cleaned_data["tracking_code"]) or ""
