"""Submission, publication, decision release, assignment and notes, as the services do them."""
import datetime
import json

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from proposals.core import services
from proposals.core.models import Category, Channel, Party, Proposal, ProposalEvent, ProposalNote, Region
from proposals.core.services import WorkflowError
from proposals.core.workflow import Action, State
from tests.factories import make_proposal, make_user, proposal_in_state, public_proposal

pytestmark = pytest.mark.django_db


def test_submit_creates_a_received_proposal_with_its_first_event():
    proposal = make_proposal()
    assert proposal.state == State.RECEIVED
    event = ProposalEvent.objects.get(proposal=proposal)
    assert (event.action, event.from_state, event.to_state, event.actor) == (Action.SUBMIT, "", State.RECEIVED, None)
    assert event.is_public


def test_submit_sets_working_day_deadlines():
    # Friday 6 November 2026, 10:00 in Almaty.
    received = datetime.datetime(2026, 11, 6, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=5)))
    proposal = make_proposal(received_at=received)
    assert proposal.acknowledge_due == datetime.date(2026, 11, 11)
    assert proposal.decision_due == datetime.date(2026, 11, 27)


def test_kazakh_russian_and_english_text_round_trips_exactly():
    text = "Әділет, ғылым, қоғам, аң, өнер, ұлт, үміт, шаһар, ісі. Съезд «народа» — ёлка. Parliament’s role."
    proposal = make_proposal(title="Ұсыныс: ә ғ қ ң ө ұ ү һ і", text=text)
    stored = Proposal.objects.get(pk=proposal.pk)
    assert stored.text == text and stored.title == "Ұсыныс: ә ғ қ ң ө ұ ү һ і"


def test_intake_from_another_channel_keeps_reference_and_date(analyst):
    received = timezone.now() - datetime.timedelta(days=10)
    proposal = make_proposal(channel=Channel.EOTINISH, external_ref="ЖТ-2026-001", received_at=received, actor=analyst)
    assert proposal.received_at == received
    assert proposal.events.get().actor == analyst


def test_intake_refuses_the_same_channel_reference_twice():
    make_proposal(channel=Channel.EOTINISH, external_ref="ЖТ-2026-002")
    with pytest.raises(WorkflowError) as refused:
        make_proposal(channel=Channel.EOTINISH, external_ref="ЖТ-2026-002")
    assert refused.value.code == "duplicate_external_ref"
    assert Proposal.objects.filter(external_ref="ЖТ-2026-002").count() == 1


def with_summaries(proposal):
    Proposal.objects.filter(pk=proposal.pk).update(
        title_kk="Атауы", title_ru="Название", summary_kk="Қысқаша мазмұны.", summary_ru="Краткое содержание."
    )
    proposal.refresh_from_db()
    return proposal


def test_publish_needs_kazakh_and_russian_summaries(lead):
    proposal = proposal_in_state(State.IN_REVIEW)
    Proposal.objects.filter(pk=proposal.pk).update(summary_kk="Қысқаша мазмұны.")
    with pytest.raises(WorkflowError) as refused:
        services.proposal_publish(proposal=proposal, actor=lead)
    assert refused.value.code == "summary_required"
    assert not Proposal.objects.public().filter(pk=proposal.pk).exists()


def test_publish_shows_the_proposal_in_public(lead):
    proposal = with_summaries(proposal_in_state(State.IN_REVIEW))
    services.proposal_publish(proposal=proposal, actor=lead)
    assert Proposal.objects.public().filter(pk=proposal.pk).exists()
    assert proposal.events.last().action == Action.PUBLISH


@pytest.mark.parametrize("state", [State.RECEIVED, State.SCREENING, State.WITHDRAWN, State.SPAM, State.DUPLICATE])
def test_non_public_states_cannot_be_published(state, lead):
    proposal = with_summaries(proposal_in_state(state))
    with pytest.raises(WorkflowError) as refused:
        services.proposal_publish(proposal=proposal, actor=lead)
    assert refused.value.code == "not_publishable"


def test_analyst_cannot_publish(analyst):
    proposal = with_summaries(proposal_in_state(State.IN_REVIEW))
    with pytest.raises(WorkflowError) as refused:
        services.proposal_publish(proposal=proposal, actor=analyst)
    assert refused.value.code == "permission"


def test_unpublish_takes_it_out_of_the_register(lead):
    proposal = with_summaries(proposal_in_state(State.IN_REVIEW))
    services.proposal_publish(proposal=proposal, actor=lead)
    services.proposal_unpublish(proposal=proposal, actor=lead, note="Personal data in the summary.")
    assert not Proposal.objects.public().filter(pk=proposal.pk).exists()


