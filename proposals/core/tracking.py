"""Tracking codes: random, short, read-aloud friendly, with a check character.

A code is eight random characters of Crockford's base-32 alphabet (no I, L, O, U)
plus one Luhn mod 32 check character, shown in groups of three: ``7K3-M9X-Q2H``.
Luhn mod N catches every single-character substitution and most swaps of
neighbours. 32**8 (about 10**12) codes make guessing pointless, and a lookup
also needs the submitter's email.
"""
import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
BASE = len(ALPHABET)
PAYLOAD_LENGTH = 8
CODE_LENGTH = PAYLOAD_LENGTH + 1
GROUP = 3

# What people type instead: Crockford's look-alikes, and Cyrillic letters that
# look Latin (a Russian or Kazakh keyboard layout left on by mistake).
_LOOKALIKES = {
    "O": "0", "I": "1", "L": "1",
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M",
    "О": "0", "Р": "P", "Т": "T", "Х": "X", "З": "3", "Ү": "Y", "У": "Y",
}
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.]+")


def check_character(payload):
    """The Luhn mod 32 check character of ``payload`` (characters of ALPHABET)."""
    factor = 2
    total = 0
    for char in reversed(payload):
        addend = factor * ALPHABET.index(char)
        total += addend // BASE + addend % BASE
        factor = 1 if factor == 2 else 2
    return ALPHABET[(BASE - total % BASE) % BASE]


def is_valid(compact):
    """True if ``compact`` (normalised, no dashes) has the right length, alphabet and check character."""
    if len(compact) != CODE_LENGTH or any(char not in ALPHABET for char in compact):
        return False
    return check_character(compact[:-1]) == compact[-1]


def format_code(compact):
    return "-".join(compact[i : i + GROUP] for i in range(0, len(compact), GROUP))


def generate():
    """A new random tracking code in its display form."""
    payload = "".join(secrets.choice(ALPHABET) for _ in range(PAYLOAD_LENGTH))
    return format_code(payload + check_character(payload))


def normalise(user_input):
    """The display form of what a person typed, or None if it cannot be a valid code.

    Accepts lower case, missing or extra dashes and spaces, and common look-alike
    characters (O for 0, I or L for 1, Cyrillic letters that look Latin).
    """
    if not isinstance(user_input, str):
        return None
    compact = _SEPARATORS.sub("", user_input.strip().upper())
    compact = "".join(_LOOKALIKES.get(char, char) for char in compact)
    if not is_valid(compact):
        return None
    return format_code(compact)


def fragment(user_input, minimum=3):
    """What a person typed as part of a code, compact (no dashes, look-alikes mapped), or None if it cannot be one."""
    if not isinstance(user_input, str):
        return None
    compact = _SEPARATORS.sub("", user_input.strip().upper())
    compact = "".join(_LOOKALIKES.get(char, char) for char in compact)
    if not minimum <= len(compact) <= CODE_LENGTH or any(char not in ALPHABET for char in compact):
        return None
    return compact
