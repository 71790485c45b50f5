"""An idea's page and the register's list of ideas in Chromium, in Kazakh and Russian, on a desktop and a 360 px
phone: who proposed it, its answer, its public members; no sideways scroll."""
import pytest
from playwright.sync_api import expect

from proposals.core.models import Party, Point, Region, SubmitterKind
from proposals.core.services.idea_decisions import idea_decide, idea_member_decide_apart, idea_release
from proposals.core.services.ideas import idea_confirm, idea_edit, idea_publish, idea_start
from proposals.core.workflow import NotAcceptedReason, State
from tests.factories import make_proposal, make_user, public_proposal

pytestmark = pytest.mark.django_db(transaction=True)

TEXTS = {
    "title_kk": "Мәжіліс депутаттарын тек партиялық тізімдермен сайлау",
    "title_ru": "Избирать депутатов Мажилиса только по партийным спискам",
    "summary_kk": "Жүздеген азамат пен бірнеше партия Мәжілісті толығымен пропорционалды жүйемен сайлауды ұсынады.",
    "summary_ru": "Сотни граждан и несколько партий предлагают избирать Мажилис полностью по пропорциональной системе.",
}
ANSWER = {"kk": "Жұмыс тобы ұсынысты ішінара қабылдады: аралас жүйе сақталады.",
          "ru": "Рабочая группа приняла предложение частично: смешанная система сохраняется.", "en": ""}


def an_idea():
    analyst, lead = make_user("analyst"), make_user("lead")
    regions = list(Region.objects.order_by("pk")[:4])
    party = Party.objects.order_by("pk").first()
    published = [
        public_proposal(region=regions[i % 4], title_ru=f"Пропорциональная система, обращение {i + 1}",
                        title_kk=f"Пропорционалды жүйе, {i + 1}-өтініш", publish_name=i == 0,
                        submitter_name="Айгерім Нұрланқызы")
        for i in range(6)
    ]
    published.append(public_proposal(submitter_kind=SubmitterKind.PARTY, party=party, region=None,
                                     title_ru="Пакет предложений партии", title_kk="Партияның ұсыныстар пакеті"))
    published.append(public_proposal(submitter_kind=SubmitterKind.NGO, organisation="«Ашық сайлау» қоғамдық қоры",
                                     region=regions[1], title_ru="Честные выборы", title_kk="Әділ сайлау"))
    hidden = [make_proposal(region=regions[2], title="Не опубликовано") for _ in range(4)]
    points = [Point.objects.get(proposal=proposal, number=1) for proposal in published + hidden]
    idea = idea_start(point=points[0], actor=analyst)
    idea_confirm(idea=idea, actor=analyst, points=points[1:])
    idea_edit(idea=idea, actor=analyst, changes=TEXTS)
    idea_publish(idea=idea, actor=lead)
    idea_decide(idea=idea, actor=lead, outcome=State.PARTIALLY_ACCEPTED, response=ANSWER)
    idea_member_decide_apart(idea=idea, point=points[1], actor=lead, outcome=State.NOT_ACCEPTED,
                             reason=NotAcceptedReason.OTHER, response=ANSWER, note="другое предложение")
    idea_release(idea=idea, actor=lead)
    return idea, published, hidden


@pytest.mark.parametrize("language, locale", [("ru", "ru-RU"), ("kk", "kk-KZ")])
@pytest.mark.parametrize("width, height", [(1280, 900), (360, 780)])
def test_an_ideas_page_on_a_desktop_and_a_phone(live_server, open_context, shot, language, locale, width, height):
    idea, published, hidden = an_idea()
    _context, page = open_context(width, height, locale)
    page.goto(f"{live_server.url}/{language}/ideas/{idea.pk}/")
    expect(page.locator("h1")).to_contain_text(TEXTS[f"title_{language}"])
    expect(page.locator(".also")).to_contain_text("12")
    expect(page.locator(".response .badge--partially_accepted")).to_have_count(0)
    expect(page.locator(".facts .badge--partially_accepted")).to_be_visible()
    expect(page.locator(".member-row")).to_have_count(len(published))
    expect(page.locator(".member-row .apart")).to_have_count(1)
    for proposal in hidden:
        expect(page.get_by_text(proposal.tracking_code)).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, f"idea-{language}-{width}")


@pytest.mark.parametrize("width, height", [(1280, 900), (360, 780)])
def test_the_registers_list_of_ideas(live_server, open_context, shot, width, height):
    idea, _published, _hidden = an_idea()
    _context, page = open_context(width, height, "ru-RU")
    page.goto(f"{live_server.url}/ru/proposals/")
    page.get_by_role("link", name="Идеи", exact=True).first.click()
    expect(page).to_have_url(f"{live_server.url}/ru/proposals/?show=ideas")
    row = page.locator(".idea-row")
    expect(row).to_have_count(1)
    expect(row.locator(".badge--partially_accepted")).to_be_visible()
    expect(row).to_contain_text(TEXTS["title_ru"])
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, f"ideas-list-ru-{width}")
    row.get_by_role("link").first.click()
    expect(page).to_have_url(f"{live_server.url}/ru/ideas/{idea.pk}/")
