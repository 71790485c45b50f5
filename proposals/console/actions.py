"""Bulk actions on the proposal list: a confirmation page, then the service per proposal, then one summary."""
from collections import Counter

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from proposals.console import export
from proposals.console.forms import ActionForm
from proposals.core import services
from proposals.core.workflow import TRANSITIONS, Action

MAX_BULK = 1000
# Releasing decisions is one bulk write whatever the number (services.proposals_release_decisions), so a whole
# evening's answers go out in one action.
MAX_BULK_RELEASE = 5000


def run_bulk(modeladmin, request, queryset, action):
    """Confirm, then apply ``action`` to every selected proposal; report moved and refused, with reasons."""
    arguments = {"transition": TRANSITIONS.get(action), "action": action, "admin_site": modeladmin.admin_site}
    if "use_template" in request.POST:
        form = ActionForm.with_template(request.POST, **arguments)
    else:
        form = ActionForm(request.POST if "confirm" in request.POST else None, **arguments)
    if "confirm" in request.POST and form.is_valid():
        moved, refused = 0, Counter()
        if action == Action.RELEASE_DECISION:
            # Answers go out together: one bulk write, the messages queued for the worker.
            try:
                moved, refused = services.proposals_release_decisions(
                    proposals=queryset.values_list("pk", flat=True), actor=request.user
                )
            except services.WorkflowError as error:
                refused[str(error.message)] += queryset.count()
            queryset = queryset.none()
        for proposal in queryset.order_by("pk"):
            try:
                services.proposal_act(proposal=proposal, action=action, actor=request.user, **form.service_arguments())
                moved += 1
            except services.WorkflowError as error:
                refused[str(error.message)] += 1
        summary = _("%(moved)d done, %(refused)d refused") % {"moved": moved, "refused": sum(refused.values())}
        if refused:
            reasons = "; ".join(f"{reason} ({count})" for reason, count in refused.most_common())
            summary = f"{summary}: {reasons}"
        modeladmin.message_user(request, summary, messages.WARNING if refused else messages.SUCCESS)
        return None
    # The confirmation names the proposals it will touch, so "select all" cannot grow before the click.
    limit = MAX_BULK_RELEASE if action == Action.RELEASE_DECISION else MAX_BULK
    selected = [str(pk) for pk in queryset.order_by("pk").values_list("pk", flat=True)[: limit + 1]]
    if len(selected) > limit:
        modeladmin.message_user(
            request, _("Select at most %(count)d proposals for one action.") % {"count": limit}, messages.ERROR
        )
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Confirm: %(action)s") % {"action": Action(action).label},
        "opts": modeladmin.opts,
        "queryset": queryset.select_related("category")[:200],
        "count": len(selected),
        "form": form,
        "media": modeladmin.media + form.media,
        "action_name": request.POST.get("action"),
        "selected": selected,
        "select_across": "0",
        "decides": form.decides,
        "irreversible": arguments["transition"] is not None and arguments["transition"].irreversible,
    }
    return TemplateResponse(request, "console/bulk_action.html", context)


def _bulk(action, permission):
    def run(modeladmin, request, queryset):
        return run_bulk(modeladmin, request, queryset, action)

    run.__name__ = f"bulk_{action}"
    return admin.action(description=Action(action).label, permissions=[permission])(run)


def has_triage_permission(self, request):
    return request.user.has_perm("proposals.triage_proposal")


def has_decide_permission(self, request):
    return request.user.has_perm("proposals.decide_proposal")


def has_publish_permission(self, request):
    return request.user.has_perm("proposals.publish_proposal")


@admin.action(description=gettext_lazy("Export the selected proposals (CSV)"), permissions=["view"])
def export_selected(modeladmin, request, queryset):
    return export.csv_response(queryset)


ACTIONS = [
    _bulk(Action.START_SCREENING, "triage"),
    _bulk(Action.ACCEPT_FOR_REVIEW, "triage"),
    _bulk(Action.ASSIGN, "triage"),
    _bulk(Action.MARK_SPAM, "triage"),
    _bulk(Action.FORWARD, "decide"),
    # Decisions that share one answer (a campaign's copies): the same response, recorded for each.
    _bulk(Action.ACCEPT, "decide"),
    _bulk(Action.ACCEPT_PARTIALLY, "decide"),
    _bulk(Action.REJECT, "decide"),
    _bulk(Action.RELEASE_DECISION, "publish"),
    _bulk(Action.PUBLISH, "publish"),
    _bulk(Action.UNPUBLISH, "publish"),
    export_selected,
]
