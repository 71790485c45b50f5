"""The idea desk in Chromium at 1280 px: an analyst opens a suggested campaign idea and confirms all its copies in one
step; a lead decides the idea with an answer template and releases the decision to every member's submitter."""
import pytest
from playwright.sync_api import expect

from proposals.core.models import (
    AnswerTemplate,
    Idea,
    IdeaMembership,
    Notification,
    Party,
    Point,
    Region,
    SubmitterKind,
)
from proposals.core.services.ideas import idea_confirm, ideas_suggest
from proposals.core.similarity import Match
from proposals.core.workflow import State
from tests.e2e.test_journeys import login
from tests.factories import make_proposal, make_user

pytestmark = pytest.mark.django_db(transaction=True)

LETTER = (
    "Предлагаю сократить число депутатов Мажилиса до 100 человек и избирать их только по партийным спискам, "
    "чтобы Парламент работал профессионально и отчитывался перед избирателями каждый год."
)
EDITS = [
    LETTER.replace("только по партийным спискам", "исключительно по партийным спискам"),
    LETTER.replace("каждый год", "каждые полгода").replace("Предлагаю", "Мы, жители Караганды, предлагаем"),
    LETTER.replace("профессионально", "честно и открыто"),
]
OTHER = "Нужно сократить Мажилис и ввести открытые партийные списки с рейтинговым голосованием избирателей."


def campaign():
    """A suggested idea: eight exact copies, three edited ones, the same idea in other words; two other ideas."""
    regions = list(Region.objects.order_by("pk")[:4])
    party = Party.objects.order_by("pk").first()
    proposals = [make_proposal(language="ru", title="Обращение", text=LETTER, region=regions[n % 4])
                 for n in range(8)]
    proposals += [make_proposal(language="ru", title="Обращение", text=text, region=regions[1]) for text in EDITS]
    proposals.append(make_proposal(language="ru", title="Предложение партии", text=OTHER,
                                   submitter_kind=SubmitterKind.PARTY, party=party))
    points = list(Point.objects.select_related("proposal").filter(proposal__in=proposals).order_by("pk"))
    ideas_suggest(clusters=[(points[0], [(point, Match(1.0, 1.0)) for point in points])])
    idea = Idea.objects.get()
    idea.title_ru = "Сократить Мажилис до 100 депутатов"
    idea.save()
    other = make_proposal(language="kk", title="Петициялар", text="Онлайн петициялар порталын ашу ұсынылады.",
                          submitter_kind=SubmitterKind.NGO, organisation="Азаматтық бастама")
    second = Point.objects.select_related("proposal").get(proposal=other)
    ideas_suggest(clusters=[(second, [(second, Match(1.0, 1.0))])])
    idea_confirm(idea=Idea.objects.order_by("-pk").first(), actor=make_user("analyst"), points=[second])
    AnswerTemplate.objects.create(
        name="Учтено", outcome=State.ACCEPTED, text_kk="Ұсыныс Конституция жобасында ескерілді.",
        text_ru="Предложение учтено в проекте Конституции.", text_en="Taken into account.",
    )
    return idea, proposals


def test_an_analyst_confirms_a_campaign_and_a_lead_decides_and_releases_it(live_server, open_context, shot,
                                                                            monkeypatch):
    # The likely-ideas task after each submission would suggest the copies to an idea of its own: this journey
    # starts from the clustering's one suggested idea.
    monkeypatch.setattr("proposals.core.services.points._suggest_later", lambda point_id: None)
    idea, proposals = campaign()
    base = live_server.url
    _context, page = open_context(1280, 900, "en-GB")
    login(page, base, "analyst")
    page.goto(f"{base}/admin/proposals/idea/?stage=suggested")
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Сократить Мажилис")
    page.goto(f"{base}/admin/proposals/idea/")
    expect(page.locator("#result_list tbody tr")).to_have_count(2)
    shot(page, "ideas-list")

    page.locator("#result_list a", has_text="Сократить Мажилис").click()
    suggestions = page.locator("#idea-suggestions tbody tr")
    expect(suggestions).to_have_count(12)
    expect(page.locator("#idea-suggestions ins", has_text="исключительно")).to_be_visible()
    expect(page.locator("#idea-suggestions .idea-kind-mark--exact")).to_have_count(8)
    shot(page, "idea-desk-campaign")

    page.get_by_role("button", name="Confirm all copies").click()
    expect(page.locator(".messagelist")).to_contain_text("confirmed in one step")
    expect(page.locator("#idea-members tbody tr")).to_have_count(11)
    expect(page.locator("#idea-suggestions tbody tr")).to_have_count(1)
    assert IdeaMembership.objects.filter(idea=idea).count() == 11

    _lead_context, lead_page = open_context(1280, 900, "en-GB")
    login(lead_page, base, "lead")
    lead_page.goto(f"{base}/admin/proposals/idea/{idea.pk}/change/")
    lead_page.get_by_role("link", name="Decide…").click()
    # The decision page loaded, its deferred script (which fills the response from a template) run.
    lead_page.wait_for_url(f"**/admin/proposals/idea/{idea.pk}/decide/", wait_until="load")
    template = AnswerTemplate.objects.get(name="Учтено")
    lead_page.select_option("#id_answer_template", value=str(template.pk))
    expect(lead_page.locator("#id_response_ru")).to_have_value("Предложение учтено в проекте Конституции.")
    expect(lead_page.locator("#id_outcome")).to_have_value(State.ACCEPTED)
    lead_page.fill("#id_note", "Решение Рабочей группы от 1 декабря")
    shot(lead_page, "idea-decision-form")
    lead_page.get_by_role("button", name="Record the decision").click()
    expect(lead_page.locator(".messagelist")).to_contain_text("Decided: 11 of 11 members answered.")

    lead_page.get_by_role("link", name="Release the decision…").click()
    expect(lead_page.locator(".act-warning")).to_contain_text("11 members' submitters will be told the answer.")
    before = Notification.objects.count()
    lead_page.get_by_role("button", name="Release the decision").click()
    expect(lead_page.locator(".messagelist")).to_contain_text("Released: 11 members' submitters are told the answer.")
    assert Notification.objects.count() - before == 11
    expect(lead_page.locator(".desk-history tbody tr").first).to_contain_text("Decision released")
    shot(lead_page, "idea-desk-released")
    lead_page.goto(f"{base}/admin/proposals/idea/")
    campaign_row = lead_page.locator("#result_list tbody tr", has_text="Сократить Мажилис")
    expect(campaign_row).to_contain_text("Citizen 11")
    expect(campaign_row.locator(".badge--accepted")).to_be_visible()
    shot(lead_page, "ideas-list-after-release")
