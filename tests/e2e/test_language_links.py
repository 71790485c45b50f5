"""The language links in the header, at phone and desktop widths: the same page and query in another language."""
import pytest
from playwright.sync_api import expect

from tests.factories import public_proposal

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width, height", [(390, 844), (1280, 900)])
def test_the_language_links_open_the_same_page_and_filters(live_server, open_context, shot, width, height):
    proposal = public_proposal()
    _context, page = open_context(width, height, "ru-RU")
    page.goto(f"{live_server.url}/ru/proposals/?category=electoral-system&sort=oldest")
    switcher = page.get_by_role("navigation", name="Язык")
    expect(switcher.locator("[aria-current=page]")).to_have_text("Русский")
    shot(page, f"language-links-ru-{width}")

    switcher.get_by_role("link", name="Қазақ").click()
    expect(page).to_have_url(f"{live_server.url}/kk/proposals/?category=electoral-system&sort=oldest")
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page.get_by_role("navigation", name="Тіл").locator("[aria-current=page]")).to_have_text("Қазақ")
    shot(page, f"language-links-kk-{width}")

    page.goto(f"{live_server.url}/kk/proposals/{proposal.tracking_code}/")
    page.get_by_role("navigation", name="Тіл").get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{live_server.url}/en/proposals/{proposal.tracking_code}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
