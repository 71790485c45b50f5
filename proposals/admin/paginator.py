"""A paginator that never counts a huge table exactly: PostgreSQL's planner estimate above a threshold."""
import json

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

EXACT_COUNT_LIMIT = 20_000


class EstimatedCountPaginator(Paginator):
    """Exact counts for small tables (and on SQLite); above EXACT_COUNT_LIMIT rows, the planner's estimate."""

    @cached_property
    def count(self):
        queryset = self.object_list
        connection = connections[queryset.db]
        if connection.vendor != "postgresql" or self._table_rows(connection) < EXACT_COUNT_LIMIT:
            return super().count
        # Small filtered lists are counted exactly (cheaply, never past the limit); only big ones are estimated.
        counted = queryset.order_by().values("pk")[: EXACT_COUNT_LIMIT + 1].count()
        if counted <= EXACT_COUNT_LIMIT:
            return counted
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        return max(int(plan[0]["Plan"]["Plan Rows"]), EXACT_COUNT_LIMIT + 1)

    def _table_rows(self, connection):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(%s)",
                [self.object_list.model._meta.db_table],
            )
            row = cursor.fetchone()
        return row[0] if row and row[0] is not None else 0
