"""Spreadsheet safety: free text that a spreadsheet would run as a formula is exported as plain text."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """``value`` for a CSV cell: text starting with = + - @ (or a tab or carriage return) gets a leading apostrophe.

    The stored text is never changed; every export writes its cells through this function.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
