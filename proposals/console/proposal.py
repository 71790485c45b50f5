"""The proposal console: work queue, filters, search, the proposal page with its actions, intake, export, import."""
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied
from django.forms import Textarea
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from proposals.console import acting, assign, duplicates, export, importer, locks
from proposals.console import actions as bulk
from proposals.console import filters as queue
from proposals.console import paginator as counting
from proposals.console.articles import ArticleFilter, ArticleLinkInline, SectionFilter
from proposals.console.changelist import ConsoleChangeList
from proposals.console.desk import ReviewDesk
from proposals.console.filters import AssigneeFilter, QueueFilter
from proposals.console.forms import ImportForm, IntakeForm
from proposals.console.neighbours import KeysetChangeList
from proposals.console.paginator import EstimatedCountPaginator
from proposals.console.points import PointsDesk, desk_points
from proposals.core import search, services, tracking, workflow
from proposals.core.models import Attachment, Proposal, ProposalNote, SubmitterKind
from proposals.core.workflow import State


class ReadOnlyInline(admin.TabularInline):
    """Rows nobody adds, edits or deletes here (files as sent, the audit log)."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class NoteInline(admin.TabularInline):
    """Internal notes: staff add them in place; existing notes cannot be edited or deleted."""

    model = ProposalNote
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    extra = 1
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return request.user.has_perm(workflow.TRIAGE)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "text":
            # The table's column heading is not a label: a screen reader names the field by this.
            kwargs["widget"] = Textarea(attrs={"rows": 3, "cols": 60, "aria-label": gettext_lazy("New internal note")})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


@admin.register(Proposal)
class ProposalAdmin(ReviewDesk, PointsDesk, admin.ModelAdmin):
    # What a triage decision needs, at 1280 px without sideways scrolling: the region and the received date are in
    # the filters and the date drill-down; the newest come first.
    list_display = ["tracking_code", "title_short", "submitter", "category", "state_badge", "assignee", "deadline"]
    list_display_links = ["tracking_code", "title_short"]
    list_filter = [
        QueueFilter, "state", "submitter_kind", "category", "region", "channel", "language", AssigneeFilter,
        "party", ArticleFilter, SectionFilter,
    ]
    list_select_related = ["category", "region", "party", "assignee"]
    list_per_page = 50
    search_fields = ["tracking_code"]
    search_help_text = gettext_lazy("A tracking code, or words from the title, the text or the submitter's name.")
    date_hierarchy = "received_at"
    ordering = ["-received_at", "-id"]
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    actions = bulk.ACTIONS
    has_triage_permission = bulk.has_triage_permission
    has_decide_permission = bulk.has_decide_permission
    has_publish_permission = bulk.has_publish_permission
    # The attachments are on the desk beside the text, the events below the form (templates/console/
    # proposal_change_form.html): read-only tables from one query each, not inline forms of read-only fields.
    inlines = [ArticleLinkInline, NoteInline]
    change_form_template = "console/proposal_change_form.html"
    change_list_template = "console/proposal_change_list.html"
    # The desk shows what the submitter sent, the state, dates and links beside the form (ReviewDesk); the form holds
    # what staff write. Fields the edit table does not let this user change now are shown, not offered.
    fieldsets = [
        (gettext_lazy("Classification"), {"fields": [("category", "articles")]}),
        (gettext_lazy("Public title and summary"), {"fields": [
            "title_kk", "title_ru", "title_en", "summary_kk", "summary_ru", "summary_en",
        ]}),
        (gettext_lazy("Working Group response"), {"fields": ["response_kk", "response_ru", "response_en"]}),
    ]

    # The list

    def get_changelist(self, request, **kwargs):
        # Next and previous on the desk rebuild the list's filters and ordering without reading a page of it.
        return KeysetChangeList if getattr(request, "keyset_only", False) else ConsoleChangeList

    def get_list_display(self, request):
        # The assignee column knows who is looking: it offers them the row.
        return [assign.assignee_column(request) if name == "assignee" else name for name in self.list_display]

    def changelist_view(self, request, extra_context=None):
        current = request.GET.get(queue.QUEUE)
        extra_context = {
            **(extra_context or {}),
            # The page is named after the view it shows, not "Select proposal to change".
            "title": queue.title(current),
            "queue_tabs": queue.tabs(request, self.get_queryset(request), current),
            "assign_form_id": assign.FORM_ID,
        }
        return super().changelist_view(request, extra_context)

    @admin.display(description=gettext_lazy("title"), ordering="title")
    def title_short(self, proposal):
        # Two lines at most (the stylesheet clamps them); the cut keeps a 300-character title from a long cell.
        return proposal.title if len(proposal.title) <= 160 else proposal.title[:158] + "…"

    @admin.display(description=gettext_lazy("submitter"))
    def submitter(self, proposal):
        # The enum's label, not get_submitter_kind_display(): that hashes every choice on each of 50 rows.
        kind = SubmitterKind(proposal.submitter_kind).label
        who = proposal.party.name if proposal.party_id else proposal.organisation
        if not who:
            return kind
        # The organisation's name, two lines at most (a long NGO's name would fill ten); its kind and whole name on
        # hover.
        return format_html('<span class="clamp-2" title="{}: {}">{}</span>', kind, who, who)

    @admin.display(description=gettext_lazy("state"), ordering="state")
    def state_badge(self, proposal):
        return format_html('<span class="badge badge--{}">{}</span>', proposal.state, State(proposal.state).label)

    @admin.display(description=gettext_lazy("deadline"), ordering="decision_due")
    def deadline(self, proposal):
        due = proposal.due_date
        if due is None:
            return "—"
        if due < timezone.localdate():
            return format_html(
                '<strong class="overdue">{}<span class="overdue-mark"> ⚠ {}</span></strong>',
                due.strftime("%d.%m.%Y"), _("overdue"),
            )
        return due.strftime("%d.%m.%Y")

    @admin.display(description=gettext_lazy("duplicate of"))
    def duplicate_link(self, proposal):
        if proposal.duplicate_of_id is None:
            return "—"
        url = reverse("admin:proposals_proposal_change", args=[proposal.duplicate_of_id])
        return format_html('<a href="{}">{}</a>', url, proposal.duplicate_of)

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        searching = bool(request.GET.get("q", "").strip())
        limit = counting.SEARCH_COUNT_LIMIT if searching else counting.EXACT_COUNT_LIMIT
        return self.paginator(queryset, per_page, orphans, allow_empty_first_page, count_limit=limit)

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        code = tracking.normalise(term)
        if code:
            # An exact tracking code wins outright.
            return queryset.filter(tracking_code=code), False
        if not term:
            return queryset, False
        # One query on the list's own table (the full-text condition names it, so no subquery).
        return search.search(queryset, term, staff=True) | queryset.filter(submitter_name__icontains=term[:100]), False

    # Permissions: nobody deletes; staff add only through the intake form (which uses the service)

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return request.user.has_perm(workflow.TRIAGE)

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = IntakeForm
            kwargs["fields"] = IntakeForm.Meta.fields
            return super().get_form(request, obj, **kwargs)
        return locks.checked_form(super().get_form(request, obj, **kwargs), obj, request.user)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": IntakeForm.Meta.fields})]
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        # Every field of the form that the edit table does not let this user change now is shown, not offered
        # (what the submitter sent never is: it is corrected on its own page); the edit service checks again.
        editable = services.editable_fields(obj, request.user)
        return [name for name in flatten_fieldsets(self.fieldsets) if name not in editable]

    def get_inlines(self, request, obj):
        if obj is None:
            return []
        # Links this user may not change now are on the articles panel beside the form: an inline of read-only rows
        # would show them twice (and cost the page a formset).
        # A split proposal's articles are set on each point's page.
        if "articles" not in services.editable_fields(obj, request.user) or len(desk_points(request, obj)) > 1:
            return [inline for inline in self.inlines if inline is not ArticleLinkInline]
        return super().get_inlines(request, obj)

    def save_model(self, request, obj, form, change):
        if change:
            # Only what the form changed, through the edit service (the audit event; the admin's LogEntry is not the
            # audit trail). It compares with the locked row, so a colleague's change meanwhile is never written back.
            changes = {name: form.cleaned_data[name] for name in form.changed_data if name in form.fields}
            locks.before_save(request, obj)
            services.proposal_edit(proposal=obj, actor=request.user, changes=changes)
            locks.after_save(request, obj)
            return None
        # Intake from another channel goes through the same service as the public form.
        created = services.proposal_submit(**form.cleaned_data, actor=request.user)
        obj.pk, obj.tracking_code = created.pk, created.tracking_code
        obj._state.adding = False

    def save_formset(self, request, form, formset, change):
        notes = formset.save(commit=False)
        for note in notes:
            if isinstance(note, ProposalNote):
                services.proposal_note_add(proposal=form.instance, author=request.user, text=note.text)
            else:
                note.save()
        formset.save_m2m()

    # The proposal page: ReviewDesk (desk.py); its actions, downloads, export and import

    def get_urls(self):
        own = [
            path("<int:object_id>/act/<str:action>/", self.admin_site.admin_view(self.act_view),
                 name="proposals_proposal_act"),
            path("<int:object_id>/opinion/", self.admin_site.admin_view(self.opinion_view),
                 name="proposals_proposal_opinion"),
            path("<int:object_id>/take-over/", self.admin_site.admin_view(self.take_over_view),
                 name="proposals_proposal_take_over"),
            # Not wrapped in admin_view, like the downloads: a 404 for anyone but staff who may view the proposal.
            path("<int:object_id>/duplicates/", never_cache(self.duplicates_view),
                 name="proposals_proposal_duplicates"),
            # Not wrapped in admin_view: anyone but permitted staff gets a plain 404, not a login page.
            path("attachment/<int:attachment_id>/download/", never_cache(self.download_view),
                 name="proposals_attachment_download"),
            path("export.csv", self.admin_site.admin_view(self.export_view), name="proposals_proposal_export"),
            path("assign-me/", self.admin_site.admin_view(self.assign_me_view), name="proposals_proposal_assign_me"),
            path("import/", self.admin_site.admin_view(self.import_view), name="proposals_proposal_import"),
        ]
        return own + self.desk_urls() + self.points_urls() + super().get_urls()

    def act_view(self, request, object_id, action):
        """One action on one proposal (proposals.console.acting): its question, note or decision, then the service."""
        return acting.act_view(self, request, object_id, action)

    def opinion_view(self, request, object_id):
        """The expert opinion's versions and a form for a new one (proposals.console.acting)."""
        return acting.opinion_view(self, request, object_id)

    def take_over_view(self, request, object_id):
        return locks.take_over_view(self, request, object_id)

    def duplicates_view(self, request, object_id):
        return duplicates.fragment_view(self, request, object_id)

    def assign_me_view(self, request):
        return assign.assign_me_view(self, request)

    def download_view(self, request, attachment_id):
        """Staff-only download: never rendered inline, never sniffed as something else."""
        if not (self.admin_site.has_permission(request) and request.user.has_perm("proposals.view_attachment")):
            raise Http404
        attachment = get_object_or_404(Attachment, pk=attachment_id)
        try:
            handle = attachment.file.open("rb")
        except OSError as error:
            raise Http404(_("The file is missing from storage.")) from error
        response = FileResponse(handle, as_attachment=True, filename=attachment.original_name,
                                content_type=attachment.content_type)
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response

    def export_view(self, request):
        """The proposals of the current list view (filters and search) as CSV."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        return export.csv_response(changelist.get_queryset(request))

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        errors = []
        if request.method == "POST" and form.is_valid():
            try:
                created = importer.import_csv(form.cleaned_data["file"].read(), actor=request.user)
            except importer.ImportRejected as rejected:
                errors = rejected.errors
            else:
                self.message_user(request, _("Imported %(count)d proposals.") % {"count": len(created)})
                return HttpResponseRedirect(reverse("admin:proposals_proposal_changelist") + "?queue=all")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import proposals from a CSV file"),
            "opts": self.opts,
            "form": form,
            "errors": errors,
            "header": importer.HEADER,
        }
        return TemplateResponse(request, "console/import.html", context)
