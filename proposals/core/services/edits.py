"""Staff edits of a proposal's details, corrections of what the submitter sent, and internal notes."""
import json

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from proposals.core import workflow
from proposals.core.models import Proposal, ProposalNote
from proposals.core.services.base import WorkflowError, check_actor, lock, record_event
from proposals.core.services.idea_keys import point_keys_write
from proposals.core.services.locks import ensure_not_locked
from proposals.core.services.points import single_point_follow
from proposals.core.services.retention import removed_by_retention
from proposals.core.workflow import Action

# What a published proposal never loses (publishing needs them: services.transitions.REQUIRED_PUBLIC_TEXTS).
PUBLISHED_KEEPS = ("title_kk", "title_ru", "summary_kk", "summary_ru")


def proposal_edit(*, proposal, actor, changes, at=None):
    """Change the fields of ``proposal`` named in ``changes`` (name -> new value), as workflow.EDITABLE_FIELDS allows.

    The category takes a model instance or None; the other fields a string. Locks the row, checks each
    field against the table for ``actor`` (with the proposal as it is now: published, decision released), saves
    only the fields whose value differs from the stored one and writes ONE event (``edit``, not public) naming each
    changed field, with its old and new values where the table logs values. All or nothing: raises WorkflowError
    and changes nothing for a field staff never edit ("not_editable"), one the actor may not change now
    ("permission"), an invalid value ("invalid") or a published proposal left without its Kazakh or
    Russian public title or summary ("summary_required"), or while a colleague has the proposal checked out on its
    page ("locked", see services.locks). Nothing changed: nothing saved, no event. ``proposal`` is refreshed in place.
    """
    with transaction.atomic():
        locked = lock(proposal)
        ensure_not_locked(locked, actor, at)
        changed = []
        for name, value in changes.items():
            value = _checked_value(locked, name, value, actor, workflow.EDITABLE_FIELDS)
            if _stored(Proposal._meta.get_field(name), value) != _stored(
                Proposal._meta.get_field(name), getattr(locked, name)
            ):
                changed.append((name, getattr(locked, name), value))
        if not changed:
            return proposal
        for name, _old, value in changed:
            setattr(locked, name, value)
        if locked.published_at is not None and not all(getattr(locked, name).strip() for name in PUBLISHED_KEEPS):
            raise WorkflowError(
                _("A published proposal keeps its public title and summary in Kazakh and Russian."),
                "summary_required",
            )
        locked.save(update_fields=[*(name for name, _old, _new in changed), "updated_at"])
        single_point_follow(locked, [name for name, _old, _new in changed])
        note = "\n".join(
            _edit_line(locked, name, old, new, workflow.EDITABLE_FIELDS) for name, old, new in _in_table_order(changed)
        )
        record_event(locked, Action.EDIT, actor, locked.state, locked.state, note=note, at=at)
    proposal.refresh_from_db()
    return proposal


def proposal_correct(*, proposal, actor, field, value, note, at=None):
    """Correct one ``field`` the submitter sent (workflow.CORRECTABLE_FIELDS) to ``value``, with a required ``note``.

    Party and region take a model instance or None; the other fields a string. Locks the row, checks the field
    against the table for ``actor`` (with the proposal as it is now), saves it and writes ONE event (``correct``, not
    public): its first line names the field with its old and new values where the table logs values (the
    submitter's name only with their consent; contact details, position, BIN and long texts never), then the note.
    Raises WorkflowError and changes nothing for a field that is not corrected this way ("not_correctable"), one the
    actor may not change now ("permission"), one the retention period emptied ("removed_by_retention"), an invalid
    value ("invalid"), a value equal to the stored one ("unchanged") or a missing note ("note_required").
    ``proposal`` is refreshed in place.
    """
    note = (note or "").strip()
    with transaction.atomic():
        locked = lock(proposal)
        ensure_not_locked(locked, actor, at)
        value = _checked_value(locked, field, value, actor, workflow.CORRECTABLE_FIELDS)
        if not note:
            raise WorkflowError(_("Say why the submitted data is corrected."), "note_required")
        model_field = Proposal._meta.get_field(field)
        old = getattr(locked, field)
        if _stored(model_field, value) == _stored(model_field, old):
            raise WorkflowError(_("The new value is the same as the stored one."), "unchanged")
        setattr(locked, field, value)
        locked.save(update_fields=[field, "updated_at"])
        if field in ("title", "text"):
            # The whole submission is point 1's text while it has no excerpt of its own.
            point_keys_write(locked.points.filter(text="").select_related("proposal"))
        line = _edit_line(locked, field, old, value, workflow.CORRECTABLE_FIELDS)
        record_event(locked, Action.CORRECT, actor, locked.state, locked.state, note=f"{line}\n{note}", at=at)
    proposal.refresh_from_db()
    return proposal


def _checked_value(locked, name, value, actor, table):
    """``value`` for field ``name`` of the locked row, checked against ``table`` for ``actor``; else WorkflowError."""
    published, released = locked.published_at is not None, locked.decision_released_at is not None
    needed = workflow.edit_permissions(name, published=published, released=released, table=table)
    if needed is None:
        code = "not_editable" if table is workflow.EDITABLE_FIELDS else "not_correctable"
        raise WorkflowError(_("“%(field)s” cannot be changed.") % {"field": _field_label(name)}, code)
    if name in removed_by_retention(locked):
        raise WorkflowError(
            _("“%(field)s” was removed when the retention period ended and stays empty.")
            % {"field": _field_label(name)},
            "removed_by_retention",
        )
    for permission in sorted(needed):
        check_actor(actor, permission)
    return _valid_value(Proposal._meta.get_field(name), value, locked)


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


def _edit_line(proposal, name, old, new, table):
    """One line of an edit's event: the field, and its old and new values where ``table`` says to log them."""
    rule = table[name]
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


def proposal_note_add(*, proposal, author, text):
    """Add an internal note. Raises WorkflowError if the text is empty or the author may not triage."""
    text = (text or "").strip()
    if not text:
        raise WorkflowError(_("The note is empty."), "note_required")
    check_actor(author, workflow.TRIAGE)
    return ProposalNote.objects.create(proposal=proposal, author=author, text=text)


def editable_fields(proposal, user):
    """The fields ``user`` may change on ``proposal`` now (the change form shows every other one read-only)."""
    return _allowed(proposal, user, workflow.EDITABLE_FIELDS)


def correctable_fields(proposal, user):
    """The submitted fields ``user`` may correct on ``proposal`` now, in the table's order."""
    allowed = _allowed(proposal, user, workflow.CORRECTABLE_FIELDS)
    return [name for name in workflow.CORRECTABLE_FIELDS if name in allowed]


def _allowed(proposal, user, table):
    if not user.is_active:
        return set()
    published, released = proposal.published_at is not None, proposal.decision_released_at is not None
    removed = removed_by_retention(proposal)
    # The user's permissions as one set (the backends cache it on the user): what user.has_perm answers for an
    # active user, without a round of every backend for each field and permission (the desk asks a dozen times).
    granted = user.get_all_permissions()
    return {
        name
        for name in table
        if name not in removed and workflow.edit_permissions(
            name, published=published, released=released, table=table
        ) <= granted
    }
