"""The core's models, one module per part of the domain; everything is importable from here."""
from proposals.core.models.events import AppendOnlyError, ProposalEvent, ProposalEventQuerySet, ProposalNote
from proposals.core.models.notifications import (
    Notification,
    NotificationKind,
    NotificationQuerySet,
    NotificationStatus,
)
from proposals.core.models.proposal import (
    NOT_IN_PUBLIC_ROWS,
    PUBLIC,
    Attachment,
    Channel,
    Language,
    Proposal,
    ProposalQuerySet,
    SubmitterKind,
    attachment_path,
)
from proposals.core.models.ratelimit import RateCounter
from proposals.core.models.reference import (
    CONTENT_LANGUAGES,
    Category,
    Holiday,
    Party,
    Region,
    TrilingualName,
    in_language,
)

__all__ = [
    "CONTENT_LANGUAGES", "NOT_IN_PUBLIC_ROWS", "PUBLIC", "AppendOnlyError", "Attachment", "Category", "Channel",
    "Holiday", "Language", "Notification", "NotificationKind", "NotificationQuerySet",
    "NotificationStatus", "Party", "Proposal", "ProposalEvent", "ProposalEventQuerySet", "ProposalNote",
    "ProposalQuerySet", "RateCounter", "Region", "SubmitterKind", "TrilingualName", "attachment_path", "in_language",
]
