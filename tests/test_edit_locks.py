"""Edit locks on the review desk: who is working on a proposal, what a colleague's save meets, expiry, take-over."""
import datetime

import pytest
from django.test import Client
from django.utils import timezone, translation

from proposals.core import services
from proposals.core.models import Proposal, ProposalEvent, ProposalLock
from proposals.core.workflow import Action, State
from tests.factories import make_proposal, make_user, proposal_in_state
from tests.test_admin import LIST, change_form_post, change_url

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_opening_the_page_for_editing_checks_the_proposal_out_for_the_configured_time(settings):
    settings.PARLREFORM_EDIT_LOCK_MINUTES = 15
    analyst, proposal = make_user("analyst"), make_proposal()
    before = timezone.now()

    client_for(analyst).get(change_url(proposal))

    lock = ProposalLock.objects.get(proposal=proposal)
    assert lock.holder == analyst
    assert before + datetime.timedelta(minutes=15) <= lock.expires <= timezone.now() + datetime.timedelta(minutes=15)


def test_a_working_group_member_opening_the_page_takes_no_lock():
    proposal = make_proposal()
    page = client_for(make_user("working-group member")).get(change_url(proposal))
    assert page.status_code == 200
    assert not ProposalLock.objects.exists()


def test_a_colleague_sees_who_is_editing_and_since_when():
    first, second, proposal = make_user("analyst", first_name="Айгерім", last_name="Нұрланова"), make_user(
        "analyst"), make_proposal()
    client_for(first).get(change_url(proposal))

    page = client_for(second).get(change_url(proposal), HTTP_ACCEPT_LANGUAGE="ru")

    lock = ProposalLock.objects.get(proposal=proposal)
    assert lock.holder == first
    assert page.context["edit_lock_message"] == services.locked_message(lock)
    html = page.content.decode()
    assert "Айгерім Нұрланова" in html and timezone.localtime(lock.since).strftime("%H:%M") in html
    assert not page.context["edit_lock_can_take_over"]


def test_a_colleagues_save_is_refused_with_the_message_and_the_typed_text_stays():
    holder, other, proposal = make_user("analyst"), make_user("analyst"), make_proposal()
    other_client = client_for(other)
    other_client.get(change_url(proposal))  # The other analyst opens the page first, before anyone holds it...
    ProposalLock.objects.all().delete()
    client_for(holder).get(change_url(proposal))  # ...then the holder checks it out.

    response = change_form_post(other_client, proposal, summary_ru="Мой новый текст резюме")

    assert response.status_code == 200
    form = response.context["adminform"].form
    lock = ProposalLock.objects.get(proposal=proposal)
    assert form.non_field_errors() == [services.locked_message(lock)]
    assert form["summary_ru"].value() == "Мой новый текст резюме"
    assert "Мой новый текст резюме" in response.content.decode()
    assert Proposal.objects.get(pk=proposal.pk).summary_ru == ""
    assert not ProposalEvent.objects.filter(proposal=proposal, action=Action.EDIT).exists()


def test_the_holder_saves_and_leaving_ends_the_lock():
    holder, proposal = make_user("analyst"), make_proposal()
    client = client_for(holder)

    response = change_form_post(client, proposal, summary_ru="Краткое содержание", _save="1")

    assert response.status_code == 302
    assert Proposal.objects.get(pk=proposal.pk).summary_ru == "Краткое содержание"
    assert not ProposalLock.objects.filter(proposal=proposal).exists()


def test_save_and_continue_renews_the_holders_lock():
    holder, proposal = make_user("analyst"), make_proposal()
    client = client_for(holder)
    client.get(change_url(proposal))
    ProposalLock.objects.filter(proposal=proposal).update(expires=timezone.now() + datetime.timedelta(minutes=1))

    response = change_form_post(client, proposal, summary_ru="Краткое", _continue="1")

    assert response.status_code == 302
    lock = ProposalLock.objects.get(proposal=proposal)
    assert lock.holder == holder and lock.expires > timezone.now() + datetime.timedelta(minutes=10)


def test_an_expired_lock_no_longer_blocks_and_the_next_opener_takes_it():
    holder, other, proposal = make_user("analyst"), make_user("analyst"), make_proposal()
    client_for(holder).get(change_url(proposal))
    ProposalLock.objects.filter(proposal=proposal).update(expires=timezone.now() - datetime.timedelta(seconds=1))

    response = change_form_post(client_for(other), proposal, summary_ru="После истечения")

    assert response.status_code == 302
    assert Proposal.objects.get(pk=proposal.pk).summary_ru == "После истечения"


def test_a_leads_take_over_moves_the_lock_and_is_logged():
    holder, lead, proposal = make_user("analyst"), make_user("lead"), make_proposal()
    client_for(holder).get(change_url(proposal))
    lead_client = client_for(lead)
    page = lead_client.get(change_url(proposal) + "?_changelist_filters=state%3Dreceived")
    assert page.context["edit_lock_can_take_over"]

    response = lead_client.post(page.context["edit_lock_take_over_url"])

    assert response.status_code == 302
    assert response["Location"] == change_url(proposal) + "?_changelist_filters=state%3Dreceived"
    assert ProposalLock.objects.get(proposal=proposal).holder == lead
    event = ProposalEvent.objects.get(proposal=proposal, action=Action.TAKE_OVER)
    assert event.actor == lead and holder.username in event.note and not event.is_public
    assert change_form_post(lead_client, proposal, summary_ru="Текст руководителя", _continue="1").status_code == 302
    assert Proposal.objects.get(pk=proposal.pk).summary_ru == "Текст руководителя"
    # The analyst who had it is now the colleague whose save is refused.
    refused = change_form_post(client_for(holder), proposal, summary_ru="Старый текст")
    assert refused.status_code == 200 and refused.context["adminform"].form.non_field_errors()


