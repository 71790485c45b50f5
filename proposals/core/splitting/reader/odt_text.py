"""The text of an ODT: content.xml parsed with defusedxml, paragraphs and headings as lines, list items numbered.

odfdo and odfpy build a whole document model and walk it recursively; a hostile file nests deeper than
Python's recursion allows. This walks the element tree with an explicit stack instead, reading the list
styles (number format, suffix, bullet) the way LibreOffice writes them.
"""
import io
import zipfile

from defusedxml import ElementTree

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
MAX_XML_BYTES = 64 * 1024 * 1024
MAX_INDENT_LEVELS = 8


def _name(namespace, local):
    return f"{{{namespace}}}{local}"


PARAGRAPHS = {_name(TEXT, "p"), _name(TEXT, "h")}
LIST, LIST_ITEM, LIST_HEADER = _name(TEXT, "list"), _name(TEXT, "list-item"), _name(TEXT, "list-header")
SKIPPED = {_name(TEXT, "note"), _name(OFFICE, "annotation"), _name(TEXT, "tracked-changes"),
           _name(TEXT, "sequence-decls"), _name(TEXT, "variable-decls")}
SPACE, TAB, BREAK = _name(TEXT, "s"), _name(TEXT, "tab"), _name(TEXT, "line-break")
STYLE_NAME = _name(TEXT, "style-name")


def _part(archive, name):
    info = archive.getinfo(name)
    if info.file_size > MAX_XML_BYTES:
        raise ValueError("part too large")
    with archive.open(info) as part:
        return part.read(MAX_XML_BYTES + 1)


def list_styles(roots):
    """{list style name: {level: (format, prefix, suffix) or ("bullet", char, "")}} from the given XML roots."""
    styles = {}
    for root in roots:
        for style in root.iter(_name(TEXT, "list-style")):
            levels = styles.setdefault(style.get(_name(STYLE, "name")), {})
            for level in style:
                depth = int(level.get(_name(TEXT, "level"), "1") or 1)
                if level.tag == _name(TEXT, "list-level-style-bullet"):
                    levels[depth] = ("bullet", level.get(_name(TEXT, "bullet-char"), "•"), "")
                elif level.tag == _name(TEXT, "list-level-style-number"):
                    levels[depth] = (
                        level.get(_name(STYLE, "num-format"), "1") or "1",
                        level.get(_name(STYLE, "num-prefix"), ""),
                        level.get(_name(STYLE, "num-suffix"), "."),
                    )
    return styles


def number(value, fmt):
    """``value`` written in the ODF number format ``fmt`` (1, a, A, i, I, а, А)."""
    if fmt in ("a", "A", "а", "А"):
        alphabet = "abcdefghijklmnopqrstuvwxyz" if fmt in "aA" else "абвгдежзиклмнопрстуфхцчшщэюя"
        letter = alphabet[(value - 1) % len(alphabet)]
        return letter.upper() if fmt in "AА" else letter
    if fmt in ("i", "I"):
        numerals = []
        for amount, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
            while value >= amount:
                numerals.append(numeral)
                value -= amount
        roman = "".join(numerals)
        return roman.lower() if fmt == "i" else roman
    return str(value)


def _inline_text(paragraph):
    """A paragraph's text with its spans, spaces, tabs and line breaks, notes left out (walked without recursion)."""
    out = [paragraph.text or ""]
    stack = [(child, False) for child in reversed(list(paragraph))]
    while stack:
        element, closing = stack.pop()
        if closing:
            out.append(element.tail or "")
            continue
        if element.tag in SKIPPED:
            out.append(element.tail or "")
            continue
        if element.tag == SPACE:
            out.append(" " * min(int(element.get(_name(TEXT, "c"), "1") or 1), 100))
        elif element.tag == TAB:
            out.append("\t")
        elif element.tag == BREAK:
            out.append("\n")
        else:
            out.append(element.text or "")
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(list(element)))
    return " ".join("".join(out).split())


def odt_text(data, max_chars, memory_bytes):
    """The text of the ODT ``data``: a line per paragraph and heading, list items with their number or bullet."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        roots = [ElementTree.fromstring(_part(archive, "content.xml"))]
        if "styles.xml" in archive.namelist():
            roots.append(ElementTree.fromstring(_part(archive, "styles.xml")))
    styles = list_styles(roots)
    body = roots[0].find(f"{_name(OFFICE, 'body')}/{_name(OFFICE, 'text')}")
    if body is None:
        return ""
    lines, size = [], 0
    counters = {}  # list style -> the last number given at each level (index 0 for level 1)
    # Each stack entry: (element, list context (style name, level) or None, whether this item's label is used).
    stack = [(child, None, None) for child in reversed(list(body))]
    while stack and size <= max_chars:
        element, context, label = stack.pop()
        if element.tag in SKIPPED:
            continue
        if element.tag == LIST:
            style = element.get(STYLE_NAME) or (context[0] if context else None)
            level = context[1] + 1 if context else 1
            if element.get(_name(TEXT, "continue-numbering")) != "true":
                del counters.setdefault(style, [])[level - 1:]
            children = [(child, (style, level), None) for child in element]
            stack.extend(reversed(children))
        elif element.tag in (LIST_ITEM, LIST_HEADER):
            style, level = context
            marker = ""
            if element.tag == LIST_ITEM:
                marker = _marker(styles, counters.setdefault(style, []), style, level, element)
            children = list(element)
            # The item's marker goes on its first paragraph; nested lists and later paragraphs follow it.
            stack.extend(reversed([(child, context, marker if i == 0 else "") for i, child in enumerate(children)]))
        elif element.tag in PARAGRAPHS:
            text = _inline_text(element)
            indent = "  " * min((context[1] - 1) if context else 0, MAX_INDENT_LEVELS)
            line = f"{indent}{label} {text}" if label else f"{indent}{text}" if context else text
            lines.append(line)
            size += len(line) + 1
        else:
            # Sections, tables, frames: their paragraphs are read in document order.
            stack.extend((child, context, None) for child in reversed(list(element)))
    return "\n".join(lines)


def _marker(styles, numbers, style, level, item):
    """The item's marker; ``numbers`` (its style's counters by level) moves on, and deeper levels start again."""
    fmt, prefix, suffix = styles.get(style, {}).get(level, ("1", "", "."))
    fmt = fmt or "1"  # an empty format (no number) still marks an item here
    if fmt == "bullet":
        # LibreOffice may give a symbol font's private-use character; the line shows an ordinary bullet then.
        return prefix if prefix and not "\ue000" <= prefix[0] <= "\uf8ff" else "•"
    start = item.get(_name(TEXT, "start-value"))
    previous = numbers[level - 1] if len(numbers) >= level else 0
    value = int(start) if start and start.isdigit() else previous + 1
    # Levels in between that had no item yet count from zero; everything deeper starts again.
    numbers.extend([0] * (level - len(numbers)))
    numbers[level - 1] = value
    del numbers[level:]
    return f"{prefix}{number(value, fmt)}{suffix}"
