"""The idea's decision pages (leads): decide the idea, decide one member apart, publish, unpublish, release."""
from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from proposals.console.ideas import reads
from proposals.console.ideas.forms import DecisionForm
from proposals.core import workflow
from proposals.core.models import IdeaMembership, Point
from proposals.core.services import WorkflowError
from proposals.core.services.idea_decisions import idea_decide, idea_member_decide_apart, idea_release
from proposals.core.services.ideas import idea_publish, idea_unpublish

# Refusals the lead can put right on the decision page: it is shown again with what they typed.
CORRECTABLE = frozenset({"invalid", "reason_required", "response_required", "note_required"})


def decided_message(answered, skipped, total, apart):
    """The result of a decision: how many members were answered, which were left and why."""
    parts = [ngettext("Decided: %(answered)d of %(total)d member answered.",
                      "Decided: %(answered)d of %(total)d members answered.", total) % {
        "answered": answered, "total": total}]
    if apart:
        parts.append(ngettext("%(count)d member decided apart keeps its own answer.",
                              "%(count)d members decided apart keep their own answers.", apart) % {"count": apart})
    for why, count in skipped.most_common():
        parts.append(ngettext("%(count)d left: %(why)s.", "%(count)d left: %(why)s.", count) % {
            "count": count, "why": why})
    return " ".join(parts)


class Decisions:
    """ModelAdmin views of an idea's decision (mixed into IdeaAdmin)."""

    def decision_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:object_id>/decide/", wrap(self.decide_view), name="proposals_idea_decide"),
            path("<int:object_id>/apart/<int:point_id>/", wrap(self.apart_view), name="proposals_idea_apart"),
            path("<int:object_id>/publish/", wrap(self.publish_view), name="proposals_idea_publish"),
            path("<int:object_id>/release/", wrap(self.release_view), name="proposals_idea_release"),
        ]

    def _decision_page(self, request, idea, form, title, point=None):
        return TemplateResponse(request, "console/idea_decide.html", {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "idea": idea,
            "point": point,
            "form": form,
            "desk_url": self.desk_url(idea),
            "changelist_url": reverse("admin:proposals_idea_changelist"),
        })

    def _form(self, request, initial, **kwargs):
        if request.method == "POST" and "use_template" in request.POST:
            return DecisionForm.with_template(request.POST, **kwargs)
        return DecisionForm(request.POST if request.method == "POST" else None, initial=initial, **kwargs)

    def decide_view(self, request, object_id):
        """The Working Group's decision on the idea: outcome, reason, response (templates offered), note."""
        idea = self.idea_or_404(request, object_id)
        if not request.user.has_perm(workflow.DECIDE):
            raise Http404
        initial = {"outcome": idea.outcome, "reason": idea.outcome_reason,
                   **{f"response_{code}": getattr(idea, f"response_{code}") for code in ("kk", "ru", "en")}}
        form = self._form(request, initial)
        if request.method == "POST" and "use_template" not in request.POST and form.is_valid():
            try:
                answered, skipped = idea_decide(idea=idea, actor=request.user, **form.service_arguments())
            except WorkflowError as error:
                if error.code not in CORRECTABLE:
                    self.message_user(request, error.message, messages.ERROR)
                    return HttpResponseRedirect(self.desk_url(idea))
                form.add_error(None, error.message)
            else:
                members = IdeaMembership.objects.filter(idea=idea)
                total = members.count()
                apart = members.filter(apart=True).count()
                level = messages.WARNING if skipped else messages.SUCCESS
                self.message_user(request, decided_message(len(answered), skipped, total, apart), level)
                return HttpResponseRedirect(self.desk_url(idea))
        return self._decision_page(request, idea, form, _("Decide idea %(number)s") % {"number": idea.pk})

    def apart_view(self, request, object_id, point_id):
        """One member decided differently from its idea, with a required note."""
        idea = self.idea_or_404(request, object_id)
        if not request.user.has_perm(workflow.DECIDE):
            raise Http404
        membership = get_object_or_404(IdeaMembership.objects.select_related("point__proposal"), idea=idea,
                                       point_id=point_id)
        point = membership.point
        initial = {"outcome": point.outcome, "reason": point.outcome_reason,
                   **{f"response_{code}": getattr(point, f"response_{code}") for code in ("kk", "ru", "en")}}
        form = self._form(request, initial, note_required=True)
        if request.method == "POST" and "use_template" not in request.POST and form.is_valid():
            try:
                idea_member_decide_apart(idea=idea, point=Point(pk=point.pk), actor=request.user,
                                         **form.service_arguments())
            except WorkflowError as error:
                if error.code not in CORRECTABLE:
                    self.message_user(request, error.message, messages.ERROR)
                    return HttpResponseRedirect(self.desk_url(idea))
                form.add_error(None, error.message)
            else:
                self.message_user(request, _("%(code)s, point %(number)d, is decided apart from the idea.") % {
                    "code": point.proposal.tracking_code, "number": point.number}, messages.SUCCESS)
                return HttpResponseRedirect(self.desk_url(idea))
        title = _("Decide %(code)s, point %(number)d, apart from idea %(idea)s") % {
            "code": point.proposal.tracking_code, "number": point.number, "idea": idea.pk}
        return self._decision_page(request, idea, form, title, point=point)

    def publish_view(self, request, object_id):
        """Publish the idea, or take it off the public site with a note."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        idea = self.idea_or_404(request, object_id)
        try:
            if "_unpublish" in request.POST:
                idea_unpublish(idea=idea, actor=request.user, note=request.POST.get("note", ""))
                message = _("The idea is taken off the public site.")
            else:
                idea_publish(idea=idea, actor=request.user)
                message = _("The idea is published.")
        except WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
        else:
            self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(self.desk_url(idea))

    def release_view(self, request, object_id):
        """Release the idea's decision: a page that says how many submitters will be told, then the service."""
        idea = self.idea_or_404(request, object_id)
        if not request.user.has_perm(workflow.PUBLISH):
            raise Http404
        if request.method == "POST":
            try:
                released, refused = idea_release(idea=idea, actor=request.user)
            except WorkflowError as error:
                self.message_user(request, error.message, messages.ERROR)
                return HttpResponseRedirect(self.desk_url(idea))
            message = ngettext("Released: %(count)d member's submitter is told the answer.",
                               "Released: %(count)d members' submitters are told the answer.", released) % {
                "count": released}
            if refused:
                message += " " + "; ".join(f"{why} ({count})" for why, count in refused.most_common())
            self.message_user(request, message, messages.WARNING if refused else messages.SUCCESS)
            return HttpResponseRedirect(self.desk_url(idea))
        single, packages = reads.release_preview(idea)
        return TemplateResponse(request, "console/idea_release.html", {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Release the decision of idea %(number)s") % {"number": idea.pk},
            "idea": idea,
            "single": single,
            "packages": packages,
            "desk_url": self.desk_url(idea),
        })
