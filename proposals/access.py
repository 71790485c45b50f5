"""Who may see a submitter's status page: the signed link from the receipt email, or a code and email pair."""
from django.conf import settings
from django.core import signing

from proposals import tracking

LINK_SALT = "parlreform.status-link"
SESSION_KEY = "tracked_proposals"
MAX_TRACKED = 20


def status_token(proposal):
    """A signed, expiring token naming the proposal, for the link in the receipt email."""
    return signing.dumps({"code": proposal.tracking_code}, salt=LINK_SALT, compress=True)


def code_from_token(token):
    """The tracking code a valid, unexpired token names, or None."""
    max_age = settings.PARLREFORM_STATUS_LINK_DAYS * 24 * 3600
    try:
        data = signing.loads(token, salt=LINK_SALT, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    code = data.get("code") if isinstance(data, dict) else None
    return tracking.normalise(code) if isinstance(code, str) else None


def grant(request, proposal):
    """Let this browser session see ``proposal``'s status page."""
    tracked = [code for code in request.session.get(SESSION_KEY, []) if code != proposal.tracking_code]
    request.session[SESSION_KEY] = ([proposal.tracking_code] + tracked)[:MAX_TRACKED]


def may_see(request, tracking_code):
    return tracking_code in request.session.get(SESSION_KEY, [])
