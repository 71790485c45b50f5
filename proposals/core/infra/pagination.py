"""Keyset pagination: "next" and "previous" cursors instead of page numbers, so page 5,000 costs what page 1 does."""
import base64
import datetime
import json
from dataclasses import dataclass

from django.db.models import Q

# Dates outside these years cannot concern the reform: a cursor or a filter carrying one is not read as a date.
EARLIEST_YEAR, LATEST_YEAR = 1990, 2200


@dataclass
class Page:
    items: list
    next_cursor: str | None
    previous_cursor: str | None


def encode(values, direction):
    raw = json.dumps([direction, [v.isoformat() if isinstance(v, datetime.datetime) else v for v in values]])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor, keys):
    """(direction, values) from a cursor string, or None for anything malformed (then the first page is shown)."""
    if not cursor or len(cursor) > 200:
        return None
    try:
        direction, values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if direction not in ("next", "previous") or len(values) != len(keys):
            return None
        parsed = []
        for (_field, _descending, kind), value in zip(keys, values, strict=True):
            if kind == "datetime":
                value = datetime.datetime.fromisoformat(value)
                if value.tzinfo is None or not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
                    return None
            elif kind == "int":
                value = int(value)
            parsed.append(value)
        return direction, parsed
    except (ValueError, TypeError, json.JSONDecodeError, UnicodeDecodeError):
        return None


def _after(keys, values, reverse=False):
    """The rows strictly after ``values`` in the order ``keys`` (or before, if ``reverse``).

    (a, b) < (x, y) is written a <= x AND (a < x OR (a = x AND b < y)): the same rows, and the leading
    range condition lets the database start its index scan at the cursor instead of at the first row.
    """
    condition = Q()
    for index, (field, descending, _kind) in enumerate(keys):
        forward = descending != reverse
        step = Q(**{f"{field}__{'lt' if forward else 'gt'}": values[index]})
        for earlier in range(index):
            step &= Q(**{keys[earlier][0]: values[earlier]})
        condition |= step
    first_field, first_descending, _kind = keys[0]
    bound = Q(**{f"{first_field}__{'lte' if first_descending != reverse else 'gte'}": values[0]})
    return bound & condition


def with_cursor(params, cursor):
    """The query string of ``params`` (a QueryDict: the filters) with ``cursor`` in place of any other."""
    params = params.copy()
    params["cursor"] = cursor
    return params.urlencode()


def paginate(queryset, keys, cursor, per_page, window=None):
    """One page of ``queryset`` ordered by ``keys`` [(field, descending, "datetime"|"int"), ...].

    The last key must be unique (the primary key). Fetches one extra row to know whether
    another page follows; no COUNT and no OFFSET.

    ``window`` = (superset, size) bounds a query no index can read in key order (a full-text search):
    it first looks only as far as the ``size``-th row of ``superset`` (a queryset holding every row of
    ``queryset``, read in key order from an index) past the cursor, and reads further only when that
    stretch holds less than a page.
    """
    order = [f"-{field}" if descending else field for field, descending, _kind in keys]
    reverse_order = [field if descending else f"-{field}" for field, descending, _kind in keys]
    decoded = decode(cursor, keys)
    backwards = decoded is not None and decoded[0] == "previous"
    after = Q() if decoded is None else _after(keys, decoded[1], reverse=backwards)
    rows = _read(queryset, keys, after, reverse_order if backwards else order, per_page + 1, backwards, window)
    if backwards:
        has_before, has_more = len(rows) > per_page, True
        rows = list(reversed(rows[:per_page]))
    else:
        has_more, has_before = len(rows) > per_page, decoded is not None
        rows = rows[:per_page]
    values = [[getattr(row, field) for field, _d, _k in keys] for row in rows]
    return Page(
        items=rows,
        next_cursor=encode(values[-1], "next") if rows and has_more else None,
        previous_cursor=encode(values[0], "previous") if rows and has_before else None,
    )


def _read(queryset, keys, after, order, limit, backwards, window):
    """The first ``limit`` rows after the cursor, looking inside the window first if there is one."""
    if window is not None:
        superset, size = window
        field, descending, _kind = keys[0]
        edge = list(superset.filter(after).order_by(*order).values_list(field, flat=True)[size - 1 : size])
        if edge:
            # Every row beyond the edge comes after every row inside it, so a full page inside is the page.
            inside = {f"{field}__{'gte' if descending != backwards else 'lte'}": edge[0]}
            rows = list(queryset.filter(after, **inside).order_by(*order)[:limit])
            if len(rows) == limit:
                return rows
    return list(queryset.filter(after).order_by(*order)[:limit])
