"""The proposal page as a reading desk: actions that save the typed edits first, a refused save that keeps them,
next and previous within the filtered list, "save and next", and explicit corrections of submitted data."""
from django.contrib import messages
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.views.main import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db.models import TextField
from django.forms import Textarea
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from proposals.console import locks, neighbours
from proposals.console.correction import PROPOSAL_FIELDS, CorrectionForm, field_label, submitter_fields
from proposals.console.points import desk_points, may_change_points
from proposals.core import services
from proposals.core.models import Proposal, ProposalEvent
from proposals.core.workflow import TRANSITIONS, Action

ACT = "_act"
SAVE_AND_NEXT = "_saveandnext"
DESK_RELATED = ("category", "region", "party", "assignee", "duplicate_of")
EVENT_COLUMNS = ("created_at", "action", "from_state", "to_state", "actor", "note", "reason", "is_public")


def needs_form(action):
    """Whether ``action`` opens its confirmation page (a note, a reason, the original, days, an assignee)."""
    transition = TRANSITIONS.get(action)
    if transition is not None:
        return (
            transition.needs_note or transition.needs_reason or transition.needs_duplicate or transition.decides
            or transition.irreversible
        )
    return action in (Action.EXTEND_DEADLINE, Action.ASSIGN, Action.UNPUBLISH)


