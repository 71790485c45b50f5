"""A paginator that never counts a huge list exactly: on PostgreSQL, past a limit, the planner's estimate."""
import json

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

EXACT_COUNT_LIMIT = 10_000
# A search's matches are counted to a thousand, as the register counts them: a common word's matches are long rows
# (each with its text's search vector), and counting ten thousand of them read 65,000 rows at a million proposals.
SEARCH_COUNT_LIMIT = 1_000


class EstimatedCountPaginator(Paginator):
    """Exact counts up to EXACT_COUNT_LIMIT rows; above it, the planner's estimate (PostgreSQL).

    Both queries run for every list, so a page costs the same number of queries whatever the table's size;
    the count stops at the limit (a LIMIT inside it), so neither grows with the table. ``count_limit`` lowers the
    limit (the console passes SEARCH_COUNT_LIMIT for a search).
    """

    def __init__(self, *args, count_limit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_limit = EXACT_COUNT_LIMIT if count_limit is None else count_limit

    @cached_property
    def count(self):
        queryset = self.object_list
        connection = connections[queryset.db]
        if connection.vendor != "postgresql":
            return super().count
        estimate = self._estimate(connection)
        counted = queryset.order_by().values("pk")[: self.count_limit + 1].count()
        if counted <= self.count_limit:
            return counted
        return max(estimate, self.count_limit + 1)

    def _estimate(self, connection):
        sql, params = self.object_list.order_by().values("pk").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        return int(plan[0]["Plan"]["Plan Rows"])
