"""The retention period's end: a submitter's personal data and attachments removed, the proposal kept."""
import logging

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from proposals.core import notifications
from proposals.core.services.base import lock, record_event
from proposals.core.workflow import Action

logger = logging.getLogger(__name__)

# What a retention period removes besides the name (README, "Retention"): contact details, the position, the
# BIN (an individual entrepreneur's is their personal IIN) and the public form's one-time token.
RETENTION_CLEARS = ("email", "phone", "position", "bin", "submission_token")


def retention_fields(proposal):
    """The fields a retention period empties on ``proposal``: RETENTION_CLEARS, and the name without consent."""
    return [*RETENTION_CLEARS, *([] if proposal.publish_name else ["submitter_name"])]


def removed_by_retention(proposal):
    """The fields the retention period emptied on ``proposal`` (none before it ends): staff may not fill them again."""
    return set() if proposal.anonymised_at is None else set(retention_fields(proposal))


def proposal_anonymise(*, proposal, at=None):
    """Remove the submitter's personal data: RETENTION_CLEARS, the name unless they consented to its publication,
    and the attachments (the rows now, the files once the transaction commits).

    The proposal's texts, public summaries, response and audit trail stay; one event records the removal. Used
    by the retention command; returns False if there was nothing left to remove, so running it again changes
    nothing, while a proposal anonymised under narrower rules loses what they kept.
    """
    with transaction.atomic():
        locked = lock(proposal)
        fields = retention_fields(locked)
        files = list(locked.attachments.values_list("file", flat=True))
        if locked.anonymised_at is not None and not files and not any(getattr(locked, name) for name in fields):
            return False
        for name in fields:
            setattr(locked, name, "")
        locked.anonymised_at = at or timezone.now()
        locked.save(update_fields=[*fields, "anonymised_at", "updated_at"])
        locked.attachments.all().delete()
        notifications.cancel_for(locked)  # Nothing more is sent to a submitter whose contact details are gone.
        record_event(locked, Action.ANONYMISE, None, locked.state, locked.state, at=locked.anonymised_at)
        # A rolled-back removal keeps its files; one that fails after the commit leaves files without rows,
        # which clean_orphan_files deletes.
        transaction.on_commit(lambda: _delete_files(files))
    proposal.refresh_from_db()
    return True


def _delete_files(names):
    for name in names:
        try:
            default_storage.delete(name)
        except OSError as error:
            logger.error("Attachment file %s could not be deleted: %s", name, type(error).__name__)
