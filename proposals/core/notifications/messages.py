"""Each outbox row as an email: subject, plain text and HTML in the recipient's language, and the headers."""
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from proposals.core.models import NotificationKind, Proposal, in_language
from proposals.core.notifications import links
from proposals.core.workflow import NotAcceptedReason, State


def subject(notification, proposal):
    """The subject: the kind of message and the tracking code, never anything a person typed."""
    code = {"code": proposal.tracking_code} if proposal else {}
    subjects = {
        NotificationKind.RECEIPT: _("Your proposal is registered: %(code)s"),
        NotificationKind.ACKNOWLEDGEMENT: _("Your proposal %(code)s is being considered"),
        NotificationKind.EXTENSION: _("The answer to your proposal %(code)s will take longer"),
        NotificationKind.DECISION: _("The Working Group has answered your proposal %(code)s"),
        NotificationKind.PUBLICATION: _("Your proposal %(code)s is published in the register"),
        NotificationKind.WITHDRAWAL: _("Your proposal %(code)s is withdrawn"),
        NotificationKind.DIGEST: _("Proposals due within two working days"),
    }
    return subjects[notification.kind] % code


def message_id(notification):
    """A Message-ID that is the same at every attempt, so a mail system drops a copy sent twice."""
    host = urlsplit(settings.PARLREFORM_SITE_URL).hostname
    return f"<notification-{notification.pk}@{host}>"


def build(notification, recipient):
    """The EmailMultiAlternatives for ``notification`` to ``recipient`` (an address)."""
    proposal = notification.proposal
    with translation.override(notification.language):
        context = {"notification": notification, "proposal": proposal, "event": notification.event}
        headers = {"Message-ID": message_id(notification), "Auto-Submitted": "auto-generated"}
        if notification.kind == NotificationKind.DIGEST:
            context.update(_digest_context(notification))
        else:
            context.update(_submitter_context(notification, proposal))
            # RFC 8058: a mail client's one-click button POSTs to this address; it stops this proposal's messages.
            headers["List-Unsubscribe"] = f"<{context['unsubscribe_link']}>"
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        text = render_to_string(f"emails/{notification.kind}.txt", context)
        html = render_to_string(f"emails/{notification.kind}.html", context)
        message = EmailMultiAlternatives(
            subject=subject(notification, proposal), body=text, to=[recipient],
            reply_to=settings.PARLREFORM_EMAIL_REPLY_TO or None, headers=headers,
        )
    message.attach_alternative(html, "text/html")
    return message


def _submitter_context(notification, proposal):
    language = notification.language
    context = {
        "status_link": links.status_link(proposal, language),
        "unsubscribe_link": links.unsubscribe_link(proposal, language),
    }
    if notification.kind == NotificationKind.DECISION:
        context["outcome"] = State(proposal.state).label
        if proposal.decision_reason:
            context["reason"] = NotAcceptedReason(proposal.decision_reason).label
        context["response"] = in_language(proposal, "response")
    if notification.kind == NotificationKind.PUBLICATION:
        context["public_link"] = links.public_link(proposal, language)
    return context


def _digest_context(notification):
    ids = notification.context.get("proposals", [])
    proposals = Proposal.objects.filter(pk__in=ids).order_by("decision_due", "acknowledge_due", "pk")
    rows = [
        {
            "proposal": proposal,
            "due": proposal.due_date,
            "link": settings.PARLREFORM_SITE_URL + reverse("admin:proposals_proposal_change", args=[proposal.pk]),
        }
        for proposal in proposals
    ]
    return {"rows": rows}
