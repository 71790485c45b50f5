"""Open data under load and misuse: capped counts, cache keys of recognised filters, 400 for bad input, CSV rate."""
import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from proposals.api import views as api
from tests.factories import bulk_public, data_counts, public_proposal

pytestmark = pytest.mark.django_db

INVALID_STATE = "Select a valid choice. foo is not one of the available choices."


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def counted(captured):
    """Counts of proposals (not the database caches' counts of their own rows before a write)."""
    return data_counts(captured)


def csv_body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


# Counts: capped like the register's, cached per recognised filters

def test_json_count_stops_at_the_registers_cap_and_says_it_is_not_exact(client, monkeypatch):
    from proposals.core import selectors

    monkeypatch.setattr(selectors, "COUNT_CAP", 4)
    monkeypatch.setattr(selectors, "SEARCH_COUNT_CAP", 2)
    bulk_public(6, title="Цифрлық парламент")
    bulk_public(2, title="Сайлау жүйесі")

    everything = client.get("/api/proposals.json").json()
    searched = client.get("/api/proposals.json?q=парламент").json()
    exact = client.get("/api/proposals.json?q=сайлау").json()

    assert (everything["count"], everything["count_is_exact"]) == (4, False)
    assert (searched["count"], searched["count_is_exact"]) == (2, False)
    assert (exact["count"], exact["count_is_exact"]) == (2, True)


@pytest.mark.parametrize(
    "variant",
    ["q=парламент&junk=1", "junk=2&q=парламент&more=3", "q=ПАРЛАМЕНТ", "q=+парламент,,", "q=парламент&lang=ru",
     "q=парламент&per_page=7", "q=парламент&category=&state="],
)
def test_unrecognised_parameters_and_spellings_of_the_same_filters_share_one_json_count(client, variant):
    bulk_public(3, title="Цифрлық парламент")
    assert client.get("/api/proposals.json?q=парламент").json()["count"] == 3
    with CaptureQueriesContext(connection) as captured:
        data = client.get(f"/api/proposals.json?{variant}").json()
    assert data["count"] == 3
    assert counted(captured) == []


def test_the_etag_depends_on_the_recognised_parameters_only(client):
    bulk_public(3)
    etag = client.get("/api/proposals.json?q=массовое&per_page=2")["ETag"]

    for junk in ("junk=1", "junk=2&other=x", "utm_source=feed"):
        response = client.get(f"/api/proposals.json?q=массовое&per_page=2&{junk}", headers={"if-none-match": etag})
        assert response.status_code == 304, junk
    for changed in ("q=массовое&per_page=3", "q=массовое&per_page=2&lang=ru", "q=масс&per_page=2"):
        assert client.get(f"/api/proposals.json?{changed}")["ETag"] != etag, changed
    csv_etag = client.get("/api/proposals.csv?q=массовое")["ETag"]
    assert client.get("/api/proposals.csv?q=массовое&junk=9", headers={"if-none-match": csv_etag}).status_code == 304


def test_json_page_links_carry_the_recognised_parameters_only(client):
    bulk_public(3)
    data = client.get("/api/proposals.json?per_page=2&q=массовое&junk=1&lang=ru").json()
    assert "junk" not in data["next"] and "q=" in data["next"] and "lang=ru" in data["next"]


# Invalid parameters: 400 with the errors in the requested language

@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_an_invalid_json_filter_is_answered_400_with_errors_in_the_requested_language(client, lang):
    public_proposal()
    response = client.get(f"/api/proposals.json?state=foo&kind=robot&lang={lang}")
    with translation.override(lang):
        expected = [str(translation.gettext("Select a valid choice. %(value)s is not one of the available choices.")
                        % {"value": "foo"})]
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"state", "kind"} and errors["state"] == expected
    assert "results" not in response.json()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_an_invalid_csv_filter_is_answered_400_in_plain_text_in_the_requested_language(client, lang):
    public_proposal()
    response = client.get(f"/api/proposals.csv?state=foo&lang={lang}")
    with translation.override(lang):
        expected = translation.gettext("Select a valid choice. %(value)s is not one of the available choices.") % {
            "value": "foo"}
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert expected in csv_body(response).decode()


