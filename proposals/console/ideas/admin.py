"""The ideas in the console: the list (filters, search, counts), its "suggest ideas" button, and the idea desk."""
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from proposals.console.ideas import actions, decisions, likely, reads
from proposals.console.ideas.forms import IdeaTextsForm, label
from proposals.core import workflow
from proposals.core.ideas.tasks import cluster_backlog_task
from proposals.core.models import Idea, IdeaEvent, PointOutcome
from proposals.core.services import WorkflowError
from proposals.core.services.ideas import idea_edit

# The history on the desk: the newest events (a campaign's idea gathers hundreds over its life).
HISTORY_SHOWN = 100


class StageFilter(admin.SimpleListFilter):
    """Where an idea stands; dismissed and merged ones are hidden unless asked for."""

    title = gettext_lazy("stage")
    parameter_name = "stage"

    def lookups(self, request, model_admin):
        return [
            ("suggested", pgettext_lazy("idea stage", "Suggested")),
            ("confirmed", pgettext_lazy("idea stage", "Confirmed, not decided")),
            ("decided", pgettext_lazy("idea stage", "Decided")),
            ("published", pgettext_lazy("idea stage", "Published")),
            ("released", pgettext_lazy("idea stage", "Decision released")),
            ("dismissed", pgettext_lazy("idea stage", "Dismissed")),
            ("merged", pgettext_lazy("idea stage", "Merged into another")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        current = queryset.filter(merged_into__isnull=True, dismissed_at__isnull=True)
        if value == "suggested":
            return current.filter(confirmed_at__isnull=True)
        if value == "confirmed":
            return current.filter(confirmed_at__isnull=False, outcome="")
        if value == "decided":
            return current.exclude(outcome="")
        if value == "published":
            return current.filter(published_at__isnull=False)
        if value == "released":
            return current.filter(released_at__isnull=False)
        if value == "dismissed":
            return queryset.filter(dismissed_at__isnull=False)
        if value == "merged":
            return queryset.filter(merged_into__isnull=False)
        return current


class IdeaChangeList(ChangeList):
    """The list's rows, each with the kinds of its members' submitters: one grouped query for the whole page."""

    def get_results(self, request):
        super().get_results(request)
        kinds = reads.kinds_by_idea(idea.pk for idea in self.result_list)
        for idea in self.result_list:
            idea.kinds = kinds.get(idea.pk, [])


@admin.register(Idea)
class IdeaAdmin(actions.MemberActions, decisions.Decisions, likely.LikelyIdeas, admin.ModelAdmin):
    """Ideas are read by everyone who reads proposals and built through the idea services only.

    The permissions are the proposals' roles (an idea is a view of proposals' points): reading needs
    ``view_proposal``, building TRIAGE, deciding DECIDE, publishing and releasing PUBLISH; the services check again.
    """

    list_display = ["number", "title_or_text", "members", "suggestions", "kinds_column", "outcome_badge",
                    "public_column"]
    list_display_links = ["number", "title_or_text"]
    list_filter = [StageFilter, "outcome", "category"]
    search_fields = ["title_kk", "title_ru", "title_en", "text"]
    search_help_text = gettext_lazy("An idea's number, or words of its title or text.")
    list_per_page = 50
    actions = None
    show_facets = admin.ShowFacets.NEVER
    show_full_result_count = False
    ordering = ["-created_at", "-id"]
    change_list_template = "console/idea_change_list.html"

    # Permissions

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.has_perm("proposals.view_proposal")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    # The list

    def get_queryset(self, request):
        return reads.with_counts(super().get_queryset(request))

    def get_changelist(self, request, **kwargs):
        return IdeaChangeList

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip().lstrip("№#").strip()
        if term.isdigit() and len(term) < 10:
            return queryset.filter(pk=int(term)), False
        return super().get_search_results(request, queryset, search_term[:200])

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "title": _("Ideas"),
                         "may_suggest": request.user.has_perm(workflow.TRIAGE)}
        return super().changelist_view(request, extra_context)

    @admin.display(description=pgettext_lazy("idea number", "number"), ordering="pk")
    def number(self, idea):
        return idea.pk

    @admin.display(description=gettext_lazy("title"))
    def title_or_text(self, idea):
        if idea.title:
            return label(idea, 160)
        return format_html('<span class="idea-untitled">{}</span>', label(idea, 160))

    @admin.display(description=gettext_lazy("members"), ordering="member_count")
    def members(self, idea):
        return idea.member_count

    @admin.display(description=gettext_lazy("suggested"), ordering="suggestion_count")
    def suggestions(self, idea):
        return idea.suggestion_count or "—"

    @admin.display(description=gettext_lazy("submitters"))
    def kinds_column(self, idea):
        kinds = getattr(idea, "kinds", [])
        if not kinds:
            return "—"
        return format_html_join(", ", '<span class="idea-kind">{} {}</span>',
                                ((kind.label, count) for kind, count in kinds))

    @admin.display(description=gettext_lazy("outcome"), ordering="outcome")
    def outcome_badge(self, idea):
        if not idea.outcome:
            return "—"
        return format_html('<span class="badge badge--{}">{}</span>', idea.outcome, PointOutcome(idea.outcome).label)

    @admin.display(description=gettext_lazy("public"))
    def public_column(self, idea):
        parts = []
        if idea.merged_into_id:
            parts.append(_("merged into idea %(number)s") % {"number": idea.merged_into_id})
        if idea.dismissed_at:
            parts.append(_("dismissed"))
        if idea.published_at:
            parts.append(pgettext("idea badge", "published"))
        if idea.released_at:
            parts.append(pgettext("idea badge", "decision released"))
        return ", ".join(parts) or "—"

    # Pages of their own

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("suggest/", wrap(self.suggest_view), name="proposals_idea_suggest"),
            path("<int:object_id>/texts/", wrap(self.texts_view), name="proposals_idea_texts"),
            *self.member_urls(),
            *self.decision_urls(),
            *self.likely_urls(),
            *super().get_urls(),
        ]

    def suggest_view(self, request):
        """Cluster the backlog into suggested ideas, as a task (a worker runs it; nothing joins without staff)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.has_perm(workflow.TRIAGE):
            self.message_user(request, _("You may not build ideas."), messages.ERROR)
        else:
            cluster_backlog_task.enqueue(actor_id=request.user.pk)
            self.message_user(request, _("The backlog is being grouped into suggested ideas: they appear in this "
                                         "list when it is done."), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:proposals_idea_changelist"))

    # The desk

    def idea_or_404(self, request, object_id):
        if not self.has_view_permission(request):
            raise Http404
        idea = Idea.objects.select_related("category", "merged_into").filter(pk=object_id).first()
        if idea is None:
            raise Http404
        return idea

    def desk_url(self, idea, **query):
        url = reverse("admin:proposals_idea_change", args=[getattr(idea, "pk", idea)])
        if query:
            url += "?" + "&".join(f"{name}={value}" for name, value in query.items())
        return url

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The idea desk: its text and public texts, its members and suggestions beside it, its history."""
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        if not str(object_id).isdigit():
            raise Http404
        idea = self.idea_or_404(request, int(object_id))
        return self.render_desk(request, idea)

    def render_desk(self, request, idea, texts_form=None, refusal=""):
        user = request.user
        current = idea.merged_into_id is None and idea.dismissed_at is None
        may_build = current and user.has_perm(workflow.TRIAGE)
        may_write_texts = may_build and (idea.published_at is None or user.has_perm(workflow.PUBLISH))
        page = reads.DeskPage(idea, request.GET.get("members"), request.GET.get("suggestions"))
        kinds, regions = reads.members_summary(idea)
        events = list(IdeaEvent.objects.filter(idea=idea).select_related("actor")
                      .order_by("-created_at", "-id")[:HISTORY_SHOWN + 1])
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": str(idea),
            "idea": idea,
            "current": current,
            "may_build": may_build,
            "may_decide": current and user.has_perm(workflow.DECIDE),
            "may_publish": current and user.has_perm(workflow.PUBLISH),
            "may_write_texts": may_write_texts,
            "texts_form": texts_form or IdeaTextsForm(instance=idea, prefix="texts"),
            "refusal": refusal,
            "page": page,
            "kinds": kinds,
            "regions": regions,
            "member_count": page.members_page.paginator.count,
            "suggestion_count": page.suggestions_page.paginator.count,
            "events": events[:HISTORY_SHOWN],
            "more_events": len(events) > HISTORY_SHOWN,
            "changelist_url": reverse("admin:proposals_idea_changelist"),
            "members_query": request.GET.get("members", ""),
            "suggestions_query": request.GET.get("suggestions", ""),
        }
        return TemplateResponse(request, "console/idea_desk.html", context)

    def texts_view(self, request, object_id):
        """The idea's text, public title and summary and topic, through idea_edit; a refusal keeps what was typed."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        idea = self.idea_or_404(request, object_id)
        form = IdeaTextsForm(request.POST, instance=Idea.objects.get(pk=idea.pk), prefix="texts")
        if not form.is_valid():
            return self.render_desk(request, idea, texts_form=form, refusal=_("Please correct the errors below."))
        try:
            idea_edit(idea=idea, actor=request.user, changes=form.changes())
        except WorkflowError as error:
            return self.render_desk(request, idea, texts_form=form, refusal=error.message)
        self.message_user(request, _("Saved.") if form.changed_data else _("Nothing was changed."), messages.SUCCESS)
        return HttpResponseRedirect(self.desk_url(idea))
