"""loadtest: gunicorn on PostgreSQL under concurrent submissions and reads, optionally with a fault; then an audit.

Every submission that got a receipt must be in the database with its event and files, nothing else may be,
tracking codes stay unique, and no response is a 500. Prints throughput and latency percentiles.
With --pages it writes nothing and measures the public pages under wrk instead (proposals/tooling/http_load.py).
"""
import http.cookiejar
import os
import re
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from proposals.core.management.commands.clean_orphan_files import orphan_files
from proposals.core.models import Attachment, Proposal, ProposalEvent
from proposals.core.workflow import Action
from proposals.tooling.gunicorn_server import Gunicorn, ServerNotHealthy
from proposals.tooling.http_load import PagesUnderLoad

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
READS = [
    "/ru/proposals/", "/api/proposals.json", "/kk/stats/", "/kk/", "/ru/proposals/?q=" + urllib.parse.quote("депутат"),
]
RETRYABLE = {502, 503, 504}
# Every submission comes from 127.0.0.1: the per-address limits would stop the run, not measure it.
RELAXED_LIMITS = {
    "PARLREFORM_MIN_FILL_SECONDS": "0",
    "PARLREFORM_SUBMIT_RATE": "1000000/60",
    "PARLREFORM_SUBMIT_ATTEMPT_RATE": "1000000/60",
    "PARLREFORM_TRACK_RATE": "1000000/60",
}


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {"submit": [], "read": []}
        self.statuses = {}
        self.errors = []

    def add(self, kind, seconds, status):
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1


class Browser:
    """One client: its own cookies, as a person's browser would have."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path, fields, files):
        boundary = uuid.uuid4().hex
        body = bytearray()
        for name, value in fields.items():
            body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, (filename, content) in files:
            body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: application/octet-stream\r\n\r\n").encode() + content + b"\r\n"
        body += f"--{boundary}--\r\n".encode()
        request = urllib.request.Request(self.base + path, data=bytes(body), method="POST", headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}", "Referer": self.base + path})
        return self._open(request)

    def _open(self, request):
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode("utf-8", "replace"), time.perf_counter() - started
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace"), time.perf_counter() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            return 0, "", time.perf_counter() - started


def percentile(values, share):
    """The ``share`` percentile of ``values`` (seconds), in milliseconds."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def hidden(html, name):
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    return match.group(1) if match else ""


