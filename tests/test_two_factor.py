"""Two-factor sign-in for staff (on in production): a password alone no longer opens the console."""
import pytest
from django.core.management import call_command
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def required(settings):
    settings.PARLREFORM_REQUIRE_2FA = True


def current_code(device):
    return str(TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()).zfill(device.digits)


def test_password_alone_is_refused(required):
    user = make_user("analyst", username="asel")
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client()
    response = client.post("/admin/login/", {"username": "asel", "password": "test-password-123"})
    assert response.status_code == 200
    assert client.get("/admin/proposals/proposal/").status_code == 302


def test_password_and_code_open_the_console(required):
    user = make_user("analyst", username="asel")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client()
    response = client.post("/admin/login/", {
        "username": "asel", "password": "test-password-123",
        "otp_device": device.persistent_id, "otp_token": current_code(device),
    })
    assert response.status_code == 302
    assert client.get("/admin/proposals/proposal/").status_code == 200


def test_a_logged_in_but_unverified_session_is_sent_to_the_login(required):
    client = Client()
    client.force_login(make_user("lead"))
    assert client.get("/admin/").status_code == 302


def test_totp_device_command_prints_the_address():
    make_user("analyst", username="dana")
    from io import StringIO

    out = StringIO()
    call_command("totp_device", "dana", stdout=out)
    assert "otpauth://totp/" in out.getvalue() and TOTPDevice.objects.filter(user__username="dana").exists()


def test_password_spraying_through_the_two_factor_login_locks_the_address_out(required, settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.PARLREFORM_LOGIN_ADDRESS_FAILURE_LIMIT = 10
    user = make_user("analyst", username="asel")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    sprayer = Client(REMOTE_ADDR="203.0.113.77")
    for i in range(12):
        sprayer.post("/admin/login/", {"username": f"staff{i}", "password": "Summer2026!", "otp_token": "123456"})
    response = sprayer.post("/admin/login/", {
        "username": "asel", "password": "test-password-123",
        "otp_device": device.persistent_id, "otp_token": current_code(device),
    })
    assert response.status_code == 429
    assert sprayer.get("/admin/proposals/proposal/").status_code == 302
