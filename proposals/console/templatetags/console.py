"""Template tags of the staff console."""
from django import template
from django.contrib.admin.templatetags.admin_list import result_headers
from django.contrib.admin.templatetags.base import InclusionAdminNode

from proposals.console.calendar import calendar_html
from proposals.console.rows import rows

register = template.Library()


@register.simple_tag
def calendar_hierarchy(cl):
    """Like the admin's {% date_hierarchy cl %}, at a cost that does not grow with the table."""
    return calendar_html(cl)


def console_result_list(cl):
    """What the admin's result_list gives its template, with the rows rendered by proposals.console.rows."""
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