def test_moving_to_a_private_state_unpublishes(analyst):
    proposal = proposal_in_state(State.IN_REVIEW, published_at=timezone.now())
    services.proposal_transition(proposal=proposal, action=Action.WITHDRAW, actor=None)
    assert proposal.published_at is None


def test_decision_stays_private_until_released(lead):
    proposal = with_summaries(proposal_in_state(State.WITH_WORKING_GROUP))
    services.proposal_publish(proposal=proposal, actor=lead)
    services.proposal_decide(proposal=proposal, action=Action.ACCEPT, actor=lead, response={"kk": "Иә", "ru": "Да"})
    assert proposal.public_state == State.WITH_WORKING_GROUP
    assert not proposal.events.filter(action=Action.ACCEPT, is_public=True).exists()

    services.proposal_release_decision(proposal=proposal, actor=lead)
    assert proposal.public_state == State.ACCEPTED
    release = proposal.events.last()
    assert (release.action, release.to_state, release.is_public) == (Action.RELEASE_DECISION, State.ACCEPTED, True)


def test_release_without_a_decision_is_refused(lead):
    with pytest.raises(WorkflowError) as refused:
        services.proposal_release_decision(proposal=proposal_in_state(State.IN_REVIEW), actor=lead)
    assert refused.value.code == "not_decided"


def test_reconsidering_withdraws_the_released_decision(lead):
    proposal = proposal_in_state(State.ACCEPTED, decision_released_at=timezone.now())
    services.proposal_transition(proposal=proposal, action=Action.RECONSIDER, actor=lead, note="New evidence.")
    assert proposal.decision_released_at is None and proposal.decided_at is None


def test_assign_to_an_analyst_is_logged(lead, analyst):
    proposal = make_proposal()
    services.proposal_assign(proposal=proposal, assignee=analyst, actor=lead)
    assert proposal.assignee == analyst
    assert proposal.events.last().action == Action.ASSIGN


def test_assign_to_a_working_group_member_is_refused(lead, wg_member):
    with pytest.raises(WorkflowError) as refused:
        services.proposal_assign(proposal=make_proposal(), assignee=wg_member, actor=lead)
    assert refused.value.code == "bad_assignee"


def test_note_is_added_by_staff_and_refused_when_empty(analyst):
    proposal = make_proposal()
    services.proposal_note_add(proposal=proposal, author=analyst, text="Same as the Ak Zhol proposal.")
    with pytest.raises(WorkflowError):
        services.proposal_note_add(proposal=proposal, author=analyst, text="  ")
    with pytest.raises(WorkflowError):
        services.proposal_note_add(proposal=proposal, author=make_user("working-group member"), text="Hello")
    assert ProposalNote.objects.filter(proposal=proposal).count() == 1


def test_second_submit_with_the_same_token_returns_the_first(tmp_path, settings):
    first = make_proposal(submission_token="a" * 32)
    with pytest.raises(services.DuplicateSubmission) as duplicate:
        make_proposal(submission_token="a" * 32)
    assert duplicate.value.proposal == first
    assert Proposal.objects.count() == 1 and ProposalEvent.objects.count() == 1


def test_reconsidering_is_public_only_for_an_announced_decision(lead):
    announced = proposal_in_state(State.ACCEPTED, decision_released_at=timezone.now())
    silent = proposal_in_state(State.ACCEPTED)
    for proposal in (announced, silent):
        services.proposal_transition(proposal=proposal, action=Action.RECONSIDER, actor=lead, note="New facts.")
    assert announced.events.last().is_public and not silent.events.last().is_public


# Staff edits of how a proposal is described (proposal_edit) and corrections of what the submitter sent

EDITED_SHORT_FIELDS = ["articles", "category"]
CORRECTED_SHORT_FIELDS = ["title", "language", "region", "submitter_name", "organisation", "party"]
# Values never logged: contact details, position and BIN (the retention period removes them) and long texts.
CORRECTED_UNLOGGED = ["position", "bin", "email", "phone", "text", "rationale"]
SUMMARIES = ["summary_kk", "summary_ru", "summary_en"]
RESPONSES = ["response_kk", "response_ru", "response_en"]
SUBMITTED = [*CORRECTED_SHORT_FIELDS, *CORRECTED_UNLOGGED]
NEVER_EDITED = [
    *SUBMITTED, "publish_name", "state", "tracking_code", "submitter_kind", "channel",
    "external_ref", "received_at", "published_at", "decision_released_at", "decided_at", "decision_reason",
    "assignee", "duplicate_of", "acknowledge_due", "decision_due", "anonymised_at", "submission_token", "no_such_field",
]
NEVER_CORRECTED = [
    "publish_name", "state", "tracking_code", "submitter_kind", "channel", "received_at", "published_at",
    "assignee", "duplicate_of", "submission_token", "no_such_field", *EDITED_SHORT_FIELDS, *SUMMARIES, *RESPONSES,
]


