"""Staff build ideas (confirm, drop, move, split, merge: each an event) and answer each idea once."""
import pytest

from proposals.core import services
from proposals.core.ideas.arrivals import suggest_for_points
from proposals.core.models import (
    Idea,
    IdeaAction,
    IdeaCandidate,
    IdeaEvent,
    IdeaMembership,
    Notification,
    NotificationKind,
    Point,
    PointKey,
    ProposalEvent,
)
from proposals.core.models.ideas import CandidateStatus
from proposals.core.services import WorkflowError
from proposals.core.services.idea_decisions import idea_decide, idea_member_decide_apart, idea_release
from proposals.core.services.ideas import (
    idea_confirm,
    idea_confirm_copies,
    idea_drop,
    idea_edit,
    idea_merge,
    idea_move,
    idea_publish,
    idea_remove,
    idea_split,
    idea_start,
    ideas_suggest,
)
from proposals.core.similarity import Match
from proposals.core.workflow import Action, NotAcceptedReason, State
from tests.factories import make_proposal, make_user, put_in_state

pytestmark = pytest.mark.django_db

LETTER = (
    "Предлагаю сократить число депутатов Мажилиса до 100 человек и избирать их только по партийным спискам, "
    "чтобы Парламент работал профессионально."
)
ANSWER = {"kk": "Жұмыс тобы ұсынысты қабылдады.", "ru": "Рабочая группа приняла предложение.", "en": "Accepted."}


def copies(count, text=LETTER, **fields):
    return [make_proposal(language="ru", title="Обращение", text=text, **fields) for _ in range(count)]


def point_of(proposal):
    return Point.objects.select_related("proposal").get(proposal=proposal, number=1)


def suggested_idea(proposals):
    points = [point_of(proposal) for proposal in proposals]
    ideas_suggest(clusters=[(points[0], [(point, Match(1.0, 1.0)) for point in points])])
    return Idea.objects.order_by("-pk").first()


def actions(idea):
    return list(IdeaEvent.objects.filter(idea=idea).values_list("action", flat=True))


def proposal_actions(proposal, action):
    return list(ProposalEvent.objects.filter(proposal=proposal, action=action).values_list("note", flat=True))


def test_a_new_proposal_has_its_band_keys():
    (proposal,) = copies(1)
    assert PointKey.objects.filter(point__proposal=proposal).count() == 16


def test_correcting_the_text_renews_the_keys(analyst):
    (proposal,) = copies(1)
    before = set(PointKey.objects.filter(point__proposal=proposal).values_list("key", flat=True))
    services.proposal_correct(
        proposal=proposal, actor=analyst, field="text", value="Совсем другой текст о цифровом парламенте и петициях",
        note="опечатка",
    )
    after = set(PointKey.objects.filter(point__proposal=proposal).values_list("key", flat=True))
    assert after and after != before


def test_suggestions_are_not_members_until_staff_confirm():
    proposals = copies(3)
    idea = suggested_idea(proposals)
    assert idea.confirmed_at is None
    assert IdeaMembership.objects.count() == 0
    assert IdeaCandidate.objects.filter(idea=idea, status=CandidateStatus.SUGGESTED).count() == 3
    assert actions(idea) == [IdeaAction.SUGGEST]


def test_confirm_writes_an_idea_event_and_a_join_event_on_each_proposal(analyst):
    proposals = copies(3)
    idea = suggested_idea(proposals)
    assert idea_confirm(idea=idea, actor=analyst, points=[point_of(p) for p in proposals[:2]]) == 2
    idea.refresh_from_db()
    assert idea.confirmed_at is not None
    assert actions(idea) == [IdeaAction.SUGGEST, IdeaAction.CONFIRM]
    assert proposal_actions(proposals[0], Action.JOIN_IDEA) == [f"point 1: idea {idea.pk}"]
    assert proposal_actions(proposals[2], Action.JOIN_IDEA) == []
    assert IdeaCandidate.objects.filter(idea=idea).count() == 1


def test_exact_copies_are_confirmed_in_one_step_and_an_other_text_is_not(analyst):
    proposals = copies(4) + copies(1, text="Нужно открыть в каждом районе центр поддержки фермеров и снизить налоги.")
    idea = suggested_idea(proposals)
    assert idea_confirm_copies(idea=idea, actor=analyst) == 4
    assert IdeaMembership.objects.filter(idea=idea).count() == 4


