"""Helpers for posting the public form as a browser would (a valid start time and one-time token)."""
import io
import uuid
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from proposals.forms import signed_start
from proposals.models import Party, Region

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def docx_bytes():
    """A minimal DOCX: a zip with the content-types file and a word/ part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def pdf(name="proposal.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def form_data(kind="citizen", **overrides):
    """A complete, valid POST body for ``kind``; ``overrides`` replace or add fields (None removes one)."""
    data = {
        "submitter_kind": kind,
        "email": "aigul@example.org",
        "region": str(Region.objects.get(slug="almaty").pk),
        "title": "Бірпалаталы Парламенттің құрамы",
        "text": "Депутаттар санын 150-ге дейін көбейтуді ұсынамын, себебі өңірлердің өкілдігі артады.",
        "rationale": "",
        "category": "",
        "articles": "49, 50-1",
        "language": "kk",
        "consent": "on",
        "website": "",
        "started": signed_start(seconds_ago=60),
        "submission_token": uuid.uuid4().hex,
    }
    data.update({
        "citizen": {"citizen_name": "Айгүл Сәрсенбаева", "citizen_phone": "+7 701 555 01 01"},
        "party": {"party": str(Party.objects.get(slug="amanat").pk), "party_contact": "Ерлан Қасымов",
                  "party_position": "Заң бөлімінің басшысы"},
        "ngo": {"org_name": "«Ашық қоғам» қоғамдық бірлестігі", "org_contact": "Дина Омарова",
                "org_position": "Төраға"},
        "business": {"org_name": "Ассоциация предпринимателей Павлодарской области", "org_contact": "Олег Ким",
                     "org_position": "Директор"},
        "expert": {"expert_name": "Мұрат Әбенов", "expert_affiliation": "Әл-Фараби атындағы ҚазҰУ"},
    }[kind])
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


class CountingBody:
    """A request body (wsgi.input) that counts every attempt to read it (``reads == 0``: nothing read it)."""

    def __init__(self):
        self.reads = 0

    def read(self, size=-1):
        self.reads += 1
        return b""

    readline = read
