"""Helpers for posting the public form as a browser would (a valid start time and one-time token), and its files."""
import io
import struct
import uuid
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

from proposals.core.models import Party, Region
from proposals.site.forms import signed_start

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def docx_bytes():
    """A minimal DOCX: a zip with the content-types file and a word/ part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


MB = 1024 * 1024
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def zipped(entries, compression=zipfile.ZIP_DEFLATED):
    """A zip archive holding ``entries`` ({name: text or bytes}), in that order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def odt_mimetype_bomb(inflated=200 * MB, declared=50):
    """An ODT whose ``mimetype`` entry declares ``declared`` bytes but inflates to ``inflated`` bytes of zeros.

    The deflate stream is written in 1 MB pieces, so building it never holds the inflated bytes; the
    declared size is then patched in the local header and in the central directory.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("mimetype", "w") as entry:
            entry.write(ODT_MIMETYPE)
            for _ in range(inflated // MB):
                entry.write(bytes(MB))
        archive.writestr("content.xml", "<office:document-content/>")
    data = bytearray(buffer.getvalue())
    struct.pack_into("<L", data, 22, declared)  # the first local header's uncompressed size
    directory = struct.unpack_from("<L", data, len(data) - 22 + 16)[0]
    struct.pack_into("<L", data, directory + 24, declared)  # the first central directory entry's
    return bytes(data)


def deflated_zeros(size):
    """A zlib stream of ``size`` zero bytes, compressed piece by piece."""
    compressor = zlib.compressobj(9)
    pieces = [compressor.compress(bytes(MB)) for _ in range(size // MB)]
    return b"".join(pieces) + compressor.flush()


def pdf_document(*objects):
    """A small PDF whose objects 1, 2, ... are ``objects`` (object 1 the catalog)."""
    body = b"".join(b"%d 0 obj\n%s\nendobj\n" % (number, obj) for number, obj in enumerate(objects, 1))
    return b"%PDF-1.7\n" + body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def pdf_stream(dictionary, data):
    """A stream object: ``dictionary`` entries, then ``data`` as it is stored."""
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (dictionary, len(data), data)


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
