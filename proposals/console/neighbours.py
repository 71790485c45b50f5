"""Next and previous proposal within the console list a desk page was opened from: its filters, search and ordering.

Hand-written because the admin has no such thing. The list is rebuilt from the page's preserved filters by the
admin's own ChangeList (so the filters, the search and the column ordering are exactly the list's), without its
page of results; then one keyset query (``WHERE`` the ordering's key is beyond the current row's, ``LIMIT 1``) finds
the neighbour. No ``OFFSET`` and no count: the cost does not grow with the row's place in a list of a million.
"""
import copy

from django.db import connection
from django.db.models import F, Q
from django.db.models.expressions import OrderBy
from django.http import QueryDict

from proposals.console.changelist import ConsoleChangeList

NEXT, PREVIOUS = "next", "previous"


class KeysetChangeList(ConsoleChangeList):
    """The console's ChangeList with its filters, search and ordering, but without reading a page of results."""

    def get_results(self, request):
        self.result_count = self.full_result_count = None


class UnsupportedOrdering(Exception):
    """The list is ordered by an expression a keyset cannot follow."""


def list_request(request, preserved_filters):
    """A copy of ``request`` whose query string is the list's (``_changelist_filters`` of the desk page)."""
    listed = copy.copy(request)
    listed.GET = QueryDict(preserved_filters or "")
    listed.keyset_only = True
    return listed


def neighbour(modeladmin, request, pk, direction, preserved_filters):
    """The primary key of the row after (``next``) or before (``previous``) ``pk`` in the filtered list, or None.

    ``pk`` need not be in the list any more (an action may have moved it out of a filtered queue): the neighbour
    is the row next to where it stood. Queries: the list's filter choices (a few, as the list page itself), the
    current row's key, and the neighbour.
    """
    listed = list_request(request, preserved_filters)
    changelist = modeladmin.get_changelist_instance(listed)
    ordering = changelist.get_ordering(listed, changelist.root_queryset)
    keys = ordering_keys(ordering, changelist.model)
    values = changelist.root_queryset.filter(pk=pk).values_list(*(key[0] for key in keys)).first()
    if values is None:
        return None
    rows = changelist.queryset.order_by(*ordering)
    if direction == PREVIOUS:
        rows = rows.reverse()
    forward = direction == NEXT
    beyond = after(keys, values, forward=forward, nulls_high=connection.vendor == "postgresql")
    return rows.filter(beyond).values_list("pk", flat=True).first()


def ordering_keys(ordering, model):
    """[(path, descending, nullable)] for a ChangeList ordering, each path once; a relation orders by its model's own
    ordering, as Django does."""
    keys, seen = [], set()
    for item in ordering:
        if isinstance(item, str):
            descending, name = item.startswith("-"), item.lstrip("-")
        elif isinstance(item, OrderBy) and isinstance(item.expression, F):
            descending, name = item.descending, item.expression.name
        else:
            raise UnsupportedOrdering(item)
        if name == "?":
            raise UnsupportedOrdering(item)
        for path, flag, nullable in _expand(model, name, descending):
            if path not in seen:
                seen.add(path)
                keys.append((path, flag, nullable))
    return keys


def _expand(model, name, descending):
    if name == "pk":
        return [(model._meta.pk.name, descending, False)]
    head, _sep, rest = name.partition("__")
    field = model._meta.get_field(head)
    if field.is_relation and not rest:
        related_ordering = field.related_model._meta.ordering
        if not related_ordering:
            return [(f"{name}_id", descending, field.null)]
        expanded = []
        for item in related_ordering:
            flip = item.startswith("-")
            expanded.extend(_expand(field.related_model, item.lstrip("-"), descending != flip))
        # A missing related row reads as NULL in every column of it.
        return [(f"{name}__{path}", flag, nullable or field.null) for path, flag, nullable in expanded]
    if field.is_relation:
        return [(f"{head}__{path}", flag, nullable or field.null)
                for path, flag, nullable in _expand(field.related_model, rest, descending)]
    return [(name, descending, field.null)]


def after(keys, values, *, forward, nulls_high):
    """Rows strictly beyond ``values`` along ``keys`` (or before them when not ``forward``).

    ``nulls_high``: the database sorts NULL above every value (PostgreSQL), else below it (SQLite), so the
    neighbour is the one the list itself would show next. The first key is also bounded on its own, so the
    database walks its index from the current row instead of from the start.
    """
    beyond, same = Q(pk__in=[]), Q()
    for (path, descending, nullable), value in zip(keys, values, strict=True):
        upward = forward != descending
        beyond |= same & _strictly(path, value, upward, nulls_high, nullable)
        same &= Q(**{f"{path}__isnull": True}) if value is None else Q(**{path: value})
    first_path, first_descending, first_nullable = keys[0]
    return _at_or_beyond(first_path, values[0], forward != first_descending, nulls_high, first_nullable) & beyond


def _at_or_beyond(path, value, upward, nulls_high, nullable):
    """Rows whose ``path`` is ``value`` or sorts beyond it: one range condition (``<=``, ``>=``) an index answers."""
    nulls = Q(**{f"{path}__isnull": True})
    if value is None:
        return nulls | _strictly(path, value, upward, nulls_high, nullable)
    ranged = Q(**{f"{path}__gte" if upward else f"{path}__lte": value})
    return ranged | nulls if nullable and upward == nulls_high else ranged


def _strictly(path, value, upward, nulls_high, nullable=True):
    """Rows whose ``path`` sorts strictly above (``upward``) or below ``value``, NULLs placed as the database does
    (a column that cannot be NULL gets no ``IS NULL`` alternative, which would keep the index from bounding it)."""
    nothing, nulls, not_null = Q(pk__in=[]), Q(**{f"{path}__isnull": True}), Q(**{f"{path}__isnull": False})
    if value is None:
        # NULL is the top (or bottom) of the order: beyond it lies every value, or nothing.
        return not_null if upward != nulls_high else nothing
    compared = Q(**{f"{path}__gt" if upward else f"{path}__lt": value})
    return compared | nulls if nullable and upward == nulls_high else compared
