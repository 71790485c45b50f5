"""The review workflow: states, actions and the one transition table. Pure: no queries."""
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class State(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("proposal state", "Received")
    SCREENING = "screening", pgettext_lazy("proposal state", "Screening")
    IN_REVIEW = "in_review", pgettext_lazy("proposal state", "In review")
    WITH_WORKING_GROUP = "with_working_group", pgettext_lazy("proposal state", "With the Working Group")
    ACCEPTED = "accepted", pgettext_lazy("proposal state", "Accepted")
    PARTIALLY_ACCEPTED = "partially_accepted", pgettext_lazy("proposal state", "Partially accepted")
    NOT_ACCEPTED = "not_accepted", pgettext_lazy("proposal state", "Not accepted")
    DUPLICATE = "duplicate", pgettext_lazy("proposal state", "Duplicate")
    OUT_OF_SCOPE = "out_of_scope", pgettext_lazy("proposal state", "Out of scope")
    WITHDRAWN = "withdrawn", pgettext_lazy("proposal state", "Withdrawn")
    SPAM = "spam", pgettext_lazy("proposal state", "Spam")


class Action(models.TextChoices):
    """Everything that can happen to a proposal; the first group changes its state."""

    START_SCREENING = "start_screening", _("Start screening")
    ACCEPT_FOR_REVIEW = "accept_for_review", _("Accept for review")
    MARK_DUPLICATE = "mark_duplicate", _("Mark as duplicate")
    MARK_OUT_OF_SCOPE = "mark_out_of_scope", _("Mark as out of scope")
    MARK_SPAM = "mark_spam", _("Mark as spam")
    FORWARD = "forward", _("Forward to the Working Group")
    RETURN_TO_REVIEW = "return_to_review", _("Return for further review")
    ACCEPT = "accept", _("Record: accepted")
    ACCEPT_PARTIALLY = "accept_partially", _("Record: partially accepted")
    REJECT = "reject", _("Record: not accepted")
    RECONSIDER = "reconsider", _("Reconsider the decision")
    REOPEN = "reopen", _("Reopen")
    WITHDRAW = "withdraw", _("Withdraw")
    # Events that leave the state as it is.
    SUBMIT = "submit", _("Submitted")
    PUBLISH = "publish", _("Publish")
    UNPUBLISH = "unpublish", _("Unpublish")
    RELEASE_DECISION = "release_decision", _("Release the decision")
    ASSIGN = "assign", _("Assign")
    EXTEND_DEADLINE = "extend_deadline", _("Extend the deadline")
    ANONYMISE = "anonymise", _("Remove contact details")
    EDIT = "edit", _("Edit the details")
    WRITE_OPINION = "write_opinion", _("Write the expert opinion")
    TAKE_OVER = "take_over", _("Take over the editing")
    CORRECT = "correct", _("Correct submitted data")
    NOTIFICATIONS_OFF = "notifications_off", _("Email updates turned off")
    NOTIFICATIONS_ON = "notifications_on", _("Email updates turned on")
    RESEND_NOTIFICATION = "resend_notification", _("Send the message again")
    SPLIT_POINTS = "split_points", _("Split into points")
    JOIN_POINTS = "join_points", _("Join points")
    EDIT_POINTS = "edit_points", _("Edit the points")
    DECIDE_POINTS = "decide_points", _("Record the points' outcomes")
    JOIN_IDEA = "join_idea", _("Joined an idea")
    LEAVE_IDEA = "leave_idea", _("Left an idea")
    DECIDE_WITH_IDEA = "decide_with_idea", _("Decided with its idea")
    DECIDE_APART = "decide_apart", _("Decided apart from its idea")


class NotAcceptedReason(models.TextChoices):
    """Coded reasons for a proposal the Working Group did not accept."""

    CONTRADICTS_PRINCIPLES = "contradicts_principles", _("Contradicts the principles of the reform")
    ALREADY_PROVIDED = "already_provided", _("Already provided for by the draft or current law")
    INSUFFICIENTLY_JUSTIFIED = "insufficiently_justified", _("Insufficiently justified")
    NOT_CONSTITUTIONAL_LEVEL = "not_constitutional_level", _("A matter for ordinary law, not the Constitution")
    NOT_FEASIBLE = "not_feasible", _("Not feasible at this stage")
    OTHER = "other", _("Other (see the response)")


# Permission codenames on Proposal (created with the model, granted to groups by a data migration).
TRIAGE = "proposals.triage_proposal"
DECIDE = "proposals.decide_proposal"
PUBLISH = "proposals.publish_proposal"

OPEN_STATES = frozenset({State.RECEIVED, State.SCREENING, State.IN_REVIEW, State.WITH_WORKING_GROUP})
DECIDED_STATES = frozenset({State.ACCEPTED, State.PARTIALLY_ACCEPTED, State.NOT_ACCEPTED})
# States in which a proposal may be published in the register (DESIGN.md section 4).
PUBLISHABLE_STATES = frozenset({State.IN_REVIEW, State.WITH_WORKING_GROUP, State.OUT_OF_SCOPE} | DECIDED_STATES)


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset
    target: str
    permission: str
    needs_note: bool = False
    needs_reason: bool = False
    needs_duplicate: bool = False
    # The submitter (no account, actor None) may take this action on their own proposal.
    submitter_may: bool = False
    # Shown on the public timeline and the submitter's status page.
    public: bool = True
    # The sources are states as the submitter sees them (public_state): a recorded decision not yet released
    # still reads "with the Working Group", so the action stays open until the decision is announced.
    as_seen_publicly: bool = False
    # Hard to undo (the proposal leaves the work, or the submitter is told): the console asks first.
    irreversible: bool = False
    # A recorded decision: the console's decision page takes the public response with it.
    decides: bool = False


def _t(action, sources, target, permission, **flags):
    return Transition(action, frozenset(sources), target, permission, **flags)


S = State
TRANSITIONS = {
    t.action: t
    for t in [
        _t(Action.START_SCREENING, [S.RECEIVED], S.SCREENING, TRIAGE),
        _t(Action.ACCEPT_FOR_REVIEW, [S.SCREENING], S.IN_REVIEW, TRIAGE),
        _t(Action.MARK_DUPLICATE, [S.RECEIVED, S.SCREENING, S.IN_REVIEW], S.DUPLICATE, TRIAGE, needs_duplicate=True),
        _t(
            Action.MARK_OUT_OF_SCOPE, [S.RECEIVED, S.SCREENING, S.IN_REVIEW], S.OUT_OF_SCOPE, TRIAGE,
            needs_note=True, irreversible=True,
        ),
        _t(
            Action.MARK_SPAM, [S.RECEIVED, S.SCREENING], S.SPAM, TRIAGE,
            public=False, needs_note=True, irreversible=True,
        ),
        _t(Action.FORWARD, [S.IN_REVIEW], S.WITH_WORKING_GROUP, DECIDE),
        _t(Action.RETURN_TO_REVIEW, [S.WITH_WORKING_GROUP], S.IN_REVIEW, DECIDE, needs_note=True),
        # A decision is recorded privately; RELEASE_DECISION makes it public, so answers go out together.
        _t(Action.ACCEPT, [S.WITH_WORKING_GROUP], S.ACCEPTED, DECIDE, public=False, decides=True),
        _t(
            Action.ACCEPT_PARTIALLY, [S.WITH_WORKING_GROUP], S.PARTIALLY_ACCEPTED, DECIDE,
            needs_note=True, public=False, decides=True,
        ),
        _t(
            Action.REJECT, [S.WITH_WORKING_GROUP], S.NOT_ACCEPTED, DECIDE,
            needs_reason=True, needs_note=True, public=False, decides=True, irreversible=True,
        ),
        _t(Action.RECONSIDER, DECIDED_STATES, S.WITH_WORKING_GROUP, DECIDE, needs_note=True),
        _t(Action.REOPEN, [S.DUPLICATE, S.OUT_OF_SCOPE, S.SPAM], S.SCREENING, DECIDE, needs_note=True),
        # The submitter's page looks exactly as before a decision until it is released, withdrawal included.
        # Staff withdraw on the submitter's behalf (a letter, a call) and say so in the note; the submitter's own
        # withdrawal from the public site needs none (note_from_staff_only).
        _t(
            Action.WITHDRAW, OPEN_STATES, S.WITHDRAWN, TRIAGE,
            submitter_may=True, as_seen_publicly=True, needs_note=True, irreversible=True,
        ),
    ]
}

# Answering an idea once (services.idea_decide) records the decision of each one-point member proposal still open,
# from any of these states straight to the idea's outcome, with one DECIDE_WITH_IDEA event each: the copies of a
# campaign are answered without each going through the review on its own. The decision is recorded, not released,
# as ACCEPT, ACCEPT_PARTIALLY and REJECT record it; a decided member changes only after RECONSIDER.
IDEA_DECIDES_FROM = OPEN_STATES

# How each public event reads on a timeline (past tense, unlike the button labels above).
TIMELINE = {
    Action.SUBMIT: _("Proposal received"),
    Action.START_SCREENING: _("Screening started"),
    Action.ACCEPT_FOR_REVIEW: _("Accepted for expert review"),
    Action.MARK_DUPLICATE: _("Merged with a similar proposal"),
    Action.MARK_OUT_OF_SCOPE: _("Found to be outside the scope of the reform"),
    Action.FORWARD: _("Forwarded to the Working Group"),
    Action.RETURN_TO_REVIEW: _("Returned for further review"),
    Action.RECONSIDER: _("The decision is being reconsidered"),
    Action.REOPEN: _("Reopened"),
    Action.WITHDRAW: _("Withdrawn by the submitter"),
    Action.PUBLISH: _("Published in the register"),
    Action.RELEASE_DECISION: _("Decision announced"),
    Action.EXTEND_DEADLINE: _("The deadline for the answer was extended"),
}

# Actions that record an event without moving the proposal, and who may take them.
EVENT_PERMISSIONS = {
    Action.PUBLISH: PUBLISH,
    Action.UNPUBLISH: PUBLISH,
    Action.RELEASE_DECISION: PUBLISH,
    Action.EXTEND_DEADLINE: DECIDE,
    Action.CORRECT: TRIAGE,
}


@dataclass(frozen=True)
class FieldRule:
    """Who may change one field of a proposal after intake, and what the edit's event says of the change."""

    permission: str
    # Also needed once the proposal is published, and once its decision is released: the public then reads it.
    once_published: str | None = None
    once_released: str | None = None
    # The event gives the old and new values of a short field; a long text is only named.
    logs_values: bool = True
    # The submitter's personal data: its values are logged only if they consented to publish their name (the log
    # is append-only, and the retention command removes an unconsented name from the proposal).
    personal: bool = False


_DESCRIBES = FieldRule(TRIAGE, once_published=PUBLISH)
_SUMMARY = FieldRule(TRIAGE, once_published=PUBLISH, logs_values=False)
_RESPONSE = FieldRule(DECIDE, once_released=PUBLISH, logs_values=False)
# Removed by the retention period whatever the consent (README, "Retention"): an append-only log must not keep it.
_CONTACT = FieldRule(TRIAGE, logs_values=False)

# The fields staff may change on the change form (through services.proposal_edit), in the order an edit's event
# lists them: how staff classify and describe a proposal. Never what the submitter sent (CORRECTABLE_FIELDS), not
# their consent (publish_name), and not what the services set (state, dates, assignee, links).
EDITABLE_FIELDS = {
    "articles": _DESCRIBES,
    "category": _DESCRIBES,
    "title_kk": _SUMMARY,
    "title_ru": _SUMMARY,
    "title_en": _SUMMARY,
    "summary_kk": _SUMMARY,
    "summary_ru": _SUMMARY,
    "summary_en": _SUMMARY,
    "response_kk": _RESPONSE,
    "response_ru": _RESPONSE,
    "response_en": _RESPONSE,
}

# What the submitter sent, which staff change only by an explicit correction with a note (services.proposal_correct,
# one field at a time, an event with the old and new value where the rule logs values), in the order the desk shows
# them. Never their consent (publish_name), the kind of submitter or the channel it came by.
CORRECTABLE_FIELDS = {
    "submitter_name": FieldRule(TRIAGE, once_published=PUBLISH, personal=True),
    "organisation": _DESCRIBES,
    "party": _DESCRIBES,
    "position": _CONTACT,
    "bin": _CONTACT,
    "region": _DESCRIBES,
    "email": _CONTACT,
    "phone": _CONTACT,
    "language": _DESCRIBES,
    "title": _DESCRIBES,
    # The original texts are not public (the register shows summaries); long, so only named in the log.
    "text": FieldRule(TRIAGE, logs_values=False),
    "rationale": FieldRule(TRIAGE, logs_values=False),
}


def edit_permissions(field, *, published, released, table=None):
    """The permissions needed to change ``field`` of a proposal now (by ``table``, EDITABLE_FIELDS unless given), or
    None if that table never lets staff change it."""
    rule = (EDITABLE_FIELDS if table is None else table).get(field)
    if rule is None:
        return None
    needed = {rule.permission}
    if published and rule.once_published:
        needed.add(rule.once_published)
    if released and rule.once_released:
        needed.add(rule.once_released)
    return needed


def note_required(transition, actor):
    """Whether ``transition`` by ``actor`` (None: the submitter) needs a note: staff say why, submitters need not."""
    return transition.needs_note and actor is not None


def transition_for(action):
    """The Transition for ``action``, or None if it does not change state."""
    return TRANSITIONS.get(action)


def public_state(state, released):
    """The state the public sees: a recorded decision stays "with the Working Group" until it is ``released``."""
    if state in DECIDED_STATES and not released:
        return State.WITH_WORKING_GROUP
    return State(state)


def allowed_from(transition, state, *, released):
    """Whether the table allows ``transition`` from ``state`` (``released``: a decision in it is announced)."""
    seen = public_state(state, released) if transition.as_seen_publicly else state
    return seen in transition.sources


def actions_from(state, *, released=False):
    """The state-changing actions the table allows from ``state``, in table order."""
    return [t for t in TRANSITIONS.values() if allowed_from(t, state, released=released)]

