"""Write the band keys of the points after the last indexed one (after an upgrade), or of every point (--rebuild)."""
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.models import Max

from proposals.core.models import Point, PointKey
from proposals.core.similarity import band_keys

BATCH = 5000


class Command(BaseCommand):
    help = (
        "Index the points for the candidate search of ideas: the band keys of every point after the last one "
        "indexed (a database older than ideas: every point). --rebuild deletes every key and writes them anew "
        "(after a change of the similarity's normalisation). Points are read in batches in the order of their "
        "number, each batch written in its own transaction, so an interrupted run goes on where it stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Delete every key and write them all again.")

    def handle(self, *args, rebuild=False, **options):
        started = time.perf_counter()
        if rebuild:
            PointKey.objects.all().delete()
        last = PointKey.objects.aggregate(last=Max("point_id"))["last"] or 0
        points = keys = 0
        while True:
            batch = list(
                Point.objects.filter(pk__gt=last).order_by("pk")
                .values_list("pk", "text", "proposal__title", "proposal__text")[:BATCH]
            )
            if not batch:
                break
            rows = [
                (key, pk)
                for pk, text, title, proposal_text in batch
                for key in set(band_keys(text or f"{title}\n{proposal_text}"))
            ]
            with transaction.atomic():
                write(rows)
            last = batch[-1][0]
            points += len(batch)
            keys += len(rows)
            if options["verbosity"] > 1:
                self.stdout.write(f"{points} points, {time.perf_counter() - started:.0f} s")
        self.stdout.write(f"{points} points indexed with {keys} keys in {time.perf_counter() - started:.1f} s")


def write(rows):
    """Insert (key, point id) rows: PostgreSQL's COPY, else bulk_create.

    COPY because at a million proposals the index holds about 48 million rows, and bulk_create's INSERT statements
    write them several times slower.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor, cursor.copy(
            f"COPY {PointKey._meta.db_table} (key, point_id) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row(row)
        return
    PointKey.objects.bulk_create([PointKey(key=key, point_id=pk) for key, pk in rows], batch_size=5000)
