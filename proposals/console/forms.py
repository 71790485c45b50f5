"""Forms of the triage console: a transition's note, reason or original; assignment; intake; CSV import."""
from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from proposals.console import duplicates
from proposals.core.models import AnswerTemplate, Channel, Consistency, ExpertOpinion, Proposal, Recommendation
from proposals.core.services import MAX_EXTENSION_WORKING_DAYS
from proposals.core.validators import (
    RATIONALE_MAX,
    TEXT_MAX,
    TITLE_MAX,
    normalise_articles,
    normalise_phone,
    validate_single_line,
)
from proposals.core.workflow import TRIAGE, Action, NotAcceptedReason


def assignable_staff():
    """Active staff who may triage: analysts, leads and superusers."""
    codename = TRIAGE.split(".")[1]
    return (
        get_user_model()
        .objects.filter(Q(groups__permissions__codename=codename) | Q(is_superuser=True), is_active=True)
        .distinct()
        .order_by("username")
    )


RESPONSE_LANGUAGES = ("kk", "ru", "en")
RESPONSE_LABELS = {
    "kk": _("Public response (Kazakh)"),
    "ru": _("Public response (Russian)"),
    "en": _("Public response (English, optional)"),
}


class ActionForm(forms.Form):
    """What one action needs besides the click: built from the transition table's flags.

    A decision also takes its public response (Kazakh and Russian required) and offers the answer templates of its
    outcome; the note is then the decision's internal note, labelled as such.
    """

    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def __init__(self, *args, transition=None, action=None, admin_site=None, proposal=None, query="", **kwargs):
        super().__init__(*args, **kwargs)
        self.decides = transition is not None and transition.decides
        # How many proposals the duplicate picker's search found (None: nothing was searched).
        self.duplicate_matches = None
        if transition is not None and transition.needs_note:
            self.fields["note"].required = True
        if transition is not None and transition.needs_reason:
            self.fields["reason"] = forms.ChoiceField(label=_("Reason"), choices=NotAcceptedReason.choices)
        if self.decides:
            self.templates = list(
                AnswerTemplate.objects.filter(outcome=transition.target, is_active=True).order_by(
                    "reason", "position", "id"
                )
            )
            self.fields["answer_template"] = forms.ModelChoiceField(
                label=_("Answer template"), required=False, empty_label=_("Choose a template…"),
                queryset=AnswerTemplate.objects.filter(outcome=transition.target, is_active=True),
            )
            for code in RESPONSE_LANGUAGES:
                self.fields[f"response_{code}"] = forms.CharField(
                    label=RESPONSE_LABELS[code], required=code != "en", widget=forms.Textarea(attrs={"rows": 5}),
                    help_text=_("Published with the decision when it is released."),
                )
            self.fields["note"].label = _("Internal note (not public)")
            self.fields["note"].help_text = _("For the staff and the audit log only; the submitter never sees it.")
            # The note after the response: the public answer is what the page is for.
            self.order_fields(["answer_template", "reason", *(f"response_{code}" for code in RESPONSE_LANGUAGES)])
        if transition is not None and transition.needs_duplicate and proposal is not None:
            # One proposal's page: its likely duplicates first, then what the search box found (never itself). The
            # choices are set, not iterated from the queryset, which only validates the choice.
            self.fields["duplicate_of"] = forms.ModelChoiceField(
                label=_("Duplicate of"), queryset=duplicates.originals(proposal), widget=forms.RadioSelect,
                error_messages={"required": _("Choose the original: a likely duplicate, or search for it.")},
            )
            groups, found = duplicates.picker_choices(proposal, query)
            self.fields["duplicate_of"].widget.choices = groups
            self.duplicate_matches = found if query else None
        elif transition is not None and transition.needs_duplicate:
            self.fields["duplicate_of"] = forms.ModelChoiceField(
                label=_("Duplicate of"),
                queryset=Proposal.objects.all(),
                widget=AutocompleteSelect(Proposal._meta.get_field("duplicate_of"), admin_site or admin.site),
            )
        if action == Action.EXTEND_DEADLINE:
            self.fields["note"].required = True
            self.fields["working_days"] = forms.IntegerField(
                label=_("Extend by (working days)"), min_value=1, max_value=MAX_EXTENSION_WORKING_DAYS, initial=10
            )
        if action == Action.ASSIGN:
            self.fields["assignee"] = forms.ModelChoiceField(
                label=_("Assign to"), queryset=assignable_staff(), required=False, empty_label=_("Nobody")
            )

    def response_fields(self):
        return [self[f"response_{code}"] for code in RESPONSE_LANGUAGES] if self.decides else []

    def other_fields(self):
        """The fields a page lays out one under another (the template picker and the response have their place)."""
        placed = {"answer_template", *(f"response_{code}" for code in RESPONSE_LANGUAGES)}
        if self.decides:
            placed.add("reason")  # A decision's reason comes first: it chooses the answer.
        return [field for field in self if field.name not in placed]

    def service_arguments(self):
        """The cleaned data as services.proposal_act takes it."""
        data = dict(self.cleaned_data)
        data.pop("answer_template", None)
        if self.decides:
            data["response"] = {code: data.pop(f"response_{code}") for code in RESPONSE_LANGUAGES}
        return data

    @classmethod
    def with_template(cls, data, **kwargs):
        """An unbound form holding ``data`` (a POST) with the response taken from the chosen answer template.

        The "use template" button without JavaScript: nothing is checked yet, so nothing is shown as an error.
        """
        values = {name: data.get(name) for name in data if name != "csrfmiddlewaretoken"}
        form = cls(initial=values, **kwargs)
        chosen = str(values.get("answer_template") or "")
        template = AnswerTemplate.objects.filter(pk=chosen, is_active=True).first() if chosen.isdigit() else None
        if template is not None:
            for code, text in template.texts().items():
                form.initial[f"response_{code}"] = text
            if template.reason and "reason" in form.fields:
                form.initial["reason"] = template.reason
        return form


