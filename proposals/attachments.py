"""Attachment checks and storage: type by content (magic bytes), bounded archive reads, size limits, safe names."""
import hashlib
import re
import struct
import unicodedata
import uuid
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

SNIFF_BYTES = 8192
MB = 1024 * 1024

PDF = ("pdf", "application/pdf")
DOCX = ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
ODT = ("odt", "application/vnd.oasis.opendocument.text")
TXT = ("txt", "text/plain")
PNG = ("png", "image/png")
JPEG = ("jpg", "image/jpeg")
ALLOWED_LABEL = "PDF, DOCX, ODT, TXT, PNG, JPEG"

# Office documents are zip archives. One has tens of parts, a few hundred at most; its parts are text and
# pictures, which deflate well but not a hundredfold once they are large.
ZIP_MAX_ENTRIES = 1000
ZIP_MAX_DIRECTORY_BYTES = 512 * 1024
ZIP_MAX_ENTRY_BYTES = 50 * MB  # uncompressed size of one part, as declared
ZIP_MAX_TOTAL_BYTES = 100 * MB  # of all parts together
ZIP_MAX_RATIO = 100  # uncompressed / compressed size of a part larger than ZIP_RATIO_FROM
ZIP_RATIO_FROM = MB

# Bidirectional overrides and other invisible format characters can disguise a name ("evil‮fdp.exe").
_INVISIBLE = re.compile(r"[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")

DAMAGED = _("“%(name)s” is damaged or built to hide what it contains: save it again from the program that made it.")
TOO_MANY_FILES = _(
    "“%(name)s” contains too many files to be a document: save it again as a PDF or as an ordinary DOCX or ODT file."
)
TOO_MUCH_DATA = _("“%(name)s” unpacks to too much data to be checked safely: save it as a smaller file or as a PDF.")


class AttachmentError(ValueError):
    """A file was refused; the message says why to the person who sent it."""


def _refusal(message, display, **values):
    return AttachmentError(message % {"name": display, **values})


@dataclass(frozen=True)
class CheckedFile:
    upload: object  # the UploadedFile
    extension: str
    content_type: str
    original_name: str
    size: int
    sha256: str


def sniff(upload):
    """(extension, content type) of what the file really is, or None if it is not an allowed type.

    Raises AttachmentError for an office document that cannot be opened within bounds.
    """
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


# Office documents (zip archives)

class _ReadTooLarge(Exception):
    """zipfile asked for more bytes in one read than a bounded archive needs."""


class _BoundedReader:
    """The upload as zipfile reads it, refusing any single read larger than ``limit`` bytes.

    zipfile reads the central directory in one call of the size the end record gives; should it find a
    record _zip_directory did not, this keeps that read (or any other) from growing with the claim.
    """

    def __init__(self, file, limit):
        self._file, self._limit = file, limit
        file.seek(0, 2)
        self._size = file.tell()
        file.seek(0)

    def read(self, n=-1):
        left = max(0, self._size - self._file.tell())
        wanted = left if n is None or n < 0 else min(n, left)
        if wanted > self._limit:
            raise _ReadTooLarge
        return self._file.read(wanted)

    def seek(self, offset, whence=0):
        return self._file.seek(offset, whence)

    def tell(self):
        return self._file.tell()

    def seekable(self):
        return True


_END_RECORD = struct.Struct("<4s4H2LH")
_END_RECORD_64_LOCATOR = struct.Struct("<4sLQL")
_END_RECORD_64 = struct.Struct("<4sQ2H2L4Q")


