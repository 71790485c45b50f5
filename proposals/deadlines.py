"""Working-day deadlines of the appeals practice: acknowledge within 3, decide within 15 working days."""
import datetime

from django.conf import settings
from django.utils import timezone


def add_working_days(start, days, holidays=frozenset()):
    """The date ``days`` working days after ``start``, skipping weekends and ``holidays``."""
    current = start
    remaining = days
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
            remaining -= 1
    return current


def due_dates(received_at, holidays=frozenset()):
    """(acknowledge by, decide by) for a proposal received at ``received_at``."""
    received_on = timezone.localdate(received_at)
    return (
        add_working_days(received_on, settings.PARLREFORM_ACKNOWLEDGE_WORKING_DAYS, holidays),
        add_working_days(received_on, settings.PARLREFORM_DECIDE_WORKING_DAYS, holidays),
    )
