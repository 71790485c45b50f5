"""Normalised words of a text in Kazakh or Russian: case, punctuation, white space, letter variants, stop words.

People without a Kazakh keyboard type ә as а, ө as о, і as и; Russian writers drop the dots of ё. A campaign letter
retyped that way must read as the same letter, so every text is folded to one spelling before it is compared.
"""
import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

# Kazakh letters to the Russian letters typed in their place, ё and й to е and и; Latin look-alikes typed inside a
# Cyrillic word (a spammer's or an OCR's "пapлaмент") to Cyrillic.
LETTERS = str.maketrans({
    "ә": "а", "ө": "о", "ү": "у", "ұ": "у", "і": "и", "қ": "к", "ғ": "г", "ң": "н", "һ": "х", "ё": "е", "й": "и",
})
LOOK_ALIKES = str.maketrans({"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "k": "к",
                             "m": "м", "t": "т", "h": "н", "b": "в"})
WORD = re.compile(r"[^\W_]+")
CYRILLIC = re.compile(r"[а-я]")
LATIN = re.compile(r"[a-z]")
# Words are cut to their first letters: Kazakh is agglutinative and Russian inflects, so "парламенттің",
# "парламента" and "парламентом" meet at "парл". Four letters found the most paraphrases at the precision asked of
# them on tests/data/idea_pairs.json (five and six found fewer; README, "Ideas").
STEM_LENGTH = 4
# Only so much of a text is read: the first words say what a letter proposes, and a hostile text stays cheap.
MAX_CHARACTERS = 20_000


@lru_cache(maxsize=1)
def stop_words():
    """The stop words (folded): Kazakh and Russian function words and the formulas of appeals ("прошу",
    "ұсынамын", "уважаемые"), which say nothing about what is proposed."""
    text = (Path(__file__).with_name("stop_words.txt")).read_text(encoding="utf-8")
    words = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        words.update(fold(word) for word in line.split())
    return frozenset(words)


def fold(text):
    """Lower case, one spelling of each letter (ә → а, ё → е), no accents: what a letter reads like, not how it
    was typed."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(LETTERS)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _word(token):
    if LATIN.search(token) and CYRILLIC.search(token):
        return token.translate(LOOK_ALIKES)
    return token


def tokens(text):
    """The folded words of ``text`` in order, punctuation and white space gone, stop words included."""
    return [_word(token) for token in WORD.findall(fold((text or "")[:MAX_CHARACTERS]))]


def normalise(text):
    """``text`` as one line of folded words: two texts that differ only in case, punctuation, white space and
    letter variants normalise to the same line."""
    return " ".join(tokens(text))


def stems(text):
    """The content words of ``text`` in order, each cut to STEM_LENGTH letters; stop words and one-letter words
    gone, numbers kept whole (100 deputies is not 150)."""
    stop = stop_words()
    result = []
    for token in tokens(text):
        if token in stop or (len(token) < 2 and not token.isdigit()):
            continue
        result.append(token if token.isdigit() else token[:STEM_LENGTH])
    return result


@lru_cache(maxsize=1)
def numeral_forms():
    """({word: value}, [(prefix, value)]) of numerals.txt."""
    exact, prefixes = {}, []
    text = (Path(__file__).with_name("numerals.txt")).read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        value, forms = line.split(":", 1)
        for form in forms.split():
            form = fold(form)
            if form.endswith("*"):
                prefixes.append((form[:-1], value.strip()))
            else:
                exact[form] = value.strip()
    return exact, prefixes


def numbers(words):
    """The quantities a text names, from its folded ``words`` (tokens()): digits as written ("100", "5"), number
    words as the value they name ("сто" → "100", "жартысы" → "1/2"), periods ("ежемесячно" → "month")."""
    exact, prefixes = numeral_forms()
    found = set()
    for word in words:
        if word.isdigit():
            found.add(word.lstrip("0") or "0")
        elif word in exact:
            found.add(exact[word])
        else:
            found.update(value for prefix, value in prefixes if word.startswith(prefix))
    return frozenset(found)


def fingerprint(text):
    """A short hash of the normalised content words: equal for copies of one letter however they were typed."""
    return hashlib.blake2b(" ".join(stems(text)).encode(), digest_size=8).hexdigest()
