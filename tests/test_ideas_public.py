"""The public side of ideas: an idea's page, the register's list of ideas, a proposal's link to its idea, the
statistics, open data; who may see what."""
import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from proposals.core.ideas import public as public_ideas
from proposals.core.models import Idea, IdeaMembership, Party, Point, Proposal, Region, SubmitterKind
from proposals.core.services.idea_decisions import idea_decide, idea_member_decide_apart, idea_release
from proposals.core.services.ideas import idea_confirm, idea_edit, idea_merge, idea_publish, idea_start, ideas_suggest
from proposals.core.similarity import Match
from proposals.core.workflow import NotAcceptedReason, State
from tests.factories import bulk_public, make_proposal, many_points, public_proposal, put_in_state, split_proposal

pytestmark = pytest.mark.django_db

TEXTS = {
    "title_kk": "Мәжіліс депутаттарының санын азайту", "title_ru": "Сократить число депутатов Мажилиса",
    "summary_kk": "Авторлар депутаттар санын 100-ге дейін азайтуды ұсынады.",
    "summary_ru": "Авторы предлагают сократить число депутатов до 100.",
}
ANSWER = {"kk": "Жұмыс тобы ұсынысты қабылдамады.", "ru": "Рабочая группа не приняла предложение.",
          "en": "Not accepted."}
SECRET = {
    "title": "Тайное обращение Ерлана", "text": "Секретный текст обращения о депутатах",
    "submitter_name": "Ерлан Секретов", "email": "secret.erlan@example.org", "phone": "+7 777 123 4567",
}


def point_of(proposal):
    return Point.objects.select_related("proposal").get(proposal=proposal, number=1)


def regions(count):
    return list(Region.objects.order_by("pk")[:count])


@pytest.fixture
def members(db):
    """Six proposals of one idea: three published (two citizens, a party), and three not (an NGO, a business
    association, an expert) in states being answered; one spam proposal that joined and was marked spam since."""
    first, second, third = regions(3)
    party = Party.objects.order_by("pk").first()
    published = [
        public_proposal(region=first, publish_name=False, submitter_name="Айгүл Жасырын"),
        public_proposal(region=second, publish_name=True, submitter_name="Бауыржан Ашық"),
        public_proposal(submitter_kind=SubmitterKind.PARTY, party=party, region=None, organisation=""),
    ]
    hidden = [
        make_proposal(submitter_kind=SubmitterKind.NGO, organisation="Жасырын ҮЕҰ", region=first, **SECRET),
        make_proposal(submitter_kind=SubmitterKind.BUSINESS, organisation="Бизнес", region=third),
        make_proposal(submitter_kind=SubmitterKind.EXPERT, region=third),
    ]
    put_in_state(hidden[1], State.SCREENING)
    spam = make_proposal(region=third)
    return {"published": published, "hidden": hidden, "spam": spam}


def published_idea(analyst, lead, proposals, texts=TEXTS):
    idea = idea_start(point=point_of(proposals[0]), actor=analyst)
    if proposals[1:]:
        idea_confirm(idea=idea, actor=analyst, points=[point_of(p) for p in proposals[1:]])
    idea_edit(idea=idea, actor=analyst, changes=texts)
    idea_publish(idea=idea, actor=lead)
    idea.refresh_from_db()
    return idea


@pytest.fixture
def idea(analyst, lead, members):
    idea = published_idea(analyst, lead, [*members["published"], *members["hidden"], members["spam"]])
    put_in_state(members["spam"], State.SPAM)
    return idea


def page(client, idea, language="ru", **params):
    return client.get(f"/{language}/ideas/{idea.pk}/", params)


# Counts

def test_public_counts_equal_the_members_by_kind_and_region(idea, members):
    counts = public_ideas.counts_of([idea.pk])[idea.pk]
    counted = [*members["published"], *members["hidden"]]
    assert counts["total"] == 6 == len(counted)
    assert (counts["citizen"], counts["organisation"], counts["party"], counts["expert"]) == (2, 2, 1, 1)
    expected_regions = {}
    for proposal in counted:
        if proposal.region_id:
            slug = Region.objects.get(pk=proposal.region_id).slug
            expected_regions[slug] = expected_regions.get(slug, 0) + 1
    assert counts["by_region"] == expected_regions
    assert counts["regions"] == 3
    assert counts["by_kind"] == {"citizen": 2, "party": 1, "ngo": 1, "business": 1, "expert": 1}
    assert sum(counts["by_party"].values()) == 1


