"""Band keys of a text's MinHash sketch: texts sharing a key are the candidates of its likely twins and ideas.

Two texts whose sets of content words overlap by a Jaccard similarity J share at least one of BANDS keys with
probability 1 - (1 - J**ROWS)**BANDS (J = 0.5: 0.99; 0.3: 0.77; 0.1: 0.15), so the candidates of a point are the
rows of an index read key by key, whatever the size of the table. Written here rather than taken from datasketch:
the keys are a few lines of arithmetic, and datasketch would bring numpy and scipy into production for them while
keeping its own index outside PostgreSQL, where the search must read an index beside the rows.
"""
import hashlib
import random

from proposals.core.similarity.normalise import stems

BANDS = 16
ROWS = 2
# A Mersenne prime above any 32-bit word hash: h(x) = (a·x + b) mod PRIME is one random permutation of the words.
PRIME = (1 << 61) - 1
# Fixed, so a key computed today equals the same text's key computed next year on another host.
_random = random.Random(20261202)
PERMUTATIONS = [(_random.randrange(1, PRIME), _random.randrange(0, PRIME)) for _ in range(BANDS * ROWS)]
# Below this many different content words a text says too little to be compared ("Согласен!").
MIN_WORDS = 3


def _word_hash(word):
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "big")


def signature(words):
    """The MinHash signature of a set of words: BANDS·ROWS minima, one per permutation."""
    hashes = [_word_hash(word) for word in words]
    return [min((a * x + b) % PRIME for x in hashes) for a, b in PERMUTATIONS]


def band_keys(text=None, *, words=None):
    """The BANDS keys of ``text`` (or of its content ``words``), signed 64-bit integers; none for a text of fewer
    than MIN_WORDS different content words."""
    words = set(stems(text) if words is None else words)
    if len(words) < MIN_WORDS:
        return []
    minima = signature(words)
    keys = []
    for band in range(BANDS):
        part = minima[band * ROWS:(band + 1) * ROWS]
        data = band.to_bytes(1, "big") + b"".join(value.to_bytes(8, "big") for value in part)
        keys.append(int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True))
    return keys
