"""Likely ideas on the proposal's desk: a point's likely ideas and twins (a fragment loaded after the page renders,
or a page of its own without JavaScript), "Add to this idea" and "Start an idea from this point"."""
from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from proposals.core import workflow
from proposals.core.ideas.candidates import likely_for_point, membership_of
from proposals.core.ideas.texts import MEMBER_STATES
from proposals.core.models import Point
from proposals.core.services import WorkflowError
from proposals.core.services.ideas import idea_confirm, idea_start

PARTIAL_PARAMETER = "partial"


def _point(point_id):
    return get_object_or_404(
        Point.objects.select_related("proposal", "idea_membership__idea"), pk=point_id
    )


class LikelyIdeas:
    """ModelAdmin views of a point's likely ideas (mixed into IdeaAdmin)."""

    def likely_urls(self):
        wrap = self.admin_site.admin_view
        return [
            # Not wrapped in admin_view, like the likely duplicates: a plain 404 for anyone but staff.
            path("likely/<int:point_id>/", self.likely_view, name="proposals_idea_likely"),
            path("start/<int:point_id>/", wrap(self.start_view), name="proposals_idea_start"),
            path("<int:object_id>/add/<int:point_id>/", wrap(self.add_view), name="proposals_idea_add"),
        ]

    def likely_view(self, request, point_id):
        """The point's idea, or its likely ideas and twins, as a fragment (``?partial=1``) or a console page."""
        if not (self.admin_site.has_permission(request) and self.has_view_permission(request)):
            raise Http404
        point = _point(point_id)
        membership = membership_of(point)
        likely = likely_for_point(point) if membership is None else None
        for other, _match in likely.twins if likely else []:
            twin_membership = membership_of(other)
            other.in_idea = twin_membership.idea_id if twin_membership else None
        back = reverse("admin:proposals_proposal_change", args=[point.proposal_id])
        context = {
            "point": point,
            "membership": membership,
            "likely": likely,
            "may_build": request.user.has_perm(workflow.TRIAGE) and point.proposal.state in MEMBER_STATES,
            "next": back,
        }
        if request.GET.get(PARTIAL_PARAMETER):
            return TemplateResponse(request, "console/includes/likely_ideas.html", context)
        return TemplateResponse(request, "console/likely_ideas.html", {
            **self.admin_site.each_context(request),
            **context,
            "title": _("Likely ideas"),
            "opts": self.opts,
            "change_url": back,
        })

    def _next(self, request, point):
        url = request.POST.get("next", "")
        if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                                   require_https=request.is_secure()):
            return url
        return reverse("admin:proposals_proposal_change", args=[point.proposal_id])

    def start_view(self, request, point_id):
        """A new idea from the point, its first member: the new idea's desk after it."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_view_permission(request):
            raise Http404
        point = _point(point_id)
        try:
            idea = idea_start(point=point, actor=request.user)
        except WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
            return HttpResponseRedirect(self._next(request, point))
        self.message_user(request, _("Idea %(number)s is started from %(code)s, point %(point)d: give it its title.")
                          % {"number": idea.pk, "code": point.proposal.tracking_code, "point": point.number},
                          messages.SUCCESS)
        return HttpResponseRedirect(self.desk_url(idea))

    def add_view(self, request, object_id, point_id):
        """The point confirmed as a member of the idea; back to the page it was added from."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        idea = self.idea_or_404(request, object_id)
        point = _point(point_id)
        try:
            idea_confirm(idea=idea, actor=request.user, points=[point])
        except WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
        else:
            self.message_user(request, _("%(code)s, point %(point)d, is added to idea %(number)s.") % {
                "code": point.proposal.tracking_code, "point": point.number, "number": idea.pk}, messages.SUCCESS)
        return HttpResponseRedirect(self._next(request, point))


