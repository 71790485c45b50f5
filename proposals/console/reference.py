"""Reference data and the holiday calendar in the admin."""
from django.contrib import admin

from proposals.core.models import Category, Holiday, Party, Region


@admin.register(Category, Region, Party)
class ReferenceAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_kk", "name_ru", "name_en", "position"]
    search_fields = ["slug", "name_kk", "name_ru", "name_en"]


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ["date", "name_kk", "name_ru", "name_en"]
    date_hierarchy = "date"
    search_fields = ["name_kk", "name_ru", "name_en"]
