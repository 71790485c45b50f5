"""What the desk shows of each kind of submitter, and the form that corrects one submitted field with a note."""
from django import forms
from django.utils.translation import gettext_lazy as _

from proposals.core.models import Proposal, SubmitterKind
from proposals.core.validators import (
    RATIONALE_MAX,
    TEXT_MAX,
    TITLE_MAX,
    normalise_phone,
    validate_bin,
    validate_single_line,
)

_CONTACT = ["region", "email", "phone"]
# The person and organisation fields each kind of submitter fills in on the public form (site/forms.py), in the
# order the desk lists them; a field of another kind appears only if it holds something (intake may set any).
KIND_FIELDS = {
    SubmitterKind.CITIZEN: ["submitter_name", *_CONTACT],
    SubmitterKind.PARTY: ["party", "submitter_name", "position", *_CONTACT],
    SubmitterKind.NGO: ["organisation", "bin", "submitter_name", "position", *_CONTACT],
    SubmitterKind.BUSINESS: ["organisation", "bin", "submitter_name", "position", *_CONTACT],
    SubmitterKind.EXPERT: ["submitter_name", "organisation", "position", *_CONTACT],
}
PERSON_FIELDS = ["party", "organisation", "bin", "submitter_name", "position", *_CONTACT]
# What every kind sends about the proposal itself.
PROPOSAL_FIELDS = ["language", "title", "text", "rationale"]


def submitter_fields(proposal):
    """The person and organisation fields of ``proposal``'s kind, and any other that holds a value, in desk order."""
    own = KIND_FIELDS.get(proposal.submitter_kind, PERSON_FIELDS)
    return [name for name in PERSON_FIELDS if name in own or _filled(proposal, name)]


def field_label(proposal, name):
    """The label of a submitted field on this proposal's desk (an expert's organisation is their affiliation)."""
    if name == "organisation" and proposal.submitter_kind == SubmitterKind.EXPERT:
        return _("affiliation")
    if name == "submitter_name" and proposal.submitter_kind != SubmitterKind.CITIZEN:
        return _("contact person")
    return Proposal._meta.get_field(name).verbose_name


def _filled(proposal, name):
    field = Proposal._meta.get_field(name)
    return getattr(proposal, field.attname) not in (None, "")


class CorrectionForm(forms.Form):
    """One submitted field's new value and the reason; proposal_correct checks and logs it."""

    note = forms.CharField(
        label=_("Why is it corrected?"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required. Kept in the proposal's event log with the change."),
    )

    def __init__(self, *args, proposal, field, **kwargs):
        super().__init__(*args, **kwargs)
        model_field = Proposal._meta.get_field(field)
        value = model_field.formfield()
        value.label = _("New value")
        value.initial = getattr(proposal, model_field.attname)
        limits = {"title": TITLE_MAX, "text": TEXT_MAX, "rationale": RATIONALE_MAX}
        if field in limits:
            value.max_length = limits[field]
            value.validators.append(forms.CharField(max_length=limits[field]).validators[-1])
        if field in ("text", "rationale"):
            value.widget = forms.Textarea(attrs={"rows": 14 if field == "text" else 6, "maxlength": limits[field]})
        if field in ("submitter_name", "organisation", "position", "title"):
            value.validators.append(validate_single_line)
        if field == "bin":
            value.validators.append(validate_bin)
        if field == "party" and proposal.submitter_kind == SubmitterKind.PARTY:
            value.required = True
        self.fields = {"value": value, "note": self.fields["note"]}
        self.field_name = field

    def clean_value(self):
        value = self.cleaned_data["value"]
        if self.field_name == "phone" and value:
            return normalise_phone(value.strip())
        return value.strip() if isinstance(value, str) else value
