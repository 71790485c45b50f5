"""What the attachment checks share: the file types accepted, the refusal and its messages."""
from django.utils.translation import gettext_lazy as _

SNIFF_BYTES = 8192
MB = 1024 * 1024
CHUNK_BYTES = 64 * 1024  # what is inflated or parsed at a time

PDF = ("pdf", "application/pdf")
DOCX = ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
ODT = ("odt", "application/vnd.oasis.opendocument.text")
TXT = ("txt", "text/plain")
PNG = ("png", "image/png")
JPEG = ("jpg", "image/jpeg")
ALLOWED_LABEL = "PDF, DOCX, ODT, TXT, PNG, JPEG"

DAMAGED = _("“%(name)s” is damaged or built to hide what it contains: save it again from the program that made it.")
TOO_MANY_FILES = _(
    "“%(name)s” contains too many files to be a document: save it again as a PDF or as an ordinary DOCX or ODT file."
)
TOO_MUCH_DATA = _("“%(name)s” unpacks to too much data to be checked safely: save it as a smaller file or as a PDF.")
MACROS = _(
    "“%(name)s” contains macros or other active content, which are not accepted: save it without them or as a PDF."
)
FOREIGN_PART = _(
    "“%(name)s” contains “%(part)s”, which does not belong in a %(type)s document: send the document on its own."
)
PDF_ACTIVE = _(
    "“%(name)s” is a PDF with scripts, actions or embedded files, which are not accepted: print it to a new PDF "
    "or send it in another format."
)
PDF_UNCHECKABLE = _(
    "“%(name)s” is encrypted or packed in a way that cannot be checked: save or print it again as an ordinary PDF "
    "without a password."
)
IMAGE_MARKUP = _(
    "“%(name)s” is an image that also contains web page code, which is not accepted: export the image again or "
    "send a screenshot of it."
)
MISMATCH = _("“%(name)s” is %(actual)s, not %(claimed)s: rename it or choose another file.")
KIND_NAMES = {
    "pdf": _("a PDF"),
    "docx": _("a DOCX document"),
    "odt": _("an ODT document"),
    "txt": _("a text file"),
    "png": _("a PNG image"),
    "jpg": _("a JPEG image"),
}
OTHER_KIND = _("a “.%(extension)s” file")


class AttachmentError(ValueError):
    """A file was refused; the message says why to the person who sent it."""


def refusal(message, display, **values):
    return AttachmentError(message % {"name": display, **values})
