"""The staff console: a triage tool on the Django admin (registrations live in the modules imported here)."""
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from proposals.console import answers, notifications, proposal, reference  # noqa: F401
from proposals.console.ideas import admin as ideas  # noqa: F401

admin.site.site_header = _("Parliamentary reform proposals: staff console")
admin.site.site_title = _("Staff console")
admin.site.index_title = _("Triage of proposals")
