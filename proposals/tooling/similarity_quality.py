"""The similarity's quality on the labelled sample tests/data/idea_pairs.json: precision and recall per tier.

Two tiers, as the idea desk uses them: "copy" (copy score at or above COPY_THRESHOLD: a campaign letter's exact or
edited copy, confirmed in one step) and "idea" (the same proposal in other words: idea score at or above
IDEA_THRESHOLD). Measured on the pairs one by one, and on the suggested ideas themselves: every text of the sample
clustered at once, a pair counted as suggested together when both texts land in one cluster.
"""
import json
from dataclasses import dataclass
from pathlib import Path

from proposals.core.similarity import Scored, score
from proposals.core.similarity.clustering import cluster
from proposals.core.similarity.scores import COPY_THRESHOLD, IDEA_THRESHOLD

SAMPLE = Path(__file__).resolve().parents[2] / "tests" / "data" / "idea_pairs.json"
COPIES = ("exact", "edited")
SAME = ("exact", "edited", "paraphrase")
KINDS = ("exact", "edited", "paraphrase", "same_topic", "unrelated")


@dataclass
class Tier:
    """Precision and recall of one tier: ``predicted`` pairs, of which ``correct``; ``found`` of ``relevant``."""

    predicted: int
    correct: int
    found: int
    relevant: int

    @property
    def precision(self):
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self):
        return self.found / self.relevant if self.relevant else 1.0


def load(path=SAMPLE):
    return json.loads(Path(path).read_text(encoding="utf-8"))["pairs"]


def matches(pairs):
    """[(pair, Match)]: every pair scored."""
    cache = {}

    def scored(text):
        if text not in cache:
            cache[text] = Scored(text)
        return cache[text]

    return [(pair, score(scored(pair["a"]), scored(pair["b"]))) for pair in pairs]


def tiers(labelled, copy_threshold=COPY_THRESHOLD, idea_threshold=IDEA_THRESHOLD):
    """(copy Tier, idea Tier) of [(kind, Match)] at the thresholds.

    copy: predicted when the copy score reaches its threshold; correct when exact or edited; recall over exact and
    edited pairs. idea: predicted when the idea score reaches its threshold and the pair is not already a copy;
    correct when the pair proposes the same (exact, edited or paraphrase); recall over the paraphrases.
    """
    copy_predicted = copy_correct = idea_predicted = idea_correct = idea_found = 0
    copies = sum(1 for kind, _match in labelled if kind in COPIES)
    paraphrases = sum(1 for kind, _match in labelled if kind == "paraphrase")
    for kind, match in labelled:
        if match.copy >= copy_threshold:
            copy_predicted += 1
            copy_correct += kind in COPIES
        elif match.idea >= idea_threshold:
            idea_predicted += 1
            idea_correct += kind in SAME
            idea_found += kind == "paraphrase"
    copy_found = copy_correct
    return (
        Tier(copy_predicted, copy_correct, copy_found, copies),
        Tier(idea_predicted, idea_correct, idea_found, paraphrases),
    )


def pairwise(pairs=None, **thresholds):
    pairs = load() if pairs is None else pairs
    return tiers([(pair["kind"], match) for pair, match in matches(pairs)], **thresholds)


def clustered(pairs=None):
    """(copy Tier, idea Tier) of the suggested ideas: the sample's texts clustered together, a pair predicted when
    both texts are in one cluster (copy tier: both matched their leader as copies)."""
    pairs = load() if pairs is None else pairs
    texts = sorted({pair["a"] for pair in pairs} | {pair["b"] for pair in pairs})
    index = {text: number for number, text in enumerate(texts)}
    home = {}
    for found in cluster(list(enumerate(texts))):
        for member, match in found.members:
            home[member] = (found.leader, match.copy >= COPY_THRESHOLD or member == found.leader)
    copy_predicted = copy_correct = idea_predicted = idea_correct = idea_found = 0
    for pair in pairs:
        a, b = home.get(index[pair["a"]]), home.get(index[pair["b"]])
        if a is None or b is None or a[0] != b[0]:
            continue
        if index[pair["a"]] == index[pair["b"]] or (a[1] and b[1]):
            copy_predicted += 1
            copy_correct += pair["kind"] in COPIES
        else:
            idea_predicted += 1
            idea_correct += pair["kind"] in SAME
            idea_found += pair["kind"] == "paraphrase"
    copies = sum(1 for pair in pairs if pair["kind"] in COPIES)
    paraphrases = sum(1 for pair in pairs if pair["kind"] == "paraphrase")
    return (
        Tier(copy_predicted, copy_correct, copy_correct, copies),
        Tier(idea_predicted, idea_correct, idea_found, paraphrases),
    )


def curve(pairs=None, steps=20):
    """[(threshold, copy Tier, idea Tier)]: both thresholds moved together from 0.05 to 1.0 in ``steps``, for the
    report; the idea tier's threshold alone moved, at the chosen copy threshold."""
    pairs = load() if pairs is None else pairs
    labelled = [(pair["kind"], match) for pair, match in matches(pairs)]
    rows = []
    for step in range(1, steps + 1):
        threshold = step / steps
        copy_tier, _idea = tiers(labelled, copy_threshold=threshold)
        _copy, idea_tier = tiers(labelled, idea_threshold=threshold)
        rows.append((threshold, copy_tier, idea_tier))
    return rows
