"""Every write to proposals: submission, transitions, publication, staff edits. One transaction each, with its event."""
import json
import logging

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.core import deadlines, tracking, workflow
from proposals.core.attachments import stored_name
from proposals.core.infra import ratelimit
from proposals.core.models import Attachment, Channel, Proposal, ProposalEvent, ProposalNote
from proposals.core.workflow import DECIDED_STATES, PUBLISHABLE_STATES, Action, NotAcceptedReason, State

logger = logging.getLogger(__name__)

TRACKING_CODE_ATTEMPTS = 8
# A form's start value is valid for a week (forms.START_MAX_AGE); its claim must outlive it.
FORM_START_CLAIM_SECONDS = 8 * 24 * 3600
MAX_EXTENSION_WORKING_DAYS = 30


class WorkflowError(Exception):
    """An action was refused; ``code`` says why, ``message`` says it to a person (translated)."""

    def __init__(self, message, code):
        super().__init__(str(message))
        self.message = message
        self.code = code


def proposal_submit(
    *,
    submitter_kind,
    title,
    text,
    language,
    submitter_name="",
    organisation="",
    party=None,
    position="",
    bin="",
    email="",
    phone="",
    region=None,
    publish_name=False,
    rationale="",
    articles="",
    category=None,
    channel=Channel.WEB,
    external_ref="",
    received_at=None,
    actor=None,
    attachments=(),
    submission_token="",
    form_start="",
):
    """Register a new proposal in ``received`` with its attachments and its first event.

    ``actor`` is None for the public form and the staff member for other channels;
    ``received_at`` defaults to now (other channels give their own date). Deadlines are
    computed from it. ``attachments`` are CheckedFile records (attachments.check).
    ``submission_token`` is the public form's one-time token, ``form_start`` the nonce of
    its start value: claimed in the same transaction, so a shown form registers at most one
    proposal ever (and a registration that fails claims nothing).
    All or nothing: if anything fails, no row remains and every file written is removed.
    Returns the saved Proposal with a fresh, unique tracking code.
    Raises WorkflowError(code="duplicate_external_ref") if the channel's reference is
    already registered, and DuplicateSubmission if the token was already used (carrying
    the existing proposal) or the start value was already claimed (carrying None).
    """
    received_at = received_at or timezone.now()
    acknowledge_due, decision_due = deadlines.due_dates(received_at)
    proposal = Proposal(
        submitter_kind=submitter_kind,
        submitter_name=submitter_name,
        organisation=organisation,
        party=party,
        position=position,
        bin=bin,
        email=email,
        phone=phone,
        region=region,
        publish_name=publish_name,
        language=language,
        channel=channel,
        external_ref=external_ref,
        title=title,
        text=text,
        rationale=rationale,
        articles=articles,
        category=category,
        received_at=received_at,
        acknowledge_due=acknowledge_due,
        decision_due=decision_due,
        submission_token=submission_token,
    )
    written = []
    try:
        with transaction.atomic():
            if form_start and not ratelimit.claim("form-start", form_start, FORM_START_CLAIM_SECONDS):
                raise DuplicateSubmission(None)
            if external_ref and Proposal.objects.filter(channel=channel, external_ref=external_ref).exists():
                raise WorkflowError(
                    _("A proposal with this channel and external reference is already registered."),
                    "duplicate_external_ref",
                )
            _save_with_new_tracking_code(proposal)
            for checked in attachments:
                attachment = Attachment(
                    proposal=proposal,
                    stored_name=stored_name(checked.extension),
                    original_name=checked.original_name,
                    content_type=checked.content_type,
                    size=checked.size,
                    sha256=checked.sha256,
                )
                attachment.file.save(attachment.stored_name, checked.upload, save=False)
                written.append(attachment.file.name)
                attachment.save()
            _record(proposal, Action.SUBMIT, actor, "", State.RECEIVED, at=received_at, is_public=True)
    except DuplicateSubmission:
        raise
    except BaseException:
        # The rows are rolled back; the files are not, so remove them here.
        for name in written:
            default_storage.delete(name)
        if submission_token:
            existing = Proposal.objects.filter(submission_token=submission_token).first()
            if existing is not None:
                raise DuplicateSubmission(existing) from None
        raise
    return proposal


class DuplicateSubmission(Exception):
    """The same form was sent twice; ``proposal`` is the one the first POST created (None if not known)."""

    def __init__(self, proposal):
        super().__init__(proposal.tracking_code if proposal else "")
        self.proposal = proposal


