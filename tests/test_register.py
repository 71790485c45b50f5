"""The public register, proposal pages, statistics and open data: visibility, privacy, filters, search, counts."""
import csv
import datetime
import io
import json
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext

from proposals.core.infra.pagination import paginate
from proposals.core.models import Category, Party, Proposal, Region, SubmitterKind
from proposals.core.workflow import State
from tests.factories import bulk_public, data_counts, make_proposal, public_proposal, put_in_state

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def register_codes(client, query=""):
    response = client.get(f"/en/proposals/?{query}")
    assert response.status_code == 200
    return {p.tracking_code for p in response.context["page"].items}


def api_codes(client, query=""):
    data = client.get(f"/api/proposals.json?per_page=100&{query}").json()
    return {row["tracking_code"] for row in data["results"]}


def csv_rows(client, query=""):
    response = client.get(f"/api/proposals.csv?{query}")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


# Visibility

NOT_PUBLIC = [State.RECEIVED, State.SCREENING, State.DUPLICATE, State.WITHDRAWN, State.SPAM]


@pytest.mark.parametrize("state", NOT_PUBLIC + ["unpublished"])
def test_a_non_public_proposal_appears_nowhere(client, state):
    visible = public_proposal(title="Visible proposal")
    hidden = make_proposal(title="Hidden proposal ZQX")
    hidden = put_in_state(hidden, State.IN_REVIEW if state == "unpublished" else state)
    assert register_codes(client) == {visible.tracking_code}
    assert client.get(f"/en/proposals/{hidden.tracking_code}/").status_code == 404
    assert client.get("/en/stats/").context["stats"]["total"] == 1
    assert api_codes(client) == {visible.tracking_code}
    assert [row["tracking_code"] for row in csv_rows(client)] == [visible.tracking_code]
    for url in ["/en/", "/en/proposals/", "/en/stats/", "/api/proposals.json", "/api/proposals.csv"]:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"Hidden proposal ZQX" not in body


def test_detail_of_a_public_proposal_shows_summary_response_and_timeline(client):
    proposal = public_proposal(State.PARTIALLY_ACCEPTED)
    Proposal.objects.filter(pk=proposal.pk).update(response_en="Taken into account in article 50.")
    content = client.get(f"/en/proposals/{proposal.tracking_code}/").content.decode()
    assert "The author proposes more deputies." in content
    assert "Taken into account in article 50." in content
    assert "Partially accepted" in content


def test_unreleased_decision_is_not_public(client):
    proposal = public_proposal(State.ACCEPTED, released=False)
    Proposal.objects.filter(pk=proposal.pk).update(response_en="Secret until released")
    content = client.get(f"/en/proposals/{proposal.tracking_code}/").content.decode()
    assert "Secret until released" not in content and "With the Working Group" in content
    assert register_codes(client, "state=accepted") == set()
    assert register_codes(client, "state=with_working_group") == {proposal.tracking_code}
    [row] = client.get("/api/proposals.json").json()["results"]
    assert row["status"] == "with_working_group" and row["response"] == ""


def test_summary_falls_back_visibly_to_another_language(client):
    proposal = public_proposal(summary_en="")
    content = client.get(f"/en/proposals/{proposal.tracking_code}/").content.decode()
    assert "not yet available in your language" in content
    assert 'lang="kk"' in content and "Автор депутаттар санын көбейтуді ұсынады." in content


def test_original_shows_how_many_also_proposed_it(client):
    original = public_proposal()
    for kind in [SubmitterKind.CITIZEN, SubmitterKind.CITIZEN, SubmitterKind.NGO]:
        put_in_state(make_proposal(submitter_kind=kind, organisation="ҮЕҰ"), State.DUPLICATE, duplicate_of=original)
    content = client.get(f"/en/proposals/{original.tracking_code}/").content.decode()
    assert "Also proposed by 3 submissions (2 citizens, 1 organisations)" in re.sub(r"\s+", " ", content)