def test_api_errors_are_in_english_without_lang_whatever_the_browser_asks(client):
    response = client.get("/api/proposals.json?state=foo", headers={"accept-language": "kk"})
    assert response.status_code == 400 and response.json()["errors"]["state"] == [INVALID_STATE]


@pytest.mark.parametrize("url", ["/api/proposals.json", "/api/proposals.csv"])
@pytest.mark.parametrize("cursor", ["garbage", "%%%", "eyJ4IjoxfQ", "W1sibmV4dCJdXQ"])
def test_a_garbage_cursor_is_answered_400_by_the_api(client, url, cursor):
    public_proposal()
    response = client.get(f"{url}?cursor={cursor}&lang=en")
    assert response.status_code == 400
    body = csv_body(response).decode()
    assert "cursor" in body and "tracking_code" not in body


def test_a_garbage_cursor_on_the_register_shows_the_first_page_with_a_note(client):
    proposal = public_proposal()
    response = client.get("/en/proposals/?cursor=garbage")
    assert response.status_code == 200
    assert [p.tracking_code for p in response.context["page"].items] == [proposal.tracking_code]
    assert "This page link is not valid" in response.content.decode()
    assert "This page link is not valid" not in client.get("/en/proposals/").content.decode()


def test_the_registers_download_links_carry_only_its_valid_filters(client):
    public_proposal()
    content = client.get("/en/proposals/?q=парламент&state=foo&junk=1&cursor=garbage").content.decode()
    links = [part.split('"')[0] for part in content.split('href="/api/proposals.')[1:]]
    assert len(links) == 2
    for link in links:
        assert "state=" not in link and "junk" not in link and "cursor" not in link and "lang=en" in link
        assert client.get(f"/api/proposals.{link.replace('&amp;', '&')}").status_code == 200, link


# The whole CSV: a per-client rate

def test_full_csv_downloads_beyond_the_rate_are_refused_with_retry_after_in_the_requested_language(client, settings):
    settings.PARLREFORM_CSV_RATE = "2/3600"
    public_proposal()
    first = client.get("/api/proposals.csv?lang=ru")
    assert first.status_code == 200
    csv_body(first)
    # Neither a refused query nor an unchanged file (304) uses up the allowance: only whole downloads do.
    assert client.get("/api/proposals.csv?state=foo").status_code == 400
    assert client.get("/api/proposals.csv?lang=ru", headers={"if-none-match": first["ETag"]}).status_code == 304
    assert client.get("/api/proposals.csv?category=courts").status_code == 200

    refused = client.get("/api/proposals.csv?lang=ru&q=парламент")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert refused["Content-Language"] == "ru"
    with translation.override("ru"):
        assert csv_body(refused).decode() == str(api.CSV_RATE_MESSAGE)
    # Another client is not affected, and the JSON pages are not limited by the CSV's rate.
    assert client.get("/api/proposals.csv", REMOTE_ADDR="10.0.0.9").status_code == 200
    assert client.get("/api/proposals.json").status_code == 200


def test_the_open_data_page_documents_the_capped_count_errors_and_the_csv_rate(client):
    content = client.get("/en/data/").content.decode()
    for expected in ("count_is_exact", "10,000", "1,000", "400", "errors", "429", "Retry-After"):
        assert expected in content, expected


def test_the_json_answer_keeps_its_fields(client):
    public_proposal()
    data = json.loads(client.get("/api/proposals.json").content)
    assert set(data) == {"count", "count_is_exact", "next", "previous", "errors", "results"}
    assert data["errors"] == {} and data["count_is_exact"] is True
