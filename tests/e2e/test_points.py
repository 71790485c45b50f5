"""A split proposal's points in Chromium on a 360 px phone, in Kazakh and Russian: readable, no sideways scroll."""
import pytest
from playwright.sync_api import expect

from proposals.core.models import ArticleChange, Party, PointOutcome, SubmitterKind
from proposals.core.workflow import NotAcceptedReason, State
from tests.factories import split_proposal

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("language, locale", [("kk", "kk-KZ"), ("ru", "ru-RU")])
def test_a_split_proposals_points_are_readable_on_a_phone(live_server, open_context, shot, language, locale):
    proposal = split_proposal(
        [
            {"summary_kk": "Мәжіліс депутаттарының санын 150-ге дейін көбейту ұсынылады, бәрі партиялық тізіммен.",
             "summary_ru": "Предлагается увеличить число депутатов Мажилиса до 150, всех по партийным спискам.",
             "articles": [("50", ArticleChange.AMEND), ("51", ArticleChange.AMEND)], "outcome": PointOutcome.ACCEPTED,
             "response_kk": "Заң жобасында ескерілді.", "response_ru": "Учтено в законопроекте."},
            {"summary_ru": "Упразднить Сенат и передать его полномочия Курултаю.",
             "articles": [("49", ArticleChange.REPEAL)], "outcome": PointOutcome.NOT_ACCEPTED,
             "outcome_reason": NotAcceptedReason.OTHER, "response_kk": "Реформа мақсатына қайшы.",
             "response_ru": "Противоречит целям реформы."},
            {"summary_kk": "Ашық дауыс беру.", "summary_ru": "Открытое голосование.",
             "outcome": PointOutcome.PARTIALLY_ACCEPTED},
        ],
        state=State.PARTIALLY_ACCEPTED, submitter_kind=SubmitterKind.PARTY, party=Party.objects.order_by("pk").first(),
    )
    _context, page = open_context(360, 780, locale)
    page.goto(f"{live_server.url}/{language}/proposals/{proposal.tracking_code}/")
    points = page.locator(".point-list > li")
    expect(points).to_have_count(3)
    expect(points.nth(0).locator(".badge--accepted")).to_be_visible()
    expect(points.nth(1).locator(".change--repeal")).to_be_visible()
    if language == "kk":
        # Point 2 has no Kazakh summary: the Russian one, marked.
        expect(points.nth(1).locator(".title-fallback")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, f"points-{language}-360")
