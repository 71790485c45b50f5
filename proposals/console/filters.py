"""List filters of the triage console: the saved views of the queue (the one place that names them), the assignee."""
from dataclasses import dataclass

from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from proposals.console.forms import assignable_staff
from proposals.core.selectors import capped_counts
from proposals.core.workflow import DECIDED_STATES, OPEN_STATES, State

QUEUE = "queue"
# A tab counts its rows to this many, then says "1000+": each count reads at most that many index entries.
TAB_COUNT_CAP = 1000


@dataclass(frozen=True)
class View:
    """One saved view of the queue: its key in the URL, its label, its rows; ``tab`` ones are tabs with a count."""

    key: str
    label: str
    rows: object  # (queryset, request) -> queryset
    tab: bool = False


VIEWS = {
    view.key: view
    for view in [
        View("mine", _("My queue"), lambda qs, request: qs.open().assigned_to(request.user), tab=True),
        View("screen", _("To screen"), lambda qs, request: qs.awaiting_triage(), tab=True),
        View("overdue", _("Overdue"), lambda qs, request: qs.overdue(), tab=True),
        View("wg", _("With the Working Group"), lambda qs, request: qs.filter(state=State.WITH_WORKING_GROUP),
             tab=True),
        View("unreleased", _("Decided, not released"), lambda qs, request: qs.decided_unreleased(), tab=True),
        View("ready", _("Ready to publish"), lambda qs, request: qs.ready_to_publish(), tab=True),
        View("all", _("Everything"), lambda qs, request: qs),
        View("decided", _("Decided"), lambda qs, request: qs.decided()),
        View("closed", _("Closed without decision"),
             lambda qs, request: qs.exclude(state__in=OPEN_STATES | DECIDED_STATES)),
    ]
}


class QueueFilter(admin.SimpleListFilter):
    """Open proposals unless asked otherwise: the console opens on the work, not the archive."""

    title = _("queue")
    parameter_name = QUEUE

    def lookups(self, request, model_admin):
        return [(view.key, view.label) for view in VIEWS.values()]

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
        view = VIEWS.get(self.value())
        if view is None:
            return queryset.open()
        return view.rows(queryset, request)


def title(current):
    """The name of the view ``current`` (a key of VIEWS; anything else is the open work queue)."""
    view = VIEWS.get(current)
    return view.label if view is not None else _("Work queue (open)")


def tabs(request, queryset, current):
    """The tab views with their capped counts, all read in one query (each count is bounded and has an index)."""
    url = reverse("admin:proposals_proposal_changelist")
    views = [view for view in VIEWS.values() if view.tab]
    counts = capped_counts([view.rows(queryset, request) for view in views], TAB_COUNT_CAP)
    return [
        {"view": view, "url": f"{url}?{QUEUE}={view.key}", "count": count, "current": view.key == current}
        for view, count in zip(views, counts, strict=True)
    ]


def landing_url(request, queryset):
    """Where a member of staff starts: their own open proposals if they have any, else those to screen."""
    key = "mine" if VIEWS["mine"].rows(queryset, request).exists() else "screen"
    return f"{reverse('admin:proposals_proposal_changelist')}?{QUEUE}={key}"


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
