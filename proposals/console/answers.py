"""Answer templates in the console: leads keep the standard responses the decision page offers."""
from django.contrib import admin

from proposals.core.models import AnswerTemplate


@admin.register(AnswerTemplate)
class AnswerTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "outcome", "reason", "is_active", "position"]
    list_filter = ["outcome", "reason", "is_active"]
    list_editable = ["is_active", "position"]
    search_fields = ["name", "text_kk", "text_ru", "text_en"]
    fields = ["name", "outcome", "reason", "text_kk", "text_ru", "text_en", "is_active", "position"]
