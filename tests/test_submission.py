"""The public submission form: required fields per kind, attachments, all-or-nothing, receipt, abuse protection."""
import datetime
import io
import re
import zipfile
import zlib

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from proposals.core import services
from proposals.core.infra.spreadsheet import neutralise
from proposals.core.models import Attachment, Proposal, ProposalEvent, SubmitterKind
from proposals.core.workflow import Action, State
from proposals.site.forms import signed_start
from tests.submission import (
    ODT_MIMETYPE,
    PDF_BYTES,
    PNG_BYTES,
    CountingBody,
    docx_bytes,
    form_data,
    odt_mimetype_bomb,
    pdf,
    pdf_document,
    pdf_stream,
    zipped,
)

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
    assert [(link.article.number, link.change) for link in proposal.article_links.all()] == [
        ("49", "concerns"), ("50-1", "concerns")]
    assert proposal.articles == ""


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

ODF = "urn:oasis:names:tc:opendocument:xmlns"


def odt_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", f'<office:document-content xmlns:office="{ODF}:office:1.0"/>')
    return buffer.getvalue()


def office_odt():
    """An ODT laid out as LibreOffice saves one: pictures, thumbnail, settings, an embedded chart and font."""
    return zipped({
        "mimetype": ODT_MIMETYPE,
        "Configurations2/accelerator/current.xml": "",
        "Configurations2/toolbar/": "",
        "Pictures/10000001000001F4000001F4.png": PNG_BYTES,
        "Object 1/content.xml": f'<office:document-content xmlns:office="{ODF}:office:1.0"/>',
        "ObjectReplacements/Object 1": b"\x01\x00\x00\x00",
        "Fonts/Arial-regular.ttf": b"\x00\x01\x00\x00",
        "content.xml": f'<office:document-content xmlns:office="{ODF}:office:1.0" '
                       f'xmlns:text="{ODF}:text:1.0" xmlns:xlink="http://www.w3.org/1999/xlink">'
                       f'<text:a xlink:href="https://parlreform.example/">link</text:a></office:document-content>',
        "styles.xml": f'<office:document-styles xmlns:office="{ODF}:office:1.0"/>',
        "meta.xml": f'<office:document-meta xmlns:office="{ODF}:office:1.0"/>',
        "settings.xml": f'<office:document-settings xmlns:office="{ODF}:office:1.0"/>',
        "manifest.rdf": "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'/>",
        "Thumbnails/thumbnail.png": PNG_BYTES,
        "META-INF/manifest.xml": f'<manifest:manifest xmlns:manifest="{ODF}:manifest:1.0"/>',
    })


def office_docx():
    """A DOCX laid out as Word saves one: properties, theme, media, a hyperlink and a template on the local disk."""
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
    return zipped({
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                               '<Default Extension="png" ContentType="image/png"/></Types>',
        "_rels/.rels": f'<Relationships {package}><Relationship Id="rId1" Type="{relationships}/officeDocument" '
                       f'Target="word/document.xml"/></Relationships>',
        "docProps/core.xml": "<cp:coreProperties xmlns:cp='urn:x'/>",
        "docProps/app.xml": "<Properties/>",
        "word/document.xml": "<w:document xmlns:w='urn:x'/>",
        "word/_rels/document.xml.rels": f'<Relationships {package}><Relationship Id="rId5" '
                                        f'Type="{relationships}/hyperlink" Target="https://parlreform.example/" '
                                        f'TargetMode="External"/></Relationships>',
        "word/_rels/settings.xml.rels": f'<Relationships {package}><Relationship Id="rId1" '
                                        f'Type="{relationships}/attachedTemplate" '
                                        f'Target="file:///C:\\Users\\aigul\\Templates\\Letter.dotx" '
                                        f'TargetMode="External"/></Relationships>',
        "word/theme/theme1.xml": "<a:theme xmlns:a='urn:x'/>",
        "word/media/image1.png": PNG_BYTES,
        "customXml/item1.xml": "<b:Sources xmlns:b='urn:x'/>",
    })


