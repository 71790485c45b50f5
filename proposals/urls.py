"""Public pages of the proposals app (mounted under a language prefix)."""
from django.urls import path

from proposals import views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
]