def test_a_point_belongs_to_one_idea_at_most(analyst):
    (first, second) = copies(2)
    idea = idea_start(point=point_of(first), actor=analyst)
    other = idea_start(point=point_of(second), actor=analyst)
    with pytest.raises(WorkflowError) as refused:
        idea_confirm(idea=other, actor=analyst, points=[point_of(first)])
    assert refused.value.code == "in_other_idea"
    assert IdeaMembership.objects.get(point=point_of(first)).idea == idea


def test_a_duplicate_or_spam_proposal_cannot_join(analyst):
    (proposal,) = copies(1)
    put_in_state(proposal, State.SPAM)
    idea = idea_start(point=point_of(copies(1)[0]), actor=analyst)
    with pytest.raises(WorkflowError) as refused:
        idea_confirm(idea=idea, actor=analyst, points=[point_of(proposal)])
    assert refused.value.code == "not_a_member_state"


def test_a_member_marked_a_duplicate_leaves_its_idea_with_events(analyst):
    proposals = copies(3)
    idea = idea_start(point=point_of(proposals[0]), actor=analyst)
    idea_confirm(idea=idea, actor=analyst, points=[point_of(proposals[1])])
    services.proposal_transition(proposal=proposals[1], action=Action.MARK_DUPLICATE, actor=analyst,
                                 duplicate_of=proposals[2])
    assert not IdeaMembership.objects.filter(point=point_of(proposals[1])).exists()
    assert actions(idea)[-1] == IdeaAction.REMOVE
    note = IdeaEvent.objects.filter(idea=idea).latest("pk").note
    assert proposals[1].tracking_code in note and "duplicate" in note
    assert proposal_actions(proposals[1], Action.LEAVE_IDEA) == [
        f"point 1: idea {idea.pk}: no longer answered (duplicate)"]
    assert IdeaMembership.objects.filter(idea=idea).count() == 1


def test_a_suggestion_withdrawn_by_its_submitter_is_no_longer_offered(analyst):
    proposals = copies(3)
    idea = suggested_idea(proposals)
    services.proposal_transition(proposal=proposals[2], action=Action.WITHDRAW, actor=None)
    assert not IdeaCandidate.objects.filter(idea=idea, point=point_of(proposals[2])).exists()
    assert actions(idea)[-1] == IdeaAction.DROP
    # The remaining copies are still confirmed in one step.
    assert idea_confirm_copies(idea=idea, actor=analyst) == 2


def test_confirm_all_copies_passes_over_a_suggestion_no_longer_answered(analyst):
    proposals = copies(3)
    idea = suggested_idea(proposals)
    # A suggestion left from before proposals left their ideas on such a move.
    put_in_state(proposals[1], State.SPAM)
    assert idea_confirm_copies(idea=idea, actor=analyst) == 2
    assert not IdeaMembership.objects.filter(point=point_of(proposals[1])).exists()


def test_a_proposal_no_longer_answered_is_not_suggested_after_its_submission(analyst):
    (first,) = copies(1)
    (second,) = copies(1)
    IdeaCandidate.objects.all().delete()
    put_in_state(second, State.SPAM)
    assert suggest_for_points([point_of(second).pk]) == 0
    assert not IdeaCandidate.objects.exists()
    assert suggest_for_points([point_of(first).pk]) == 0


def test_drop_keeps_the_suggestion_as_dropped_and_writes_an_event(analyst):
    proposals = copies(2)
    idea = suggested_idea(proposals)
    assert idea_drop(idea=idea, actor=analyst, points=[point_of(proposals[1])]) == 1
    assert IdeaCandidate.objects.get(point=point_of(proposals[1])).status == CandidateStatus.DROPPED
    assert actions(idea)[-1] == IdeaAction.DROP
    # Suggested again by a later clustering: not written.
    ideas_suggest(clusters=[(idea, [(point_of(proposals[1]), Match(1.0, 1.0))])])
    assert IdeaCandidate.objects.get(point=point_of(proposals[1])).status == CandidateStatus.DROPPED


