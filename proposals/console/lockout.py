"""Staff login lockout: django-axes counting failures per username and address, and per address alone."""
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.db.models import Sum


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit of its own for an address's failures across usernames.

    Axes compares the largest count of any parameter set with one limit (AXES_FAILURE_LIMIT). One username
    from one address keeps that limit; an address trying many usernames (password spraying) is locked at
    PARLREFORM_LOGIN_ADDRESS_FAILURE_LIMIT, higher so that a few typing mistakes behind an office's shared
    address do not lock its colleagues out.
    """

    def get_failures(self, request, credentials=None):
        # One count per AXES_LOCKOUT_PARAMETERS entry, in its order: [["username", "ip_address"], "ip_address"].
        per_pair, per_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if per_address >= settings.PARLREFORM_LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(per_pair, get_failure_limit(request, credentials))
        return per_pair
