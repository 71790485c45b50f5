"""generate_proposals: append realistic synthetic proposals with their histories, for load and benchmark work."""
import contextlib
import io
import random
import signal
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from proposals.tooling import synthetic


@contextlib.contextmanager
def interrupt_on_sigterm():
    """SIGTERM (a stopped container, a CI timeout) unwinds like Ctrl-C, so dropped indexes are rebuilt."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class Command(BaseCommand):
    help = (
        "Append N synthetic proposals (with events) for load tests; never deletes. On PostgreSQL, large counts "
        "drop and rebuild the proposal and event indexes: the site is slow until they are back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="number of proposals to add")
        parser.add_argument("--seed", type=int, default=1, help="random seed, for repeatable data (default 1)")

    def handle(self, *args, count, seed, verbosity, **options):
        if settings.PRODUCTION:
            raise CommandError("generate_proposals writes fake proposals: refused when DJANGO_ENV=production.")
        if count < 0:
            raise CommandError("--count must not be negative.")
        started = time.perf_counter()
        # Reference data and the staff accounts the histories name; seed_demo's own report is not wanted here.
        call_command("seed_demo", count=0, with_packages=False, with_ideas=False, stdout=io.StringIO())

        committed = [0]

        def progress(done, total):
            committed[0] = done
            if verbosity:
                self.stdout.write(f"{done:,} / {total:,} proposals…")

        try:
            with interrupt_on_sigterm():
                result = synthetic.generate(count, seed, rng=random.Random(seed), progress=progress)
        except (LookupError, RuntimeError, DatabaseError) as error:
            raise CommandError(
                f"Stopped after {committed[0]:,} proposals (each batch is all or nothing): {error}"
            ) from error
        seconds = time.perf_counter() - started
        if verbosity:
            rate = result.proposals / seconds if seconds else 0
            self.stdout.write(
                f"Generated {result.proposals:,} proposals and {result.events:,} events in {seconds:,.0f} s "
                f"({rate:,.0f} proposals/s)."
            )
            split = ", ".join(f"{name} {value:,.1f} s" for name, value in result.seconds.items())
            self.stdout.write(f"Time by phase: {split}.")
        if verbosity > 1:
            for name, value in sorted(result.index_seconds.items(), key=lambda item: -item[1]):
                self.stdout.write(f"  index {name}: {value:,.1f} s")
