"""Messages to submitters through the outbox, delivered to a real SMTP server on a loopback port."""
import datetime
import re

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from proposals.core import access, services
from proposals.core.models import Notification, NotificationKind, NotificationStatus, Proposal, ProposalEvent
from proposals.core.notifications import delivery, links
from proposals.core.workflow import Action, NotAcceptedReason, State
from tests.factories import make_proposal, put_in_state
from tests.smtp import SMTPServer
from tests.submission import form_data

pytestmark = pytest.mark.django_db

SITE = "https://reform.example.kz"


def answered(proposal):
    """A recorded decision with its public response in Kazakh and Russian, which releasing it needs."""
    Proposal.objects.filter(pk=proposal.pk).update(response_kk="Жауап.", response_ru="Ответ.")
    return Proposal.objects.get(pk=proposal.pk)


@pytest.fixture
def smtp(settings):
    settings.PARLREFORM_SITE_URL = SITE
    with SMTPServer() as server:
        server.settings_for(settings)
        yield server


def deliver():
    """What the worker does: send every due message (the immediate backend also does it after each commit)."""
    return delivery.deliver_due()


def body(message):
    return message.get_body(("plain",)).get_content()


def html(message):
    return message.get_body(("html",)).get_content()


def assert_status_link(message, proposal, language):
    links_found = re.findall(r"https?://\S+", body(message))
    status = [link for link in links_found if "/track/link/" in link]
    assert len(status) == 1 and status[0].startswith(f"{SITE}/{language}/track/link/"), links_found
    token = status[0].rstrip("/").rsplit("/", 1)[-1]
    assert access.code_from_token(token) == proposal.tracking_code


def test_each_kind_arrives_once_in_the_submitters_language_with_the_status_link(
    client, smtp, analyst, lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ru/submit/", form_data("citizen", language="kk"))
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert (proposal.language, proposal.interface_language) == ("kk", "ru")
    Proposal.objects.filter(pk=proposal.pk).update(
        title_kk="Тақырып", title_ru="Заголовок", summary_kk="Қысқаша", summary_ru="Кратко",
        response_kk="Жұмыс тобы ұсынысқа келіседі.", response_ru="Рабочая группа согласна с предложением.",
    )
    steps = [
        lambda: services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=analyst),
        lambda: services.proposal_extend_deadline(proposal=proposal, actor=lead, working_days=5,
                                                  note="Нужна экспертиза"),
        lambda: services.proposal_transition(proposal=proposal, action=Action.ACCEPT_FOR_REVIEW, actor=analyst),
        lambda: services.proposal_publish(proposal=proposal, actor=lead),
        lambda: services.proposal_transition(proposal=proposal, action=Action.FORWARD, actor=lead),
        lambda: services.proposal_transition(proposal=proposal, action=Action.ACCEPT, actor=lead),
        lambda: services.proposal_release_decision(proposal=proposal, actor=lead),
    ]
    for step in steps:
        with django_capture_on_commit_callbacks(execute=True):
            step()
    other = make_proposal(language="en", interface_language="kk")
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_transition(proposal=other, action=Action.WITHDRAW, actor=None)

    subjects = [message["Subject"].strip() for message in smtp.messages]
    code, other_code = proposal.tracking_code, other.tracking_code
    assert subjects == [
        f"Ваше предложение зарегистрировано: {code}",
        f"Ваше предложение {code} рассматривается",
        f"Ответ на ваше предложение {code} задержится",
        f"Ваше предложение {code} опубликовано в реестре",
        f"Рабочая группа ответила на ваше предложение {code}",
        f"Сіздің {other_code} ұсынысыңыз кері қайтарылды",
    ]
    ids = [message["Message-ID"].strip() for message in smtp.messages]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"<notification-\d+@reform\.example\.kz>", i) for i in ids)
    for message in smtp.messages[:5]:
        assert message["To"].strip() == "aigul@example.org"
        assert_status_link(message, proposal, "ru")
        assert message["List-Unsubscribe"].strip().startswith(f"<{SITE}/ru/updates/off/")
        assert message["List-Unsubscribe-Post"].strip() == "List-Unsubscribe=One-Click"
        assert "/track/link/" in html(message)
    assert_status_link(smtp.messages[5], other, "kk")
    assert "Нужна экспертиза" in body(smtp.messages[2])
    assert f"{SITE}/ru/proposals/{code}/" in body(smtp.messages[3])
    decision = body(smtp.messages[4])
    assert "Принято" in decision and "Рабочая группа согласна с предложением." in decision
    assert Notification.objects.filter(status=NotificationStatus.SENT).count() == 6
    assert not Notification.objects.exclude(status=NotificationStatus.SENT).exists()


