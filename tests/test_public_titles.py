"""Public titles in Kazakh, Russian and English: required to publish, shown in the interface language with a marked
fallback on every public page and in open data, and never replaced by the submitter's own title as a heading."""
import csv
import importlib
import io
import re

import pytest
from django.apps import apps
from django.test import Client
from django.utils import timezone, translation

from proposals.core import search, services
from proposals.core.models import Proposal
from proposals.core.workflow import State
from proposals.site.templatetags.proposals_extras import FALLBACK_MARKERS
from tests.factories import make_proposal, make_user, proposal_in_state, public_proposal

pytestmark = pytest.mark.django_db

ORIGINAL = "Менің жеке тақырыбым туралы ұзақ атау"


def marker(language, interface):
    with translation.override(interface):
        return f"({FALLBACK_MARKERS[language]})"


def headings(page):
    return re.findall(r"<h[13][^>]*>(.*?)</h[13]>", page, re.S)


def test_publishing_needs_the_kazakh_and_russian_title_and_names_what_is_missing():
    lead = make_user("lead")
    proposal = proposal_in_state(State.IN_REVIEW)
    Proposal.objects.filter(pk=proposal.pk).update(summary_kk="Қысқаша", summary_ru="Кратко", title_kk="Атауы")
    with translation.override("en"), pytest.raises(services.WorkflowError) as refused:
        services.proposal_publish(proposal=proposal, actor=lead)
    assert refused.value.code == "summary_required"
    assert "public title (Russian)" in str(refused.value.message)
    assert "public title (Kazakh)" not in str(refused.value.message)
    Proposal.objects.filter(pk=proposal.pk).update(title_ru="Название")
    assert services.proposal_publish(proposal=proposal, actor=lead).published_at is not None


def test_a_published_proposal_keeps_its_kazakh_and_russian_title():
    proposal = public_proposal()
    with pytest.raises(services.WorkflowError) as refused:
        services.proposal_edit(proposal=proposal, actor=make_user("lead"), changes={"title_ru": " "})
    assert refused.value.code == "summary_required"
    services.proposal_edit(proposal=proposal, actor=make_user("lead"), changes={"title_en": ""})
    assert Proposal.objects.get(pk=proposal.pk).title_en == ""


def test_titles_are_edited_with_the_summaries_rules():
    draft = proposal_in_state(State.IN_REVIEW)
    services.proposal_edit(proposal=draft, actor=make_user("analyst"), changes={"title_kk": "Жаңа атау"})
    assert draft.events.filter(action="edit", note="title_kk").exists()
    published = public_proposal()
    with pytest.raises(services.WorkflowError) as refused:
        services.proposal_edit(proposal=published, actor=make_user("analyst"), changes={"title_kk": "Басқа"})
    assert refused.value.code == "permission"


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_register_and_home_show_the_title_in_the_interface_language(language):
    proposal = public_proposal(title=ORIGINAL, title_kk="Қазақша атау", title_ru="Русское название",
                               title_en="English title")
    expected = {"kk": "Қазақша атау", "ru": "Русское название", "en": "English title"}[language]
    for path in (f"/{language}/", f"/{language}/proposals/"):
        page = Client().get(path).content.decode()
        row = next(h for h in headings(page) if proposal.tracking_code in h)
        assert expected in row and ORIGINAL not in row and "title-fallback" not in row


def test_a_missing_english_title_falls_back_with_a_visible_marker():
    proposal = public_proposal(title=ORIGINAL, title_kk="Қазақша атау", title_ru="Русское название", title_en="")
    page = Client().get("/en/proposals/").content.decode()
    row = next(h for h in headings(page) if proposal.tracking_code in h)
    assert 'lang="kk"' in row and "Қазақша атау" in row and marker("kk", "en") in row
    detail = Client().get(f"/en/proposals/{proposal.tracking_code}/").content.decode()
    assert marker("kk", "en") in headings(detail)[0]


def test_the_detail_page_heads_with_the_public_title_and_labels_the_original():
    proposal = public_proposal(title=ORIGINAL, title_kk="Қазақша атау", title_ru="Русское название")
    page = Client().get(f"/ru/proposals/{proposal.tracking_code}/").content.decode()
    assert "Русское название" in headings(page)[0] and ORIGINAL not in headings(page)[0]
    assert "<title>Русское название" in page
    with translation.override("ru"):
        label = translation.gettext("Original title, as submitted")
    assert re.search(rf"<dt>{label}</dt><dd lang=\"kk\">{ORIGINAL}</dd>", page)


def test_open_data_gives_the_title_in_the_requested_language_with_its_language_and_the_original():
    public_proposal(title=ORIGINAL, title_kk="Қазақша атау", title_ru="Русское название", title_en="")
    record = Client().get("/api/proposals.json?lang=en").json()["results"][0]
    assert (record["title"], record["title_language"], record["original_title"]) == ("Қазақша атау", "kk", ORIGINAL)
    assert (record["title_ru"], record["title_en"]) == ("Русское название", "")
    ru = Client().get("/api/proposals.json?lang=ru").json()["results"][0]
    assert (ru["title"], ru["title_language"]) == ("Русское название", "ru")
    rows = list(csv.DictReader(io.StringIO(b"".join(Client().get("/api/proposals.csv?lang=ru").streaming_content)
                                           .decode("utf-8-sig"))))
    assert (rows[0]["title"], rows[0]["title_language"], rows[0]["original_title"]) == (
        "Русское название", "ru", ORIGINAL
    )


def test_public_search_finds_a_proposal_by_its_public_titles():
    proposal = public_proposal(title="Жалпы атау", title_kk="Сайлау шегі", title_ru="Избирательный барьер",
                               title_en="Electoral threshold")
    public_proposal(title="Басқа", title_kk="Басқа", title_ru="Другое", title_en="Other")
    for word in ("барьер", "шегі", "threshold"):
        found = search.search(Proposal.objects.public(), word)
        assert list(found.values_list("pk", flat=True)) == [proposal.pk], word
    page = Client().get("/ru/proposals/?q=барьер").content.decode()
    assert proposal.tracking_code in page


def test_the_migration_fills_published_titles_in_the_submitters_language_only():
    published = make_proposal(language="ru", title="Оригинальное название")
    draft = make_proposal(language="ru", title="Черновик")
    Proposal.objects.filter(pk=published.pk).update(
        state=State.IN_REVIEW, published_at=timezone.now(), summary_kk="к", summary_ru="к"
    )
    migration = importlib.import_module("proposals.core.migrations.0020_public_titles_opinions_answers")
    migration.fill_public_titles(apps, None)
    published.refresh_from_db()
    draft.refresh_from_db()
    assert (published.title_ru, published.title_kk, published.title_en) == ("Оригинальное название", "", "")
    assert draft.title_ru == ""
