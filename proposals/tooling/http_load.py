"""The public pages under real HTTP load: wrk against gunicorn, cold and warm, as ratios to /healthz in one run."""
# wrk (Debian's `wrk`) is the load tool: a C client that keeps 16 connections busy costs little CPU beside gunicorn
# on a 2-core machine, which a Python client would not. Its text summary is parsed here; a small Lua script
# (wrk_status.lua) counts the answers by status and, for the cold runs, makes every URL unique.
import json
import os
import re
import shutil
import subprocess
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.core.management.base import CommandError
from django.db import connection

from proposals.core.models import Proposal, ProposalArticle
from proposals.tooling import benchmark_report
from proposals.tooling.gunicorn_server import Gunicorn, ServerNotHealthy

LUA_SCRIPT = Path(__file__).with_name("wrk_status.lua")
INSTALL_HINT = "wrk is not installed: install it with `apt-get install wrk` (Debian's package) and run again."
HEALTHZ = "/healthz"
# Goals of the issue, as ratios to /healthz in the same run.
WARM_MIN_SHARE = 0.5
WARM_MAX_P99 = 3.0
COLD_MIN_SHARE = 0.2

TIME_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
TIME = r"([\d.]+)(us|ms|s|m|h)"


class WrkError(Exception):
    """wrk is missing, failed, or printed something this parser does not understand."""


@dataclass
class Run:
    """One wrk run's figures: requests per second, p50/p99 latency (ms), answers by status, socket errors."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    statuses: dict = field(default_factory=dict)
    non_2xx: int = 0
    socket_errors: dict = field(default_factory=dict)

    @property
    def failures(self):
        """Answers that were not 2xx, plus requests that got no answer (connect, read, write errors, timeouts)."""
        return self.non_2xx + sum(self.socket_errors.values())


def milliseconds(number, unit):
    return float(number) * TIME_UNITS[unit]


def parse(output):
    """The figures of one `wrk --latency` summary (with or without wrk_status.lua's status line)."""
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    p50 = re.search(rf"^\s+50%\s+{TIME}", output, re.MULTILINE)
    p99 = re.search(rf"^\s+99%\s+{TIME}", output, re.MULTILINE)
    total = re.search(r"^\s+(\d+) requests in ", output, re.MULTILINE)
    if not (rate and p50 and p99 and total):
        raise WrkError(f"wrk's output has no requests/s or latency distribution (was --latency given?):\n{output}")
    run = Run(float(rate.group(1)), milliseconds(*p50.groups()), milliseconds(*p99.groups()), int(total.group(1)))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if errors:
        run.socket_errors = {name: int(value) for name, value in
                             zip(("connect", "read", "write", "timeout"), errors.groups(), strict=True)
                             if int(value)}
    statuses = re.search(r"^Status codes: (.*)$", output, re.MULTILINE)
    if statuses:
        run.statuses = {int(code): int(count) for code, count in re.findall(r"(\d+)=(\d+)", statuses.group(1))}
        run.non_2xx = sum(count for code, count in run.statuses.items() if not 200 <= code < 300)
    else:
        # Without the script only wrk's own count is known, which lets 3xx pass.
        other = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        run.non_2xx = int(other.group(1)) if other else 0
    return run


def wrk_command(url, mode, run_id, duration, connections, threads, timeout=30):
    """wrk's command line for one run of ``url`` in ``mode`` ("cold" or "warm")."""
    return ["wrk", f"-t{min(threads, connections)}", f"-c{connections}", f"-d{duration}s", f"--timeout={timeout}s",
            "--latency", "-s", str(LUA_SCRIPT), url, "--", mode, run_id]


def drive(url, mode, run_id, duration, connections, threads):
    """Run wrk once against ``url`` and return its figures."""
    if shutil.which("wrk") is None:
        raise WrkError(INSTALL_HINT)
    command = wrk_command(url, mode, run_id, duration, connections, threads)
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 120)
    if result.returncode != 0:
        raise WrkError(f"wrk failed ({result.returncode}): {result.stderr or result.stdout}")
    return parse(result.stdout)


def new_run_id():
    """A marker unique to one run, so a cold URL never matches one cached by an earlier run."""
    return uuid.uuid4().hex[:8]


# The pages

