"""The staff console (a first version: lists and read-only state; the triage console grows here)."""
from django.contrib import admin

from proposals.models import Category, Party, Proposal, ProposalEvent, ProposalNote, Region


@admin.register(Category, Region, Party)
class ReferenceAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_kk", "name_ru", "name_en", "position"]
    search_fields = ["slug", "name_kk", "name_ru", "name_en"]


class EventInline(admin.TabularInline):
    model = ProposalEvent
    fields = ["created_at", "action", "from_state", "to_state", "actor", "note", "is_public"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class NoteInline(admin.TabularInline):
    model = ProposalNote
    fields = ["created_at", "author", "text"]
    readonly_fields = ["created_at", "author", "text"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["tracking_code", "title", "submitter_kind", "category", "region", "state", "received_at"]
    list_filter = ["state", "submitter_kind", "channel", "language"]
    list_select_related = ["category", "region"]
    search_fields = ["=tracking_code", "title"]
    readonly_fields = [
        "tracking_code", "state", "duplicate_of", "decision_reason", "published_at",
        "decided_at", "decision_released_at", "created_at", "updated_at",
    ]
    raw_id_fields = ["assignee"]
    inlines = [NoteInline, EventInline]
    show_facets = admin.ShowFacets.NEVER

    def has_add_permission(self, request):
        # New proposals come through proposal_submit (the public form or the intake page).
        return False

    def has_delete_permission(self, request, obj=None):
        return False
