"""The proposal desk in Chromium: a filtered queue worked through with next/previous and shortcut keys, the
warning before leaving unsaved edits, an action that saves the typed summaries first, and axe in kk and ru."""
import datetime
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from playwright.sync_api import expect

from proposals.core import attachments, services
from proposals.core.models import Category, Party, Proposal, SubmitterKind
from proposals.core.workflow import Action, State
from tests.e2e.test_accessibility import SERIOUS
from tests.e2e.test_journeys import login
from tests.factories import make_proposal, make_user
from tests.submission import PDF_BYTES, docx_bytes

pytestmark = pytest.mark.django_db(transaction=True)

LONG_TEXT = "\n\n".join(
    [
        "Бірпалаталы Парламентке көшу кезінде мәслихаттардың өкілеттігін кеңейту ұсынылады: облыстық "
        "мәслихаттар жергілікті бюджетті бекітіп қана қоймай, оның орындалуын тексеретін болсын. " * 3,
        "Екіншіден, депутаттық сауалдарға жауап беру мерзімі он бес жұмыс күнінен аспауы тиіс.\n"
        "Үшіншіден, жауаптар ашық жариялансын.",
        "Конституцияның 86-бабына тиісті өзгерістер енгізу қажет. " * 4,
    ]
)


def desk_violations(page):
    """axe's serious and critical findings. Without its preload: on the admin's pages it copies the style sheets
    into inline <style> elements, which the pages' CSP (rightly) blocks and the watcher reports as page errors."""
    results = Axe().run(page, options={"resultTypes": ["violations"], "preload": False})
    return [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]][:3])
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


def at(day, hour=10):
    return timezone.make_aware(datetime.datetime(2026, 11, day, hour))


def queue(tmp_path, settings):
    """Three party proposals (the filtered queue, newest first) among citizens' ones."""
    settings.MEDIA_ROOT = tmp_path / "media"
    party = Party.objects.get(slug="ak-zhol")
    category = Category.objects.order_by("pk").first()
    files = attachments.check([SimpleUploadedFile("Түсіндірме жазба.pdf", PDF_BYTES),
                               SimpleUploadedFile("Кестелер.docx", docx_bytes())])
    oldest = make_proposal(title="Ашық партиялық тізімдер", submitter_kind=SubmitterKind.PARTY, party=party,
                           submitter_name="Сәуле Жақсыбекова", position="Хатшы", received_at=at(2),
                           category=category)
    middle = make_proposal(title="Мәслихаттардың өкілеттігін кеңейту", submitter_kind=SubmitterKind.PARTY,
                           party=party, submitter_name="Ерлан Нұрғалиев", position="Заңгер", text=LONG_TEXT,
                           rationale="Жергілікті өзін-өзі басқаруды күшейту.", received_at=at(4),
                           attachments=files, category=category)
    newest = make_proposal(title="Депутаттық сауалдар туралы", submitter_kind=SubmitterKind.PARTY, party=party,
                           submitter_name="Асқар Бекұлы", position="Төраға орынбасары", received_at=at(6),
                           category=category)
    for day in (3, 5):
        make_proposal(title=f"Азаматтың ұсынысы {day}", received_at=at(day))
    return party, [newest, middle, oldest]


def filtered_list(base, party):
    return f"{base}/admin/proposals/proposal/?submitter_kind__exact=party&party__id__exact={party.pk}"


def desk_ready(page):
    """The shortcuts are bound once desk.js has run (it shows the help button): keys pressed before are lost."""
    expect(page.locator(".desk-help-button")).to_be_visible()


def filters_of(url):
    return re.search(r"_changelist_filters=([^&]+)", url).group(1)


