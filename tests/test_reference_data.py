"""Reference fixtures and the demo data command."""
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from proposals.core.models import Category, Party, Point, Proposal, ProposalEvent, Region
from proposals.core.workflow import DECIDED_STATES, State
from proposals.tooling import demo_ideas, demo_packages

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


def test_seed_demo_repeats_a_text_with_its_one_decision():
    # More proposals than texts: texts repeat.
    call_command("seed_demo", count=150, with_ideas=False, verbosity=0, stdout=None)
    titles = Counter(texts().exclude(state=State.SPAM).values_list("title", flat=True))
    assert max(titles.values()) > 1
    outcomes = {}
    for title, state in texts().filter(state__in=DECIDED_STATES).values_list("title", "state"):
        outcomes.setdefault(title, set()).add(state)
    assert {title: states for title, states in outcomes.items() if len(states) > 1} == {}


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
