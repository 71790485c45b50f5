"""Grouping many texts into suggested ideas: star clusters around a leader that every member is like. Pure.

Each member is compared with its leader (the text the idea is read against), never only with another member, so
one paraphrase cannot chain two different proposals together as single-link clustering would. Exact copies (equal
content words) are grouped before anything is compared, so a campaign of thousands costs what one letter does.
"""
from collections import defaultdict
from dataclasses import dataclass, field

from proposals.core.similarity.scores import Match, Scored, score
from proposals.core.similarity.sketch import band_keys

# Texts sharing a band key are compared; in a bucket larger than this, each text is compared with its first
# BUCKET_PIVOTS texts only (a key shared by thousands is a campaign, and its first texts stand for it).
BUCKET_PIVOTS = 40


@dataclass
class Cluster:
    """A suggested idea: its leader's id and its members [(id, Match with the leader)], the leader first."""

    leader: object
    members: list = field(default_factory=list)


def cluster(items, *, leaders=()):
    """Star clusters of ``items``, [(id, text or Scored)], and ``leaders``, [(id, text or Scored)] that lead
    any cluster they are in (existing ideas). Returns [Cluster] of two or more texts, or of a leader given and one
    text at least, largest first; a text is in one cluster at most.
    """
    scored = {}
    for item_id, text in [*leaders, *items]:
        scored[item_id] = text if isinstance(text, Scored) else Scored(text)
    fixed = [item_id for item_id, _text in leaders]
    # Exact copies: one representative each; its copies follow it.
    copies = defaultdict(list)
    representative = {}
    for item_id, text in scored.items():
        signature = tuple(text.words)
        if not signature:
            continue
        if signature in representative and item_id not in fixed:
            copies[representative[signature]].append(item_id)
        else:
            representative.setdefault(signature, item_id)
    copy_ids = {copy for group in copies.values() for copy in group}
    heads = [item_id for item_id in scored if scored[item_id].words and item_id not in copy_ids]
    edges = _edges(heads, scored)
    # Leaders first, then the texts with the most neighbours (and copies), earliest first among equals.
    weight = {item_id: len(edges[item_id]) + len(copies[item_id]) for item_id in heads}
    fixed_set = set(fixed)
    order = fixed + sorted(
        (item_id for item_id in heads if item_id not in fixed_set),
        key=lambda item_id: (-weight[item_id], _key(item_id)),
    )
    taken = set()
    clusters = []
    for leader in order:
        if leader in taken:
            continue
        members = [(leader, Match(1.0, 1.0))]
        members += [(copy, Match(1.0, 1.0)) for copy in copies[leader]]
        for other, match in sorted(edges[leader].items(), key=lambda item: (-item[1].copy, -item[1].idea)):
            if other in taken or other in fixed_set:
                continue
            members.append((other, match))
            members += [(copy, match) for copy in copies[other]]
        if len(members) < 2:
            continue
        taken.update(member for member, _match in members)
        clusters.append(Cluster(leader=leader, members=members))
    clusters.sort(key=lambda item: -len(item.members))
    return clusters


def _key(item_id):
    return (str(type(item_id)), item_id)


def _edges(heads, scored):
    """{id: {other id: Match}} for the pairs that share a band key and match (a copy or the same idea)."""
    buckets = defaultdict(list)
    for item_id in heads:
        for key in band_keys(words=scored[item_id].words):
            buckets[key].append(item_id)
    edges = defaultdict(dict)
    for bucket in buckets.values():
        if len(bucket) < 2:
            continue
        pivots = bucket[:BUCKET_PIVOTS]
        for index, item_id in enumerate(bucket):
            others = pivots[:index] if index < len(pivots) else pivots
            for other in others:
                if other in edges[item_id]:
                    continue
                match = score(scored[item_id], scored[other])
                if match.kind:
                    edges[item_id][other] = match
                    edges[other][item_id] = match
    return edges
