"""The core app, labelled "proposals" as before the rooms: migrations without a statement timeout, the cache table."""
from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_table(using="default", **kwargs):
    # The shared caches (figures, counts, rendered pages) live in the database unless Redis is configured;
    # creating its table here means `migrate` is the only set-up step a deployment needs.
    from django.conf import settings
    from django.core.management import call_command

    if any(cache["BACKEND"].endswith("DatabaseCache") for cache in settings.CACHES.values()):
        call_command("createcachetable", database=using, verbosity=0)


def lift_statement_timeout(using="default", **kwargs):
    # Web requests get a statement timeout; building an index on a large table during `migrate` must not.
    from django.db import connections

    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")


def restore_statement_timeout(using="default", **kwargs):
    from django.db import connections

    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("RESET statement_timeout")


class ProposalsConfig(AppConfig):
    # The label the app had when it was the whole package: table names, migration records, content types and
    # permission codenames ("proposals.triage_proposal") stay as they are, so a database needs no migration.
    name = "proposals.core"
    label = "proposals"
    verbose_name = _("Reform proposals")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_delete, post_save

        from proposals.core.infra import reference_version
        from proposals.core.search import register_sqlite_functions
        from proposals.core.selectors import bump_public_version

        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="proposals_create_cache_table")
        pre_migrate.connect(lift_statement_timeout, sender=self, dispatch_uid="proposals_lift_statement_timeout")
        post_migrate.connect(
            restore_statement_timeout, sender=self, dispatch_uid="proposals_restore_statement_timeout"
        )
        # Any saved proposal may change what the public sees: cached public figures start afresh.
        post_save.connect(bump_public_version, sender="proposals.Proposal", dispatch_uid="proposals_public_version")
        # The Constitution's pages show the articles and sections: a staff edit of one renews them too.
        # An idea's page and the lists of ideas read the idea: each of its services saves it.
        for sender in ("proposals.Article", "proposals.Section", "proposals.Idea"):
            post_save.connect(bump_public_version, sender=sender, dispatch_uid=f"public_version_save_{sender}")
            post_delete.connect(bump_public_version, sender=sender, dispatch_uid=f"public_version_delete_{sender}")
        # A saved category, region or party may change the register form's lists; so may a
        # data migration (after the cache table exists).
        reference_version.connect_signals()
        post_migrate.connect(reference_version.bump, sender=self, dispatch_uid="proposals_reference_version")
        connection_created.connect(register_sqlite_functions, dispatch_uid="proposals_sqlite_functions")