def public_pages(language="ru"):
    """(label, path) of each public page measured, read from the data in the database."""
    public = Proposal.objects.public().order_by("-received_at", "-id")
    count = public.count()
    proposal = public[count // 2] if count else None
    if proposal is None:
        raise CommandError("No published proposal to measure: load data first (manage.py generate_proposals or "
                           "seed_demo).")
    return [
        ("home", f"/{language}/"),
        ("register", f"/{language}/proposals/"),
        ("proposal", f"/{language}/proposals/{proposal.tracking_code}/"),
        ("statistics", f"/{language}/stats/"),
        ("constitution", f"/{language}/constitution/"),
        ("article", f"/{language}/constitution/{cited_article(public)}/"),
        ("api", f"/api/proposals.json?lang={language}"),
    ]


def cited_article(public):
    """The article named by the most recent published proposals that name one (a page with proposals on it)."""
    link = ProposalArticle.objects.filter(proposal__in=public[:50].values("pk")).select_related("article").first()
    return link.article.number if link else "50"


# The results

@dataclass
class PageResult:
    label: str
    path: str
    cold: Run | None
    warm: Run


def ratios(result, healthz):
    """Each run's requests/s as a share of /healthz's, and its p99 as a multiple of /healthz's."""
    figures = {}
    for mode in ("cold", "warm"):
        run = getattr(result, mode)
        if run is None:
            continue
        figures[mode] = {
            "share": run.requests_per_second / healthz.requests_per_second if healthz.requests_per_second else 0.0,
            "p99_ratio": run.p99_ms / healthz.p99_ms if healthz.p99_ms else float("inf"),
        }
    return figures


def goals(results, healthz):
    """(text, met) for each page and goal of the issue: warm share and p99, cold share."""
    lines = []
    for result in results:
        figures = ratios(result, healthz)
        warm, cold = figures["warm"], figures.get("cold")
        lines.append((f"{result.path} warm: {warm['share']:.0%} of /healthz's requests/s (at least "
                      f"{WARM_MIN_SHARE:.0%})", warm["share"] >= WARM_MIN_SHARE))
        lines.append((f"{result.path} warm: p99 {warm['p99_ratio']:.1f}× /healthz's (at most {WARM_MAX_P99:.0f}×)",
                      warm["p99_ratio"] <= WARM_MAX_P99))
        if cold is not None:
            lines.append((f"{result.path} cold: {cold['share']:.0%} of /healthz's requests/s (at least "
                          f"{COLD_MIN_SHARE:.0%})", cold["share"] >= COLD_MIN_SHARE))
    return lines


def table(results, healthz, healthz_end=None):
    """The printed table: one row per page, cold and warm, with the ratios to /healthz (and its drift by the end)."""
    header = (f"{'page':<34}{'cold req/s':>11}{'p50':>9}{'p99':>9}{'warm req/s':>11}{'p50':>9}{'p99':>9}"
              f"{'cold %hz':>9}{'cold p99×':>10}{'warm %hz':>9}{'warm p99×':>10}{'non-2xx':>9}")
    lines = [header, "-" * len(header)]
    lines.append(f"{HEALTHZ:<34}{'':>11}{'':>9}{'':>9}{healthz.requests_per_second:>11.1f}"
                 f"{ms(healthz.p50_ms):>9}{ms(healthz.p99_ms):>9}{'':>9}{'':>10}{'100%':>9}{'1.0×':>10}"
                 f"{healthz.failures:>9}")
    rows = [(result.path, result) for result in results]
    if healthz_end is not None:
        rows.append((f"{HEALTHZ} (again, at the end)", PageResult("healthz", HEALTHZ, None, healthz_end)))
    for name, result in rows:
        figures = ratios(result, healthz)
        cold, warm = result.cold, result.warm
        cold_cells = (f"{cold.requests_per_second:>11.1f}{ms(cold.p50_ms):>9}{ms(cold.p99_ms):>9}"
                      if cold else f"{'':>11}{'':>9}{'':>9}")
        cold_ratio = (f"{figures['cold']['share']:>9.0%}{figures['cold']['p99_ratio']:>9.1f}×"
                      if cold else f"{'':>9}{'':>10}")
        failures = f"{cold.failures if cold else 0}/{warm.failures}"
        lines.append(f"{name[:33]:<34}{cold_cells}{warm.requests_per_second:>11.1f}{ms(warm.p50_ms):>9}"
                     f"{ms(warm.p99_ms):>9}{cold_ratio}{figures['warm']['share']:>9.0%}"
                     f"{figures['warm']['p99_ratio']:>9.1f}×{failures:>9}")
    return "\n".join(lines)


def ms(value):
    return f"{value:.1f}ms" if value < 1000 else f"{value / 1000:.2f}s"


def problems(results, healthz, healthz_end=None):
    """A line for every run that had a non-2xx answer or a socket error: reported, never hidden."""
    found = []
    for name, run in [(HEALTHZ, healthz)] + [
        (f"{result.path} {mode}", getattr(result, mode)) for result in results for mode in ("cold", "warm")
    ] + [(f"{HEALTHZ} at the end", healthz_end)]:
        if run is not None and run.failures:
            statuses = {code: count for code, count in run.statuses.items() if not 200 <= code < 300}
            found.append(f"{name}: {run.non_2xx} non-2xx answers {statuses or ''} and socket errors "
                         f"{run.socket_errors or 0} out of {run.requests} requests".replace("  ", " "))
    return found


def as_json(results, healthz, settings, healthz_end=None):
    """Everything measured, with the ratios and the goals, for --json."""
    return {
        "settings": settings,
        "healthz": asdict(healthz),
        "healthz_end": asdict(healthz_end) if healthz_end else None,
        "pages": [
            {"label": result.label, "path": result.path,
             "cold": asdict(result.cold) if result.cold else None, "warm": asdict(result.warm),
             "ratios": ratios(result, healthz)}
            for result in results
        ],
        "goals": [{"text": text, "met": met} for text, met in goals(results, healthz)],
        "problems": problems(results, healthz, healthz_end),
    }


# The run

class PagesUnderLoad:
    """The --pages mode of loadtest: gunicorn started here, /healthz then each page cold and warm, the report."""

    def __init__(self, stdout):
        self.stdout = stdout

    def run(self, options):
        for name in ("duration", "connections", "wrk_threads", "workers"):
            if options[name] < 1:
                raise CommandError(f"--{name.replace('_', '-')} must be at least 1.")
        if shutil.which("wrk") is None:
            raise CommandError(INSTALL_HINT)
        if connection.vendor != "postgresql":
            # gunicorn's processes must reach the same database as this one (a test's SQLite lives in memory).
            raise CommandError("loadtest --pages needs PostgreSQL (DATABASE_URL=postgres://...).")
        pages = public_pages()
        run_id = new_run_id()
        load = {"duration": options["duration"], "connections": options["connections"],
                "threads": options["wrk_threads"]}
        described = {**load, "workers": options["workers"], "run_id": run_id, "database": describe_database(),
                     "machine": benchmark_report.machine(), "load_average_before": load_average()}
        connection.close()
        self.stdout.write(f"gunicorn with {options['workers']} workers; wrk with {load['connections']} connections, "
                          f"{load['threads']} threads, {load['duration']} s per run; {described['database']}")
        try:
            with Gunicorn(options["workers"]) as server:
                healthz = self.measure(server, HEALTHZ, "warm", run_id, load)
                results = []
                for label, path in pages:
                    cold = self.measure(server, path, "cold", run_id, load)
                    for _ in range(max(8, 2 * options["workers"])):
                        server.get(path)
                    warm = self.measure(server, path, "warm", run_id, load)
                    results.append(PageResult(label, path, cold, warm))
                # Measured again last: how far the floor moved during the run (other load on the machine).
                healthz_end = self.measure(server, HEALTHZ, "warm", run_id, load)
        except (WrkError, ServerNotHealthy) as error:
            raise CommandError(str(error)) from error
        described["load_average_after"] = load_average()
        self.report(results, healthz, healthz_end, described, options.get("json_path"))
        return None

    def measure(self, server, path, mode, run_id, load):
        run = drive(server.base + path, mode, run_id, load["duration"], load["connections"], load["threads"])
        self.stdout.write(f"  {path} {mode}: {run.requests_per_second:.1f} requests/s, p50 {ms(run.p50_ms)}, "
                          f"p99 {ms(run.p99_ms)}, {run.requests} requests, {run.failures} failed")
        return run

    def report(self, results, healthz, healthz_end, described, json_path):
        self.stdout.write("\n" + table(results, healthz, healthz_end))
        drift = healthz_end.requests_per_second / healthz.requests_per_second if healthz.requests_per_second else 0
        self.stdout.write(f"Ratios are to the first /healthz run; the second one, at the end, ran at "
                          f"{drift:.0%} of its requests/s. "
                          f"The machine's load average (1, 5, 15 min) was {described['load_average_before']} "
                          f"before and {described['load_average_after']} after.")
        self.stdout.write("\nGoals (ratios to /healthz in this run):")
        for text, met in goals(results, healthz):
            self.stdout.write(f"  {'met    ' if met else 'MISSED '} {text}")
        found = problems(results, healthz, healthz_end)
        for line in found:
            self.stdout.write(f"NOT 2xx: {line}")
        if not found:
            self.stdout.write("Every answer was 2xx.")
        if json_path:
            with open(json_path, "w", encoding="utf-8") as output:
                json.dump(as_json(results, healthz, described, healthz_end), output, indent=2, ensure_ascii=False)
            self.stdout.write(f"Results written to {json_path}.")
        if found:
            raise CommandError(f"{len(found)} runs had answers that were not 2xx (above).")


def load_average():
    """The machine's 1, 5 and 15 minute load averages: other work on it moves every figure."""
    return [round(value, 2) for value in os.getloadavg()]


def describe_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        version = cursor.fetchone()[0].split(" on ")[0]
    return f"{version}, {Proposal.objects.count():,} proposals ({Proposal.objects.public().count():,} published)"