def test_the_page_says_who_proposed_it_in_each_language(client, idea):
    assert "Proposed by 6 submissions (2 citizens, 2 organisations, 1 party, 1 expert) from 3 regions" in (
        page(client, idea, "en").content.decode()
    )
    russian = page(client, idea, "ru").content.decode()
    assert "Предложили: 6 обращений (2 гражданина, 2 организации, 1 партия, 1 эксперт) из 3 регионов" in russian
    kazakh = page(client, idea, "kk").content.decode()
    assert "Ұсынғандар: 6 өтініш (2 азамат, 2 ұйым, 1 партия, 1 сарапшы), 3 өңірден" in kazakh


def test_zero_parts_are_left_out_and_one_is_singular(client, analyst, lead):
    proposal = public_proposal()
    idea = published_idea(analyst, lead, [proposal])
    content = page(client, idea, "en").content.decode()
    assert "Proposed by 1 submission (1 citizen) from 1 region" in content
    assert "organisation" not in content.split("Proposed by")[1].split("<")[0]


# Visibility

def test_a_non_public_proposal_never_shows_on_the_idea_page(client, idea, members):
    content = page(client, idea).content.decode()
    for proposal in members["published"]:
        assert proposal.tracking_code in content
    for proposal in [*members["hidden"], members["spam"]]:
        assert proposal.tracking_code not in content
    for value in SECRET.values():
        assert value not in content
    assert "Жасырын ҮЕҰ" not in content


def test_a_citizens_name_shows_only_with_consent(client, idea):
    content = page(client, idea).content.decode()
    assert "Бауыржан Ашық" in content
    assert "Айгүл Жасырын" not in content
    for proposal in Proposal.objects.all():
        assert proposal.email not in content
        assert proposal.phone not in content


def test_suggestions_never_show(client, idea, members, analyst):
    suggested = public_proposal(title_ru="Предложенный кандидат", title_kk="Ұсынылған үміткер")
    ideas_suggest(clusters=[(idea, [(point_of(suggested), Match(1.0, 1.0))])])
    content = page(client, idea).content.decode()
    assert suggested.tracking_code not in content
    assert public_ideas.counts_of([idea.pk])[idea.pk]["total"] == 6
    api = client.get("/api/ideas.json").json()["results"][0]
    assert suggested.tracking_code not in {member["tracking_code"] for member in api["members"]}
    assert client.get(f"/ru/proposals/{suggested.tracking_code}/").content.decode().count("idea-link") == 0


def test_an_unpublished_idea_is_not_found(client, analyst, members):
    idea = idea_start(point=point_of(members["published"][0]), actor=analyst)
    idea_edit(idea=idea, actor=analyst, changes=TEXTS)
    assert page(client, idea).status_code == 404
    assert client.get("/ru/ideas/999999/").status_code == 404
    assert client.get("/ru/proposals/?show=ideas").context["count"] == 0
    assert client.get("/api/ideas.json").json()["results"] == []


def test_a_merged_idea_redirects_to_the_idea_it_was_merged_into(client, analyst, lead, idea):
    other = published_idea(analyst, lead, [public_proposal()])
    idea_merge(idea=other, into=idea, actor=analyst)
    response = page(client, other)
    assert response.status_code == 301
    assert response["Location"] == f"/ru/ideas/{idea.pk}/"


def test_an_unpublished_ideas_merge_into_an_unpublished_one_is_not_found(client, analyst, members):
    into = idea_start(point=point_of(members["published"][0]), actor=analyst)
    other = idea_start(point=point_of(members["published"][1]), actor=analyst)
    idea_merge(idea=other, into=into, actor=analyst)
    assert page(client, other).status_code == 404


# The decision

