"""The likely twins and likely ideas of a point: band keys read from the index, then scored on the texts.

The cost is bounded whatever the table's size: each of the point's BANDS keys reads at most PER_KEY index entries
(the newest), so a campaign of ten thousand copies costs what one of two hundred does.
"""
from collections import Counter
from dataclasses import dataclass

from django.db import connection

from proposals.core.ideas.texts import MEMBER_STATES, point_text
from proposals.core.models import Idea, IdeaCandidate, IdeaKey, IdeaMembership, Point, PointKey
from proposals.core.models.ideas import CandidateStatus
from proposals.core.similarity import Scored, band_keys, score

PER_KEY = 200
# Points scored on their texts, of those sharing the most keys.
SCORED = 60
LIKELY = 10


@dataclass
class Likely:
    """What the search found: twins [(Point, Match)] and ideas [(Idea, Match, members found)], best first."""

    twins: list
    ideas: list


def key_hits(keys, exclude=(), per_key=PER_KEY, limit=SCORED, *, model=PointKey, column="point_id"):
    """[(id, keys shared)] of the points (or, with ``model`` IdeaKey and ``column`` "idea_id", the ideas) sharing
    most of ``keys``, at most ``limit``, read as one statement: per key an index range of at most ``per_key``
    entries, newest first (a UNION ALL of limited subqueries, the same SQL on PostgreSQL and SQLite), never the ids
    in ``exclude``."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return []
    table = model._meta.db_table
    excluded = "AND {} NOT IN ({})".format(column, ", ".join(["%s"] * len(exclude))) if exclude else ""
    branch = (
        f"SELECT {column} FROM (SELECT {column} FROM {table} WHERE key = %s {excluded} "
        f"ORDER BY {column} DESC LIMIT %s) k{{}}"
    )
    union = " UNION ALL ".join(branch.format(number) for number in range(len(keys)))
    params = [value for key in keys for value in (key, *exclude, per_key)]
    sql = (
        f"SELECT {column}, COUNT(*) AS shared FROM ({union}) hits "
        f"GROUP BY {column} ORDER BY shared DESC, {column} DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return cursor.fetchall()


def likely_for_text(text, *, exclude_point=None, exclude_proposal=None, limit=LIKELY):
    """The Likely twins and ideas of a text (a new proposal's, or a point's), never in ``exclude_proposal``."""
    own = Scored(text)
    keys = band_keys(words=own.words)
    hits = key_hits(keys, exclude=() if exclude_point is None else (exclude_point,))
    points = (
        Point.objects.filter(pk__in=[pk for pk, _shared in hits], proposal__state__in=MEMBER_STATES)
        .exclude(proposal=exclude_proposal)
        .select_related("proposal", "proposal__region", "idea_membership__idea")
        .only(
            "number", "text", "proposal__title", "proposal__text", "proposal__tracking_code", "proposal__state",
            "proposal__submitter_kind", "proposal__region__name_kk", "proposal__region__name_ru",
            "proposal__region__name_en", "proposal__received_at", "idea_membership__apart",
            "idea_membership__idea",
        )
    )
    twins = []
    for point in points:
        match = score(own, Scored(point_text(point)))
        if match.kind:
            twins.append((point, match))
    twins.sort(key=lambda item: (-item[1].copy, -item[1].idea, item[0].proposal.received_at, item[0].pk))
    return Likely(twins=twins[:limit], ideas=_ideas_of(own, keys, twins, limit))


def _ideas_of(own, keys, twins, limit):
    """The ideas whose own text shares keys with ``own`` and those the twins belong to (confirmed, or suggested
    to), each scored on its own text; ordered by the twins in them, then by that score."""
    ids = Counter({idea_id: 0 for idea_id, _shared in key_hits(keys, model=IdeaKey, column="idea_id", limit=LIKELY)})
    for point, _match in twins:
        membership = membership_of(point)
        if membership is not None:
            ids[membership.idea_id] += 1
    suggested = IdeaCandidate.objects.filter(
        point__in=[point.pk for point, _match in twins], status=CandidateStatus.SUGGESTED
    ).values_list("idea_id", flat=True)
    for idea_id in suggested:
        ids[idea_id] += 1
    ideas = Idea.objects.current().filter(pk__in=list(ids)).only("text", "title_kk", "title_ru", "title_en",
                                                               "confirmed_at", "outcome")
    found = [(idea, score(own, Scored(idea.text)), ids[idea.pk]) for idea in ideas]
    # An idea found by its own keys only counts when its text matches.
    found = [item for item in found if item[2] or item[1].kind]
    found.sort(key=lambda item: (-item[2], -item[1].copy, -item[1].idea, item[0].pk))
    return found[:limit]


def membership_of(point):
    """The point's IdeaMembership, or None (read through select_related, no query)."""
    try:
        return point.idea_membership
    except IdeaMembership.DoesNotExist:
        return None


def likely_for_point(point, limit=LIKELY):
    """The Likely twins (in other proposals) and ideas of ``point``."""
    return likely_for_text(
        point_text(point), exclude_point=point.pk, exclude_proposal=point.proposal_id, limit=limit
    )
