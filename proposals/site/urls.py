"""Public pages of the proposals app (mounted under a language prefix)."""
from django.urls import path

from proposals.site import constitution, notifications, views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("submit/", views.SubmitView.as_view(), name="submit"),
    path("submit/receipt/", views.ReceiptView.as_view(), name="receipt"),
    path("track/", views.TrackView.as_view(), name="track"),
    path("track/link/<str:token>/", views.StatusLinkView.as_view(), name="status_link"),
    path("track/<str:code>/", views.StatusView.as_view(), name="status"),
    path("track/<str:code>/withdraw/", views.WithdrawView.as_view(), name="withdraw"),
    path("track/<str:code>/updates/", notifications.NotificationsSwitchView.as_view(), name="notifications_switch"),
    path("updates/off/<str:token>/", notifications.UnsubscribeView.as_view(), name="notifications_unsubscribe"),
    path("proposals/", views.RegisterView.as_view(), name="register"),
    path("proposals/<str:code>/", views.ProposalDetailView.as_view(), name="proposal_detail"),
    path("stats/", views.StatisticsView.as_view(), name="statistics"),
    path("data/", views.OpenDataView.as_view(), name="open_data"),
    path("constitution/", constitution.ConstitutionView.as_view(), name="constitution"),
    path("constitution/<str:number>/", constitution.ArticleView.as_view(), name="constitution_article"),
]