def test_the_outcome_is_hidden_until_released(client, idea, members, lead):
    idea_decide(idea=idea, actor=lead, outcome=State.NOT_ACCEPTED, reason=NotAcceptedReason.NOT_FEASIBLE,
                response=ANSWER)
    content = page(client, idea).content.decode()
    assert ANSWER["ru"] not in content
    assert "badge--not_accepted" not in content
    record = client.get("/api/ideas.json").json()["results"][0]
    assert record["outcome"] is None and record["response"] is None and record["reason"] is None
    idea_release(idea=idea, actor=lead)
    content = page(client, idea).content.decode()
    assert ANSWER["ru"] in content
    assert "badge--not_accepted" in content
    record = client.get("/api/ideas.json?lang=ru").json()["results"][0]
    assert (record["outcome"], record["reason"], record["response"]) == (
        "not_accepted", "not_feasible", ANSWER["ru"]
    )


def test_a_member_decided_differently_says_so_once_released(client, idea, members, lead,
                                                           django_capture_on_commit_callbacks):
    idea_decide(idea=idea, actor=lead, outcome=State.NOT_ACCEPTED, reason=NotAcceptedReason.NOT_FEASIBLE,
                response=ANSWER)
    apart = members["published"][1]
    idea_member_decide_apart(idea=idea, point=point_of(apart), actor=lead, outcome=State.PARTIALLY_ACCEPTED,
                             response=ANSWER, note="просит большего")
    assert "Решено иначе" not in page(client, idea).content.decode()
    idea_release(idea=idea, actor=lead)
    content = page(client, idea).content.decode()
    assert content.count("Решено иначе") == 1
    # Its own answer is released with the idea's, and shows beside it.
    assert "badge--partially_accepted" in content.split("Решено иначе")[1].split("</li>")[0]


# The list of members

def test_members_are_paged_by_fifty_with_keyset_links(client, analyst, lead):
    proposals = bulk_public(60)
    idea = Idea.objects.create(text="x", published_at=timezone.now(), **TEXTS)
    IdeaMembership.objects.bulk_create(
        [IdeaMembership(idea=idea, point=point) for point in Point.objects.filter(proposal__in=proposals)]
    )
    first = page(client, idea)
    assert len(first.context["members"].items) == 50
    cursor = first.context["members"].next_cursor
    second = page(client, idea, cursor=cursor)
    assert len(second.context["members"].items) == 10
    shown = {point.pk for point in first.context["members"].items} | {
        point.pk for point in second.context["members"].items
    }
    assert len(shown) == 60
    assert page(client, idea, cursor="garbage").context["cursor_invalid"]


def test_a_package_point_shows_its_number_and_links_to_it(client, analyst, lead):
    package = split_proposal(many_points(3), submitter_kind=SubmitterKind.PARTY,
                             party=Party.objects.order_by("pk").first())
    point = Point.objects.get(proposal=package, number=2)
    idea = published_idea(analyst, lead, [package])
    idea_confirm(idea=idea, actor=analyst, points=[point])
    content = page(client, idea, "en").content.decode()
    assert f"/en/proposals/{package.tracking_code}/#point-2" in content
    assert "point 2" in content


def members_in_bulk(count):
    proposals = bulk_public(count)
    idea = Idea.objects.create(text="x", published_at=timezone.now(), **TEXTS)
    IdeaMembership.objects.bulk_create(
        [IdeaMembership(idea=idea, point=point) for point in Point.objects.filter(proposal__in=proposals)],
        batch_size=500,
    )
    return idea


@pytest.mark.parametrize("count", [10, 1000])
def test_the_idea_page_runs_a_constant_number_of_queries(client, count, django_assert_max_num_queries):
    idea = members_in_bulk(count)
    cache.clear()
    # Cold: the versions, the page cache's reads and writes, the idea, its counts, the members' page with their
    # proposals and their sizes, the fragment's read and write; warm: three reads of the caches.
    with django_assert_max_num_queries(30):
        response = page(client, idea)
    assert response.status_code == 200
    assert f"Предложили: {count} обращени" in response.content.decode()
    with django_assert_max_num_queries(3):
        assert page(client, idea).status_code == 200


