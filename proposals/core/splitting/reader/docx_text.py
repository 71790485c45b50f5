"""The text of a DOCX read with python-docx, numbered and bulleted paragraphs with the number Word would show.

Word's automatic numbering is not in a paragraph's text: it comes from the paragraph's numbering properties
(its own, or its style's), the list's level definitions (format, text such as "%1." or "%2)", start) and a
running counter per list and level, all rebuilt here.
"""
import io

import docx
from docx.oxml.ns import nsmap, qn
from docx.text.paragraph import Paragraph
from lxml import etree

W = {"w": nsmap["w"]}
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MAX_LEVELS = 9
MAX_STYLE_CHAIN = 10
RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _xpath(element, path):
    """The results of ``path`` (with the w: prefix) on ``element``, whichever element class lxml gave it."""
    return etree.XPath(path, namespaces=W)(element)


def formatted(value, fmt):
    """``value`` in Word's number format ``fmt`` (decimal, lowerLetter, upperRoman, russianLower, ...)."""
    if fmt in ("lowerLetter", "upperLetter", "russianLower", "russianUpper"):
        alphabet = RU_LETTERS if fmt.startswith("russian") else LATIN_LETTERS
        letter = alphabet[(value - 1) % len(alphabet)]
        return letter.upper() if fmt.endswith("Upper") or fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        out = []
        for amount, numeral in ROMAN:
            while value >= amount:
                out.append(numeral)
                value -= amount
        return "".join(out).lower() if fmt == "lowerRoman" else "".join(out)
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


class Numbering:
    """The document's list definitions and the running counters of each list."""

    def __init__(self, document):
        self.styles = document.styles.element
        try:
            self.element = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            self.element = None
        self.counters = {}
        self.levels = {}

    def properties(self, paragraph):
        """(numId, level) of a paragraph's numbering, its own or its style's; None if it is not in a list.

        A paragraph may give only its level (Word's "increase indent") and take the list from its style.
        """
        num_id = level = None
        num_pr = paragraph.pPr.numPr if paragraph.pPr is not None else None
        style_id = paragraph.style
        for _ in range(MAX_STYLE_CHAIN):
            if num_pr is not None:
                if num_id is None and num_pr.numId is not None:
                    num_id = num_pr.numId.val
                if level is None and num_pr.ilvl is not None:
                    level = num_pr.ilvl.val
            style = self.styles.get_by_id(style_id) if style_id and num_id is None else None
            if style is None:
                break
            num_pr = style.pPr.numPr if style.pPr is not None else None
            style_id = style.basedOn_val
        if not num_id:  # none, or 0: numbering switched off
            return None
        return num_id, min(max(level or 0, 0), MAX_LEVELS - 1)

    def level(self, num_id, level):
        """(format, text, start) of a list's level, from its definition (decimal "%n." when there is none)."""
        key = (num_id, level)
        if key not in self.levels:
            self.levels[key] = self._level(num_id, level)
        return self.levels[key]

    def _level(self, num_id, level):
        fallback = ("decimal", f"%{level + 1}.", 1)
        if self.element is None:
            return fallback
        try:
            num = self.element.num_having_numId(num_id)
        except KeyError:
            return fallback
        start_override = _xpath(num, f"w:lvlOverride[@w:ilvl='{level}']/w:startOverride/@w:val")
        path = f"w:abstractNum[@w:abstractNumId='{num.abstractNumId.val}']/w:lvl[@w:ilvl='{level}']"
        found = _xpath(self.element, path)
        if not found:
            return fallback
        lvl = found[0]
        fmt = _xpath(lvl, "w:numFmt/@w:val")
        text = _xpath(lvl, "w:lvlText/@w:val")
        start = start_override or _xpath(lvl, "w:start/@w:val")
        return (fmt[0] if fmt else "decimal", text[0] if text else f"%{level + 1}.",
                int(start[0]) if start and start[0].isdigit() else 1)

    def label(self, num_id, level):
        """The marker Word shows for the next paragraph at ``level`` of list ``num_id``; counters move on."""
        counters = self.counters.setdefault(num_id, [0] * MAX_LEVELS)
        fmt, text, start = self.level(num_id, level)
        counters[level] = counters[level] + 1 if counters[level] else start
        for deeper in range(level + 1, MAX_LEVELS):
            counters[deeper] = 0
        if fmt == "bullet":
            return "•"
        if fmt == "none":
            return ""
        for place in range(MAX_LEVELS, 0, -1):
            if f"%{place}" in text:
                value = counters[place - 1] or self.level(num_id, place - 1)[2]
                text = text.replace(f"%{place}", formatted(value, self.level(num_id, place - 1)[0]))
        return text


def docx_text(data, max_chars, memory_bytes):
    """The text of the DOCX ``data``: a line per paragraph (tables' cells included) in document order."""
    document = docx.Document(io.BytesIO(data))
    numbering = Numbering(document)
    lines, size = [], 0
    # iter() walks the tree without recursion, so deeply nested tables cost no stack.
    for element in document.element.body.iter(qn("w:p")):
        if size > max_chars:
            break
        if any(True for _ in element.iterancestors(FALLBACK)):
            continue  # a text box's copy for older readers: its paragraphs were read in mc:Choice
        paragraph = Paragraph(element, document.part)
        text = " ".join(paragraph.text.split())
        found = numbering.properties(element)
        if found:
            num_id, level = found
            label = numbering.label(num_id, level)
            text = f"{'  ' * level}{label} {text}" if label else text
        lines.append(text)
        size += len(text) + 1
    return "\n".join(lines)
