"""attachment_text: the plain text of an attachment (DOCX, ODT or PDF; "" for other types), read in a child."""
from django.conf import settings

from proposals.core.attachments.common import DOCX, ODT, PDF
from proposals.core.attachments.names import safe_name
from proposals.core.splitting.child import read_in_child
from proposals.core.splitting.errors import MISSING, TOO_LARGE, ExtractionError
from proposals.core.splitting.suggest import MAX_TEXT_CHARS

KINDS = {content_type: extension for extension, content_type in (DOCX, ODT, PDF)}
EXTENSIONS = {extension for extension, _ in (DOCX, ODT, PDF)}


def kind_of(attachment):
    """"docx", "odt" or "pdf" as the upload check recorded the file's type (its name as a fallback); else None."""
    kind = KINDS.get(attachment.content_type)
    if kind is None and not attachment.content_type:
        extension = attachment.original_name.rsplit(".", 1)[-1].lower()
        kind = extension if extension in EXTENSIONS else None
    return kind


def attachment_text(attachment):
    """The text of ``attachment`` (at most MAX_TEXT_CHARS characters); "" when it is not a DOCX, ODT or PDF.

    The file is read in a child process bounded by PARLREFORM_EXTRACT_SECONDS of CPU time (and a wall-clock
    timeout a little longer) and PARLREFORM_EXTRACT_MEMORY_MB of memory. Raises ExtractionError with a message
    naming the file when it is missing, larger than an upload may be, or cannot be read within those bounds.
    """
    kind = kind_of(attachment)
    if kind is None:
        return ""
    name = safe_name(attachment.original_name)
    limit = settings.PARLREFORM_MAX_ATTACHMENT_BYTES
    try:
        with attachment.file.open("rb") as file:
            data = file.read(limit + 1)
    except OSError as exc:
        raise ExtractionError(MISSING % {"name": name}) from exc
    if len(data) > limit:
        raise ExtractionError(TOO_LARGE % {"name": name, "megabytes": limit // (1024 * 1024)})
    return read_in_child(kind, data, name, MAX_TEXT_CHARS)
