"""Thin views: each calls one selector or service and renders a template."""
import sys

from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import Http404, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from proposals.api import ideas as api_ideas
from proposals.api import points as api_points
from proposals.api import views as api
from proposals.core import access, notifications, selectors, services, tracking
from proposals.core.ideas import public as public_ideas
from proposals.core.infra import http_cache, ratelimit
from proposals.core.infra.pagination import with_cursor
from proposals.core.workflow import OPEN_STATES, Action
from proposals.site.forms import SubmissionForm, TrackForm, token_shown_to

RECEIPT_SESSION_KEY = "receipt_code"
# Whether the receipt email went out (not past the per-address limit), so the receipt page never claims it did.
RECEIPT_EMAILED_SESSION_KEY = "receipt_emailed"
TOO_MANY_PROPOSALS = gettext_lazy("Too many proposals have been sent from your connection. Please try again later.")


class HomeView(TemplateView):
    template_name = "site/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["figures"] = selectors.home_figures()
        context["latest"] = selectors.latest_public()
        context["decisions"] = selectors.latest_decisions()
        context["ideas_count"] = public_ideas.public_ideas_count()
        return context


@method_decorator(never_cache, name="dispatch")
class SubmitView(View):
    """The public form: validate, submit through the service, then POST-redirect-GET to the receipt."""

    template_name = "site/submit.html"

    def get(self, request):
        return render(request, self.template_name, {"form": SubmissionForm(browser=browser_secret(request))})

    def post(self, request):
        form = SubmissionForm(request.POST, request.FILES)
        # Every attempt counts, refused ones too: each costs the server a check of its attachments.
        if not ratelimit.hit("submit-attempt", request, settings.PARLREFORM_SUBMIT_ATTEMPT_RATE):
            return self.refuse(request, form, TOO_MANY_PROPOSALS, status=429)
        if form.is_bot:
            return self.refuse(request, form, _("Your proposal could not be accepted."), status=400)
        if form.sent_too_fast():
            form.renew()
            return self.refuse(
                request, form, _("The form was sent too quickly. Please check it and send it again."), status=400
            )
        # The same form sent again soon after by the browser that sent it (double click, back and resubmit,
        # a retry after a lost answer): its receipt. The token alone, from anywhere else, opens nothing.
        earlier = self.sent_before(request)
        if earlier is not None:
            return self.receipt(request, earlier)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form, "files_dropped": bool(request.FILES)})
        if not ratelimit.hit("submit", request, settings.PARLREFORM_SUBMIT_RATE):
            return self.refuse(request, form, TOO_MANY_PROPOSALS, status=429)
        try:
            # One shown form, one proposal: the service claims the form's start value with the proposal.
            proposal = services.proposal_submit(**form.submit_kwargs(), form_start=form.start_nonce)
        except services.DuplicateSubmission:
            # Sent twice at once: this copy waited for the other's registration, whose receipt it shows.
            earlier = self.sent_before(request)
            if earlier is not None:
                return self.receipt(request, earlier)
            form.renew(browser=browser_secret(request))
            message = _("This form was already sent. Look for its receipt in your email; to send it as a new "
                        "proposal, send the form again.")
            return self.refuse(request, form, message, status=400)
        except OSError:
            return self.refuse(
                request, form,
                _("Your attachments could not be saved. Nothing was registered; please try again later."),
                status=503,
            )
        request.session[RECEIPT_EMAILED_SESSION_KEY] = notifications.send_receipt(request, proposal)
        return self.receipt(request, proposal)

    def sent_before(self, request):
        """The proposal this browser registered with the form's token in the last minutes, or None."""
        token = request.POST.get("submission_token", "")
        proposal = selectors.proposal_for_token(token)
        if proposal is not None and (
            request.session.get(RECEIPT_SESSION_KEY) == proposal.tracking_code
            or token_shown_to(token, browser_secret(request))
        ):
            return proposal
        return None

    def receipt(self, request, proposal):
        request.session[RECEIPT_SESSION_KEY] = proposal.tracking_code
        access.grant(request, proposal)
        return redirect("receipt")

    def refuse(self, request, form, message, status):
        # Shown again without its files (they must be chosen again anyway): a refusal checks no attachment.
        shown = SubmissionForm(form.data)
        shown.is_valid()
        shown.add_error(None, message)
        context = {"form": shown, "files_dropped": bool(request.FILES)}
        return render(request, self.template_name, context, status=status)


