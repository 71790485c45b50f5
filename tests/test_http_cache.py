"""HTTP caching: public answers anyone may keep (no cookie, no Vary: Cookie, ETag, 304), the shared page cache keyed
by the data versions, and personal or staff pages that nobody keeps."""
import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.utils.cache import get_cache_key
from django.utils.http import parse_etags

from proposals.core import services
from proposals.core.infra import http_cache
from proposals.core.models import Article, Proposal, ProposalArticle
from proposals.core.notifications import links
from proposals.core.workflow import State
from tests.factories import CACHE_TABLES, make_proposal, make_user, proposal_in_state, public_proposal

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/ru/", "/ru/proposals/", "/ru/proposals/?category=electoral-system&q=депутат&sort=oldest", "/ru/proposals/{code}/",
    "/ru/constitution/", "/ru/constitution/50/", "/ru/stats/", "/ru/data/", "/kk/proposals/", "/en/",
    "/api/proposals.json?lang=ru", "/api/proposals.csv?lang=ru", "/api/articles.json", "/api/articles.csv",
]


@pytest.fixture
def published():
    proposal = public_proposal(State.ACCEPTED, title_ru="Увеличить число депутатов")
    ProposalArticle.objects.create(
        proposal=proposal, point=proposal.points.get(), article=Article.objects.get(number="50")
    )
    return proposal


def visited_the_forms(client, proposal):
    """A browser that opened the submit form (a CSRF cookie) and looked its proposal up (a session cookie)."""
    assert client.get("/ru/submit/").status_code == 200
    answer = client.post("/ru/track/", {"tracking_code": proposal.tracking_code, "email": proposal.email})
    assert answer.status_code == 302
    assert {"csrftoken", "sessionid"} <= set(client.cookies)


def directives(response):
    return {part.strip().split("=")[0]: part.strip().partition("=")[2] for part in response["Cache-Control"].split(",")}


def never_stored(path, language="ru"):
    """Whether the page cache holds nothing for ``path`` under the current versions."""
    request = RequestFactory().get(path)
    return get_cache_key(request, key_prefix=http_cache.key_prefix(request, language), cache=cache) is None


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_answers_set_no_cookie_and_do_not_vary_on_cookies(path, published):
    fresh, returning = Client(), Client()
    visited_the_forms(returning, make_proposal())
    for client in (fresh, returning):
        for _repeat in range(2):  # rendered, then from the page cache
            response = client.get(path.format(code=published.tracking_code))
            assert response.status_code == 200, path
            assert not response.cookies, (path, response.cookies)
            assert "cookie" not in response.get("Vary", "").lower(), path


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_answers_are_public_with_the_configured_ages(client, settings, path, published):
    settings.PARLREFORM_PUBLIC_MAX_AGE, settings.PARLREFORM_PUBLIC_S_MAXAGE = 30, 300
    for _repeat in range(2):
        response = client.get(path.format(code=published.tracking_code))
        assert directives(response) == {"public": "", "max-age": "30", "s-maxage": "300"}, path
        assert parse_etags(response["ETag"]), path


