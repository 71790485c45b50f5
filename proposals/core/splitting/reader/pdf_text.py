"""The text of a PDF, page by page, read with pypdf (its own decompression limits stay on)."""
import io
import logging

from pypdf import PdfReader

MAX_PAGES = 2000


def pdf_text(data, max_chars):
    """The text of the PDF ``data``: each page's lines, pages separated by a blank line, up to ``max_chars``."""
    # pypdf reports every oddity of a damaged file as a log line; the parent wants the text or one reason.
    logging.disable(logging.CRITICAL)
    reader = PdfReader(io.BytesIO(data))
    pages, size = [], 0
    for number, page in enumerate(reader.pages):
        if number >= MAX_PAGES or size > max_chars:
            break
        text = page.extract_text() or ""
        pages.append(text)
        size += len(text) + 2
    return "\n\n".join(pages)
