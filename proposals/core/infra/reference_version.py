"""One version for the rarely changed lists that the register's filter form offers: categories, regions, parties.

A save or deletion of one of them (or a migration) bumps it; the remembered form names the version, so it is never
stale.
"""
from django.db import transaction

from proposals.core.infra import versioned_cache

VERSION_KEY = "reference_version"
SENDERS = ("proposals.Category", "proposals.Region", "proposals.Party")


def current():
    """The version in force (one cache read)."""
    return versioned_cache.current(VERSION_KEY)


def bump(sender=None, **kwargs):
    """Signal receiver: a change that may alter one of the lists (or a migration, which sends no save signals)."""
    versioned_cache.bump(VERSION_KEY)
    # Again once the change is committed: a page read in between saw the old rows under the new version.
    transaction.on_commit(lambda: versioned_cache.bump(VERSION_KEY))


def connect_signals():
    """Bump the version on every save or deletion of a listed object."""
    from django.db.models.signals import post_delete, post_save

    for sender in SENDERS:
        post_save.connect(bump, sender=sender, dispatch_uid=f"reference_version_save_{sender}")
        post_delete.connect(bump, sender=sender, dispatch_uid=f"reference_version_delete_{sender}")
