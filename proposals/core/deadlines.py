"""Working-day deadlines of the appeals practice: acknowledge within 3, decide within 15 working days.

Weekends and the staff-edited holiday calendar (Holiday) are not working days.
"""
import datetime

from django.conf import settings
from django.utils import timezone

# Far enough to cover any deadline plus an extension, so one query fetches every holiday that matters.
HOLIDAY_HORIZON_DAYS = 120


def add_working_days(start, days, holidays=frozenset()):
    """The date ``days`` working days after ``start``, skipping weekends and ``holidays``."""
    current = start
    remaining = days
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
            remaining -= 1
    return current


def holidays_from(start):
    """The calendar's holidays from ``start`` over the horizon, as a set of dates (one query)."""
    from proposals.core.models import Holiday

    end = start + datetime.timedelta(days=HOLIDAY_HORIZON_DAYS)
    return set(Holiday.objects.filter(date__gt=start, date__lte=end).values_list("date", flat=True))


def due_dates(received_at):
    """(acknowledge by, decide by) for a proposal received at ``received_at``."""
    received_on = timezone.localdate(received_at)
    holidays = holidays_from(received_on)
    return (
        add_working_days(received_on, settings.PARLREFORM_ACKNOWLEDGE_WORKING_DAYS, holidays),
        add_working_days(received_on, settings.PARLREFORM_DECIDE_WORKING_DAYS, holidays),
    )


def extended(due, working_days):
    """``due`` moved ``working_days`` working days later."""
    return add_working_days(due, working_days, holidays_from(due))
