"""The work queue in Chromium: it fits 1280 px in Russian and Kazakh with demo data, passes axe, assigns in a click."""
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from proposals.core.models import Party, Proposal, SubmitterKind
from proposals.core.workflow import State
from tests.e2e.test_accessibility import serious_violations
from tests.e2e.test_journeys import login
from tests.factories import ensure_roles, make_proposal, put_in_state

pytestmark = pytest.mark.django_db(transaction=True)

LIST = "/admin/proposals/proposal/"
LONG_TITLE = {
    "ru": "О внесении изменений в статьи 50, 51, 53 и 61 Конституции в части порядка формирования однопалатного "
          "Курултая, пропорциональной избирательной системы, открытых партийных списков и парламентского контроля "
          "над исполнением республиканского бюджета",
    "kk": "Конституцияның 50, 51, 53 және 61-баптарына бірпалаталы Құрылтайды жасақтау тәртібі, пропорционалды "
          "сайлау жүйесі, ашық партиялық тізімдер және республикалық бюджеттің атқарылуына парламенттік бақылау "
          "бөлігінде өзгерістер енгізу туралы",
}


def demo_queue():
    """The demo data, plus the longest names a row can meet (a 300-character title, a long party and NGO)."""
    ensure_roles()  # a transactional test's flush removed the groups the migrations made
    call_command("seed_demo", count=80, verbosity=0)
    for language, title in LONG_TITLE.items():
        make_proposal(title=title[:300], language=language, submitter_kind=SubmitterKind.NGO,
                      organisation="Общественное объединение «Центр поддержки гражданских инициатив и "
                                   "парламентской реформы Республики Казахстан»")
    long_party = Party.objects.order_by("-name_kk").first()
    forwarded = make_proposal(title=LONG_TITLE["kk"][:300], submitter_kind=SubmitterKind.PARTY, party=long_party)
    put_in_state(forwarded, State.WITH_WORKING_GROUP)


def horizontal_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_queue_fits_1280_pixels_and_has_no_serious_accessibility_violations(live_server, open_context, shot,
                                                                                language):
    demo_queue()
    _context, page = open_context(1280, 900, f"{language}-KZ")
    login(page, live_server.url, "analyst")
    # Signing in lands on the queue: nothing assigned yet, so the proposals to screen.
    expect(page).to_have_url(re.compile(r"/admin/proposals/proposal/\?queue=screen$"))
    assert page.evaluate("document.documentElement.lang") == language
    expect(page.locator(".queue-tabs a[aria-current=page]")).to_contain_text(re.compile(r"\d"))
    expect(page.locator("details.filter-panel")).not_to_have_attribute("open", "")
    found = {}
    for name, query in [("to-screen", "?queue=screen"), ("everything", "?queue=all"), ("open", ""),
                        ("with-working-group", "?queue=wg")]:
        page.goto(f"{live_server.url}{LIST}{query}")
        expect(page.locator("#result_list tbody tr").first).to_be_visible()
        assert horizontal_overflow(page) <= 0, (name, horizontal_overflow(page))
        found[name] = serious_violations(page)
        shot(page, f"{language}-1280-{name}")
    # Every column that matters is within the window, the last one included.
    header = page.locator("#result_list thead th").last
    assert header.bounding_box()["x"] + header.bounding_box()["width"] <= 1280

    page.locator("details.filter-panel > summary").click()
    expect(page.locator("details.filter-panel")).to_have_attribute("open", "")
    assert horizontal_overflow(page) <= 0
    found["filters-open"] = serious_violations(page)
    shot(page, f"{language}-1280-filters-open")
    problems = {name: violations for name, violations in found.items() if violations}
    print(problems)
    assert problems == {}


def test_the_filter_panel_is_open_beside_the_list_on_a_wide_screen(live_server, open_context, shot):
    demo_queue()
    _context, page = open_context(1920, 1000, "ru-KZ")
    login(page, live_server.url, "analyst")
    expect(page.locator("details.filter-panel")).to_have_attribute("open", "")
    assert horizontal_overflow(page) <= 0
    panel, table = page.locator("#changelist-filter").bounding_box(), page.locator("#result_list").bounding_box()
    assert panel["x"] >= table["x"] + table["width"]  # beside the list, not above it
    shot(page, "ru-1920-queue")


def test_an_analyst_assigns_from_a_filtered_list_and_from_the_page_and_keeps_the_filters(live_server, open_context,
                                                                                       shot):
    first, second = make_proposal(title="Ашық партиялық тізімдер"), make_proposal(title="Открытые списки")
    _context, page = open_context(1280, 900, "ru-KZ")
    analyst = login(page, live_server.url, "analyst")
    page.goto(f"{live_server.url}{LIST}?queue=screen&language__exact=kk")
    row = page.locator("#result_list tbody tr", has_text=first.tracking_code)
    row.locator("button.assign-me").click()
    expect(page.locator(".messagelist")).to_contain_text(first.tracking_code)
    assert parse_qs(urlsplit(page.url).query) == {"queue": ["screen"], "language__exact": ["kk"]}
    assigned_row = page.locator("#result_list tbody tr", has_text=first.tracking_code)
    expect(assigned_row.locator("button.assign-me")).to_have_count(0)
    shot(page, "assigned-from-the-list")

    page.goto(f"{live_server.url}{LIST}?queue=screen")
    page.locator("#result_list a", has_text=second.tracking_code).click()
    page.locator("[data-shortcut=a]").click()
    expect(page.locator(".messagelist")).to_contain_text(second.tracking_code)
    assert urlsplit(page.url).path == f"{LIST}{second.pk}/change/"
    assert parse_qs(urlsplit(page.url).query) == {"_changelist_filters": ["queue=screen"]}
    expect(page.locator("[data-shortcut=a]")).to_have_count(0)
    shot(page, "assigned-from-the-page")
    assert set(Proposal.objects.filter(pk__in=[first.pk, second.pk]).values_list("assignee", flat=True)) == {
        analyst.pk
    }
