"""One version for the rarely changed lists that pages offer: categories, regions, parties and the triage staff.

A save, a deletion or a change of group membership or permissions bumps it; whatever is cached or remembered
from those lists names the version, so it is never stale.
"""
from django.conf import settings
from django.db import transaction

from proposals.core.infra import versioned_cache

VERSION_KEY = "reference_version"
SENDERS = ("proposals.Category", "proposals.Region", "proposals.Party", "auth.Group", settings.AUTH_USER_MODEL)


def current():
    """The version in force (one cache read)."""
    return versioned_cache.current(VERSION_KEY)


def bump(sender=None, update_fields=None, **kwargs):
    """Signal receiver: a change that may alter one of the lists (or a migration, which sends no save signals)."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # Every sign-in saves the user; no list shows it.
    versioned_cache.bump(VERSION_KEY)
    # Again once the change is committed: a page read in between saw the old rows under the new version.
    transaction.on_commit(lambda: versioned_cache.bump(VERSION_KEY))


def connect_signals():
    """Bump the version on every save or deletion of a listed object, user or group, and on membership changes."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for sender in SENDERS:
        post_save.connect(bump, sender=sender, dispatch_uid=f"reference_version_save_{sender}")
        post_delete.connect(bump, sender=sender, dispatch_uid=f"reference_version_delete_{sender}")
    for through in (get_user_model().groups.through, Group.permissions.through):
        m2m_changed.connect(bump, sender=through, dispatch_uid=f"reference_version_m2m_{through.__name__}")
