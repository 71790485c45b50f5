"""The Kazakh and Russian catalogues: nothing untranslated or fuzzy, and the pages really speak each language."""
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "parlreform" / "locale"


def entries(language):
    """(flags, msgid, msgstr) for each entry of the catalogue, header and obsolete entries excluded."""
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    result = []
    for block in text.split("\n\n"):
        if block.lstrip().startswith("#~"):
            continue
        flags = " ".join(re.findall(r"^#,(.*)$", block, re.MULTILINE))
        if "msgid " not in block:
            continue
        source = block.split("msgid ", 1)[1].split("msgstr", 1)[0].split("msgid_plural")[0]
        msgid = "".join(re.findall(r'"(.*)"', source))
        msgstrs = re.findall(r'msgstr(?:\[\d\])? ((?:".*"\n?)+)', block)
        values = ["".join(re.findall(r'"(.*)"', chunk)) for chunk in msgstrs]
        result.append((flags, msgid, values))
    return [entry for entry in result if entry[1] != ""]


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_catalogue_has_no_untranslated_or_fuzzy_messages(language):
    catalogue = entries(language)
    assert len(catalogue) > 100
    untranslated = [msgid for _flags, msgid, values in catalogue if not all(values)]
    fuzzy = [msgid for flags, msgid, _values in catalogue if "fuzzy" in flags]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_placeholders_survive_translation(language):
    for _flags, msgid, values in entries(language):
        expected = set(re.findall(r"%\(\w+\)[sd]", msgid))
        for value in values:
            assert set(re.findall(r"%\(\w+\)[sd]", value)) == expected, msgid
