"""The demo data command, seeded once for the module: what it creates, its histories, decisions and logins."""
import pytest
from django.core.management import call_command
from django.db import transaction

from proposals.core.models import Proposal
from proposals.core.workflow import DECIDED_STATES, State
from proposals.tooling import demo_content
from tests.test_reference_data import answered_alone, counts, texts

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """seed_demo once for every test here (each one's transaction rolls back to it), undone when the module ends."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", count=60, verbosity=0, stdout=None)
        yield counts()
        transaction.set_rollback(True)


@pytest.fixture
def seeded(seeded_once, db):
    return seeded_once


def test_seed_demo_twice_leaves_the_same_counts(seeded, django_user_model):
    users = django_user_model.objects.count()
    call_command("seed_demo", count=60)
    assert counts() == seeded
    assert django_user_model.objects.count() == users


def test_seed_demo_covers_every_state_and_language(seeded):
    assert seeded["proposals"] == 60 and seeded["packages"] == 7
    assert set(texts().values_list("state", flat=True)) == set(State.values)
    assert set(Proposal.objects.values_list("language", flat=True)) == {"kk", "ru", "en"}
    assert len(set(Proposal.objects.values_list("submitter_kind", flat=True))) == 5
    assert seeded["public"] > 0


def test_seed_demo_histories_match_the_states(seeded):
    for proposal in Proposal.objects.prefetch_related("events"):
        events = sorted(proposal.events.all(), key=lambda e: (e.created_at, e.id))
        assert events[0].to_state == State.RECEIVED
        moves = [e for e in events if e.from_state != e.to_state]
        for before, after in zip(moves, moves[1:], strict=False):
            assert after.from_state == before.to_state
        assert moves[-1].to_state == proposal.state
        assert all(e.created_at >= proposal.received_at for e in events)
        if proposal.state in DECIDED_STATES:
            assert proposal.response_kk and proposal.response_ru


def test_seed_demo_decides_each_text_as_its_record_says(seeded):
    """The same text never gets two outcomes, and its response states the decision it goes with (issue 17)."""
    records = {record.title: record for record in demo_content.proposals()}
    decided = answered_alone().filter(state__in=DECIDED_STATES)
    assert decided.count() >= 3
    for proposal in decided:
        record = records[proposal.title]
        assert (proposal.state, proposal.decision_reason) == (record.decision, record.reason), record.key
        assert [proposal.response_kk, proposal.response_ru, proposal.response_en] == [
            record.response[code] for code in ("kk", "ru", "en")
        ], record.key


def test_seed_demo_creates_a_login_for_each_role(seeded, client):
    for username, group in [("analyst", "analyst"), ("lead", "lead"), ("wgmember", "working-group member")]:
        client.logout()
        response = client.post("/admin/login/", {"username": username, "password": f"demo-{username}-2026"})
        assert response.status_code == 302, username
        # The console's home is the queue: each role may read it.
        assert client.get("/admin/", follow=True).redirect_chain[-1][0].startswith("/admin/proposals/proposal/?queue=")
        assert client.get("/admin/registers/").status_code == 200
        from django.contrib.auth import get_user_model

        assert get_user_model().objects.get(username=username).groups.filter(name=group).exists()
