"""Security headers, content security policy, lockout after failed staff logins, request size and rate limits."""
import shutil
import socket
import subprocess
import threading
import time
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from proposals import ratelimit
from proposals.models import RateCounter
from tests.factories import make_user
from tests.submission import CountingBody

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
    from proposals.ratelimit import client_address

    settings.PARLREFORM_TRUSTED_PROXIES = proxies
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


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


def test_a_refused_hit_does_not_use_up_the_longer_window(rf):
    request = rf.post("/", REMOTE_ADDR="203.0.113.9")
    outcomes = [ratelimit.hit("submit", request, "2/600,4/86400") for _ in range(6)]
    assert outcomes == [True, True, False, False, False, False]
    assert RateCounter.objects.get(key__startswith="submit:86400:").uses == 2


def test_expired_counters_are_removed_by_later_hits(rf, monkeypatch):
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
    """A throwaway redis-server on a free loopback port (skipped without the server or the redis package)."""
    if shutil.which("redis-server") is None:
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

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}}
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
