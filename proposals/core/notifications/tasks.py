"""The delivery task (Django's tasks API): run by `manage.py db_worker`, or in-process after commit in development."""
import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import default_task_backend, task

from proposals.core.notifications import delivery

# Rows one task run handles before it hands over to a fresh task, so each run stays short.
ROWS_PER_RUN = 500


@task()
def deliver_notifications():
    """Send due messages, then make sure a later run exists for what is left: more due rows, or a retry."""
    if not default_task_backend.supports_defer:
        # In-process (development): nothing runs later, so send everything due now; retries wait for
        # `manage.py deliver_notifications`.
        delivery.deliver_due()
        return
    started = timezone.now()
    run = delivery.deliver_due(limit=ROWS_PER_RUN)
    if run.stopped:
        # The server refused or was unreachable: try again after the first retry wait, not at once.
        wait = datetime.timedelta(seconds=settings.PARLREFORM_NOTIFY_RETRY_SECONDS)
        deliver_notifications.using(run_after=timezone.now() + wait).enqueue()
        return
    if run.handled >= ROWS_PER_RUN:
        deliver_notifications.enqueue()  # More may be due now.
        return
    # Nothing due is left unclaimed (a row due now but locked belongs to another worker's run): wake up for the
    # first retry that waits.
    when = delivery.next_due_at(started)
    if when is not None:
        deliver_notifications.using(run_after=when).enqueue()


def start_delivery(count=1):
    """Enqueue ``count`` delivery runs (several workers may share a large batch)."""
    for _ in range(count):
        deliver_notifications.enqueue()
