"""Public pages of the proposals app (mounted under a language prefix); public() marks what anyone may cache."""
from django.urls import path

from proposals.core.infra.http_cache import public
from proposals.site import constitution, notifications, views

urlpatterns = [
    path("", public(views.HomeView.as_view()), name="home"),
    path("submit/", views.SubmitView.as_view(), name="submit"),
    path("submit/receipt/", views.ReceiptView.as_view(), name="receipt"),
    path("track/", views.TrackView.as_view(), name="track"),
    path("track/link/<str:token>/", views.StatusLinkView.as_view(), name="status_link"),
    path("track/<str:code>/", views.StatusView.as_view(), name="status"),
    path("track/<str:code>/withdraw/", views.WithdrawView.as_view(), name="withdraw"),
    path("track/<str:code>/updates/", notifications.NotificationsSwitchView.as_view(), name="notifications_switch"),
    path("updates/off/<str:token>/", notifications.UnsubscribeView.as_view(), name="notifications_unsubscribe"),
    path("proposals/", public(views.RegisterView.as_view()), name="register"),
    path("proposals/<str:code>/", public(views.ProposalDetailView.as_view()), name="proposal_detail"),
    path("ideas/<int:pk>/", public(views.IdeaDetailView.as_view()), name="idea_detail"),
    path("stats/", public(views.StatisticsView.as_view()), name="statistics"),
    path("data/", public(views.OpenDataView.as_view()), name="open_data"),
    path("constitution/", public(constitution.ConstitutionView.as_view()), name="constitution"),
    path("constitution/<str:number>/", public(constitution.ArticleView.as_view()), name="constitution_article"),
]
