"""The worker's side of the outbox: claim one due row at a time, send it over one SMTP connection, record it.

Each message is claimed, sent and recorded in its own transaction, with its row locked (``skip_locked``: several
workers share the queue without waiting for each other). A worker killed after the SMTP server accepted a message
but before the commit leaves the row queued, so it is sent again: at most one duplicate per kill, with the same
Message-ID. Hand-written rather than one task per message: one task per row would double the rows written in a
bulk release and open an SMTP connection per message.
"""
import contextlib
import datetime
import logging
import smtplib
from typing import NamedTuple

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from proposals.core.models import Notification, NotificationKind, NotificationStatus
from proposals.core.notifications import messages
from proposals.core.notifications.outbox import reaches_submitter

logger = logging.getLogger(__name__)

MAX_RETRY_WAIT = datetime.timedelta(days=1)


class Run(NamedTuple):
    """What one delivery run did: messages sent, rows handled, and whether it stopped on a temporary failure."""

    sent: int
    handled: int
    stopped: bool


class TemporaryFailure(Exception):
    """The server or the network may accept the message later (SMTP 4xx, refused or lost connection)."""


class PermanentFailure(Exception):
    """The message will never be accepted as it is (SMTP 5xx, a refused address)."""


def deliver_due(*, limit=None, now=None):
    """Send due queued messages until none is due or ``limit`` were handled.

    Stops early after a temporary failure (the next rows would most likely fail the same way and use up their
    attempts for nothing). Returns a Run.
    """
    connection = get_connection(fail_silently=False)
    sent = handled = 0
    stopped = False
    try:
        while limit is None or handled < limit:
            outcome = _deliver_one(connection, now=now)
            if outcome is None:
                break
            handled += 1
            sent += outcome == NotificationStatus.SENT
            if outcome == "retry-later":
                stopped = True
                break
    finally:
        # Closing a broken connection must not hide what happened.
        with contextlib.suppress(Exception):
            connection.close()
    return Run(sent, handled, stopped)


def next_due_at(after):
    """When the earliest queued message due after ``after`` is due (None if there is none): when to wake a worker."""
    row = (
        Notification.objects.filter(status=NotificationStatus.QUEUED, next_attempt_at__gt=after)
        .order_by("next_attempt_at").first()
    )
    return row.next_attempt_at if row else None


def _deliver_one(connection, *, now=None):
    """Claim, send and record one due message; None if none is due, else its outcome."""
    with transaction.atomic():
        now = now or timezone.now()
        notification = (
            Notification.objects.due(now)
            .select_related("proposal", "event", "recipient_user")
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("next_attempt_at", "id")
            .first()
        )
        if notification is None:
            return None
        recipient = _recipient(notification)
        if recipient is None:
            notification.status = NotificationStatus.CANCELLED
            notification.last_error = (
                "not sent: contact details removed, updates turned off, no address, or what it announced was undone"
            )
            notification.save(update_fields=["status", "last_error"])
            return notification.status
        notification.attempts += 1
        try:
            _send(connection, messages.build(notification, recipient))
        except TemporaryFailure as error:
            _failed(notification, error, now=now, permanent=False)
            notification.save(update_fields=["status", "attempts", "last_error", "next_attempt_at"])
            return "retry-later"
        except PermanentFailure as error:
            _failed(notification, error, now=now, permanent=True)
        else:
            notification.status = NotificationStatus.SENT
            notification.sent_at = timezone.now()
            notification.last_error = ""
        notification.save(update_fields=["status", "attempts", "last_error", "next_attempt_at", "sent_at"])
        return notification.status


def _recipient(notification):
    """The address to send to now, or None: the submitter no longer receives messages, or what it announces was
    undone before it went out (a decision reconsidered, a proposal unpublished)."""
    if notification.kind == NotificationKind.DIGEST:
        user = notification.recipient_user
        return user.email if user is not None and user.is_active and user.email else None
    proposal = notification.proposal
    if proposal is None or not reaches_submitter(proposal):
        return None
    if notification.kind == NotificationKind.DECISION and proposal.decision_released_at is None:
        return None
    if notification.kind == NotificationKind.PUBLICATION and proposal.published_at is None:
        return None
    return proposal.email


def _send(connection, message):
    """Send over ``connection``, turning what can go wrong into a temporary or permanent failure."""
    message.connection = connection
    try:
        # Opened here and kept: the SMTP backend would otherwise connect and greet the server for every message
        # (other backends have no connection to keep).
        if getattr(connection, "connection", False) is None:
            connection.open()
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _text in error.recipients.values()]
        detail = "; ".join(f"{code} {text.decode(errors='replace')}" for code, text in error.recipients.values())
        _reset(connection)
        raise (TemporaryFailure if all(400 <= code < 500 for code in codes) else PermanentFailure)(detail) from error
    except smtplib.SMTPResponseException as error:
        detail = f"{error.smtp_code} {_text(error.smtp_error)}"
        _reset(connection)
        raise (TemporaryFailure if 400 <= error.smtp_code < 500 else PermanentFailure)(detail) from error
    except (smtplib.SMTPException, OSError) as error:
        # Refused or lost connections, timeouts: the server may be back later.
        _reset(connection)
        raise TemporaryFailure(f"{type(error).__name__}: {error}") from error


def _reset(connection):
    """Drop a connection the server may have left in a state that refuses the next message."""
    try:
        connection.close()
    except Exception:  # noqa: BLE001 - a dead connection cannot be closed politely
        connection.connection = None


def _text(value):
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)


def _failed(notification, error, *, now, permanent):
    notification.last_error = str(error)[:1000]
    if permanent or notification.attempts >= settings.PARLREFORM_NOTIFY_MAX_ATTEMPTS:
        notification.status = NotificationStatus.FAILED
        logger.warning("Notification %s failed after %s attempts", notification.pk, notification.attempts)
        return
    wait = datetime.timedelta(seconds=settings.PARLREFORM_NOTIFY_RETRY_SECONDS * 2 ** (notification.attempts - 1))
    notification.next_attempt_at = now + min(wait, MAX_RETRY_WAIT)
