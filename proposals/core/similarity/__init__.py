"""Text similarity of points: normalisation, sketches for the candidate search, scores and clustering. Pure."""
from proposals.core.similarity.normalise import fingerprint, normalise, stems, tokens
from proposals.core.similarity.scores import Match, Scored, match_kind, score
from proposals.core.similarity.sketch import BANDS, ROWS, band_keys

__all__ = [
    "BANDS", "ROWS", "Match", "Scored", "band_keys", "fingerprint", "match_kind", "normalise", "score", "stems",
    "tokens",
]
