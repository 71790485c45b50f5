"""The top-level run of a text and the text of each of its items (continuation lines and sub-items kept inside)."""
import bisect

from proposals.core.splitting.runs import MAX_RUNS_WEIGHED

# A last item takes at most this many following lines before the scan stops (a closing paragraph ends it sooner).
MAX_LAST_ITEM_LINES = 1000
SENTENCE_ENDS = tuple(".!?…")


def top_run(runs, lines, marked):
    """The run with the most items that does not sit inside a single item of another run; None if none."""
    weighed = sorted(runs, key=lambda run: (-len(run.items), run.first_line))[:MAX_RUNS_WEIGHED]
    item_starts = {id(run): [index for index, _ in run.items] for run in weighed}
    ends = {}
    for run in weighed:
        if not any(_inside(run, parent, item_starts, lines, marked, ends) for parent in weighed if parent is not run):
            return run
    return None


def _inside(run, parent, item_starts, lines, marked, ends):
    """Whether every item of ``run`` lies between two neighbouring items of ``parent`` (or in its last item)."""
    first, last = run.first_line, run.items[-1][0]
    parent_lines = item_starts[id(parent)]
    position = bisect.bisect_left(parent_lines, first)
    if position == 0:
        return False
    if position < len(parent_lines):
        return last < parent_lines[position]
    if id(parent) not in ends:
        ends[id(parent)] = last_item_end(parent, lines, marked)
    return last < ends[id(parent)]


def last_item_end(run, lines, marked):
    """The index of the first line after ``run``'s last item (its closing paragraph, or the text's end).

    The last item goes on while its lines are sub-items (markers of another family), or plain lines that
    follow it without a blank line and either continue an unfinished sentence or are indented deeper than
    its marker. A blank line then an ordinary paragraph is the letter's closing, not the item.
    """
    start, candidate = run.items[-1]
    gap, previous = False, candidate.rest
    stop = min(len(lines), start + 1 + MAX_LAST_ITEM_LINES)
    for index in range(start + 1, stop):
        line = lines[index]
        if not line or line.isspace():
            gap = True
            continue
        found = marked[index]
        if found:
            if any(other.family == run.family for other in found):
                return index
            gap, previous = False, line
            continue
        indent = len(line) - len(line.lstrip())
        unfinished = not previous.rstrip().endswith(SENTENCE_ENDS)
        if gap or not (unfinished or indent > candidate.indent):
            return index
        previous = line
    return stop


def item_lines(run, lines, marked):
    """For each item of ``run``: (Candidate, the indices of the lines that continue it)."""
    starts = [index for index, _ in run.items]
    ends = starts[1:] + [last_item_end(run, lines, marked)]
    return [(candidate, range(start + 1, end)) for (start, candidate), end in zip(run.items, ends, strict=True)]


def item_text(candidate, following, lines, marked, limit):
    """The item's text: its first line after the marker, then its lines with white space tidied, at most ``limit``.

    A wrapped line joins the one before it with a space; a sub-item, or a paragraph after a blank line, starts
    a line of its own.
    """
    parts, size, gap = [], 0, False
    first = " ".join(candidate.rest.split())
    if first:
        parts.append(first)
        size = len(first)
    for index in following:
        if size > limit:
            break
        line = lines[index]
        if not line or line.isspace():
            gap = True
            continue
        tidy = " ".join(line.split())
        if parts:
            parts.append("\n" if gap or marked[index] else " ")
        parts.append(tidy)
        size += len(tidy) + 1
        gap = False
    text = "".join(parts)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
