"""The console list's ChangeList: its rows leave the long texts unread."""
from django.contrib.admin.views.main import ChangeList

# Up to 20,000 characters each for the texts, and six summaries and responses: most of a row's bytes.
NOT_IN_LIST_ROWS = (
    "text", "rationale", "summary_kk", "summary_ru", "summary_en", "response_kk", "response_ru", "response_en",
)


class ConsoleChangeList(ChangeList):
    def get_results(self, request):
        # Only the displayed rows: the export and the bulk actions start from get_queryset() and read every column.
        self.queryset = self.queryset.defer(*NOT_IN_LIST_ROWS)
        super().get_results(request)
