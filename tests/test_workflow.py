"""The transition table, exercised over every (state, action) pair, with permissions and required inputs."""
import pytest
from django.utils import timezone

from proposals.core import services, workflow
from proposals.core.models import Proposal, ProposalEvent
from proposals.core.services import WorkflowError
from proposals.core.workflow import DECIDED_STATES, TRANSITIONS, Action, NotAcceptedReason, State
from tests.factories import make_proposal, make_user, proposal_in_state

pytestmark = pytest.mark.django_db

# Decided states come unreleased and released: withdrawal sees an unreleased decision as "with the Working Group".
PAIRS = [
    (state, action, released)
    for state in State
    for action in TRANSITIONS
    for released in ((False, True) if state in DECIDED_STATES else (False,))
]


def inputs_for(transition):
    """The note, reason and link an action needs, so only the table decides the outcome."""
    return {
        "note": "Explained in the note." if transition.needs_note else "",
        "reason": NotAcceptedReason.NOT_FEASIBLE if transition.needs_reason else "",
        "duplicate_of": make_proposal() if transition.needs_duplicate else None,
    }


def expected_to_be_allowed(action, state, released):
    # Spelled out here rather than read from workflow.allowed_from, so the test states the rule.
    if action == Action.WITHDRAW and state in DECIDED_STATES and not released:
        return True
    return state in TRANSITIONS[action].sources


@pytest.mark.parametrize(
    ("state", "action", "released"), PAIRS,
    ids=[f"{s.value}-{a}" + ("-released" if r else "") for s, a, r in PAIRS],
)
def test_every_state_action_pair_follows_the_table(state, action, released, lead):
    transition = TRANSITIONS[action]
    proposal = proposal_in_state(state, decision_released_at=timezone.now() if released else None)
    kwargs = inputs_for(transition)
    events_before = ProposalEvent.objects.filter(proposal=proposal).count()

    if expected_to_be_allowed(action, state, released):
        services.proposal_transition(proposal=proposal, action=action, actor=lead, **kwargs)
        assert proposal.state == transition.target
        assert Proposal.objects.get(pk=proposal.pk).state == transition.target
        events = ProposalEvent.objects.filter(proposal=proposal).order_by("id")
        # Starting the screening of an unassigned proposal also assigns it (an assign event after the move's own).
        assigned = action == Action.START_SCREENING
        assert events.count() == events_before + 1 + assigned
        event = events.exclude(action=Action.ASSIGN).last() if assigned else events.last()
        assert (event.action, event.from_state, event.to_state) == (action, state, transition.target)
        assert event.actor == lead
        # Leaving an unannounced decision never shows on the public timeline, except by a withdrawal, which reads
        # the same with or without a decision.
        unannounced = state in DECIDED_STATES and not released and action != Action.WITHDRAW
        assert event.is_public == (transition.public and not unannounced)
    else:
        with pytest.raises(WorkflowError) as refused:
            services.proposal_transition(proposal=proposal, action=action, actor=lead, **kwargs)
        assert refused.value.code == "not_allowed"
        assert Proposal.objects.get(pk=proposal.pk).state == state
        assert ProposalEvent.objects.filter(proposal=proposal).count() == events_before


def test_every_state_is_reachable_and_every_action_has_a_source():
    targets = {t.target for t in TRANSITIONS.values()} | {State.RECEIVED}
    assert targets == set(State)
    assert all(t.sources for t in TRANSITIONS.values())


@pytest.mark.parametrize("action", [a for a, t in TRANSITIONS.items() if t.permission == workflow.DECIDE])
def test_analyst_cannot_take_lead_actions(action, analyst):
    transition = TRANSITIONS[action]
    proposal = proposal_in_state(sorted(transition.sources)[0])
    with pytest.raises(WorkflowError) as refused:
        services.proposal_transition(proposal=proposal, action=action, actor=analyst, **inputs_for(transition))
    assert refused.value.code == "permission"
    assert ProposalEvent.objects.filter(proposal=proposal, action=action).count() == 0


@pytest.mark.parametrize("action", list(TRANSITIONS))
def test_working_group_member_cannot_take_any_action(action, wg_member):
    transition = TRANSITIONS[action]
    proposal = proposal_in_state(sorted(transition.sources)[0])
    with pytest.raises(WorkflowError) as refused:
        services.proposal_transition(proposal=proposal, action=action, actor=wg_member, **inputs_for(transition))
    assert refused.value.code == "permission"
    assert Proposal.objects.get(pk=proposal.pk).state == proposal.state


def test_analyst_can_triage():
    analyst = make_user("analyst")
    proposal = make_proposal()
    services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=analyst)
    services.proposal_transition(proposal=proposal, action=Action.ACCEPT_FOR_REVIEW, actor=analyst)
    assert proposal.state == State.IN_REVIEW


