"""Likely duplicates on the review desk: the fragment the page loads after it renders, and the original's picker."""
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from proposals.core import selectors
from proposals.core.models import Proposal
from proposals.core.workflow import State

# The fragment alone (for the page's script); without it the same list comes as a console page (no JavaScript).
PARTIAL_PARAMETER = "partial"


def fragment_view(modeladmin, request, object_id):
    """The likely duplicates of one proposal, as HTML: a fragment for the desk page, or a page of its own.

    Staff who may view the proposal only; anyone else gets a plain 404 (not a login page), as the downloads do.
    Kept out of the desk page because scoring the candidates is most of the page's time at a million proposals.
    """
    if not modeladmin.admin_site.has_permission(request):
        raise Http404
    proposal = get_object_or_404(Proposal, pk=object_id)
    if not modeladmin.has_view_permission(request, proposal):
        raise Http404
    context = {"original": proposal, "likely_duplicates": selectors.likely_duplicates(proposal)}
    if request.GET.get(PARTIAL_PARAMETER):
        return TemplateResponse(request, "console/includes/likely_duplicates.html", context)
    return TemplateResponse(request, "console/likely_duplicates.html", {
        **modeladmin.admin_site.each_context(request),
        **context,
        "title": _("Likely duplicates"),
        "opts": modeladmin.opts,
        "change_url": reverse("admin:proposals_proposal_change", args=[proposal.pk]),
    })


def originals(proposal):
    """What the picker accepts as the original of ``proposal``: any other proposal but spam and withdrawn ones."""
    return Proposal.objects.exclude(pk=proposal.pk).exclude(state__in=selectors.NEVER_ORIGINALS)


def picker_choices(proposal, query=""):
    """The picker's radio choices: the likely duplicates first, then what ``query`` finds (a code or its part,
    title words); each proposal once, never the proposal itself. Grouped, so each list has its heading.

    Returns (groups, found): ``found`` is how many proposals ``query`` found (those already listed included).
    """
    likely = selectors.likely_duplicates(proposal)
    groups = []
    if likely:
        groups.append((_("Likely duplicates"), [(other.pk, _label(other)) for other in likely]))
    found = selectors.duplicate_search(proposal, query) if query else []
    seen = {other.pk for other in likely}
    added = [other for other in found if other.pk not in seen]
    if added:
        heading = _("Found for “%(query)s”") % {"query": query[:100]}
        groups.append((heading, [(other.pk, _label(other)) for other in added]))
    return groups, len(found)


def _label(other):
    return f"{other.tracking_code} — {other.title} ({State(other.state).label})"
