"""App configuration: migrate without the web's statement timeout, the cache table, the console's admin site."""
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_table(using="default", **kwargs):
    # The shared cache (rate limits) lives in the database unless Redis is configured;
    # creating its table here means `migrate` is the only set-up step a deployment needs.
    from django.conf import settings
    from django.core.management import call_command

    if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
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


class StaffAdminConfig(admin_apps.AdminConfig):
    """The admin, served by the staff console's site (two-factor authentication in production)."""

    default = False
    default_site = "proposals.admin_site.StaffAdminSite"


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = _("Reform proposals")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_save

        from proposals import reference_version
        from proposals.search import register_sqlite_functions
        from proposals.selectors import bump_public_version

        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="proposals_create_cache_table")
        pre_migrate.connect(lift_statement_timeout, sender=self, dispatch_uid="proposals_lift_statement_timeout")
        post_migrate.connect(
            restore_statement_timeout, sender=self, dispatch_uid="proposals_restore_statement_timeout"
        )
        # Any saved proposal may change what the public sees: cached public figures start afresh.
        post_save.connect(bump_public_version, sender="proposals.Proposal", dispatch_uid="proposals_public_version")
        # A saved category, region, party, user or group may change the lists that pages offer; so may a
        # data migration (after the cache table exists).
        reference_version.connect_signals()
        post_migrate.connect(reference_version.bump, sender=self, dispatch_uid="proposals_reference_version")
        connection_created.connect(register_sqlite_functions, dispatch_uid="proposals_sqlite_functions")