def browser_secret(request):
    """A secret only this browser holds, from before it sent the form: its CSRF cookie (set with the form page).

    The session cannot serve: a first visitor's session cookie comes with the answer that registers the
    proposal, which a crash or an outage can lose.
    """
    get_token(request)
    return request.META.get("CSRF_COOKIE", "")


@method_decorator(never_cache, name="dispatch")
class ReceiptView(View):
    """The receipt of this browser's last submission; there is no URL naming a proposal."""

    def get(self, request):
        code = request.session.get(RECEIPT_SESSION_KEY, "")
        # The receipt lasts as long as the status page's grant (a shared computer's next user must not find it).
        proposal = selectors.proposal_for_receipt(code) if access.may_see(request, code) else None
        if proposal is None:
            return redirect("submit")
        emailed = request.session.get(RECEIPT_EMAILED_SESSION_KEY, True)
        return render(request, "site/receipt.html", {"proposal": proposal, "emailed": emailed})


@method_decorator(never_cache, name="dispatch")
class TrackView(View):
    """Status lookup by tracking code and email; one generic answer for every wrong pair."""

    template_name = "site/track.html"

    def get(self, request):
        return render(request, self.template_name, {"form": TrackForm()})

    def post(self, request):
        form = TrackForm(request.POST)
        if not ratelimit.hit("track", request, settings.PARLREFORM_TRACK_RATE):
            form.is_valid()
            form.add_error(None, _("Too many lookups from your connection. Please wait a minute and try again."))
            return render(request, self.template_name, {"form": form}, status=429)
        proposal = None
        if form.is_valid():
            proposal = selectors.proposal_for_submitter(form.cleaned_data["tracking_code"], form.cleaned_data["email"])
        if proposal is None:
            if not form.errors:
                form.add_error(None, _("We found no proposal with this tracking code and email. Please check both."))
            return render(request, self.template_name, {"form": form})
        access.grant(request, proposal)
        return redirect("status", code=proposal.tracking_code)


@method_decorator(never_cache, name="dispatch")
class StatusLinkView(View):
    """The signed link from the receipt email: opens the status page without typing."""

    def get(self, request, token):
        code = access.code_from_token(token)
        proposal = selectors.proposal_for_receipt(code) if code else None
        if proposal is None:
            problem = _("This link is not valid or has expired. Enter your tracking code and email.")
            return render(request, TrackView.template_name, {"form": TrackForm(), "problem": problem}, status=400)
        access.grant(request, proposal)
        return redirect("status", code=proposal.tracking_code)


@method_decorator(never_cache, name="dispatch")
class SubmitterView(View):
    """Base for pages only the submitter's session may see; anyone else is sent to the lookup form."""

    def dispatch(self, request, code):
        code = tracking.normalise(code)
        status = selectors.submitter_status(code) if code and access.may_see(request, code) else None
        if status is None:
            return redirect("track")
        self.status = status
        return super().dispatch(request, code)


class StatusView(SubmitterView):
    def get(self, request, code):
        proposal = self.status["proposal"]
        context = {**self.status, "can_withdraw": proposal.public_state in OPEN_STATES}
        return render(request, "site/status.html", context)


class WithdrawView(SubmitterView):
    """Withdrawal by the submitter: a confirmation page, then the workflow service."""

    def get(self, request, code):
        proposal = self.status["proposal"]
        if proposal.public_state not in OPEN_STATES:
            return redirect("status", code=proposal.tracking_code)
        return render(request, "site/withdraw.html", {"proposal": proposal})

    def post(self, request, code):
        proposal = self.status["proposal"]
        try:
            services.proposal_transition(proposal=proposal, action=Action.WITHDRAW, actor=None)
        except services.WorkflowError:
            messages.error(request, _("This proposal can no longer be withdrawn."))
        else:
            messages.success(request, _("Your proposal has been withdrawn."))
        return redirect(reverse("status", args=[proposal.tracking_code]))


