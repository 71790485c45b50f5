"""anonymise_expired: remove submitters' personal data a configurable number of months after the decision."""
import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from proposals.core import services
from proposals.core.models import Attachment, Proposal
from proposals.core.workflow import DECIDED_STATES, State


class Command(BaseCommand):
    help = (
        "Remove the submitters' contact details, unconsented names, positions, BINs, attachments and form tokens "
        "from proposals decided or closed long ago."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None, help="override PARLREFORM_RETENTION_MONTHS")
        parser.add_argument("--dry-run", action="store_true", help="count, change nothing")

    def handle(self, *args, months, dry_run, **options):
        months = settings.PARLREFORM_RETENTION_MONTHS if months is None else months
        if months < 1:
            raise CommandError("--months must be at least 1.")
        cutoff = timezone.now() - datetime.timedelta(days=round(months * 30.44))
        closed = [State.DUPLICATE, State.OUT_OF_SCOPE, State.WITHDRAWN, State.SPAM]
        # Not yet anonymised, or anonymised when the retention removed less (or edited since): something is left.
        left = Q(anonymised_at__isnull=True) | Exists(Attachment.objects.filter(proposal=OuterRef("pk")))
        for name in services.RETENTION_CLEARS:
            left |= ~Q(**{name: ""})
        left |= Q(publish_name=False) & ~Q(submitter_name="")
        expired = Proposal.objects.filter(
            Q(state__in=DECIDED_STATES, decided_at__lt=cutoff) | Q(state__in=closed, updated_at__lt=cutoff), left
        ).order_by("pk")
        if dry_run:
            self.stdout.write(f"{expired.count()} proposals would lose their submitter's personal data (decided "
                              f"before {cutoff:%Y-%m-%d}).")
            return
        done = sum(services.proposal_anonymise(proposal=proposal) for proposal in expired.iterator(chunk_size=500))
        self.stdout.write(f"Removed the submitter's personal data from {done} proposals decided before "
                          f"{cutoff:%Y-%m-%d}.")
