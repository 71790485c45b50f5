"""A proposal's points: point 1 for every proposal, point 1 following its proposal, decisions that follow the points."""
import itertools

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from proposals.core import services
from proposals.core.models import Article, Category, Point, Proposal, ProposalArticle
from proposals.core.points import Undecided, decision_from_points
from proposals.core.services import WorkflowError
from proposals.core.workflow import Action, NotAcceptedReason, State
from tests.factories import make_proposal, proposal_in_state

pytestmark = pytest.mark.django_db

RESPONSE = {"kk": "Ұсыныс жобада ескерілді.", "ru": "Предложение учтено в проекте.", "en": "Taken into account."}
A, P, N = State.ACCEPTED, State.PARTIALLY_ACCEPTED, State.NOT_ACCEPTED
REASONS = (NotAcceptedReason.NOT_FEASIBLE, NotAcceptedReason.ALREADY_PROVIDED)


# Point 1

def test_a_submitted_proposal_has_point_one_with_its_topic_and_the_whole_text():
    proposal = make_proposal(category=Category.objects.order_by("pk").last())
    point = proposal.points.get()
    assert (point.number, point.text, point.category_id, point.outcome) == (1, "", proposal.category_id, "")


def test_the_submitted_articles_belong_to_point_one():
    proposal = make_proposal(articles="49, 50-1")
    point = proposal.points.get()
    assert sorted(ProposalArticle.objects.filter(point=point).values_list("article__number", flat=True)) == [
        "49", "50-1"
    ]
    assert set(ProposalArticle.objects.filter(proposal=proposal).values_list("point", flat=True)) == {point.pk}


def test_point_one_follows_its_proposals_topic_summaries_and_response(analyst):
    proposal = make_proposal()
    topic = Category.objects.order_by("pk").last()
    services.proposal_edit(proposal=proposal, actor=analyst, changes={
        "category": topic, "summary_kk": "Қысқаша", "summary_ru": "Кратко", "summary_en": "In short",
    })
    point = proposal.points.get()
    assert (point.category, point.summary_kk, point.summary_ru, point.summary_en) == (
        topic, "Қысқаша", "Кратко", "In short"
    )


def test_a_recorded_decision_is_the_outcome_of_point_one(lead):
    proposal = proposal_in_state(State.WITH_WORKING_GROUP)
    services.proposal_decide(proposal=proposal, action=Action.REJECT, actor=lead, response=RESPONSE,
                             reason=NotAcceptedReason.NOT_FEASIBLE, note="Рабочая группа")
    point = proposal.points.get()
    assert (point.outcome, point.outcome_reason) == (State.NOT_ACCEPTED, NotAcceptedReason.NOT_FEASIBLE)
    assert (point.response_kk, point.response_ru, point.response_en) == (RESPONSE["kk"], RESPONSE["ru"], RESPONSE["en"])


def test_reconsidering_a_decision_clears_the_outcome_of_point_one(lead):
    proposal = proposal_in_state(State.WITH_WORKING_GROUP)
    services.proposal_decide(proposal=proposal, action=Action.ACCEPT, actor=lead, response=RESPONSE)
    services.proposal_transition(proposal=proposal, action=Action.RECONSIDER, actor=lead, note="Новые данные")
    assert proposal.points.get().outcome == ""


def test_staff_set_the_articles_of_point_one(analyst):
    proposal = make_proposal(articles="")
    services.proposal_articles_set(proposal=proposal, actor=analyst,
                                   links=[(Article.objects.get(number="49"), "amend")])
    assert list(ProposalArticle.objects.values_list("point", "change")) == [(proposal.points.get().pk, "amend")]


# Several points

def split(proposal, outcomes):
    """Points 2.. of ``proposal`` with ``outcomes`` [(outcome, reason)], point 1 taking the first (set-up only)."""
    first, *rest = outcomes
    Point.objects.filter(proposal=proposal, number=1).update(outcome=first[0], outcome_reason=first[1])
    Point.objects.bulk_create([
        Point(proposal=proposal, number=number, text=f"{number}.", outcome=outcome, outcome_reason=reason)
        for number, (outcome, reason) in enumerate(rest, start=2)
    ])
    return proposal


def test_staff_set_the_articles_of_each_point_of_a_split_proposal(analyst):
    proposal = split(make_proposal(articles=""), [("", ""), ("", "")])
    with pytest.raises(WorkflowError) as refused:
        services.proposal_articles_set(proposal=proposal, actor=analyst,
                                       links=[(Article.objects.get(number="49"), "amend")])
    assert refused.value.code == "several_points" and not ProposalArticle.objects.exists()


def test_recording_a_decision_with_an_undecided_point_is_refused(lead):
    proposal = split(proposal_in_state(State.WITH_WORKING_GROUP), [(A, ""), ("", "")])
    with pytest.raises(WorkflowError) as refused:
        services.proposal_decide(proposal=proposal, action=Action.ACCEPT_PARTIALLY, actor=lead, response=RESPONSE,
                                 note="Рабочая группа")
    assert refused.value.code == "points_undecided"
    proposal.refresh_from_db()
    assert proposal.state == State.WITH_WORKING_GROUP and proposal.response_ru == ""


def test_a_decision_other_than_the_points_give_is_refused(lead):
    proposal = split(proposal_in_state(State.WITH_WORKING_GROUP), [(A, ""), (N, NotAcceptedReason.OTHER)])
    with pytest.raises(WorkflowError) as refused:
        services.proposal_transition(proposal=proposal, action=Action.ACCEPT, actor=lead)
    assert refused.value.code == "not_the_points_decision"
    assert Proposal.objects.get(pk=proposal.pk).state == State.WITH_WORKING_GROUP


