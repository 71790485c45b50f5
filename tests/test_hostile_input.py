"""Hostile input: script payloads stay inert wherever shown; header injection fails; hostile files are refused."""
import io
import struct
import tracemalloc
import zipfile

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone, translation

from proposals import access, attachments
from proposals.models import Proposal
from proposals.workflow import State
from tests.factories import make_user, put_in_state
from tests.submission import MB, ODT_MIMETYPE, form_data, odt_mimetype_bomb

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "<a href=\"javascript:alert(1)\">click</a>",
    "{{ settings.SECRET_KEY }}",
    "\u202e<b>reversed</b>\u200b",
]
DANGEROUS = ["<script>alert", "<img src=x onerror", "<svg/onload", '<a href="javascript:', "<b>reversed</b>"]


def test_script_payloads_in_every_text_field_are_inert_everywhere(client, django_capture_on_commit_callbacks):
    payload = " ".join(PAYLOADS)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/submit/", form_data(
            "citizen", citizen_name="Name " + PAYLOADS[0][:50], title=payload[:300], text=payload,
            rationale=payload, publish_name="on",
        ))
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.text == payload  # stored exactly as sent, escaped only when shown
    Proposal.objects.filter(pk=proposal.pk).update(summary_kk=payload, summary_ru=payload, summary_en=payload,
                                                   response_en=payload)
    put_in_state(proposal, State.ACCEPTED, published_at=timezone.now(), decision_released_at=timezone.now())
    staff = Client()
    staff.force_login(make_user("lead"))
    pages = {
        "receipt": client.get("/en/submit/receipt/"),
        "status": client.get(f"/en/track/link/{access.status_token(proposal)}/", follow=True),
        "register": client.get("/en/proposals/"),
        "detail": client.get(f"/en/proposals/{proposal.tracking_code}/"),
        "home": client.get("/en/"),
        "admin list": staff.get("/admin/proposals/proposal/?queue=all"),
        "admin page": staff.get(f"/admin/proposals/proposal/{proposal.pk}/change/"),
    }
    for name, page in pages.items():
        html = page.content.decode()
        assert page.status_code == 200, name
        for fragment in DANGEROUS:
            assert fragment not in html, (name, fragment)
        assert django_settings.SECRET_KEY not in html, name
    assert "&lt;script&gt;" in pages["detail"].content.decode()
    [message] = mail.outbox
    assert message.content_subtype == "plain" and not message.alternatives  # a text email runs nothing


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("citizen_name", "Ann\r\nBcc: victim@example.org"),
        ("citizen_name", "Ann\nSubject: hi"),
        ("email", "ann@example.org\r\nBcc: victim@example.org"),
        ("email", "ann@example.org,victim@example.org"),
    ],
)
def test_header_injection_through_name_or_email_is_refused(client, field, value):
    response = client.post("/en/submit/", form_data("citizen", **{field: value}))
    assert response.status_code == 200 and field in response.context["form"].errors
    assert Proposal.objects.count() == 0 and mail.outbox == []


# Hostile files. Each is built here; the check must refuse it with a message naming it, within bounded memory.

MEMORY_BOUND = 16 * MB  # peak memory of attachments.check on one hostile upload


def refusal(name, content):
    """(message, peak memory in bytes) of attachments.check refusing ``content`` sent as ``name``."""
    upload = SimpleUploadedFile(name, content)
    tracemalloc.start()
    try:
        with translation.override("en"), pytest.raises(attachments.AttachmentError) as refused:
            attachments.check([upload])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return str(refused.value), peak


# Finding 1: a zip bomb exhausted memory.

def test_zip_bomb_in_the_odt_mimetype_is_refused_within_memory_bound():
    message, peak = refusal("proposal.odt", odt_mimetype_bomb(inflated=200 * MB, declared=50))
    assert message.startswith("“proposal.odt” is damaged")
    assert peak < MEMORY_BOUND


def test_zip_with_a_hundred_thousand_entries_is_refused_within_memory_bound():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("mimetype", ODT_MIMETYPE)
        for index in range(100_000):
            archive.writestr(f"{index:05d}", b"")
    message, peak = refusal("many.odt", buffer.getvalue())
    assert message.startswith("“many.odt” contains too many files")
    assert peak < MEMORY_BOUND


def test_zip_whose_end_record_understates_its_entries_is_refused_within_memory_bound():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("mimetype", ODT_MIMETYPE)
        for index in range(20_000):
            archive.writestr(f"{index:05d}", b"")
    data = bytearray(buffer.getvalue())
    struct.pack_into("<HH", data, len(data) - 22 + 8, 3, 3)  # "3 entries": the directory still holds 20,001
    message, peak = refusal("few.odt", bytes(data))
    assert message.startswith("“few.odt” contains too many files")
    assert peak < MEMORY_BOUND
