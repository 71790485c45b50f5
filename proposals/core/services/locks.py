"""Edit locks: taking, renewing, releasing and taking over a proposal's check-out, and the check every write makes."""
import datetime

from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from proposals.core import workflow
from proposals.core.models import ProposalLock
from proposals.core.services.base import WorkflowError, check_actor, lock, record_event
from proposals.core.workflow import Action


def lock_duration():
    return datetime.timedelta(minutes=settings.PARLREFORM_EDIT_LOCK_MINUTES)


def active_lock(proposal, at=None):
    """The lock on ``proposal`` that has not expired (with its holder), or None. One query."""
    at = at or timezone.now()
    return ProposalLock.objects.select_related("holder").filter(proposal=proposal.pk, expires__gt=at).first()


def holder_name(user):
    return user.get_full_name() or user.get_username()


def locked_message(edit_lock):
    """“Being edited by <name> since <time>.”, in the active language."""
    since = formats.date_format(timezone.localtime(edit_lock.since), "SHORT_DATETIME_FORMAT")
    return _("Being edited by %(name)s since %(time)s.") % {"name": holder_name(edit_lock.holder), "time": since}


def ensure_not_locked(proposal, actor, at=None):
    """Raise WorkflowError("locked") if someone other than ``actor`` holds an unexpired lock on ``proposal``.

    Call it inside the transaction that holds the proposal's row lock: taking a lock takes that row lock first,
    so nobody can check a proposal out between this check and the write that follows it.
    """
    current = active_lock(proposal, at)
    if current is not None and (actor is None or current.holder_id != actor.pk):
        raise WorkflowError(locked_message(current), "locked")


def proposal_lock_take(*, proposal, user, at=None):
    """Check ``proposal`` out to ``user`` for PARLREFORM_EDIT_LOCK_MINUTES, or renew their own lock.

    Returns the proposal's active lock: ``user``'s own, or, if a colleague holds it, theirs (unchanged; the
    caller compares ``holder_id``). Under the proposal's row lock, so two people opening the page at once never
    both get it. Writes no event: opening a page changes nothing anyone else reads.
    """
    at = at or timezone.now()
    with transaction.atomic():
        locked = lock(proposal)
        current = active_lock(locked, at)
        if current is not None and current.holder_id != user.pk:
            return current
        since = current.since if current is not None else at
        taken, _created = ProposalLock.objects.update_or_create(
            proposal=locked, defaults={"holder": user, "since": since, "expires": at + lock_duration()}
        )
    return taken


def proposal_lock_release(*, proposal, user):
    """End ``user``'s lock on ``proposal`` (saved and left); a colleague's lock is left alone. Returns True if ended."""
    with transaction.atomic():
        lock(proposal)
        deleted, _rows = ProposalLock.objects.filter(proposal=proposal.pk, holder=user).delete()
    return bool(deleted)


def user_locks_release(*, user):
    """End every lock ``user`` holds (they signed out: nobody is editing). Returns how many ended.

    Only the holder's own rows are deleted, so no proposal row lock is needed: a colleague's lock is never touched.
    """
    deleted, _rows = ProposalLock.objects.filter(holder=user).delete()
    return deleted


def proposal_lock_take_over(*, proposal, actor, at=None):
    """A lead (decide permission) checks ``proposal`` out to themselves, whoever holds it.

    Taking it from a colleague writes a ``take_over`` event (not public) naming them and since when they held it.
    Raises WorkflowError("permission") without the decide permission. Returns the new lock.
    """
    at = at or timezone.now()
    with transaction.atomic():
        locked = lock(proposal)
        check_actor(actor, workflow.DECIDE)
        current = active_lock(locked, at)
        if current is not None and current.holder_id != actor.pk:
            since = timezone.localtime(current.since).strftime("%d.%m.%Y %H:%M")
            record_event(
                locked, Action.TAKE_OVER, actor, locked.state, locked.state,
                note=f"{current.holder.get_username()} ({since})", at=at,
            )
        taken, _created = ProposalLock.objects.update_or_create(
            proposal=locked, defaults={"holder": actor, "since": at, "expires": at + lock_duration()}
        )
    return taken
