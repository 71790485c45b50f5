"""Registering a proposal: the public form's submissions and the other channels', with attachments, all or nothing."""
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.core import deadlines, tracking
from proposals.core.attachments import stored_name
from proposals.core.infra import ratelimit
from proposals.core.models import Attachment, Channel, Language, Proposal
from proposals.core.services.articles import create_links, links_from_text
from proposals.core.services.base import WorkflowError, record_event
from proposals.core.services.points import first_point_create
from proposals.core.workflow import Action, State

TRACKING_CODE_ATTEMPTS = 8
# A form's start value is valid for a week (forms.START_MAX_AGE); its claim must outlive it.
FORM_START_CLAIM_SECONDS = 8 * 24 * 3600


def proposal_submit(
    *,
    submitter_kind,
    title,
    text,
    language,
    interface_language="",
    submitter_name="",
    organisation="",
    party=None,
    position="",
    bin="",
    email="",
    phone="",
    region=None,
    publish_name=False,
    rationale="",
    articles="",
    article_changes=None,
    category=None,
    channel=Channel.WEB,
    external_ref="",
    received_at=None,
    actor=None,
    attachments=(),
    submission_token="",
    form_start="",
):
    """Register a new proposal in ``received`` with its attachments and its first event.

    ``actor`` is None for the public form and the staff member for other channels;
    ``received_at`` defaults to now (other channels give their own date). Deadlines are
    computed from it. ``interface_language`` is the site language the submitter used (their messages are
    written in it; empty: the text's language). ``attachments`` are CheckedFile records (attachments.check).
    ``submission_token`` is the public form's one-time token, ``form_start`` the nonce of
    its start value: claimed in the same transaction, so a shown form registers at most one
    proposal ever (and a registration that fails claims nothing).
    All or nothing: if anything fails, no row remains and every file written is removed.
    ``articles`` is free text ("49, 50-1"): the numbers that name an article become links (with the change
    ``article_changes`` gives for the number, else "concerns"); the rest stays in ``Proposal.articles`` for staff.
    Returns the saved Proposal with a fresh, unique tracking code.
    Raises WorkflowError(code="duplicate_external_ref") if the channel's reference is
    already registered, and DuplicateSubmission if the token was already used (carrying
    the existing proposal) or the start value was already claimed (carrying None).
    """
    received_at = received_at or timezone.now()
    acknowledge_due, decision_due = deadlines.due_dates(received_at)
    links, articles = links_from_text(articles, article_changes)
    proposal = Proposal(
        submitter_kind=submitter_kind,
        submitter_name=submitter_name,
        organisation=organisation,
        party=party,
        position=position,
        bin=bin,
        email=email,
        phone=phone,
        region=region,
        publish_name=publish_name,
        language=language,
        interface_language=interface_language if interface_language in Language.values else "",
        channel=channel,
        external_ref=external_ref,
        title=title,
        text=text,
        rationale=rationale,
        articles=articles,
        category=category,
        received_at=received_at,
        acknowledge_due=acknowledge_due,
        decision_due=decision_due,
        submission_token=submission_token,
    )
    written = []
    try:
        with transaction.atomic():
            if form_start and not ratelimit.claim("form-start", form_start, FORM_START_CLAIM_SECONDS):
                raise DuplicateSubmission(None)
            if external_ref and Proposal.objects.filter(channel=channel, external_ref=external_ref).exists():
                raise WorkflowError(
                    _("A proposal with this channel and external reference is already registered."),
                    "duplicate_external_ref",
                )
            _save_with_new_tracking_code(proposal)
            create_links(first_point_create(proposal), links)
            for checked in attachments:
                attachment = Attachment(
                    proposal=proposal,
                    stored_name=stored_name(checked.extension),
                    original_name=checked.original_name,
                    content_type=checked.content_type,
                    size=checked.size,
                    sha256=checked.sha256,
                )
                attachment.file.save(attachment.stored_name, checked.upload, save=False)
                written.append(attachment.file.name)
                attachment.save()
            record_event(proposal, Action.SUBMIT, actor, "", State.RECEIVED, at=received_at, is_public=True)
    except DuplicateSubmission:
        raise
    except BaseException:
        # The rows are rolled back; the files are not, so remove them here.
        for name in written:
            default_storage.delete(name)
        if submission_token:
            existing = Proposal.objects.filter(submission_token=submission_token).first()
            if existing is not None:
                raise DuplicateSubmission(existing) from None
        raise
    return proposal


class DuplicateSubmission(Exception):
    """The same form was sent twice; ``proposal`` is the one the first POST created (None if not known)."""

    def __init__(self, proposal):
        super().__init__(proposal.tracking_code if proposal else "")
        self.proposal = proposal


def _save_with_new_tracking_code(proposal):
    # Codes are random, so a collision is rare but possible under concurrent submissions:
    # the unique constraint decides, and we retry with a new code inside a savepoint.
    for _attempt in range(TRACKING_CODE_ATTEMPTS):
        proposal.tracking_code = tracking.generate()
        try:
            with transaction.atomic():
                proposal.save()
            return
        except IntegrityError:
            if proposal.submission_token and Proposal.objects.filter(
                submission_token=proposal.submission_token
            ).exists():
                raise
            if not Proposal.objects.filter(tracking_code=proposal.tracking_code).exists():
                raise
            proposal.pk = None
            proposal._state.adding = True
    raise IntegrityError("Could not find a free tracking code")
