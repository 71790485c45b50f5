"""The console's date drill-down: periods between the list's first and last date, from one indexed MIN/MAX query."""
import copy
import datetime

from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.functional import cached_property


class CalendarSpan:
    """Stands in for the list's queryset in Django's date_hierarchy.

    Django lists the years, months or days that have rows with SELECT DISTINCT over every matching row,
    which grows with the table; this offers every period between the first and the last matching date.
    """

    def __init__(self, queryset, field_name):
        self.queryset = queryset
        self.field_name = field_name

    @cached_property
    def bounds(self):
        found = self.queryset.aggregate(first=Min(self.field_name), last=Max(self.field_name))
        return {key: timezone.localtime(value) if value else None for key, value in found.items()}

    def aggregate(self, **aggregates):
        # Django asks only for the first and last date (as "first" and "last").
        return self.bounds

    def datetimes(self, field_name, kind):
        first, last = self.bounds["first"], self.bounds["last"]
        if first is None or last is None:
            return []
        if kind == "year":
            return [datetime.date(year, 1, 1) for year in range(first.year, last.year + 1)]
        if kind == "month":
            months = range(first.year * 12 + first.month - 1, last.year * 12 + last.month)
            return [datetime.date(month // 12, month % 12 + 1, 1) for month in months]
        days = (last.date() - first.date()).days
        return [first.date() + datetime.timedelta(days=offset) for offset in range(days + 1)]

    dates = datetimes


def calendar_hierarchy(changelist):
    """Django's date_hierarchy context for ``changelist``, with periods from CalendarSpan."""
    view = copy.copy(changelist)
    view.queryset = CalendarSpan(changelist.queryset, changelist.date_hierarchy)
    return date_hierarchy(view)
