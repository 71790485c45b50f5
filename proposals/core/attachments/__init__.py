"""Attachment checks: type by content, hostile content refused, size limits, safe names (one module per check)."""
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from proposals.core.attachments.common import (
    ALLOWED_LABEL,
    CHUNK_BYTES,
    DAMAGED,
    DOCX,
    FOREIGN_PART,
    IMAGE_MARKUP,
    JPEG,
    KIND_NAMES,
    MACROS,
    MB,
    MISMATCH,
    ODT,
    OTHER_KIND,
    PDF,
    PDF_ACTIVE,
    PDF_UNCHECKABLE,
    PNG,
    SNIFF_BYTES,
    TOO_MANY_FILES,
    TOO_MUCH_DATA,
    TXT,
    AttachmentError,
)
from proposals.core.attachments.images import check_image
from proposals.core.attachments.names import EXTENSION_ALIASES, check_name, clean_name, safe_name, stored_name
from proposals.core.attachments.office import (
    ZIP_MAX_DIRECTORY_BYTES,
    ZIP_MAX_ENTRIES,
    ZIP_MAX_ENTRY_BYTES,
    ZIP_MAX_RATIO,
    ZIP_MAX_TOTAL_BYTES,
    ZIP_MAX_XML_BYTES,
    ZIP_RATIO_FROM,
)
from proposals.core.attachments.pdf import PDF_MAX_DECODED_BYTES, PDF_MAX_LAYERS, PDF_MAX_STREAMS, check_pdf
from proposals.core.attachments.sniffing import sniff

# The package's names as the single module had them: callers import them from here.
__all__ = [
    "ALLOWED_LABEL", "CHUNK_BYTES", "DAMAGED", "DOCX", "EXTENSION_ALIASES", "FOREIGN_PART", "IMAGE_MARKUP", "JPEG",
    "KIND_NAMES", "MACROS", "MB", "MISMATCH", "ODT", "OTHER_KIND", "PDF", "PDF_ACTIVE", "PDF_MAX_DECODED_BYTES",
    "PDF_MAX_LAYERS", "PDF_MAX_STREAMS", "PDF_UNCHECKABLE", "PNG", "SNIFF_BYTES", "TOO_MANY_FILES", "TOO_MUCH_DATA",
    "TXT", "ZIP_MAX_DIRECTORY_BYTES", "ZIP_MAX_ENTRIES", "ZIP_MAX_ENTRY_BYTES", "ZIP_MAX_RATIO", "ZIP_MAX_TOTAL_BYTES",
    "ZIP_MAX_XML_BYTES", "ZIP_RATIO_FROM", "AttachmentError", "CheckedFile", "check", "clean_name", "safe_name",
    "sniff", "stored_name",
]


@dataclass(frozen=True)
class CheckedFile:
    upload: object  # the UploadedFile
    extension: str
    content_type: str
    original_name: str
    size: int
    sha256: str


def check(uploads):
    """Check a list of uploaded files against the type, content, name, size and count limits.

    Returns CheckedFile records. Raises AttachmentError with a message for the first
    problem: too many files, a file too large, all files too large together, a type
    that is not allowed (judged by content, not by name or the browser's claim), content
    that could act by itself or cannot be checked within bounds, or a name that claims
    another type than the content has.
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
        if kind == PDF:
            check_pdf(upload, display)
        elif kind in (PNG, JPEG):
            check_image(upload, display)
        check_name(display, extension)
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
