"""The public submission form: required fields per kind, attachments, all-or-nothing, receipt, abuse protection."""
import io
import re
import zipfile

import pytest
from django.core import mail
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from proposals.models import Attachment, Proposal, ProposalEvent, SubmitterKind
from proposals.spreadsheet import neutralise
from proposals.workflow import State
from tests.submission import PDF_BYTES, PNG_BYTES, docx_bytes, form_data, odt_mimetype_bomb, pdf

pytestmark = pytest.mark.django_db

SUBMIT = "/kk/submit/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media):
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


def post(client, data, language="kk"):
    return client.post(f"/{language}/submit/", data)


# Required fields follow the submitter kind

@pytest.mark.parametrize(
    ("kind", "field"),
    [
        ("citizen", "citizen_name"), ("citizen", "region"), ("citizen", "email"),
        ("party", "party"), ("party", "party_contact"), ("party", "party_position"), ("party", "email"),
        ("ngo", "org_name"), ("ngo", "org_contact"), ("ngo", "org_position"),
        ("business", "org_name"), ("business", "org_contact"), ("business", "org_position"),
        ("expert", "expert_name"), ("expert", "expert_affiliation"), ("expert", "email"),
        ("citizen", "title"), ("citizen", "text"), ("citizen", "consent"), ("citizen", "submitter_kind"),
    ],
)
def test_each_kind_requires_its_fields(client, kind, field):
    response = post(client, form_data(kind, **{field: None}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Proposal.objects.count() == 0


@pytest.mark.parametrize("kind", [k.value for k in SubmitterKind])
def test_each_kind_submits_with_its_fields(client, kind):
    response = post(client, form_data(kind))
    assert response.status_code == 302 and response["Location"] == "/kk/submit/receipt/"
    proposal = Proposal.objects.get()
    assert proposal.submitter_kind == kind and proposal.state == State.RECEIVED
    assert proposal.submitter_name and proposal.email == "aigul@example.org"
    assert proposal.events.count() == 1


def test_citizen_fields_map_to_the_proposal(client):
    post(client, form_data("citizen", publish_name="on", org_name="ignored because not an organisation"))
    proposal = Proposal.objects.get()
    assert proposal.submitter_name == "Айгүл Сәрсенбаева"
    assert proposal.phone == "+77015550101" and proposal.publish_name
    assert proposal.organisation == "" and proposal.region.slug == "almaty"
    assert proposal.articles == "49, 50-1"


def test_name_is_not_published_without_consent(client):
    post(client, form_data("citizen"))
    assert Proposal.objects.get().publish_name is False


def test_party_proposal_names_the_party(client):
    post(client, form_data("party"))
    proposal = Proposal.objects.get()
    assert proposal.party.slug == "amanat" and proposal.position == "Заң бөлімінің басшысы"


@pytest.mark.parametrize(("bin_value", "valid"), [("940140000385", True), ("940140000386", False), ("12345", False)])
def test_organisation_bin_is_checked(client, bin_value, valid):
    response = post(client, form_data("ngo", org_bin=bin_value))
    assert (Proposal.objects.count() == 1) == valid
    if not valid:
        assert "org_bin" in response.context["form"].errors


@pytest.mark.parametrize(
    ("field", "value"),
    [("citizen_phone", "call me"), ("articles", "the one about deputies"), ("email", "not-an-email"),
     ("citizen_name", "Name\r\nBcc: victim@example.org"), ("language", "de"), ("region", "99999"),
     ("title", "x" * 301)],
)
def test_bad_values_get_a_message_next_to_the_field(client, field, value):
    response = post(client, form_data("citizen", **{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert f'id="id_{field}_error"' in response.content.decode()
    assert Proposal.objects.count() == 0


def test_input_is_kept_when_the_form_has_errors(client):
    response = post(client, form_data("citizen", email="wrong", title="Менің ұсынысым"))
    content = response.content.decode()
    assert 'value="Менің ұсынысым"' in content and "Айгүл Сәрсенбаева" in content
    assert 'aria-invalid="true"' in content


def test_files_must_be_chosen_again_after_an_error_and_the_form_says_so(client):
    response = post(client, form_data("citizen", email="wrong", attachments=pdf()))
    assert 'id="files-dropped"' in response.content.decode()


def test_errors_are_in_the_interface_language(client):
    kk = post(client, form_data("citizen", title=None), language="kk").context["form"].errors["title"][0]
    ru = post(client, form_data("citizen", title=None), language="ru").context["form"].errors["title"][0]
    en = post(client, form_data("citizen", title=None), language="en").context["form"].errors["title"][0]
    assert en == "This field is required."
    assert ru == "Обязательное поле."
    assert kk != en and kk != ru


def test_kazakh_russian_and_english_text_round_trips_exactly(client):
    title = "Ұсыныс: ә ғ қ ң ө ұ ү һ і — Предложение «ёж» — Proposal’s"
    text = "Әділет ғылым қоғам аң өнер ұлт үміт шаһар ісі.\nСъезд «народа» — ёлка.\nParliament’s role."
    post(client, form_data("citizen", title=title, text=text))
    proposal = Proposal.objects.get()
    assert proposal.title == title and proposal.text == text


def test_text_that_looks_like_a_formula_is_accepted_and_kept(client):
    post(client, form_data("citizen", title="=HYPERLINK(\"http://evil\")", text="+1 -2 @SUM(A1)"))
    proposal = Proposal.objects.get()
    assert proposal.title == "=HYPERLINK(\"http://evil\")"
    assert neutralise(proposal.title) == "'=HYPERLINK(\"http://evil\")"
    assert neutralise(proposal.text).startswith("'+")


# Attachments

def odt_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "extension"),
    [
        ("ұсыныс.pdf", PDF_BYTES, "pdf"),
        ("scan.png", PNG_BYTES, "png"),
        ("photo.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "jpg"),
        ("draft.docx", docx_bytes(), "docx"),
        ("draft.odt", odt_bytes(), "odt"),
        ("мәтін.txt", "Қазақша мәтін, русский текст.\n".encode(), "txt"),
        ("windows.txt", "Русский текст в кодировке Windows".encode("cp1251"), "txt"),
        ("mislabelled.txt", PDF_BYTES, "pdf"),
    ],
)
def test_allowed_types_are_recognised_by_content(client, media, name, content, extension):
    post(client, form_data("citizen", attachments=SimpleUploadedFile(name, content, "application/octet-stream")))
    attachment = Attachment.objects.get()
    assert attachment.original_name.endswith(f".{extension}")
    assert attachment.file.name.endswith(f".{extension}")
    assert attachment.size == len(content)
    assert len(attachment.sha256) == 64
    [path] = stored_files(media)
    assert path.read_bytes() == content
    assert name.rsplit(".", 1)[0] not in path.name, "the stored name is generated, not the submitter's"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("invoice.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 100),
        ("archive.docx", b"PK\x03\x04" + b"\x00" * 100),
        ("script.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 50),
        ("page.pdf", b"<html><script>alert(1)</script></html>\x00"),
    ],
)
def test_disguised_files_are_refused(client, media, name, content):
    response = post(client, form_data("citizen", attachments=SimpleUploadedFile(name, content, "application/pdf")))
    assert name in response.context["form"].errors["attachments"][0]
    assert Proposal.objects.count() == 0 and stored_files(media) == []


def test_zip_bomb_sent_through_the_form_gets_a_message_not_a_500(client, media):
    bomb = SimpleUploadedFile("proposal.odt", odt_mimetype_bomb(), "application/vnd.oasis.opendocument.text")
    response = post(client, form_data("citizen", attachments=bomb), language="en")
    assert response.status_code == 200
    [error] = response.context["form"].errors["attachments"]
    assert error.startswith("“proposal.odt” is damaged")
    assert "“proposal.odt” is damaged" in response.content.decode()
    assert Proposal.objects.count() == 0 and stored_files(media) == []


def test_oversized_file_is_refused(client, settings):
    settings.PARLREFORM_MAX_ATTACHMENT_BYTES = 1024
    response = post(client, form_data("citizen", attachments=pdf(content=PDF_BYTES + b"0" * 2000)))
    assert "attachments" in response.context["form"].errors
    assert Proposal.objects.count() == 0


def test_files_too_large_together_are_refused(client, settings):
    settings.PARLREFORM_MAX_TOTAL_ATTACHMENT_BYTES = 300
    files = [pdf(f"{i}.pdf", PDF_BYTES + b"0" * 100) for i in range(2)]
    response = post(client, form_data("citizen", attachments=files))
    assert "attachments" in response.context["form"].errors


def test_a_sixth_file_is_refused(client):
    response = post(client, form_data("citizen", attachments=[pdf(f"{i}.pdf") for i in range(6)]))
    assert "attachments" in response.context["form"].errors
    assert Proposal.objects.count() == 0


def test_five_files_are_accepted(client, media):
    post(client, form_data("citizen", attachments=[pdf(f"{i}.pdf") for i in range(5)]))
    assert Attachment.objects.count() == 5 and len(stored_files(media)) == 5


def test_upload_name_is_neutralised(client):
    evil = "../../etc/\u202egnp.exe\u200b\x00\x07 report.pdf"
    post(client, form_data("citizen", attachments=pdf(evil)))
    name = Attachment.objects.get().original_name
    assert "/" not in name and "\\" not in name and ".." not in name
    assert not any(ord(c) < 32 or 0x200B <= ord(c) <= 0x202E for c in name)
    assert name.endswith(".pdf")


def test_failure_on_the_second_attachment_leaves_nothing(client, media, monkeypatch):
    real_save = FileSystemStorage._save
    calls = []

    def fail_second(self, name, content):
        calls.append(name)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_save(self, name, content)

    monkeypatch.setattr(FileSystemStorage, "_save", fail_second)
    response = post(client, form_data("citizen", attachments=[pdf("a.pdf"), pdf("b.pdf")]))
    assert response.status_code == 503
    assert "could not be saved" in response.content.decode() or response.context["form"].non_field_errors()
    assert Proposal.objects.count() == 0 and ProposalEvent.objects.count() == 0 and Attachment.objects.count() == 0
    assert stored_files(media) == []


def test_unwritable_media_folder_gives_a_clear_error_and_no_row(client, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = blocker
    response = post(client, form_data("citizen", attachments=pdf()))
    assert response.status_code == 503
    assert Proposal.objects.count() == 0


def test_request_too_large_is_refused_before_reading(client, settings):
    settings.PARLREFORM_MAX_REQUEST_BYTES = 2000
    response = post(client, form_data("citizen", attachments=pdf(content=PDF_BYTES + b"0" * 5000)))
    assert response.status_code == 413
    assert Proposal.objects.count() == 0


# Receipt and email

def test_receipt_shows_the_code_and_email_carries_the_signed_link(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, form_data("citizen"))
    proposal = Proposal.objects.get()
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200 and proposal.tracking_code in receipt.content.decode()
    [message] = mail.outbox
    assert message.to == ["aigul@example.org"]
    assert proposal.tracking_code in message.subject and proposal.tracking_code in message.body
    assert "/kk/track/link/" in message.body


def test_receipt_is_not_addressable_by_another_browser(client, django_user_model):
    post(client, form_data("citizen"))
    from django.test import Client

    stranger = Client()
    response = stranger.get("/kk/submit/receipt/")
    assert response.status_code == 302 and response["Location"] == "/kk/submit/"


def test_email_failure_does_not_lose_the_proposal(client, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.test_submission.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = post(client, form_data("citizen"))
    assert len(callbacks) == 1
    assert response.status_code == 302 and Proposal.objects.count() == 1


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


# Abuse protection

def test_double_post_creates_one_proposal_and_shows_its_receipt_again(client, django_capture_on_commit_callbacks):
    data = form_data("citizen")
    with django_capture_on_commit_callbacks(execute=True):
        first = post(client, data)
        second = post(client, data)
    assert first["Location"] == second["Location"] == "/kk/submit/receipt/"
    assert Proposal.objects.count() == 1 and ProposalEvent.objects.count() == 1
    assert len(mail.outbox) == 1


def test_resubmit_after_back_from_another_browser_still_one_proposal(client):
    from django.test import Client

    data = form_data("citizen")
    post(client, data)
    retry = post(Client(), data)
    assert retry.status_code == 302
    assert Proposal.objects.count() == 1


def test_honeypot_refuses(client):
    response = post(client, form_data("citizen", website="http://spam.example"))
    assert response.status_code == 400
    assert Proposal.objects.count() == 0


def test_form_sent_too_fast_is_refused_and_can_be_sent_again(client):
    from proposals.forms import signed_start

    data = form_data("citizen", started=signed_start())
    response = post(client, data)
    assert response.status_code == 400 and Proposal.objects.count() == 0
    assert "Айгүл Сәрсенбаева" in response.content.decode()


@pytest.mark.parametrize("started", ["", "tampered", "1700000000"])
def test_missing_or_forged_start_time_is_refused(client, started):
    response = post(client, form_data("citizen", started=started))
    assert response.status_code == 400 and Proposal.objects.count() == 0


def test_submission_rate_limit_refuses(client, settings):
    settings.PARLREFORM_SUBMIT_RATE = "2/600"
    assert post(client, form_data("citizen")).status_code == 302
    assert post(client, form_data("citizen")).status_code == 302
    refused = post(client, form_data("citizen"))
    assert refused.status_code == 429
    assert Proposal.objects.count() == 2


def test_rate_limit_counts_per_client(client, settings):
    settings.PARLREFORM_SUBMIT_RATE = "1/600"
    assert post(client, form_data("citizen")).status_code == 302
    other = client.post(SUBMIT, form_data("citizen"), REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 302


def test_form_shows_its_limits_before_they_are_hit(client):
    content = client.get("/en/submit/").content.decode()
    assert 'maxlength="20000"' in content and "Up to 20,000 characters" in content
    assert "at most 10 MB each and 25 MB together" in content and "Up to 5 files" in content


def test_kind_fields_are_all_visible_without_javascript(client):
    content = client.get("/en/submit/").content.decode()
    assert content.count('class="group kind-fields"') == 4
    assert not re.search(r'<fieldset[^>]*\shidden', content)


def test_rate_limits_live_in_a_shared_cache(settings):
    backend = settings.CACHES["default"]["BACKEND"]
    assert backend.endswith(("DatabaseCache", "RedisCache")), backend


def test_form_page_prefills_the_interface_language(client):
    assert client.get("/ru/submit/").context["form"]["language"].value() == "ru"


def test_leftovers_in_another_kinds_fields_do_not_block_the_form(client):
    response = post(client, form_data("party", citizen_phone="123", org_bin="not a bin"))
    assert response.status_code == 302 and Proposal.objects.get().phone == ""
