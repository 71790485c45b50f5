"""Sweep the outbox: start delivery of due messages whose task got lost (a killed worker), or send them here."""
from django.core.management.base import BaseCommand

from proposals.core.models import Notification
from proposals.core.notifications import delivery, tasks


class Command(BaseCommand):
    help = (
        "Enqueue a delivery task when queued messages are due (run it every few minutes from cron or a systemd "
        "timer: a worker killed mid-task leaves its rows queued). --now sends them in this process instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Send due messages in this process, without a worker.")

    def handle(self, *args, now=False, **options):
        due = Notification.objects.due().count()
        if now:
            run = delivery.deliver_due()
            stopped = " (stopped on a temporary failure)" if run.stopped else ""
            self.stdout.write(f"{run.sent} sent of {due} due{stopped}")
            return
        if due:
            tasks.start_delivery(1)
        self.stdout.write(f"{due} due; {'delivery started' if due else 'nothing to do'}")