def test_only_a_lead_may_take_over():
    holder, analyst, proposal = make_user("analyst"), make_user("analyst"), make_proposal()
    client_for(holder).get(change_url(proposal))

    response = client_for(analyst).post(f"{LIST}{proposal.pk}/take-over/")

    assert response.status_code == 403
    assert ProposalLock.objects.get(proposal=proposal).holder == holder
    with pytest.raises(services.WorkflowError) as refused:
        services.proposal_lock_take_over(proposal=proposal, actor=analyst)
    assert refused.value.code == "permission"


def test_the_edit_service_refuses_a_colleague_while_the_lock_is_held():
    holder, other, proposal = make_user("analyst"), make_user("analyst"), make_proposal()
    services.proposal_lock_take(proposal=proposal, user=holder)

    with pytest.raises(services.WorkflowError) as refused:
        services.proposal_edit(proposal=proposal, actor=other, changes={"summary_ru": "Чужой текст"})

    assert refused.value.code == "locked"
    services.proposal_edit(proposal=proposal, actor=holder, changes={"summary_ru": "Свой текст"})
    assert Proposal.objects.get(pk=proposal.pk).summary_ru == "Свой текст"


def test_a_colleagues_action_is_refused_while_the_lock_is_held():
    holder, other = make_user("analyst"), make_user("analyst")
    proposal = proposal_in_state(State.RECEIVED)
    client_for(holder).get(change_url(proposal))

    client = client_for(other)
    response = client.post(f"{LIST}{proposal.pk}/act/{Action.START_SCREENING}/")

    assert response.status_code == 302
    assert Proposal.objects.get(pk=proposal.pk).state == State.RECEIVED
    shown = [str(m) for m in client.get(response["Location"]).context["messages"]]
    with translation.override("kk"):
        expected = str(services.locked_message(ProposalLock.objects.get(proposal=proposal)))
    assert expected in shown


def test_the_holder_keeps_the_time_they_started_when_the_lock_is_renewed():
    holder, proposal = make_user("analyst"), make_proposal()
    earlier = timezone.now() - datetime.timedelta(minutes=5)
    first = services.proposal_lock_take(proposal=proposal, user=holder, at=earlier)
    renewed = services.proposal_lock_take(proposal=proposal, user=holder)
    assert renewed.since == first.since and renewed.expires > first.expires


def test_releasing_leaves_a_colleagues_lock_alone():
    holder, other, proposal = make_user("analyst"), make_user("analyst"), make_proposal()
    services.proposal_lock_take(proposal=proposal, user=holder)
    assert services.proposal_lock_release(proposal=proposal, user=other) is False
    assert ProposalLock.objects.get(proposal=proposal).holder == holder


def test_opening_the_page_again_within_a_minute_writes_nothing_and_later_renews_the_lock():
    holder, proposal = make_user("analyst"), make_proposal()
    client = client_for(holder)
    client.get(change_url(proposal))
    first = ProposalLock.objects.get(proposal=proposal)

    client.get(change_url(proposal))
    assert ProposalLock.objects.get(proposal=proposal).expires == first.expires

    ProposalLock.objects.filter(proposal=proposal).update(expires=first.expires - datetime.timedelta(minutes=2))
    client.get(change_url(proposal))
    renewed = ProposalLock.objects.get(proposal=proposal)
    assert renewed.expires > first.expires - datetime.timedelta(minutes=1) and renewed.since == first.since


def test_a_leads_refused_save_offers_take_over_and_save_which_keeps_the_typed_text():
    holder, lead, proposal = make_user("analyst"), make_user("lead"), make_proposal()
    lead_client = client_for(lead)
    lead_client.get(change_url(proposal))
    ProposalLock.objects.all().delete()
    client_for(holder).get(change_url(proposal))

    refused = change_form_post(lead_client, proposal, summary_ru="Текст руководителя")
    assert refused.status_code == 200
    assert 'name="_continue" value="take-over"' in refused.content.decode()

    saved = change_form_post(lead_client, proposal, summary_ru="Текст руководителя", _continue="take-over")

    assert saved.status_code == 302 and saved["Location"] == change_url(proposal)
    assert Proposal.objects.get(pk=proposal.pk).summary_ru == "Текст руководителя"
    assert ProposalLock.objects.get(proposal=proposal).holder == lead
    assert ProposalEvent.objects.filter(proposal=proposal, action=Action.TAKE_OVER, actor=lead).count() == 1


def test_an_analyst_cannot_take_over_by_sending_the_leads_button():
    holder, other, proposal = make_user("analyst"), make_user("analyst"), make_proposal()
    other_client = client_for(other)
    other_client.get(change_url(proposal))
    ProposalLock.objects.all().delete()
    client_for(holder).get(change_url(proposal))

    refused = change_form_post(other_client, proposal, summary_ru="Чужой текст", _continue="take-over")

    assert refused.status_code == 200 and refused.context["adminform"].form.non_field_errors()
    assert Proposal.objects.get(pk=proposal.pk).summary_ru == ""
    assert ProposalLock.objects.get(proposal=proposal).holder == holder


def test_signing_out_ends_the_persons_locks_and_leaves_colleagues_alone():
    analyst, colleague = make_user("analyst"), make_user("analyst")
    mine, theirs = make_proposal(), make_proposal()
    services.proposal_lock_take(proposal=mine, user=analyst)
    services.proposal_lock_take(proposal=theirs, user=colleague)
    client = Client()
    client.force_login(analyst)
    client.post("/admin/logout/")
    assert services.active_lock(mine) is None
    assert services.active_lock(theirs).holder == colleague