def test_remove_needs_a_note_and_writes_leave_events(analyst):
    proposals = copies(2)
    idea = idea_start(point=point_of(proposals[0]), actor=analyst)
    idea_confirm(idea=idea, actor=analyst, points=[point_of(proposals[1])])
    with pytest.raises(WorkflowError):
        idea_remove(idea=idea, actor=analyst, points=[point_of(proposals[1])], note=" ")
    idea_remove(idea=idea, actor=analyst, points=[point_of(proposals[1])], note="другое предложение")
    assert not IdeaMembership.objects.filter(point=point_of(proposals[1])).exists()
    assert actions(idea)[-1] == IdeaAction.REMOVE
    assert proposal_actions(proposals[1], Action.LEAVE_IDEA) == [f"point 1: idea {idea.pk}: другое предложение"]


def test_move_takes_a_member_to_another_idea_with_events_on_both(analyst):
    proposals = copies(3)
    idea = idea_start(point=point_of(proposals[0]), actor=analyst)
    idea_confirm(idea=idea, actor=analyst, points=[point_of(proposals[1])])
    other = idea_start(point=point_of(proposals[2]), actor=analyst)
    assert idea_move(idea=idea, target=other, actor=analyst, points=[point_of(proposals[1])]) == 1
    assert IdeaMembership.objects.get(point=point_of(proposals[1])).idea == other
    assert actions(idea)[-1] == IdeaAction.MOVE_OUT
    assert actions(other)[-1] == IdeaAction.MOVE_IN
    assert proposal_actions(proposals[1], Action.LEAVE_IDEA) == [f"point 1: moved to idea {other.pk}"]
    assert len(proposal_actions(proposals[1], Action.JOIN_IDEA)) == 2


def test_split_makes_a_new_idea_of_the_chosen_members(analyst):
    proposals = copies(3)
    idea = idea_start(point=point_of(proposals[0]), actor=analyst)
    idea_confirm(idea=idea, actor=analyst, points=[point_of(p) for p in proposals[1:]])
    new = idea_split(idea=idea, actor=analyst, points=[point_of(proposals[2])])
    assert new.pk != idea.pk
    assert list(IdeaMembership.objects.filter(idea=new).values_list("point__proposal", flat=True)) == [proposals[2].pk]
    assert IdeaAction.SPLIT in actions(idea)
    assert actions(new)[-1] == IdeaAction.SPLIT_FROM


def test_merge_moves_everything_and_keeps_the_merged_idea_as_a_pointer(analyst):
    proposals = copies(3)
    idea = idea_start(point=point_of(proposals[0]), actor=analyst)
    into = idea_start(point=point_of(proposals[1]), actor=analyst)
    suggested = suggested_idea([proposals[2]])  # a suggestion of one, not yet confirmed
    idea_merge(idea=idea, into=into, actor=analyst)
    idea.refresh_from_db()
    assert idea.merged_into == into
    assert IdeaMembership.objects.filter(idea=into).count() == 2
    assert actions(idea)[-1] == IdeaAction.MERGE
    assert actions(into)[-1] == IdeaAction.MERGE_IN
    idea_merge(idea=suggested, into=into, actor=analyst)
    assert IdeaCandidate.objects.filter(idea=into, status=CandidateStatus.SUGGESTED).count() == 1


def test_a_merged_idea_takes_no_more_changes(analyst):
    proposals = copies(2)
    idea = idea_start(point=point_of(proposals[0]), actor=analyst)
    into = idea_start(point=point_of(proposals[1]), actor=analyst)
    idea_merge(idea=idea, into=into, actor=analyst)
    with pytest.raises(WorkflowError) as refused:
        idea_edit(idea=idea, actor=analyst, changes={"title_ru": "x"})
    assert refused.value.code == "merged"


def test_a_working_group_member_cannot_change_ideas(wg_member, analyst):
    (proposal,) = copies(1)
    idea = idea_start(point=point_of(proposal), actor=analyst)
    with pytest.raises(WorkflowError) as refused:
        idea_edit(idea=idea, actor=wg_member, changes={"title_ru": "x"})
    assert refused.value.code == "permission"


def campaign(analyst, count=5):
    proposals = copies(count)
    idea = idea_start(point=point_of(proposals[0]), actor=analyst)
    idea_confirm(idea=idea, actor=analyst, points=[point_of(p) for p in proposals[1:]])
    return idea, proposals


