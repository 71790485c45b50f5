"""Counters of the rate limiter's database backend."""
from django.db import models


class RateCounter(models.Model):
    """Uses of a rate-limited scope in one window, or a claimed one-time value (rows of proposals.core.infra.ratelimit).

    Not in the database cache: its incr is a read then a write, so racing requests lose counts.
    """

    key = models.CharField(max_length=120, primary_key=True)
    uses = models.PositiveIntegerField(default=0)
    # Unix time after which the row counts for nothing (and may be deleted).
    expires = models.BigIntegerField(db_index=True)

    def __str__(self):
        return self.key
