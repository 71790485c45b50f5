"""A member's text with the words that differ from its idea's text marked: added words in <ins>, missing in <del>.

Words are compared as the similarity reads them (similarity.tokens: case, letter variants and look-alikes folded),
so a letter retyped without Kazakh letters shows no difference; what is shown is the member's own text, escaped
piece by piece (it is hostile input). difflib's SequenceMatcher over words is the standard tool for this; only the
pairing of its opcodes with the original words is written here.
"""
import re
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import mark_safe

from proposals.core.similarity import tokens

WORD = re.compile(r"[^\W_]+")
# Words compared and shown: a campaign letter is a few hundred words; a longer text is cut (the desk shows its start).
MAX_WORDS = 400


def words(text):
    """[(start, end, key)] of the words of ``text``: their places in the text and the folded form compared."""
    found = []
    for match in WORD.finditer(text):
        keys = tokens(match.group())
        found.append((match.start(), match.end(), keys[0] if keys else match.group().casefold()))
        if len(found) >= MAX_WORDS:
            break
    return found


class Reference:
    """The idea's text prepared once for the page's many members."""

    def __init__(self, text):
        self.text = text or ""
        self.words = words(self.text)
        self.keys = [key for _start, _end, key in self.words]


def highlighted(reference, text):
    """(safe HTML of ``text`` with its differences from ``reference`` marked, number of words that differ)."""
    text = text or ""
    own = words(text)
    keys = [key for _start, _end, key in own]
    matcher = SequenceMatcher(None, reference.keys, keys, autojunk=False)
    pieces = []
    position = 0
    changed = 0
    for tag, first_start, first_end, start, end in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            missing = " ".join(reference.text[a:b] for a, b, _key in reference.words[first_start:first_end])
            if start < len(own):
                # What comes before the next own word stays before the mark.
                before = own[start][0]
                pieces.append(escape(text[position:before]))
                position = before
                pieces.append(f"<del>{escape(missing)}</del> ")
            else:
                pieces.append(f" <del>{escape(missing)}</del>")
            changed += first_end - first_start
        if start == end:
            continue
        span_start, span_end = own[start][0], own[end - 1][1]
        pieces.append(escape(text[position:span_start]))
        if tag == "equal":
            pieces.append(escape(text[span_start:span_end]))
        else:
            pieces.append(f"<ins>{escape(text[span_start:span_end])}</ins>")
            changed += end - start
        position = span_end
    rest = text[position:]
    if len(own) >= MAX_WORDS and WORD.search(rest):
        pieces.append(escape(rest[:1]))
        pieces.append(" …")
    else:
        pieces.append(escape(rest))
    return mark_safe("".join(pieces)), changed  # noqa: S308 - every piece of text above is escaped
