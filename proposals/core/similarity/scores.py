"""How alike two texts are: one score for copies of a letter, one for the same idea in other words.

The thresholds come from the precision-recall curves of the labelled sample tests/data/idea_pairs.json
(tests/test_similarity_quality.py asserts them; README, "Ideas", gives the figures).
"""
from dataclasses import dataclass, field
from functools import cached_property

from proposals.core.similarity.normalise import fingerprint, numbers, stems, tokens

# At or above: a copy of the same letter (exact or lightly edited), confirmed in one step.
COPY_THRESHOLD = 0.6
# At or above: the same idea, suggested to staff.
IDEA_THRESHOLD = 0.4


@dataclass
class Scored:
    """A text prepared once for many comparisons: its content words, their pairs, its numbers."""

    text: str
    words: list = field(init=False)

    def __post_init__(self):
        self.words = stems(self.text)

    @cached_property
    def word_set(self):
        return frozenset(self.words)

    @cached_property
    def pairs(self):
        """Consecutive content words: what a copy shares with its letter, and other words for the same idea do not."""
        return frozenset(zip(self.words, self.words[1:], strict=False)) or frozenset((word,) for word in self.words)

    @cached_property
    def numbers(self):
        return numbers(tokens(self.text))

    @cached_property
    def fingerprint(self):
        return fingerprint(self.text)


@dataclass(frozen=True)
class Match:
    copy: float
    idea: float

    @property
    def kind(self):
        return match_kind(self)


def _jaccard(a, b):
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _dice(a, b):
    total = len(a) + len(b)
    return 2 * len(a & b) / total if total else 0.0


def score(a, b):
    """The Match of two Scored texts: ``copy``, the Dice similarity of their pairs of consecutive content words;
    ``idea``, the Dice similarity of their content words. Both none when the texts name other quantities
    (quantity_conflict): the same letter with 100 deputies in one and 150 in the other is two proposals."""
    if a.words and a.words == b.words:
        return Match(1.0, 1.0)
    if quantity_conflict(a.numbers, b.numbers):
        return Match(0.0, 0.0)
    return Match(_dice(a.pairs, b.pairs), _dice(a.word_set, b.word_set))


def quantity_conflict(a, b):
    """Whether quantity sets ``a`` and ``b`` name different quantities: each has one the other lacks, and they share
    no more than they differ in. A quantity added on one side only (a local detail) is no conflict, nor is one
    changed in a long letter that keeps most of its figures (an edited copy's "десяти" for "восьми")."""
    only_a, only_b = a - b, b - a
    return bool(only_a and only_b) and len(a & b) <= max(len(only_a), len(only_b))


def match_kind(match):
    """"copy", "idea" or "" for a Match, by the thresholds above."""
    if match.copy >= COPY_THRESHOLD:
        return "copy"
    if match.idea >= IDEA_THRESHOLD:
        return "idea"
    return ""