def _save_with_new_tracking_code(proposal):
    # Codes are random, so a collision is rare but possible under concurrent submissions:
    # the unique constraint decides, and we retry with a new code inside a savepoint.
    for _attempt in range(TRACKING_CODE_ATTEMPTS):
        proposal.tracking_code = tracking.generate()
        try:
            with transaction.atomic():
                proposal.save()
            return
        except IntegrityError:
            if proposal.submission_token and Proposal.objects.filter(
                submission_token=proposal.submission_token
            ).exists():
                raise
            if not Proposal.objects.filter(tracking_code=proposal.tracking_code).exists():
                raise
            proposal.pk = None
            proposal._state.adding = True
    raise IntegrityError("Could not find a free tracking code")


def proposal_transition(*, proposal, action, actor, note="", reason="", duplicate_of=None, at=None):
    """Move ``proposal`` by ``action`` as the workflow table allows, and log it.

    ``actor`` is a staff user, or None for the submitter (only actions the table marks
    ``submitter_may``). ``note`` is required where the table says so, ``reason`` (a
    NotAcceptedReason) for ``reject``, ``duplicate_of`` (the original) for ``mark_duplicate``.
    Locks the row, re-reads the state, saves, and writes exactly one ProposalEvent, all in
    one transaction; ``proposal`` is refreshed in place. Raises WorkflowError and changes
    nothing if the action is unknown, not allowed from the current state, not permitted to
    the actor, or misses its note, reason or link.
    """
    transition = workflow.transition_for(action)
    if transition is None:
        raise WorkflowError(_("Unknown action."), "unknown_action")
    note = (note or "").strip()
    at = at or timezone.now()
    with transaction.atomic():
        locked = _lock(proposal, duplicate_of)
        if not workflow.allowed_from(transition, locked.state, released=locked.decision_released_at is not None):
            raise WorkflowError(
                _("Not allowed from the state “%(state)s”.") % {"state": State(locked.state).label}, "not_allowed"
            )
        _check_actor(actor, transition.permission, submitter_may=transition.submitter_may)
        if transition.needs_note and not note:
            raise WorkflowError(_("This action needs a note."), "note_required")
        if transition.needs_reason and reason not in NotAcceptedReason.values:
            raise WorkflowError(_("Choose the reason the proposal was not accepted."), "reason_required")
        original = _original_for_duplicate(locked, duplicate_of) if transition.needs_duplicate else None

        from_state, released_before = locked.state, locked.decision_released_at
        locked.state = transition.target
        locked.duplicate_of = original
        locked.decision_reason = reason if transition.target == State.NOT_ACCEPTED else ""
        locked.decided_at = at if transition.target in DECIDED_STATES else None
        # Any move makes a released decision private again until it is released anew.
        locked.decision_released_at = None
        if transition.target not in PUBLISHABLE_STATES:
            locked.published_at = None
        if action == Action.WITHDRAW:
            locked.submission_token = ""  # The public form's one-time token must not outlive the proposal's use.
        locked.save(
            update_fields=[
                "state", "duplicate_of", "decision_reason", "decided_at", "decision_released_at",
                "published_at", "submission_token", "updated_at",
            ]
        )
        # Leaving a decision nobody has announced must not announce, on the timeline, that there was one; an
        # action the table judges by the public state (withdrawal) reads the same with or without it.
        unannounced = from_state in DECIDED_STATES and released_before is None and not transition.as_seen_publicly
        _record(
            locked, action, actor, from_state, locked.state,
            note=note, reason=locked.decision_reason, at=at, is_public=transition.public and not unannounced,
        )
    proposal.refresh_from_db()
    return proposal


def proposal_publish(*, proposal, actor, at=None):
    """Show ``proposal`` in the public register.

    Needs the publish permission, a publishable state and a public summary in Kazakh and
    Russian. Raises WorkflowError otherwise, or if it is already published.
    """
    with transaction.atomic():
        locked = _lock(proposal)
        _check_actor(actor, workflow.EVENT_PERMISSIONS[Action.PUBLISH])
        if locked.published_at is not None:
            raise WorkflowError(_("The proposal is already published."), "already_published")
        if locked.state not in PUBLISHABLE_STATES:
            raise WorkflowError(
                _("A proposal in the state “%(state)s” cannot be published.") % {"state": State(locked.state).label},
                "not_publishable",
            )
        if not (locked.summary_kk.strip() and locked.summary_ru.strip()):
            raise WorkflowError(_("Publishing needs the public summary in Kazakh and Russian."), "summary_required")
        locked.published_at = at or timezone.now()
        locked.save(update_fields=["published_at", "updated_at"])
        _record(locked, Action.PUBLISH, actor, locked.state, locked.state, at=locked.published_at, is_public=True)
    proposal.refresh_from_db()
    return proposal


