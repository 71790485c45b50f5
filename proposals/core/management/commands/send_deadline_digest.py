"""Queue today's deadline digest for staff (run daily from cron or a systemd timer)."""
from django.core.management.base import BaseCommand

from proposals.core.notifications import digest


class Command(BaseCommand):
    help = "Queue one message per staff member listing the open proposals due within two working days."

    def handle(self, *args, **options):
        queued = digest.queue_digests()
        self.stdout.write(f"{queued} digests queued")
