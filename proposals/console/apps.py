"""The console's app (its admin registrations, template tags and commands) and the admin app on the console's site."""
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class StaffAdminConfig(admin_apps.AdminConfig):
    """The admin, served by the staff console's site (two-factor authentication in production)."""

    default = False
    default_site = "proposals.console.admin_site.StaffAdminSite"


class ConsoleConfig(AppConfig):
    name = "proposals.console"
    label = "proposals_console"

    def ready(self):
        from django.contrib.auth.signals import user_logged_out

        from proposals.console.locks import release_on_sign_out

        user_logged_out.connect(release_on_sign_out, dispatch_uid="proposals.console.release_locks_on_sign_out")
