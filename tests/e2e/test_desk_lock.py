"""Two people on one proposal's desk page: the second sees who is editing and cannot save; a lead takes it over."""
import pytest
from playwright.sync_api import expect

from proposals.core.models import Proposal, ProposalLock
from tests.factories import make_proposal, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, base, user):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "test-password-123")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()


def test_a_second_analyst_cannot_save_over_the_first_and_a_lead_takes_over(live_server, open_context, shot):
    original = make_proposal(title="Численность депутатов однопалатного Парламента", language="ru")
    proposal = make_proposal(title="Численность депутатов однопалатного Парламента", language="ru")
    first = make_user("analyst", username="aigerim", first_name="Айгерим", last_name="Нурланова")
    second = make_user("analyst", username="dauren")
    lead = make_user("lead", username="lead-desk")
    url = f"{live_server.url}/admin/proposals/proposal/{proposal.pk}/change/"

    _one, page_one = open_context(1280, 900, "ru-RU")
    sign_in(page_one, live_server.url, first)
    page_one.goto(url)
    expect(page_one.locator(".edit-lock--mine")).to_be_visible()
    # The likely duplicates arrive after the page, in place of the link.
    expect(page_one.locator("[data-duplicates-loaded]")).to_contain_text(original.tracking_code)

    _two, page_two = open_context(1280, 900, "ru-RU")
    sign_in(page_two, live_server.url, second)
    page_two.goto(url)
    banner = page_two.locator(".edit-lock--other")
    expect(banner).to_contain_text("Айгерим Нурланова")
    expect(banner.locator("button")).to_have_count(0)
    page_two.fill("#id_summary_ru", "Текст второго аналитика")
    shot(page_two, "lock-banner-ru-1280")
    page_two.click("input[name=_continue]")
    expect(page_two.locator(".errornote, .errorlist.nonfield")).to_have_count(2)
    expect(page_two.locator(".errorlist.nonfield")).to_contain_text("Айгерим Нурланова")
    expect(page_two.locator("#id_summary_ru")).to_have_value("Текст второго аналитика")
    shot(page_two, "save-refused-ru-1280")
    assert Proposal.objects.get(pk=proposal.pk).summary_ru == ""

    _three, page_three = open_context(1280, 900, "ru-RU")
    sign_in(page_three, live_server.url, lead)
    page_three.goto(url)
    take_over = page_three.locator(".edit-lock--other button")
    expect(take_over).to_be_visible()
    shot(page_three, "lock-banner-lead-ru-1280")
    take_over.click()
    expect(page_three.locator(".messagelist")).to_be_visible()
    expect(page_three.locator(".edit-lock--mine")).to_be_visible()
    page_three.fill("#id_summary_ru", "Текст руководителя")
    page_three.click("input[name=_continue]")
    expect(page_three.locator(".messagelist .success")).to_be_visible()

    assert Proposal.objects.get(pk=proposal.pk).summary_ru == "Текст руководителя"
    assert ProposalLock.objects.get(proposal=proposal).holder == lead
    page_one.reload()
    expect(page_one.locator(".edit-lock--other")).to_contain_text("lead-desk")
