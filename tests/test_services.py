"""Submission, publication, decision release, assignment and notes, as the services do them."""
import datetime

import pytest
from django.utils import timezone

from proposals import services
from proposals.models import Channel, Proposal, ProposalEvent, ProposalNote
from proposals.services import WorkflowError
from proposals.workflow import Action, State
from tests.factories import make_proposal, make_user, proposal_in_state

pytestmark = pytest.mark.django_db


def test_submit_creates_a_received_proposal_with_its_first_event():
    proposal = make_proposal()
    assert proposal.state == State.RECEIVED
    event = ProposalEvent.objects.get(proposal=proposal)
    assert (event.action, event.from_state, event.to_state, event.actor) == (Action.SUBMIT, "", State.RECEIVED, None)
    assert event.is_public


def test_submit_sets_working_day_deadlines():
    # Friday 6 November 2026, 10:00 in Almaty.
    received = datetime.datetime(2026, 11, 6, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=5)))
    proposal = make_proposal(received_at=received)
    assert proposal.acknowledge_due == datetime.date(2026, 11, 11)
    assert proposal.decision_due == datetime.date(2026, 11, 27)


def test_kazakh_russian_and_english_text_round_trips_exactly():
    text = "Әділет, ғылым, қоғам, аң, өнер, ұлт, үміт, шаһар, ісі. Съезд «народа» — ёлка. Parliament’s role."
    proposal = make_proposal(title="Ұсыныс: ә ғ қ ң ө ұ ү һ і", text=text)
    stored = Proposal.objects.get(pk=proposal.pk)
    assert stored.text == text and stored.title == "Ұсыныс: ә ғ қ ң ө ұ ү һ і"


def test_intake_from_another_channel_keeps_reference_and_date(analyst):
    received = timezone.now() - datetime.timedelta(days=10)
    proposal = make_proposal(channel=Channel.EOTINISH, external_ref="ЖТ-2026-001", received_at=received, actor=analyst)
    assert proposal.received_at == received
    assert proposal.events.get().actor == analyst


def test_intake_refuses_the_same_channel_reference_twice():
    make_proposal(channel=Channel.EOTINISH, external_ref="ЖТ-2026-002")
    with pytest.raises(WorkflowError) as refused:
        make_proposal(channel=Channel.EOTINISH, external_ref="ЖТ-2026-002")
    assert refused.value.code == "duplicate_external_ref"
    assert Proposal.objects.filter(external_ref="ЖТ-2026-002").count() == 1


def with_summaries(proposal):
    Proposal.objects.filter(pk=proposal.pk).update(summary_kk="Қысқаша мазмұны.", summary_ru="Краткое содержание.")
    proposal.refresh_from_db()
    return proposal


def test_publish_needs_kazakh_and_russian_summaries(lead):
    proposal = proposal_in_state(State.IN_REVIEW)
    Proposal.objects.filter(pk=proposal.pk).update(summary_kk="Қысқаша мазмұны.")
    with pytest.raises(WorkflowError) as refused:
        services.proposal_publish(proposal=proposal, actor=lead)
    assert refused.value.code == "summary_required"
    assert not Proposal.objects.public().filter(pk=proposal.pk).exists()


def test_publish_shows_the_proposal_in_public(lead):
    proposal = with_summaries(proposal_in_state(State.IN_REVIEW))
    services.proposal_publish(proposal=proposal, actor=lead)
    assert Proposal.objects.public().filter(pk=proposal.pk).exists()
    assert proposal.events.last().action == Action.PUBLISH


@pytest.mark.parametrize("state", [State.RECEIVED, State.SCREENING, State.WITHDRAWN, State.SPAM, State.DUPLICATE])
def test_non_public_states_cannot_be_published(state, lead):
    proposal = with_summaries(proposal_in_state(state))
    with pytest.raises(WorkflowError) as refused:
        services.proposal_publish(proposal=proposal, actor=lead)
    assert refused.value.code == "not_publishable"


