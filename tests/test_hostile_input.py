"""Hostile input: script payloads stay inert wherever shown; header injection fails; hostile files are refused."""
import base64
import io
import struct
import tracemalloc
import zipfile
import zlib

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone, translation

from proposals.core import access, attachments
from proposals.core.models import Proposal
from proposals.core.workflow import State
from tests.factories import make_user, put_in_state
from tests.submission import (
    MB,
    ODT_MIMETYPE,
    PNG_BYTES,
    deflated_zeros,
    form_data,
    odt_mimetype_bomb,
    pdf_document,
    pdf_stream,
    zipped,
)

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
    # The HTML part of the email is escaped like the pages: nothing the submitter typed runs in a mail reader.
    [(mail_html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    for fragment in DANGEROUS:
        assert fragment not in mail_html and fragment not in message.body


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


DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
MACRO_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>'
    "</Types>"
)
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ODF = "urn:oasis:names:tc:opendocument:xmlns"


def docx(parts=()):
    """A DOCX with its usual parts, plus ``parts`` ({name: content})."""
    entries = {
        "[Content_Types].xml": DOCX_TYPES,
        "_rels/.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="word/document.xml"/>'
                       f"</Relationships>",
        "word/document.xml": '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    }
    entries.update(parts)
    return zipped(entries)


def odt(parts=()):
    """An ODT with its usual parts, plus ``parts`` ({name: content})."""
    entries = {
        "mimetype": ODT_MIMETYPE,
        "META-INF/manifest.xml": f'<manifest:manifest xmlns:manifest="{ODF}:manifest:1.0"/>',
        "content.xml": f'<office:document-content xmlns:office="{ODF}:office:1.0"/>',
        "styles.xml": f'<office:document-styles xmlns:office="{ODF}:office:1.0"/>',
    }
    entries.update(parts)
    return zipped(entries)


def catalog(entries=b""):
    return b"<< /Type /Catalog /Pages 2 0 R " + entries + b" >>"


PAGES = b"<< /Type /Pages /Kids [] /Count 0 >>"


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


# Finding 7: risky files were accepted and relabelled.

@pytest.mark.parametrize(
    "objects",
    [
        pytest.param([catalog(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"), PAGES], id="javascript"),
        pytest.param([catalog(b"/OpenAction << /S /Java#53cript /J#53 (app.alert(1)) >>"), PAGES], id="hex-escaped"),
        pytest.param([catalog(b"/OpenAction 3 0 R"), PAGES, b"<< /S /Launch /F (cmd.exe) >>"], id="launch"),
        pytest.param([catalog(b"/Names << /EmbeddedFiles << /Names [(a.exe) 3 0 R] >> >>"), PAGES,
                      b"<< /Type /Filespec /F (a.exe) /EF << /F 4 0 R >> >>",
                      pdf_stream(b"/Type /EmbeddedFile", b"MZ")], id="embedded-file"),
        pytest.param([catalog(), PAGES, b"<< /Type /Annot /Subtype /RichMedia /Rect [0 0 1 1] >>"], id="rich-media"),
        pytest.param([catalog(b"/AcroForm << /Fields [] /XFA 3 0 R >>"), PAGES, pdf_stream(b"", b"<xdp:xdp/>")],
                     id="xfa"),
        pytest.param([catalog(b"/AA << /WC << /S /URI /URI (http://evil.example/) >> >>"), PAGES],
                     id="additional-actions"),
        pytest.param([catalog(b"/OpenAction << /S /JavaScript /JS 3 0 R >>"), PAGES,
                      pdf_stream(b"", b"app.alert(1)")], id="script-stream"),
    ],
)
def test_pdf_with_active_content_is_refused(objects):
    message, _ = refusal("report.pdf", pdf_document(*objects))
    assert message.startswith("“report.pdf” is a PDF with scripts")


def test_pdf_with_javascript_inside_a_compressed_object_stream_is_refused():
    header, action = b"4 0 ", b"<< /S /Java#53cript /JS (app.alert(1)) >>"
    packed = zlib.compress(header + action)
    objects = pdf_stream(b"/Type /ObjStm /N 1 /First %d /Filter /FlateDecode" % len(header), packed)
    message, _ = refusal("report.pdf", pdf_document(catalog(b"/OpenAction 4 0 R"), PAGES, objects))
    assert message.startswith("“report.pdf” is a PDF with scripts")


def test_pdf_with_a_doubly_compressed_object_stream_is_refused():
    header, action = b"4 0 ", b"<< /S /JavaScript /JS (app.alert(1)) >>"
    packed = zlib.compress(zlib.compress(header + action))
    dictionary = b"/Type /ObjStm /N 1 /First %d /Filter [/FlateDecode /FlateDecode]" % len(header)
    document = pdf_document(catalog(b"/OpenAction 4 0 R"), PAGES, pdf_stream(dictionary, packed))
    message, _ = refusal("report.pdf", document)
    assert message.startswith("“report.pdf” is a PDF with scripts")


@pytest.mark.parametrize(
    ("filters", "encode"),
    [
        (b"/ASCIIHexDecode", lambda data: data.hex().encode() + b">"),
        (b"[/AHx /Fl]", lambda data: zlib.compress(data).hex(" ", 8).encode()),
        (b"[/ASCII85Decode /FlateDecode]", lambda data: base64.a85encode(zlib.compress(data), wrapcol=60) + b"~>"),
    ],
    ids=["hex", "hex-flate", "ascii85-flate"],
)
def test_pdf_with_javascript_inside_an_ascii_encoded_object_stream_is_refused(filters, encode):
    header, action = b"4 0 ", b"<< /S /JavaScript /JS (app.alert(1)) >>"
    objects = pdf_stream(b"/Type /ObjStm /N 1 /First %d /Filter %s" % (len(header), filters), encode(header + action))
    message, _ = refusal("report.pdf", pdf_document(catalog(b"/OpenAction 4 0 R"), PAGES, objects))
    assert message.startswith("“report.pdf” is a PDF with scripts")


@pytest.mark.parametrize(
    "filters", [b"/LZWDecode", b"/LZW#44ecode", b"[/FlateDecode /RL]", b"[/FlateDecode /ASCIIHexDecode]", b"7 0 R"]
)
def test_pdf_with_an_object_stream_in_an_encoding_the_check_cannot_read_is_refused(filters):
    objects = pdf_stream(b"/Type /ObjStm /N 1 /First 4 /Filter " + filters, b"\x80\x0b\x60\x50")
    message, _ = refusal("report.pdf", pdf_document(catalog(), PAGES, objects))
    assert message.startswith("“report.pdf” is encrypted or packed in a way that cannot be checked")


def test_encrypted_pdf_is_refused():
    document = pdf_document(catalog(), PAGES).replace(b"<< /Root 1 0 R >>", b"<< /Root 1 0 R /Encrypt 3 0 R >>")
    message, _ = refusal("report.pdf", document)
    assert message.startswith("“report.pdf” is encrypted or packed in a way that cannot be checked")


def test_pdf_whose_compressed_content_exceeds_the_bound_is_refused_within_memory_bound():
    stream = pdf_stream(b"/Filter /FlateDecode", deflated_zeros(200 * MB))
    message, peak = refusal("report.pdf", pdf_document(catalog(), PAGES, stream))
    assert message.startswith("“report.pdf” unpacks to too much data")
    assert peak < MEMORY_BOUND


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("report.docm", docx({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0",
                                              "[Content_Types].xml": MACRO_TYPES}), id="docm"),
        pytest.param("report.docx", docx({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}), id="vba-project-part"),
        pytest.param("report.docx", docx({"[Content_Types].xml": MACRO_TYPES}), id="macro-content-type"),
        pytest.param("report.docx", docx({"word/embeddings/Sheet1.xlsm": b"PK"}), id="macro-workbook-inside"),
        pytest.param("report.odt", odt({"Basic/Standard/Module1.xml": "<script:module/>"}), id="odt-basic"),
        pytest.param("report.odt", odt({"Scripts/python/run.py": "import os"}), id="odt-scripts"),
    ],
)
def test_office_document_with_macros_is_refused(name, content):
    message, _ = refusal(name, content)
    assert message.startswith(f"“{name}” contains macros or other active content")


@pytest.mark.parametrize(
    ("target", "relationship"),
    [
        ("http://evil.example/page.html!", "oleObject"),  # CVE-2022-30190
        ("https://evil.example/template.dotm", "attachedTemplate"),
        ("\\\\evil.example\\share\\template.dotm", "attachedTemplate"),
    ],
)
def test_word_document_that_loads_remote_content_is_refused(target, relationship):
    rels = (f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId9" Type="{RELS}/{relationship}" Target="{target}" TargetMode="External"/>'
            f"</Relationships>")
    message, _ = refusal("report.docx", docx({"word/_rels/document.xml.rels": rels}))
    assert message.startswith("“report.docx” contains macros or other active content")


def test_odt_with_a_script_event_is_refused():
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<office:event-listeners><script:event-listener script:language="ooo:script" script:event-name="dom:load" '
        'xlink:href="vnd&#46;sun.star.script:../../../program/python-core/lib/pydoc.py$tempfilepager(1, calc)'
        '?language=Python&amp;location=share"/></office:event-listeners></office:document-content>'
    )
    message, _ = refusal("report.odt", odt({"content.xml": content}))
    assert message.startswith("“report.odt” contains macros or other active content")


@pytest.mark.parametrize(
    ("name", "content", "part"),
    [
        pytest.param("invoice.docx", zipped({"[Content_Types].xml": DOCX_TYPES, "word/document.xml": "<w:document/>",
                                             "invoice.exe": b"MZ\x90\x00"}), "invoice.exe", id="program"),
        pytest.param("report.docx", docx({"word/media/update.js": "WScript.Shell"}), "update.js", id="script"),
        pytest.param("report.docx", docx({"payload/notes.txt": "hello"}), "notes.txt", id="foreign-folder"),
        pytest.param("report.docx", docx({"word/media/photos.zip": zipped({"a.txt": "a"})}), "photos.zip",
                     id="archive"),
        pytest.param("report.odt", odt({"Pictures/setup.exe": b"MZ\x90\x00"}), "setup.exe", id="odt-program"),
        pytest.param("report.odt", odt({"[Content_Types].xml": DOCX_TYPES}), "[Content_Types].xml", id="odt-docx"),
    ],
)
def test_archive_holding_what_its_document_type_does_not_is_refused(name, content, part):
    message, _ = refusal(name, content)
    assert message.startswith(f"“{name}” contains “{part}”, which does not belong in")


def test_docx_whose_document_inflates_to_300_mb_is_refused_within_memory_bound():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", DOCX_TYPES)
        with archive.open("word/document.xml", "w") as entry:
            for _ in range(300):
                entry.write(bytes(MB))
    message, peak = refusal("report.docx", buffer.getvalue())
    assert message.startswith("“report.docx” unpacks to too much data")
    assert peak < MEMORY_BOUND


JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("photo.jpg", JPEG_HEAD + b"\xff\xfe\x00\x2a<html><script>alert(1)</script></html>\xff\xd9",
                     id="jpeg-html-polyglot"),
        pytest.param("scan.png", PNG_BYTES + b"<HTML>", id="html"),
        pytest.param("scan.png", PNG_BYTES + b"<Script>alert(1)</Script>", id="script"),
        pytest.param("scan.png", PNG_BYTES + b"<svg onload=alert(1)>", id="svg"),
        pytest.param("scan.png", PNG_BYTES + b"<iframe src=//evil.example>", id="iframe"),
        pytest.param("scan.png", PNG_BYTES + b"<body onload=alert(1)>", id="body"),
        pytest.param("scan.png", PNG_BYTES + b"<?xml version='1.0'?><x/>", id="xml"),
    ],
)
def test_image_carrying_markup_is_refused(name, content):
    message, _ = refusal(name, content)
    assert message.startswith(f"“{name}” is an image that also contains web page code")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("fake.pdf", b"Just some text.\n", "“fake.pdf” is a text file, not a PDF: rename it or choose another file."),
        ("photo.png", JPEG_HEAD + b"\xff\xd9", "“photo.png” is a JPEG image, not a PNG image: rename it or choose "
                                               "another file."),
        ("draft.odt", docx(), "“draft.odt” is a DOCX document, not an ODT document: rename it or choose another "
                              "file."),
        ("notes.md", b"# Notes\n", "“notes.md” is a text file, not a “.md” file: rename it or choose another file."),
    ],
    ids=["text-as-pdf", "jpeg-as-png", "docx-as-odt", "text-as-md"],
)
def test_file_whose_name_does_not_match_its_content_is_refused(name, content, message):
    assert refusal(name, content)[0] == message
