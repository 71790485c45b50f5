"""The console list's ChangeList: its rows leave the long texts unread (a list shows none of them)."""
from django.contrib.admin.views.main import ChangeList

# Up to 20,000 characters each for the texts, and six summaries and responses: most of a row's bytes.
NOT_IN_LIST_ROWS = (
    "text", "rationale", "summary_kk", "summary_ru", "summary_en", "response_kk", "response_ru", "response_en",
)


class ConsoleChangeList(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        return super().get_queryset(request, exclude_parameters).defer(*NOT_IN_LIST_ROWS)
