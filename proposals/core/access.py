"""Who may see a submitter's status page: the signed link from the receipt email, or a code and email pair."""
import time

from django.conf import settings
from django.core import signing

from proposals.core import tracking

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


def _current_grants(request):
    """[code, granted at] pairs of this session still within PARLREFORM_PUBLIC_ACCESS_MINUTES, newest first.

    Grants carry their time so that they end on their own: a session cookie lives two weeks (staff sessions
    need that), and the next user of a shared computer must not find the receipt or the status page.
    Anything else in the session (an older format, a tampered value) grants nothing.
    """
    oldest = time.time() - settings.PARLREFORM_PUBLIC_ACCESS_MINUTES * 60
    grants = request.session.get(SESSION_KEY, [])
    if not isinstance(grants, list):
        return []
    return [
        [code, at] for code, at in (item for item in grants if isinstance(item, list) and len(item) == 2)
        if isinstance(code, str) and isinstance(at, int | float) and at > oldest
    ]


def grant(request, proposal):
    """Let this browser session see ``proposal``'s receipt and status page for PARLREFORM_PUBLIC_ACCESS_MINUTES."""
    others = [item for item in _current_grants(request) if item[0] != proposal.tracking_code]
    request.session[SESSION_KEY] = ([[proposal.tracking_code, time.time()]] + others)[:MAX_TRACKED]


def may_see(request, tracking_code):
    return any(code == tracking_code for code, _at in _current_grants(request))
