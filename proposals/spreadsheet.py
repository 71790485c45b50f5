"""CSV for spreadsheets: UTF-8 with a byte-order mark, and free text that would run as a formula kept as text."""
import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """``value`` for a CSV cell: text starting with = + - @ (or a tab or carriage return) gets a leading apostrophe.

    The stored text is never changed; every export writes its cells through this function.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a streaming response."""

    def write(self, value):
        return value


def stream_csv(header, rows):
    """CSV lines for a streaming response: BOM and ``header`` first, then ``rows`` with safe cells (None is empty)."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(header)
    for row in rows:
        yield writer.writerow(["" if value is None else neutralise(value) for value in row])
