"""Forms of the idea desk: the idea's texts, the picker of another idea, and a decision with its answer templates."""
from django import forms
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from proposals.console.forms import RESPONSE_LABELS, RESPONSE_LANGUAGES
from proposals.core.models import AnswerTemplate, Category, Idea, PointOutcome
from proposals.core.workflow import NotAcceptedReason

TEXT_FIELDS = ("text", "title_kk", "title_ru", "title_en", "summary_kk", "summary_ru", "summary_en", "category")
# How many ideas the picker names when words find several.
PICKER_NAMED = 5


class IdeaTextsForm(forms.ModelForm):
    """What staff write of an idea: its reference text, public title and summary (kk, ru, en) and its topic."""

    class Meta:
        model = Idea
        fields = list(TEXT_FIELDS)
        widgets = {
            "text": forms.Textarea(attrs={"rows": 6}),
            **{f"summary_{code}": forms.Textarea(attrs={"rows": 3}) for code in RESPONSE_LANGUAGES},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(is_active=True).order_by("position")

    def changes(self):
        """The changed fields as services.idea_edit takes them."""
        return {name: self.cleaned_data[name] for name in self.changed_data}


def find_idea(query, exclude):
    """The idea another action targets, from what staff typed: its number, or words of its title or text.

    Returns (Idea or None, message): the message says why none was chosen (not found, several found: named).
    """
    query = (query or "").strip()[:200]
    current = Idea.objects.current().exclude(pk=exclude.pk)
    if not query:
        return None, _("Name the other idea: its number, or words of its title.")
    number = query.lstrip("№#").strip()
    if number.isdigit():
        found = current.filter(pk=int(number)).first() if len(number) < 10 else None
        if found is None:
            return None, _("There is no current idea number %(number)s.") % {"number": number}
        return found, ""
    condition = Q()
    for word in query.split()[:8]:
        condition &= (Q(title_kk__icontains=word) | Q(title_ru__icontains=word) | Q(title_en__icontains=word)
                      | Q(text__icontains=word))
    found = list(current.filter(condition).order_by("-pk").only("pk", "title_kk", "title_ru", "title_en", "text")[
        :PICKER_NAMED + 1])
    if not found:
        return None, _("No current idea matches “%(query)s”.") % {"query": query}
    if len(found) > 1:
        named = "; ".join(f"{idea.pk}: {label(idea)}" for idea in found[:PICKER_NAMED])
        return None, _("Several ideas match “%(query)s”: type the number of one (%(ideas)s).") % {
            "query": query, "ideas": named}
    return found[0], ""


def label(idea, length=80):
    """An idea's title in the page's language, or the start of its text."""
    title = idea.title or idea.text
    title = " ".join(title.split())
    return title if len(title) <= length else title[: length - 1] + "…"


class DecisionForm(forms.Form):
    """The Working Group's decision on an idea or on one member apart (the services check it again)."""

    outcome = forms.ChoiceField(label=gettext_lazy("Outcome"), choices=[("", "—"), *PointOutcome.choices])
    reason = forms.ChoiceField(
        label=gettext_lazy("Reason not accepted"), required=False, choices=[("", "—"), *NotAcceptedReason.choices],
        help_text=gettext_lazy("Only for the outcome “Not accepted”."),
    )
    answer_template = forms.ModelChoiceField(
        label=gettext_lazy("Answer template"), required=False, queryset=AnswerTemplate.objects.filter(is_active=True),
    )
    note = forms.CharField(label=gettext_lazy("Internal note (not public)"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=gettext_lazy("For the staff and the idea's history only."))

    def __init__(self, *args, note_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        for code in RESPONSE_LANGUAGES:
            self.fields[f"response_{code}"] = forms.CharField(
                label=RESPONSE_LABELS[code], required=code != "en", widget=forms.Textarea(attrs={"rows": 4}),
                help_text=_("Published with the decision when it is released."),
            )
        if note_required:
            self.fields["note"].required = True
            self.fields["note"].label = _("Why is this member decided differently?")
        self.order_fields(["outcome", "reason", "answer_template", *(f"response_{code}" for code in
                                                                      RESPONSE_LANGUAGES), "note"])
        self.templates = list(AnswerTemplate.objects.filter(is_active=True).order_by("outcome", "reason",
                                                                                    "position", "id"))

    def response_fields(self):
        return [self[f"response_{code}"] for code in RESPONSE_LANGUAGES]

    def service_arguments(self):
        data = self.cleaned_data
        return {"outcome": data["outcome"], "reason": data["reason"], "note": data["note"],
                "response": {code: data[f"response_{code}"] for code in RESPONSE_LANGUAGES}}

    @classmethod
    def with_template(cls, data, **kwargs):
        """An unbound form holding ``data`` with the chosen template's outcome, reason and responses filled in (the
        "use the template" button without JavaScript): nothing is checked yet, so nothing is shown as an error."""
        values = {name: data.get(name) for name in data if name != "csrfmiddlewaretoken"}
        form = cls(initial=values, **kwargs)
        chosen = str(values.get("answer_template") or "")
        template = AnswerTemplate.objects.filter(pk=chosen, is_active=True).first() if chosen.isdigit() else None
        if template is not None:
            for code, text in template.texts().items():
                form.initial[f"response_{code}"] = text
            form.initial["outcome"] = template.outcome
            form.initial["reason"] = template.reason
        return form