def proposal_unpublish(*, proposal, actor, note="", at=None):
    """Take ``proposal`` out of the public register. Raises WorkflowError if it is not published."""
    with transaction.atomic():
        locked = _lock(proposal)
        _check_actor(actor, workflow.EVENT_PERMISSIONS[Action.UNPUBLISH])
        if locked.published_at is None:
            raise WorkflowError(_("The proposal is not published."), "not_published")
        locked.published_at = None
        locked.save(update_fields=["published_at", "updated_at"])
        _record(locked, Action.UNPUBLISH, actor, locked.state, locked.state, note=note, at=at)
    proposal.refresh_from_db()
    return proposal


def proposal_release_decision(*, proposal, actor, at=None):
    """Make a recorded decision public (on the timeline and the status page).

    Raises WorkflowError if there is no decision or it is already released.
    """
    with transaction.atomic():
        locked = _lock(proposal)
        _check_actor(actor, workflow.EVENT_PERMISSIONS[Action.RELEASE_DECISION])
        if locked.state not in DECIDED_STATES:
            raise WorkflowError(_("There is no recorded decision to release."), "not_decided")
        if locked.decision_released_at is not None:
            raise WorkflowError(_("The decision is already released."), "already_released")
        locked.decision_released_at = at or timezone.now()
        locked.save(update_fields=["decision_released_at", "updated_at"])
        _record(
            locked, Action.RELEASE_DECISION, actor, locked.state, locked.state,
            reason=locked.decision_reason, at=locked.decision_released_at, is_public=True,
        )
    proposal.refresh_from_db()
    return proposal


def proposal_assign(*, proposal, assignee, actor, at=None):
    """Give ``proposal`` to ``assignee`` (None to unassign); logged, not public."""
    with transaction.atomic():
        locked = _lock(proposal)
        _check_actor(actor, workflow.TRIAGE)
        if assignee is not None and not (assignee.is_active and assignee.has_perm(workflow.TRIAGE)):
            raise WorkflowError(_("Proposals can be assigned only to active analysts or leads."), "bad_assignee")
        locked.assignee = assignee
        locked.save(update_fields=["assignee", "updated_at"])
        note = assignee.get_username() if assignee else ""
        _record(locked, Action.ASSIGN, actor, locked.state, locked.state, note=note, at=at)
    proposal.refresh_from_db()
    return proposal


def proposal_extend_deadline(*, proposal, actor, working_days, note, at=None):
    """Move the decision deadline of an open proposal ``working_days`` later, with the reason in ``note``.

    The event is public, so the submitter's status page shows that the answer will take longer.
    Raises WorkflowError without the permission, without a note, for a non-positive or excessive
    number of days, or when the proposal is no longer open.
    """
    note = (note or "").strip()
    with transaction.atomic():
        locked = _lock(proposal)
        _check_actor(actor, workflow.EVENT_PERMISSIONS[Action.EXTEND_DEADLINE])
        if locked.state not in workflow.OPEN_STATES:
            raise WorkflowError(_("Only an open proposal has a deadline to extend."), "not_open")
        if not note:
            raise WorkflowError(_("Say why the deadline is extended."), "note_required")
        if not isinstance(working_days, int) or not 1 <= working_days <= MAX_EXTENSION_WORKING_DAYS:
            raise WorkflowError(
                _("An extension is 1 to %(max)d working days.") % {"max": MAX_EXTENSION_WORKING_DAYS},
                "bad_extension",
            )
        base = locked.decision_due or timezone.localdate()
        locked.decision_due = deadlines.extended(base, working_days)
        locked.save(update_fields=["decision_due", "updated_at"])
        _record(locked, Action.EXTEND_DEADLINE, actor, locked.state, locked.state, note=note, at=at, is_public=True)
    proposal.refresh_from_db()
    return proposal


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
        locked = _lock(proposal)
        fields = retention_fields(locked)
        files = list(locked.attachments.values_list("file", flat=True))
        if locked.anonymised_at is not None and not files and not any(getattr(locked, name) for name in fields):
            return False
        for name in fields:
            setattr(locked, name, "")
        locked.anonymised_at = at or timezone.now()
        locked.save(update_fields=[*fields, "anonymised_at", "updated_at"])
        locked.attachments.all().delete()
        _record(locked, Action.ANONYMISE, None, locked.state, locked.state, at=locked.anonymised_at)
        # A rolled-back removal keeps its files; one that fails after the commit leaves files without rows,
        # which clean_orphan_files deletes.
        transaction.on_commit(lambda: _delete_files(files))
    proposal.refresh_from_db()
    return True


