"""seed_demo's ideas: a campaign of dozens of copies (some edited) answered once, ideas of many kinds of submitter,
and a second campaign left to the clustering as suggestions."""
import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction

from proposals.core.models import CandidateStatus, Idea, IdeaCandidate, IdeaMembership, Notification, NotificationKind
from proposals.core.workflow import DECIDED_STATES
from proposals.tooling import demo_content

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo seeded once for the module, inside a transaction rolled back after it (each test's own
    transaction nests in it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", count=40, verbosity=0, stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def members(idea):
    return IdeaMembership.objects.filter(idea=idea).select_related("point__proposal")


def test_the_campaign_has_dozens_of_copies_some_edited_answered_once(seeded):
    campaign = demo_content.ideas()["campaigns"][0]
    idea = Idea.objects.get(title_ru=campaign["title"]["ru"])
    texts = Counter(member.point.proposal.text for member in members(idea))
    assert texts[campaign["letter"]["text"]] == campaign["copies"]
    assert sum(1 for text in texts if text != campaign["letter"]["text"]) >= len(campaign["edited"])
    assert {member.point.proposal.state for member in members(idea)} == {campaign["decision"]}
    assert idea.released_at is not None and idea.published_at is not None
    # Every member's submitter was told once.
    for member in members(idea):
        assert Notification.objects.filter(proposal=member.point.proposal, kind=NotificationKind.DECISION).count() == 1


def test_several_ideas_have_members_of_different_kinds(seeded):
    mixed = [
        idea for idea in Idea.objects.confirmed()
        if len({member.point.proposal.submitter_kind for member in members(idea)}) >= 3
    ]
    assert len(mixed) >= 5


def test_decided_ideas_give_each_member_their_outcome_unless_decided_apart(seeded):
    for idea in Idea.objects.confirmed().exclude(outcome=""):
        for member in members(idea):
            point = member.point
            if member.apart:
                continue
            assert (point.outcome, point.outcome_reason) == (idea.outcome, idea.outcome_reason), idea.title_en
            if point.proposal.points.count() == 1:
                assert point.proposal.state in DECIDED_STATES
    assert IdeaMembership.objects.filter(apart=True).count() >= 1


def test_an_undecided_idea_and_suggestions_to_confirm_are_left_for_the_desk(seeded):
    assert Idea.objects.confirmed().filter(outcome="").exists()
    kazakh = demo_content.ideas()["campaigns"][-1]
    suggested = IdeaCandidate.objects.filter(
        status=CandidateStatus.SUGGESTED, point__proposal__text=kazakh["letter"]["text"]
    )
    assert suggested.count() == kazakh["copies"]
    assert not IdeaMembership.objects.filter(point__proposal__text=kazakh["letter"]["text"]).exists()
