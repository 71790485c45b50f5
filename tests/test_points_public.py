"""Points on the public side: a split proposal's page, the counts, and open data (nested and as their own list)."""
import csv
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from proposals.api import points as api_points
from proposals.core import public_points
from proposals.core.models import ArticleChange, Category, Party, PointOutcome, Proposal, SubmitterKind
from proposals.core.workflow import NotAcceptedReason, State
from tests.factories import many_points, public_proposal, split_proposal

pytestmark = pytest.mark.django_db

SECRET = "Жеке мәтін: 8 701 000 00 00"


def page(client, proposal, language="en"):
    return client.get(f"/{language}/proposals/{proposal.tracking_code}/").content.decode()


def csv_rows(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def package(state=State.PARTIALLY_ACCEPTED, released=True, **fields):
    """A party's three-point package: accepted, not accepted (with reason and response), accepted in part."""
    courts = Category.objects.get(slug="courts")
    return split_proposal(
        [
            {"summary_en": "Fewer deputies", "summary_ru": "Меньше депутатов", "summary_kk": "Депутаттар азаяды",
             "category": courts, "articles": [("50", ArticleChange.AMEND)], "outcome": PointOutcome.ACCEPTED,
             "response_en": "Taken into the draft law", "response_ru": "Учтено", "response_kk": "Ескерілді",
             "text": SECRET},
            {"summary_en": "A second chamber", "summary_ru": "Вторая палата", "summary_kk": "Екінші палата",
             "articles": [("51", ArticleChange.REPEAL)], "outcome": PointOutcome.NOT_ACCEPTED,
             "outcome_reason": NotAcceptedReason.OTHER, "response_en": "Contrary to the aim of the reform",
             "response_ru": "Противоречит цели", "response_kk": "Мақсатқа қайшы", "text": SECRET},
            {"summary_en": "Open votes", "summary_ru": "Открытое голосование", "summary_kk": "Ашық дауыс беру",
             "outcome": PointOutcome.PARTIALLY_ACCEPTED, "text": SECRET},
        ],
        state=state, released=released, submitter_kind=SubmitterKind.PARTY, party=Party.objects.order_by("pk").first(),
        **fields,
    )


# The proposal's page

def test_a_one_point_proposal_shows_no_points(client):
    proposal = public_proposal(State.ACCEPTED)
    content = page(client, proposal)
    assert "points-heading" not in content and "point-list" not in content


def test_a_split_proposals_page_lists_its_points_with_summaries_topics_and_articles(client):
    proposal = package()
    content = page(client, proposal)
    assert "3 points" in content
    for expected in ("Fewer deputies", "A second chamber", "Open votes", 'id="point-1"', 'id="point-3"',
                     'href="/en/constitution/50/"', "change--amend", "change--repeal",
                     Category.objects.get(slug="courts").name_en):
        assert expected in content, expected


def test_a_points_outcome_and_response_are_hidden_until_the_decision_is_released(client):
    proposal = package(released=False)
    content = page(client, proposal)
    assert "Fewer deputies" in content
    answers = ("Taken into the draft law", "Contrary to the aim of the reform", "badge--accepted",
               "badge--not_accepted", "Accepted in part")
    for hidden in answers:
        assert hidden not in content, hidden
    Proposal.objects.filter(pk=proposal.pk).update(decision_released_at=timezone.now())
    cache.clear()
    content = page(client, proposal)
    for shown in (*answers, NotAcceptedReason.OTHER.label):
        assert str(shown) in content, shown


def test_a_points_text_never_appears_on_a_page_or_in_open_data(client):
    proposal = package()
    paths = [f"/en/proposals/{proposal.tracking_code}/", "/api/proposals.json", "/api/points.json"]
    for path in paths:
        assert SECRET not in client.get(path).content.decode(), path
    for path in ("/api/proposals.csv", "/api/points.csv"):
        assert SECRET not in b"".join(client.get(path).streaming_content).decode("utf-8-sig"), path


def test_a_summary_missing_in_the_language_is_shown_in_another_with_its_marker(client):
    proposal = split_proposal([{"summary_ru": "Только по-русски"},
                               {"summary_en": "In English", "summary_kk": "Қазақша"}])
    content = page(client, proposal, "en")
    assert 'lang="ru">Только по-русски <small class="title-fallback">(in Russian)</small>' in content
    assert 'lang="en">In English</p>' in content


def test_past_the_maximum_the_page_lists_the_first_points_and_says_how_many_there_are(client, monkeypatch):
    monkeypatch.setattr(public_points, "MAX_LISTED_POINTS", 3)
    proposal = split_proposal(many_points(5))
    content = page(client, proposal)
    assert "The first 3 of 5 points are listed here" in content
    assert 'id="point-3"' in content and 'id="point-4"' not in content


@pytest.mark.parametrize("count", [1, 10, 100])
def test_the_proposal_page_runs_a_constant_number_of_queries_whatever_its_points(
    client, count, django_assert_max_num_queries
):
    # One point: a proposal as submitted (its point 1); more: a package split into them.
    proposal = public_proposal(State.ACCEPTED) if count == 1 else split_proposal(many_points(count, linked=True),
                                                                                 State.ACCEPTED)
    cache.clear()
    # Cold: the versions, the page cache's reads and writes, the proposal, its duplicates, timeline, links, points and
    # their links; warm: three reads of the caches.
    with django_assert_max_num_queries(30):
        assert client.get(f"/en/proposals/{proposal.tracking_code}/").status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get(f"/en/proposals/{proposal.tracking_code}/").status_code == 200


# Visibility of private proposals

def test_a_private_proposals_points_appear_nowhere(client):
    hidden = package(summary_en="x")
    Proposal.objects.filter(pk=hidden.pk).update(published_at=None, state=State.IN_REVIEW, decision_released_at=None)
    shown = public_proposal()
    cache.clear()
    assert client.get(f"/en/proposals/{hidden.tracking_code}/").status_code == 404
    points = client.get("/api/points.json").json()
    assert {row["tracking_code"] for row in points["results"]} == {shown.tracking_code} and points["count"] == 1
    assert hidden.tracking_code not in b"".join(client.get("/api/points.csv").streaming_content).decode()
    stats = client.get("/en/stats/").context["stats"]
    assert stats["points"] == 1 and stats["points_accepted"] == 0
    for path in ("/en/", "/en/proposals/", "/en/stats/", "/api/proposals.json"):
        assert "A second chamber" not in client.get(path).content.decode(), path


# Counts

def test_the_statistics_count_points_as_the_register_and_open_data_do(client):
    package()
    package(released=False)
    public_proposal(State.ACCEPTED)
    public_proposal(State.IN_REVIEW, submitter_kind=SubmitterKind.NGO, organisation="«Ашық қоғам»")
    stats = client.get("/en/stats/").context["stats"]
    points_api = client.get("/api/points.json?per_page=100").json()
    proposals_api = client.get("/api/proposals.json?per_page=100").json()
    assert stats["points"] == 8 == points_api["count"] == sum(len(p["points"]) for p in proposals_api["results"])
    # The released package's accepted point and the accepted one-point proposal.
    assert stats["points_accepted"] == 2 == sum(row["outcome"] == "accepted" for row in points_api["results"])
    register = client.get("/en/proposals/")
    assert register.context["point_count"] == {"points": 8, "points_accepted": 2}
    assert "4 proposals with 8 points; 2 points accepted" in register.content.decode()
    assert "4 proposals with 8 points; 2 points accepted" in client.get("/en/stats/").content.decode()
    assert "4 proposals with 8 points; 2 points accepted" in client.get("/en/").content.decode()
    by_kind = {label: (n, points, accepted) for label, n, points, accepted in stats["by_kind"]}
    assert by_kind[SubmitterKind.PARTY.label] == (2, 6, 1)
    assert by_kind[SubmitterKind.NGO.label][1] == client.get("/api/points.json?kind=ngo").json()["count"] == 1
    party = Party.objects.order_by("pk").first()
    by_party = {row[0]: row[1:] for row in stats["by_party"]}
    assert by_party[party] == (2, 6, 1) and client.get(f"/api/points.json?party={party.slug}").json()["count"] == 6


@pytest.mark.parametrize(("language", "expected"), [
    ("ru", "2 предложения с 5 пунктами; принят 1 пункт"),
    ("kk", "2 ұсыныс, 5 тармақ; 1 тармақ қабылданды"),
])
def test_the_counts_have_their_plural_forms(client, language, expected):
    package()
    split_proposal(many_points(2))
    assert expected in client.get(f"/{language}/stats/").content.decode()


def test_a_filtered_register_keeps_its_one_count(client):
    package()
    response = client.get("/en/proposals/?kind=party")
    assert response.context["point_count"] is None
    assert "1 proposal" in response.content.decode()


# Open data

def test_json_nests_each_proposals_points_with_outcomes_null_until_release(client):
    released, unreleased = package(), package(released=False)
    results = {row["tracking_code"]: row for row in client.get("/api/proposals.json?lang=ru").json()["results"]}
    points = results[released.tracking_code]["points"]
    assert points[0] == {
        "number": 1, "summary": "Меньше депутатов", "topic": "courts",
        "articles": [{"number": "50", "change": "amend"}], "outcome": "accepted", "reason": None, "response": "Учтено",
        "idea": None,
    }
    assert points[1]["outcome"] == "not_accepted" and points[1]["reason"] == NotAcceptedReason.OTHER
    for point in results[unreleased.tracking_code]["points"]:
        assert point["outcome"] is None and point["reason"] is None and point["response"] is None


def test_points_json_lists_points_with_their_proposals_and_pages_through_them(client):
    first = package()
    second = split_proposal(many_points(2))
    data = client.get("/api/points.json?per_page=2&lang=en").json()
    assert data["count"] == 5 and data["count_is_exact"] and len(data["results"]) == 2
    assert set(data["results"][0]) == set(api_points.FIELDS)
    seen = [(row["tracking_code"], row["number"]) for row in data["results"]]
    while data["next"]:
        data = client.get(data["next"]).json()
        seen += [(row["tracking_code"], row["number"]) for row in data["results"]]
    # Newest proposal first, each one's points in order.
    assert seen == [(second.tracking_code, 1), (second.tracking_code, 2), (first.tracking_code, 1),
                    (first.tracking_code, 2), (first.tracking_code, 3)]
    row = client.get("/api/points.json?lang=en&kind=party").json()["results"][0]
    assert row["proposal_title"] == "More deputies" and row["submitter_kind"] == "party"
    assert row["url"].endswith(f"/proposals/{first.tracking_code}/#point-1")
    assert "email" not in row and "text" not in row


def test_points_api_refuses_an_invalid_filter_in_the_requested_language(client):
    response = client.get("/api/points.json?state=nonsense&lang=ru")
    assert response.status_code == 400 and "state" in response.json()["errors"]
    assert client.get("/api/points.csv?received_from=junk").status_code == 400


def test_points_csv_matches_the_json_and_neutralises_formulas(client):
    split_proposal([{"summary_en": '=HYPERLINK("http://evil")', "articles": [("50", ArticleChange.ADD)]},
                    {"summary_en": "@SUM(1)"}], State.ACCEPTED)
    rows = csv_rows(client, "/api/points.csv?lang=en")
    assert [row["summary"] for row in rows] == ["'=HYPERLINK(\"http://evil\")", "'@SUM(1)"]
    assert rows[0]["articles"] == "50: add" and rows[0]["number"] == "1"
    proposals = csv_rows(client, "/api/proposals.csv")
    assert proposals[0]["points"] == "2" and proposals[0]["accepted_points"] == "0"


def test_points_answers_are_cached_and_answer_conditional_requests(client):
    package()
    first = client.get("/api/points.json")
    assert "public" in first["Cache-Control"] and first["ETag"]
    assert client.get("/api/points.json", headers={"if-none-match": first["ETag"]}).status_code == 304


@pytest.mark.parametrize("path", ["/api/points.json", "/api/proposals.json", "/api/points.csv", "/api/proposals.csv"])
def test_open_data_runs_a_constant_number_of_queries_whatever_the_points(client, path):
    # A first download creates its client's rate counter (later ones update it).
    b"".join(getattr(client.get(path), "streaming_content", []))
    counts = []
    for count in (1, 10, 100):
        Proposal.objects.update(published_at=None)  # only the three made next are public
        for _ in range(3):
            split_proposal(many_points(count, linked=True, outcome=PointOutcome.ACCEPTED), State.ACCEPTED)
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
            if path.endswith(".csv"):
                b"".join(response.streaming_content)
        assert response.status_code == 200
        counts.append(len(captured))
    # The versions, the page cache, the rate counter, the count, the page (or the stream) with its proposals, points
    # and their article links: the same queries for 3, 30 or 300 points.
    assert counts[0] == counts[1] == counts[2] <= 40, counts


@pytest.mark.parametrize(("language", "heading"), [("kk", "Тармақтың өрістері"), ("ru", "Поля пункта"),
                                                  ("en", "Fields of a point")])
def test_the_open_data_page_documents_the_points_in_each_language(client, language, heading):
    content = client.get(f"/{language}/data/").content.decode()
    for expected in ("/api/points.json", "/api/points.csv", heading, "accepted_points", "proposal_title"):
        assert expected in content, expected
