"""Racing requests: the row lock lets one staff action win; rate limits and one-time values hold under load."""
import threading

import pytest
from django.db import connection, connections, transaction

from proposals.core import services
from proposals.core.models import Proposal, ProposalEvent
from proposals.core.services import WorkflowError
from proposals.core.workflow import Action, NotAcceptedReason, State
from tests.factories import make_proposal, make_user

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def waiting_on_locks():
    with connection.cursor() as cursor:
        # Statistics views are snapshotted once per transaction; we poll from inside one.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


def run_racing(proposal, attempts):
    """Start each (action, actor, kwargs) in its own thread and connection while the row is held locked."""
    outcomes = [None] * len(attempts)

    def attempt(index, action, actor, kwargs):
        try:
            services.proposal_transition(proposal=Proposal(pk=proposal.pk), action=action, actor=actor, **kwargs)
            outcomes[index] = "moved"
        except WorkflowError as error:
            outcomes[index] = error.code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(i, *a)) for i, a in enumerate(attempts)]
    with transaction.atomic():
        # Hold the row so every thread reaches its SELECT ... FOR UPDATE before any can proceed.
        Proposal.objects.select_for_update().get(pk=proposal.pk)
        for thread in threads:
            thread.start()
        for _ in range(500):
            if waiting_on_locks() >= len(threads):
                break
            threading.Event().wait(0.02)
        assert waiting_on_locks() == len(threads), "the threads never queued on the row lock"
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def assert_log_matches(proposal):
    """Each event starts where the previous one ended, and the last one ends in the stored state."""
    events = list(ProposalEvent.objects.filter(proposal=proposal).order_by("id"))
    for before, after in zip(events, events[1:], strict=False):
        assert after.from_state == before.to_state
    assert events[-1].to_state == Proposal.objects.get(pk=proposal.pk).state
    return events


def test_two_racing_decisions_exactly_one_wins():
    first, second = make_user("lead"), make_user("lead")
    proposal = make_proposal()
    for action in (Action.START_SCREENING, Action.ACCEPT_FOR_REVIEW, Action.FORWARD):
        services.proposal_transition(proposal=proposal, action=action, actor=first)
    outcomes = run_racing(
        proposal,
        [
            (Action.ACCEPT, first, {}),
            (Action.REJECT, second, {"reason": NotAcceptedReason.NOT_FEASIBLE, "note": "Не осуществимо сейчас."}),
        ],
    )
    assert sorted(outcomes) == ["moved", "not_allowed"]
    final = Proposal.objects.get(pk=proposal.pk)
    assert final.state == (State.ACCEPTED if outcomes[0] == "moved" else State.NOT_ACCEPTED)
    events = assert_log_matches(proposal)
    assert [e.action for e in events if e.action in (Action.ACCEPT, Action.REJECT)] == [
        Action.ACCEPT if outcomes[0] == "moved" else Action.REJECT
    ]


def test_the_same_action_twice_at_once_moves_once():
    analyst = make_user("analyst")
    proposal = make_proposal()
    outcomes = run_racing(proposal, [(Action.START_SCREENING, analyst, {})] * 2)
    assert sorted(outcomes) == ["moved", "not_allowed"]
    assert ProposalEvent.objects.filter(proposal=proposal, action=Action.START_SCREENING).count() == 1
    assert_log_matches(proposal)


def test_the_second_action_is_judged_on_the_state_the_first_left():
    # Screening then spam is a legal sequence: the waiting action re-reads the state and applies to it.
    proposal = make_proposal()
    outcomes = run_racing(
        proposal,
        [
            (Action.START_SCREENING, make_user("analyst"), {}),
            (Action.MARK_SPAM, make_user("analyst"), {"note": "Реклама."}),
        ],
    )
    events = assert_log_matches(proposal)
    assert "moved" in outcomes
    # Moves only: starting the screening also assigns the proposal to its analyst (an assign event, no move).
    assert len([event for event in events if event.action != Action.ASSIGN]) == 1 + outcomes.count("moved")


def test_the_same_form_posted_twice_at_once_creates_one_proposal():
    from django.test import Client

    from tests.submission import form_data

    data = form_data("citizen")
    barrier = threading.Barrier(2)
    statuses = []

    def send():
        barrier.wait()
        try:
            statuses.append(Client().post("/kk/submit/", data).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    # Two browsers (two sessions): the second gets no receipt of the first's proposal.
    assert sorted(statuses) == [302, 400]
    assert Proposal.objects.filter(submission_token=data["submission_token"]).count() == 1
    assert ProposalEvent.objects.filter(action=Action.SUBMIT).count() == 1


def post_at_once(path, bodies):
    """POST each body from its own browser and thread, all released together; the status codes."""
    from django.test import Client

    barrier = threading.Barrier(len(bodies))
    statuses = [None] * len(bodies)

    def send(index, body):
        client = Client()
        barrier.wait()
        try:
            statuses[index] = client.post(path, body).status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(i, body)) for i, body in enumerate(bodies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return statuses


def test_a_double_click_in_one_browser_registers_once_and_both_answers_are_the_receipt(settings):
    from django.test import Client

    from tests.submission import form_data

    settings.PARLREFORM_MIN_FILL_SECONDS = 0
    browser = Client()
    initial = browser.get("/kk/submit/").context["form"].initial
    data = form_data("citizen", started=initial["started"], submission_token=initial["submission_token"])
    barrier = threading.Barrier(2)
    answers = []

    def click():
        # Two connections of the same browser: the same cookies.
        tab = Client()
        tab.cookies = browser.cookies
        barrier.wait()
        try:
            answers.append(tab.post("/kk/submit/", data))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert [answer.status_code for answer in answers] == [302, 302]
    assert {answer["Location"] for answer in answers} == {"/kk/submit/receipt/"}
    assert Proposal.objects.count() == 1


def test_concurrent_submissions_from_one_address_stop_at_the_limit(settings):
    from tests.submission import form_data

    settings.PARLREFORM_SUBMIT_RATE = "5/600"
    statuses = post_at_once("/kk/submit/", [form_data("citizen", title=f"Ұсыныс {i}") for i in range(8)])
    assert sorted(statuses) == [302] * 5 + [429] * 3
    assert Proposal.objects.count() == 5


def test_concurrent_lookups_from_one_address_stop_at_the_limit(settings):
    settings.PARLREFORM_TRACK_RATE = "10/60"
    body = {"tracking_code": "7K3-M9X-Q2F", "email": "someone@example.org"}
    statuses = post_at_once("/kk/track/", [body] * 24)
    assert statuses.count(200) == 10 and statuses.count(429) == 14


def test_one_start_value_sent_from_two_browsers_at_once_registers_once():
    from tests.submission import form_data

    first = form_data("citizen")
    second = form_data("citizen", started=first["started"], title="Басқа ұсыныс")
    statuses = post_at_once("/kk/submit/", [first, second])
    assert sorted(statuses) == [302, 400]
    assert Proposal.objects.count() == 1
