"""The backlog clustering as a task (Django's tasks API): the console's button enqueues it, a worker runs it."""
from django.contrib.auth import get_user_model
from django_tasks import task

from proposals.core.ideas.arrivals import suggest_for_points
from proposals.core.ideas.backlog import cluster_backlog


@task()
def cluster_backlog_task(actor_id=None):
    """Cluster the backlog into suggested ideas, as ``actor_id``'s request (their name on the ideas' events)."""
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    run = cluster_backlog(actor=actor)
    return {"points": run.points, "ideas_created": run.ideas_created, "suggestions": run.suggestions}


@task()
def suggest_for_points_task(point_ids):
    """Suggest new points (a new or imported proposal's) to their likely ideas (arrivals.suggest_for_points)."""
    return suggest_for_points(point_ids)
