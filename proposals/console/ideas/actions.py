"""The idea desk's member actions: confirm, confirm the copies, drop, remove, move, split; merge and dismiss.

Each is a POST to one service, then a redirect to the desk with the result or the refusal as a message.
"""
from django.contrib import messages
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from proposals.console.ideas.forms import find_idea
from proposals.core.models import CandidateStatus, IdeaCandidate, IdeaMembership
from proposals.core.services import WorkflowError
from proposals.core.services.ideas import (
    idea_confirm,
    idea_confirm_copies,
    idea_dismiss,
    idea_drop,
    idea_merge,
    idea_move,
    idea_remove,
    idea_split,
)

# The buttons of the members' form, in the order the page shows them.
OPERATIONS = ("_confirm", "_confirm_copies", "_drop", "_remove", "_move", "_split")
# Points one action takes: two pages of the desk.
MAX_CHOSEN = 1000


def chosen_ids(request):
    """The point ids ticked on the page: whole numbers only, at most MAX_CHOSEN (anything else is ignored)."""
    values = request.POST.getlist("point")[:MAX_CHOSEN]
    return sorted({int(value) for value in values if value.isdigit() and len(value) < 12})


class MemberActions:
    """ModelAdmin views of the idea desk's member actions (mixed into IdeaAdmin)."""

    def member_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:object_id>/members/", wrap(self.members_view), name="proposals_idea_members"),
            path("<int:object_id>/merge/", wrap(self.merge_view), name="proposals_idea_merge"),
            path("<int:object_id>/dismiss/", wrap(self.dismiss_view), name="proposals_idea_dismiss"),
        ]

    def _back(self, request, idea):
        """The desk again, on the pages of members and suggestions the form was sent from."""
        query = {name: value for name in ("members", "suggestions")
                 if (value := request.POST.get(f"_{name}_page", "")).isdigit()}
        return HttpResponseRedirect(self.desk_url(idea, **query))

    def members_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        idea = self.idea_or_404(request, object_id)
        operation = next((name for name in OPERATIONS if name in request.POST), None)
        ids = chosen_ids(request)
        try:
            message = self._member_operation(request, idea, operation, ids)
        except WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
            return self._back(request, idea)
        if isinstance(message, HttpResponseRedirect):
            return message
        self.message_user(request, message, messages.SUCCESS)
        return self._back(request, idea)

    def _member_operation(self, request, idea, operation, ids):
        user = request.user
        if operation is None:
            raise WorkflowError(_("Unknown action."), "unknown_action")
        if operation == "_confirm_copies":
            count = idea_confirm_copies(idea=idea, actor=user)
            return ngettext("%(count)d copy of the idea's text confirmed in one step.",
                            "%(count)d copies of the idea's text confirmed in one step.", count) % {"count": count}
        if not ids:
            raise WorkflowError(_("Choose the points first: tick them in the lists."), "none_chosen")
        members = set(IdeaMembership.objects.filter(idea=idea, point__in=ids).values_list("point_id", flat=True))
        suggested = set(IdeaCandidate.objects.filter(idea=idea, point__in=ids, status=CandidateStatus.SUGGESTED)
                        .values_list("point_id", flat=True))
        if set(ids) - members - suggested:
            raise WorkflowError(_("Some of the chosen points are no longer in this idea: the page was out of date. "
                                  "Nothing was changed."), "stale")
        if operation == "_confirm":
            if not suggested:
                raise WorkflowError(_("Choose suggested points to confirm: the others are members already."),
                                    "none_chosen")
            count = idea_confirm(idea=idea, actor=user, points=sorted(suggested))
            return ngettext("%(count)d point confirmed as a member.", "%(count)d points confirmed as members.",
                            count) % {"count": count}
        if operation == "_drop":
            if not suggested:
                raise WorkflowError(_("Choose suggested points to drop: members are removed with a note."),
                                    "none_chosen")
            count = idea_drop(idea=idea, actor=user, points=sorted(suggested))
            return ngettext("%(count)d suggestion dropped.", "%(count)d suggestions dropped.", count) % {
                "count": count}
        if operation == "_remove":
            if not members:
                raise WorkflowError(_("Choose members to remove: suggestions are dropped."), "none_chosen")
            count = idea_remove(idea=idea, actor=user, points=sorted(members), note=request.POST.get("note", ""))
            return ngettext("%(count)d member removed from the idea.", "%(count)d members removed from the idea.",
                            count) % {"count": count}
        if operation == "_move":
            target, problem = find_idea(request.POST.get("target", ""), exclude=idea)
            if target is None:
                raise WorkflowError(problem, "no_target")
            count = idea_move(idea=idea, target=target, actor=user, points=ids)
            return ngettext("%(count)d point moved to idea %(number)s.", "%(count)d points moved to idea %(number)s.",
                            count) % {"count": count, "number": target.pk}
        new = idea_split(idea=idea, actor=user, points=ids)
        return ngettext("%(count)d point split into the new idea %(number)s.",
                        "%(count)d points split into the new idea %(number)s.", len(ids)) % {
            "count": len(ids), "number": new.pk}

    def merge_view(self, request, object_id):
        """Merge this idea into another (named by its number or words): the desk of the other idea after it."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        idea = self.idea_or_404(request, object_id)
        target, problem = find_idea(request.POST.get("target", ""), exclude=idea)
        if target is None:
            self.message_user(request, problem, messages.ERROR)
            return HttpResponseRedirect(self.desk_url(idea))
        try:
            idea_merge(idea=idea, into=target, actor=request.user)
        except WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
            return HttpResponseRedirect(self.desk_url(idea))
        self.message_user(request, _("Idea %(old)s is merged into idea %(number)s.") % {
            "old": idea.pk, "number": target.pk}, messages.SUCCESS)
        return HttpResponseRedirect(self.desk_url(target))

    def dismiss_view(self, request, object_id):
        """Dismiss a suggested idea (no members): its suggestions are dropped; the list after it."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        idea = self.idea_or_404(request, object_id)
        try:
            idea_dismiss(idea=idea, actor=request.user, note=request.POST.get("note", ""))
        except WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
            return HttpResponseRedirect(self.desk_url(idea))
        self.message_user(request, _("Idea %(number)s is dismissed.") % {"number": idea.pk}, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:proposals_idea_changelist"))
