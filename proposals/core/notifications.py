"""Emails to submitters: the receipt with the tracking code and the signed status link."""
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from proposals.core import access
from proposals.core.infra import ratelimit

logger = logging.getLogger(__name__)


def send_receipt(request, proposal):
    """Email the tracking code and a signed status link once the proposal is committed.

    Sending happens after the transaction commits, in the interface language; a mail
    server failure is logged (without the address) and never breaks the submission.
    The link starts with the configured site address, never the request's Host header (any
    allowed host with any port would otherwise reach the mail). The mail quotes nothing the
    submitter typed: a title of the sender's choosing (a web address, "confirm your identity")
    in a mail from the Institute would make the form a way to send phishing to any address.

    At most PARLREFORM_RECEIPTS_PER_ADDRESS receipts go to one address: the form must
    not become a way to send the Institute's mail to anyone, again and again. Returns whether
    the receipt was queued (False past that limit), so the receipt page says so.
    """
    address = proposal.email.strip().lower()
    if not ratelimit.hit("receipt", request, settings.PARLREFORM_RECEIPTS_PER_ADDRESS, identity=address):
        logger.info("Receipt email for %s not sent: PARLREFORM_RECEIPTS_PER_ADDRESS reached", proposal.tracking_code)
        return False
    link = settings.PARLREFORM_SITE_URL + reverse("status_link", args=[access.status_token(proposal)])
    subject = _("Your proposal is registered: %(code)s") % {"code": proposal.tracking_code}
    body = render_to_string("emails/receipt.txt", {"proposal": proposal, "link": link})

    def send():
        try:
            send_mail(subject, body, None, [proposal.email])
        except Exception as error:
            # The class only: a mail server's message can contain the address.
            logger.error("Receipt email for %s could not be sent: %s", proposal.tracking_code, type(error).__name__)

    transaction.on_commit(send)
    return True
