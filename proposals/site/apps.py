"""The public site's app: installed for its template tags."""
from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "proposals.site"
    label = "proposals_site"
