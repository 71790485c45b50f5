"""URL map: language-prefixed pages (the prefix alone sets their language), unprefixed admin, API and health check."""
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from proposals.site import views

handler500 = "proposals.site.views.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("api/", include("proposals.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("proposals.site.urls")),
    prefix_default_language=True,
)
