"""Retention: contact details go a set time after the decision; the proposal and its audit trail stay."""
import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from proposals.models import Proposal
from proposals.workflow import Action, State
from tests.factories import make_proposal, put_in_state

pytestmark = pytest.mark.django_db


def decided(months_ago, **fields):
    proposal = put_in_state(make_proposal(**fields), State.ACCEPTED)
    Proposal.objects.filter(pk=proposal.pk).update(decided_at=timezone.now() - datetime.timedelta(days=31 * months_ago))
    return proposal


def test_old_decisions_lose_contact_details_and_keep_the_rest(settings):
    settings.PARLREFORM_RETENTION_MONTHS = 12
    old = decided(13, email="old@example.org", phone="+77011112233", submitter_name="Ержан Әлиев")
    consented = decided(13, email="named@example.org", submitter_name="Айгүл Named", publish_name=True)
    recent = decided(2, email="recent@example.org")
    undecided = make_proposal(email="open@example.org")
    events_before = old.events.count()
    call_command("anonymise_expired")
    old.refresh_from_db()
    consented.refresh_from_db()
    assert (old.email, old.phone, old.submitter_name) == ("", "", "")
    assert old.title and old.text and old.anonymised_at is not None
    assert old.events.count() == events_before + 1 and old.events.last().action == Action.ANONYMISE
    assert consented.email == "" and consented.submitter_name == "Айгүл Named"
    assert Proposal.objects.get(pk=recent.pk).email == "recent@example.org"
    assert Proposal.objects.get(pk=undecided.pk).email == "open@example.org"


def test_running_twice_changes_nothing_more(settings):
    settings.PARLREFORM_RETENTION_MONTHS = 12
    proposal = decided(13)
    before = proposal.events.count()
    call_command("anonymise_expired")
    events = proposal.events.count()
    call_command("anonymise_expired")
    assert events == before + 1
    assert proposal.events.count() == events


def test_dry_run_changes_nothing():
    proposal = decided(30, email="keep@example.org")
    call_command("anonymise_expired", dry_run=True)
    assert Proposal.objects.get(pk=proposal.pk).email == "keep@example.org"
