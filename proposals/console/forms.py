"""Forms of the triage console: a transition's note, reason or original; assignment; intake; CSV import."""
from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from proposals.console import duplicates
from proposals.core.models import Channel, Proposal
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


class ActionForm(forms.Form):
    """What one action needs besides the click: built from the transition table's flags."""

    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def __init__(self, *args, transition=None, action=None, admin_site=None, proposal=None, query="", **kwargs):
        super().__init__(*args, **kwargs)
        # How many proposals the duplicate picker's search found (None: nothing was searched).
        self.duplicate_matches = None
        if transition is not None and transition.needs_note:
            self.fields["note"].required = True
        if transition is not None and transition.needs_reason:
            self.fields["reason"] = forms.ChoiceField(label=_("Reason"), choices=NotAcceptedReason.choices)
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
