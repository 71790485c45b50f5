"""The console list's ChangeList: its rows leave the long texts unread and name related objects read once."""
from django.contrib.admin.views.main import ChangeList

from proposals.console.related import related_rows

# Up to 20,000 characters each for the texts, and six summaries and responses: most of a row's bytes.
NOT_IN_LIST_ROWS = (
    "text", "rationale", "summary_kk", "summary_ru", "summary_en", "response_kk", "response_ru", "response_en",
)


class ConsoleChangeList(ChangeList):
    def get_results(self, request):
        # Only the displayed rows: the export and the bulk actions start from get_queryset(), read every column
        # and keep the joins.
        self.queryset = self.queryset.defer(*NOT_IN_LIST_ROWS).select_related(None)
        super().get_results(request)
        related_rows(request, self.model_admin).attach(self.result_list)