def test_answer_once_gives_every_member_the_outcome_and_each_proposal_its_event(analyst, lead):
    idea, proposals = campaign(analyst)
    put_in_state(proposals[1], State.SCREENING)
    put_in_state(proposals[2], State.WITH_WORKING_GROUP)
    answered, skipped = idea_decide(idea=idea, actor=lead, outcome=State.ACCEPTED, response=ANSWER)
    assert len(answered) == 5 and not skipped
    for proposal in proposals:
        proposal.refresh_from_db()
        assert proposal.state == State.ACCEPTED
        assert proposal.response_ru == ANSWER["ru"]
        assert point_of(proposal).outcome == State.ACCEPTED
        assert proposal_actions(proposal, Action.DECIDE_WITH_IDEA) == [f"idea {idea.pk}"]
        assert proposal.decision_released_at is None
    assert actions(idea)[-1] == IdeaAction.DECIDE


def test_a_not_accepted_idea_needs_its_reason_and_both_responses(analyst, lead):
    idea, _proposals = campaign(analyst, 2)
    with pytest.raises(WorkflowError) as refused:
        idea_decide(idea=idea, actor=lead, outcome=State.NOT_ACCEPTED, response=ANSWER)
    assert refused.value.code == "reason_required"
    with pytest.raises(WorkflowError) as refused:
        idea_decide(idea=idea, actor=lead, outcome=State.ACCEPTED, response={"ru": "Да"})
    assert refused.value.code == "response_required"
    with pytest.raises(WorkflowError) as refused:
        idea_decide(idea=idea, actor=analyst, outcome=State.ACCEPTED, response=ANSWER)
    assert refused.value.code == "permission"
    assert not Point.objects.exclude(outcome="").exists()


def test_a_package_point_takes_the_outcome_and_the_package_stays_open(analyst, lead):
    idea, _proposals = campaign(analyst, 2)
    package = make_proposal(submitter_kind="party", language="ru", title="Пакет", text="x")
    services.point_split(point=point_of(package), actor=analyst, texts=[LETTER, "Второй пункт о другом."])
    idea_confirm(idea=idea, actor=analyst, points=[Point.objects.get(proposal=package, number=1)])
    idea_decide(idea=idea, actor=lead, outcome=State.NOT_ACCEPTED, reason=NotAcceptedReason.NOT_FEASIBLE,
                response=ANSWER)
    package.refresh_from_db()
    assert package.state == State.RECEIVED
    first = Point.objects.get(proposal=package, number=1)
    assert (first.outcome, first.outcome_reason) == (State.NOT_ACCEPTED, NotAcceptedReason.NOT_FEASIBLE)
    assert Point.objects.get(proposal=package, number=2).outcome == ""
    assert proposal_actions(package, Action.DECIDE_WITH_IDEA) == [
        f"point 1: not_accepted (not_feasible)\nidea {idea.pk}"
    ]


def test_a_member_decided_differently_leaves_the_idea_decision(analyst, lead):
    idea, proposals = campaign(analyst, 3)
    idea_decide(idea=idea, actor=lead, outcome=State.ACCEPTED, response=ANSWER)
    with pytest.raises(WorkflowError) as refused:
        idea_member_decide_apart(idea=idea, point=point_of(proposals[2]), actor=lead,
                                 outcome=State.PARTIALLY_ACCEPTED, response=ANSWER, note="")
    assert refused.value.code == "note_required"
    idea_member_decide_apart(idea=idea, point=point_of(proposals[2]), actor=lead, outcome=State.PARTIALLY_ACCEPTED,
                             response=ANSWER, note="просит ещё и отзыв депутатов")
    assert IdeaMembership.objects.get(point=point_of(proposals[2])).apart
    proposals[2].refresh_from_db()
    assert proposals[2].state == State.PARTIALLY_ACCEPTED
    # The idea decided anew: its other members follow, the member decided apart does not.
    idea_decide(idea=idea, actor=lead, outcome=State.NOT_ACCEPTED, reason=NotAcceptedReason.OTHER, response=ANSWER)
    states = [type(p).objects.get(pk=p.pk).state for p in proposals]
    assert states == [State.NOT_ACCEPTED, State.NOT_ACCEPTED, State.PARTIALLY_ACCEPTED]
    assert actions(idea).count(IdeaAction.DECIDE_APART) == 1


