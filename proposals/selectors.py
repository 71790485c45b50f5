"""Every page-level read of public data, built on Proposal.objects.public()."""
from django.core.cache import cache
from django.db.models import Count, Q

from proposals.models import PUBLIC, Proposal
from proposals.workflow import State

HOME_FIGURES_TTL = 60


def home_figures():
    """Key figures for the home page: received, published, decisions released. Cached for a minute."""
    figures = cache.get("home_figures")
    if figures is None:
        figures = Proposal.objects.aggregate(
            received=Count("pk", filter=~Q(state=State.SPAM)),
            published=Count("pk", filter=PUBLIC),
            decided=Count("pk", filter=PUBLIC & Q(decision_released_at__isnull=False)),
        )
        cache.set("home_figures", figures, HOME_FIGURES_TTL)
    return figures


def latest_public(limit=5):
    """The most recently received published proposals, with what a list row shows."""
    return list(Proposal.objects.public().with_related()[:limit])
