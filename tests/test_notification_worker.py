"""The real worker (`manage.py db_worker`, database backend) on PostgreSQL: killed mid-run, nothing is lost."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from proposals.core import tracking
from proposals.core.models import Notification, NotificationKind, NotificationStatus, Proposal, SubmitterKind
from proposals.core.workflow import State
from tests.smtp import SMTPServer

ROOT = Path(__file__).resolve().parent.parent
MESSAGES = 1000
KILL_AFTER = 300
DEADLINE_SECONDS = 240


def worker_env(smtp):
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    return {
        **os.environ, "DATABASE_URL": url, "DJANGO_TASK_BACKEND": "database",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "DJANGO_EMAIL_HOST": "127.0.0.1", "DJANGO_EMAIL_PORT": str(smtp.port),
        "PARLREFORM_SITE_URL": "https://reform.example.kz", "DJANGO_LOG_LEVEL": "WARNING",
    }


def manage(*args):
    return [sys.executable, str(ROOT / "manage.py"), *args]


def wait_until(condition, what):
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def queue_decisions(count):
    """``count`` released decisions with their queued messages (written directly: this test is about delivery)."""
    now = timezone.now()
    proposals = Proposal.objects.bulk_create(
        [
            Proposal(
                tracking_code=tracking.generate(), submitter_kind=SubmitterKind.CITIZEN, email=f"s{i}@example.org",
                language="ru", title="Предложение", text="Текст", state=State.ACCEPTED, decided_at=now,
                decision_released_at=now, response_ru="Принято.",
            )
            for i in range(count)
        ],
        batch_size=500,
    )
    Notification.objects.bulk_create(
        [Notification(kind=NotificationKind.DECISION, proposal=p, language="ru") for p in proposals], batch_size=500
    )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_run_and_started_again_delivers_every_message_with_at_most_one_duplicate():
    with SMTPServer() as smtp:
        env = worker_env(smtp)
        queue_decisions(MESSAGES)
        # The sweep (cron's command) enqueues a delivery task for the due rows; the worker runs it.
        subprocess.run(manage("deliver_notifications"), env=env, check=True, cwd=ROOT, capture_output=True)
        worker = subprocess.Popen(
            manage("db_worker", "--no-startup-delay", "--interval", "0.1", "--no-reload"),
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            wait_until(lambda: smtp.recorder.count() >= KILL_AFTER, "the first messages")
        finally:
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait()
        received_at_kill = smtp.recorder.count()
        sent_at_kill = Notification.objects.filter(status=NotificationStatus.SENT).count()
        assert KILL_AFTER <= received_at_kill < MESSAGES
        # The killed run's task stays "running" for ever: the sweep starts a new one, and a worker runs it.
        subprocess.run(manage("deliver_notifications"), env=env, check=True, cwd=ROOT, capture_output=True)
        restarted = subprocess.run(
            manage("db_worker", "--no-startup-delay", "--batch", "--no-reload"),
            env=env, cwd=ROOT, capture_output=True, timeout=DEADLINE_SECONDS,
        )
        assert restarted.returncode == 0, restarted.stderr.decode()[-2000:]

        ids = [message["Message-ID"].strip() for message in smtp.messages]
        pks = Notification.objects.values_list("pk", flat=True)
        expected = {f"<notification-{pk}@reform.example.kz>" for pk in pks}
        duplicates = len(ids) - len(set(ids))
        print(f"kill test: {MESSAGES} queued, {received_at_kill} received and {sent_at_kill} recorded as sent at "
              f"the kill, {len(ids)} received in all, {len(set(ids))} distinct, {duplicates} duplicates")
        assert set(ids) == expected
        assert duplicates <= 1
        assert Notification.objects.filter(status=NotificationStatus.SENT).count() == MESSAGES
