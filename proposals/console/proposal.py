"""The proposal console: work queue, filters, search, the proposal page with its actions, intake, export, import."""
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from proposals.console import actions as bulk
from proposals.console import export, importer
from proposals.console import paginator as counting
from proposals.console.articles import ArticleFilter, ArticleLinkInline, SectionFilter
from proposals.console.changelist import ConsoleChangeList
from proposals.console.filters import AssigneeFilter, OverdueFilter, QueueFilter
from proposals.console.forms import ActionForm, ImportForm, IntakeForm
from proposals.console.paginator import EstimatedCountPaginator
from proposals.core import search, selectors, services, tracking, workflow
from proposals.core.models import Attachment, Proposal, ProposalEvent, ProposalNote, SubmitterKind
from proposals.core.workflow import TRANSITIONS, Action, State


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


class AttachmentInline(ReadOnlyInline):
    model = Attachment
    fields = ["download", "content_type", "size", "sha256", "created_at"]

    @admin.display(description=gettext_lazy("file"))
    def download(self, attachment):
        url = reverse("admin:proposals_attachment_download", args=[attachment.pk])
        return format_html('<a href="{}">{}</a>', url, attachment.original_name)


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

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


class EventInline(ReadOnlyInline):
    model = ProposalEvent
    fields = ["created_at", "action", "from_state", "to_state", "actor", "note", "reason", "is_public"]

    def get_queryset(self, request):
        # Each row names its actor: one join, not one query per event.
        return super().get_queryset(request).select_related("actor")


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = [
        "tracking_code", "title_short", "submitter", "category", "region", "state_badge", "assignee", "received",
        "deadline",
    ]
    list_display_links = ["tracking_code", "title_short"]
    list_filter = [
        QueueFilter, "state", "submitter_kind", "category", "region", "channel", "language", AssigneeFilter,
        OverdueFilter, "party", ArticleFilter, SectionFilter,
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
    inlines = [AttachmentInline, ArticleLinkInline, NoteInline, EventInline]
    change_form_template = "console/proposal_change_form.html"
    change_list_template = "console/proposal_change_list.html"
    readonly_fields = [
        "tracking_code", "state_badge", "assignee", "submitter_kind", "channel", "external_ref", "received_at",
        "acknowledge_due", "decision_due", "duplicate_link", "decision_reason", "published_at", "decided_at",
        "decision_released_at",
    ]
    fieldsets = [
        (None, {"fields": [
            ("tracking_code", "state_badge"), ("assignee", "category"), ("received_at", "channel", "external_ref"),
            ("acknowledge_due", "decision_due"), ("duplicate_link", "decision_reason"),
            ("published_at", "decided_at", "decision_released_at"),
        ]}),
        (gettext_lazy("Submitter"), {"fields": [
            "submitter_kind", ("submitter_name", "publish_name"), ("organisation", "party", "position", "bin"),
            ("email", "phone", "region"),
        ]}),
        (gettext_lazy("Proposal"), {"fields": ["language", "title", "text", "rationale", "articles"]}),
        (gettext_lazy("Public summary"), {"fields": ["summary_kk", "summary_ru", "summary_en"]}),
        (gettext_lazy("Working Group response"), {"fields": ["response_kk", "response_ru", "response_en"]}),
    ]

    # The list

    def get_changelist(self, request, **kwargs):
        return ConsoleChangeList

    @admin.display(description=gettext_lazy("title"), ordering="title")
    def title_short(self, proposal):
        return proposal.title if len(proposal.title) <= 60 else proposal.title[:58] + "…"

    @admin.display(description=gettext_lazy("submitter"))
    def submitter(self, proposal):
        # The enum's label, not get_submitter_kind_display(): that hashes every choice on each of 50 rows.
        kind = SubmitterKind(proposal.submitter_kind).label
        who = proposal.party.name if proposal.party_id else proposal.organisation
        return f"{kind}: {who}" if who else kind

    @admin.display(description=gettext_lazy("state"), ordering="state")
    def state_badge(self, proposal):
        return format_html('<span class="badge badge--{}">{}</span>', proposal.state, State(proposal.state).label)

    @admin.display(description=Proposal._meta.get_field("received_at").verbose_name, ordering="received_at")
    def received(self, proposal):
        # The deadline's compact numbers, not the long localised form ("24 қараша 2026 ж. 08:18"): the queue is
        # read down a column, and formatting that form took a millisecond of each page.
        return timezone.localtime(proposal.received_at).strftime("%d.%m.%Y\u00a0%H:%M")

    @admin.display(description=gettext_lazy("deadline"), ordering="decision_due")
    def deadline(self, proposal):
        due = proposal.due_date
        if due is None:
            return "—"
        if due < timezone.localdate():
            return format_html('<strong class="overdue">{} ⚠ {}</strong>', due.strftime("%d.%m.%Y"), _("overdue"))
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

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": IntakeForm.Meta.fields})]
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        # Every field of the page that the edit table does not let this user change now is shown, not offered
        # (the submitter's consent and what arrived never are); the edit service checks the same table again.
        editable = services.editable_fields(obj, request.user)
        fixed = super().get_readonly_fields(request, obj)
        shown = [name for name in flatten_fieldsets(self.fieldsets) if name not in editable and name not in fixed]
        return [*fixed, *shown]

    def get_inlines(self, request, obj):
        return [] if obj is None else super().get_inlines(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.WorkflowError as error:
            # A service refused the save (e.g. the proposal was published since the form was built). The admin's
            # transaction is rolled back, notes included: nothing is half-written.
            self.message_user(request, error.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        if change:
            # Only what the form changed, through the edit service (the audit event; the admin's LogEntry is not the
            # audit trail). It compares with the locked row, so a colleague's change meanwhile is never written back.
            changes = {name: form.cleaned_data[name] for name in form.changed_data if name in form.fields}
            services.proposal_edit(proposal=obj, actor=request.user, changes=changes)
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

    # The proposal page

    def change_view(self, request, object_id, form_url="", extra_context=None):
        proposal = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if proposal is not None:
            extra_context["workflow_actions"] = [
                {"action": action, "label": Action(action).label, "needs_form": needs_form(action)}
                for action in services.available_actions(proposal, request.user)
            ]
            extra_context["likely_duplicates"] = selectors.likely_duplicates(proposal)
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        own = [
            path("<int:object_id>/act/<str:action>/", self.admin_site.admin_view(self.act_view),
                 name="proposals_proposal_act"),
            # Not wrapped in admin_view: anyone but permitted staff gets a plain 404, not a login page.
            path("attachment/<int:attachment_id>/download/", never_cache(self.download_view),
                 name="proposals_attachment_download"),
            path("export.csv", self.admin_site.admin_view(self.export_view), name="proposals_proposal_export"),
            path("import/", self.admin_site.admin_view(self.import_view), name="proposals_proposal_import"),
        ]
        return own + super().get_urls()

    def act_view(self, request, object_id, action):
        """One action on one proposal: a confirmation page when it needs input, then the service."""
        proposal = get_object_or_404(Proposal, pk=object_id)
        if action not in Action.values or not self.has_view_permission(request, proposal):
            raise Http404
        change_url = reverse("admin:proposals_proposal_change", args=[proposal.pk])
        form = ActionForm(request.POST if request.method == "POST" else None, transition=TRANSITIONS.get(action),
                          action=action, admin_site=self.admin_site)
        if request.method == "POST" and form.is_valid():
            try:
                services.proposal_act(proposal=proposal, action=action, actor=request.user, **form.cleaned_data)
            except services.WorkflowError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                self.message_user(request, _("Done: %(action)s.") % {"action": Action(action).label})
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": Action(action).label,
            "opts": self.opts,
            "proposal": proposal,
            "form": form,
            "media": self.media + form.media,
            "change_url": change_url,
        }
        return TemplateResponse(request, "console/act.html", context)

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


def needs_form(action):
    transition = TRANSITIONS.get(action)
    if transition is not None:
        return transition.needs_note or transition.needs_reason or transition.needs_duplicate
    return action in (Action.EXTEND_DEADLINE, Action.ASSIGN, Action.UNPUBLISH)

