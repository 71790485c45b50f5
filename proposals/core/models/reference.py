"""Trilingual reference data: categories, regions, parties and the holiday calendar."""
from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

CONTENT_LANGUAGES = ("kk", "ru", "en")


def in_language(obj, field, language=None):
    """``obj.<field>_<lang>`` for the interface language, falling back through kk, ru, en."""
    return getattr(obj, f"{field}_{language_of(obj, field, language)}", "")


def language_of(obj, field, language=None):
    """The language in_language() reads ``field`` in: the interface language if written, else the first that is."""
    language = (language or get_language() or "kk")[:2]
    order = [language] + [code for code in CONTENT_LANGUAGES if code != language]
    for code in order:
        if getattr(obj, f"{field}_{code}", ""):
            return code
    return language


class TrilingualName(models.Model):
    """A reference record named in Kazakh, Russian and English."""

    slug = models.SlugField(_("code"), max_length=60, unique=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=200)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    position = models.PositiveSmallIntegerField(pgettext_lazy("display order", "position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return in_language(self, "name")


class Category(TrilingualName):
    is_active = models.BooleanField(_("active"), default=True)

    class Meta(TrilingualName.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")


class Region(TrilingualName):
    class Kind(models.TextChoices):
        REGION = "region", pgettext_lazy("kind of region", "Region")
        CITY = "city", _("City of republican significance")
        ABROAD = "abroad", _("Abroad")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.REGION)

    class Meta(TrilingualName.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Party(TrilingualName):
    class Meta(TrilingualName.Meta):
        verbose_name = _("political party")
        verbose_name_plural = _("political parties")


class Holiday(models.Model):
    """A public holiday or transferred day off: not a working day for deadlines. Staff correct the calendar."""

    date = models.DateField(_("date"), unique=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=200)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {in_language(self, 'name')}"
