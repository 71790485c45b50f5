"""Likely duplicates on the proposal page: near-copies found, unrelated and spam left out, the work bounded."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from proposals.core import selectors
from proposals.core.models import Category
from proposals.core.workflow import State
from tests.factories import make_proposal, put_in_state

pytestmark = pytest.mark.django_db

CAMPAIGN_TITLE = "Численность депутатов однопалатного Парламента – не более 100"
CAMPAIGN_TEXT = (
    "Мы, граждане Казахстана, предлагаем закрепить в Конституции, что однопалатный Парламент состоит не более "
    "чем из 100 депутатов. Объединение палат не должно приводить к увеличению расходов."
)


def other_category(proposal):
    return Category.objects.exclude(pk=proposal.category_id).order_by("pk").first()


def test_a_near_copy_is_found_and_an_unrelated_proposal_is_not():
    original = make_proposal(language="ru", title=CAMPAIGN_TITLE, text=CAMPAIGN_TEXT)
    unrelated = make_proposal(language="ru", title="Цифровой Парламент и электронные петиции",
                              text="Создать портал электронных петиций с обязательным рассмотрением.")
    copy = make_proposal(language="ru", title=CAMPAIGN_TITLE + "!", text=CAMPAIGN_TEXT.replace("Мы,", "Я,"))

    found = selectors.likely_duplicates(copy)

    assert original in found
    assert unrelated not in found
    assert copy not in found
    assert all(other.score >= selectors.SIMILARITY_THRESHOLD for other in found)


def test_spam_is_never_offered_as_the_original():
    spam = make_proposal(language="ru", title=CAMPAIGN_TITLE, text=CAMPAIGN_TEXT)
    put_in_state(spam, State.SPAM)
    copy = make_proposal(language="ru", title=CAMPAIGN_TITLE, text=CAMPAIGN_TEXT)

    assert spam not in selectors.likely_duplicates(copy)


def test_most_similar_first_and_at_most_the_limit():
    copies = [make_proposal(language="ru", title=CAMPAIGN_TITLE, text=CAMPAIGN_TEXT) for _ in range(7)]
    close = make_proposal(language="ru", title=CAMPAIGN_TITLE + " депутатов", text=CAMPAIGN_TEXT[:80])

    found = selectors.likely_duplicates(close, limit=3)

    assert len(found) == 3
    assert [other.score for other in found] == sorted((other.score for other in found), reverse=True)
    assert set(found) <= set(copies)


@pytest.mark.postgres
def test_a_reworded_title_is_found_in_another_topic_and_long_ago():
    # Found through the trigram index: not the same title, not among the latest in the same topic.
    original = make_proposal(language="ru", title=CAMPAIGN_TITLE, text=CAMPAIGN_TEXT)
    original.received_at -= datetime.timedelta(days=400)
    original.save(update_fields=["received_at"])
    copy = make_proposal(language="ru", title="Численность депутатов однопалатного Парламента: не более ста",
                         text=CAMPAIGN_TEXT, category=other_category(original))

    assert original in selectors.likely_duplicates(copy)


def test_among_equally_similar_proposals_the_earliest_comes_first():
    copy = make_proposal(language="ru", title=CAMPAIGN_TITLE, text=CAMPAIGN_TEXT)
    later = make_proposal(language="ru", title=CAMPAIGN_TITLE, text=CAMPAIGN_TEXT)
    original = make_proposal(language="ru", title=CAMPAIGN_TITLE, text=CAMPAIGN_TEXT)
    original.received_at = copy.received_at - datetime.timedelta(days=3)
    original.save(update_fields=["received_at"])

    assert selectors.likely_duplicates(copy) == [original, later]


@pytest.mark.parametrize("which", [0, 1, 2])
def test_a_proposal_whose_title_two_others_share_shows_both_whichever_it_is(which):
    # The first of three identical proposals used to show none (only earlier ones were candidates), and on
    # SQLite one received more than RECENT_DAYS after the others did too (only the latest in its topic were).
    trio = [make_proposal(language="ru", title=CAMPAIGN_TITLE, text=CAMPAIGN_TEXT) for _ in range(3)]
    for months, proposal in zip((6, 3, 0), trio, strict=True):
        proposal.received_at -= datetime.timedelta(days=30 * months)
        proposal.category = other_category(proposal) if months == 3 else proposal.category
        proposal.save(update_fields=["received_at", "category"])

    found = selectors.likely_duplicates(trio[which])

    assert found == [other for other in trio if other != trio[which]]


def test_withdrawn_proposals_are_not_offered():
    withdrawn = make_proposal(language="ru", title=CAMPAIGN_TITLE, text=CAMPAIGN_TEXT)
    put_in_state(withdrawn, State.WITHDRAWN)
    copy = make_proposal(language="ru", title=CAMPAIGN_TITLE, text=CAMPAIGN_TEXT)

    assert selectors.likely_duplicates(copy) == []


@pytest.mark.postgres
def test_the_lookup_is_one_query_that_reads_a_bounded_number_of_candidates():
    for _ in range(5):
        make_proposal(language="ru", title=CAMPAIGN_TITLE, text=CAMPAIGN_TEXT)
    copy = make_proposal(language="ru", title=CAMPAIGN_TITLE, text=CAMPAIGN_TEXT)

    with CaptureQueriesContext(connection) as queries:
        selectors.likely_duplicates(copy)

    assert len(queries) == 1
    sql = queries[0]["sql"]
    assert sql.count(f"LIMIT {selectors.TITLE_CANDIDATES}") == 2 and f"LIMIT {selectors.RECENT_IN_CATEGORY}" in sql
