"""Attachment names: the name as sent made safe to show, its type claim checked, and the stored name."""
import re
import unicodedata
import uuid

from proposals.core.attachments.common import KIND_NAMES, MISMATCH, OTHER_KIND, refusal

# Bidirectional overrides and other invisible format characters can disguise a name ("evil‮fdp.exe").
_INVISIBLE = re.compile(r"[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
EXTENSION_ALIASES = {"jpeg": "jpg", "jpe": "jpg", "jfif": "jpg"}


def safe_name(name):
    """The file name as sent, made safe to show: no folders, invisible or control characters."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = _INVISIBLE.sub("", name)
    return re.sub(r"\s+", " ", name).strip(" .")[:200] or "attachment"


def _split_extension(name):
    """(stem, extension in lower case) of a safe name; the extension is "" when the name has none.

    "Проект ред. 2.1" has none: what follows its last dot is not a file type's extension.
    """
    stem, dot, extension = name.rpartition(".")
    if dot and stem.strip(" .") and re.fullmatch(r"[A-Za-z0-9]{1,10}", extension) and not extension.isdigit():
        return stem, extension.lower()
    return name, ""


def clean_name(name, extension):
    """The safe name ending in ``extension``, the one its content has (a name without one is given it)."""
    stem = _split_extension(safe_name(name))[0][:150].strip(" .") or "attachment"
    return f"{stem}.{extension}"


def check_name(display, extension):
    """Refuse a file whose name claims another type than its content (".jpg" and ".jpeg" are one type)."""
    claimed = _split_extension(display)[1]
    claimed = EXTENSION_ALIASES.get(claimed, claimed)
    if claimed and claimed != extension:
        raise refusal(MISMATCH, display, actual=KIND_NAMES[extension],
                      claimed=KIND_NAMES.get(claimed) or OTHER_KIND % {"extension": claimed})


def stored_name(extension):
    return f"{uuid.uuid4().hex}.{extension}"

