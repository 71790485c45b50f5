"""Retention: the submitter's personal data go a set time after the decision; the proposal and its audit trail stay."""
import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from proposals.core import attachments, services
from proposals.core.models import Attachment, Proposal, ProposalEvent, SubmitterKind
from proposals.core.workflow import Action, State
from tests.factories import make_proposal, put_in_state
from tests.submission import PDF_BYTES, PNG_BYTES

pytestmark = pytest.mark.django_db


def decided(months_ago, **fields):
    proposal = put_in_state(make_proposal(**fields), State.ACCEPTED)
    Proposal.objects.filter(pk=proposal.pk).update(decided_at=timezone.now() - datetime.timedelta(days=31 * months_ago))
    return proposal


def test_old_decisions_lose_contact_details_and_keep_the_rest(settings):
    settings.PARLREFORM_RETENTION_MONTHS = 12
    old = decided(13, email="old@example.org", phone="+77011112233", submitter_name="Ержан Әлиев")
    consented = decided(13, email="named@example.org", submitter_name="Айгүл Named", publish_name=True)
    recent = decided(2, email="recent@example.org")
    undecided = make_proposal(email="open@example.org")
    events_before = old.events.count()
    call_command("anonymise_expired")
    old.refresh_from_db()
    consented.refresh_from_db()
    assert (old.email, old.phone, old.submitter_name) == ("", "", "")
    assert old.title and old.text and old.anonymised_at is not None
    assert old.events.count() == events_before + 1 and old.events.last().action == Action.ANONYMISE
    assert consented.email == "" and consented.submitter_name == "Айгүл Named"
    assert Proposal.objects.get(pk=recent.pk).email == "recent@example.org"
    assert Proposal.objects.get(pk=undecided.pk).email == "open@example.org"


def test_running_twice_changes_nothing_more(settings):
    settings.PARLREFORM_RETENTION_MONTHS = 12
    proposal = decided(13)
    before = proposal.events.count()
    call_command("anonymise_expired")
    events = proposal.events.count()
    call_command("anonymise_expired")
    assert events == before + 1
    assert proposal.events.count() == events


def test_dry_run_changes_nothing():
    proposal = decided(30, email="keep@example.org")
    call_command("anonymise_expired", dry_run=True)
    assert Proposal.objects.get(pk=proposal.pk).email == "keep@example.org"


def files(*names):
    contents = {"pdf": PDF_BYTES, "png": PNG_BYTES}
    return attachments.check([SimpleUploadedFile(name, contents[name.rsplit(".", 1)[1]]) for name in names])


def test_retention_removes_position_bin_and_the_form_token_and_keeps_the_proposal(settings):
    settings.PARLREFORM_RETENTION_MONTHS = 12
    proposal = decided(
        13, submitter_kind=SubmitterKind.BUSINESS, organisation="ЖК «Серіков»", submitter_name="Бақыт Серіков",
        position="Директор", bin="880101300123", submission_token="f" * 32, rationale="Себебі", articles="49",
    )
    call_command("anonymise_expired")
    proposal.refresh_from_db()
    assert (proposal.position, proposal.bin, proposal.submission_token, proposal.submitter_name) == ("", "", "", "")
    assert (proposal.organisation, proposal.rationale) == ("ЖК «Серіков»", "Себебі")
    assert list(proposal.article_links.values_list("article__number", flat=True)) == ["49"]
    assert proposal.title and proposal.text and proposal.tracking_code


def test_retention_removes_attachments_and_their_files_once_committed(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    settings.PARLREFORM_RETENTION_MONTHS = 12
    proposal = decided(13, attachments=files("letter.pdf", "scan.png"))
    kept = decided(2, attachments=files("recent.pdf"))
    paths = [tmp_path / name for name in proposal.attachments.values_list("file", flat=True)]
    assert len(paths) == 2 and all(path.exists() for path in paths)
    events = proposal.events.count()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("anonymise_expired")
    assert not proposal.attachments.exists() and not any(path.exists() for path in paths)
    assert proposal.events.count() == events + 1 and proposal.events.last().action == Action.ANONYMISE
    assert (tmp_path / kept.attachments.get().file.name).exists()


def test_files_stay_when_the_removal_is_rolled_back(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    proposal = decided(30, attachments=files("letter.pdf"))
    path = tmp_path / proposal.attachments.get().file.name

    def fail(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(services.retention, "record_event", fail)
    with pytest.raises(RuntimeError):
        services.proposal_anonymise(proposal=proposal)
    assert path.exists() and proposal.attachments.count() == 1
    assert Proposal.objects.get(pk=proposal.pk).anonymised_at is None


def test_proposals_anonymised_before_keep_nothing_the_retention_now_removes(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    settings.PARLREFORM_RETENTION_MONTHS = 12
    proposal = decided(13, position="Профессор", bin="", attachments=files("cv.pdf"))
    # As the earlier command left it: contact details and name gone, the rest kept.
    Proposal.objects.filter(pk=proposal.pk).update(email="", phone="", submitter_name="", anonymised_at=timezone.now())
    events = proposal.events.count()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("anonymise_expired")
        call_command("anonymise_expired")
    proposal.refresh_from_db()
    assert proposal.position == "" and not proposal.attachments.exists()
    assert proposal.events.count() == events + 1
    assert not any(tmp_path.rglob("*.pdf"))


def test_running_twice_writes_no_second_event_and_touches_no_file(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    settings.PARLREFORM_RETENTION_MONTHS = 12
    decided(13, attachments=files("letter.pdf"), position="Төраға")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("anonymise_expired")
    events = ProposalEvent.objects.count()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("anonymise_expired")
    assert ProposalEvent.objects.count() == events and callbacks == [] and Attachment.objects.count() == 0


def test_staff_cannot_fill_in_again_what_the_retention_removed(settings, lead):
    settings.PARLREFORM_RETENTION_MONTHS = 12
    proposal = decided(13, submitter_kind=SubmitterKind.BUSINESS, organisation="ЖК «Серіков»",
                       submitter_name="Бақыт Серіков", position="Директор")
    call_command("anonymise_expired")
    proposal.refresh_from_db()
    events = proposal.events.count()
    for name, value in (("submitter_name", "Бақыт Серіков"), ("position", "Директор"), ("bin", "880101300123")):
        with pytest.raises(services.WorkflowError) as refused:
            services.proposal_correct(proposal=proposal, actor=lead, field=name, value=value, note="Қайта.")
        assert refused.value.code == "removed_by_retention"
        assert name not in services.correctable_fields(proposal, lead)
    proposal.refresh_from_db()
    assert (proposal.submitter_name, proposal.position, proposal.bin) == ("", "", "")
    assert proposal.events.count() == events
    # What retention keeps stays editable.
    services.proposal_correct(proposal=proposal, actor=lead, field="organisation", value="ЖК «Серіков и К»",
                              note="Атауы өзгерді.")
    assert Proposal.objects.get(pk=proposal.pk).organisation == "ЖК «Серіков и К»"
