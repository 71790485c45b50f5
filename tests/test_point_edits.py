"""Staff split, join, add, edit and remove points and answer each one: every change one staff-only event."""
import pytest

from proposals.core import services
from proposals.core.models import Article, Category, ProposalArticle, ProposalEvent
from proposals.core.services import WorkflowError
from proposals.core.workflow import Action, NotAcceptedReason, State
from tests.factories import make_proposal, make_user, proposal_in_state, put_in_state

pytestmark = pytest.mark.django_db

ANSWER = {"kk": "Жауап", "ru": "Ответ", "en": "Answer"}
ITEMS = ["Бірпалаталы Парламент құру.", "Мәслихаттардың өкілеттігін кеңейту.", "Цифрлық Парламент енгізу."]


def numbers_and_texts(proposal):
    return list(proposal.points.order_by("number").values_list("number", "text"))


def events(proposal, action):
    return list(ProposalEvent.objects.filter(proposal=proposal, action=action).values_list("note", "is_public"))


def package(analyst, items=ITEMS, **fields):
    proposal = make_proposal(**fields)
    services.point_split(point=proposal.points.get(), actor=analyst, texts=items)
    return proposal


def test_splitting_point_one_makes_numbered_points_with_its_topic_and_one_event(analyst):
    proposal = package(analyst)
    assert numbers_and_texts(proposal) == [(1, ITEMS[0]), (2, ITEMS[1]), (3, ITEMS[2])]
    assert set(proposal.points.values_list("category", flat=True)) == {proposal.category_id}
    assert events(proposal, Action.SPLIT_POINTS) == [("point 1 → points 1–3", False)]


def test_splitting_a_middle_point_moves_the_later_ones_down(analyst):
    proposal = package(analyst)
    services.point_split(point=proposal.points.get(number=2), actor=analyst, texts=["2a", "2b"])
    assert numbers_and_texts(proposal) == [(1, ITEMS[0]), (2, "2a"), (3, "2b"), (4, ITEMS[2])]


def test_point_one_keeps_its_articles_when_split(analyst):
    proposal = make_proposal(articles="49")
    services.point_split(point=proposal.points.get(), actor=analyst, texts=ITEMS[:2])
    assert list(ProposalArticle.objects.values_list("point__number", "article__number")) == [(1, "49")]


@pytest.mark.parametrize("texts, code", [([ITEMS[0]], "too_few"), ([ITEMS[0], "  "], "text_required"),
                                         ([ITEMS[0], "x" * 20_001], "too_long")])
def test_a_bad_split_is_refused_and_changes_nothing(analyst, texts, code):
    proposal = make_proposal()
    with pytest.raises(WorkflowError) as refused:
        services.point_split(point=proposal.points.get(), actor=analyst, texts=texts)
    assert refused.value.code == code
    assert numbers_and_texts(proposal) == [(1, "")] and not events(proposal, Action.SPLIT_POINTS)


def test_a_split_beyond_the_maximum_is_refused(analyst, monkeypatch):
    monkeypatch.setattr("proposals.core.services.point_edits.MAX_POINTS", 2)
    proposal = make_proposal()
    with pytest.raises(WorkflowError) as refused:
        services.point_split(point=proposal.points.get(), actor=analyst, texts=ITEMS)
    assert refused.value.code == "too_many" and proposal.points.count() == 1


def test_joining_points_keeps_the_first_with_both_texts_and_articles(analyst):
    proposal = package(analyst)
    second, third = proposal.points.get(number=2), proposal.points.get(number=3)
    ProposalArticle.objects.create(proposal=proposal, point=third, article=Article.objects.get(number="50"))
    services.points_join(proposal=proposal, actor=analyst, numbers=[2, 3])
    assert numbers_and_texts(proposal) == [(1, ITEMS[0]), (2, f"{ITEMS[1]}\n\n{ITEMS[2]}")]
    assert list(ProposalArticle.objects.values_list("point", flat=True)) == [second.pk]
    assert events(proposal, Action.JOIN_POINTS) == [("points 2, 3 → point 2", False)]


