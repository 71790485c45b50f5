"""The Kazakh and Russian catalogues: nothing untranslated or fuzzy, and the pages really speak each language."""
import json
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "parlreform" / "locale"


CATALOGUES = [(language, domain) for language in ("kk", "ru") for domain in ("django", "djangojs")]


def entries(language, domain="django"):
    """(flags, msgid, msgstr) for each entry of the catalogue, header and obsolete entries excluded."""
    text = (LOCALE / language / "LC_MESSAGES" / f"{domain}.po").read_text(encoding="utf-8")
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


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_catalogue_has_no_untranslated_or_fuzzy_messages(language, domain):
    catalogue = entries(language, domain)
    assert len(catalogue) > 50
    untranslated = [msgid for _flags, msgid, values in catalogue if not all(values)]
    fuzzy = [msgid for flags, msgid, _values in catalogue if "fuzzy" in flags]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_placeholders_survive_translation(language, domain):
    for _flags, msgid, values in entries(language, domain):
        expected = set(re.findall(r"%\(\w+\)[sd]", msgid))
        for value in values:
            assert set(re.findall(r"%\(\w+\)[sd]", value)) == expected, msgid


def test_kazakh_admin_speaks_kazakh_where_django_does_not():
    from django.utils import translation
    from django.views.i18n import JavaScriptCatalog

    with translation.override("kk"):
        assert translation.gettext("Enter a valid email address.") != "Enter a valid email address."
        assert translation.ngettext("%(total_count)s selected", "All %(total_count)s selected", 2) == (
            "Барлығы %(total_count)s таңдалды")
    from django.test import RequestFactory

    with translation.override("kk"):
        catalogue = JavaScriptCatalog.as_view(packages=["django.contrib.admin"])(RequestFactory().get("/"))
    content = catalogue.content.decode()
    for kazakh in ("%(cnt)s ішінен %(sel)s таңдалды", "Уақытты таңдаңыз"):
        assert json.dumps(kazakh)[1:-1] in content, kazakh
