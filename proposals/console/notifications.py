"""The console's list of email messages (failed deliveries first of all) and its "send again" action."""
from collections import Counter

from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from proposals.core import services, workflow
from proposals.core.models import Notification, NotificationStatus


class StatusFilter(admin.SimpleListFilter):
    """Opens on the failed deliveries: what staff must act on."""

    title = gettext_lazy("delivery")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("all", _("All")), *NotificationStatus.choices]

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": (self.value() or NotificationStatus.FAILED) == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or NotificationStatus.FAILED
        return queryset if value == "all" else queryset.filter(status=value)


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "proposal_code", "status", "attempts", "sent_at", "next_attempt_at",
                    "last_error"]
    list_filter = [StatusFilter, "kind"]
    list_select_related = ["proposal"]
    search_fields = ["=proposal__tracking_code"]
    actions = ["send_again"]
    show_facets = admin.ShowFacets.NEVER
    fields = ["kind", "proposal", "recipient_user", "language", "status", "attempts", "last_error",
              "next_attempt_at", "sent_at", "created_at"]
    readonly_fields = fields

    @admin.display(description=gettext_lazy("proposal"), ordering="proposal__tracking_code")
    def proposal_code(self, notification):
        return notification.proposal.tracking_code if notification.proposal_id else "—"

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(workflow.TRIAGE) or super().has_view_permission(request, obj)

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_triage_permission(self, request):
        return request.user.has_perm(workflow.TRIAGE)

    @admin.action(description=gettext_lazy("Send again"), permissions=["triage"])
    def send_again(self, request, queryset):
        queued, refused = 0, Counter()
        for notification in queryset.order_by("pk"):
            try:
                services.notification_resend(notification=notification, actor=request.user)
                queued += 1
            except services.WorkflowError as error:
                refused[str(error.message)] += 1
        summary = _("%(moved)d done, %(refused)d refused") % {"moved": queued, "refused": sum(refused.values())}
        if refused:
            summary = f"{summary}: " + "; ".join(f"{reason} ({count})" for reason, count in refused.most_common())
        self.message_user(request, summary, messages.WARNING if refused else messages.SUCCESS)
