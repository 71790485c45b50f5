"""The console's filter sidebar, rendered once per query, language and set of choices in each process.

Its ten filters rebuild the query string for each of about a hundred links on every page. The HTML depends
only on the query, the language and the choices the filters list, so a key made of those is never stale, and
reading the page again, or another page of the same list, reuses it.

Measured (`benchmark --hand-written`, PostgreSQL, 10,000 proposals, preliminary): it saves 0.9% of the work
queue's median and 7.3% of a search's against Django's own {% admin_list_filter %}, below the 20% that keeps it.
"""
from django.contrib.admin.templatetags.admin_list import admin_list_filter
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.utils import translation
from django.utils.safestring import mark_safe


def filters_html(cl):
    """The HTML of every filter of changelist ``cl``, as the admin's {% admin_list_filter %} writes them."""
    return caches["fragments"].get_or_set(
        make_template_fragment_key("console-sidebar", _key(cl)),
        lambda: mark_safe("".join(admin_list_filter(cl, spec) for spec in cl.filter_specs)),
    )


def _key(cl):
    return translation.get_language(), cl.query_key(), tuple(map(_choices, cl.filter_specs))


def _choices(spec):
    # Choices read from the database, and the date filter's links (they move with today's date).
    listed = getattr(spec, "lookup_choices", ())
    links = tuple(map(str, getattr(spec, "links", ())))
    return type(spec), str(spec.title), tuple((str(value), str(label)) for value, label in listed), links
