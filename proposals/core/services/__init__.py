"""Every write to proposals: submission, transitions, publication, staff edits. One transaction each, with its event.

One module per job; every service is imported from here (``from proposals.core import services``).
"""
from proposals.core.services.articles import links_from_text, proposal_articles_set
from proposals.core.services.base import WorkflowError
from proposals.core.services.decisions import proposal_decide
from proposals.core.services.edits import (
    correctable_fields,
    editable_fields,
    proposal_correct,
    proposal_edit,
    proposal_note_add,
)
from proposals.core.services.locks import (
    active_lock,
    lock_duration,
    locked_message,
    proposal_lock_release,
    proposal_lock_take,
    proposal_lock_take_over,
    user_locks_release,
)
from proposals.core.services.notifications import notification_resend, proposal_notifications_set
from proposals.core.services.opinions import latest_opinion, opinion_write
from proposals.core.services.point_edits import (
    MAX_POINTS,
    point_add,
    point_drop,
    point_edit,
    point_split,
    points_decide,
    points_join,
)
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
    missing_public_texts,
    proposal_act,
    proposal_assign,
    proposal_extend_deadline,
    proposal_publish,
    proposal_release_decision,
    proposal_transition,
    proposal_unpublish,
)

__all__ = [
    "FORM_START_CLAIM_SECONDS", "MAX_EXTENSION_WORKING_DAYS", "MAX_POINTS", "RETENTION_CLEARS",
    "TRACKING_CODE_ATTEMPTS",
    "DuplicateSubmission", "WorkflowError", "active_lock", "available_actions", "correctable_fields",
    "editable_fields", "latest_opinion", "links_from_text", "lock_duration", "locked_message", "missing_public_texts",
    "notification_resend", "opinion_write", "point_add", "point_drop", "point_edit", "point_split",
    "points_decide", "points_join", "proposal_act", "proposal_anonymise", "proposal_articles_set",
    "proposal_assign", "proposal_correct", "proposal_decide", "proposal_edit", "proposal_extend_deadline",
    "proposal_lock_release", "proposal_lock_take", "proposal_lock_take_over", "proposal_note_add",
    "proposal_notifications_set", "proposal_publish", "proposal_release_decision", "proposal_submit",
    "proposal_transition", "proposal_unpublish", "proposals_release_decisions", "removed_by_retention",
    "retention_fields", "user_locks_release",
]
