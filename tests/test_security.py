"""Security headers, the content security policy, the lockout after failed staff logins, the request size cap."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

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
