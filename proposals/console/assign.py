"""Assignment in one click: the queue's assignee column with its "Assign to me" button, and the view it posts to."""
from django.contrib import admin, messages
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from proposals.core import services, workflow
from proposals.core.models import Proposal

# The id of the one form every row's button belongs to (a form cannot sit inside the list's own form).
FORM_ID = "assign-me"


def assignee_column(request):
    """The list's assignee column for this request: who has it, and a button for open rows not yet theirs."""
    user = request.user
    may_assign = user.has_perm(workflow.TRIAGE)
    label = _("Assign to me")

    @admin.display(description=gettext_lazy("assignee"), ordering="assignee")
    def assignee(proposal):
        who = (proposal.assignee.get_full_name() or proposal.assignee.get_username()) if proposal.assignee else ""
        if not may_assign or proposal.assignee_id == user.pk or proposal.state not in workflow.OPEN_STATES:
            return who
        button = format_html(
            '<button type="submit" form="{}" name="proposal" value="{}" class="assign-me">{}</button>',
            FORM_ID, proposal.pk, label,
        )
        return format_html('<span class="assignee-name">{}</span> {}', who, button) if who else button

    return assignee


def assign_me_view(model_admin, request):
    """POST only: assign the posted proposal to the user (through the service), then back to the list or the page.

    ``next=page`` returns to the proposal's page, anything else to the list; both keep the list's filters.
    """
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    pk = request.POST.get("proposal", "")
    proposal = get_object_or_404(Proposal, pk=int(pk)) if pk.isdigit() else None
    if proposal is None or not model_admin.has_view_permission(request, proposal):
        raise Http404
    try:
        services.proposal_assign(proposal=proposal, assignee=request.user, actor=request.user)
    except services.WorkflowError as error:
        model_admin.message_user(request, error.message, messages.ERROR)
    else:
        model_admin.message_user(request, _("%(code)s is assigned to you.") % {"code": proposal.tracking_code})
    opts = model_admin.opts
    if request.POST.get("next") == "page":
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[proposal.pk])
    else:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    preserved = model_admin.get_preserved_filters(request)
    return HttpResponseRedirect(add_preserved_filters({"preserved_filters": preserved, "opts": opts}, url))
