"""Template helpers: which language a summary is shown in, and bar widths for server-rendered charts."""
from django import template

from proposals.models import CONTENT_LANGUAGES

register = template.Library()


@register.filter
def summary_language(proposal, language):
    """The language whose summary is shown for ``language``: itself if written, else the first that is."""
    order = [language] + [code for code in CONTENT_LANGUAGES if code != language]
    for code in order:
        if getattr(proposal, f"summary_{code}", ""):
            return code
    return language


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
