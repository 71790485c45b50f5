"""The core's models, one module per part of the domain; everything is importable from here."""
from proposals.core.models.answers import AnswerTemplate
from proposals.core.models.constitution import Article, ArticleChange, ProposalArticle, Section
from proposals.core.models.events import AppendOnlyError, ProposalEvent, ProposalEventQuerySet, ProposalNote
from proposals.core.models.ideas import (
    PUBLIC_IDEA,
    CandidateStatus,
    Idea,
    IdeaAction,
    IdeaCandidate,
    IdeaEvent,
    IdeaKey,
    IdeaMembership,
    IdeaQuerySet,
    PointKey,
)
from proposals.core.models.locks import ProposalLock
from proposals.core.models.notifications import (
    Notification,
    NotificationKind,
    NotificationQuerySet,
    NotificationStatus,
)
from proposals.core.models.opinions import Consistency, ExpertOpinion, Recommendation
from proposals.core.models.points import Point, PointOutcome
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
    "PUBLIC_IDEA", "CandidateStatus", "Idea", "IdeaAction", "IdeaCandidate", "IdeaEvent", "IdeaKey", "IdeaMembership",
    "IdeaQuerySet", "PointKey",
    "CONTENT_LANGUAGES", "NOT_IN_PUBLIC_ROWS", "PUBLIC", "AnswerTemplate", "AppendOnlyError", "Article",
    "ArticleChange", "Attachment", "Category", "Channel", "Consistency", "ExpertOpinion", "Holiday", "Language",
    "Notification", "NotificationKind", "NotificationQuerySet", "NotificationStatus", "Party", "Point", "PointOutcome",
    "Proposal",
    "ProposalArticle", "ProposalEvent", "ProposalEventQuerySet", "ProposalLock", "ProposalNote", "ProposalQuerySet",
    "RateCounter", "Recommendation", "Region", "Section", "SubmitterKind", "TrilingualName", "attachment_path",
    "in_language",
]