class Command(BaseCommand):
    help = "Load gunicorn on PostgreSQL with concurrent submissions and reads, optionally inject a fault, then audit."

    def add_arguments(self, parser):
        parser.add_argument("--submissions", type=int, default=2000)
        parser.add_argument("--clients", type=int, default=32)
        parser.add_argument("--workers", type=int, default=4)
        parser.add_argument("--attachment-share", type=float, default=0.2)
        parser.add_argument("--fault", choices=["none", "postgres-restart", "kill-worker"], default="none")
        parser.add_argument("--pg-stop", default="", help="shell command that stops PostgreSQL (postgres-restart)")
        parser.add_argument("--pg-start", default="", help="shell command that starts it again")
        parser.add_argument("--outage-seconds", type=float, default=4.0)
        pages = parser.add_argument_group("--pages: the public pages under wrk, cold and warm, against /healthz")
        pages.add_argument("--pages", action="store_true",
                           help="instead of submissions, drive /healthz and each public page with wrk (cold, then "
                                "warm) and print requests/s, p50/p99 and the ratios to /healthz; writes nothing")
        pages.add_argument("--duration", type=int, default=15, help="seconds of each wrk run (--pages)")
        pages.add_argument("--connections", type=int, default=16, help="wrk's open connections (--pages)")
        pages.add_argument("--wrk-threads", type=int, default=2, help="wrk's threads (--pages)")
        pages.add_argument("--json", dest="json_path", help="also write the results to this JSON file (--pages)")

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("loadtest writes test proposals, deletes orphan files and can stop the database and "
                               "kill workers: refused in production.")
        if options["pages"]:
            return PagesUnderLoad(self.stdout).run(options)
        if connection.vendor != "postgresql":
            raise CommandError("loadtest needs PostgreSQL (DATABASE_URL=postgres://...).")
        if options["fault"] == "postgres-restart" and not (options["pg_stop"] and options["pg_start"]):
            raise CommandError("--fault postgres-restart needs --pg-stop and --pg-start.")
        call_command("loaddata", "categories", "regions", "parties", verbosity=0)
        self.run_id = uuid.uuid4().hex[:10]
        self.started_at = time.time()
        server = Gunicorn(options["workers"], extra_env=RELAXED_LIMITS).start()
        self.server, self.server_log, self.base = server.process, server.log_path, server.base
        try:
            server.wait_until_healthy(60)
            recorder = Recorder()
            receipts, retried = self.load(recorder, options)
        except ServerNotHealthy as error:
            raise CommandError(str(error)) from error
        finally:
            server.stop()
        connection.close()
        self.report(recorder, receipts, retried, options)

    # Running

    def load(self, recorder, options):
        total = options["submissions"]
        every = max(1, round(1 / options["attachment_share"])) if options["attachment_share"] > 0 else 0
        receipts, retried = {}, []
        progress = {"done": 0}
        fault_at = total // 3
        fault_thread = None

        def submit(index):
            nonlocal fault_thread
            browser = Browser(self.base)
            for path in (READS[index % len(READS)],):
                status, _body, elapsed = browser.get(path)
                recorder.add("read", elapsed, status)
            code, attempts = self.submit_one(browser, index, every and index % every == 0, recorder)
            with recorder.lock:
                if code:
                    receipts[code] = (index, every and index % every == 0)
                if attempts > 1:
                    retried.append(index)
                progress["done"] += 1
                if progress["done"] == fault_at and options["fault"] != "none":
                    fault_thread = threading.Thread(target=self.inject, args=(options, recorder))
                    fault_thread.start()

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=options["clients"]) as pool:
            list(pool.map(submit, range(total)))
        self.elapsed = time.perf_counter() - started
        if fault_thread is not None:
            fault_thread.join()
        return receipts, retried

    def submit_one(self, browser, index, with_file, recorder):
        """Fill the form once; on a 503 or a dropped connection send the same form again, as a person would."""
        status, html, elapsed = browser.get("/ru/submit/")
        attempts = 0
        while (status in RETRYABLE or status == 0) and attempts < 40:
            attempts += 1
            time.sleep(0.5)
            status, html, elapsed = browser.get("/ru/submit/")
        fields = {
            "csrfmiddlewaretoken": hidden(html, "csrfmiddlewaretoken"),
            "started": hidden(html, "started"),
            "submission_token": hidden(html, "submission_token"),
            "submitter_kind": "citizen",
            "citizen_name": f"Нагрузка {index}",
            "email": f"load{index}@example.org",
            "region": "1",
            "title": f"Нагрузочный тест {self.run_id} {index}",
            "text": "Предлагаю увеличить число депутатов Мажилиса. " * 20,
            "language": "ru",
            "consent": "on",
        }
        files = [("attachments", (f"doc{index}.pdf", PDF))] if with_file else []
        for attempt in range(1, 60):
            status, body, elapsed = browser.post("/ru/submit/", fields, files)
            recorder.add("submit", elapsed, status)
            if status == 200:
                match = re.search(r'id="tracking-code">([^<]+)<', body)
                if match:
                    return match.group(1).strip(), attempt
                recorder.errors.append(f"submission {index}: 200 without a receipt")
                return None, attempt
            if status not in RETRYABLE and status != 0:
                recorder.errors.append(f"submission {index}: HTTP {status}")
                return None, attempt
            time.sleep(0.5)
        recorder.errors.append(f"submission {index}: gave up")
        return None, attempt

    def inject(self, options, recorder):
        if options["fault"] == "postgres-restart":
            self.stdout.write("fault: stopping PostgreSQL")
            subprocess.run(options["pg_stop"], shell=True, check=True)
            time.sleep(options["outage_seconds"])
            status, body, _elapsed = Browser(self.base).get("/kk/")
            self.outage_page = (status, "503" if status == 503 else body[:200])
            subprocess.run(options["pg_start"], shell=True, check=True)
            self.stdout.write(f"fault: PostgreSQL started again; during the outage / answered {status}")
        else:
            workers = subprocess.run(["pgrep", "-P", str(self.server.pid)], capture_output=True, text=True)
            pids = [int(pid) for pid in workers.stdout.split()]
            for pid in pids[:2]:
                os.kill(pid, signal.SIGKILL)
            self.stdout.write(f"fault: killed gunicorn workers {pids[:2]} with SIGKILL")

    # Auditing

    def report(self, recorder, receipts, retried, options):
        proposals = Proposal.objects.filter(title__startswith=f"Нагрузочный тест {self.run_id} ")
        stored = dict(proposals.values_list("tracking_code", "pk"))
        problems = list(recorder.errors)
        missing = set(receipts) - set(stored)
        unexpected = set(stored) - set(receipts)
        if missing:
            problems.append(f"{len(missing)} receipts without a proposal: {sorted(missing)[:5]}")
        if unexpected:
            problems.append(f"{len(unexpected)} proposals nobody got a receipt for: {sorted(unexpected)[:5]}")
        events = ProposalEvent.objects.filter(proposal__in=proposals, action=Action.SUBMIT).count()
        if events != len(stored):
            problems.append(f"{len(stored)} proposals but {events} submit events")
        duplicates = proposals.values("submission_token").distinct().count()
        if duplicates != len(stored):
            problems.append("a form was registered twice")
        expected_files = sum(1 for _index, with_file in receipts.values() if with_file)
        attachments = Attachment.objects.filter(proposal__in=proposals)
        if attachments.count() != expected_files:
            problems.append(f"{expected_files} attachments expected, {attachments.count()} stored")
        absent = [a.file.name for a in attachments if not default_storage.exists(a.file.name)]
        if absent:
            problems.append(f"{len(absent)} attachment rows without their file")
        # A worker killed between writing a file and committing leaves the file behind: the hourly
        # clean_orphan_files collects those; here it runs at once for this run's files.
        orphans = orphan_files(since=self.started_at - 1)
        for path in orphans:
            path.unlink(missing_ok=True)
        if orphan_files(since=self.started_at - 1):
            problems.append("orphan files remain after the clean-up")
        if proposals.values("tracking_code").distinct().count() != len(stored):
            problems.append("tracking codes are not unique")
        server_errors = sum(count for status, count in recorder.statuses.items() if status >= 500 and status != 503)
        if server_errors:
            problems.append(f"{server_errors} responses were 5xx other than 503")
        if options["fault"] == "none" and recorder.statuses.get(503):
            problems.append(f"{recorder.statuses[503]} responses were 503 without a fault")
        self.print_table(recorder, receipts, retried, options)
        if problems:
            for problem in problems:
                self.stderr.write(f"PROBLEM: {problem}")
            raise CommandError(f"{len(problems)} problems")
        self.stdout.write(f"AUDIT OK: {len(stored)} submissions with receipts, all stored with their event and "
                          f"{expected_files} files; nothing else stored; orphan files cleaned: {len(orphans)}; "
                          f"tracking codes unique; lost = 0; 500 responses = 0.")

    def print_table(self, recorder, receipts, retried, options):
        requests = sum(len(values) for values in recorder.latencies.values())
        self.stdout.write(f"fault: {options['fault']}; clients {options['clients']}; gunicorn workers "
                          f"{options['workers']}; {options['submissions']} submissions in {self.elapsed:.1f} s")
        self.stdout.write(f"throughput: {requests / self.elapsed:.1f} requests/s, "
                          f"{len(receipts) / self.elapsed:.1f} receipts/s; retried submissions: {len(retried)}")
        for kind, values in recorder.latencies.items():
            if values:
                self.stdout.write(f"{kind:7} n={len(values):5}  p50 {percentile(values, 0.5):7.1f} ms  "
                                  f"p95 {percentile(values, 0.95):7.1f} ms  p99 {percentile(values, 0.99):7.1f} ms")
        self.stdout.write(f"status codes: {dict(sorted(recorder.statuses.items()))}")