def server_error(request):
    """The 500 handler: an unreachable database (even in a middleware, e.g. saving the session) is a 503."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = render(request, "errors/503.html", status=503)
        response["Retry-After"] = "30"
        return response
    return render(request, "500.html", status=500)


def csrf_failure(request, reason=""):
    """The form's security check failed (an old page or blocked cookies): say what to do, in the user's language."""
    return render(request, "403_csrf.html", status=403)


@never_cache
def healthz(request):
    """200 when the database answers, 503 when it does not (for load balancers and monitoring)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


class RegisterView(TemplateView):
    """The public register: filters as GET parameters, keyset pages; ``show=ideas`` lists the public ideas instead."""

    template_name = "site/register.html"

    def showing_ideas(self):
        return self.request.GET.get("show") == "ideas"

    def get_template_names(self):
        return ["site/register_ideas.html"] if self.showing_ideas() else [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.showing_ideas():
            context.update(public_ideas.ideas_register(self.request.GET))
        else:
            context.update(selectors.register(self.request.GET))
        context["page_links"] = page_links(self.request, context["page"])
        return context


def page_links(request, page):
    """URLs of the next and previous pages: the same filters with another cursor."""
    links = {}
    for name, cursor in (("next", page.next_cursor), ("previous", page.previous_cursor)):
        if cursor:
            links[name] = f"?{with_cursor(request.GET, cursor)}"
    return links


class ProposalDetailView(TemplateView):
    template_name = "site/detail.html"

    def get_context_data(self, **kwargs):
        code = tracking.normalise(self.kwargs["code"])
        detail = selectors.public_detail(code) if code else None
        if detail is None:
            raise Http404
        # The list of points is remembered per process under the data versions (templates/site/detail.html).
        versions = ":".join(http_cache.data_versions(self.request))
        # The ideas its points belong to, read with its list of points (inside the same remembered fragment).
        point_ideas = SimpleLazyObject(lambda: public_ideas.ideas_of_points(detail["proposal"]))
        return {**super().get_context_data(**kwargs), **detail, "data_versions": versions, "point_ideas": point_ideas}


class IdeaDetailView(TemplateView):
    """An idea: its texts, who proposed it, its answer once released, and its public members 50 at a time."""

    template_name = "site/idea.html"

    def get(self, request, *args, **kwargs):
        found = public_ideas.public_idea(self.kwargs["pk"])
        if found is None:
            raise Http404
        if "merged_into" in found:
            return redirect("idea_detail", pk=found["merged_into"], permanent=True)
        self.found = found
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        idea, cursor = self.found["idea"], self.request.GET.get("cursor", "")
        valid = public_ideas.member_cursor_is_valid(cursor)
        cursor = cursor if valid else ""
        # Read only when the page renders its list: a list remembered for these data versions reads nothing.
        members = SimpleLazyObject(lambda: public_ideas.members_page(idea, cursor))
        return {
            **super().get_context_data(**kwargs), **self.found, "members": members, "cursor": cursor,
            "cursor_invalid": not valid, "proposed_by": public_ideas.proposed_by(self.found["counts"]),
            "data_versions": ":".join(http_cache.data_versions(self.request)),
        }


class StatisticsView(TemplateView):
    template_name = "site/statistics.html"

    def get_context_data(self, **kwargs):
        stats = selectors.statistics()
        stats = {
            **stats,
            "by_week_labelled": [(formats.date_format(week, "SHORT_DATE_FORMAT"), n) for week, n in stats["by_week"]],
            "week_max": max((n for _week, n in stats["by_week"]), default=0),
        }
        return {**super().get_context_data(**kwargs), "stats": stats, "ideas": stats["ideas"]}


class OpenDataView(TemplateView):
    template_name = "site/data.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs), "answer": api.ANSWER_DOCS, "fields": api.FIELD_DOCS,
            "point_fields": api_points.FIELD_DOCS, "idea_fields": api_ideas.FIELD_DOCS,
        }
