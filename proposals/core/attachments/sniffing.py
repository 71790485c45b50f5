"""A file's type by its content (magic bytes), never by its name or the browser's claim."""
from proposals.core.attachments.common import JPEG, PDF, PNG, SNIFF_BYTES, TXT
from proposals.core.attachments.office import sniff_zip


def sniff(upload):
    """(extension, content type) of what the file really is, or None if it is not an allowed type.

    Raises AttachmentError for an office document that cannot be opened within bounds or that holds what
    its type does not (macros, programs, remote content).
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
        return sniff_zip(upload)
    if _looks_like_text(upload):
        return TXT
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
