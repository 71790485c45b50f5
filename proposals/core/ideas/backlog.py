"""Clustering the whole backlog into suggested ideas: every point not yet in an idea or suggested to one, against
each other and against the current ideas' texts.

Run by `manage.py cluster_ideas` and by the console's button (as a task, tasks.cluster_backlog). Only suggestions
are written (services.ideas_suggest): staff confirm every member.
"""
import time
from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from proposals.core.ideas.texts import MEMBER_STATES
from proposals.core.models import CandidateStatus, Idea, IdeaCandidate, IdeaMembership, Point
from proposals.core.similarity import Scored
from proposals.core.similarity.clustering import cluster

CHUNK = 2000


@dataclass
class BacklogRun:
    points: int
    ideas_created: int
    suggestions: int
    seconds: float


def backlog():
    """The points waiting for an idea: in proposals being answered, in no idea, suggested to none."""
    member = IdeaMembership.objects.filter(point=OuterRef("pk"))
    suggested = IdeaCandidate.objects.filter(point=OuterRef("pk"), status=CandidateStatus.SUGGESTED)
    return (
        Point.objects.filter(proposal__state__in=MEMBER_STATES)
        .filter(~Exists(member), ~Exists(suggested))
        .order_by("pk")
    )


def _texts(queryset):
    """(point id, Scored, category id) of each point, read in chunks: the texts are not kept, only their words."""
    rows = queryset.values_list("pk", "text", "proposal__title", "proposal__text", "category_id")
    for pk, text, title, proposal_text, category_id in rows.iterator(chunk_size=CHUNK):
        yield pk, Scored(text or f"{title}\n{proposal_text}"), category_id


def cluster_backlog(*, actor=None, limit=None):
    """Suggest ideas for the backlog (at most ``limit`` points, oldest first): the BacklogRun of what was done."""
    from proposals.core.services.ideas import ideas_suggest

    started = time.perf_counter()
    queryset = backlog()
    if limit:
        queryset = queryset[:limit]
    items = []
    categories = {}
    for pk, scored, category_id in _texts(queryset):
        items.append((pk, scored))
        categories[pk] = category_id
    ideas = {("idea", idea.pk): idea for idea in Idea.objects.current().only("text")}
    leaders = [(key, Scored(idea.text)) for key, idea in ideas.items()]
    clusters = cluster(items, leaders=leaders)
    leader_points = Point.objects.select_related("proposal").in_bulk(
        [found.leader for found in clusters if found.leader not in ideas]
    )
    plan = []
    for found in clusters:
        leader = ideas.get(found.leader) or leader_points[found.leader]
        members = [(member, match) for member, match in found.members if member not in ideas]
        plan.append((leader, members))
    created, written = ideas_suggest(clusters=plan, actor=actor)
    return BacklogRun(len(items), created, written, time.perf_counter() - started)