class ReviewDesk:
    """ModelAdmin hooks of the proposal page (mixed into ProposalAdmin before admin.ModelAdmin)."""

    # The page

    def get_object(self, request, object_id, from_field=None):
        # What the desk shows of its relations comes with the row: one query, not one per relation. A GET reads the
        # row once for the desk's context and the admin's form; a POST reads it afresh each time (a refused save is
        # rolled back and shown again from the database).
        reading = request.method in ("GET", "HEAD")
        kept = getattr(request, "_desk_object", None)
        if reading and kept is not None and kept[0] == str(object_id):
            return kept[1]
        try:
            proposal = self.get_queryset(request).select_related(*DESK_RELATED).get(pk=int(object_id))
        except (Proposal.DoesNotExist, ValueError, TypeError):
            return None
        if reading:
            request._desk_object = (str(object_id), proposal)
        return proposal

    def change_view(self, request, object_id, form_url="", extra_context=None):
        proposal = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if proposal is not None:
            extra_context.update(self.desk_context(request, proposal))
        return super().change_view(request, object_id, form_url, extra_context)

    def desk_context(self, request, proposal):
        """What the desk template shows besides the form: the submitted data, files, actions and the list links."""
        correctable = set(services.correctable_fields(proposal, request.user))
        submitter = [
            {"name": name, "label": field_label(proposal, name), "value": _shown(proposal, name),
             "correctable": name in correctable}
            for name in submitter_fields(proposal)
        ]
        return {
            "workflow_actions": [
                {"action": action, "label": Action(action).label, "needs_form": needs_form(action)}
                for action in services.available_actions(proposal, request.user)
            ],
            "acts_through_form": self.has_change_permission(request, proposal),
            "expert_opinion": services.latest_opinion(proposal),
            "points": desk_points(request, proposal),
            "points_editable": may_change_points(proposal, request.user),
            # Loaded by the page after it renders (the slowest read of the page), or opened by a plain link.
            "likely_duplicates_url": reverse("admin:proposals_proposal_duplicates", args=[proposal.pk]),
            **locks.page_context(self, request, proposal),
            "submitter_rows": submitter,
            "correctable": {name: name in correctable for name in PROPOSAL_FIELDS},
            "may_correct": bool(correctable),
            "attachments": list(proposal.attachments.order_by("pk")),
            "history": list(proposal.events.select_related("actor").order_by("created_at", "id")),
            "event_opts": ProposalEvent._meta,
            "event_columns": EVENT_COLUMNS,
        }

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        refusal = getattr(request, "desk_refusal", None)
        if refusal is None:
            return form

        class Refused(form):
            """The bound form of a refused save: shown again with the typed text and the service's reason."""

            def clean(self):
                cleaned = super().clean()
                self.add_error(None, refusal)
                return cleaned

        return Refused

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, TextField) and db_field.name.startswith(("summary_", "response_")):
            kwargs["widget"] = Textarea(attrs={"rows": 4, "class": "vLargeTextField"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.WorkflowError as error:
            # A service refused the save or the action taken with it: the admin's transaction is rolled back (notes
            # and edits included: nothing is half-written). The same POST is shown again, its form refusing itself
            # with the reason, so the typed text stays in the fields.
            if request.method != "POST" or getattr(request, "desk_refusal", None) is not None:
                raise
            request.desk_refusal = error.message
            return super().changeform_view(request, object_id, form_url, extra_context)

    # After a save: the action it was taken with, or the next proposal

    def response_change(self, request, obj):
        action = request.POST.get(ACT)
        if action:
            return self._act_after_save(request, obj, action)
        if SAVE_AND_NEXT in request.POST:
            self.message_user(request, _("Saved: %(code)s.") % {"code": obj.tracking_code}, messages.SUCCESS)
            return self._step(request, obj.pk, neighbours.NEXT)
        return super().response_change(request, obj)

    def _act_after_save(self, request, proposal, action):
        """The action button pressed on the desk, after its edits were saved in the same transaction."""
        if action not in Action.values:
            raise services.WorkflowError(_("Unknown action."), "unknown_action")
        if needs_form(action):
            self.message_user(request, _("Your changes are saved."), messages.SUCCESS)
            url = reverse("admin:proposals_proposal_act", args=[proposal.pk, action])
            return HttpResponseRedirect(self._keep_filters(request, url))
        # A refusal propagates: changeform_view rolls back the edits too and shows the form again.
        services.proposal_act(proposal=proposal, action=action, actor=request.user)
        self.message_user(request, _("Done: %(action)s.") % {"action": Action(action).label}, messages.SUCCESS)
        url = reverse("admin:proposals_proposal_change", args=[proposal.pk])
        return HttpResponseRedirect(self._keep_filters(request, url))

    def _keep_filters(self, request, url):
        return add_preserved_filters({"preserved_filters": self.get_preserved_filters(request), "opts": self.opts}, url)

    # Next and previous within the list

    def step_view(self, request, object_id, direction):
        """Open the next or previous proposal of the list the page came from (its filters, search and ordering)."""
        if direction not in (neighbours.NEXT, neighbours.PREVIOUS) or not self.has_view_permission(request):
            raise Http404
        return self._step(request, int(object_id), direction)

    def _step(self, request, pk, direction):
        preserved = request.GET.get("_changelist_filters", "")
        try:
            found = neighbours.neighbour(self, request, pk, direction, preserved)
        except (IncorrectLookupParameters, neighbours.UnsupportedOrdering):
            found = None
        if found is None:
            message = _("That was the last proposal of the list.") if direction == neighbours.NEXT else _(
                "That was the first proposal of the list."
            )
            self.message_user(request, message, messages.INFO)
            url = reverse("admin:proposals_proposal_changelist")
            return HttpResponseRedirect(f"{url}?{preserved}" if preserved else url)
        url = reverse("admin:proposals_proposal_change", args=[found])
        return HttpResponseRedirect(self._keep_filters(request, url))

    def get_changelist(self, request, **kwargs):
        if getattr(request, "keyset_only", False):
            return neighbours.KeysetChangeList
        return super().get_changelist(request, **kwargs)

    # Corrections of what the submitter sent

    def correct_view(self, request, object_id, field=None):
        """Correct one submitted field: the new value and a required note, through proposal_correct."""
        proposal = get_object_or_404(Proposal.objects.select_related(*DESK_RELATED), pk=object_id)
        if not self.has_view_permission(request, proposal):
            raise Http404
        allowed = services.correctable_fields(proposal, request.user)
        change_url = self._keep_filters(request, reverse("admin:proposals_proposal_change", args=[proposal.pk]))
        shown = [*submitter_fields(proposal), *PROPOSAL_FIELDS]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "proposal": proposal,
            "change_url": change_url,
            "preserved_filters": self.get_preserved_filters(request),
        }
        if field is None:
            context["title"] = _("Correct submitted data")
            context["choices"] = [
                {"name": name, "label": field_label(proposal, name), "value": _shown(proposal, name)}
                for name in shown if name in allowed
            ]
            return TemplateResponse(request, "console/correct.html", context)
        if field not in shown:
            raise Http404
        if field not in allowed:
            raise PermissionDenied
        form = CorrectionForm(request.POST or None, proposal=proposal, field=field)
        if request.method == "POST" and form.is_valid():
            try:
                services.proposal_correct(proposal=proposal, actor=request.user, field=field,
                                          value=form.cleaned_data["value"], note=form.cleaned_data["note"])
            except services.WorkflowError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(request, _("Corrected: %(field)s.") % {"field": field_label(proposal, field)})
                return HttpResponseRedirect(change_url)
        context.update({
            "title": _("Correct submitted data: %(field)s") % {"field": field_label(proposal, field)},
            "form": form,
            "field_label": field_label(proposal, field),
            "current": _shown(proposal, field),
            "long": field in ("text", "rationale"),
            "media": self.media + form.media,
        })
        return TemplateResponse(request, "console/correct.html", context)

    def desk_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:object_id>/step/<str:direction>/", wrap(self.step_view), name="proposals_proposal_step"),
            path("<int:object_id>/correct/", wrap(self.correct_view), name="proposals_proposal_correct"),
            path("<int:object_id>/correct/<str:field>/", wrap(self.correct_view),
                 name="proposals_proposal_correct_field"),
        ]


def _shown(proposal, name):
    """A submitted value as the desk shows it (a related row by its name)."""
    if name in ("party", "region", "category"):
        return getattr(proposal, name) or ""
    if name == "language":
        return proposal.get_language_display()
    return getattr(proposal, name)
