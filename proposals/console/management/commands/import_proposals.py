"""import_proposals: register proposals from other channels listed in a UTF-8 CSV file, all of them or none."""
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from proposals.console import importer


class Command(BaseCommand):
    help = (
        "Import proposals received through e-Otinish, eGov, email, letter or meeting from a UTF-8 CSV file "
        f"with the columns: {', '.join(importer.HEADER)}. Every row is checked first; if any has an error, "
        "nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="path to the CSV file (UTF-8, delimited by , or ;)")
        parser.add_argument(
            "--user", metavar="USERNAME", help="username of the active staff member recorded as registering them"
        )

    def handle(self, *args, file, user=None, **options):
        actor = self.staff_user(user) if user else None
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read the file {file}: {error.strerror or error}.") from None
        try:
            proposals = importer.import_csv(data, actor=actor)
        except importer.ImportRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(str(error))
            count = len(rejected.errors)
            raise CommandError(f"Nothing was imported: {count} {'error' if count == 1 else 'errors'}.") from None
        count = len(proposals)
        self.stdout.write(f"Imported {count} {'proposal' if count == 1 else 'proposals'}.")
        for proposal in proposals:
            self.stdout.write(f"  {proposal.tracking_code}  {proposal.channel} {proposal.external_ref}")

    def staff_user(self, username):
        User = get_user_model()
        user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"There is no user “{username}”.")
        if not (user.is_active and user.is_staff):
            raise CommandError(f"The user “{username}” is not an active staff member.")
        return user
