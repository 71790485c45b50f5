"""The edit lock on the review desk: taken on opening, checked on saving, renewed or released after it, taken over.

Glue between ProposalAdmin and services.locks: the page's banner context, the form check that keeps the typed text
when a colleague holds the lock, and the lead's take-over button.
"""
import datetime

from django.contrib import messages
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from proposals.core import services, workflow
from proposals.core.models import Proposal


def may_edit(proposal, user):
    """Whether opening the page is "opening it for editing": the user may change something on it now."""
    return bool(services.editable_fields(proposal, user))


def page_context(modeladmin, request, proposal):
    """The banner's context; on opening (GET) by someone who may edit, the proposal is checked out to them."""
    user = request.user
    current = services.active_lock(proposal)
    if request.method == "GET" and not _fresh(current, user) and may_edit(proposal, user):
        current = services.proposal_lock_take(proposal=proposal, user=user)
    if current is None:
        return {}
    mine = current.holder_id == user.pk
    return {
        "edit_lock": current,
        "edit_lock_mine": mine,
        "edit_lock_message": services.locked_message(current),
        "edit_lock_can_take_over": not mine and user.has_perm(workflow.DECIDE),
        "edit_lock_take_over_and_save": TAKE_OVER_AND_SAVE,
        # The list's filters travel with the button, so the lead lands back on the page within the same list.
        "edit_lock_take_over_url": _with_filters(
            modeladmin, request, reverse("admin:proposals_proposal_take_over", args=[proposal.pk])
        ),
    }


# Opening the page again within this time of the last renewal keeps the lock as it is: a write and its commit on
# every open cost more than all the page's reads together (measured on SQLite under load: 112 ms of a 240 ms page).
RENEWAL_INTERVAL = datetime.timedelta(minutes=1)


def _fresh(current, user):
    """The user's own lock, renewed within RENEWAL_INTERVAL (so it still has nearly its whole time)."""
    if current is None or current.holder_id != user.pk:
        return False
    return current.expires - timezone.now() > services.lock_duration() - RENEWAL_INTERVAL


def checked_form(form_class, proposal, user):
    """``form_class`` refusing to validate while a colleague holds the lock: the admin shows the page again with
    the message and everything typed (the edit service checks again under the row lock)."""

    class LockCheckedForm(form_class):
        def clean(self):
            cleaned = super().clean()
            current = services.active_lock(proposal)
            taking_over = self.data.get("_continue") == TAKE_OVER_AND_SAVE and user.has_perm(workflow.DECIDE)
            if current is not None and current.holder_id != user.pk and not taking_over:
                self.add_error(None, services.locked_message(current))
            return cleaned

    LockCheckedForm.__name__ = form_class.__name__
    return LockCheckedForm


# The value of the "Take over and save" button: it is a "_continue" button, so the admin returns to the page.
TAKE_OVER_AND_SAVE = "take-over"


def before_save(request, proposal):
    """A lead's "Take over and save" (offered when their save was refused) takes the lock in the save's transaction."""
    if request.POST.get("_continue") == TAKE_OVER_AND_SAVE:
        services.proposal_lock_take_over(proposal=proposal, actor=request.user)


def after_save(request, proposal):
    """A save renews the saver's lock if they stay on the page ("Save and continue editing") and ends it otherwise."""
    if "_continue" in request.POST:
        services.proposal_lock_take(proposal=proposal, user=request.user)
    else:
        services.proposal_lock_release(proposal=proposal, user=request.user)


def take_over_view(modeladmin, request, object_id):
    """POST: a lead takes the proposal over from whoever is editing it, then returns to its page."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    proposal = get_object_or_404(Proposal, pk=object_id)
    if not request.user.has_perm(workflow.DECIDE):
        raise PermissionDenied
    try:
        services.proposal_lock_take_over(proposal=proposal, actor=request.user)
    except services.WorkflowError as error:
        modeladmin.message_user(request, error.message, messages.ERROR)
    else:
        modeladmin.message_user(request, _("You have taken over editing this proposal."), messages.SUCCESS)
    change_url = reverse("admin:proposals_proposal_change", args=[proposal.pk])
    return HttpResponseRedirect(_with_filters(modeladmin, request, change_url))


def _with_filters(modeladmin, request, url):
    context = {"preserved_filters": modeladmin.get_preserved_filters(request), "opts": Proposal._meta}
    return add_preserved_filters(context, url)


def release_on_sign_out(sender, request, user, **kwargs):
    """Signing out ends the person's edit locks: colleagues need not wait for them to expire (user_logged_out)."""
    if user is not None:
        services.user_locks_release(user=user)