def _zip_directory(upload):
    """(entries, central directory bytes) as the archive's end records say, found where zipfile looks; None if none.

    zipfile.ZipFile() parses the whole central directory as soon as it is opened (120,000 entries took
    seconds and tens of MB), so its size is read here first, from the end of the file.
    """
    upload.seek(0, 2)
    size = upload.tell()
    if size < _END_RECORD.size:
        return None
    start = max(0, size - _END_RECORD.size - 0xFFFF)  # the record, then a comment of at most 64 KB
    upload.seek(start)
    tail = upload.read(size - start)
    at = len(tail) - _END_RECORD.size
    if not (tail.startswith(b"PK\x05\x06", at) and tail.endswith(b"\x00\x00")):
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or at + _END_RECORD.size > len(tail):
            return None
    entries, directory_bytes = _END_RECORD.unpack_from(tail, at)[4:6]
    locator_at = start + at - _END_RECORD_64_LOCATOR.size
    if locator_at >= 0:
        upload.seek(locator_at)
        if upload.read(4) == b"PK\x06\x07":
            if locator_at < _END_RECORD_64.size:
                return None
            upload.seek(locator_at - _END_RECORD_64.size)
            record = _END_RECORD_64.unpack(upload.read(_END_RECORD_64.size))
            if record[0] == b"PK\x06\x06":
                entries, directory_bytes = record[7], record[8]
    return entries, directory_bytes


def _sniff_zip(upload):
    """ODT or DOCX once the archive's directory and sizes are checked; None for any other archive.

    An entry inflates as far as it is read (zipfile's read() inflates all of it at once, whatever size
    it declares), so only the ODT mimetype's first bytes are read.
    """
    display = safe_name(upload.name)
    try:
        directory = _zip_directory(upload)
        if directory is None:
            return None
        entries, directory_bytes = directory
        if entries > ZIP_MAX_ENTRIES or directory_bytes > ZIP_MAX_DIRECTORY_BYTES:
            raise _refusal(TOO_MANY_FILES, display)
        with zipfile.ZipFile(_BoundedReader(upload, ZIP_MAX_DIRECTORY_BYTES)) as archive:
            infos = archive.infolist()
            _check_zip_sizes(infos, upload.size, display)
            return _zip_kind(archive, infos)
    except AttachmentError:
        raise
    except _ReadTooLarge:
        raise _refusal(TOO_MANY_FILES, display) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError, RuntimeError,
            NotImplementedError, ValueError, struct.error, zlib.error):
        raise _refusal(DAMAGED, display) from None
    finally:
        upload.seek(0)


def _check_zip_sizes(infos, upload_size, display):
    """Refuse an archive with too many parts, sizes that cannot be true, or more data than a document has."""
    if len(infos) > ZIP_MAX_ENTRIES:
        raise _refusal(TOO_MANY_FILES, display)
    names = set()
    total = 0
    for info in infos:
        name = info.filename.casefold()
        if name in names:  # two parts of one name: programs disagree on which one is the document
            raise _refusal(DAMAGED, display)
        names.add(name)
        # Deflate adds a few bytes per block at most: a part whose compressed data is larger than its
        # declared size lies about that size (a bomb declaring 50 bytes that inflate to a gigabyte).
        if (
            info.flag_bits & 0x1  # encrypted
            or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
            or info.compress_size > upload_size
            or (info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size)
            or info.compress_size > info.file_size + info.file_size // 1000 + 64
        ):
            raise _refusal(DAMAGED, display)
        if info.file_size > ZIP_MAX_ENTRY_BYTES or (
            info.file_size > ZIP_RATIO_FROM and info.file_size > ZIP_MAX_RATIO * info.compress_size
        ):
            raise _refusal(TOO_MUCH_DATA, display)
        total += info.file_size
    if total > ZIP_MAX_TOTAL_BYTES:
        raise _refusal(TOO_MUCH_DATA, display)


def _zip_kind(archive, infos):
    by_name = {info.filename: info for info in infos}
    if "mimetype" in by_name:
        with archive.open(by_name["mimetype"]) as entry:
            head = entry.read(len(ODT[1]) + 16)
        return ODT if head.strip() == ODT[1].encode() else None
    if "[Content_Types].xml" in by_name and any(name.startswith("word/") for name in by_name):
        return DOCX
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
    problem: too many files, a file too large, all files too large together, a type
    that is not allowed (judged by content, not by name or the browser's claim), or an
    archive that cannot be opened within bounds.
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

