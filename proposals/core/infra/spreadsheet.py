"""CSV for spreadsheets: UTF-8 with a byte-order mark, every text cell quoted, and no part of one runs as a formula."""
import csv
import re

# A formula may start a cell or any part of it that a spreadsheet splits off: Russian and Kazakh locales split on
# ";", others on "," or tabs, and a naive import splits lines even inside quotes. Spaces and quote marks before
# it are stripped by some imports, so they do not protect it.
FORMULA = re.compile(r"""(^|[;,\t\r\n])([\s"]*)(?=[=+\-@])""")


def neutralise(value):
    """``value`` for a CSV cell: an apostrophe before = + - @ wherever they would start a formula.

    That is at the start of the text, or of any part after ; , a tab or a line break (after spaces and
    double quotes). The stored text is never changed; every export writes its cells through this function.
    """
    if isinstance(value, str):
        return FORMULA.sub(r"\1\2'", value)
    return value


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a streaming response."""

    def write(self, value):
        return value


def stream_csv(header, rows):
    """CSV lines for a streaming response: BOM and ``header`` first, then ``rows`` with safe cells (None is empty).

    Every text cell is quoted, so a spreadsheet that splits on ";" (which the csv module would not quote) keeps
    a cell whole.
    """
    writer = csv.writer(_Echo(), quoting=csv.QUOTE_NONNUMERIC)
    yield "\ufeff" + writer.writerow(header)
    for row in rows:
        yield writer.writerow(["" if value is None else neutralise(value) for value in row])
