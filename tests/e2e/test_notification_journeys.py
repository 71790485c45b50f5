"""Email updates as people meet them: the submitter's switch on the status page, the staff's view of deliveries."""
import pytest
from playwright.sync_api import expect

from proposals.core import access, services
from proposals.core.models import Notification, NotificationStatus, Proposal, ProposalEvent
from proposals.core.workflow import Action
from tests.factories import make_proposal, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_submitter_turns_email_updates_off_and_on_again_on_a_phone(live_server, open_context, shot):
    proposal = make_proposal(interface_language="ru")
    _context, page = open_context(390, 844, "ru-RU")
    page.goto(f"{live_server.url}/ru/track/link/{access.status_token(proposal)}/")
    updates = page.locator("#email-updates")
    expect(updates).to_contain_text("Включены")
    shot(page, "status-updates-on")
    updates.get_by_role("button", name="Отключить уведомления").click()
    expect(page.locator("#email-updates")).to_contain_text("Отключены")
    assert not Proposal.objects.get(pk=proposal.pk).notify_submitter
    shot(page, "status-updates-off")
    page.locator("#email-updates").get_by_role("button", name="Включить уведомления").click()
    expect(page.locator("#email-updates")).to_contain_text("Включены")
    assert Proposal.objects.get(pk=proposal.pk).notify_submitter


def test_staff_see_a_failed_delivery_and_send_it_again(live_server, open_context, shot, settings):
    settings.EMAIL_BACKEND = "tests.test_submission.FailingBackend"
    settings.PARLREFORM_NOTIFY_MAX_ATTEMPTS = 1
    analyst = make_user("analyst", username="analyst-mail")
    proposal = make_proposal()
    # Delivered in-process after the commit (no worker), and refused.
    services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=analyst)
    assert Notification.objects.get().status == NotificationStatus.FAILED
    _context, page = open_context(1280, 900, "en-GB")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", analyst.username)
    page.fill("#id_password", "test-password-123")
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/proposals/proposal/{proposal.pk}/change/")
    panel = page.locator("#proposal-messages")
    expect(panel).to_contain_text("Failed")
    expect(panel).to_contain_text("ConnectionRefusedError")
    shot(page, "proposal-page-messages")
    page.goto(f"{live_server.url}/admin/proposals/notification/")
    expect(page.locator("#result_list")).to_contain_text(proposal.tracking_code)
    shot(page, "failed-deliveries")
    page.locator("input[name=_selected_action]").first.check()
    page.select_option("select[name=action]", "send_again")
    page.click("button[name=index]")
    expect(page.locator(".messagelist")).to_contain_text("1 done, 0 refused")
    # Sent again at once (in-process here) and refused again by the same server: a fresh count of attempts.
    assert ProposalEvent.objects.filter(proposal=proposal, action=Action.RESEND_NOTIFICATION).count() == 1
    assert Notification.objects.get().attempts == 1
