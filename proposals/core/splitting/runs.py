"""Plausible sequences ("runs") of one marker family: 1, 2, 3 / а, б, в / I, II / Во-первых, Во-вторых / • • •."""
from dataclasses import dataclass, field

from proposals.core.splitting.markers import KK_LETTERS, LATIN_LETTERS, RU_LETTERS, candidates

# Hostile text can hold hundreds of thousands of two-item runs; only the largest are weighed as the top level
# (and as its possible parents), which keeps the choice a bounded amount of work.
MAX_RUNS_WEIGHED = 200


@dataclass
class Run:
    """Items of one family in order: (line index, Candidate) pairs."""

    family: tuple
    items: list = field(default_factory=list)

    @property
    def first_line(self):
        return self.items[0][0]


def _next_letters(alphabet):
    return dict(zip(alphabet, alphabet[1:], strict=False))


# A Cyrillic list may follow the Russian order (а б в г д е ж з и к) or the Kazakh one (а ә б в г ғ д).
_NEXT = {
    "latin": [_next_letters(LATIN_LETTERS)],
    "cyrillic": [_next_letters(RU_LETTERS), _next_letters(KK_LETTERS)],
}


def successors(family, value):
    """The values that may follow ``value`` in a run of ``family``."""
    if family[0] == "letter":
        return {table[value] for table in _NEXT[family[1]] if value in table}
    return {value + 1}


def starts(family, value):
    """Whether a run of ``family`` may begin at ``value`` (1, а, a, the first ordinal)."""
    if family[0] == "letter":
        return value in ("a", "а")
    return value == 1


def find_runs(lines):
    """Every run of two or more items in ``lines``, and each line's candidates (a list per line).

    Numbered, lettered and ordinal items join the latest open run of their family that they continue, so a
    nested list of the same family (1. 2. under item 2) does not break its parent's count. A run begins at its
    family's first value, or anywhere at the family's first item (a list that continues an earlier page).
    Bullets have no order: a bullet run is the bullets of one character until a line with another marker no
    deeper than them, so the bullets under each numbered item stay separate runs.
    """
    marked = [candidates(line) for line in lines]
    runs, waiting, seen, bullets = [], {}, set(), {}
    for index, found in enumerate(marked):
        for candidate in found:
            family = candidate.family
            if family[0] == "bullet":
                continue
            run = _continued(waiting, family, candidate.value)
            if run is None and (starts(family, candidate.value) or family not in seen):
                run = Run(family)
                runs.append(run)
            seen.add(family)
            if run is not None:
                run.items.append((index, candidate))
                for value in successors(family, candidate.value):
                    waiting.setdefault((family, value), []).append((run, len(run.items)))
        for candidate in found:
            if candidate.family[0] == "bullet":
                run = bullets.get(candidate.family)
                if run is None:
                    run = bullets[candidate.family] = Run(candidate.family)
                    runs.append(run)
                run.items.append((index, candidate))
        if found:
            # Another marker at the bullets' depth or shallower ends them (the next bullet starts a new run).
            indent = min(candidate.indent for candidate in found)
            for family, run in list(bullets.items()):
                if run.items[-1][0] != index and indent <= run.items[-1][1].indent:
                    del bullets[family]
    return [run for run in runs if len(run.items) >= 2], marked


def _continued(waiting, family, value):
    """The latest open run of ``family`` that ``value`` continues, or None."""
    stack = waiting.get((family, value))
    while stack:
        run, length = stack.pop()
        # A run waits under each value that may follow it; once continued, its other entries are stale.
        if len(run.items) == length:
            return run
    return None
