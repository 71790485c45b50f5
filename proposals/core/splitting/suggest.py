"""suggest_points: the top-level items of a text as Suggestions, bounded in number and size."""
from dataclasses import dataclass

from proposals.core.splitting.items import item_lines, item_text, top_run
from proposals.core.splitting.runs import find_runs

MAX_TEXT_CHARS = 2_000_000  # of a text read for suggestions (also the cap of an attachment's extracted text)
MAX_LINES = 50_000  # of a text read for suggestions: a thousand pages; hostile text with more lines is cut there
MAX_SUGGESTIONS = 300
MAX_SUGGESTION_CHARS = 20_000  # of one item's text; a longer one is cut with "…"
MAX_TOTAL_CHARS = 1_000_000  # of all items' texts together; items past it are not suggested


@dataclass(frozen=True)
class Suggestion:
    """One suggested point: its marker as written, its text, and where it was found ("" = the proposal's text)."""

    label: str
    text: str
    source: str = ""


def suggest_points(text, source=""):
    """The top-level items of ``text`` in order, as Suggestions; [] when there is no list of two or more items.

    Recognised: numbered (1. 1) 1- (1) I. II.), lettered (а) б) a) b.), bulleted (• - – — * ▪ ●) items and
    ordinal words opening a paragraph (Бірінші(ден), Екінші(ден), ...; Во-первых, Во-вторых, ...; Первое, ...).
    The top level is the run with the most items that is not inside one item of another run, so a preamble,
    a closing paragraph and sub-items (а) б) under 3.) are not points of their own. At most MAX_SUGGESTIONS
    items, each at most MAX_SUGGESTION_CHARS long and MAX_TOTAL_CHARS together; the work is linear in the
    text's length (capped at MAX_TEXT_CHARS and MAX_LINES).
    """
    lines = (text or "")[:MAX_TEXT_CHARS].splitlines()[:MAX_LINES]
    runs, marked = find_runs(lines)
    run = top_run(runs, lines, marked)
    if run is None:
        return []
    suggestions, total = [], 0
    for candidate, following in item_lines(run, lines, marked)[:MAX_SUGGESTIONS]:
        body = item_text(candidate, following, lines, marked, MAX_SUGGESTION_CHARS)
        total += len(body)
        if total > MAX_TOTAL_CHARS:
            break
        suggestions.append(Suggestion(candidate.label, body, source))
    return suggestions if len(suggestions) >= 2 else []
