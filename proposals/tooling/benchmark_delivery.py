"""The release-and-deliver run: a bulk release of N decisions through the console, then their delivery over SMTP.

The release is the console's bulk action (one request, the messages queued on the database task backend, not
sent); the delivery is one worker's run (proposals.core.notifications.delivery) against a local SMTP server
(aiosmtpd's Sink, in its own process, from requirements-dev.txt), timed as messages per second.
"""
import contextlib
import socket
import subprocess
import sys
import time
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from proposals.core import tracking
from proposals.core.models import Notification, NotificationStatus, Point, Proposal, SubmitterKind
from proposals.core.notifications import delivery
from proposals.core.workflow import State

LEAD = "benchmark-lead"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def decided_proposals(count):
    """``count`` recorded, unreleased decisions with a submitter's address, each with its point 1 (one INSERT per
    1,000 rows)."""
    now = timezone.now()
    rows = [
        Proposal(
            tracking_code=tracking.generate(), submitter_kind=SubmitterKind.CITIZEN, email=f"bench{i}@example.org",
            language="ru", interface_language=("kk", "ru", "en")[i % 3], title="Предложение", text="Текст",
            state=State.ACCEPTED, decided_at=now, response_ru="Принято.", response_kk="Қабылданды.",
        )
        for i in range(count)
    ]
    ids = [proposal.pk for proposal in Proposal.objects.bulk_create(rows, batch_size=1000)]
    Point.objects.bulk_create(
        [Point(proposal_id=pk, number=1, outcome=State.ACCEPTED, response_ru="Принято.", response_kk="Қабылданды.")
         for pk in ids],
        batch_size=1000,
    )
    return ids


def lead_client():
    user, _created = get_user_model().objects.get_or_create(username=LEAD, defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name="lead"))
    client = Client()
    client.force_login(user)
    return client


def release_in_console(client, ids):
    """The console's bulk action "Release the decision", confirmed: (seconds, queries, status code)."""
    data = {"action": "bulk_release_decision", "_selected_action": [str(pk) for pk in ids], "confirm": "1",
            "select_across": "0", "index": "0"}
    with override_settings(TASKS=DATABASE_TASKS), CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        # Urlencoded, as the browser sends the list's form (the test client's default, multipart, parses slower).
        response = client.post(
            "/admin/proposals/proposal/?queue=all", urlencode(data, doseq=True),
            content_type="application/x-www-form-urlencoded",
        )
        seconds = time.perf_counter() - started
    return seconds, len(queries), response.status_code


@contextlib.contextmanager
def smtp_sink():
    """A local SMTP server that accepts and discards every message, in its own process; yields its port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Sink", "-l", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("the local SMTP server (aiosmtpd) did not start")
            time.sleep(0.05)
        yield port
    finally:
        server.terminate()
        server.wait()


def run(count):
    """Release ``count`` decisions in one console action, then deliver their messages; returns the figures."""
    ids = decided_proposals(count)
    release_seconds, release_queries, status = release_in_console(lead_client(), ids)
    queued = Notification.objects.filter(proposal_id__in=ids, status=NotificationStatus.QUEUED).count()
    with smtp_sink() as port, override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=port,
        EMAIL_USE_TLS=False, EMAIL_HOST_USER="", EMAIL_HOST_PASSWORD="",
    ):
        started = time.perf_counter()
        sent = 0
        while True:
            run_ = delivery.deliver_due()
            sent += run_.sent
            if run_.handled == 0 or run_.stopped:
                break
        deliver_seconds = time.perf_counter() - started
    return {
        "decisions": count, "release_status": status, "release_seconds": round(release_seconds, 3),
        "release_queries": release_queries, "queued": queued, "sent": sent,
        "deliver_seconds": round(deliver_seconds, 2), "messages_per_second": round(sent / deliver_seconds, 1),
    }