def compressed_pdf():
    """A PDF as most programs write one: compressed page content and objects, opening at its first page."""
    page = b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>"
    header, objects = b"8 0 9 %d " % len(page), page + b"<< /Producer (Word) >>"
    return pdf_document(
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction [8 0 R /Fit] /Metadata 6 0 R >>",
        b"<< /Type /Pages /Kids [8 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        pdf_stream(b"/Filter /FlateDecode", zlib.compress(b"BT /F1 12 Tf (JavaScript is not run here) Tj ET")),
        pdf_stream(b"/Type /ObjStm /N 2 /First %d /Filter /FlateDecode" % len(header), zlib.compress(header + objects)),
        pdf_stream(b"/Type /Metadata /Subtype /XML", b"<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x/>"),
    )


JPEG_WITH_XMP = (b"\xff\xd8\xff\xe1\x00\x40http://ns.adobe.com/xap/1.0/\x00<?xpacket begin=''?><x:xmpmeta/>"
                 + b"\x00" * 64 + b"\xff\xd9")


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
        ("Word export.pdf", compressed_pdf(), "pdf"),
        ("saved by Word.docx", office_docx(), "docx"),
        ("saved by LibreOffice.odt", office_odt(), "odt"),
        ("camera.JPG", JPEG_WITH_XMP, "jpg"),
        ("scan", PNG_BYTES, "png"),
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


def test_mislabelled_file_is_refused_not_renamed(client, media):
    response = post(client, form_data("citizen", attachments=pdf("mislabelled.txt")), language="en")
    assert response.context["form"].errors["attachments"] == [
        "“mislabelled.txt” is a PDF, not a text file: rename it or choose another file."
    ]
    assert Proposal.objects.count() == 0 and stored_files(media) == []


def test_a_dot_inside_a_name_without_extension_is_kept(client):
    post(client, form_data("citizen", attachments=pdf("Проект ред. 2.1")))
    assert Attachment.objects.get().original_name == "Проект ред. 2.1.pdf"


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


def test_the_size_refusal_names_the_limits_in_force_on_any_path(client, settings):
    settings.PARLREFORM_MAX_REQUEST_BYTES = 3 * 1024 * 1024
    settings.PARLREFORM_MAX_ATTACHMENTS = 2
    settings.PARLREFORM_MAX_ATTACHMENT_BYTES = 1024 * 1024
    settings.PARLREFORM_MAX_TOTAL_ATTACHMENT_BYTES = 2 * 1024 * 1024
    for path in ("/en/submit/", "/admin/login/", "/en/track/"):
        response = client.post(path, b"", content_type="multipart/form-data; boundary=x",
                               CONTENT_LENGTH=str(4 * 1024 * 1024), HTTP_ACCEPT_LANGUAGE="en")
        page = response.content.decode()
        assert response.status_code == 413, path
        assert "at most 3 MB in one request" in page and "at most 2 files of up to 1 MB each and 2 MB" in page, path


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
    # The delivery of the receipt, and the search for the new point's likely ideas.
    assert len(callbacks) == 2
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


def test_resubmit_after_back_from_another_browser_still_one_proposal_and_no_receipt(client):
    from django.test import Client

    data = form_data("citizen")
    post(client, data)
    stranger = Client()
    retry = post(stranger, data)
    assert retry.status_code == 400 and retry.context["form"].non_field_errors()
    assert stranger.get("/kk/submit/receipt/")["Location"] == "/kk/submit/"
    assert Proposal.objects.count() == 1


def test_a_known_token_does_not_open_the_receipt_or_status_in_another_session(client):
    from django.test import Client

    data = form_data("citizen")
    post(client, data)
    code = Proposal.objects.get().tracking_code
    stranger = Client()
    response = post(stranger, form_data("citizen", submission_token=data["submission_token"]))
    assert response.status_code == 400
    assert stranger.get("/kk/submit/receipt/")["Location"] == "/kk/submit/"
    assert stranger.get(f"/kk/track/{code}/")["Location"] == "/kk/track/"
    assert Proposal.objects.count() == 1