def new_value(proposal, field):
    """A valid value for ``field`` that differs from the proposal's."""
    related = {"category": Category, "region": Region, "party": Party}
    if field in related:
        return related[field].objects.exclude(pk=getattr(proposal, f"{field}_id")).order_by("pk").first()
    return {
        "language": "ru" if proposal.language != "ru" else "kk",
        "articles": "49, 50-1",
        "bin": "000140000436",
        "title": "Өңірлер кеңесі туралы нақтыланған ұсыныс",
        "email": "aigul.new@example.org",
        "phone": "+77015550199",
    }.get(field, f"Жаңа мәтін: {field}")


def shown(value):
    if value is None:
        return "—"
    if hasattr(value, "slug"):
        return f"{value.slug} ({value})"
    return json.dumps(value, ensure_ascii=False)


def edits(proposal):
    return ProposalEvent.objects.filter(proposal=proposal, action=Action.EDIT)


def corrections(proposal):
    return ProposalEvent.objects.filter(proposal=proposal, action=Action.CORRECT)


@pytest.mark.parametrize("field", EDITED_SHORT_FIELDS)
def test_an_edit_of_a_short_public_field_logs_its_old_and_new_value(field, analyst):
    proposal = make_proposal()
    old, new = getattr(proposal, field), new_value(proposal, field)
    services.proposal_edit(proposal=proposal, actor=analyst, changes={field: new})
    assert getattr(Proposal.objects.get(pk=proposal.pk), field) == new
    event = edits(proposal).get()
    assert (event.actor, event.is_public, event.from_state, event.to_state) == (
        analyst, False, State.RECEIVED, State.RECEIVED
    )
    assert event.note == f"{field}: {shown(old)} → {shown(new)}"


@pytest.mark.parametrize("field", SUMMARIES + RESPONSES)
def test_an_edit_of_a_long_text_names_the_field_without_its_text(field, lead):
    proposal = proposal_in_state(State.WITH_WORKING_GROUP)
    services.proposal_edit(proposal=proposal, actor=lead, changes={field: "Жаңа мазмұны, өте ұзақ мәтін."})
    assert getattr(Proposal.objects.get(pk=proposal.pk), field) == "Жаңа мазмұны, өте ұзақ мәтін."
    assert edits(proposal).get().note == field


def test_one_event_lists_every_field_of_one_edit_in_the_tables_order(lead):
    proposal = public_proposal(state=State.ACCEPTED, released=True)
    old_articles, old_category, category = proposal.articles, proposal.category, new_value(proposal, "category")
    services.proposal_edit(proposal=proposal, actor=lead, changes={
        "summary_en": "A clearer summary.", "category": category, "articles": "49", "response_ru": "Учтено.",
    })
    event = edits(proposal).get()
    assert event.note.splitlines() == [
        f"articles: {shown(old_articles)} → \"49\"",
        f"category: {shown(old_category)} → {shown(category)}",
        "summary_en",
        "response_ru",
    ]


@pytest.mark.parametrize("field", EDITED_SHORT_FIELDS + SUMMARIES)
def test_what_the_public_reads_of_a_published_proposal_is_refused_to_an_analyst(field, analyst):
    proposal = public_proposal()
    before = getattr(proposal, field)
    with pytest.raises(WorkflowError) as refused:
        services.proposal_edit(proposal=proposal, actor=analyst, changes={field: new_value(proposal, field)})
    assert refused.value.code == "permission"
    assert getattr(Proposal.objects.get(pk=proposal.pk), field) == before
    assert not edits(proposal).exists()


@pytest.mark.parametrize("field", EDITED_SHORT_FIELDS + SUMMARIES)
def test_a_lead_edits_what_the_public_reads_of_a_published_proposal(field, lead):
    proposal = public_proposal()
    new = new_value(proposal, field)
    services.proposal_edit(proposal=proposal, actor=lead, changes={field: new})
    assert getattr(Proposal.objects.get(pk=proposal.pk), field) == new
    assert edits(proposal).count() == 1


