"""The proposal page's list of the messages about it and their delivery state."""
from django import template

from proposals.core.models import Notification

register = template.Library()


@register.inclusion_tag("console/includes/notifications.html")
def proposal_notifications(proposal):
    """The proposal's messages, newest first (one query)."""
    rows = list(Notification.objects.filter(proposal=proposal).order_by("-created_at", "-id")[:50])
    return {"notifications": rows, "proposal": proposal}
