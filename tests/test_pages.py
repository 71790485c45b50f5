"""The public home page, language prefixes, the admin and the health check."""
import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from proposals.core.models import Proposal
from proposals.core.workflow import State
from tests.factories import proposal_in_state

pytestmark = pytest.mark.django_db


def test_bare_root_redirects_to_kazakh_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/kk/"


def test_bare_root_follows_the_browser_language(client):
    response = client.get("/", headers={"accept-language": "ru-RU,ru;q=0.9"})
    assert response["Location"] == "/ru/"


@pytest.mark.parametrize(("language", "lang_attribute"), [("kk", "kk"), ("ru", "ru"), ("en", "en")])
def test_home_page_renders_in_each_language(client, language, lang_attribute):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert f'<html lang="{lang_attribute}">' in response.content.decode()


def test_home_page_lists_only_published_proposals(client):
    published = proposal_in_state(State.IN_REVIEW, published_at=timezone.now())
    Proposal.objects.filter(pk=published.pk).update(title_kk="Ашық тізілімдегі ұсыныс", title_ru="Открытое")
    hidden = proposal_in_state(State.SCREENING)
    Proposal.objects.filter(pk=hidden.pk).update(title_kk="Жария емес ұсыныс")
    content = client.get("/kk/").content.decode()
    assert "Ашық тізілімдегі ұсыныс" in content
    assert "Жария емес ұсыныс" not in content
    assert hidden.email not in content and published.email not in content


@pytest.mark.parametrize("published", [1, 12])
def test_home_page_query_count_does_not_grow(client, django_assert_max_num_queries, published):
    for _ in range(published):
        proposal_in_state(State.IN_REVIEW, published_at=timezone.now())
    cache.clear()
    # Cold cache: the versions' read and writes (public and reference), the page cache's read of the header list,
    # the figures' read, the aggregate and its write, the points' figures (read, aggregate, write), the two lists,
    # the count of public ideas, and the page cache's two writes (each write is count, savepoint, select, insert,
    # release). Warm: the versions, the header list and the page (three reads).
    with django_assert_max_num_queries(39):
        assert client.get("/en/").status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get("/en/").status_code == 200


def test_home_page_figures_count_public_proposals(client):
    for _ in range(3):
        proposal_in_state(State.IN_REVIEW, published_at=timezone.now())
    proposal_in_state(State.ACCEPTED, published_at=timezone.now(), decision_released_at=timezone.now())
    proposal_in_state(State.SCREENING)
    proposal_in_state(State.SPAM)
    cache.clear()
    figures = client.get("/en/").context["figures"]
    assert figures == {"received": 5, "published": 4, "decided": 1, "points": 4, "points_accepted": 1}


def test_admin_login_page_is_served(client):
    assert client.get("/admin/login/").status_code == 200


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_kazakh_dates_and_numbers_have_kazakh_formats():
    import datetime

    from django.utils import formats, translation

    with translation.override("kk"):
        assert formats.date_format(datetime.date(2026, 11, 23), "SHORT_DATE_FORMAT") == "23.11.2026"
        assert formats.date_format(datetime.date(2026, 11, 23), "DATE_FORMAT") == "23 қараша 2026 ж."
        assert formats.number_format(1234567.5, 1, force_grouping=True) == "1\xa0234\xa0567,5"


def test_csrf_failure_explains_what_to_do_in_the_users_language():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/en/submit/", {"title": "x"})
    assert response.status_code == 403
    assert "The form has expired" in response.content.decode()
    assert '<html lang="en">' in response.content.decode()


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_unknown_page_is_a_friendly_404(client, language, settings):
    settings.DEBUG = False
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert f'<html lang="{language}">' in response.content.decode()


def test_language_switcher_keeps_the_page_and_its_filters(client):
    content = client.get("/kk/proposals/?category=courts&sort=oldest").content.decode()
    assert 'href="/ru/proposals/?category=courts&amp;sort=oldest"' in content
    assert client.get("/ru/proposals/?category=courts&sort=oldest").status_code == 200


@pytest.mark.parametrize("path", ["/kk/submit/", "/ru/track/", "/en/proposals/", "/kk/stats/", "/ru/data/"])
def test_every_page_declares_its_language(client, path):
    assert f'<html lang="{path[1:3]}">' in client.get(path).content.decode()


def test_database_outage_gets_a_clear_503_page(monkeypatch):
    from django.db import OperationalError

    from proposals.core import selectors

    def down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(selectors, "latest_public", down)
    # As a server answers: the exception reaches the 500 handler, which turns it into the 503 page.
    response = Client(raise_request_exception=False).get("/en/")
    assert response.status_code == 503
    assert "temporarily unavailable" in response.content.decode() and response["Retry-After"] == "30"