# Privacy

def test_no_public_page_or_export_shows_contact_details_or_unconsented_names(client):
    secret = {"email": "private.person@example.org", "phone": "+7 777 123 45 67", "name": "Гүлнар Тайлақова"}
    hidden_name = public_proposal(email=secret["email"], phone=secret["phone"], submitter_name=secret["name"],
                                  publish_name=False)
    consented = public_proposal(submitter_name="Ержан Named", publish_name=True)
    party = public_proposal(submitter_kind=SubmitterKind.PARTY, party=Party.objects.get(slug="amanat"),
                            submitter_name="Party Contact Person", email="party@example.org")
    urls = ["/kk/", "/ru/", "/en/", "/en/proposals/", "/ru/proposals/?q=депутат", "/en/stats/", "/en/data/",
            "/api/proposals.json", "/api/proposals.json?lang=kk", "/api/proposals.csv", "/api/proposals.csv?lang=ru"]
    urls += [f"/{lang}/proposals/{p.tracking_code}/" for p in (hidden_name, consented, party) for lang in ("kk", "en")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = (b"".join(response.streaming_content) if response.streaming else response.content).decode("utf-8-sig")
        for value in [*secret.values(), "party@example.org", "Party Contact Person", "+77771234567"]:
            assert value not in body, (url, value)
    assert "Ержан Named" in client.get(f"/en/proposals/{consented.tracking_code}/").content.decode()


# Filters and search

def test_each_filter_narrows_and_combinations_work(client):
    astana, almaty = Region.objects.get(slug="astana"), Region.objects.get(slug="almaty")
    electoral, courts = Category.objects.get(slug="electoral-system"), Category.objects.get(slug="courts")
    a = public_proposal(region=astana, category=electoral, language="ru", articles="50, 51")
    b = public_proposal(region=almaty, category=electoral, language="kk", articles="50-1",
                        submitter_kind=SubmitterKind.PARTY, party=Party.objects.get(slug="ak-zhol"))
    c = public_proposal(State.NOT_ACCEPTED, region=astana, category=courts, language="en", articles="75")
    codes = lambda query: register_codes(client, query)  # noqa: E731
    assert codes("category=electoral-system") == {a.tracking_code, b.tracking_code}
    assert codes("region=astana") == {a.tracking_code, c.tracking_code}
    assert codes("region=astana&category=electoral-system") == {a.tracking_code}
    assert codes("kind=party") == {b.tracking_code}
    assert codes("party=ak-zhol") == {b.tracking_code}
    assert codes("language=kk") == {b.tracking_code}
    assert codes("state=not_accepted") == {c.tracking_code}
    assert codes("article=50") == {a.tracking_code}
    assert codes("article=50-1") == {b.tracking_code}
    assert codes("article=5") == set()
    assert codes("region=astana&state=in_review") == {a.tracking_code}
    assert api_codes(client, "region=astana&category=electoral-system") == {a.tracking_code}


def test_received_date_range(client):
    from django.utils import timezone

    old = public_proposal(received_at=timezone.make_aware(datetime.datetime(2026, 10, 1, 23, 30)))
    new = public_proposal(received_at=timezone.make_aware(datetime.datetime(2026, 11, 2, 0, 15)))
    assert register_codes(client, "received_from=2026-11-02") == {new.tracking_code}
    assert register_codes(client, "received_to=2026-10-01") == {old.tracking_code}
    assert register_codes(client, "received_from=2026-10-01&received_to=2026-11-02") == {
        old.tracking_code, new.tracking_code}


ODD_BUT_VALID = ["article=../../x", "q='; DROP TABLE proposals_proposal; --", "q=%27%22%3C%3E", "per_page=-5",
                 "q=___", "q=:*&|!"]
INVALID = ["state=approved", "category=nope", "received_from=yesterday", "kind=robot", "sort=random", "cursor=%%%",
           "q=" + "x" * 500, "party=1 OR 1=1"]


@pytest.mark.parametrize("query", ODD_BUT_VALID + INVALID)
def test_bad_parameters_never_break_the_register_or_the_api(client, query):
    # The register shows an invalid value as a form error; open data refuses it (400) rather than ignore it.
    public_proposal()
    expected = 400 if query in INVALID else 200
    assert client.get(f"/en/proposals/?{query}").status_code == 200
    response = client.get(f"/api/proposals.json?{query}")
    assert response.status_code == expected
    assert bool(response.json()["errors"]) == (expected == 400)
    assert client.get(f"/api/proposals.csv?{query}").status_code == expected
    assert Proposal.objects.count() == 1


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Сайлау жүйесін ашық партиялық тізімдерге көшіру", "ЖҮЙЕСІН"),
        ("Сайлау жүйесін ашық партиялық тізімдерге көшіру", "партиялық тізім"),
        ("Увеличить численность депутатов Мажилиса", "мажилиса"),
        ("Ёмкость избирательных округов", "емкость"),
        ("Создать Совет регионов", "СОВЕТ"),
        ("Open party lists for elections", "OPEN LISTS"),
    ],
)
def test_search_finds_kazakh_and_russian_words_regardless_of_case_and_accents(client, text, query):
    wanted = public_proposal(title=text)
    public_proposal(title="Қазақ тілінде басқа ұсыныс", text="Другой текст без совпадений")
    if query == "OPEN LISTS":
        Proposal.objects.filter(pk=wanted.pk).update(text="open party lists")
        query = "OPEN LIST"
    assert register_codes(client, f"q={query}") == {wanted.tracking_code}