def proposal_edit(*, proposal, actor, changes, at=None):
    """Change the fields of ``proposal`` named in ``changes`` (name -> new value), as workflow.EDITABLE_FIELDS allows.

    Category, region and party take a model instance or None; the other fields a string. Locks the row, checks each
    field against the table for ``actor`` (with the proposal as it is now: published, decision released), saves
    only the fields whose value differs from the stored one and writes ONE event (``edit``, not public) naming each
    changed field, with its old and new values where the table logs values. All or nothing: raises WorkflowError
    and changes nothing for a field staff never edit ("not_editable"), one the actor may not change now
    ("permission"), an invalid value ("invalid") or a published proposal left without its Kazakh or Russian
    summary ("summary_required"). Nothing changed: nothing saved, no event. ``proposal`` is refreshed in place.
    """
    with transaction.atomic():
        locked = _lock(proposal)
        published, released = locked.published_at is not None, locked.decision_released_at is not None
        changed = []
        removed = removed_by_retention(locked)
        for name, value in changes.items():
            needed = workflow.edit_permissions(name, published=published, released=released)
            if needed is None:
                raise WorkflowError(
                    _("“%(field)s” cannot be changed.") % {"field": _field_label(name)}, "not_editable"
                )
            if name in removed:
                raise WorkflowError(
                    _("“%(field)s” was removed when the retention period ended and stays empty.")
                    % {"field": _field_label(name)},
                    "removed_by_retention",
                )
            for permission in sorted(needed):
                _check_actor(actor, permission)
            field = Proposal._meta.get_field(name)
            value = _valid_value(field, value, locked)
            if _stored(field, value) != _stored(field, getattr(locked, name)):
                changed.append((name, getattr(locked, name), value))
        if not changed:
            return proposal
        for name, _old, value in changed:
            setattr(locked, name, value)
        if published and not (locked.summary_kk.strip() and locked.summary_ru.strip()):
            raise WorkflowError(
                _("A published proposal keeps its public summary in Kazakh and Russian."), "summary_required"
            )
        locked.save(update_fields=[*(name for name, _old, _new in changed), "updated_at"])
        note = "\n".join(_edit_line(locked, name, old, new) for name, old, new in _in_table_order(changed))
        _record(locked, Action.EDIT, actor, locked.state, locked.state, note=note, at=at)
    proposal.refresh_from_db()
    return proposal


def _field_label(name):
    try:
        return Proposal._meta.get_field(name).verbose_name
    except FieldDoesNotExist:
        return name


def _valid_value(field, value, proposal):
    """``value`` checked as the model field defines it; raises WorkflowError("invalid") with the field's message."""
    if field.is_relation:
        if value is None or isinstance(value, field.related_model):
            return value
        raise WorkflowError(
            _("“%(field)s”: %(error)s") % {"field": field.verbose_name, "error": _("Select a valid choice.")},
            "invalid",
        )
    try:
        return field.clean(value, proposal)
    except ValidationError as error:
        raise WorkflowError(
            _("“%(field)s”: %(error)s") % {"field": field.verbose_name, "error": " ".join(error.messages)}, "invalid"
        ) from None


def _stored(field, value):
    # Related rows compare by key: the form's instance and the stored one are different objects.
    return getattr(value, "pk", None) if field.is_relation else value


def _in_table_order(changed):
    order = list(workflow.EDITABLE_FIELDS)
    return sorted(changed, key=lambda item: order.index(item[0]))


def _edit_line(proposal, name, old, new):
    """One line of an edit's event: the field, and its old and new values where the table says to log them."""
    rule = workflow.EDITABLE_FIELDS[name]
    if not rule.logs_values or (rule.personal and not proposal.publish_name):
        return name
    return f"{name}: {_logged(old)} → {_logged(new)}"


def _logged(value):
    if value is None:
        return "—"
    if hasattr(value, "slug"):
        return f"{value.slug} ({value})"
    # Quoted and escaped: an empty value, spaces or a line break stay visible in the log.
    return json.dumps(value, ensure_ascii=False)


def _delete_files(names):
    for name in names:
        try:
            default_storage.delete(name)
        except OSError as error:
            logger.error("Attachment file %s could not be deleted: %s", name, type(error).__name__)


