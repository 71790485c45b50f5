"""Images that also carry markup a browser would run are refused."""
import re

from proposals.core.attachments.common import IMAGE_MARKUP, refusal

# Markup a browser would run if the file were ever shown as a page; a tag counts with what follows its name.
_MARKUP = re.compile(
    rb"<(?:html|head|body|script|svg|iframe|frame|frameset|object|embed|img|style|link|meta|form|base|title|"
    rb"!doctype)(?=[\s/>])|<\?xml(?=\s)",
    re.IGNORECASE,
)


def check_image(upload, display):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if _MARKUP.search(data):
        raise refusal(IMAGE_MARKUP, display)