@pytest.mark.parametrize("count", [10, 1000])
def test_the_idea_list_and_open_data_run_a_constant_number_of_queries(client, count, django_assert_max_num_queries):
    members_in_bulk(count)
    cache.clear()
    with django_assert_max_num_queries(30):
        assert client.get("/ru/proposals/?show=ideas").status_code == 200
    with django_assert_max_num_queries(30):
        response = client.get("/api/ideas.json")
    assert response.json()["results"][0]["submissions"] == count


# The register's list of ideas

def test_the_register_lists_ideas_without_non_public_members(client, idea, members):
    response = client.get("/ru/proposals/?show=ideas")
    content = response.content.decode()
    assert TEXTS["title_ru"] in content
    assert "Предложили: 6 обращений" in content
    for value in SECRET.values():
        assert value not in content
    for proposal in members["hidden"]:
        assert proposal.tracking_code not in content


def test_the_register_still_lists_proposals_by_default(client, idea, members):
    response = client.get("/ru/proposals/")
    assert response.templates[0].name == "site/register.html"
    assert members["published"][0].tracking_code in response.content.decode()
    assert 'href="/ru/proposals/?show=ideas"' in response.content.decode()


def test_the_idea_list_searches_public_titles_and_summaries_with_folded_letters(client, analyst, lead, idea):
    other = published_idea(analyst, lead, [public_proposal()], texts={
        "title_kk": "Өңірлер палатасы", "title_ru": "Палата регионов", "summary_kk": "Ёлка және өңір",
        "summary_ru": "Создать палату регионов",
    })
    found = client.get("/ru/proposals/", {"show": "ideas", "q": "ПАЛАТА"}).context["page"].items
    assert [item.pk for item in found] == [other.pk]
    found = client.get("/ru/proposals/", {"show": "ideas", "q": "елка"}).context["page"].items
    assert [item.pk for item in found] == [other.pk]
    found = client.get("/ru/proposals/", {"show": "ideas", "q": "депутатов мажилиса"}).context["page"].items
    assert [item.pk for item in found] == [idea.pk]
    # Never the ideas' staff text (its first member's words).
    assert "Бірпалаталы" in idea.text
    assert not client.get("/ru/proposals/", {"show": "ideas", "q": "Бірпалаталы"}).context["page"].items


def test_the_idea_list_orders_by_size(client, analyst, lead, idea):
    small = published_idea(analyst, lead, [public_proposal()])
    newest = [item.pk for item in client.get("/ru/proposals/?show=ideas").context["page"].items]
    assert newest == [small.pk, idea.pk]
    largest = [item.pk for item in client.get("/ru/proposals/?show=ideas&sort=largest").context["page"].items]
    assert largest == [idea.pk, small.pk]


# A proposal's page

def test_a_proposals_page_links_to_its_public_idea(client, idea, members):
    proposal = members["published"][0]
    content = client.get(f"/ru/proposals/{proposal.tracking_code}/").content.decode()
    assert f'href="/ru/ideas/{idea.pk}/"' in content
    assert "Часть идеи" in content and "6 обращений" in content


def test_a_package_point_links_to_its_idea(client, analyst, lead):
    package = split_proposal(many_points(3))
    idea = published_idea(analyst, lead, [public_proposal()])
    idea_confirm(idea=idea, actor=analyst, points=[Point.objects.get(proposal=package, number=3)])
    content = client.get(f"/en/proposals/{package.tracking_code}/").content.decode()
    assert content.count(f'href="/en/ideas/{idea.pk}/"') == 1
    assert content.index(f'href="/en/ideas/{idea.pk}/"') > content.index('id="point-3"')


def test_an_unpublished_idea_is_not_linked_from_a_proposal(client, analyst, members):
    proposal = members["published"][0]
    idea_start(point=point_of(proposal), actor=analyst)
    assert "idea-link" not in client.get(f"/ru/proposals/{proposal.tracking_code}/").content.decode()


# Statistics and the home page

