"""The list markers a line can start with ("1.", "(2)", "IV.", "б)", "•", "Екіншіден", "Во-вторых"), as candidates.

A line may be read more than one way ("I." is the Roman one or the Latin letter I); each reading is a candidate
of its own family, and the sequence rules decide which family forms a list. Every pattern is anchored at the
line's start and bounded (fixed-width classes, possessive quantifiers), so a line of any length costs one short
look at its beginning.
"""
import re
from dataclasses import dataclass

# Only the first characters of a line are looked at: a marker, its spacing and the start of its text fit in them.
HEAD_CHARS = 80
MAX_INDENT = 40

KK_LETTERS = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
# Russian lists skip ё, й, ъ, ы and ь; Kazakh lists letter every letter of the alphabet.
RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"

KK_ORDINALS = ["бірінші", "екінші", "үшінші", "төртінші", "бесінші", "алтыншы", "жетінші", "сегізінші", "тоғызыншы",
               "оныншы"]
RU_ADVERBS = ["во-первых", "во-вторых", "в-третьих", "в-четвертых", "в-пятых", "в-шестых", "в-седьмых",
              "в-восьмых", "в-девятых", "в-десятых"]
RU_NOUNS = ["первое", "второе", "третье", "четвертое", "пятое", "шестое", "седьмое", "восьмое", "девятое",
            "десятое"]


def _ordinal_words():
    """{word in lower case (ё as е): (family, value)} for every ordinal word a paragraph may open with."""
    words = {}
    for value, word in enumerate(KK_ORDINALS, start=1):
        words[word] = ("kk-ordinal", value)
        # Біріншіден, Алтыншыдан: the suffix follows the word's vowels.
        words[word + ("дан" if word.endswith("ы") else "ден")] = ("kk-ordinal-den", value)
    for value, word in enumerate(RU_ADVERBS, start=1):
        words[word] = ("ru-adverb", value)
    for value, word in enumerate(RU_NOUNS, start=1):
        words[word] = ("ru-noun", value)
    return words


ORDINAL_WORDS = _ordinal_words()
BULLETS = "•-–—*▪●◦■►"
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}

# A marker ends where white space (or the line) does, so "1.1.1", "1.12.2026" and "50-летие" are not markers.
_NUMBER = re.compile(r"(\(?+)([1-9][0-9]{0,2}+)([.)\-])(?=\s|$)")
_ROMAN = re.compile(r"([IVXL]{1,7}+)([.)])(?=\s|$)")
_LETTER = re.compile(rf"(\(?+)([{KK_LETTERS}{LATIN_LETTERS}])([.)])(?=\s|$)", re.IGNORECASE)
_BULLET = re.compile(rf"([{re.escape(BULLETS)}])\s++(?=\S)")
_WORD = re.compile(r"([^\W\d_]{1,14}+(?:-[^\W\d_]{1,10}+)?+)(?![\w-])")


@dataclass(frozen=True)
class Candidate:
    """One reading of a line's marker: its family, its place in the family's order, the marker as written."""

    family: tuple
    value: object  # an int, a letter, or None for bullets
    label: str
    rest: str  # the line after the marker
    indent: int


def roman_value(numeral):
    """The value of a well-formed Roman numeral of I, V, X and L (1 to 89), else None."""
    total, previous = 0, 0
    for char in reversed(numeral):
        value = ROMAN_VALUES[char]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total if _to_roman(total) == numeral else None


def _to_roman(value):
    out = []
    for number, numeral in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out.append(numeral)
            value -= number
    return "".join(out)


def candidates(line):
    """The candidate markers ``line`` starts with (often none)."""
    head = line[: HEAD_CHARS + MAX_INDENT]
    stripped = head.lstrip()
    indent = len(head) - len(stripped)
    if not stripped or indent > MAX_INDENT:
        return []
    found = []

    def add(family, value, label, end):
        # The rest is taken from the whole line, not the head, so a long item keeps its text.
        found.append(Candidate(family, value, label, line[indent + end:].strip(), indent))

    if match := _NUMBER.match(stripped):
        opening, digits, delimiter = match.groups()
        if not opening or delimiter == ")":
            style = "(n)" if opening else delimiter
            add(("number", style), int(digits), match.group(0), match.end())
    if match := _ROMAN.match(stripped):
        value = roman_value(match.group(1))
        if value:
            add(("roman", match.group(2)), value, match.group(0), match.end())
    if match := _LETTER.match(stripped):
        opening, letter, delimiter = match.groups()
        if not opening or delimiter == ")":
            script = "latin" if letter.lower() in LATIN_LETTERS else "cyrillic"
            case = "lower" if letter.islower() else "upper"
            style = "(x)" if opening else delimiter
            add(("letter", script, case, style), letter.lower(), match.group(0), match.end())
    if match := _BULLET.match(stripped):
        add(("bullet", match.group(1)), None, match.group(1), match.end())
    if (match := _WORD.match(stripped)) and (reading := ORDINAL_WORDS.get(match.group(1).lower().replace("ё", "е"))):
        family, value = reading
        rest_start = match.end()
        # "Во-первых, ..." / "Біріншіден: ..." / "Первое — ...": the punctuation after the word belongs to it.
        tail = re.match(r"\s*+[,:.;—–\-]?+", stripped[rest_start:])
        add(("ordinal", family), value, match.group(1), rest_start + tail.end())
    return found
