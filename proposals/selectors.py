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


def proposal_for_token(token):
    """The proposal a public form's one-time token created, or None."""
    if not token:
        return None
    return Proposal.objects.filter(submission_token=token).first()


def proposal_for_receipt(tracking_code):
    return Proposal.objects.select_related("category", "region").filter(tracking_code=tracking_code).first()


def proposal_for_submitter(tracking_code, email):
    """The proposal with this code and submitter email (case-insensitive), or None: the status lookup."""
    if not tracking_code or not email:
        return None
    return Proposal.objects.filter(tracking_code=tracking_code, email__iexact=email.strip()).first()


def submitter_status(tracking_code):
    """The proposal and its public timeline, for its submitter's status page; None if there is none."""
    proposal = (
        Proposal.objects.select_related("category", "region", "party")
        .filter(tracking_code=tracking_code)
        .first()
    )
    if proposal is None:
        return None
    return {"proposal": proposal, "timeline": list(proposal.events.public().order_by("created_at", "id"))}
