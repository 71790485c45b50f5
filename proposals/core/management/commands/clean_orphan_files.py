"""clean_orphan_files: delete attachment files that no attachment row refers to (left by a killed worker)."""
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from proposals.core.models import Attachment


def orphan_files(older_than_seconds=0, since=None):
    """Files under the attachments folder with no Attachment row, older than the given age (or written since)."""
    root = Path(settings.MEDIA_ROOT) / "attachments"
    if not root.exists():
        return []
    known = set(Attachment.objects.values_list("file", flat=True))
    now = time.time()
    found = []
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        modified = path.stat().st_mtime
        if since is not None and modified < since:
            continue
        # A file younger than this may belong to a submission whose transaction is still open.
        if now - modified < older_than_seconds:
            continue
        if str(path.relative_to(settings.MEDIA_ROOT)) not in known:
            found.append(path)
    return found


class Command(BaseCommand):
    help = "Delete attachment files with no attachment row, older than --minutes (default 60). Run it hourly."

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=60)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, minutes, dry_run, **options):
        orphans = orphan_files(older_than_seconds=minutes * 60)
        for path in orphans:
            if not dry_run:
                path.unlink(missing_ok=True)
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(f"{verb} {len(orphans)} orphan attachment files")
