"""Each new or imported proposal's points meet the ideas: their likely ideas and twins become suggestions.

Runs as a task after the submission commits (tasks.suggest_for_points), so the submitter never waits for it; staff
see the suggestions on the idea desk and confirm them.
"""
from proposals.core.ideas.candidates import likely_for_point
from proposals.core.ideas.texts import MEMBER_STATES
from proposals.core.models import Point


def suggest_for_points(point_ids):
    """Suggest each point to its likeliest idea, else start a suggested idea with its likeliest twin (the earlier
    text leading). Returns the number of suggestions written."""
    from proposals.core.services.ideas import ideas_suggest

    written = 0
    # A proposal marked a duplicate, spam or withdrawn before the task ran is not answered: never suggested.
    points = Point.objects.select_related("proposal").filter(pk__in=list(point_ids), proposal__state__in=MEMBER_STATES)
    for point in points.order_by("pk"):
        likely = likely_for_point(point)
        plan = None
        for idea, match, _count in likely.ideas:
            if match.kind:
                plan = (idea, [(point, match)])
                break
        if plan is None and likely.ideas:
            idea, _match, _count = likely.ideas[0]
            twin_match = likely.twins[0][1]
            plan = (idea, [(point, twin_match)])
        if plan is None and likely.twins:
            twin, match = likely.twins[0]
            plan = (twin, [(twin, match.__class__(1.0, 1.0)), (point, match)])
        if plan is not None:
            written += ideas_suggest(clusters=[plan])[1]
    return written