def test_search_looks_into_summaries_too(client):
    wanted = public_proposal(summary_ru="Автор предлагает парламентские расследования")
    public_proposal()
    assert register_codes(client, "q=расследования") == {wanted.tracking_code}


# Pagination

def walk_register(client, query=""):
    """Every page of the register from ``query`` on, following "next": (codes of each page, the last page's query).

    Reads each answer's context, which only a render has: the tests that walk turn the page cache off.
    """
    pages = []
    while True:
        response = client.get(f"/en/proposals/?{query}")
        pages.append([p.tracking_code for p in response.context["page"].items])
        nxt = response.context["page_links"].get("next")
        if not nxt:
            return pages, query
        query = nxt[1:]


def test_keyset_pages_walk_every_proposal_once_both_ways(client, settings):
    settings.PARLREFORM_PAGE_CACHE = False
    bulk_public(45)
    pages, query = walk_register(client)
    seen = sum(pages, [])
    assert len(pages) == 3 and len(seen) == len(set(seen)) == 45
    back = client.get(f"/en/proposals/?{query}").context["page_links"]["previous"]
    previous_page = client.get(f"/en/proposals/{back}").context["page"].items
    assert [p.tracking_code for p in previous_page] == seen[20:40]


@pytest.mark.parametrize("sort", ["newest", "oldest", "decided"])
def test_keyset_pages_with_shared_timestamps_walk_every_proposal_once_both_ways(client, sort, settings):
    settings.PARLREFORM_PAGE_CACHE = False
    # 23 proposals on three moments: the id breaks the ties, in each order and in both directions.
    from django.utils import timezone

    moments = [timezone.now() - datetime.timedelta(days=days) for days in (3, 2, 1)]
    for index in range(23):
        proposal = public_proposal(State.ACCEPTED)
        Proposal.objects.filter(pk=proposal.pk).update(
            received_at=moments[index % 3], decision_released_at=moments[(index + 1) % 3]
        )
    key = {"newest": "-received_at", "oldest": "received_at", "decided": "-decision_released_at"}[sort]
    expected = [p.tracking_code for p in Proposal.objects.public().order_by(key, "id" if sort == "oldest" else "-id")]

    pages, query = walk_register(client, f"sort={sort}")
    back = client.get(f"/en/proposals/?{query}").context["page_links"]["previous"]

    assert sum(pages, []) == expected
    assert [p.tracking_code for p in client.get(f"/en/proposals/{back}").context["page"].items] == pages[-2]


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_a_search_read_through_a_window_walks_the_same_pages_both_ways(monkeypatch, sort):
    from proposals.core import selectors

    # 60 proposals, every fourth with the word: a window of 12 rows holds 3 matches, never a page of 5.
    bulk_public(60)
    matching = Proposal.objects.order_by("-received_at")[::4]
    Proposal.objects.filter(pk__in=[p.pk for p in matching]).update(title="Цифрлық парламент")
    expected = [p.tracking_code for p in Proposal.objects.public().filter(title="Цифрлық парламент").order_by(
        "-received_at" if sort == "newest" else "received_at", "-id" if sort == "newest" else "id")]

    def walk(window):
        monkeypatch.setattr(selectors, "SEARCH_WINDOW", window)
        pages, query = [], f"q=цифрлық&sort={sort}"
        while True:
            result = selectors.register(QueryDict(query), per_page=5)
            pages.append([p.tracking_code for p in result["page"].items])
            if not result["page"].next_cursor:
                break
            query = f"q=цифрлық&sort={sort}&cursor={result['page'].next_cursor}"
        back = selectors.register(QueryDict(f"q=цифрлық&sort={sort}&cursor={result['page'].previous_cursor}"),
                                  per_page=5)
        return pages, [p.tracking_code for p in back["page"].items]

    for window in (12, 30, 1000, None):
        pages, back = walk(window)
        assert sum(pages, []) == expected, window
        assert back == pages[-2], window