@pytest.mark.parametrize("field", RESPONSES)
def test_a_response_needs_the_decide_permission(field, analyst, lead):
    proposal = proposal_in_state(State.WITH_WORKING_GROUP)
    with pytest.raises(WorkflowError) as refused:
        services.proposal_edit(proposal=proposal, actor=analyst, changes={field: "Ескерілді."})
    assert refused.value.code == "permission"
    assert getattr(Proposal.objects.get(pk=proposal.pk), field) == "" and not edits(proposal).exists()
    services.proposal_edit(proposal=proposal, actor=lead, changes={field: "Ескерілді."})
    assert getattr(Proposal.objects.get(pk=proposal.pk), field) == "Ескерілді."


@pytest.mark.parametrize("field", RESPONSES)
def test_a_released_response_also_needs_the_publish_permission(field):
    decider = make_user()
    decider.user_permissions.add(*Permission.objects.filter(codename__in=["triage_proposal", "decide_proposal"]))
    unreleased = proposal_in_state(State.ACCEPTED)
    services.proposal_edit(proposal=unreleased, actor=decider, changes={field: "Ескерілді."})
    assert getattr(Proposal.objects.get(pk=unreleased.pk), field) == "Ескерілді."
    released = proposal_in_state(State.ACCEPTED, decision_released_at=timezone.now())
    with pytest.raises(WorkflowError) as refused:
        services.proposal_edit(proposal=released, actor=decider, changes={field: "Ескерілді."})
    assert refused.value.code == "permission"
    assert getattr(Proposal.objects.get(pk=released.pk), field) == "" and not edits(released).exists()


@pytest.mark.parametrize("field", NEVER_EDITED)
def test_consent_and_what_arrived_are_never_edited_by_staff(field):
    superuser = make_user(is_superuser=True, is_staff=True)
    proposal = make_proposal(publish_name=False)
    before = Proposal.objects.filter(pk=proposal.pk).values().get()
    value = {"publish_name": True, "email": "someone.else@example.org", "phone": "+77015550199"}.get(field, "x")
    with pytest.raises(WorkflowError) as refused:
        services.proposal_edit(proposal=proposal, actor=superuser, changes={field: value})
    assert refused.value.code == "not_editable"
    assert Proposal.objects.filter(pk=proposal.pk).values().get() == before
    assert not edits(proposal).exists()


def test_one_refused_field_refuses_the_whole_edit(analyst):
    proposal = make_proposal()
    with pytest.raises(WorkflowError):
        services.proposal_edit(proposal=proposal, actor=analyst, changes={"articles": "49", "text": "Басқа"})
    assert Proposal.objects.get(pk=proposal.pk).articles == proposal.articles and not edits(proposal).exists()


def test_an_edit_that_changes_nothing_saves_nothing_and_writes_no_event(analyst):
    proposal = make_proposal()
    stored = Proposal.objects.get(pk=proposal.pk)
    same = {name: getattr(stored, name) for name in [*EDITED_SHORT_FIELDS, *SUMMARIES]}
    services.proposal_edit(proposal=proposal, actor=analyst, changes=same)
    assert Proposal.objects.get(pk=proposal.pk).updated_at == stored.updated_at
    assert not edits(proposal).exists()


@pytest.mark.parametrize(("field", "value"), [("category", "parliament-structure"), ("articles", "x" * 201)])
def test_an_invalid_value_is_refused_with_a_message(field, value, analyst):
    proposal = make_proposal()
    with pytest.raises(WorkflowError) as refused:
        services.proposal_edit(proposal=proposal, actor=analyst, changes={field: value})
    assert refused.value.code == "invalid" and str(refused.value.message)
    assert getattr(Proposal.objects.get(pk=proposal.pk), field) == getattr(proposal, field)
    assert not edits(proposal).exists()


@pytest.mark.parametrize("field", ["summary_kk", "summary_ru"])
def test_a_published_proposal_keeps_its_kazakh_and_russian_summaries(field, lead):
    proposal = public_proposal()
    with pytest.raises(WorkflowError) as refused:
        services.proposal_edit(proposal=proposal, actor=lead, changes={field: "  "})
    assert refused.value.code == "summary_required"
    assert getattr(Proposal.objects.get(pk=proposal.pk), field) == getattr(proposal, field)


def test_working_group_members_and_the_public_cannot_edit(wg_member):
    proposal = make_proposal()
    for actor in (wg_member, None):
        with pytest.raises(WorkflowError) as refused:
            services.proposal_edit(proposal=proposal, actor=actor, changes={"articles": "49"})
        assert refused.value.code == "permission"
    assert Proposal.objects.get(pk=proposal.pk).articles == proposal.articles and not edits(proposal).exists()


def correct(proposal, actor, field, value, note="Жіберуші телефон арқылы түзетті."):
    return services.proposal_correct(proposal=proposal, actor=actor, field=field, value=value, note=note)


