"""The Constitution's pages and the article picker in Chromium, at desktop and phone widths, in Kazakh and Russian."""
import pytest
from playwright.sync_api import expect

from proposals.core import services
from proposals.core.models import Article, ArticleChange, SubmitterKind
from proposals.core.workflow import State
from tests.factories import make_user, public_proposal

pytestmark = pytest.mark.django_db(transaction=True)

TEXT_KK = ("Қазақстан Республикасының Парламенті заң шығару қызметін жүзеге асыратын ең жоғары өкілді органы "
           "болып табылады.")
TEXT_RU = ("Парламент Республики Казахстан является высшим представительным органом, осуществляющим "
           "законодательные функции.")


def published_on_articles():
    Article.objects.filter(number="50").update(text_kk=TEXT_KK, text_ru=TEXT_RU, edition="1995")
    lead = make_user("lead")
    fifty, fortynine = Article.objects.get(number="50"), Article.objects.get(number="49")
    made = [
        public_proposal(State.ACCEPTED, title="Бірпалаталы Парламент құру", articles=""),
        public_proposal(State.NOT_ACCEPTED, title="Сократить число депутатов до 77", language="ru", articles="",
                        submitter_kind=SubmitterKind.EXPERT, organisation="КазНУ"),
        public_proposal(title="Партиялық тізімдер бойынша сайлау", articles="", submitter_kind=SubmitterKind.NGO,
                        organisation="«Ашық қоғам»"),
    ]
    changes = [[(fifty, ArticleChange.AMEND), (fortynine, ArticleChange.CONCERNS)], [(fifty, ArticleChange.REPEAL)],
               [(fifty, ArticleChange.ADD)]]
    for proposal, links in zip(made, changes, strict=True):
        services.proposal_articles_set(proposal=proposal, actor=lead, links=links)
    public_proposal(articles="86")
    return made


@pytest.mark.parametrize("language, locale", [("kk", "kk-KZ"), ("ru", "ru-RU")])
@pytest.mark.parametrize("width, height", [(1280, 900), (390, 844)])
def test_constitution_index_and_article_page(live_server, open_context, shot, language, locale, width, height):
    made = published_on_articles()
    _context, page = open_context(width, height, locale)
    page.goto(f"{live_server.url}/{language}/constitution/")
    row = page.locator("#section-4 tbody tr").filter(has=page.locator("a[href$='/constitution/50/']"))
    expect(row.locator("td").first).to_have_text("3")
    expect(page.locator("#section-4 h2")).to_contain_text("Парламент")
    # Sections without proposals fold to their heading; opening one shows its articles.
    expect(page.locator("#section-1 a[href$='/constitution/1/']")).to_be_hidden()
    page.locator("#section-1 summary").click()
    expect(page.locator("#section-1 a[href$='/constitution/1/']")).to_be_visible()
    shot(page, f"index-{language}-{width}")
    row.locator("a").click()
    expect(page.locator("h1")).to_contain_text("50")
    expect(page.locator(".article-text blockquote")).to_contain_text(TEXT_KK[:20] if language == "kk" else TEXT_RU[:20])
    # Each proposal under its public title in the page's language.
    expect(page.locator(".results")).to_contain_text(getattr(made[0], f"title_{language}"))
    expect(page.locator(".results .change--repeal")).to_have_count(1)
    shot(page, f"article-{language}-{width}")


def test_the_picker_suggests_articles_with_their_section(live_server, open_context, shot):
    _context, page = open_context(390, 844, "ru-RU")
    page.goto(f"{live_server.url}/ru/submit/")
    field = page.locator("#id_articles")
    field.fill("49, 5")
    suggestions = page.locator(".article-picker__list")
    expect(suggestions).to_be_visible()
    expect(suggestions.locator("button").first).to_contain_text("5")
    page.locator(".article-picker__list button", has_text="50").first.click()
    expect(field).to_have_value("49, 50, ")
    field.fill("парл")
    expect(suggestions.locator("button").first).to_contain_text("Парламент")
    shot(page, "picker")
