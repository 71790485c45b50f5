"""The staff console's admin site (apart from admin.py, which registers on it: no import cycle)."""
from django.conf import settings
from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import path
from django.utils.functional import SimpleLazyObject
from django_otp.admin import OTPAdminAuthenticationForm


class StaffAdminSite(admin.AdminSite):
    """Django's admin site; when PARLREFORM_REQUIRE_2FA is on (production), only TOTP-verified staff get in."""

    # The work queue's ten columns get the whole width; the other registers are one click away under "Home".
    enable_nav_sidebar = False

    @property
    def login_form(self):
        return OTPAdminAuthenticationForm if settings.PARLREFORM_REQUIRE_2FA else None

    @property
    def login_template(self):
        return "otp/admin111/login.html" if settings.PARLREFORM_REQUIRE_2FA else None

    def get_app_list(self, request, app_label=None):
        # Every admin page's context carries it for the navigation sidebar, which is off: built (about forty
        # permission checks) only when a page reads it, as the index does.
        build = super().get_app_list
        return SimpleLazyObject(lambda: build(request, app_label))

    def get_urls(self):
        # The index of every register stays one link away ("All registers") once the home page is the queue.
        return [path("registers/", self.admin_view(self.registers), name="registers"), *super().get_urls()]

    def index(self, request, extra_context=None):
        """The console's home is the work queue (signing in lands there too); others get the admin's index."""
        from proposals.console.filters import landing_url  # the queue registers on this site: import when used
        from proposals.core.models import Proposal

        model_admin = self._registry.get(Proposal)
        if model_admin is not None and model_admin.has_view_permission(request):
            return HttpResponseRedirect(landing_url(request, model_admin.get_queryset(request)))
        return super().index(request, extra_context)

    def registers(self, request, extra_context=None):
        """The admin's own index: every register this user may see."""
        return super().index(request, extra_context)

    def has_permission(self, request):
        allowed = super().has_permission(request)
        if allowed and settings.PARLREFORM_REQUIRE_2FA:
            return request.user.is_verified()
        return allowed
