"""The submitter's control of email updates: the one-click unsubscribe link (RFC 8058) and the status page's switch."""
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from proposals.core import selectors, services
from proposals.core.notifications import links
from proposals.site.views import SubmitterView


@method_decorator([never_cache, csrf_exempt], name="dispatch")
class UnsubscribeView(View):
    """GET: a page that asks to confirm (mail scanners open links); POST: updates about the proposal stop.

    The POST needs no CSRF token: a mail client's one-click button sends it from outside the site (RFC 8058),
    and the signed token in the address is what authorises it; it can only turn messages off.
    """

    def dispatch(self, request, token):
        code = links.code_from_unsubscribe_token(token)
        self.proposal = selectors.proposal_for_receipt(code) if code else None
        if self.proposal is None:
            return render(request, "site/unsubscribe.html", {"invalid": True}, status=400)
        return super().dispatch(request, token)

    def get(self, request, token):
        return render(request, "site/unsubscribe.html", {"proposal": self.proposal})

    def post(self, request, token):
        services.proposal_notifications_set(proposal=self.proposal, on=False)
        return render(request, "site/unsubscribe.html", {"proposal": self.proposal, "done": True})


class NotificationsSwitchView(SubmitterView):
    """The status page's switch: the submitter turns email updates about their proposal on or off."""

    def post(self, request, code):
        proposal = self.status["proposal"]
        on = request.POST.get("notify") == "on"
        services.proposal_notifications_set(proposal=proposal, on=on)
        messages.success(request, _("Email updates are on.") if on else _("Email updates are off."))
        return redirect("status", code=proposal.tracking_code)