def test_a_rejection_names_its_reason(smtp, lead, django_capture_on_commit_callbacks):
    proposal = answered(put_in_state(make_proposal(interface_language="en"), State.NOT_ACCEPTED))
    Proposal.objects.filter(pk=proposal.pk).update(decision_reason=NotAcceptedReason.NOT_FEASIBLE)
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_release_decision(proposal=proposal, actor=lead)
    [message] = smtp.messages
    assert "Not accepted" in body(message) and "Not feasible at this stage" in body(message)


def test_no_subject_carries_what_the_submitter_typed(smtp, analyst, django_capture_on_commit_callbacks):
    proposal = make_proposal(title="Urgent: confirm your identity at http://evil.example", interface_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=analyst)
    [message] = smtp.messages
    assert "evil" not in message["Subject"] and "evil" not in body(message) and "Urgent" not in html(message)


def test_a_rolled_back_transition_queues_and_sends_nothing(smtp, analyst, django_capture_on_commit_callbacks):
    proposal = make_proposal()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=analyst)
        assert Notification.objects.count() == 1
        raise RuntimeError("the surrounding work failed")
    assert Notification.objects.count() == 0 and smtp.messages == []
    assert Proposal.objects.get(pk=proposal.pk).state == State.RECEIVED


def test_a_refused_transition_queues_nothing(analyst):
    proposal = make_proposal()
    with pytest.raises(services.WorkflowError):
        services.proposal_transition(proposal=proposal, action=Action.FORWARD, actor=analyst)
    assert not Notification.objects.exists()


def test_a_temporary_failure_is_retried_later_and_then_delivered(smtp, settings, analyst):
    settings.PARLREFORM_NOTIFY_RETRY_SECONDS = 60
    proposal = make_proposal()
    services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=analyst)
    smtp.recorder.replies.append("451 4.3.0 Try again later")
    assert deliver().stopped
    notification = Notification.objects.get()
    assert notification.status == NotificationStatus.QUEUED and notification.attempts == 1
    assert notification.last_error.startswith("451") and notification.next_attempt_at > timezone.now()
    assert deliver().sent == 0  # not due yet
    later = timezone.now() + datetime.timedelta(seconds=61)
    assert delivery.deliver_due(now=later).sent == 1
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT and notification.attempts == 2
    assert len(smtp.messages) == 1


def test_a_refused_connection_is_a_temporary_failure(settings, analyst):
    from tests.smtp import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    services.proposal_transition(proposal=make_proposal(), action=Action.START_SCREENING, actor=analyst)
    assert deliver().stopped
    notification = Notification.objects.get()
    assert notification.status == NotificationStatus.QUEUED and "ConnectionRefusedError" in notification.last_error


def test_retries_stop_after_the_limit_as_failed(smtp, settings, analyst):
    settings.PARLREFORM_NOTIFY_MAX_ATTEMPTS = 2
    services.proposal_transition(proposal=make_proposal(), action=Action.START_SCREENING, actor=analyst)
    smtp.recorder.replies.extend(["421 4.7.0 Busy", "421 4.7.0 Busy"])
    deliver()
    delivery.deliver_due(now=timezone.now() + datetime.timedelta(days=2))
    notification = Notification.objects.get()
    assert notification.status == NotificationStatus.FAILED and notification.attempts == 2
    assert smtp.messages == []


