"""Every write to proposals: submission, transitions, publication, staff edits. One transaction each, with its event.

One module per job; every service is imported from here (``from proposals.core import services``).
"""
from proposals.core.services.base import WorkflowError
from proposals.core.services.edits import editable_fields, proposal_edit, proposal_note_add
from proposals.core.services.notifications import notification_resend, proposal_notifications_set
from proposals.core.services.releases import proposals_release_decisions
from proposals.core.services.retention import (
    RETENTION_CLEARS,
    proposal_anonymise,
    removed_by_retention,
    retention_fields,
)
from proposals.core.services.submission import (
    FORM_START_CLAIM_SECONDS,
    TRACKING_CODE_ATTEMPTS,
    DuplicateSubmission,
    proposal_submit,
)
from proposals.core.services.transitions import (
    MAX_EXTENSION_WORKING_DAYS,
    available_actions,
    proposal_act,
    proposal_assign,
    proposal_extend_deadline,
    proposal_publish,
    proposal_release_decision,
    proposal_transition,
    proposal_unpublish,
)

__all__ = [
    "FORM_START_CLAIM_SECONDS", "MAX_EXTENSION_WORKING_DAYS", "RETENTION_CLEARS", "TRACKING_CODE_ATTEMPTS",
    "DuplicateSubmission", "WorkflowError", "available_actions", "editable_fields", "notification_resend",
    "proposal_act", "proposal_notifications_set", "proposals_release_decisions",
    "proposal_anonymise", "proposal_assign", "proposal_edit", "proposal_extend_deadline", "proposal_note_add",
    "proposal_publish", "proposal_release_decision", "proposal_submit", "proposal_transition", "proposal_unpublish",
    "removed_by_retention", "retention_fields",
]
