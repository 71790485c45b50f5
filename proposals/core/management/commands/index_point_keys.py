"""Write the band keys of points that have none (after an upgrade), or of every point again (--rebuild)."""
import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Exists, OuterRef

from proposals.core.models import Point, PointKey
from proposals.core.similarity import band_keys

BATCH = 2000


class Command(BaseCommand):
    help = (
        "Index the points for the candidate search of ideas: the band keys of each point without any (the points "
        "of a database older than ideas). --rebuild writes every point's keys anew (after a change of the "
        "similarity's normalisation). Points are read in batches, each written in its own transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Delete every key and write them all again.")

    def handle(self, *args, rebuild=False, **options):
        started = time.perf_counter()
        if rebuild:
            PointKey.objects.all().delete()
        last = 0
        points = keys = 0
        while True:
            batch = list(
                Point.objects.filter(pk__gt=last)
                .filter(~Exists(PointKey.objects.filter(point=OuterRef("pk"))))
                .order_by("pk")
                .values_list("pk", "text", "proposal__title", "proposal__text")[:BATCH]
            )
            if not batch:
                break
            rows = [
                PointKey(key=key, point_id=pk)
                for pk, text, title, proposal_text in batch
                for key in set(band_keys(text or f"{title}\n{proposal_text}"))
            ]
            with transaction.atomic():
                PointKey.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
            last = batch[-1][0]
            points += len(batch)
            keys += len(rows)
        self.stdout.write(f"{points} points indexed with {keys} keys in {time.perf_counter() - started:.1f} s")