def test_statistics_count_ideas_and_list_the_largest_campaigns(client, analyst, lead, idea):
    small = published_idea(analyst, lead, [public_proposal()])
    hidden = idea_start(point=point_of(make_proposal()), actor=analyst)
    cache.clear()
    stats = client.get("/en/stats/").context["ideas"]
    assert (stats["ideas"], stats["submissions"]) == (2, 7)
    assert [item.pk for item in stats["largest"]] == [idea.pk, small.pk]
    assert stats["largest"][0].counts["citizen"] == 2
    assert hidden.pk not in [item.pk for item in stats["largest"]]


def test_the_home_page_links_to_the_ideas_only_when_there_are_some(client, analyst, lead, members):
    cache.clear()
    assert "?show=ideas" not in client.get("/en/").content.decode()
    published_idea(analyst, lead, members["published"])
    assert "?show=ideas" in client.get("/en/").content.decode()


# Open data

def test_the_ideas_open_data_shape(client, idea, members):
    answer = client.get("/api/ideas.json?lang=kk").json()
    assert set(answer) == {"count", "count_is_exact", "next", "previous", "errors", "results"}
    assert answer["count"] == 1 and answer["count_is_exact"]
    record = answer["results"][0]
    assert record["id"] == idea.pk
    assert record["url"].endswith(f"/ideas/{idea.pk}/")
    assert record["title"] == TEXTS["title_kk"] and record["title_language"] == "kk"
    assert record["title_ru"] == TEXTS["title_ru"] and record["summary_ru"] == TEXTS["summary_ru"]
    assert record["submissions"] == 6
    assert record["by_kind"] == {"citizen": 2, "party": 1, "ngo": 1, "business": 1, "expert": 1}
    assert sum(record["by_region"].values()) == 5
    assert {member["tracking_code"] for member in record["members"]} == {
        proposal.tracking_code for proposal in members["published"]
    }
    assert all(member["number"] == 1 for member in record["members"])
    text = client.get("/api/ideas.json").content.decode()
    for value in SECRET.values():
        assert value not in text


def test_the_ideas_open_data_is_keyset_paged(client, analyst, lead):
    ideas = [published_idea(analyst, lead, [public_proposal()]) for _ in range(3)]
    first = client.get("/api/ideas.json?per_page=2").json()
    assert [record["id"] for record in first["results"]] == [ideas[2].pk, ideas[1].pk]
    second = client.get("/api/ideas.json?" + first["next"].split("?", 1)[1]).json()
    assert [record["id"] for record in second["results"]] == [ideas[0].pk]
    assert client.get("/api/ideas.json?cursor=nonsense").status_code == 400


def test_each_point_names_its_public_idea_in_open_data(client, idea, members, analyst):
    outside = public_proposal()
    unpublished = idea_start(point=point_of(outside), actor=analyst)
    assert unpublished.published_at is None
    points = {row["tracking_code"]: row["idea"] for row in client.get("/api/points.json").json()["results"]}
    assert points[members["published"][0].tracking_code] == idea.pk
    assert points[outside.tracking_code] is None
    proposals = client.get("/api/proposals.json").json()["results"]
    nested = {row["tracking_code"]: row["points"][0]["idea"] for row in proposals}
    assert nested[members["published"][2].tracking_code] == idea.pk
    assert nested[outside.tracking_code] is None
    csv = client.get("/api/points.csv")
    lines = b"".join(csv.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].endswith(',"idea"')
    line = next(line for line in lines if members["published"][0].tracking_code in line)
    assert line.endswith(f",{idea.pk}")


def test_the_open_data_page_documents_ideas(client):
    content = client.get("/en/data/").content.decode()
    assert "/api/ideas.json" in content
    assert "Fields of an idea" in content


def test_a_proposal_received_later_is_listed_first(client, analyst, lead):
    older = public_proposal()
    newer = public_proposal()
    Proposal.objects.filter(pk=older.pk).update(received_at=timezone.now() - datetime.timedelta(days=3))
    idea = published_idea(analyst, lead, [older, newer])
    items = page(client, idea).context["members"].items
    assert [point.proposal_id for point in items] == [newer.pk, older.pk]