def test_a_permanent_failure_is_recorded_and_shown_to_staff(smtp, client, analyst):
    proposal = make_proposal()
    services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=analyst)
    smtp.recorder.replies.append("550 5.1.1 Mailbox does not exist")
    deliver()
    notification = Notification.objects.get()
    assert notification.status == NotificationStatus.FAILED and notification.attempts == 1
    assert "550 5.1.1 Mailbox does not exist" in notification.last_error
    client.force_login(analyst)
    failed_list = client.get("/admin/proposals/notification/")
    assert failed_list.status_code == 200
    listed = failed_list.content.decode()
    assert "Mailbox does not exist" in listed and proposal.tracking_code in listed
    page = client.get(f"/admin/proposals/proposal/{proposal.pk}/change/").content.decode()
    assert 'id="proposal-messages"' in page and "Mailbox does not exist" in page


def test_staff_send_a_failed_message_again_with_an_event(smtp, client, analyst):
    proposal = make_proposal()
    services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=analyst)
    smtp.recorder.replies.append("554 5.7.1 Rejected")
    deliver()
    notification = Notification.objects.get()
    client.force_login(analyst)
    response = client.post("/admin/proposals/notification/", {
        "action": "send_again", "_selected_action": [notification.pk],
    })
    assert response.status_code == 302
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.QUEUED and notification.attempts == 0
    event = ProposalEvent.objects.get(proposal=proposal, action=Action.RESEND_NOTIFICATION)
    assert event.actor == analyst and not event.is_public
    deliver()
    assert len(smtp.messages) == 1
    with pytest.raises(services.WorkflowError):
        services.notification_resend(notification=notification, actor=analyst)


def test_a_working_group_member_cannot_send_again(wg_member, analyst):
    services.proposal_transition(proposal=make_proposal(), action=Action.START_SCREENING, actor=analyst)
    Notification.objects.update(status=NotificationStatus.FAILED)
    with pytest.raises(services.WorkflowError):
        services.notification_resend(notification=Notification.objects.get(), actor=wg_member)


def test_one_click_unsubscribe_stops_the_next_message_and_the_status_page_turns_it_back_on(
    smtp, client, analyst, lead
):
    proposal = make_proposal()
    services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=analyst)
    deliver()
    [first] = smtp.messages
    url = first["List-Unsubscribe"].strip().strip("<>")
    path = url.removeprefix(SITE)
    # A mail scanner's GET changes nothing; it shows a confirmation.
    assert client.get(path).status_code == 200
    assert Proposal.objects.get(pk=proposal.pk).notify_submitter
    # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click", without a CSRF token.
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Proposal.objects.get(pk=proposal.pk).notify_submitter
    assert ProposalEvent.objects.get(proposal=proposal, action=Action.NOTIFICATIONS_OFF).is_public is False
    services.proposal_extend_deadline(proposal=proposal, actor=lead, working_days=2, note="Экспертиза")
    deliver()
    assert len(smtp.messages) == 1

    client.get(f"/kk/track/link/{access.status_token(proposal)}/")
    status = client.get(f"/kk/track/{proposal.tracking_code}/").content.decode()
    assert 'id="email-updates"' in status and 'value="on"' in status
    response = client.post(reverse("notifications_switch", args=[proposal.tracking_code]), {"notify": "on"})
    assert response.status_code == 302
    assert Proposal.objects.get(pk=proposal.pk).notify_submitter
    assert ProposalEvent.objects.filter(proposal=proposal, action=Action.NOTIFICATIONS_ON).count() == 1
    services.proposal_transition(proposal=proposal, action=Action.ACCEPT_FOR_REVIEW, actor=analyst)
    services.proposal_extend_deadline(proposal=proposal, actor=lead, working_days=1, note="Ещё")
    deliver()
    assert len(smtp.messages) == 2


def test_a_message_queued_before_the_unsubscribe_is_not_sent(smtp, client, analyst):
    proposal = make_proposal()
    services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=analyst)
    client.post(links.unsubscribe_link(proposal, "kk").removeprefix(SITE))
    deliver()
    assert smtp.messages == [] and Notification.objects.get().status == NotificationStatus.CANCELLED


def test_an_unsubscribe_link_with_a_bad_signature_changes_nothing(client):
    proposal = make_proposal()
    token = links.unsubscribe_token(proposal)
    response = client.post(f"/kk/updates/off/{token}x/")
    assert response.status_code == 400 and Proposal.objects.get(pk=proposal.pk).notify_submitter