def test_a_known_token_with_the_honeypot_filled_gets_no_receipt(client):
    data = form_data("citizen")
    post(client, data)
    response = post(client, {**data, "website": "http://spam.example"})
    assert response.status_code == 400


def test_a_repeated_form_finds_its_receipt_only_within_ten_minutes(client):
    data = form_data("citizen")
    post(client, data)
    Proposal.objects.update(received_at=timezone.now() - datetime.timedelta(minutes=11))
    response = post(client, data)
    assert response.status_code == 400 and response.context["form"].non_field_errors()
    assert Proposal.objects.count() == 1


def test_withdrawal_clears_the_submission_token(client):
    post(client, form_data("citizen"))
    services.proposal_transition(proposal=Proposal.objects.get(), action=Action.WITHDRAW, actor=None)
    assert Proposal.objects.get().submission_token == ""


def test_anonymisation_clears_the_submission_token(client):
    post(client, form_data("citizen"))
    services.proposal_anonymise(proposal=Proposal.objects.get())
    assert Proposal.objects.get().submission_token == ""


def test_submit_and_receipt_pages_are_never_cached(client):
    assert "no-store" in client.get(SUBMIT).get("Cache-Control", "")
    sent = post(client, form_data("citizen"))
    assert "no-store" in sent.get("Cache-Control", "")
    assert "no-store" in client.get(sent["Location"]).get("Cache-Control", "")


def test_a_start_value_is_accepted_for_one_submission_only(client):
    from django.test import Client

    first = form_data("citizen")
    assert post(client, first).status_code == 302
    replay = post(Client(), form_data("citizen", started=first["started"], title="Басқа ұсыныс"))
    assert replay.status_code == 400 and replay.context["form"].non_field_errors()
    assert Proposal.objects.count() == 1


def test_a_refused_replay_offers_a_fresh_form_that_can_be_sent(client):
    from django.test import Client

    first = form_data("citizen")
    post(client, first)
    other = Client()
    replay = post(other, form_data("citizen", started=first["started"]))
    form = replay.context["form"]
    assert form["started"].value() != first["started"]
    token = form["submission_token"].value()
    assert token != first["submission_token"]
    again = form_data("citizen", started=signed_start(seconds_ago=60), submission_token=token)
    assert post(other, again).status_code == 302
    assert Proposal.objects.count() == 2


def shown_form(client, settings):
    """The form as this browser was shown it (its start value and token), filled in and sendable at once."""
    settings.PARLREFORM_MIN_FILL_SECONDS = 0
    initial = client.get(SUBMIT).context["form"].initial
    return form_data("citizen", started=initial["started"], submission_token=initial["submission_token"])


def test_a_form_sent_again_after_a_lost_answer_finds_its_receipt(client, settings):
    data = shown_form(client, settings)
    assert post(client, data).status_code == 302
    # The answer (and the session cookie it carried) never arrived; the browser sends the form again.
    client.cookies.pop(django_settings.SESSION_COOKIE_NAME)
    again = post(client, data)
    assert again.status_code == 302 and again["Location"] == "/kk/submit/receipt/"
    assert client.get(again["Location"]).context["proposal"] == Proposal.objects.get()


def test_a_token_shown_to_one_browser_opens_nothing_in_another(client, settings):
    from django.test import Client

    data = shown_form(client, settings)
    post(client, data)
    stranger = Client()
    stranger.get(SUBMIT)
    response = post(stranger, form_data("citizen", submission_token=data["submission_token"]))
    assert response.status_code == 400
    assert stranger.get("/kk/submit/receipt/")["Location"] == "/kk/submit/"


def test_a_form_whose_registration_failed_can_be_sent_again(client, monkeypatch):
    def disk_full(self, name, content):
        raise OSError("disk full")

    data = form_data("citizen", attachments=pdf())
    with monkeypatch.context() as patched:
        patched.setattr(FileSystemStorage, "_save", disk_full)
        assert post(client, data).status_code == 503
    data["attachments"] = pdf()
    assert post(client, data).status_code == 302
    assert Proposal.objects.count() == 1