def test_an_analyst_works_through_a_filtered_queue_with_next_previous_and_shortcut_keys(
    live_server, open_context, shot, tmp_path, settings
):
    party, (newest, middle, oldest) = queue(tmp_path, settings)
    _context, page = open_context(1280, 900, "ru-RU")
    login(page, live_server.url, "analyst")
    page.goto(filtered_list(live_server.url, party))
    expect(page.locator("#result_list tbody tr")).to_have_count(3)
    page.locator("#result_list").get_by_role("link", name=newest.tracking_code).click()
    expect(page.locator("h1")).to_contain_text(newest.tracking_code)
    kept = filters_of(page.url)
    assert "party__id__exact" in kept

    # j: the next of the filtered list (a citizen's proposal of 5 November lies between, but is not in it).
    desk_ready(page)
    page.keyboard.press("j")
    expect(page.locator("h1")).to_contain_text(middle.tracking_code)
    assert filters_of(page.url) == kept
    reading = page.locator(".desk-reading")
    expect(reading.locator(".desk-text p")).to_have_count(4)
    expect(reading.locator(".desk-files li")).to_have_count(2)
    expect(reading.locator(".desk-files")).to_contain_text("application/pdf")
    expect(reading.locator(".desk-submitter [data-field=party]")).to_have_count(1)
    expect(reading.locator(".desk-submitter [data-field=bin]")).to_have_count(0)
    expect(reading.locator(".desk-submitter [data-field=organisation]")).to_have_count(0)
    expect(page.locator("textarea[name=text]")).to_have_count(0)
    shot(page, "ru-desk-1280")

    # Typing in a field: the shortcut keys are text, not commands.
    page.fill("#id_summary_ru", "")
    page.locator("#id_summary_ru").press_sequentially("jk")
    expect(page.locator("h1")).to_contain_text(middle.tracking_code)
    expect(page.locator("#id_summary_ru")).to_have_value("jk")
    page.locator("#id_summary_ru").fill("Автор предлагает расширить полномочия маслихатов.")

    # n: save and next, in the same filtered list.
    page.locator("#id_summary_ru").evaluate("field => field.blur()")
    desk_ready(page)
    page.keyboard.press("n")
    expect(page.locator("h1")).to_contain_text(oldest.tracking_code)
    expect(page.locator(".messagelist")).to_be_visible()
    assert filters_of(page.url) == kept
    assert Proposal.objects.get(pk=middle.pk).summary_ru == "Автор предлагает расширить полномочия маслихатов."

    # At the end of the list, j returns to the same filtered list.
    desk_ready(page)
    page.keyboard.press("j")
    expect(page.locator("#result_list tbody tr")).to_have_count(3)
    assert "party__id__exact" in page.url

    page.go_back()
    expect(page.locator("h1")).to_contain_text(oldest.tracking_code)
    desk_ready(page)
    page.keyboard.press("k")
    expect(page.locator("h1")).to_contain_text(middle.tracking_code)
    assert filters_of(page.url) == kept

    # ?: the help lists the shortcuts; f: the action panel; an action keeps the filters.
    desk_ready(page)
    page.keyboard.press("?")
    help_dialog = page.get_by_role("dialog")
    expect(help_dialog).to_be_visible()
    expect(help_dialog.locator("kbd", has_text=re.compile("^j$"))).to_be_visible()
    shot(page, "ru-shortcut-help")
    page.keyboard.press("Escape")
    expect(help_dialog).to_be_hidden()
    desk_ready(page)
    page.keyboard.press("f")
    # The action panel's first control has the focus ("Assign to me"); Tab moves on to the first action.
    expect(page.locator(":focus")).to_have_attribute("data-shortcut", "a")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_attribute("name", "_act")
    expect(focused).to_have_attribute("value", Action.START_SCREENING)
    page.keyboard.press("Enter")
    expect(page.locator(".messagelist")).to_be_visible()
    assert filters_of(page.url) == kept
    assert Proposal.objects.get(pk=middle.pk).state == State.SCREENING

    # The list link keeps the filters too.
    desk_ready(page)
    page.keyboard.press("l")
    expect(page.locator("#result_list tbody tr")).to_have_count(3)


