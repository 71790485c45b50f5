"""The decision page and its answer, confirmations before irreversible steps, and the expert opinion's versions."""
import html
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from proposals.core import services
from proposals.core.models import AnswerTemplate, AppendOnlyError, ExpertOpinion, Proposal, ProposalEvent
from proposals.core.workflow import TRANSITIONS, Action, NotAcceptedReason, State
from tests.factories import make_proposal, make_user, proposal_in_state, public_proposal
from tests.test_desk import form_data as desk_form_data

pytestmark = pytest.mark.django_db

LIST = "/admin/proposals/proposal/"
FILTERS = "queue%3Dall%26state%3Dwith_working_group"
RESPONSE = {"kk": "Ұсыныс жобада ескерілді.", "ru": "Предложение учтено в проекте.", "en": "Taken into account."}


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def act_url(proposal, action, filters=FILTERS):
    return f"{LIST}{proposal.pk}/act/{action}/" + (f"?_changelist_filters={filters}" if filters else "")


def decided(action=Action.ACCEPT, **extra):
    lead = make_user("lead")
    proposal = proposal_in_state(State.WITH_WORKING_GROUP)
    return services.proposal_decide(proposal=proposal, action=action, actor=lead, response=RESPONSE, **extra), lead


# Decisions carry their answer

def test_releasing_a_decision_without_its_response_is_refused():
    lead = make_user("lead")
    proposal = proposal_in_state(State.WITH_WORKING_GROUP)
    services.proposal_transition(proposal=proposal, action=Action.ACCEPT, actor=lead)
    with pytest.raises(services.WorkflowError) as refused:
        services.proposal_release_decision(proposal=proposal, actor=lead)
    assert refused.value.code == "response_required"
    assert Proposal.objects.get(pk=proposal.pk).decision_released_at is None
    Proposal.objects.filter(pk=proposal.pk).update(response_kk="Жауап", response_ru="")
    with pytest.raises(services.WorkflowError):
        services.proposal_release_decision(proposal=proposal, actor=lead)