def test_a_form_with_errors_can_be_corrected_and_sent_with_the_same_start(client):
    data = form_data("citizen")
    assert post(client, {**data, "title": ""}).status_code == 200
    assert post(client, data).status_code == 302


def disguised_file():
    return SimpleUploadedFile("invoice.pdf", b"MZ\x90\x00" + b"\x00" * 100, content_type="application/pdf")


REFUSALS = {
    "invalid-field": lambda: {"title": None},
    "refused-attachment": lambda: {"attachments": disguised_file()},
    "too-fast": lambda: {"started": signed_start()},
    "forged-start": lambda: {"started": "tampered"},
    "honeypot": lambda: {"website": "http://spam.example"},
}


@pytest.mark.parametrize("refusal", REFUSALS.values(), ids=REFUSALS.keys())
def test_refused_attempts_count_toward_the_attempt_limit_not_the_proposal_limit(client, settings, refusal):
    settings.PARLREFORM_SUBMIT_ATTEMPT_RATE = "4/600"
    settings.PARLREFORM_SUBMIT_RATE = "1/600"
    assert post(client, form_data("citizen", **refusal())).status_code in (200, 400)
    assert post(client, form_data("citizen", **refusal())).status_code in (200, 400)
    assert post(client, form_data("citizen")).status_code == 302
    # The fourth attempt is refused for its own fault; the fifth is over the attempt limit.
    assert post(client, form_data("citizen", **refusal())).status_code in (200, 400)
    assert post(client, form_data("citizen", **refusal())).status_code == 429
    assert Proposal.objects.count() == 1


def test_the_fourth_receipt_to_one_address_in_a_day_is_not_sent(client, settings, django_capture_on_commit_callbacks):
    settings.PARLREFORM_RECEIPTS_PER_ADDRESS = "3/86400"
    with django_capture_on_commit_callbacks(execute=True):
        for number, email in enumerate(["victim@example.org"] * 3 + ["Victim@Example.ORG"]):
            response = client.post(SUBMIT, form_data("citizen", email=email), REMOTE_ADDR=f"10.0.0.{number + 1}")
            assert response.status_code == 302
    assert Proposal.objects.count() == 4
    assert len(mail.outbox) == 3


def test_the_receipt_limit_keeps_no_address_in_its_keys(client, django_capture_on_commit_callbacks):
    from proposals.core.models import RateCounter

    with django_capture_on_commit_callbacks(execute=True):
        post(client, form_data("citizen", email="victim@example.org"))
    keys = list(RateCounter.objects.values_list("key", flat=True))
    assert keys and not any("victim" in key or "example" in key or "127.0.0.1" in key for key in keys)


def test_a_body_without_content_length_is_never_read(client):
    body = CountingBody()
    response = client.post(SUBMIT, b"", content_type="multipart/form-data; boundary=x",
                           CONTENT_LENGTH="", HTTP_TRANSFER_ENCODING="chunked", **{"wsgi.input": body})
    assert response.status_code in (200, 400) and body.reads == 0
    assert Proposal.objects.count() == 0


def test_honeypot_refuses(client):
    response = post(client, form_data("citizen", website="http://spam.example"))
    assert response.status_code == 400
    assert Proposal.objects.count() == 0


def test_form_sent_too_fast_is_refused_and_can_be_sent_again(client):
    from proposals.site.forms import signed_start

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


def test_the_receipt_page_does_not_claim_an_email_that_the_limit_stopped(client, settings):
    settings.PARLREFORM_RECEIPTS_PER_ADDRESS = "1/86400"
    sent = "We have also sent it to your email"
    first = client.post("/en/submit/", form_data("citizen", email="one@example.org"), follow=True)
    assert sent in first.content.decode()
    second = client.post("/en/submit/", form_data("citizen", email="one@example.org"), follow=True)
    page = second.content.decode()
    assert second.status_code == 200 and Proposal.objects.count() == 2
    assert sent not in page and "No email was sent this time" in page
