"""The parties' demo packages: the data file keeps the rules, and seed_demo answers each one point by point."""
import io

import pytest
from django.core.management import call_command

from proposals.core.models import Party, Proposal, ProposalArticle, ProposalEvent
from proposals.core.points import decision_from_points
from proposals.core.workflow import DECIDED_STATES, Action, NotAcceptedReason, State
from proposals.tooling import demo_content, demo_packages

PACKAGES = demo_content.packages()
LANGUAGES = ("kk", "ru", "en")


def test_every_party_sends_one_package_of_ten_points_or_more_with_mixed_outcomes():
    assert sorted(package.party for package in PACKAGES) == sorted(
        ["amanat", "ak-zhol", "auyl", "baytaq", "peoples-party", "respublica", "nsdp"]
    )
    for package in PACKAGES:
        assert len(package.points) >= 10, package.key
        assert len({point.outcome for point in package.points}) >= 2 and "" not in {
            point.outcome for point in package.points
        }, package.key


def test_each_decided_package_is_what_its_mixed_points_give():
    decided = [package for package in PACKAGES if package.state in DECIDED_STATES]
    assert len(decided) >= 4
    for package in decided:
        outcomes = [(point.outcome, point.reason) for point in package.points]
        assert decision_from_points(outcomes)[0] == package.state, package.key
        assert len({outcome for outcome, _reason in outcomes}) >= 2, package.key
    for package in PACKAGES:
        if package.state not in DECIDED_STATES:
            assert not package.released and {point.outcome for point in package.points} == {""}, package.key


def test_answers_carry_their_reason_and_every_language():
    for package in PACKAGES:
        for number, point in enumerate(package.points, 1):
            where = f"{package.key} point {number}"
            assert all(point.summary[code].strip() for code in LANGUAGES), where
            if point.outcome == State.NOT_ACCEPTED:
                assert point.reason in NotAcceptedReason.values, where
            else:
                assert point.reason == "", where
            if point.outcome:
                assert all(point.response[code].strip() for code in LANGUAGES), where
        if package.state in DECIDED_STATES:
            assert all(package.response[code].strip() for code in LANGUAGES), package.key


def test_a_package_names_an_article_once_and_only_articles_of_the_constitution():
    for package in PACKAGES:
        numbers = [number for point in package.points for number, _change in point.articles]
        assert len(numbers) == len(set(numbers)), package.key
        assert all(number.isdigit() and 1 <= int(number) <= 98 for number in numbers), package.key
        assert {change for point in package.points for _number, change in point.articles} <= {
            "amend", "add", "repeal", "concerns"
        }, package.key


def test_the_document_numbers_its_points_between_preamble_and_closing():
    package = PACKAGES[0]
    paragraphs = package.text.split("\n\n")
    assert paragraphs[0] == package.preamble and paragraphs[-1] == package.closing
    assert paragraphs[1] == f"1. {package.points[0].text}" and len(paragraphs) == len(package.points) + 2


@pytest.mark.django_db
def test_seed_demo_splits_and_answers_each_package_through_the_services():
    call_command("seed_demo", count=0, with_ideas=False, verbosity=0, stdout=io.StringIO())
    assert Proposal.objects.count() == len(PACKAGES)
    for package in PACKAGES:
        proposal = Proposal.objects.get(external_ref=f"{demo_packages.REF_PREFIX}{package.party}")
        assert proposal.party == Party.objects.get(slug=package.party) and proposal.state == package.state
        points = list(proposal.points.order_by("number"))
        assert [point.text for point in points] == [record.text for record in package.points]
        assert [point.summary_ru for point in points] == [record.summary["ru"] for record in package.points]
        assert [(point.outcome, point.outcome_reason) for point in points] == [
            (record.outcome, record.reason) for record in package.points
        ]
        links = ProposalArticle.objects.filter(proposal=proposal).values_list("point__number", "article__number")
        links = sorted(links)
        assert links == sorted((number, article) for number, record in enumerate(package.points, 1)
                               for article, _change in record.articles)
        assert (proposal.decision_released_at is not None) == package.released
        assert (proposal.published_at is not None) == package.published
        actions = set(ProposalEvent.objects.filter(proposal=proposal).values_list("action", flat=True))
        assert {Action.SPLIT_POINTS, Action.EDIT_POINTS} <= actions
        assert (Action.DECIDE_POINTS in actions) == (package.state in DECIDED_STATES)
    call_command("seed_demo", count=0, with_ideas=False, verbosity=0, stdout=io.StringIO())
    assert Proposal.objects.count() == len(PACKAGES)