def proposal_note_add(*, proposal, author, text):
    """Add an internal note. Raises WorkflowError if the text is empty or the author may not triage."""
    text = (text or "").strip()
    if not text:
        raise WorkflowError(_("The note is empty."), "note_required")
    _check_actor(author, workflow.TRIAGE)
    return ProposalNote.objects.create(proposal=proposal, author=author, text=text)


def proposal_act(*, proposal, action, actor, note="", reason="", duplicate_of=None, working_days=None, assignee=None):
    """Take the named ``action`` on ``proposal``: the one entry point for the console's buttons and bulk actions.

    Dispatches to the service that owns the action; raises WorkflowError as that service does.
    """
    if workflow.transition_for(action) is not None:
        return proposal_transition(
            proposal=proposal, action=action, actor=actor, note=note, reason=reason, duplicate_of=duplicate_of
        )
    if action == Action.PUBLISH:
        return proposal_publish(proposal=proposal, actor=actor)
    if action == Action.UNPUBLISH:
        return proposal_unpublish(proposal=proposal, actor=actor, note=note)
    if action == Action.RELEASE_DECISION:
        return proposal_release_decision(proposal=proposal, actor=actor)
    if action == Action.EXTEND_DEADLINE:
        return proposal_extend_deadline(proposal=proposal, actor=actor, working_days=working_days, note=note)
    if action == Action.ASSIGN:
        return proposal_assign(proposal=proposal, assignee=assignee, actor=actor)
    raise WorkflowError(_("Unknown action."), "unknown_action")


def available_actions(proposal, user):
    """The actions ``user`` may take on ``proposal`` now, in the order the console shows them."""
    moves = workflow.actions_from(proposal.state, released=proposal.decision_released_at is not None)
    actions = [t.action for t in moves if user.has_perm(t.permission)]
    if user.has_perm(workflow.PUBLISH):
        if proposal.published_at is None and proposal.state in PUBLISHABLE_STATES:
            actions.append(Action.PUBLISH)
        if proposal.published_at is not None:
            actions.append(Action.UNPUBLISH)
        if proposal.state in DECIDED_STATES and proposal.decision_released_at is None:
            actions.append(Action.RELEASE_DECISION)
    if user.has_perm(workflow.DECIDE) and proposal.state in workflow.OPEN_STATES:
        actions.append(Action.EXTEND_DEADLINE)
    if user.has_perm(workflow.TRIAGE):
        actions.append(Action.ASSIGN)
    return actions


def editable_fields(proposal, user):
    """The fields ``user`` may change on ``proposal`` now (the change form shows every other one read-only)."""
    published, released = proposal.published_at is not None, proposal.decision_released_at is not None
    removed = removed_by_retention(proposal)
    return {
        name
        for name in workflow.EDITABLE_FIELDS
        if name not in removed and user.is_active and all(
            user.has_perm(permission)
            for permission in workflow.edit_permissions(name, published=published, released=released)
        )
    }


def _lock(proposal, *others):
    """Lock ``proposal`` (and any ``others``) in primary-key order, so two transactions never deadlock."""
    ids = sorted({proposal.pk} | {other.pk for other in others if other is not None})
    rows = {row.pk: row for row in Proposal.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
    return rows[proposal.pk]


def _check_actor(actor, permission, *, submitter_may=False):
    if actor is None:
        if submitter_may:
            return
        raise WorkflowError(_("Only staff can do this."), "permission")
    if not (actor.is_active and actor.has_perm(permission)):
        raise WorkflowError(_("You do not have permission to do this."), "permission")


def _original_for_duplicate(proposal, duplicate_of):
    if duplicate_of is None:
        raise WorkflowError(_("Choose the proposal this one duplicates."), "duplicate_required")
    original = Proposal.objects.get(pk=duplicate_of.pk)
    # Link to the root original, so "also proposed by" counts land in one place.
    seen = {proposal.pk}
    while original.state == State.DUPLICATE and original.duplicate_of_id and original.pk not in seen:
        seen.add(original.pk)
        original = Proposal.objects.get(pk=original.duplicate_of_id)
    if original.pk in seen:
        raise WorkflowError(_("A proposal cannot be a duplicate of itself."), "duplicate_invalid")
    if original.state in (State.SPAM, State.WITHDRAWN):
        raise WorkflowError(_("The original cannot be spam or withdrawn."), "duplicate_invalid")
    return original


def _record(proposal, action, actor, from_state, to_state, *, note="", reason="", at=None, is_public=False):
    return ProposalEvent.objects.create(
        proposal=proposal,
        action=action,
        from_state=from_state,
        to_state=to_state,
        actor=actor,
        note=note,
        reason=reason,
        is_public=is_public,
        created_at=at or timezone.now(),
    )