def test_inactive_lead_is_refused():
    lead = make_user("lead", is_active=False)
    with pytest.raises(WorkflowError) as refused:
        services.proposal_transition(proposal=make_proposal(), action=Action.START_SCREENING, actor=lead)
    assert refused.value.code == "permission"


def test_user_without_a_role_is_refused():
    with pytest.raises(WorkflowError) as refused:
        services.proposal_transition(proposal=make_proposal(), action=Action.START_SCREENING, actor=make_user())
    assert refused.value.code == "permission"


@pytest.mark.parametrize("action", [a for a, t in TRANSITIONS.items() if not t.submitter_may])
def test_the_public_can_take_no_staff_action(action):
    transition = TRANSITIONS[action]
    proposal = proposal_in_state(sorted(transition.sources)[0])
    with pytest.raises(WorkflowError) as refused:
        services.proposal_transition(proposal=proposal, action=action, actor=None, **inputs_for(transition))
    assert refused.value.code == "permission"


def test_submitter_withdraws_without_an_account():
    proposal = proposal_in_state(State.IN_REVIEW)
    services.proposal_transition(proposal=proposal, action=Action.WITHDRAW, actor=None)
    assert proposal.state == State.WITHDRAWN
    event = proposal.events.last()
    assert event.actor is None and event.is_public


@pytest.mark.parametrize("action", [a for a, t in TRANSITIONS.items() if t.needs_note])
def test_action_that_needs_a_note_is_refused_without_one(action, lead):
    transition = TRANSITIONS[action]
    proposal = proposal_in_state(sorted(transition.sources)[0])
    with pytest.raises(WorkflowError) as refused:
        services.proposal_transition(proposal=proposal, action=action, actor=lead, note="   ")
    assert refused.value.code == "note_required"
    assert Proposal.objects.get(pk=proposal.pk).state == proposal.state


def test_reject_without_reason_is_refused(lead):
    proposal = proposal_in_state(State.WITH_WORKING_GROUP)
    for reason in ["", "because"]:
        with pytest.raises(WorkflowError) as refused:
            services.proposal_transition(
                proposal=proposal, action=Action.REJECT, actor=lead, reason=reason, note="Not feasible."
            )
        assert refused.value.code == "reason_required"
    assert Proposal.objects.get(pk=proposal.pk).state == State.WITH_WORKING_GROUP


def test_reject_records_the_reason(lead):
    proposal = proposal_in_state(State.WITH_WORKING_GROUP)
    services.proposal_transition(
        proposal=proposal, action=Action.REJECT, actor=lead, reason=NotAcceptedReason.ALREADY_PROVIDED,
        note="Already in the draft.",
    )
    assert proposal.decision_reason == NotAcceptedReason.ALREADY_PROVIDED
    assert proposal.events.last().reason == NotAcceptedReason.ALREADY_PROVIDED


def test_mark_duplicate_without_link_is_refused(analyst):
    proposal = proposal_in_state(State.SCREENING)
    with pytest.raises(WorkflowError) as refused:
        services.proposal_transition(proposal=proposal, action=Action.MARK_DUPLICATE, actor=analyst)
    assert refused.value.code == "duplicate_required"
    assert Proposal.objects.get(pk=proposal.pk).duplicate_of is None


def test_mark_duplicate_of_itself_is_refused(analyst):
    proposal = proposal_in_state(State.SCREENING)
    with pytest.raises(WorkflowError) as refused:
        services.proposal_transition(
            proposal=proposal, action=Action.MARK_DUPLICATE, actor=analyst, duplicate_of=proposal
        )
    assert refused.value.code == "duplicate_invalid"


def test_duplicate_of_a_duplicate_links_to_the_original(analyst):
    original = proposal_in_state(State.IN_REVIEW)
    copy = proposal_in_state(State.DUPLICATE, duplicate_of=original)
    another = proposal_in_state(State.SCREENING)
    services.proposal_transition(proposal=another, action=Action.MARK_DUPLICATE, actor=analyst, duplicate_of=copy)
    assert another.duplicate_of == original


def test_reopening_a_duplicate_clears_its_link(lead):
    proposal = proposal_in_state(State.DUPLICATE)
    services.proposal_transition(proposal=proposal, action=Action.REOPEN, actor=lead, note="Not the same proposal.")
    assert proposal.state == State.SCREENING and proposal.duplicate_of is None


def test_unknown_action_is_refused(lead):
    with pytest.raises(WorkflowError) as refused:
        services.proposal_transition(proposal=make_proposal(), action="approve_everything", actor=lead)
    assert refused.value.code == "unknown_action"


def test_console_offers_withdrawal_of_an_unreleased_decision_only(analyst):
    unreleased = proposal_in_state(State.ACCEPTED)
    released = proposal_in_state(State.ACCEPTED, decision_released_at=timezone.now())
    assert Action.WITHDRAW in services.available_actions(unreleased, analyst)
    assert Action.WITHDRAW not in services.available_actions(released, analyst)
