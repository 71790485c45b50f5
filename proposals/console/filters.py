"""List filters of the triage console: the work queue by default, my queue, overdue."""
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from proposals.console.forms import assignable_staff
from proposals.core.workflow import DECIDED_STATES, OPEN_STATES


class QueueFilter(admin.SimpleListFilter):
    """Open proposals unless asked otherwise: the console opens on the work, not the archive."""

    title = _("queue")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [("all", _("Everything")), ("decided", _("Decided")), ("closed", _("Closed without decision"))]

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Work queue (open)"),
        }
        for value, label in self.lookup_choices:
            yield {
                "selected": self.value() == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset.open()
        if value == "decided":
            return queryset.decided()
        if value == "closed":
            return queryset.exclude(state__in=OPEN_STATES | DECIDED_STATES)
        return queryset


class AssigneeFilter(admin.SimpleListFilter):
    title = _("assignee")
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        # The staff who may triage, not every user.
        return [("mine", _("Assigned to me")), ("none", _("Unassigned"))] + [
            (str(user.pk), user.get_full_name() or user.get_username()) for user in assignable_staff()
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "mine":
            return queryset.assigned_to(request.user)
        if value == "none":
            return queryset.filter(assignee__isnull=True)
        if value and value.isdigit():
            return queryset.filter(assignee_id=int(value))
        return queryset


class OverdueFilter(admin.SimpleListFilter):
    title = _("deadline")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue"))]

    def queryset(self, request, queryset):
        return queryset.overdue() if self.value() == "yes" else queryset
