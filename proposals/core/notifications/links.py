"""Absolute links in messages: the signed status link, the public page and the signed one-click unsubscribe."""
from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from proposals.core import access, tracking

UNSUBSCRIBE_SALT = "parlreform.unsubscribe"


def absolute(name, *args, language):
    """The configured site address (never a request's Host) and the path of ``name`` under ``language``'s prefix."""
    with translation.override(language):
        return settings.PARLREFORM_SITE_URL + reverse(name, args=args)


def status_link(proposal, language):
    return absolute("status_link", access.status_token(proposal), language=language)


def public_link(proposal, language):
    return absolute("proposal_detail", proposal.tracking_code, language=language)


def unsubscribe_token(proposal):
    """A signed token naming the proposal; it does not expire: an old message must still stop the next one."""
    return signing.dumps({"code": proposal.tracking_code}, salt=UNSUBSCRIBE_SALT, compress=True)


def code_from_unsubscribe_token(token):
    """The tracking code a valid unsubscribe token names, or None."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    code = data.get("code") if isinstance(data, dict) else None
    return tracking.normalise(code) if isinstance(code, str) else None


def unsubscribe_link(proposal, language):
    return absolute("notifications_unsubscribe", unsubscribe_token(proposal), language=language)
