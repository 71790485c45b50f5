"""benchmark: each page's time and query count at growing numbers of proposals, against naive baselines."""
import json
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from proposals.core.models import Proposal, ProposalEvent
from proposals.tooling import benchmark, benchmark_pieces, benchmark_report


def sizes_argument(value):
    try:
        sizes = sorted({int(part.replace("_", "")) for part in value.split(",") if part.strip()})
    except ValueError as error:
        raise CommandError(f"--sizes must be numbers separated by commas, e.g. 10000,1000000 ({error}).") from error
    if not sizes or sizes[0] < 1:
        raise CommandError("--sizes must be positive numbers, e.g. 10000,1000000.")
    return sizes


def settle():
    """VACUUM after a bulk load, as autovacuum soon would (it is analysed already): counts read indexes only."""
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM {Proposal._meta.db_table}, {ProposalEvent._meta.db_table}")


class Command(BaseCommand):
    help = (
        "Grow the configured database to each size with generate_proposals and measure every page in-process "
        "(median, p95, queries) against its naive baseline. Adds data: never on a production database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="10000,1000000", help="numbers of proposals, e.g. 10000,1000000")
        parser.add_argument("--repetitions", type=int, default=None,
                            help="timed requests per page and size (30), or rounds of the hand-written mode (40)")
        parser.add_argument("--seed", type=int, default=8, help="random seed of the generated proposals")
        parser.add_argument("--json", dest="json_path", help="also write the results to this JSON file")
        parser.add_argument(
            "--deliveries", type=int, default=None,
            help="instead of the pages, release this many decisions in one console bulk action (timed) and deliver "
                 "their messages through a local SMTP server (messages per second); needs aiosmtpd (dev tools)",
        )
        parser.add_argument(
            "--hand-written", action="store_true",
            help="instead of the pages against their baselines, measure each hand-written piece on and off "
                 "(Django's own way) on the pages it serves, interleaved in random order, and say which to keep",
        )

    def handle(self, *args, sizes, repetitions, seed, json_path, hand_written=False, deliveries=None, **options):
        if settings.PRODUCTION:
            raise CommandError("benchmark adds generated proposals and submissions: refused in production.")
        if deliveries is not None:
            return self.release_and_deliver(deliveries, json_path)
        if repetitions is None:
            repetitions = 40 if hand_written else 30
        if repetitions < 1:
            raise CommandError("--repetitions must be at least 1.")
        sizes = sizes_argument(sizes)
        by_size, generation = {}, {}
        for size in sizes:
            existing = Proposal.objects.count()
            if existing > size:
                raise CommandError(
                    f"The database holds {existing:,} proposals, more than the size {size:,}: "
                    "run the benchmark on an empty database or choose larger sizes."
                )
            if existing < size:
                started = time.perf_counter()
                call_command("generate_proposals", count=size - existing, seed=seed + size, verbosity=0)
                elapsed = time.perf_counter() - started
                settle()
                generation[str(size)] = {"added": size - existing, "seconds": round(elapsed, 1),
                                         "per_second": round((size - existing) / elapsed)}
                self.stdout.write(f"{size:,} proposals: generated {size - existing:,} in {elapsed:.0f} s "
                                  f"({(size - existing) / elapsed:,.0f}/s).")
            try:
                if hand_written:
                    by_size[size] = benchmark_pieces.summary(benchmark_pieces.run_pieces(repetitions))
                else:
                    by_size[size] = benchmark.run_pages(repetitions)
            except benchmark.BenchmarkError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(f"{size:,} proposals: measured.")
        if hand_written:
            self.report_pieces(by_size, repetitions, generation, json_path)
        else:
            self.report(by_size, repetitions, generation, json_path)

    def release_and_deliver(self, count, json_path):
        if count < 1:
            raise CommandError("--deliveries must be at least 1.")
        from proposals.tooling import benchmark_delivery

        figures = benchmark_delivery.run(count)
        self.describe_machine("one release, one worker's delivery.")
        self.stdout.write(
            f"Release of {figures['decisions']:,} decisions in one console action: {figures['release_seconds']:.2f} s, "
            f"{figures['release_queries']} queries (answer {figures['release_status']}), {figures['queued']:,} "
            f"messages queued.\nDelivery through a local SMTP server: {figures['sent']:,} sent in "
            f"{figures['deliver_seconds']:.1f} s, {figures['messages_per_second']:,.1f} messages/s."
        )
        self.write_json(json_path, {"release_and_deliver": figures, "machine": benchmark_report.machine()})

    def report_pieces(self, by_size, rounds, generation, json_path):
        self.describe_machine(f"{rounds} rounds, each page in every variant once per round in random order, warm.")
        self.stdout.write(benchmark_report.pieces_table(by_size))
        self.write_json(json_path, benchmark_report.pieces_json(by_size, rounds, generation))

    def report(self, by_size, repetitions, generation, json_path):
        self.describe_machine(f"{repetitions} timed requests per page, warm.")
        self.stdout.write(benchmark_report.table(by_size))
        self.stdout.write("\nTargets:")
        for text, met in benchmark_report.targets(by_size):
            self.stdout.write(f"  {'met    ' if met else 'MISSED '} {text}")
        self.write_json(json_path, benchmark_report.as_json(by_size, repetitions, generation))

    def describe_machine(self, how):
        info = benchmark_report.machine()
        self.stdout.write(
            f"\n{info['database']}; {info['cores']} × {info['cpu']}, {info['memory']}; Python {info['python']}, "
            f"Django {info['django']}; {how}\n"
        )

    def write_json(self, json_path, record):
        if json_path:
            with open(json_path, "w", encoding="utf-8") as output:
                json.dump(record, output, indent=2, ensure_ascii=False)
            self.stdout.write(f"\nResults written to {json_path}.")
