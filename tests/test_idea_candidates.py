"""The likely twins and ideas of a point: found through the band keys' index, scored on the texts, bounded."""
import pytest

from proposals.core import services
from proposals.core.ideas import candidates
from proposals.core.ideas.arrivals import suggest_for_points
from proposals.core.models import Idea, IdeaCandidate, Point, PointKey
from proposals.core.services.ideas import idea_start
from proposals.core.workflow import State
from tests.factories import make_proposal, put_in_state

pytestmark = pytest.mark.django_db

LETTER = (
    "Предлагаю сократить число депутатов Мажилиса до 100 человек и избирать их только по партийным спискам, "
    "чтобы Парламент работал профессионально."
)
OTHER = "Нужно открыть в каждом районе центр поддержки фермеров и снизить налог на землю для малых хозяйств."


def submitted(text, **fields):
    return make_proposal(language="ru", title="Обращение", text=text, **fields)


def point_of(proposal):
    return Point.objects.select_related("proposal").get(proposal=proposal, number=1)


def test_a_copy_is_a_likely_twin_and_an_unrelated_text_is_not():
    first, _other, copy = submitted(LETTER), submitted(OTHER), submitted(LETTER.upper() + " Спасибо!")
    likely = candidates.likely_for_point(point_of(copy))
    assert [point.proposal_id for point, _match in likely.twins] == [first.pk]
    assert likely.twins[0][1].kind == "copy"


def test_the_point_own_proposal_is_never_its_twin(analyst):
    package = submitted("Пакет")
    services.point_split(point=point_of(package), actor=analyst, texts=[LETTER, LETTER + " Ещё раз."])
    first = Point.objects.get(proposal=package, number=1)
    assert candidates.likely_for_point(first).twins == []


def test_spam_and_withdrawn_proposals_are_never_twins():
    spam = submitted(LETTER)
    put_in_state(spam, State.SPAM)
    copy = submitted(LETTER)
    assert candidates.likely_for_point(point_of(copy)).twins == []


def test_the_idea_of_a_twin_is_a_likely_idea(analyst):
    first = submitted(LETTER)
    idea = idea_start(point=point_of(first), actor=analyst)
    copy = submitted(LETTER + " Жители Караганды.")
    likely = candidates.likely_for_point(point_of(copy))
    assert [(found.pk, count) for found, _match, count in likely.ideas] == [(idea.pk, 1)]


def test_the_search_reads_the_same_number_of_queries_for_10_or_120_copies(django_assert_num_queries, analyst):
    for _ in range(10):
        submitted(LETTER)
    idea_start(point=point_of(submitted(LETTER)), actor=analyst)
    probe = point_of(submitted(LETTER))
    with django_assert_num_queries(5):
        small = candidates.likely_for_point(probe)
    for _ in range(110):
        submitted(LETTER)
    with django_assert_num_queries(5):
        large = candidates.likely_for_point(probe)
    assert len(small.twins) == len(large.twins) == candidates.LIKELY
    # The idea started from an early copy is found by its own text, however many copies came since.
    assert [count for _idea, _match, count in small.ideas] == [1]
    assert [idea.pk for idea, _match, _count in large.ideas] == [idea.pk for idea, _match, _count in small.ideas]


def test_each_key_reads_at_most_its_limit_of_index_entries():
    for _ in range(12):
        submitted(LETTER)
    probe = point_of(submitted(LETTER))
    keys = list(PointKey.objects.filter(point=probe).values_list("key", flat=True))
    hits = candidates.key_hits(keys, exclude=(probe.pk,), per_key=5, limit=100)
    # Every copy shares every key; five per key, newest first, are all that is read.
    assert len(hits) == 5
    assert {shared for _pk, shared in hits} == {len(keys)}


def test_a_new_point_is_suggested_to_the_idea_of_its_twin(analyst):
    idea = idea_start(point=point_of(submitted(LETTER)), actor=analyst)
    copy = submitted(LETTER + " С уважением.")
    assert suggest_for_points([point_of(copy).pk]) == 1
    assert IdeaCandidate.objects.get(point=point_of(copy)).idea == idea


def test_two_twins_without_an_idea_make_a_suggested_idea_led_by_the_first():
    first = submitted(LETTER)
    copy = submitted(LETTER + " С уважением.")
    suggest_for_points([point_of(copy).pk])
    idea = Idea.objects.get()
    assert idea.confirmed_at is None
    assert set(IdeaCandidate.objects.filter(idea=idea).values_list("point__proposal", flat=True)) == {
        first.pk, copy.pk
    }


def test_a_submission_finds_its_likely_ideas_after_it_commits(analyst, django_capture_on_commit_callbacks):
    idea = idea_start(point=point_of(submitted(LETTER)), actor=analyst)
    with django_capture_on_commit_callbacks(execute=True):
        copy = submitted(LETTER + " С уважением.")
    assert IdeaCandidate.objects.get(point=point_of(copy)).idea == idea


def test_an_unrelated_submission_suggests_nothing(django_capture_on_commit_callbacks):
    submitted(LETTER)
    with django_capture_on_commit_callbacks(execute=True):
        submitted(OTHER)
    assert not IdeaCandidate.objects.exists()