class OpinionForm(forms.Form):
    """A new version of the expert opinion (services.opinion_write checks it again)."""

    recommendation = forms.ChoiceField(label=_("Recommendation"), choices=Recommendation.choices,
                                       widget=forms.RadioSelect)
    reason = forms.ChoiceField(
        label=_("Reason not to accept"), required=False, choices=[("", "—"), *NotAcceptedReason.choices],
        help_text=_("Required with “Do not accept”."),
    )
    reasoning = forms.CharField(label=_("Legal reasoning"), widget=forms.Textarea(attrs={"rows": 10}))
    articles = forms.CharField(
        label=_("Articles concerned"), required=False,
        max_length=ExpertOpinion._meta.get_field("articles").max_length,
        help_text=_("Article numbers of the Constitution, for example: 49, 50-1."),
    )
    consistency = forms.ChoiceField(label=_("Consistency with the Constitution"), choices=Consistency.choices,
                                    widget=forms.RadioSelect)
    consistency_comment = forms.CharField(label=_("Comment on consistency"), required=False,
                                          widget=forms.Textarea(attrs={"rows": 4}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("recommendation") == Recommendation.DO_NOT_ACCEPT and not cleaned.get("reason"):
            self.add_error("reason", _("Choose the reason not to accept the proposal."))
        return cleaned


class IntakeForm(forms.ModelForm):
    """A proposal that arrived by e-Otinish, eGov, email, letter or a meeting, registered by staff."""

    class Meta:
        model = Proposal
        fields = [
            "channel", "external_ref", "received_at", "submitter_kind", "submitter_name", "organisation", "party",
            "position", "email", "phone", "region", "language", "title", "text", "rationale", "articles", "category",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = [(value, label) for value, label in Channel.choices if value != Channel.WEB]
        self.fields["external_ref"].required = True
        self.fields["title"].max_length = TITLE_MAX
        self.fields["text"].max_length = TEXT_MAX
        self.fields["rationale"].max_length = RATIONALE_MAX
        for name in ("submitter_name", "organisation", "position"):
            self.fields[name].validators.append(validate_single_line)

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        return normalise_phone(value) if value else ""

    def clean_articles(self):
        value = self.cleaned_data["articles"]
        return normalise_articles(value) if value.strip() else ""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("submitter_kind") == "party" and not cleaned.get("party"):
            self.add_error("party", _("Choose the party."))
        channel, ref = cleaned.get("channel"), cleaned.get("external_ref")
        if channel and ref and Proposal.objects.filter(channel=channel, external_ref=ref).exists():
            self.add_error(
                "external_ref", _("A proposal with this channel and external reference is already registered.")
            )
        return cleaned


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), help_text=_("UTF-8, with the header described below."))
