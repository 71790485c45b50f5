"""The likely twins and likely ideas of a point: band keys read from the index, then scored on the texts.

The cost is bounded whatever the table's size: each of the point's BANDS keys reads at most PER_KEY index entries
(the newest), so a campaign of ten thousand copies costs what one of two hundred does.
"""
from collections import Counter
from dataclasses import dataclass

from django.db import connection

from proposals.core.ideas.texts import MEMBER_STATES, point_text
from proposals.core.models import Idea, IdeaCandidate, IdeaMembership, Point, PointKey
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


def key_hits(keys, exclude=(), per_key=PER_KEY, limit=SCORED):
    """[(point id, keys shared)] of the points sharing most of ``keys``, at most ``limit``, read as one statement:
    per key an index range of at most ``per_key`` entries, newest first (a UNION ALL of limited subqueries, the
    same SQL on PostgreSQL and SQLite)."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return []
    table = PointKey._meta.db_table
    branch = f"SELECT point_id FROM (SELECT point_id FROM {table} WHERE key = %s ORDER BY point_id DESC LIMIT %s) k{{}}"
    union = " UNION ALL ".join(branch.format(number) for number in range(len(keys)))
    params = [value for key in keys for value in (key, per_key)]
    excluded = ""
    if exclude:
        excluded = "WHERE point_id NOT IN ({})".format(", ".join(["%s"] * len(exclude)))
        params += list(exclude)
    sql = (
        f"SELECT point_id, COUNT(*) AS shared FROM ({union}) hits {excluded} "
        "GROUP BY point_id ORDER BY shared DESC, point_id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return cursor.fetchall()


def likely_for_text(text, *, exclude_point=None, exclude_proposal=None, limit=LIKELY):
    """The Likely twins and ideas of a text (a new proposal's, or a point's), never in ``exclude_proposal``."""
    own = Scored(text)
    hits = key_hits(band_keys(words=own.words), exclude=() if exclude_point is None else (exclude_point,))
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
    return Likely(twins=twins[:limit], ideas=_ideas_of(own, twins, limit))


def _ideas_of(own, twins, limit):
    """The ideas the twins belong to (confirmed, or suggested to), each scored on its own text."""
    ids = Counter()
    for point, _match in twins:
        membership = membership_of(point)
        if membership is not None:
            ids[membership.idea_id] += 1
    suggested = IdeaCandidate.objects.filter(
        point__in=[point.pk for point, _match in twins], status=CandidateStatus.SUGGESTED
    ).values_list("idea_id", flat=True)
    for idea_id in suggested:
        ids[idea_id] += 1
    if not ids:
        return []
    ideas = Idea.objects.current().filter(pk__in=list(ids)).only("text", "title_kk", "title_ru", "title_en",
                                                               "confirmed_at", "outcome")
    found = [(idea, score(own, Scored(idea.text)), ids[idea.pk]) for idea in ideas]
    found.sort(key=lambda item: (-item[2], -item[1].idea, item[0].pk))
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
