"""Values in the shared cache tagged with a version: bumping the version makes every value tagged before it stale.

Not Django's own cache versions (``version=``): those need the version read first and the value then, two reads
(two queries with the database cache) where get_many reads both at once.
"""
import uuid

from django.core.cache import cache


def bump(version_key):
    """A new version: every value cached under ``version_key`` is computed again on its next read."""
    cache.set(version_key, uuid.uuid4().hex, None)


def current(version_key):
    """The version now in force under ``version_key`` (one is made if the cache holds none)."""
    version = cache.get(version_key)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(version_key, version, None):
            version = cache.get(version_key, version)  # another request made one first
    return version


def current_many(version_keys):
    """The versions in force under ``version_keys``, in order: one cache read (plus an add for each one missing)."""
    found = cache.get_many(version_keys)
    versions = []
    for key in version_keys:
        version = found.get(key)
        if version is None:
            version = uuid.uuid4().hex
            if not cache.add(key, version, None):
                version = cache.get(key, version)  # another request made one first
        versions.append(version)
    return versions


def cached(version_key, key, compute, ttl):
    """``compute()``, cached under ``key`` and tagged with the version; one cache read when it is fresh.

    A value computed while the version changes is stored under the old tag, so the next read recomputes.
    """
    found = cache.get_many([version_key, key])
    version, entry = found.get(version_key), found.get(key)
    if version is not None and entry is not None and entry[0] == version:
        return entry[1]
    if version is None:
        version = uuid.uuid4().hex
        cache.add(version_key, version, None)
    value = compute()
    cache.set(key, (version, value), ttl)
    return value