def test_analyst_cannot_publish(analyst):
    proposal = with_summaries(proposal_in_state(State.IN_REVIEW))
    with pytest.raises(WorkflowError) as refused:
        services.proposal_publish(proposal=proposal, actor=analyst)
    assert refused.value.code == "permission"


def test_unpublish_takes_it_out_of_the_register(lead):
    proposal = with_summaries(proposal_in_state(State.IN_REVIEW))
    services.proposal_publish(proposal=proposal, actor=lead)
    services.proposal_unpublish(proposal=proposal, actor=lead, note="Personal data in the summary.")
    assert not Proposal.objects.public().filter(pk=proposal.pk).exists()


def test_moving_to_a_private_state_unpublishes(analyst):
    proposal = proposal_in_state(State.IN_REVIEW, published_at=timezone.now())
    services.proposal_transition(proposal=proposal, action=Action.WITHDRAW, actor=None)
    assert proposal.published_at is None


def test_decision_stays_private_until_released(lead):
    proposal = with_summaries(proposal_in_state(State.WITH_WORKING_GROUP))
    services.proposal_publish(proposal=proposal, actor=lead)
    services.proposal_transition(proposal=proposal, action=Action.ACCEPT, actor=lead)
    assert proposal.public_state == State.WITH_WORKING_GROUP
    assert not proposal.events.filter(action=Action.ACCEPT, is_public=True).exists()

    services.proposal_release_decision(proposal=proposal, actor=lead)
    assert proposal.public_state == State.ACCEPTED
    release = proposal.events.last()
    assert (release.action, release.to_state, release.is_public) == (Action.RELEASE_DECISION, State.ACCEPTED, True)


def test_release_without_a_decision_is_refused(lead):
    with pytest.raises(WorkflowError) as refused:
        services.proposal_release_decision(proposal=proposal_in_state(State.IN_REVIEW), actor=lead)
    assert refused.value.code == "not_decided"


def test_reconsidering_withdraws_the_released_decision(lead):
    proposal = proposal_in_state(State.ACCEPTED, decision_released_at=timezone.now())
    services.proposal_transition(proposal=proposal, action=Action.RECONSIDER, actor=lead, note="New evidence.")
    assert proposal.decision_released_at is None and proposal.decided_at is None


def test_assign_to_an_analyst_is_logged(lead, analyst):
    proposal = make_proposal()
    services.proposal_assign(proposal=proposal, assignee=analyst, actor=lead)
    assert proposal.assignee == analyst
    assert proposal.events.last().action == Action.ASSIGN


def test_assign_to_a_working_group_member_is_refused(lead, wg_member):
    with pytest.raises(WorkflowError) as refused:
        services.proposal_assign(proposal=make_proposal(), assignee=wg_member, actor=lead)
    assert refused.value.code == "bad_assignee"


def test_note_is_added_by_staff_and_refused_when_empty(analyst):
    proposal = make_proposal()
    services.proposal_note_add(proposal=proposal, author=analyst, text="Same as the Ak Zhol proposal.")
    with pytest.raises(WorkflowError):
        services.proposal_note_add(proposal=proposal, author=analyst, text="  ")
    with pytest.raises(WorkflowError):
        services.proposal_note_add(proposal=proposal, author=make_user("working-group member"), text="Hello")
    assert ProposalNote.objects.filter(proposal=proposal).count() == 1


def test_second_submit_with_the_same_token_returns_the_first(tmp_path, settings):
    first = make_proposal(submission_token="a" * 32)
    with pytest.raises(services.DuplicateSubmission) as duplicate:
        make_proposal(submission_token="a" * 32)
    assert duplicate.value.proposal == first
    assert Proposal.objects.count() == 1 and ProposalEvent.objects.count() == 1


def test_reconsidering_is_public_only_for_an_announced_decision(lead):
    announced = proposal_in_state(State.ACCEPTED, decision_released_at=timezone.now())
    silent = proposal_in_state(State.ACCEPTED)
    for proposal in (announced, silent):
        services.proposal_transition(proposal=proposal, action=Action.RECONSIDER, actor=lead, note="New facts.")
    assert announced.events.last().is_public and not silent.events.last().is_public
