"""Open data's addresses (mounted at /api/, without a language prefix: the language is the lang parameter)."""
from django.urls import path

from proposals.api import articles, ideas, points, views

urlpatterns = [
    path("proposals.json", views.proposals_json, name="api_json"),
    path("proposals.csv", views.proposals_csv, name="api_csv"),
    path("points.json", points.points_json, name="api_points_json"),
    path("points.csv", points.points_csv, name="api_points_csv"),
    path("ideas.json", ideas.ideas_json, name="api_ideas_json"),
    path("articles.json", articles.articles_json, name="api_articles_json"),
    path("articles.csv", articles.articles_csv, name="api_articles_csv"),
]
