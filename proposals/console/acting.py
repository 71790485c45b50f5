"""The proposal's action pages: one action (with its question, note or decision and response) and the expert opinion."""
from django.contrib import messages
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from proposals.console.forms import ActionForm, OpinionForm
from proposals.core import services, workflow
from proposals.core.models import ExpertOpinion, Proposal
from proposals.core.workflow import TRANSITIONS, Action

# Refusals the person can put right on the action page itself: it is shown again with what they typed.
CORRECTABLE = frozenset({
    "note_required", "reason_required", "response_required", "duplicate_required", "duplicate_invalid",
    "bad_extension", "bad_assignee", "points_undecided", "not_the_points_decision",
})


def keep_filters(modeladmin, request, url):
    """``url`` with the list's filters the request carries (``_changelist_filters``), as the admin's own links do."""
    return add_preserved_filters({"preserved_filters": modeladmin.get_preserved_filters(request),
                                  "opts": modeladmin.opts}, url)


def act_view(modeladmin, request, object_id, action):
    """One action on one proposal: a page when it needs a question, a note or a decision's response; then the service.

    Keeps the list's filters from the page it came from and returns there with them.
    """
    proposal = get_object_or_404(Proposal, pk=object_id)
    if action not in Action.values or not modeladmin.has_view_permission(request, proposal):
        raise Http404
    transition = TRANSITIONS.get(action)
    change_url = keep_filters(modeladmin, request, reverse("admin:proposals_proposal_change", args=[proposal.pk]))
    query = request.GET.get("q", "").strip()[:100]
    arguments = {"transition": transition, "action": action, "admin_site": modeladmin.admin_site,
                 "proposal": proposal, "query": query}
    if request.method == "POST" and "use_template" in request.POST:
        form = ActionForm.with_template(request.POST, **arguments)
    else:
        form = ActionForm(request.POST if request.method == "POST" else None, **arguments)
        if request.method == "POST" and form.is_valid():
            try:
                services.proposal_act(proposal=proposal, action=action, actor=request.user, **form.service_arguments())
            except services.WorkflowError as error:
                if error.code not in CORRECTABLE:
                    # Nothing on this page can change it (permission, state): say why on the proposal's page.
                    modeladmin.message_user(request, error.message, messages.ERROR)
                    return HttpResponseRedirect(change_url)
                # The typed response and note stay on the page with the refusal, never lost.
                form.add_error(None, error.message)
            else:
                modeladmin.message_user(request, _("Done: %(action)s.") % {"action": Action(action).label})
                return HttpResponseRedirect(change_url)
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": Action(action).label,
        "opts": modeladmin.opts,
        "proposal": proposal,
        "form": form,
        "media": modeladmin.media + form.media,
        "change_url": change_url,
        "changelist_url": keep_filters(modeladmin, request, reverse("admin:proposals_proposal_changelist")),
        "irreversible": transition is not None and transition.irreversible,
        "decides": form.decides,
        "expert_opinion": services.latest_opinion(proposal) if form.decides else None,
        # A split proposal's decision follows from its points: the page lists their outcomes beside the response.
        "points": _split_points(proposal) if form.decides else [],
        "duplicate_search": {"query": query} if "duplicate_of" in form.fields else None,
    }
    return TemplateResponse(request, "console/act.html", context)


def _split_points(proposal):
    points = list(proposal.points.order_by("number"))
    return points if len(points) > 1 else []


def opinion_view(modeladmin, request, object_id):
    """The expert opinion: its versions (anyone who may see the proposal) and a form for a new one (analysts, leads)."""
    proposal = get_object_or_404(Proposal, pk=object_id)
    if not modeladmin.has_view_permission(request, proposal):
        raise Http404
    may_write = request.user.has_perm(workflow.TRIAGE)
    if request.method == "POST" and not may_write:
        raise PermissionDenied
    versions = list(ExpertOpinion.objects.filter(proposal=proposal).select_related("author").order_by("-version"))
    change_url = keep_filters(modeladmin, request, reverse("admin:proposals_proposal_change", args=[proposal.pk]))
    latest = versions[0] if versions else None
    initial = {name: getattr(latest, name) for name in services.opinions.OPINION_FIELDS} if latest else {}
    form = OpinionForm(request.POST if request.method == "POST" else None, initial=initial) if may_write else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            opinion = services.opinion_write(proposal=proposal, author=request.user, **form.cleaned_data)
        except services.WorkflowError as error:
            form.add_error(None, error.message)
        else:
            modeladmin.message_user(
                request, _("The expert opinion is saved as version %(version)d.") % {"version": opinion.version}
            )
            return HttpResponseRedirect(change_url)
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Expert opinion"),
        "opts": modeladmin.opts,
        "proposal": proposal,
        "form": form,
        "versions": versions,
        "change_url": change_url,
        "changelist_url": keep_filters(modeladmin, request, reverse("admin:proposals_proposal_changelist")),
    }
    return TemplateResponse(request, "console/opinion.html", context)