def test_bulk_release_reports_the_decisions_refused_for_a_missing_response():
    ready, lead = decided()
    bare = proposal_in_state(State.WITH_WORKING_GROUP)
    services.proposal_transition(proposal=bare, action=Action.ACCEPT, actor=lead)
    response = client_for(lead).post(
        f"{LIST}?queue=all", {"action": "bulk_release_decision", "_selected_action": [ready.pk, bare.pk],
                              "confirm": "1", "index": "0", "select_across": "0"}, follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    page = html.unescape(response.content.decode())
    assert "1 done, 1 refused" in page and "without its public response" in page
    assert Proposal.objects.get(pk=ready.pk).decision_released_at is not None
    assert Proposal.objects.get(pk=bare.pk).decision_released_at is None


def test_a_decision_saves_its_response_with_events_in_one_transaction():
    proposal, lead = decided(Action.REJECT, reason=NotAcceptedReason.NOT_FEASIBLE, note="Вотум жоқ.")
    assert proposal.state == State.NOT_ACCEPTED and proposal.response_ru == RESPONSE["ru"]
    events = list(proposal.events.order_by("id").values_list("action", "note", "is_public"))
    assert events[-2][0] == Action.EDIT and "response_kk" in events[-2][1] and "response_ru" in events[-2][1]
    assert events[-1] == (Action.REJECT, "Вотум жоқ.", False)


def test_a_decision_without_its_russian_response_changes_nothing():
    lead = make_user("lead")
    proposal = proposal_in_state(State.WITH_WORKING_GROUP)
    before = ProposalEvent.objects.count()
    with pytest.raises(services.WorkflowError) as refused:
        services.proposal_decide(proposal=proposal, action=Action.ACCEPT, actor=lead, response={"kk": "Иә"})
    assert refused.value.code == "response_required"
    # The decision refused by the table after the response was written: the response is rolled back too.
    with pytest.raises(services.WorkflowError):
        services.proposal_decide(proposal=proposal, action=Action.REJECT, actor=lead, response=RESPONSE, note="x")
    proposal.refresh_from_db()
    assert (proposal.state, proposal.response_kk, ProposalEvent.objects.count()) == (
        State.WITH_WORKING_GROUP, "", before
    )


def test_the_decision_page_requires_the_response_and_keeps_what_was_typed():
    lead = make_user("lead")
    proposal = proposal_in_state(State.WITH_WORKING_GROUP)
    response = client_for(lead).post(act_url(proposal, Action.ACCEPT), {"response_kk": "Қазақша жауап", "note": "ішкі"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Қазақша жауап" in page and 'name="response_ru"' in page and "errorlist" in page
    assert Proposal.objects.get(pk=proposal.pk).state == State.WITH_WORKING_GROUP


def test_the_decision_page_records_the_decision_and_returns_to_the_filtered_proposal():
    lead = make_user("lead")
    proposal = proposal_in_state(State.WITH_WORKING_GROUP)
    response = client_for(lead).post(act_url(proposal, Action.ACCEPT_PARTIALLY), {
        "response_kk": RESPONSE["kk"], "response_ru": RESPONSE["ru"], "response_en": "", "note": "Бір бөлігі ғана.",
    })
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}{proposal.pk}/change/?_changelist_filters={FILTERS}"
    proposal.refresh_from_db()
    assert (proposal.state, proposal.response_ru, proposal.response_en) == (
        State.PARTIALLY_ACCEPTED, RESPONSE["ru"], ""
    )
    note = proposal.events.get(action=Action.ACCEPT_PARTIALLY).note
    assert note == "Бір бөлігі ғана." and RESPONSE["ru"] not in note


def test_the_decision_page_labels_the_internal_note_apart_from_the_public_response():
    page = client_for(make_user("lead")).get(
        act_url(proposal_in_state(State.WITH_WORKING_GROUP), Action.ACCEPT), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Internal note (not public)" in page
    assert page.index('name="response_ru"') < page.index('name="note"')
    assert "js/answer-templates.js" in page


def test_choosing_a_template_without_javascript_fills_the_response_and_reason():
    call_command("loaddata", "answer_templates", verbosity=0)
    template = AnswerTemplate.objects.get(outcome=State.NOT_ACCEPTED, reason=NotAcceptedReason.ALREADY_PROVIDED)
    lead = make_user("lead")
    proposal = proposal_in_state(State.WITH_WORKING_GROUP)
    response = client_for(lead).post(act_url(proposal, Action.REJECT), {
        "answer_template": template.pk, "use_template": "1", "note": "Менің ескертпем",
    })
    page = html.unescape(response.content.decode())
    assert response.status_code == 200 and "errorlist" not in page
    for code in ("kk", "ru", "en"):
        textarea = re.search(rf'<textarea name="response_{code}"[^>]*>(.*?)</textarea>', page, re.S).group(1)
        assert textarea.strip() == getattr(template, f"text_{code}")
    assert re.search(r'<option value="already_provided" selected>', page)
    assert "Менің ескертпем" in page
    assert Proposal.objects.get(pk=proposal.pk).state == State.WITH_WORKING_GROUP


def test_the_picker_offers_the_templates_of_the_outcome_with_their_texts_for_the_script():
    call_command("loaddata", "answer_templates", verbosity=0)
    page = html.unescape(client_for(make_user("lead")).get(
        act_url(proposal_in_state(State.WITH_WORKING_GROUP), Action.ACCEPT)
    ).content.decode())
    accepted = AnswerTemplate.objects.filter(outcome=State.ACCEPTED)
    assert accepted.exists()
    for template in accepted:
        assert f'data-ru="{template.text_ru}"' in page
    assert AnswerTemplate.objects.get(reason=NotAcceptedReason.OTHER).text_ru not in page


def test_the_seeded_answer_templates_cover_every_outcome_and_reason_in_three_languages():
    call_command("loaddata", "answer_templates", verbosity=0)
    templates = list(AnswerTemplate.objects.all())
    assert {t.outcome for t in templates} == {State.ACCEPTED, State.PARTIALLY_ACCEPTED, State.NOT_ACCEPTED}
    assert {t.reason for t in templates if t.outcome == State.NOT_ACCEPTED} == set(NotAcceptedReason.values)
    assert all(t.text_kk and t.text_ru and t.text_en for t in templates)


def test_bulk_decide_records_the_same_response_for_each_selected_proposal():
    lead = make_user("lead")
    first, second = (proposal_in_state(State.WITH_WORKING_GROUP) for _ in range(2))
    client_for(lead).post(f"{LIST}?queue=all", {
        "action": "bulk_accept", "_selected_action": [first.pk, second.pk], "confirm": "1", "index": "0",
        "select_across": "0", "response_kk": RESPONSE["kk"], "response_ru": RESPONSE["ru"],
    })
    for proposal in (first, second):
        proposal.refresh_from_db()
        assert (proposal.state, proposal.response_kk) == (State.ACCEPTED, RESPONSE["kk"])


def test_leads_keep_answer_templates_in_the_console_and_analysts_only_read_them():
    lead_page = client_for(make_user("lead")).get("/admin/proposals/answertemplate/add/")
    assert lead_page.status_code == 200
    assert client_for(make_user("analyst")).get("/admin/proposals/answertemplate/add/").status_code == 403
    assert client_for(make_user("analyst")).get("/admin/proposals/answertemplate/").status_code == 200


# Questions before irreversible steps

@pytest.mark.parametrize("action", [Action.WITHDRAW, Action.MARK_SPAM, Action.REJECT, Action.MARK_OUT_OF_SCOPE])
def test_irreversible_steps_ask_first_and_need_a_note(action):
    transition = TRANSITIONS[action]
    assert transition.irreversible and transition.needs_note
    source = State.WITH_WORKING_GROUP if action == Action.REJECT else State.SCREENING
    proposal = proposal_in_state(source)
    lead = make_user("lead")
    with pytest.raises(services.WorkflowError) as refused:
        services.proposal_transition(proposal=proposal, action=action, actor=lead, reason=NotAcceptedReason.OTHER)
    assert refused.value.code == "note_required"
    client = client_for(lead)
    page = client.get(act_url(proposal, action), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "This step is hard to undo." in page and "act-danger" in page
    response = client.post(act_url(proposal, action), {"reason": NotAcceptedReason.OTHER, **(
        {"response_kk": "ж", "response_ru": "о"} if action == Action.REJECT else {})})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert Proposal.objects.get(pk=proposal.pk).state == source


def test_the_change_page_asks_before_irreversible_steps_and_keeps_the_filters():
    lead = make_user("lead")
    proposal = proposal_in_state(State.SCREENING)
    url = f"{LIST}{proposal.pk}/change/?_changelist_filters={FILTERS}"
    page = html.unescape(client_for(lead).get(url).content.decode())
    # The desk's buttons submit its form (saving typed edits first); an irreversible step then opens its question page.
    for action in (Action.MARK_SPAM, Action.WITHDRAW, Action.MARK_OUT_OF_SCOPE):
        assert re.search(rf'name="_act" value="{action}" class="button">[^<]*…</button>', page)
    # A one-click step is still one click.
    assert re.search(rf'name="_act" value="{Action.ACCEPT_FOR_REVIEW}" class="button">[^<…]*</button>', page)
    # The form posts back to the page with the list's filters, so the question page keeps them.
    client = client_for(lead)
    response = client.post(url, desk_form_data(client, proposal, url=url, _act=Action.MARK_SPAM))
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}{proposal.pk}/act/{Action.MARK_SPAM}/?_changelist_filters={FILTERS}"
    assert Proposal.objects.get(pk=proposal.pk).state == State.SCREENING


def test_marking_spam_with_a_note_from_the_question_page_returns_with_the_filters():
    lead = make_user("lead")
    proposal = proposal_in_state(State.SCREENING)
    response = client_for(lead).post(act_url(proposal, Action.MARK_SPAM), {"note": "Жарнама."})
    assert response["Location"] == f"{LIST}{proposal.pk}/change/?_changelist_filters={FILTERS}"
    assert proposal.events.get(action=Action.MARK_SPAM).note == "Жарнама."


def test_the_submitter_still_withdraws_without_a_note():
    proposal = make_proposal()
    services.proposal_transition(proposal=proposal, action=Action.WITHDRAW, actor=None)
    assert Proposal.objects.get(pk=proposal.pk).state == State.WITHDRAWN


def test_bulk_spam_asks_for_the_note():
    lead = make_user("lead")
    proposal = make_proposal()
    data = {"action": "bulk_mark_spam", "_selected_action": [proposal.pk], "index": "0", "select_across": "0"}
    page = client_for(lead).post(f"{LIST}?queue=all", data, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "This step is hard to undo." in page
    client_for(lead).post(f"{LIST}?queue=all", {**data, "confirm": "1"})
    assert Proposal.objects.get(pk=proposal.pk).state == State.RECEIVED
    client_for(lead).post(f"{LIST}?queue=all", {**data, "confirm": "1", "note": "Жарнама."})
    assert Proposal.objects.get(pk=proposal.pk).state == State.SPAM


# The expert opinion

OPINION = {
    "recommendation": "do_not_accept", "reason": NotAcceptedReason.NOT_CONSTITUTIONAL_LEVEL,
    "reasoning": "Мәселе заң деңгейінде реттеледі.", "articles": "50, 53", "consistency": "consistent",
    "consistency_comment": "",
}


def test_each_save_of_the_opinion_is_a_new_version_with_a_private_event():
    analyst = make_user("analyst")
    proposal = proposal_in_state(State.IN_REVIEW)
    first = services.opinion_write(proposal=proposal, author=analyst, **OPINION)
    second = services.opinion_write(proposal=proposal, author=analyst, **{
        **OPINION, "recommendation": "accept", "reasoning": "Қайта қаралды.",
    })
    assert (first.version, second.version, second.reason) == (1, 2, "")
    assert list(proposal.opinions.order_by("version").values_list("recommendation", flat=True)) == [
        "do_not_accept", "accept"
    ]
    events = proposal.events.filter(action=Action.WRITE_OPINION)
    assert events.count() == 2 and not events.filter(is_public=True).exists()
    with pytest.raises(AppendOnlyError):
        first.save()
    with pytest.raises(AppendOnlyError):
        ExpertOpinion.objects.filter(pk=first.pk).delete()


def test_an_opinion_that_does_not_accept_needs_its_reason_and_reasoning():
    analyst = make_user("analyst")
    proposal = proposal_in_state(State.IN_REVIEW)
    for bad, code in [({"reason": ""}, "reason_required"), ({"reasoning": "  "}, "reasoning_required"),
                      ({"consistency": "maybe"}, "consistency_required")]:
        with pytest.raises(services.WorkflowError) as refused:
            services.opinion_write(proposal=proposal, author=analyst, **{**OPINION, **bad})
        assert refused.value.code == code
    with pytest.raises(services.WorkflowError):
        services.opinion_write(proposal=proposal, author=make_user("working-group member"), **OPINION)
    assert not proposal.opinions.exists()


def test_the_opinion_page_saves_a_version_and_shows_the_history():
    analyst = make_user("analyst")
    proposal = proposal_in_state(State.IN_REVIEW)
    services.opinion_write(proposal=proposal, author=analyst, **OPINION)
    client = client_for(analyst)
    response = client.post(f"{LIST}{proposal.pk}/opinion/?_changelist_filters={FILTERS}", {
        **OPINION, "recommendation": "accept_in_part", "reason": "", "reasoning": "Екінші нұсқа.",
    })
    assert response["Location"] == f"{LIST}{proposal.pk}/change/?_changelist_filters={FILTERS}"
    page = client.get(f"{LIST}{proposal.pk}/opinion/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Version 2, by" in page and "Version 1, by" in page
    assert page.index("Екінші нұсқа.") < page.index("Мәселе заң деңгейінде реттеледі.")


def test_the_working_group_member_reads_the_opinion_on_the_proposal_page_but_cannot_write_it():
    proposal = proposal_in_state(State.WITH_WORKING_GROUP)
    services.opinion_write(proposal=proposal, author=make_user("analyst"), **OPINION)
    member = client_for(make_user("working-group member"))
    page = member.get(f"{LIST}{proposal.pk}/change/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Expert opinion" in page and OPINION["reasoning"] in page and "See the versions" in page
    opinion_page = member.get(f"{LIST}{proposal.pk}/opinion/").content.decode()
    assert OPINION["reasoning"] in opinion_page and 'name="reasoning"' not in opinion_page
    assert member.post(f"{LIST}{proposal.pk}/opinion/", OPINION).status_code == 403


def test_the_lead_sees_the_opinion_on_the_decision_page():
    proposal = proposal_in_state(State.WITH_WORKING_GROUP)
    services.opinion_write(proposal=proposal, author=make_user("analyst"), **OPINION)
    page = client_for(make_user("lead")).get(act_url(proposal, Action.REJECT)).content.decode()
    assert OPINION["reasoning"] in page and "50, 53" in page


def test_the_opinion_is_never_public():
    proposal = public_proposal(State.IN_REVIEW)
    services.opinion_write(proposal=proposal, author=make_user("analyst"), **OPINION)
    page = Client().get(f"/en/proposals/{proposal.tracking_code}/").content.decode()
    assert OPINION["reasoning"] not in page


def test_the_decision_page_query_count_does_not_grow_with_templates_or_versions(django_assert_max_num_queries):
    call_command("loaddata", "answer_templates", verbosity=0)
    proposal = proposal_in_state(State.WITH_WORKING_GROUP)
    analyst = make_user("analyst")
    for _ in range(3):
        services.opinion_write(proposal=proposal, author=analyst, **OPINION)
    client = client_for(make_user("lead"))
    with django_assert_max_num_queries(12):
        assert client.get(act_url(proposal, Action.REJECT)).status_code == 200


def test_a_released_decision_shows_its_response_on_the_public_page():
    proposal, lead = decided()
    Proposal.objects.filter(pk=proposal.pk).update(
        title_kk="Атауы", title_ru="Название", summary_kk="Қысқаша", summary_ru="Кратко"
    )
    services.proposal_publish(proposal=proposal, actor=lead)
    services.proposal_release_decision(proposal=proposal, actor=lead, at=timezone.now())
    assert RESPONSE["ru"] in Client().get(f"/ru/proposals/{proposal.tracking_code}/").content.decode()


def test_bulk_release_refuses_decisions_without_their_response_and_those_a_colleague_is_editing():
    lead, analyst = make_user("lead"), make_user("analyst")
    (answered, _), (silent, _), (taken, _) = decided(), decided(), decided()
    Proposal.objects.filter(pk=silent.pk).update(response_kk="", response_ru="")
    services.proposal_lock_take(proposal=taken, user=analyst)
    released, refused = services.proposals_release_decisions(proposals=[answered, silent, taken], actor=lead)
    assert released == 1 and sum(refused.values()) == 2
    assert Proposal.objects.filter(decision_released_at__isnull=False).get().pk == answered.pk
