"""Orphan attachment files (a worker killed between writing a file and committing) are cleaned up."""
import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from proposals.core import attachments
from tests.factories import make_proposal
from tests.submission import PDF_BYTES

pytestmark = pytest.mark.django_db


def test_clean_orphan_files_deletes_only_old_unreferenced_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    proposal = make_proposal(attachments=attachments.check([SimpleUploadedFile("kept.pdf", PDF_BYTES)]))
    kept = tmp_path / proposal.attachments.get().file.name
    folder = kept.parent
    old_orphan, young_orphan = folder / "old.pdf", folder / "young.pdf"
    old_orphan.write_bytes(b"%PDF-")
    young_orphan.write_bytes(b"%PDF-")
    two_hours_ago = time.time() - 7200
    os.utime(old_orphan, (two_hours_ago, two_hours_ago))
    os.utime(kept, (two_hours_ago, two_hours_ago))
    call_command("clean_orphan_files", minutes=60)
    assert kept.exists() and young_orphan.exists() and not old_orphan.exists()
