"""Security headers, the content security policy, formula-safe CSV cells, lockout after failed staff logins, request
size and rate limits."""
import csv
import io
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from proposals.core import access
from proposals.core.infra import ratelimit
from proposals.core.infra.spreadsheet import stream_csv
from proposals.core.models import Proposal, RateCounter
from tests.factories import bulk_public, make_proposal, make_user, public_proposal
from tests.submission import CountingBody, form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/kk/", "/ru/submit/", "/en/proposals/", "/admin/login/"])
def test_pages_forbid_inline_scripts_framing_and_sniffing(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_templates_carry_no_inline_script():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "templates"
    inline = [str(p) for p in root.rglob("*.html") if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", p.read_text())]
    assert inline == []


def test_repeated_failed_logins_lock_the_account_out(settings):
    settings.AXES_FAILURE_LIMIT = 3
    user = make_user("analyst", username="target")
    client = Client()
    statuses = [
        client.post("/admin/login/", {"username": "target", "password": "wrong-guess"}).status_code for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
    locked = client.post("/admin/login/", {"username": "target", "password": "test-password-123"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    other_client = Client(REMOTE_ADDR="10.1.1.1")
    response_elsewhere = other_client.post("/admin/login/", {"username": "target", "password": "test-password-123"})
    assert response_elsewhere.status_code == 302
    user.refresh_from_db()
    assert user.is_active


def test_failed_logins_across_many_usernames_lock_the_address_out(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.PARLREFORM_LOGIN_ADDRESS_FAILURE_LIMIT = 10
    make_user("analyst", username="target")
    sprayer = Client(REMOTE_ADDR="203.0.113.9")
    statuses = [
        sprayer.post("/admin/login/", {"username": f"staff{i}", "password": "Summer2026!"}).status_code
        for i in range(12)
    ]
    assert statuses[:9] == [200] * 9 and set(statuses[9:]) == {429}
    locked = sprayer.post("/admin/login/", {"username": "target", "password": "test-password-123"})
    assert locked.status_code == 429 and "_auth_user_id" not in sprayer.session
    elsewhere = Client(REMOTE_ADDR="198.51.100.20")
    assert elsewhere.post("/admin/login/", {"username": "target", "password": "test-password-123"}).status_code == 302


def test_a_few_failures_from_a_shared_address_do_not_lock_out_its_other_users(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.PARLREFORM_LOGIN_ADDRESS_FAILURE_LIMIT = 10
    make_user("analyst", username="colleague")
    office = Client(REMOTE_ADDR="203.0.113.10")
    for name in ("typo1", "typo2", "typo3", "typo4"):
        assert office.post("/admin/login/", {"username": name, "password": "wrong"}).status_code == 200
    assert office.post("/admin/login/", {"username": "colleague", "password": "test-password-123"}).status_code == 302


@pytest.mark.parametrize(
    ("remote", "forwarded", "proxies", "expected"),
    [
        ("203.0.113.5", "", 0, "203.0.113.5"),
        ("10.0.0.1", "198.51.100.7, 10.0.0.1", 1, "10.0.0.1"),
        ("10.0.0.1", "198.51.100.7", 1, "198.51.100.7"),
        ("10.0.0.1", "not-an-ip", 1, "10.0.0.1"),
        ("", "", 0, "0.0.0.0"),
        ("garbage", "", 0, "0.0.0.0"),
    ],
)
def test_client_address_is_always_a_valid_ip(settings, rf, remote, forwarded, proxies, expected):
    from proposals.core.infra.ratelimit import client_address

    settings.PARLREFORM_TRUSTED_PROXIES = proxies
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


# CSV cells: Russian and Kazakh spreadsheets split on ";", others on "," or tabs; any part may start a formula.

HOSTILE_TEXTS = [
    "Budget reform;=HYPERLINK(A1);-2+3+cmd|' /C calc'!A0",
    "Reform,=1+1",
    "Reform\t@SUM(A1:A9)",
    "Line one\n=cmd|' /C calc'!A0",
    "Line one\r\n+1+1",
    'Quoted;"=1+1"',
    "Spaced;   -2+3",
    "Tab then space;\t =1",
    "=HYPERLINK(\"http://evil\")",
    "  +1+1",
    '"@SUM(A1)',
    "\r=1+1",
]


def formula_parts(text):
    """Every part of raw CSV text, split as any spreadsheet might, that starts a formula once quotes are stripped."""
    parts = re.split(r"[;,\t\r\n]", text)
    return [part for part in parts if re.sub(r'^[\s"]+', "", part).startswith(("=", "+", "-", "@"))]


def test_no_part_of_any_staff_export_cell_starts_a_formula():
    made = [make_proposal(title=text[:300], organisation=text) for text in HOSTILE_TEXTS]
    for proposal, text in zip(made, HOSTILE_TEXTS, strict=True):
        Proposal.objects.filter(pk=proposal.pk).update(summary_kk=text, summary_ru=text)
    client = Client()
    client.force_login(make_user("analyst"))
    text = b"".join(client.get("/admin/proposals/proposal/export.csv?queue=all").streaming_content).decode("utf-8-sig")
    assert formula_parts(text) == []
    assert sorted(Proposal.objects.values_list("summary_kk", flat=True)) == sorted(HOSTILE_TEXTS)


def test_no_part_of_any_public_csv_cell_starts_a_formula(client):
    for text in HOSTILE_TEXTS:
        public_proposal(title=text[:300], summary_kk=text, summary_ru=text, summary_en=text)
    for lang in ("kk", "ru", "en"):
        body = b"".join(client.get(f"/api/proposals.csv?lang={lang}").streaming_content).decode("utf-8-sig")
        assert formula_parts(body) == [], lang
    assert sorted(Proposal.objects.values_list("title", flat=True)) == sorted(HOSTILE_TEXTS)


@hypothesis_settings(max_examples=300, deadline=None)
@given(cells=st.lists(st.one_of(st.text(), st.text(alphabet=";,\t\r\n \"'=+-@A1")), min_size=1, max_size=4))
def test_no_csv_cell_of_any_text_starts_a_formula_in_any_part(cells):
    text = "".join(stream_csv(["a"] * len(cells), [cells]))
    assert formula_parts(text) == []


def test_every_text_cell_is_quoted():
    text = "".join(stream_csv(["title", "summary"], [["Budget reform;=1", "plain"]]))
    assert text.splitlines()[1] == '"Budget reform;\'=1","plain"'


# Absolute links come from the configured site address, never from the request's Host header.

SITE = "https://reform.example.kz"


@pytest.mark.parametrize("host", ["127.0.0.1:6666", "localhost:8443", "testserver"])
def test_receipt_email_links_to_the_site_address_whatever_the_host_header(
    client, settings, django_capture_on_commit_callbacks, host
):
    settings.PARLREFORM_SITE_URL = SITE
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/kk/submit/", form_data("citizen"), HTTP_HOST=host)
    assert response.status_code == 302
    [message] = mail.outbox
    links = re.findall(r"\w+://\S+", message.body)
    # The status link and the unsubscribe link, both on the configured address.
    assert len(links) == 2 and links[0].startswith(f"{SITE}/kk/track/link/")
    assert links[1].startswith(f"{SITE}/kk/updates/off/")
    assert host not in message.body and host not in message.alternatives[0][0]


def test_receipt_email_quotes_the_title_neither_in_the_subject_nor_in_the_body(
    client, django_capture_on_commit_callbacks
):
    title = "Urgent: confirm your identity at http://evil.example/login before Friday"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/submit/", form_data("citizen", title=title))
    [message] = mail.outbox
    proposal = Proposal.objects.get()
    assert proposal.title == title and proposal.tracking_code in message.subject
    assert "evil.example" not in message.subject + message.body and "Urgent" not in message.subject + message.body


def test_open_data_links_use_the_site_address_whatever_the_host_header(client, settings):
    settings.PARLREFORM_SITE_URL = SITE
    bulk_public(3)
    data = client.get("/api/proposals.json?per_page=2", HTTP_HOST="localhost:6666").json()
    assert data["next"].startswith(f"{SITE}/api/proposals.json?")
    assert all(row["url"].startswith(f"{SITE}/") for row in data["results"])
    second = client.get(data["next"], HTTP_HOST="localhost:6666").json()
    assert second["previous"].startswith(f"{SITE}/api/proposals.json?")
    body = b"".join(client.get("/api/proposals.csv", HTTP_HOST="localhost:6666").streaming_content)
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 3 and all(row["url"].startswith(f"{SITE}/") for row in rows)


# What a public session grants (the receipt, the status page) ends after a while: a shared computer's next
# user must not find them. Staff sessions keep their own length.

def later(monkeypatch, minutes):
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + minutes * 60)


def test_receipt_and_status_page_close_after_the_public_access_period(client, settings, monkeypatch):
    settings.PARLREFORM_PUBLIC_ACCESS_MINUTES = 60
    assert client.post("/kk/submit/", form_data("citizen")).status_code == 302
    code = Proposal.objects.get().tracking_code
    later(monkeypatch, 59)
    assert client.get("/kk/submit/receipt/").status_code == 200
    assert client.get(f"/kk/track/{code}/").status_code == 200
    later(monkeypatch, 61)
    assert client.get("/kk/submit/receipt/")["Location"] == "/kk/submit/"
    assert client.get(f"/kk/track/{code}/")["Location"] == "/kk/track/"


@pytest.mark.parametrize("way", ["lookup", "link"])
def test_a_status_page_opened_by_lookup_or_link_closes_after_the_public_access_period(
    client, settings, monkeypatch, way
):
    settings.PARLREFORM_PUBLIC_ACCESS_MINUTES = 60
    proposal = make_proposal(email="aigul@example.org")
    if way == "lookup":
        opened = client.post("/en/track/", {"tracking_code": proposal.tracking_code, "email": "aigul@example.org"})
    else:
        opened = client.get(f"/en/track/link/{access.status_token(proposal)}/")
    assert client.get(opened["Location"]).status_code == 200
    later(monkeypatch, 61)
    assert client.get(opened["Location"])["Location"] == "/en/track/"


def test_opening_the_link_again_opens_the_status_page_again(client, settings, monkeypatch):
    settings.PARLREFORM_PUBLIC_ACCESS_MINUTES = 60
    proposal = make_proposal()
    link = f"/en/track/link/{access.status_token(proposal)}/"
    client.get(link)
    later(monkeypatch, 61)
    assert client.get(client.get(link)["Location"]).status_code == 200


def test_a_staff_session_keeps_its_length_when_it_tracks_a_proposal(client, settings):
    client.force_login(make_user("analyst"))
    client.get(f"/en/track/link/{access.status_token(make_proposal())}/")
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


# Request size

IMPORT = "/admin/proposals/proposal/import/"


def csv_upload(size):
    return SimpleUploadedFile("in.csv", b"channel,external_ref\n" + b"x" * size, content_type="text/csv")


def test_an_anonymous_oversized_post_to_the_admin_login_is_refused_unread(client):
    body = CountingBody()
    response = client.post("/admin/login/", b"", content_type="multipart/form-data; boundary=x",
                           CONTENT_LENGTH=str(60 * 1024 * 1024), **{"wsgi.input": body})
    assert response.status_code == 413
    assert body.reads == 0


def test_signed_in_staff_may_post_an_import_up_to_its_own_larger_limit(client, settings):
    settings.PARLREFORM_MAX_REQUEST_BYTES = 2_000
    settings.PARLREFORM_MAX_IMPORT_BYTES = 20_000
    client.force_login(make_user("analyst"))
    assert client.post(IMPORT, {"file": csv_upload(8_000)}).status_code == 200
    assert client.post(IMPORT, {"file": csv_upload(30_000)}).status_code == 413


@pytest.mark.parametrize("who", ["anonymous", "signed-in non-staff"])
def test_the_import_path_has_the_public_limit_without_a_staff_session(client, settings, who):
    settings.PARLREFORM_MAX_REQUEST_BYTES = 2_000
    settings.PARLREFORM_MAX_IMPORT_BYTES = 20_000
    if who != "anonymous":
        client.force_login(make_user(None))
    assert client.post(IMPORT, {"file": csv_upload(8_000)}).status_code == 413


# Rate limits: counted atomically, in the database table or in Redis

def test_a_hit_is_allowed_until_the_window_is_used_up(rf):
    request = rf.post("/", REMOTE_ADDR="203.0.113.9")
    assert [ratelimit.hit("track", request, "3/60") for _ in range(5)] == [True, True, True, False, False]
    assert ratelimit.hit("track", rf.post("/", REMOTE_ADDR="203.0.113.10"), "3/60")


@pytest.fixture
def table_counters(settings):
    """Counters in the database table whatever REDIS_URL says: these tests look at the table's rows."""
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                                                      "LOCATION": "parlreform_cache"}}


def test_a_refused_hit_does_not_use_up_the_longer_window(rf, table_counters):
    request = rf.post("/", REMOTE_ADDR="203.0.113.9")
    outcomes = [ratelimit.hit("submit", request, "2/600,4/86400") for _ in range(6)]
    assert outcomes == [True, True, False, False, False, False]
    assert RateCounter.objects.get(key__startswith="submit:86400:").uses == 2


def test_expired_counters_are_removed_by_later_hits(rf, monkeypatch, table_counters):
    now = 1_800_000_000.0
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: now))
    ratelimit.hit("track", rf.post("/", REMOTE_ADDR="203.0.113.9"), "10/60")
    assert RateCounter.objects.count() == 1
    now += 3600
    ratelimit.hit("track", rf.post("/", REMOTE_ADDR="203.0.113.10"), "10/60")
    assert RateCounter.objects.count() == 1


def test_a_value_can_be_claimed_once_until_it_expires(monkeypatch):
    now = 1_800_000_000.0
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: now))
    assert ratelimit.claim("form-start", "nonce-1", 600)
    assert not ratelimit.claim("form-start", "nonce-1", 600)
    assert ratelimit.claim("form-start", "nonce-2", 600)
    now += 601
    assert ratelimit.claim("form-start", "nonce-1", 600)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A throwaway redis-server on a free loopback port (skipped without it, except in CI, which installs it)."""
    if shutil.which("redis-server") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must exercise the Redis path: .ci/run installs redis-server")
        pytest.skip("redis-server is not installed")
    pytest.importorskip("redis")
    import redis

    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    server = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
         "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        connection = redis.Redis(host="127.0.0.1", port=port)
        for _ in range(200):
            try:
                connection.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def redis_cache(settings, redis_url):
    from django.core.cache import cache

    settings.CACHES = {**settings.CACHES,
                       "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}}
    cache.clear()
    yield cache
    cache.clear()


def at_once(count, work):
    """Run ``work()`` in ``count`` threads released together; their results."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(index):
        barrier.wait()
        results[index] = work()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_concurrent_hits_on_redis_allow_exactly_the_limit(redis_cache, rf):
    request = rf.post("/", REMOTE_ADDR="203.0.113.9")
    outcomes = at_once(24, lambda: ratelimit.hit("track", request, "10/60"))
    assert outcomes.count(True) == 10 and outcomes.count(False) == 14
    assert RateCounter.objects.count() == 0, "counted in Redis, not in the database"


def test_claims_stay_in_the_database_with_redis_configured(redis_cache):
    assert ratelimit.claim("form-start", "nonce-1", 600)
    assert RateCounter.objects.count() == 1


def test_a_claim_rolls_back_with_its_transaction():
    with pytest.raises(RuntimeError), transaction.atomic():
        assert ratelimit.claim("form-start", "nonce-1", 600)
        raise RuntimeError("the registration failed")
    assert ratelimit.claim("form-start", "nonce-1", 600)
