"""Attachment checks and storage: type by content (magic bytes), size limits, safe names, cleanup on failure."""
import hashlib
import re
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

SNIFF_BYTES = 8192

PDF = ("pdf", "application/pdf")
DOCX = ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
ODT = ("odt", "application/vnd.oasis.opendocument.text")
TXT = ("txt", "text/plain")
PNG = ("png", "image/png")
JPEG = ("jpg", "image/jpeg")
ALLOWED_LABEL = "PDF, DOCX, ODT, TXT, PNG, JPEG"

# Bidirectional overrides and other invisible format characters can disguise a name ("evil‮fdp.exe").
_INVISIBLE = re.compile(r"[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


class AttachmentError(ValueError):
    """A file was refused; the message says why to the person who sent it."""


@dataclass(frozen=True)
class CheckedFile:
    upload: object  # the UploadedFile
    extension: str
    content_type: str
    original_name: str
    size: int
    sha256: str


def sniff(upload):
    """(extension, content type) of what the file really is, or None if it is not an allowed type."""
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    if _looks_like_text(upload):
        return TXT
    return None


def _sniff_zip(upload):
    # Office documents are zip archives; only their directory and one tiny entry are read, never the whole file.
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if (
                "mimetype" in names
                and archive.getinfo("mimetype").file_size < 100
                and archive.read("mimetype").strip() == ODT[1].encode()
            ):
                return ODT
            if "[Content_Types].xml" in names and any(name.startswith("word/") for name in names):
                return DOCX
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError):
        return None
    finally:
        upload.seek(0)
    return None


def _looks_like_text(upload):
    """Plain text in UTF-8 (with or without BOM) or Windows-1251, with no binary control bytes."""
    sample = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if not sample or b"\x00" in sample:
        return False
    if any(byte < 32 and byte not in (9, 10, 12, 13) for byte in sample):
        return False
    try:
        # A multi-byte character may be cut at the end of the sample.
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(sample) - 4:
            try:
                sample.decode("cp1251")
            except UnicodeDecodeError:
                return False
    return True


def safe_name(name):
    """The file name as sent, made safe to show: no folders, invisible or control characters."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = _INVISIBLE.sub("", name)
    return re.sub(r"\s+", " ", name).strip(" .")[:200] or "attachment"


def clean_name(name, extension):
    """The safe name with the extension of what the file really is (a PDF named .txt is kept as .pdf)."""
    name = safe_name(name)
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = stem[:150].strip(" .") or "attachment"
    return f"{stem}.{extension}"


def check(uploads):
    """Check a list of uploaded files against the type, size and count limits.

    Returns CheckedFile records. Raises AttachmentError with a message for the first
    problem: too many files, a file too large, all files too large together, or a type
    that is not allowed (judged by content, not by name or the browser's claim).
    """
    uploads = [upload for upload in uploads if upload]
    if len(uploads) > settings.PARLREFORM_MAX_ATTACHMENTS:
        raise AttachmentError(
            _("You can attach at most %(count)d files.") % {"count": settings.PARLREFORM_MAX_ATTACHMENTS}
        )
    checked = []
    total = 0
    for upload in uploads:
        display = safe_name(upload.name)
        if upload.size > settings.PARLREFORM_MAX_ATTACHMENT_BYTES:
            raise AttachmentError(
                _("“%(name)s” is larger than %(limit)s MB.")
                % {"name": display, "limit": settings.PARLREFORM_MAX_ATTACHMENT_BYTES // (1024 * 1024)}
            )
        if upload.size == 0:
            raise AttachmentError(_("“%(name)s” is empty.") % {"name": display})
        total += upload.size
        if total > settings.PARLREFORM_MAX_TOTAL_ATTACHMENT_BYTES:
            raise AttachmentError(
                _("The attached files together are larger than %(limit)s MB.")
                % {"limit": settings.PARLREFORM_MAX_TOTAL_ATTACHMENT_BYTES // (1024 * 1024)}
            )
        kind = sniff(upload)
        if kind is None:
            raise AttachmentError(
                _("“%(name)s” is not a PDF, DOCX, ODT, TXT, PNG or JPEG file.") % {"name": display}
            )
        extension, content_type = kind
        checked.append(
            CheckedFile(
                upload=upload,
                extension=extension,
                content_type=content_type,
                original_name=clean_name(upload.name, extension),
                size=upload.size,
                sha256=_sha256(upload),
            )
        )
    return checked


def _sha256(upload):
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def stored_name(extension):
    return f"{uuid.uuid4().hex}.{extension}"

