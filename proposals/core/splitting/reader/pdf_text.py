"""The text of a PDF, page by page, read with pypdf, its decompression limits tightened to the child's memory."""
import io
import logging

from pypdf import PdfReader, overwrite_configuration
from pypdf.errors import LimitReachedError

MAX_PAGES = 2000
# One decoded stream may take this share of the child's memory: the parser and the text need the rest.
STREAM_SHARE = 4


def pdf_text(data, max_chars, memory_bytes):
    """The text of the PDF ``data``: each page's lines, pages separated by a blank line, up to ``max_chars``.

    A stream that decodes to more than a quarter of ``memory_bytes`` stops pypdf (it checks as it inflates)
    and is reported as MemoryError, as if the allocation had failed: the file needs more memory than allowed.
    pypdf's other limits (page tree depth, cycles, tokens) make the file unreadable, as a damaged one is.
    """
    # pypdf reports every oddity of a damaged file as a log line; the parent wants the text or one reason.
    logging.disable(logging.CRITICAL)
    cap = memory_bytes // STREAM_SHARE
    overwrite_configuration(
        maximum_declared_stream_length=cap, array_based_stream_maximum_output_length=cap,
        jbig2_maximum_output_length=cap, lzw_maximum_output_length=cap, run_length_maximum_output_length=cap,
        zlib_maximum_output_length=cap, image_maximum_buffer_size=cap,
    )
    try:
        reader = PdfReader(io.BytesIO(data))
        pages, size = [], 0
        for number, page in enumerate(reader.pages):
            if number >= MAX_PAGES or size > max_chars:
                break
            text = page.extract_text() or ""
            pages.append(text)
            size += len(text) + 2
    except LimitReachedError as exc:
        if _while_decoding(exc):
            raise MemoryError(str(exc)) from exc
        raise
    return "\n\n".join(pages)


def _while_decoding(exc):
    """Whether pypdf's decoders (pypdf.filters, where the stream size caps are checked) raised ``exc``."""
    frame = exc.__traceback__
    while frame is not None:
        if frame.tb_frame.f_globals.get("__name__") == "pypdf.filters":
            return True
        frame = frame.tb_next
    return False
