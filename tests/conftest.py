"""Shared fixtures: reference data, a user per role, and a marker for PostgreSQL-only tests."""
import pytest
from django.core.management import call_command
from django.db import connection

from proposals.core.articles import ensure_structure
from proposals.core.infra import reference_version, versioned_cache
from tests.factories import make_user


def pytest_configure(config):
    from django.conf import settings

    # Real password hashing costs ~0.1 s per user; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL=postgres://...)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def load_reference_data():
    """Categories, regions and parties, as the fixtures define them, and the Constitution's structure."""
    call_command("loaddata", "categories", "regions", "parties", verbosity=0)
    # The migration loads the Constitution's structure; a flushed database (browser tests) needs it again.
    ensure_structure()
    # A hyphenated article as staff add one (the shipped structure numbers 1 to 98 only).
    from proposals.core.models import Article, Section

    Article.objects.get_or_create(number="50-1", defaults={"section": Section.objects.get(number=4)})


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database with the reference data committed once: each test's transaction rolls back to it."""
    with django_db_blocker.unblock():
        load_reference_data()


def is_transactional(request):
    marker = request.node.get_closest_marker("django_db")
    transaction = bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    return transaction or bool({"transactional_db", "live_server"} & set(request.fixturenames))


@pytest.fixture(autouse=True)
def reference_data(request):
    """The reference data in every test that uses the database.

    A test in a transaction finds what the session committed (``django_db_setup`` above); a transactional test may
    follow another one's flush (pytest-django runs them after the others), so it loads the data again (loaddata
    updates rows that are there).
    """
    uses_db = request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(request.fixturenames)
    if not uses_db:
        return
    request.getfixturevalue("_django_db_helper")
    if is_transactional(request):
        load_reference_data()
    else:
        # A new reference version, as loading the data in the test did: the pages and fragments a process keeps in
        # memory are keyed by it, so none rendered in an earlier test is served in this one.
        versioned_cache.bump(reference_version.VERSION_KEY)


@pytest.fixture(autouse=True)
def fresh_redis_cache(settings):
    """With REDIS_URL set, each test starts with an empty cache, as the database cache does by rolling back."""
    if settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        from django.core.cache import cache

        cache.clear()


@pytest.fixture
def analyst(db):
    return make_user("analyst")


@pytest.fixture
def lead(db):
    return make_user("lead")


@pytest.fixture
def wg_member(db):
    return make_user("working-group member")


@pytest.fixture
def is_postgres():
    return connection.vendor == "postgresql"