def test_a_search_whose_window_holds_a_page_reads_no_further():
    from proposals.core import selectors

    bulk_public(30, title="Цифрлық парламент")
    with CaptureQueriesContext(connection) as captured:
        page = paginate(Proposal.objects.public().filter(title="Цифрлық парламент"), selectors.SORT_KEYS["newest"],
                        None, 5, window=(Proposal.objects.public(), 10))
    # The window's edge, then one page inside it: the 20 older proposals are never read.
    assert len(captured) == 2 and "<=" not in captured[1]["sql"] and ">=" in captured[1]["sql"]
    assert [p.pk for p in page.items] == [p.pk for p in Proposal.objects.public().order_by("-received_at")[:5]]


def test_every_page_of_a_query_shares_one_count_until_the_public_data_changes(client):
    bulk_public(25, title="Цифрлық парламент")
    first = client.get("/en/proposals/?q=цифрлық")
    with CaptureQueriesContext(connection) as captured:
        second = client.get(f"/en/proposals/{first.context['page_links']['next']}")
    assert second.context["count"]["value"] == 25
    # No count of proposals (the database cache counts its own rows before storing the page).
    assert not data_counts(captured)

    public_proposal(title="Цифрлық парламент")
    assert client.get("/en/proposals/?q=цифрлық").context["count"]["value"] == 26


def test_oldest_and_recently_decided_orders(client):
    first = public_proposal(State.ACCEPTED)
    second = public_proposal()
    assert [p.tracking_code for p in client.get("/en/proposals/?sort=oldest").context["page"].items] == [
        first.tracking_code, second.tracking_code]
    assert register_codes(client, "sort=decided") == {first.tracking_code}


# Statistics and open data

def test_statistics_equal_the_registers_counts(client):
    electoral = Category.objects.get(slug="electoral-system")
    for state in [State.IN_REVIEW, State.ACCEPTED, State.NOT_ACCEPTED, State.OUT_OF_SCOPE]:
        public_proposal(state, category=electoral, articles="50")
    public_proposal(State.WITH_WORKING_GROUP, region=Region.objects.get(slug="abroad"), articles="50, 62")
    make_proposal()
    stats = client.get("/en/stats/").context["stats"]
    assert stats["total"] == len(register_codes(client))
    for category, n in stats["by_category"]:
        if category is not None:
            assert n == len(register_codes(client, f"category={category.slug}"))
    for region, n in stats["by_region"]:
        assert n == len(register_codes(client, f"region={region.slug}"))
    assert dict(stats["articles"])["50"] == len(register_codes(client, "article=50")) == 5
    counts = dict(stats["by_state"])
    assert counts[State.ACCEPTED.label] == len(register_codes(client, "state=accepted")) == 1


