"""Reference fixtures and the demo data command."""
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from proposals.core.models import Category, Party, Point, Proposal, ProposalEvent, Region
from proposals.core.workflow import DECIDED_STATES, State
from proposals.tooling import demo_content, demo_ideas, demo_packages

pytestmark = pytest.mark.django_db


def test_fixtures_load_every_category_region_and_party():
    assert Category.objects.count() == 12
    assert Region.objects.filter(kind=Region.Kind.REGION).count() == 17
    assert set(Region.objects.filter(kind=Region.Kind.CITY).values_list("slug", flat=True)) == {
        "astana", "almaty", "shymkent"
    }
    assert Region.objects.filter(kind=Region.Kind.ABROAD).count() == 1
    assert Party.objects.count() == 7


@pytest.mark.parametrize("model", [Category, Region, Party])
def test_every_reference_name_exists_in_three_languages(model):
    for record in model.objects.all():
        assert record.name_kk and record.name_ru and record.name_en, record.slug
        # Kazakh and Russian names are written in Cyrillic, English ones are not.
        assert any("\u0400" <= c <= "\u04ff" for c in record.name_kk + record.name_ru), record.slug
        assert not any("\u0400" <= c <= "\u04ff" for c in record.name_en), record.slug


def test_reference_name_follows_the_interface_language():
    region = Region.objects.get(slug="north-kazakhstan")
    with translation.override("kk"):
        assert region.name == "Солтүстік Қазақстан облысы"
    with translation.override("ru"):
        assert region.name == "Северо-Казахстанская область"
    with translation.override("en"):
        assert region.name == "North Kazakhstan Region"


def texts():
    """The demo proposals sent one by one (not the parties' packages, which tests/test_demo_packages.py covers, nor
    the ideas' own members, which tests/test_demo_ideas.py covers)."""
    return Proposal.objects.exclude(external_ref__startswith=demo_packages.REF_PREFIX).exclude(
        external_ref__startswith=demo_ideas.REF_PREFIX
    )


def answered_alone():
    """texts() not answered with an idea (a member carries its idea's response)."""
    return texts().exclude(points__idea_membership__apart=False)


def counts():
    return {
        "proposals": texts().count(),
        "packages": Proposal.objects.filter(external_ref__startswith=demo_packages.REF_PREFIX).count(),
        "points": Point.objects.count(),
        "events": ProposalEvent.objects.count(),
        "categories": Category.objects.count(),
        "regions": Region.objects.count(),
        "parties": Party.objects.count(),
        "public": Proposal.objects.public().count(),
    }


@pytest.fixture
def seeded(django_user_model):
    call_command("seed_demo", count=60, verbosity=0, stdout=None)
    return counts()


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


def test_seed_demo_repeats_a_text_with_its_one_decision():
    # More proposals than texts: texts repeat.
    call_command("seed_demo", count=150, with_ideas=False, verbosity=0, stdout=None)
    titles = Counter(texts().exclude(state=State.SPAM).values_list("title", flat=True))
    assert max(titles.values()) > 1
    outcomes = {}
    for title, state in texts().filter(state__in=DECIDED_STATES).values_list("title", "state"):
        outcomes.setdefault(title, set()).add(state)
    assert {title: states for title, states in outcomes.items() if len(states) > 1} == {}


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


def test_seed_demo_is_refused_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo", count=1)
    assert Proposal.objects.count() == 0


@pytest.mark.django_db
def test_a_reference_change_bumps_the_version_at_once_and_again_when_committed(django_capture_on_commit_callbacks):
    from proposals.core.infra import reference_version

    before = reference_version.current()
    category = Category.objects.order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        category.save()
        # A page read between the save and the commit saw the old rows under this version...
        during = reference_version.current()
    # ...so the commit makes another.
    assert before != during and len(callbacks) == 1 and reference_version.current() not in (before, during)