def test_joining_back_to_one_point_reads_as_the_proposal_again(analyst):
    proposal = package(analyst, items=ITEMS[:2])
    services.proposal_edit(proposal=proposal, actor=analyst, changes={"summary_ru": "Кратко о пакете"})
    services.points_join(proposal=proposal, actor=analyst, numbers=[1, 2])
    point = proposal.points.get()
    assert (point.number, point.summary_ru) == (1, "Кратко о пакете")


def test_joining_fewer_than_two_existing_points_is_refused(analyst):
    proposal = package(analyst)
    for numbers in ([2], [2, 9]):
        with pytest.raises(WorkflowError) as refused:
            services.points_join(proposal=proposal, actor=analyst, numbers=numbers)
        assert refused.value.code == "too_few"
    assert proposal.points.count() == 3


def test_adding_to_a_whole_submission_makes_point_one_an_excerpt(analyst):
    proposal = make_proposal(text="Бүкіл мәтін.")
    services.point_add(proposal=proposal, actor=analyst, text="Қосымша тармақ.")
    assert numbers_and_texts(proposal) == [(1, "Бүкіл мәтін."), (2, "Қосымша тармақ.")]


def test_removing_a_point_needs_a_note_and_never_the_last_one(analyst):
    proposal = package(analyst)
    with pytest.raises(WorkflowError) as refused:
        services.point_drop(point=proposal.points.get(number=2), actor=analyst, note="")
    assert refused.value.code == "note_required"
    services.point_drop(point=proposal.points.get(number=2), actor=analyst, note="Повтор пункта 1")
    assert numbers_and_texts(proposal) == [(1, ITEMS[0]), (2, ITEMS[2])]
    services.point_drop(point=proposal.points.get(number=2), actor=analyst, note="Повтор")
    with pytest.raises(WorkflowError) as refused:
        services.point_drop(point=proposal.points.get(), actor=analyst, note="Повтор")
    assert refused.value.code == "last_point"


def test_editing_a_point_writes_one_event_naming_its_fields(analyst):
    proposal = package(analyst)
    topic = Category.objects.order_by("pk").last()
    point = proposal.points.get(number=2)
    services.point_edit(point=point, actor=analyst, changes={"summary_ru": "Кратко", "category": topic})
    services.point_edit(point=point, actor=analyst, changes={"summary_ru": "Кратко"})
    point.refresh_from_db()
    assert (point.summary_ru, point.category) == ("Кратко", topic)
    assert events(proposal, Action.EDIT_POINTS) == [("point 2: summary_ru, category", False)]


def test_a_point_field_outside_the_desk_is_refused(analyst):
    proposal = make_proposal()
    with pytest.raises(WorkflowError) as refused:
        services.point_edit(point=proposal.points.get(), actor=analyst, changes={"outcome": "accepted"})
    assert refused.value.code == "not_editable"


def test_a_member_of_the_working_group_may_not_change_points(wg_member):
    proposal = make_proposal()
    with pytest.raises(WorkflowError) as refused:
        services.point_split(point=proposal.points.get(), actor=wg_member, texts=ITEMS)
    assert refused.value.code == "permission"


def test_points_of_a_published_proposal_need_the_publish_permission(analyst, lead):
    proposal = proposal_in_state(State.IN_REVIEW, published_at=None)
    proposal.published_at = proposal.received_at
    proposal.save(update_fields=["published_at"])
    with pytest.raises(WorkflowError) as refused:
        services.point_split(point=proposal.points.get(), actor=analyst, texts=ITEMS)
    assert refused.value.code == "permission"
    services.point_split(point=proposal.points.get(), actor=lead, texts=ITEMS)


def test_points_stay_as_they_are_while_a_decision_is_recorded(analyst):
    proposal = proposal_in_state(State.ACCEPTED)
    with pytest.raises(WorkflowError) as refused:
        services.point_split(point=proposal.points.get(), actor=analyst, texts=ITEMS)
    assert refused.value.code == "decided"


# Answering each point

def with_working_group(analyst, items=ITEMS):
    return put_in_state(package(analyst, items=items), State.WITH_WORKING_GROUP)