def test_leaving_a_page_with_unsaved_edits_asks_first(live_server, open_context, tmp_path, settings):
    party, (newest, middle, _oldest) = queue(tmp_path, settings)
    _context, page = open_context(1280, 900, "ru-RU")
    login(page, live_server.url, "analyst")
    page.goto(filtered_list(live_server.url, party))
    page.locator("#result_list").get_by_role("link", name=newest.tracking_code).click()
    page.locator("#id_summary_kk").click()
    page.keyboard.type("Жаңа мазмұны")
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", answer)
    page.get_by_role("link", name=re.compile("Следующее|Next")).click()
    expect(page.locator("#id_summary_kk")).to_have_value("Жаңа мазмұны")
    assert dialogs == ["beforeunload"]
    expect(page.locator("h1")).to_contain_text(newest.tracking_code)

    # Saving is not leaving: no question.
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_be_visible()
    assert dialogs == ["beforeunload"]


def test_a_lead_publishes_with_typed_summaries_and_the_typed_text_is_what_is_published(live_server, open_context):
    proposal = make_proposal(title="Мәслихаттардың өкілеттігін кеңейту")
    lead = make_user("lead")
    for action in (Action.START_SCREENING, Action.ACCEPT_FOR_REVIEW):
        services.proposal_transition(proposal=proposal, action=action, actor=lead)
    Proposal.objects.filter(pk=proposal.pk).update(
        title_kk="Мәслихаттар", title_ru="Маслихаты", summary_kk="Ескі мазмұны.", summary_ru="Старое изложение."
    )
    _context, page = open_context(1280, 900, "ru-RU")
    login(page, live_server.url, "lead")
    page.goto(f"{live_server.url}/admin/proposals/proposal/{proposal.pk}/change/")
    page.fill("#id_summary_kk", "Жаңа мазмұны.")
    page.fill("#id_summary_ru", "Новое изложение.")
    page.click(f"button[name=_act][value={Action.PUBLISH}]")
    expect(page.locator(".messagelist")).to_be_visible()
    proposal.refresh_from_db()
    assert proposal.published_at is not None
    assert (proposal.summary_kk, proposal.summary_ru) == ("Жаңа мазмұны.", "Новое изложение.")
    expect(page.locator("#id_summary_ru")).to_have_value("Новое изложение.")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_desk_has_no_serious_accessibility_violations(live_server, open_context, shot, tmp_path, settings,
                                                         language):
    party, (_newest, middle, _oldest) = queue(tmp_path, settings)
    _context, page = open_context(1280, 900, f"{language}-KZ")
    login(page, live_server.url, "lead")
    page.goto(filtered_list(live_server.url, party))
    page.locator("#result_list").get_by_role("link", name=middle.tracking_code).click()
    expect(page.locator(".desk-reading")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == language
    shot(page, f"{language}-desk-1280")
    found = {"desk": desk_violations(page)}
    desk_ready(page)
    page.keyboard.press("?")
    expect(page.get_by_role("dialog")).to_be_visible()
    found["help"] = desk_violations(page)
    page.keyboard.press("Escape")
    page.get_by_role("link", name=re.compile("Correct|Түзет|Исправ")).first.click()
    expect(page.locator("#id_note")).to_be_visible()
    found["correct"] = desk_violations(page)
    shot(page, f"{language}-correct")
    assert {name: v for name, v in found.items() if v} == {}


def test_the_desk_at_1920_pixels(live_server, open_context, shot, tmp_path, settings):
    party, (_newest, middle, _oldest) = queue(tmp_path, settings)
    _context, page = open_context(1920, 1080, "ru-KZ")
    login(page, live_server.url, "lead")
    page.goto(f"{live_server.url}/admin/proposals/proposal/{middle.pk}/change/")
    expect(page.locator(".desk-reading")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    reading, work = page.locator(".desk-reading").bounding_box(), page.locator(".desk-work").bounding_box()
    panel = page.locator(".desk-panel").bounding_box()
    # Text, what staff write and the actions side by side.
    assert reading["x"] < work["x"] < panel["x"] and abs(reading["y"] - work["y"]) < 5
    shot(page, "ru-desk-1920")
