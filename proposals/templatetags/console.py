"""Template tags of the staff console."""
from django import template
from django.contrib.admin.templatetags.admin_list import result_headers
from django.contrib.admin.templatetags.base import InclusionAdminNode

from proposals.admin.calendar import calendar_hierarchy
from proposals.admin.rows import rows
from proposals.admin.sidebar import filters_html

register = template.Library()


@register.tag(name="calendar_hierarchy")
def calendar_hierarchy_tag(parser, token):
    """Like the admin's {% date_hierarchy cl %}, at a cost that does not grow with the table."""
    return InclusionAdminNode(
        parser, token, func=calendar_hierarchy, template_name="date_hierarchy.html", takes_context=False
    )


def console_result_list(cl):
    """What the admin's result_list gives its template, with the rows rendered by proposals.admin.rows."""
    headers = list(result_headers(cl))
    return {
        "cl": cl,
        "result_headers": headers,
        "num_sorted_fields": sum(1 for header in headers if header["sortable"] and header["sorted"]),
        "rows": rows(cl),
    }


@register.tag(name="console_result_list")
def console_result_list_tag(parser, token):
    """Like the admin's {% result_list cl %}, at a fraction of its cost per row."""
    return InclusionAdminNode(
        parser, token, func=console_result_list, template_name="console_results.html", takes_context=False
    )


@register.simple_tag
def console_filters(cl):
    """Like the admin's {% admin_list_filter %} for each of the list's filters, rendered once per query."""
    return filters_html(cl)
