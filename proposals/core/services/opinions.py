"""The analyst's expert opinion: each save adds a version, with a staff-only event."""
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.core import workflow
from proposals.core.models import Consistency, ExpertOpinion, Recommendation
from proposals.core.services.base import WorkflowError, check_actor, lock, record_event
from proposals.core.workflow import Action, NotAcceptedReason

ARTICLES_MAX = ExpertOpinion._meta.get_field("articles").max_length
OPINION_FIELDS = ("recommendation", "reason", "reasoning", "articles", "consistency", "consistency_comment")


def opinion_write(*, proposal, author, recommendation, reasoning, consistency, reason="", articles="",
                  consistency_comment="", at=None):
    """Save a new version of the expert opinion on ``proposal``; earlier versions stay as they were.

    Needs the triage permission. ``reason`` (a NotAcceptedReason) is required with "do not accept" and refused
    otherwise; ``reasoning`` must not be empty; ``articles`` is free text for now (one line). Locks the proposal, so two
    analysts saving at once get consecutive versions; writes one event (``write_opinion``, never public) naming the
    version. Returns the new ExpertOpinion. Raises WorkflowError and saves nothing if any of this fails.
    """
    reasoning = (reasoning or "").strip()
    at = at or timezone.now()
    with transaction.atomic():
        locked = lock(proposal)
        check_actor(author, workflow.TRIAGE)
        if recommendation not in Recommendation.values:
            raise WorkflowError(_("Choose a recommendation."), "recommendation_required")
        if recommendation == Recommendation.DO_NOT_ACCEPT and reason not in NotAcceptedReason.values:
            raise WorkflowError(_("Choose the reason not to accept the proposal."), "reason_required")
        if recommendation != Recommendation.DO_NOT_ACCEPT:
            reason = ""
        if not reasoning:
            raise WorkflowError(_("Write the legal reasoning."), "reasoning_required")
        if consistency not in Consistency.values:
            raise WorkflowError(_("Choose how the proposal stands with the Constitution."), "consistency_required")
        articles = " ".join((articles or "").split())
        if len(articles) > ARTICLES_MAX:
            raise WorkflowError(
                _("Name the articles in at most %(max)d characters.") % {"max": ARTICLES_MAX}, "invalid"
            )
        latest = locked.opinions.aggregate(latest=Max("version"))["latest"] or 0
        opinion = ExpertOpinion.objects.create(
            proposal=locked, version=latest + 1, recommendation=recommendation, reason=reason, reasoning=reasoning,
            articles=articles, consistency=consistency, consistency_comment=(consistency_comment or "").strip(),
            author=author, created_at=at,
        )
        note = f"v{opinion.version}: {recommendation}" + (f" ({reason})" if reason else "")
        record_event(locked, Action.WRITE_OPINION, author, locked.state, locked.state, note=note, at=at)
    return opinion


def latest_opinion(proposal):
    """The newest version of the expert opinion on ``proposal`` (with its author), or None."""
    return proposal.opinions.select_related("author").order_by("-version").first()