def test_the_status_page_switch_needs_the_submitters_session(client):
    proposal = make_proposal()
    services.proposal_notifications_set(proposal=proposal, on=False)
    response = client.post(reverse("notifications_switch", args=[proposal.tracking_code]), {"notify": "on"})
    assert response.status_code == 302 and response["Location"].endswith("/track/")
    assert not Proposal.objects.get(pk=proposal.pk).notify_submitter


def test_nothing_is_sent_to_an_anonymised_proposal(smtp, analyst, lead):
    proposal = answered(put_in_state(make_proposal(), State.ACCEPTED))
    services.proposal_release_decision(proposal=proposal, actor=lead)
    queued = Notification.objects.get()
    services.proposal_anonymise(proposal=proposal)
    queued.refresh_from_db()
    assert queued.status == NotificationStatus.CANCELLED
    Proposal.objects.filter(pk=proposal.pk).update(
        title_kk="Тақырып", title_ru="Заголовок", summary_kk="Қысқаша", summary_ru="Кратко"
    )
    services.proposal_publish(proposal=Proposal.objects.get(pk=proposal.pk), actor=lead)
    deliver()
    assert smtp.messages == [] and Notification.objects.count() == 1


def test_a_submitter_without_an_address_gets_no_row(analyst):
    proposal = make_proposal(email="")
    services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=analyst)
    assert not Notification.objects.exists()


def test_development_delivers_in_process_after_the_commit(client, analyst, django_capture_on_commit_callbacks):
    # No worker, the immediate backend and the console (here the test) backend: one command, messages seen.
    proposal = make_proposal()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=analyst)
    [message] = mail.outbox
    assert proposal.tracking_code in message.subject
    assert message.alternatives and message.alternatives[0][1] == "text/html"


def test_releasing_many_decisions_queues_one_message_each_in_constant_queries(
    lead, django_assert_max_num_queries
):
    proposals = [answered(put_in_state(make_proposal(), State.ACCEPTED)) for _ in range(30)]
    already = put_in_state(make_proposal(), State.NOT_ACCEPTED, decision_released_at=timezone.now())
    open_one = make_proposal()
    ids = [p.pk for p in proposals] + [already.pk, open_one.pk]
    with django_assert_max_num_queries(12):
        released, refused = services.proposals_release_decisions(proposals=ids, actor=lead)
    assert released == 30 and sum(refused.values()) == 2
    assert Notification.objects.filter(kind=NotificationKind.DECISION).count() == 30
    assert ProposalEvent.objects.filter(action=Action.RELEASE_DECISION, is_public=True).count() == 30
    assert Proposal.objects.filter(decision_released_at__isnull=False).count() == 31


def test_the_daily_digest_reaches_the_assignee_and_leads_once_a_day(smtp, analyst, lead):
    from django.core.management import call_command

    analyst.email, lead.email = "analyst@example.org", "lead@example.org"
    analyst.save()
    lead.save()
    today = timezone.localdate()
    soon = make_proposal()
    services.proposal_assign(proposal=soon, assignee=analyst, actor=analyst)
    Proposal.objects.filter(pk=soon.pk).update(acknowledge_due=today)
    later = make_proposal()
    Proposal.objects.filter(pk=later.pk).update(acknowledge_due=today + datetime.timedelta(days=30))
    call_command("send_deadline_digest")
    call_command("send_deadline_digest")
    deliver()
    received = {message["To"].strip(): message for message in smtp.messages}
    assert sorted(received) == ["analyst@example.org", "lead@example.org"]
    for message in received.values():
        assert soon.tracking_code in body(message) and later.tracking_code not in body(message)
        assert soon.title not in message["Subject"]


def test_a_decision_reconsidered_before_its_message_went_out_is_not_announced(smtp, lead):
    proposal = answered(put_in_state(make_proposal(), State.ACCEPTED))
    services.proposal_release_decision(proposal=proposal, actor=lead)
    services.proposal_transition(proposal=proposal, action=Action.RECONSIDER, actor=lead, note="Новые данные")
    deliver()
    assert smtp.messages == []
    assert Notification.objects.get(kind=NotificationKind.DECISION).status == NotificationStatus.CANCELLED
