"""Database invariants: check constraints, the append-only event log, and the named querysets."""
import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from proposals.core.models import NOT_IN_PUBLIC_ROWS, AppendOnlyError, Proposal, ProposalEvent, SubmitterKind
from proposals.core.workflow import State
from tests.factories import make_proposal, proposal_in_state

pytestmark = pytest.mark.django_db


def refused_by_database(**changes):
    proposal = make_proposal()
    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.filter(pk=proposal.pk).update(**changes)


def test_database_refuses_an_unknown_state():
    refused_by_database(state="approved_by_magic")


def test_database_refuses_an_unknown_submitter_kind():
    refused_by_database(submitter_kind="robot")


def test_database_refuses_a_duplicate_without_a_link():
    refused_by_database(state=State.DUPLICATE)


def test_database_refuses_a_link_on_a_non_duplicate():
    refused_by_database(duplicate_of=make_proposal())


def test_database_refuses_not_accepted_without_a_reason():
    refused_by_database(state=State.NOT_ACCEPTED)


def test_database_refuses_publishing_spam():
    refused_by_database(state=State.SPAM, published_at=timezone.now())


def test_event_cannot_be_deleted():
    event = make_proposal().events.get()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        ProposalEvent.objects.filter(pk=event.pk).delete()
    assert ProposalEvent.objects.filter(pk=event.pk).exists()


def test_event_cannot_be_changed():
    event = make_proposal().events.get()
    event.note = "rewritten history"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        ProposalEvent.objects.filter(pk=event.pk).update(note="rewritten")
    assert ProposalEvent.objects.get(pk=event.pk).note == ""


@pytest.mark.postgres
def test_database_itself_refuses_to_delete_or_change_events():
    event = make_proposal().events.get()
    statements = [
        "DELETE FROM proposals_proposalevent WHERE id = %s",
        "UPDATE proposals_proposalevent SET note = 'x' WHERE id = %s",
    ]
    for sql in statements:
        with pytest.raises(Exception, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [event.pk])
    assert ProposalEvent.objects.filter(pk=event.pk, note="").exists()


def test_proposal_with_events_cannot_be_deleted():
    proposal = make_proposal()
    with pytest.raises(IntegrityError), transaction.atomic():
        proposal.delete()


@pytest.mark.parametrize("state", list(State))
def test_public_only_returns_published_proposals_in_publishable_states(state):
    published_at = timezone.now() if state in {State.IN_REVIEW, State.WITH_WORKING_GROUP, State.ACCEPTED,
                                               State.PARTIALLY_ACCEPTED, State.NOT_ACCEPTED,
                                               State.OUT_OF_SCOPE} else None
    proposal = proposal_in_state(state, published_at=published_at)
    unpublished = proposal_in_state(state)
    public_ids = set(Proposal.objects.public().values_list("pk", flat=True))
    assert unpublished.pk not in public_ids
    assert (proposal.pk in public_ids) == (published_at is not None)


def test_awaiting_triage_is_received_and_screening():
    received, screening, review = (proposal_in_state(s) for s in (State.RECEIVED, State.SCREENING, State.IN_REVIEW))
    queue = set(Proposal.objects.awaiting_triage())
    assert received in queue and screening in queue and review not in queue


def test_overdue_uses_the_deadline_that_applies():
    today = timezone.localdate()
    late_ack = make_proposal()
    Proposal.objects.filter(pk=late_ack.pk).update(acknowledge_due=today - datetime.timedelta(days=1))
    acknowledged = proposal_in_state(State.SCREENING)
    Proposal.objects.filter(pk=acknowledged.pk).update(acknowledge_due=today - datetime.timedelta(days=1))
    late_decision = proposal_in_state(State.IN_REVIEW)
    Proposal.objects.filter(pk=late_decision.pk).update(decision_due=today - datetime.timedelta(days=1))
    decided_late = proposal_in_state(State.ACCEPTED)
    Proposal.objects.filter(pk=decided_late.pk).update(decision_due=today - datetime.timedelta(days=30))
    assert set(Proposal.objects.overdue()) == {late_ack, late_decision}


def test_with_related_lists_rows_in_one_query(django_assert_num_queries):
    for _ in range(5):
        make_proposal()
    with django_assert_num_queries(1):
        rows = [(p.category.name, p.region.name, p.assignee) for p in Proposal.objects.with_related()]
    assert len(rows) == 5


def test_public_rows_never_read_contact_details_and_show_in_one_query(django_assert_num_queries):
    for _ in range(5):
        make_proposal()
    rows = Proposal.objects.for_public_rows()
    selected = str(rows.query)
    for column in NOT_IN_PUBLIC_ROWS:
        assert f'"proposals_proposal"."{column}"' not in selected
    with django_assert_num_queries(1):
        shown = [(str(p.public_submitter), p.category.name, p.summary, p.title) for p in rows]
    assert len(shown) == 5


def test_citizen_name_is_public_only_with_consent():
    hidden = make_proposal(submitter_name="Айгүл Сәрсенбаева", publish_name=False)
    shown = make_proposal(submitter_name="Айгүл Сәрсенбаева", publish_name=True)
    assert "Айгүл" not in hidden.public_submitter and hidden.region.name in hidden.public_submitter
    assert shown.public_submitter == "Айгүл Сәрсенбаева"


def test_organisation_is_public_by_name():
    proposal = make_proposal(submitter_kind=SubmitterKind.NGO, organisation="«Ашық қоғам» қоғамдық бірлестігі")
    assert proposal.public_submitter == "«Ашық қоғам» қоғамдық бірлестігі"