@pytest.mark.parametrize("field", CORRECTED_SHORT_FIELDS)
def test_a_correction_of_submitted_data_writes_its_event_with_old_and_new_value_and_the_note(field, analyst):
    proposal = make_proposal(publish_name=True, organisation="Азаматтық бастама")
    old, new = getattr(proposal, field), new_value(proposal, field)
    correct(proposal, analyst, field, new, note="Жіберуші хатпен түзетті.")
    assert getattr(Proposal.objects.get(pk=proposal.pk), field) == new
    event = corrections(proposal).get()
    assert (event.actor, event.is_public, event.from_state, event.to_state) == (
        analyst, False, State.RECEIVED, State.RECEIVED
    )
    assert event.note.splitlines() == [f"{field}: {shown(old)} → {shown(new)}", "Жіберуші хатпен түзетті."]
    assert not edits(proposal).exists()


@pytest.mark.parametrize("field", CORRECTED_UNLOGGED)
def test_a_correction_of_contact_data_or_a_long_text_names_the_field_without_its_values(field, analyst):
    proposal = make_proposal(publish_name=True, organisation="Азаматтық бастама", position="Мүше",
                             rationale="Негіздеме.")
    new = new_value(proposal, field)
    correct(proposal, analyst, field, new)
    assert getattr(Proposal.objects.get(pk=proposal.pk), field) == new
    assert corrections(proposal).get().note.splitlines()[0] == field


def test_a_name_without_consent_is_corrected_without_its_values_in_the_log(analyst):
    proposal = make_proposal(publish_name=False, submitter_name="Айгүл Сәрсенбаева")
    correct(proposal, analyst, "submitter_name", "Айгүл Сәрсенбай")
    assert Proposal.objects.get(pk=proposal.pk).submitter_name == "Айгүл Сәрсенбай"
    assert corrections(proposal).get().note.splitlines()[0] == "submitter_name"


@pytest.mark.parametrize("field", ["title", "submitter_name", "organisation", "region"])
def test_correcting_what_the_public_reads_of_a_published_proposal_needs_the_publish_permission(field, analyst, lead):
    proposal = public_proposal(organisation="Азаматтық бастама", publish_name=True)
    before = getattr(proposal, field)
    with pytest.raises(WorkflowError) as refused:
        correct(proposal, analyst, field, new_value(proposal, field))
    assert refused.value.code == "permission"
    assert getattr(Proposal.objects.get(pk=proposal.pk), field) == before and not corrections(proposal).exists()
    correct(proposal, lead, field, new_value(proposal, field))
    assert corrections(proposal).count() == 1


@pytest.mark.parametrize(("value", "note", "code"), [
    ("Жаңа атауы", "  ", "note_required"), ("x" * 301, "Түзетілді.", "invalid"), ("", "Түзетілді.", "invalid"),
])
def test_a_correction_without_a_note_or_with_an_invalid_value_is_refused(value, note, code, analyst):
    proposal = make_proposal()
    with pytest.raises(WorkflowError) as refused:
        correct(proposal, analyst, "title", value, note=note)
    assert refused.value.code == code and str(refused.value.message)
    assert Proposal.objects.get(pk=proposal.pk).title == proposal.title and not corrections(proposal).exists()


def test_a_correction_to_the_same_value_is_refused(analyst):
    proposal = make_proposal()
    with pytest.raises(WorkflowError) as refused:
        correct(proposal, analyst, "title", proposal.title)
    assert refused.value.code == "unchanged" and not corrections(proposal).exists()


@pytest.mark.parametrize("field", NEVER_CORRECTED)
def test_consent_state_and_what_staff_write_are_never_corrected(field):
    superuser = make_user(is_superuser=True, is_staff=True)
    proposal = make_proposal(publish_name=False)
    before = Proposal.objects.filter(pk=proposal.pk).values().get()
    with pytest.raises(WorkflowError) as refused:
        correct(proposal, superuser, field, True if field == "publish_name" else "x")
    assert refused.value.code == "not_correctable"
    assert Proposal.objects.filter(pk=proposal.pk).values().get() == before and not corrections(proposal).exists()


def test_working_group_members_and_the_public_cannot_correct(wg_member):
    proposal = make_proposal()
    for actor in (wg_member, None):
        with pytest.raises(WorkflowError) as refused:
            correct(proposal, actor, "title", "Басқа атау")
        assert refused.value.code == "permission"
    assert Proposal.objects.get(pk=proposal.pk).title == proposal.title and not corrections(proposal).exists()
