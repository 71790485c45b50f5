"""anonymise_expired: remove submitters' contact details a configurable number of months after the decision."""
import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from proposals import services
from proposals.models import Proposal
from proposals.workflow import DECIDED_STATES, State


class Command(BaseCommand):
    help = "Remove contact details (and unconsented names) of proposals decided or closed long ago."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None, help="override PARLREFORM_RETENTION_MONTHS")
        parser.add_argument("--dry-run", action="store_true", help="count, change nothing")

    def handle(self, *args, months, dry_run, **options):
        months = settings.PARLREFORM_RETENTION_MONTHS if months is None else months
        if months < 1:
            raise CommandError("--months must be at least 1.")
        cutoff = timezone.now() - datetime.timedelta(days=round(months * 30.44))
        closed = [State.DUPLICATE, State.OUT_OF_SCOPE, State.WITHDRAWN, State.SPAM]
        expired = Proposal.objects.filter(
            Q(state__in=DECIDED_STATES, decided_at__lt=cutoff) | Q(state__in=closed, updated_at__lt=cutoff),
            anonymised_at__isnull=True,
        ).order_by("pk")
        if dry_run:
            self.stdout.write(f"{expired.count()} proposals would lose their contact details (decided before "
                              f"{cutoff:%Y-%m-%d}).")
            return
        done = sum(services.proposal_anonymise(proposal=proposal) for proposal in expired.iterator(chunk_size=500))
        self.stdout.write(f"Removed contact details from {done} proposals decided before {cutoff:%Y-%m-%d}.")