def test_the_lead_answers_each_point_and_the_decision_follows(analyst, lead):
    proposal = with_working_group(analyst)
    changed = services.points_decide(proposal=proposal, actor=lead, outcomes={
        1: {"outcome": State.ACCEPTED, "response": ANSWER},
        2: {"outcome": State.NOT_ACCEPTED, "reason": NotAcceptedReason.NOT_FEASIBLE, "response": ANSWER},
        3: {"outcome": State.PARTIALLY_ACCEPTED, "response": ANSWER},
    })
    assert changed == 3
    assert events(proposal, Action.DECIDE_POINTS) == [(
        "point 1: accepted\npoint 2: not_accepted (not_feasible)\npoint 3: partially_accepted", False
    )]
    services.proposal_decide(proposal=proposal, action=Action.ACCEPT_PARTIALLY, actor=lead, response=ANSWER,
                             note="Решение Рабочей группы")
    assert proposal.state == State.PARTIALLY_ACCEPTED
    assert list(proposal.points.values_list("outcome", flat=True)) == [
        State.ACCEPTED, State.NOT_ACCEPTED, State.PARTIALLY_ACCEPTED
    ]


@pytest.mark.parametrize("answer, code", [
    ({"outcome": State.NOT_ACCEPTED, "response": ANSWER}, "reason_required"),
    ({"outcome": State.ACCEPTED, "response": {"kk": "Жауап"}}, "response_required"),
    ({"outcome": "maybe", "response": ANSWER}, "invalid"),
])
def test_a_bad_point_answer_is_refused_and_changes_nothing(analyst, lead, answer, code):
    proposal = with_working_group(analyst)
    with pytest.raises(WorkflowError) as refused:
        services.points_decide(proposal=proposal, actor=lead, outcomes={
            1: {"outcome": State.ACCEPTED, "response": ANSWER}, 2: answer,
        })
    assert refused.value.code == code
    assert set(proposal.points.values_list("outcome", flat=True)) == {""}
    assert not events(proposal, Action.DECIDE_POINTS)


def test_points_are_answered_only_with_the_working_group_and_by_those_who_decide(analyst, lead):
    proposal = package(analyst)
    with pytest.raises(WorkflowError) as refused:
        services.points_decide(proposal=proposal, actor=lead, outcomes={1: {"outcome": "", "response": {}}})
    assert refused.value.code == "not_allowed"
    proposal = with_working_group(make_user("analyst"))
    with pytest.raises(WorkflowError) as refused:
        services.points_decide(proposal=proposal, actor=analyst, outcomes={1: {"outcome": "", "response": {}}})
    assert refused.value.code == "permission"


def test_publishing_a_split_proposal_needs_each_points_summaries(analyst, lead):
    proposal = package(analyst)
    proposal = put_in_state(proposal, State.IN_REVIEW)
    for code in ("kk", "ru"):
        setattr(proposal, f"title_{code}", "Атауы")
        setattr(proposal, f"summary_{code}", "Қысқаша")
    proposal.save()
    for point in proposal.points.exclude(number=2):
        services.point_edit(point=point, actor=analyst, changes={"summary_kk": "Қысқаша", "summary_ru": "Кратко"})
    with pytest.raises(WorkflowError) as refused:
        services.proposal_publish(proposal=proposal, actor=lead)
    assert refused.value.code == "summary_required" and "2" in str(refused.value.message)
    services.point_edit(point=proposal.points.get(number=2), actor=analyst,
                        changes={"summary_kk": "Қысқаша", "summary_ru": "Кратко"})
    services.proposal_publish(proposal=proposal, actor=lead)
    assert proposal.published_at is not None


def test_the_only_point_follows_its_proposal_and_is_never_edited_or_answered_alone(analyst, lead):
    proposal = make_proposal()
    with pytest.raises(WorkflowError) as refused:
        services.point_edit(point=proposal.points.get(), actor=analyst, changes={"summary_ru": "Кратко"})
    assert refused.value.code == "single_point"
    proposal = put_in_state(proposal, State.WITH_WORKING_GROUP)
    with pytest.raises(WorkflowError) as refused:
        services.points_decide(proposal=proposal, actor=lead, outcomes={1: {"outcome": State.ACCEPTED,
                                                                            "response": ANSWER}})
    assert refused.value.code == "single_point" and proposal.points.get().outcome == ""