def test_statistics_are_refreshed_when_a_proposal_is_published(client, django_user_model):
    public_proposal()
    assert client.get("/en/stats/").context["stats"]["total"] == 1
    public_proposal()
    assert client.get("/en/stats/").context["stats"]["total"] == 2


def test_csv_parses_back_into_the_json_records(client):
    public_proposal(State.ACCEPTED, title='=HYPERLINK("http://evil") «Қазақ» "quotes", commas', articles="49, 50-1")
    public_proposal(submitter_kind=SubmitterKind.NGO, organisation="«Ашық қоғам»")
    records = client.get("/api/proposals.json?lang=ru").json()["results"]
    rows = csv_rows(client, "lang=ru")
    assert len(rows) == len(records) == 2
    for record, row in zip(records, rows, strict=True):
        # Points: nested in JSON, counted in CSV.
        points = record.pop("points")
        assert row.pop("points") == str(len(points))
        assert row.pop("accepted_points") == str(sum(point["outcome"] == "accepted" for point in points))
        for field, value in record.items():
            if isinstance(value, list):
                # article_changes: objects in JSON, "50: amend" in CSV.
                value = [item if isinstance(item, str) else f"{item['article']}: {item['change']}" for item in value]
            expected = ", ".join(value) if isinstance(value, list) else ("" if value is None else str(value))
            if expected.startswith(("=", "+", "-", "@")):
                expected = "'" + expected
            assert row[field] == expected, field


def test_csv_opens_as_utf8_with_a_bom(client):
    public_proposal()
    body = b"".join(client.get("/api/proposals.csv").streaming_content)
    assert body.startswith("\ufeff".encode())
    body.decode("utf-8")


def test_json_has_stable_fields_iso_dates_and_a_total(client):
    bulk_public(7)
    data = client.get("/api/proposals.json?per_page=5&lang=kk").json()
    assert data["count"] == 7 and data["count_is_exact"] and len(data["results"]) == 5 and data["next"]
    assert set(data["results"][0]) == {
        "tracking_code", "url", "title", "title_language", "title_kk", "title_ru", "title_en", "original_title",
        "summary", "summary_kk", "summary_ru", "summary_en", "original_language",
        "category", "category_name", "submitter_kind", "submitter", "party", "region", "region_name", "articles",
        "article_changes", "status", "received_at", "published_at", "decision_announced_at", "response", "points"}

    datetime.datetime.fromisoformat(data["results"][0]["received_at"])
    second = client.get(data["next"]).json()
    assert len(second["results"]) == 2 and second["next"] is None and second["previous"]