def test_a_member_confirmed_after_the_decision_gets_it(analyst, lead):
    idea, _proposals = campaign(analyst, 2)
    idea_decide(idea=idea, actor=lead, outcome=State.ACCEPTED, response=ANSWER)
    (late,) = copies(1)
    idea_confirm(idea=idea, actor=analyst, points=[point_of(late)])
    late.refresh_from_db()
    assert late.state == State.ACCEPTED


def test_release_sends_every_member_submitter_exactly_one_message(analyst, lead):
    idea, proposals = campaign(analyst, 4)
    idea_decide(idea=idea, actor=lead, outcome=State.ACCEPTED, response=ANSWER)
    released, refused = idea_release(idea=idea, actor=lead)
    assert (released, refused) == (4, {})
    for proposal in proposals:
        assert Notification.objects.filter(proposal=proposal, kind=NotificationKind.DECISION).count() == 1
        proposal.refresh_from_db()
        assert proposal.decision_released_at is not None
    idea.refresh_from_db()
    assert idea.public_outcome == State.ACCEPTED
    with pytest.raises(WorkflowError):
        idea_release(idea=idea, actor=lead)
    assert Notification.objects.filter(kind=NotificationKind.DECISION).count() == 4


def test_a_released_idea_is_not_decided_again(analyst, lead):
    idea, _proposals = campaign(analyst, 2)
    idea_decide(idea=idea, actor=lead, outcome=State.ACCEPTED, response=ANSWER)
    idea_release(idea=idea, actor=lead)
    with pytest.raises(WorkflowError) as refused:
        idea_decide(idea=idea, actor=lead, outcome=State.PARTIALLY_ACCEPTED, response=ANSWER)
    assert refused.value.code == "already_released"


def test_publishing_an_idea_needs_kazakh_and_russian_texts(analyst, lead):
    idea, _proposals = campaign(analyst, 2)
    with pytest.raises(WorkflowError) as refused:
        idea_publish(idea=idea, actor=lead)
    assert refused.value.code == "public_text_required"
    idea_edit(idea=idea, actor=analyst, changes={
        "title_kk": "Депутаттар саны 100", "title_ru": "100 депутатов", "summary_kk": "Қысқаша", "summary_ru": "Кратко",
    })
    idea_publish(idea=idea, actor=lead)
    idea.refresh_from_db()
    assert idea.published_at is not None
    assert Idea.objects.public().get() == idea
    with pytest.raises(WorkflowError) as refused:
        idea_edit(idea=idea, actor=analyst, changes={"title_ru": "Другое"})
    assert refused.value.code == "permission"


def test_a_decided_proposal_of_another_answer_is_left_as_it_is(analyst, lead):
    idea, proposals = campaign(analyst, 3)
    put_in_state(proposals[1], State.NOT_ACCEPTED)
    answered, skipped = idea_decide(idea=idea, actor=lead, outcome=State.ACCEPTED, response=ANSWER)
    assert len(answered) == 2 and sum(skipped.values()) == 1
    proposals[1].refresh_from_db()
    assert proposals[1].state == State.NOT_ACCEPTED


def test_only_staff_with_the_role_start_ideas(db):
    (proposal,) = copies(1)
    with pytest.raises(WorkflowError):
        idea_start(point=point_of(proposal), actor=make_user())


def test_release_also_answers_a_member_decided_apart(analyst, lead):
    idea, proposals = campaign(analyst, 3)
    idea_decide(idea=idea, actor=lead, outcome=State.ACCEPTED, response=ANSWER)
    idea_member_decide_apart(idea=idea, point=point_of(proposals[2]), actor=lead, outcome=State.PARTIALLY_ACCEPTED,
                             response=ANSWER, note="просит ещё и отзыв депутатов")
    released, _refused = idea_release(idea=idea, actor=lead)
    assert released == 3
    proposals[2].refresh_from_db()
    assert proposals[2].decision_released_at is not None
    assert Notification.objects.filter(proposal=proposals[2], kind=NotificationKind.DECISION).count() == 1
