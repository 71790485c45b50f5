"""Template helpers of ideas: the idea a point belongs to, an idea's title language, counts by kind."""
from django import template

from proposals.core.models.reference import language_of

register = template.Library()


@register.filter
def idea_of(point_ideas, point):
    """The {"idea", "size"} of ``point`` in ``point_ideas`` (public.ideas_of_points()), or None."""
    return point_ideas.get(getattr(point, "pk", None))


@register.filter
def only_idea(point_ideas):
    """The one {"idea", "size"} of a one-point proposal's ``point_ideas``, or None."""
    return next(iter(point_ideas.values()), None) if len(point_ideas) == 1 else None


@register.filter
def title_language(idea):
    """The language ``idea.title`` is written in."""
    return language_of(idea, "title")