def test_the_points_decision_is_recorded_with_their_shared_reason_and_leaves_their_outcomes(lead):
    reason = NotAcceptedReason.NOT_CONSTITUTIONAL_LEVEL
    proposal = split(proposal_in_state(State.WITH_WORKING_GROUP), [(N, reason), (N, reason), (N, reason)])
    services.proposal_decide(proposal=proposal, action=Action.REJECT, actor=lead, response=RESPONSE,
                             reason=NotAcceptedReason.OTHER, note="Рабочая группа")
    assert (proposal.state, proposal.decision_reason) == (State.NOT_ACCEPTED, reason)
    assert list(proposal.points.values_list("outcome", "outcome_reason", "response_ru")) == [(N, reason, "")] * 3


def test_a_split_proposals_summaries_stay_its_own(analyst):
    proposal = split(make_proposal(), [("", ""), ("", "")])
    services.proposal_edit(proposal=proposal, actor=analyst, changes={"summary_ru": "Пакет из двух пунктов"})
    assert list(proposal.points.values_list("summary_ru", flat=True)) == ["", ""]


# The decision that follows from the points, for every combination of up to three points

OUTCOMES = [(A, ""), (P, ""), (N, REASONS[0]), (N, REASONS[1])]


def expected(outcomes):
    kinds = {outcome for outcome, _reason in outcomes}
    if kinds == {A}:
        return A, ""
    if kinds == {N}:
        reasons = {reason for _outcome, reason in outcomes}
        return N, (reasons.pop() if len(reasons) == 1 else NotAcceptedReason.OTHER)
    return P, ""


@pytest.mark.parametrize("outcomes", [
    combination for size in (1, 2, 3) for combination in itertools.product(OUTCOMES, repeat=size)
])
def test_the_decision_follows_from_every_combination_of_outcomes(outcomes):
    assert decision_from_points(outcomes) == expected(outcomes)


def test_the_rule_reads_as_the_issue_states_it():
    assert decision_from_points([(A, ""), (A, "")]) == (A, "")
    assert decision_from_points([(N, REASONS[0]), (N, REASONS[0])]) == (N, REASONS[0])
    assert decision_from_points([(N, REASONS[0]), (N, REASONS[1])]) == (N, NotAcceptedReason.OTHER)
    assert decision_from_points([(A, ""), (N, REASONS[0])]) == (P, "")
    assert decision_from_points([(P, "")]) == (P, "")


@pytest.mark.parametrize("outcomes", [[], [("", "")], [(A, ""), ("", "")]])
def test_no_decision_follows_while_a_point_has_no_outcome(outcomes):
    with pytest.raises(Undecided):
        decision_from_points(outcomes)


# The migration, on data in every state

@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_every_proposal_its_point_one_in_every_state():
    executor = MigrationExecutor(connection)
    before, after = [("proposals", "0028_article_listing")], [("proposals", "0029_points")]
    executor.migrate(before)
    try:
        apps = executor.loader.project_state(before).apps
        old_proposal, old_link = apps.get_model("proposals", "Proposal"), apps.get_model("proposals", "ProposalArticle")
        article = apps.get_model("proposals", "Article").objects.get(number="50")
        topic = apps.get_model("proposals", "Category").objects.order_by("pk").first()
        original = old_proposal.objects.create(tracking_code="MIG-0000", submitter_kind="citizen", language="ru",
                                               title="Оригинал", text="Текст")
        now = timezone.now()
        for number, state in enumerate(State, start=1):
            decided = state in (A, P, N)
            publishable = state in (State.IN_REVIEW, State.WITH_WORKING_GROUP, State.OUT_OF_SCOPE, A, P, N)
            proposal = old_proposal.objects.create(
                tracking_code=f"MIG-{number:04d}", submitter_kind="citizen", language="ru", title=str(state),
                text="Текст", category=topic, state=state,
                duplicate_of=original if state == State.DUPLICATE else None,
                decision_reason=NotAcceptedReason.NOT_FEASIBLE if state == N else "",
                summary_kk="Қысқаша", summary_ru="Кратко", response_ru="Ответ" if decided else "",
                decided_at=now if decided else None, decision_released_at=now if decided else None,
                published_at=now if publishable else None,
            )
            old_link.objects.create(proposal=proposal, article=article, change="amend")
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(after)
        assert Point.objects.count() == Proposal.objects.count() == len(State) + 1
        for proposal in Proposal.objects.exclude(pk=original.pk):
            point = proposal.points.get()
            decided = proposal.state in (A, P, N)
            assert (point.number, point.text, point.category_id) == (1, "", topic.pk), proposal.state
            assert (point.outcome, point.outcome_reason) == (
                proposal.state if decided else "", proposal.decision_reason
            ), proposal.state
            assert (point.summary_kk, point.summary_ru, point.response_ru) == (
                "Қысқаша", "Кратко", proposal.response_ru
            ), proposal.state
            assert list(proposal.article_links.values_list("point", "change")) == [(point.pk, "amend")]
        # The listing triggers came back with the rebuilt table: an unpublished proposal leaves its article's list.
        listed = ProposalArticle.objects.filter(proposal__state=State.IN_REVIEW)
        assert listed.get().listed_at is not None
        Proposal.objects.filter(state=State.IN_REVIEW).update(published_at=None)
        assert listed.get().listed_at is None
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())

