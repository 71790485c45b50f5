"""Suggest ideas for the backlog: every point not yet in an idea, clustered by text similarity (staff confirm)."""
from django.core.management.base import BaseCommand

from proposals.core.ideas.backlog import cluster_backlog


class Command(BaseCommand):
    help = (
        "Cluster the points not yet in an idea into suggested ideas (and suggest points to the current ideas). "
        "Nothing joins an idea until staff confirm it on the idea desk."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="At most this many points (the oldest first).")

    def handle(self, *args, limit=None, **options):
        run = cluster_backlog(limit=limit)
        self.stdout.write(
            f"{run.points} points read; {run.ideas_created} ideas suggested; {run.suggestions} suggestions written; "
            f"{run.seconds:.1f} s"
        )