@pytest.mark.parametrize("path", ["/ru/proposals/", "/ru/", "/ru/constitution/50/", "/api/proposals.json?lang=ru"])
def test_a_conditional_get_answers_304_until_a_publication_changes_the_validator(client, lead, path, published):
    first = client.get(path)
    etag = first["ETag"]
    again = client.get(path, headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag and directives(again)["public"] == ""

    newcomer = proposal_in_state(State.IN_REVIEW)
    ProposalArticle.objects.create(
        proposal=newcomer, point=newcomer.points.get(), article=Article.objects.get(number="50")
    )
    Proposal.objects.filter(pk=newcomer.pk).update(
        title_kk="Сайлау туралы жаңа ұсыныс", title_ru="Новое предложение о выборах",
        summary_kk="Қысқаша мазмұны", summary_ru="Краткое содержание",
    )
    services.proposal_publish(proposal=newcomer, actor=lead)
    changed = client.get(path, headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert newcomer.tracking_code in changed.content.decode()


def test_the_validator_names_the_language_and_the_address(client, published):
    etags = {client.get(path)["ETag"] for path in ["/ru/proposals/", "/kk/proposals/", "/ru/proposals/?sort=oldest"]}
    assert len(etags) == 3


def test_language_links_keep_the_path_and_the_query(client, published):
    content = client.get("/ru/proposals/?category=x&q=y").content.decode()
    assert 'href="/kk/proposals/?category=x&amp;q=y"' in content
    assert 'href="/en/proposals/?category=x&amp;q=y"' in content
    assert 'href="/ru/proposals/?category=x&amp;q=y" aria-current="page"' in content
    detail = client.get(f"/kk/proposals/{published.tracking_code}/").content.decode()
    assert f'href="/ru/proposals/{published.tracking_code}/"' in detail
    assert 'action="/i18n/setlang/"' not in content and "csrfmiddlewaretoken" not in content


def test_a_page_that_is_not_there_links_to_each_languages_home(client, settings):
    settings.DEBUG = False
    content = client.get("/ru/no-such-page/?a=1").content.decode()
    assert 'href="/kk/"' in content and 'href="/en/"' in content


def test_the_language_comes_from_the_prefix_only(client):
    client.cookies["django_language"] = "en"
    response = client.get("/ru/proposals/", headers={"accept-language": "kk"})
    assert '<html lang="ru">' in response.content.decode()
    assert "accept-language" not in response.get("Vary", "").lower()


@pytest.mark.parametrize("path", ["/api/proposals.json?lang=kk", "/api/proposals.csv", "/api/articles.json?lang=ru"])
def test_open_data_does_not_vary_on_the_browsers_language(client, path):
    for _repeat in range(2):
        response = client.get(path, headers={"accept-language": "ru"})
        assert response.status_code == 200 and "Vary" not in response, path
    assert response["Content-Language"] == (path.partition("lang=")[2] or "en")


def test_a_cached_page_never_shows_a_proposal_unpublished_after_caching(client, lead, published):
    detail = f"/ru/proposals/{published.tracking_code}/"
    assert published.tracking_code in client.get("/ru/proposals/").content.decode()
    assert client.get(detail).status_code == 200
    assert published.tracking_code in client.get("/ru/constitution/50/").content.decode()
    assert published.tracking_code in client.get("/ru/proposals/").content.decode()  # from the page cache

    services.proposal_unpublish(proposal=published, actor=lead, note="Ошибка публикации")
    assert published.tracking_code not in client.get("/ru/proposals/").content.decode()
    assert client.get(detail).status_code == 404
    assert published.tracking_code not in client.get("/ru/constitution/50/").content.decode()
    assert published.tracking_code not in client.get("/api/proposals.json?lang=ru").content.decode()


def test_cached_pages_show_no_staff_only_fields(client, published):
    for path in ["/ru/proposals/", f"/ru/proposals/{published.tracking_code}/", "/api/proposals.json?lang=ru"]:
        for _repeat in range(2):
            content = client.get(path).content.decode()
            assert published.email not in content and published.phone not in content, path


def test_a_second_identical_request_is_served_from_the_cache(client, published, django_assert_max_num_queries):
    for path in ["/ru/proposals/", f"/ru/proposals/{published.tracking_code}/", "/ru/stats/", "/ru/",
                 "/ru/constitution/", "/api/proposals.json?lang=ru"]:
        first = client.get(path)
        # The data versions, the page's header list and the page: three cache reads, no query of the data.
        with django_assert_max_num_queries(3) as captured:
            second = client.get(path)
        assert all(any(table in query["sql"] for table in CACHE_TABLES) for query in captured.captured_queries), path
        assert second.status_code == 200 and second.content == first.content, path


def test_a_head_request_is_answered_from_the_cache_too(client, published, django_assert_max_num_queries):
    client.get("/ru/proposals/")
    with django_assert_max_num_queries(3):
        response = client.head("/ru/proposals/")
    assert response.status_code == 200 and directives(response)["public"] == ""


def test_staff_bypass_the_page_cache_and_get_answers_nobody_keeps(client, published):
    client.get("/ru/proposals/")
    # A change that bumps no version (not through a service): anonymous readers still get the stored page.
    Proposal.objects.filter(pk=published.pk).update(title_ru="Исправленный заголовок")
    assert "Исправленный заголовок" not in client.get("/ru/proposals/").content.decode()
    staff = Client()
    staff.force_login(make_user("analyst"))
    response = staff.get("/ru/proposals/")
    assert "Исправленный заголовок" in response.content.decode()
    assert {"private", "no-store"} <= set(directives(response))


def test_the_page_cache_can_be_turned_off(client, settings, published):
    settings.PARLREFORM_PAGE_CACHE = False
    client.get("/ru/proposals/")
    assert never_stored("/ru/proposals/")
    assert directives(client.get("/ru/proposals/"))["public"] == ""


def test_an_answer_that_touched_the_csrf_token_is_never_public_nor_stored():
    calls = []

    @http_cache.public
    def form_page(request):
        calls.append(1)
        return HttpResponse(get_token(request))

    factory = RequestFactory()
    for _repeat in range(2):
        response = form_page(factory.get("/ru/form/"))
        assert {"private", "no-store"} <= set(directives(response))
    assert len(calls) == 2 and never_stored("/ru/form/")


def test_forms_and_personal_pages_are_no_store_and_never_cached(client, lead):
    proposal = proposal_in_state(State.IN_REVIEW)
    code = proposal.tracking_code
    assert client.post("/ru/track/", {"tracking_code": code, "email": proposal.email}).status_code == 302
    staff = Client()
    staff.force_login(lead)
    pages = [
        (client, "/ru/submit/"), (client, "/ru/track/"), (client, f"/ru/track/{code}/"),
        (client, f"/ru/track/{code}/withdraw/"), (client, f"/ru/updates/off/{links.unsubscribe_token(proposal)}/"),
        (Client(), f"/ru/track/{code}/"), (Client(), "/ru/submit/receipt/"), (Client(), "/admin/login/"),
        (staff, "/admin/"), (staff, "/admin/proposals/proposal/"),
        (staff, f"/admin/proposals/proposal/{proposal.pk}/change/"),
    ]
    for browser, path in pages:
        response = browser.get(path)
        assert {"private", "no-store"} <= set(directives(response)), path
        assert "public" not in directives(response), path
        assert never_stored(path), path


def test_rendered_pages_are_kept_apart_from_the_figures_and_counts(client, published, settings):
    from django.db import connection

    if not settings.CACHES["pages"]["BACKEND"].endswith("DatabaseCache"):
        pytest.skip("the page cache is not in the database (REDIS_URL is set)")

    def rows(table):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            return cursor.fetchone()[0]

    client.get("/ru/proposals/")
    before = rows("parlreform_cache"), rows("parlreform_pages")
    # Every query string is its own page (junk too): each lands in the pages' own table, bounded apart.
    for n in range(3):
        assert client.get(f"/ru/proposals/?junk={n}").status_code == 200
    assert rows("parlreform_pages") > before[1]
    assert rows("parlreform_cache") == before[0]


def test_a_process_keeps_what_the_shared_cache_served_and_then_reads_only_the_versions(client, published):
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    path = f"/ru/proposals/{published.tracking_code}/"
    first = client.get(path)
    # As another process would: the page is in the shared cache, not in this process's own.
    caches["pages-local"].clear()
    with CaptureQueriesContext(connection) as shared:
        second = client.get(path)
    with CaptureQueriesContext(connection) as local:
        third = client.get(path)
    assert first.content == second.content == third.content
    if settings_backend_is_database():
        assert any("parlreform_pages" in query["sql"] for query in shared.captured_queries)
        # Only the data versions are read: the page comes from this process's memory.
        assert len(local.captured_queries) == 1 and "parlreform_cache" in local.captured_queries[0]["sql"]


def settings_backend_is_database():
    from django.conf import settings

    return settings.CACHES["pages"]["BACKEND"].endswith("DatabaseCache")