def test_conditional_get_avoids_resending_unchanged_data(client):
    public_proposal()
    first = client.get("/api/proposals.json")
    again = client.get("/api/proposals.json", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    public_proposal()
    changed = client.get("/api/proposals.json", headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200 and json.loads(changed.content)["count"] == 2


# Query counts do not grow with the data

@pytest.mark.parametrize(
    "url",
    ["/en/proposals/", "/en/proposals/?category=electoral-system&q=депутат", "/en/proposals/{code}/", "/en/stats/",
     "/api/proposals.json", "/en/"],
)
def test_query_count_is_the_same_at_10_and_1000_proposals(url):
    counts = []
    for size in (10, 1000):
        bulk_public(size - Proposal.objects.count(), title="Депутаттар саны", text="депутат")
        code = Proposal.objects.public().first().tracking_code
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert Client().get(url.format(code=code)).status_code == 200
        counts.append(len(captured))
    print(url, "queries with a cold cache:", counts)
    assert counts[0] == counts[1], counts
    # Cold: the public and reference versions are made, and each write to the database cache is five statements;
    # the page cache adds its read of the page's header list and two writes (that list and the page). The home page,
    # the register and the statistics read the points' figures (read, aggregate, write), the JSON nests the points;
    # the statistics count the public ideas and their largest campaigns (two queries).
    assert counts[1] <= 47


@pytest.mark.parametrize("query", ["received_to=9999-12-31", "received_from=0001-01-01", "received_from=9999-12-31",
                                   "received_to=0001-01-01"])
def test_dates_at_the_calendars_edges_are_handled(client, query):
    public_proposal()
    assert client.get(f"/en/proposals/?{query}").status_code == 200
    assert client.get(f"/api/proposals.json?{query}").status_code == 200


def test_counts_stop_at_their_caps_and_say_more_than(client, monkeypatch):
    from proposals.core import selectors

    monkeypatch.setattr(selectors, "COUNT_CAP", 6)
    monkeypatch.setattr(selectors, "SEARCH_COUNT_CAP", 3)
    for _ in range(5):
        public_proposal(title="Бір палаталы Парламент")
    for _ in range(3):
        public_proposal(title="Сайлау жүйесі")

    everything = client.get("/en/proposals/").content.decode()
    searched = client.get("/en/proposals/?q=Парламент").content.decode()
    exact = client.get("/en/proposals/?q=Сайлау").content.decode()

    assert "More than 6 proposals" in everything
    assert "More than 3 proposals" in searched
    assert "3 proposals" in exact and "More than" not in exact


def test_the_filter_form_is_rendered_as_its_templates_write_it_for_each_query_and_language():
    from django.template.loader import get_template
    from django.utils import translation

    from proposals.core import selectors
    from proposals.site.templatetags.proposals_extras import remembered_fields

    public_proposal()
    field_template = get_template("includes/field.html")
    queries = ["", "category=electoral-system", "kind=party&party=amanat", "received_from=31.02.2026",
               "category=no-such-topic&state=accepted", "q=" + "ж" * 300, "cursor=abc"]
    seen = set()
    for language in ("kk", "ru", "en"):
        for query in queries:
            with translation.override(language):
                form = selectors.register(QueryDict(query))["filter"].form
                expected = "".join(field_template.render({"field": field}) for field in form)
                # The first render and the remembered one.
                assert remembered_fields(form) == expected and remembered_fields(form) == expected
            seen.add(expected)
    # A cursor is not a filter: the first and last queries show the same form.
    assert len(seen) == (len(queries) - 1) * 3


def test_the_filter_form_is_remembered_in_djangos_fragments_cache(monkeypatch):
    from django.core.cache import caches

    from proposals.core import selectors
    from proposals.site.templatetags import proposals_extras

    public_proposal()
    form = selectors.register(QueryDict("kind=party&party=amanat"))["filter"].form
    first = proposals_extras.remembered_fields(form)

    def refuse_to_render(form):
        raise AssertionError("rendered again")

    monkeypatch.setattr(proposals_extras, "render_fields", refuse_to_render)
    assert proposals_extras.remembered_fields(form) == first
    caches["fragments"].clear()
    with pytest.raises(AssertionError, match="rendered again"):
        proposals_extras.remembered_fields(form)


def test_a_warm_register_page_reads_no_reference_list_and_follows_a_renamed_topic(client):
    public_proposal()
    client.get("/en/proposals/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/en/proposals/")
    assert not [query for query in captured if re.search(r'FROM "proposals_(category|party|region)"', query["sql"])]
    category = Category.objects.get(slug="electoral-system")
    category.name_en = "Elections to the unicameral Parliament"
    category.save()
    assert "Elections to the unicameral Parliament" in client.get("/en/proposals/").content.decode()
