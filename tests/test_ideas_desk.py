"""The idea desk in the console: the list, the members beside the idea's text, every action by POST with its events,
refusals as messages, the decision pages, a point's likely ideas, escaping and constant query counts."""
import pytest
from django.contrib.messages import get_messages
from django.test import Client

from proposals.core import services
from proposals.core.models import (
    AnswerTemplate,
    CandidateStatus,
    Idea,
    IdeaAction,
    IdeaCandidate,
    IdeaEvent,
    IdeaMembership,
    Notification,
    Party,
    Point,
    PointOutcome,
    Proposal,
    ProposalEvent,
    SubmitterKind,
)
from proposals.core.services.idea_decisions import idea_decide
from proposals.core.services.ideas import idea_confirm, idea_edit, idea_start
from proposals.core.workflow import Action, NotAcceptedReason, State
from tests.factories import bulk_public, make_proposal, make_user
from tests.test_ideas import ANSWER, LETTER, copies, point_of, suggested_idea

pytestmark = pytest.mark.django_db

LIST = "/admin/proposals/idea/"
# An edited copy: other words, the same demand (a changed number would be another proposal).
EDITED = LETTER.replace("профессионально", "честно и открыто")
OTHER = "Нужно открыть в каждом районе центр поддержки фермеров и снизить налоги для малого бизнеса."


def client_for(user):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def staff(role):
    return client_for(make_user(role))


def desk(idea):
    return f"{LIST}{idea.pk}/change/"


def said(response):
    """The messages this response's request added (those of earlier requests wait in the session until shown)."""
    storage = get_messages(response.wsgi_request)
    return [str(message) for message in storage._queued_messages]


def events(idea):
    return list(IdeaEvent.objects.filter(idea=idea).order_by("pk").values_list("action", flat=True))


def campaign_idea(exact=4, edited=2, other=1):
    proposals = copies(exact) + copies(edited, text=EDITED) + copies(other, text=OTHER)
    return suggested_idea(proposals), proposals


def points(proposals):
    return [str(point_of(proposal).pk) for proposal in proposals]


# The list

def test_the_list_shows_members_suggestions_and_kinds_of_submitters(analyst):
    idea, proposals = campaign_idea(exact=3, edited=0, other=0)
    party = Party.objects.order_by("pk").first()
    party_proposal = make_proposal(language="ru", title="Обращение", text=LETTER, submitter_kind=SubmitterKind.PARTY,
                                   party=party)
    idea_confirm(idea=idea, actor=analyst, points=[point_of(proposals[0]), point_of(party_proposal)])
    page = staff("analyst").get(LIST)
    html = page.content.decode()
    row = page.context["cl"].result_list[0]
    assert (row.member_count, row.suggestion_count) == (2, 2)
    assert "Citizen 1" in html and "Political party 1" in html
    assert "Suggest ideas for the backlog" in html


def test_dismissed_and_merged_ideas_are_hidden_unless_asked_for(analyst):
    kept, _proposals = campaign_idea(exact=1, edited=0, other=0)
    dismissed, _other = campaign_idea(exact=1, edited=0, other=0)
    Idea.objects.filter(pk=dismissed.pk).update(dismissed_at=kept.created_at)
    client = staff("analyst")
    shown = [idea.pk for idea in client.get(LIST).context["cl"].result_list]
    assert shown == [kept.pk]
    assert [idea.pk for idea in client.get(f"{LIST}?stage=dismissed").context["cl"].result_list] == [dismissed.pk]


def test_the_list_finds_an_idea_by_number_or_title_words(analyst):
    first, _proposals = campaign_idea(exact=1, edited=0, other=0)
    second, _other = campaign_idea(exact=1, edited=0, other=0)
    idea_edit(idea=second, actor=analyst, changes={"title_ru": "Сокращение депутатского корпуса"})
    client = staff("analyst")
    assert [idea.pk for idea in client.get(f"{LIST}?q={first.pk}").context["cl"].result_list] == [first.pk]
    assert [idea.pk for idea in client.get(f"{LIST}?q=корпуса").context["cl"].result_list] == [second.pk]


@pytest.mark.parametrize("count", [3, 60])
def test_the_lists_queries_do_not_grow_with_the_ideas(count, analyst, django_assert_max_num_queries):
    proposals = bulk_public(count * 2, text=LETTER)
    found = Point.objects.filter(proposal__in=proposals).order_by("pk")
    for index in range(count):
        idea = Idea.objects.create(text=LETTER, title_ru=f"Идея {index}")
        IdeaMembership.objects.create(idea=idea, point=found[index * 2])
        IdeaCandidate.objects.create(idea=idea, point=found[index * 2 + 1], copy_score=1, idea_score=1)
    client = staff("analyst")
    client.get(LIST)
    with django_assert_max_num_queries(8):
        page = client.get(LIST)
    assert page.status_code == 200 and len(page.context["cl"].result_list) == min(count, 50)


def test_the_backlog_button_enqueues_the_clustering_and_says_so():
    copies(3)
    response = staff("analyst").post(f"{LIST}suggest/")
    assert response.status_code == 302
    assert "grouped into suggested ideas" in said(response)[0]
    # The tasks run at once in tests (the immediate backend): the copies are suggested, nobody is a member.
    assert IdeaCandidate.objects.filter(status=CandidateStatus.SUGGESTED).count() == 3
    assert not IdeaMembership.objects.exists()


def test_a_working_group_member_cannot_start_the_clustering():
    copies(3)
    client = staff("working-group member")
    assert "Suggest ideas for the backlog" not in client.get(LIST).content.decode()
    response = client.post(f"{LIST}suggest/")
    assert said(response) == ["You may not build ideas."]
    assert not Idea.objects.exists()
    assert client.get(f"{LIST}suggest/").status_code == 405


# The desk

def test_the_desk_shows_each_suggestion_beside_the_idea_with_its_differences_marked(analyst):
    idea, proposals = campaign_idea()
    html = staff("analyst").get(desk(idea)).content.decode()
    assert "<del>профессионально</del>" in html and "<ins>честно и открыто</ins>" in html
    assert "exact copy" in html and "edited copy" in html
    assert proposals[0].tracking_code in html and f'/admin/proposals/proposal/{proposals[0].pk}/change/' in html
    assert "copy score</span>" not in html and "100%" in html


def test_hostile_text_in_a_member_is_escaped_in_the_differences(analyst):
    hostile = LETTER + ' <script>alert("x")</script> <img src=x onerror=alert(1)>'
    idea, _proposals = campaign_idea(exact=1, edited=0, other=0)
    (proposal,) = copies(1, text=hostile)
    idea_confirm(idea=idea, actor=analyst, points=[point_of(proposal)])
    html = staff("analyst").get(desk(idea)).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;<ins>script&gt;alert(&quot;x&quot;)" in html


def test_confirm_chosen_writes_its_events_and_says_how_many(analyst):
    idea, proposals = campaign_idea()
    response = client_for(analyst).post(f"{LIST}{idea.pk}/members/",
                                        {"_confirm": "1", "point": points(proposals[:2])})
    assert response.url == desk(idea)
    assert said(response) == ["2 points confirmed as members."]
    assert events(idea) == [IdeaAction.SUGGEST, IdeaAction.CONFIRM]
    assert ProposalEvent.objects.filter(proposal=proposals[0], action=Action.JOIN_IDEA).count() == 1


def test_confirm_all_copies_takes_the_exact_and_edited_copies_in_one_step(analyst):
    idea, proposals = campaign_idea(exact=4, edited=2, other=1)
    response = client_for(analyst).post(f"{LIST}{idea.pk}/members/", {"_confirm_copies": "1"})
    members = set(IdeaMembership.objects.filter(idea=idea).values_list("point__proposal", flat=True))
    assert proposals[-1].pk not in members and {p.pk for p in proposals[:4]} <= members
    assert said(response)[0].endswith("copies of the idea's text confirmed in one step.")
    assert events(idea) == [IdeaAction.SUGGEST, IdeaAction.CONFIRM]


def test_drop_chosen_keeps_them_as_dropped(analyst):
    idea, proposals = campaign_idea()
    response = client_for(analyst).post(f"{LIST}{idea.pk}/members/", {"_drop": "1", "point": points(proposals[-1:])})
    assert said(response) == ["1 suggestion dropped."]
    assert IdeaCandidate.objects.get(point=point_of(proposals[-1])).status == CandidateStatus.DROPPED
    assert events(idea)[-1] == IdeaAction.DROP


def test_remove_needs_a_note_and_then_writes_its_events(analyst):
    idea, proposals = campaign_idea()
    idea_confirm(idea=idea, actor=analyst, points=[point_of(proposals[0])])
    client = client_for(analyst)
    url = f"{LIST}{idea.pk}/members/"
    refused = client.post(url, {"_remove": "1", "point": points(proposals[:1])})
    assert said(refused) == ["Say why the members leave the idea."]
    assert IdeaMembership.objects.filter(idea=idea).count() == 1
    done = client.post(url, {"_remove": "1", "point": points(proposals[:1]), "note": "Другая тема"})
    assert said(done) == ["1 member removed from the idea."]
    assert events(idea)[-1] == IdeaAction.REMOVE
    assert ProposalEvent.objects.filter(proposal=proposals[0], action=Action.LEAVE_IDEA).count() == 1


def test_move_chosen_to_another_idea_by_number_or_title_words(analyst):
    idea, proposals = campaign_idea()
    (loner,) = copies(1, text=OTHER)
    other = idea_start(point=point_of(loner), actor=analyst)
    idea_edit(idea=other, actor=analyst, changes={"title_ru": "Поддержка фермеров"})
    client = client_for(analyst)
    url = f"{LIST}{idea.pk}/members/"
    by_words = client.post(url, {"_move": "1", "point": points(proposals[-1:]), "target": "фермеров"})
    assert said(by_words) == [f"1 point moved to idea {other.pk}."]
    by_number = client.post(url, {"_move": "1", "point": points(proposals[:1]), "target": str(other.pk)})
    assert said(by_number) == [f"1 point moved to idea {other.pk}."]
    assert events(idea)[-2:] == [IdeaAction.MOVE_OUT, IdeaAction.MOVE_OUT]
    assert IdeaEvent.objects.filter(idea=other, action=IdeaAction.MOVE_IN).count() == 2


def test_an_unknown_idea_in_the_picker_is_a_message_and_changes_nothing(analyst):
    idea, proposals = campaign_idea()
    client = client_for(analyst)
    url = f"{LIST}{idea.pk}/members/"
    response = client.post(url, {"_move": "1", "point": points(proposals[:1]), "target": "999999"})
    assert said(response) == ["There is no current idea number 999999."]
    assert said(client.post(url, {"_move": "1", "point": points(proposals[:1]), "target": "нетакогослова"})) == [
        "No current idea matches “нетакогослова”."]
    assert said(client.post(url, {"_move": "1", "point": points(proposals[:1]), "target": ""})) == [
        "Name the other idea: its number, or words of its title."]
    assert events(idea) == [IdeaAction.SUGGEST]


def test_split_chosen_into_a_new_idea(analyst):
    idea, proposals = campaign_idea()
    response = client_for(analyst).post(f"{LIST}{idea.pk}/members/", {"_split": "1", "point": points(proposals[-1:])})
    new = Idea.objects.order_by("-pk").first()
    assert new.pk != idea.pk and said(response) == [f"1 point split into the new idea {new.pk}."]
    assert IdeaAction.SPLIT in events(idea) and IdeaAction.SPLIT_FROM in events(new)


def test_merge_into_another_idea_leads_to_its_desk(analyst):
    idea, _proposals = campaign_idea()
    (loner,) = copies(1, text=OTHER)
    other = idea_start(point=point_of(loner), actor=analyst)
    response = client_for(analyst).post(f"{LIST}{idea.pk}/merge/", {"target": str(other.pk)})
    assert response.url == desk(other)
    idea.refresh_from_db()
    assert idea.merged_into_id == other.pk and events(idea)[-1] == IdeaAction.MERGE
    # The merged idea's desk says so and offers nothing.
    html = client_for(analyst).get(desk(idea)).content.decode()
    assert f"merged into idea {other.pk}" in html and 'name="point"' not in html


def test_dismiss_a_suggested_idea(analyst):
    idea, _proposals = campaign_idea()
    response = client_for(analyst).post(f"{LIST}{idea.pk}/dismiss/")
    assert said(response) == [f"Idea {idea.pk} is dismissed."]
    assert events(idea)[-1] == IdeaAction.DISMISS


def test_tampered_or_missing_choices_are_refused_with_a_message(analyst):
    idea, proposals = campaign_idea()
    stranger = make_proposal()
    client = client_for(analyst)
    url = f"{LIST}{idea.pk}/members/"
    assert said(client.post(url, {"_confirm": "1"})) == ["Choose the points first: tick them in the lists."]
    assert said(client.post(url, {"_confirm": "1", "point": ["x", "-1", "1e9"]})) == [
        "Choose the points first: tick them in the lists."]
    stale = client.post(url, {"_confirm": "1", "point": points([proposals[0], stranger])})
    assert said(stale)[0].startswith("Some of the chosen points are no longer in this idea")
    assert said(client.post(url, {"_nothing": "1", "point": points(proposals[:1])})) == ["Unknown action."]
    assert events(idea) == [IdeaAction.SUGGEST]
    assert client.get(f"{LIST}999999/change/").status_code == 404
    assert client.post(f"{LIST}999999/members/", {"_confirm": "1"}).status_code == 404


def test_a_point_already_in_another_idea_is_refused_with_a_message(analyst):
    idea, proposals = campaign_idea()
    other = idea_start(point=point_of(proposals[0]), actor=analyst)
    # Suggested here too (the clustering ran before it joined the other idea).
    response = client_for(analyst).post(f"{LIST}{idea.pk}/add/{point_of(proposals[0]).pk}/")
    assert said(response) == ["A point is already a member of another idea: move it from there."]
    assert IdeaMembership.objects.get(point=point_of(proposals[0])).idea_id == other.pk


def test_a_refusal_speaks_the_users_language(analyst):
    idea, _proposals = campaign_idea()
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(analyst)
    response = client.post(f"{LIST}{idea.pk}/members/", {"_confirm": "1"})
    assert said(response) == ["Сначала выберите пункты: отметьте их в списках."]


def test_a_working_group_member_reads_the_desk_and_changes_nothing(analyst):
    idea, proposals = campaign_idea()
    client = staff("working-group member")
    html = client.get(desk(idea)).content.decode()
    assert 'name="point"' not in html and "Confirm all copies" not in html and "/texts/" not in html
    response = client.post(f"{LIST}{idea.pk}/members/", {"_confirm": "1", "point": points(proposals[:1])})
    assert said(response) and not IdeaMembership.objects.exists()
    assert events(idea) == [IdeaAction.SUGGEST]
    assert client.get(f"{LIST}{idea.pk}/decide/").status_code == 404


def test_the_texts_are_saved_through_the_service_with_an_event(analyst):
    idea, _proposals = campaign_idea()
    data = {f"texts-{name}": "" for name in ("title_kk", "title_ru", "title_en", "summary_kk", "summary_ru",
                                            "summary_en", "category")}
    data.update({"texts-text": idea.text, "texts-title_kk": "Депутаттар саны", "texts-title_ru": "Число депутатов"})
    response = client_for(analyst).post(f"{LIST}{idea.pk}/texts/", data)
    assert said(response) == ["Saved."]
    idea.refresh_from_db()
    assert idea.title_ru == "Число депутатов" and events(idea)[-1] == IdeaAction.EDIT
    refused = client_for(analyst).post(f"{LIST}{idea.pk}/texts/", {**data, "texts-text": "   "})
    assert refused.status_code == 200 and "texts-title_ru" in refused.content.decode()


def test_the_history_lists_the_events_newest_first_with_their_actor(analyst):
    idea, proposals = campaign_idea()
    idea_confirm(idea=idea, actor=analyst, points=[point_of(proposals[0])])
    page = staff("analyst").get(desk(idea))
    assert [event.action for event in page.context["events"]] == [IdeaAction.CONFIRM, IdeaAction.SUGGEST]
    assert analyst.username in page.content.decode()


@pytest.mark.parametrize("count", [10, 1000])
def test_the_desks_queries_do_not_grow_with_the_members(count, analyst, django_assert_max_num_queries):
    proposals = bulk_public(count + 10, text=LETTER)
    found = list(Point.objects.filter(proposal__in=proposals).order_by("pk"))
    idea = Idea.objects.create(text=LETTER, confirmed_at=proposals[0].received_at)
    IdeaMembership.objects.bulk_create([IdeaMembership(idea=idea, point=point) for point in found[:count]])
    IdeaCandidate.objects.bulk_create([IdeaCandidate(idea=idea, point=point, copy_score=1, idea_score=1)
                                       for point in found[count:]])
    IdeaEvent.objects.create(idea=idea, action=IdeaAction.CONFIRM, actor=analyst)
    client = client_for(analyst)
    client.get(desk(idea))
    with django_assert_max_num_queries(14):
        page = client.get(desk(idea))
    assert page.status_code == 200 and len(page.context["page"].members) == min(count, 100)
    assert page.context["member_count"] == count


# Deciding, publishing, releasing

def confirmed_campaign(analyst, count=3):
    idea, proposals = campaign_idea(exact=count, edited=0, other=0)
    idea_confirm(idea=idea, actor=analyst, points=[point_of(proposal) for proposal in proposals])
    return idea, proposals


def decision(**extra):
    return {"outcome": PointOutcome.ACCEPTED, "reason": "", "response_kk": ANSWER["kk"], "response_ru": ANSWER["ru"],
            "response_en": "", "note": "", **extra}


def test_a_lead_decides_the_idea_and_is_told_how_many_members_were_answered(analyst, lead):
    idea, proposals = confirmed_campaign(analyst)
    put = Proposal.objects.get(pk=proposals[2].pk)
    put.state = State.ACCEPTED
    put.save()
    response = client_for(lead).post(f"{LIST}{idea.pk}/decide/", decision())
    (message,) = said(response)
    assert message.startswith("Decided: 2 of 3 members answered.")
    assert "1 left: its proposal's decision is recorded otherwise" in message
    assert events(idea)[-1] == IdeaAction.DECIDE
    assert ProposalEvent.objects.filter(proposal=proposals[0], action=Action.DECIDE_WITH_IDEA).count() == 1


def test_a_decision_without_its_responses_is_shown_again_with_the_reason(analyst, lead):
    idea, _proposals = confirmed_campaign(analyst)
    response = client_for(lead).post(f"{LIST}{idea.pk}/decide/", decision(
        outcome=PointOutcome.NOT_ACCEPTED, response_ru="Напечатанный ответ", response_kk=""))
    html = response.content.decode()
    assert response.status_code == 200 and "Напечатанный ответ" in html
    assert IdeaAction.DECIDE not in events(idea)
    reasoned = client_for(lead).post(f"{LIST}{idea.pk}/decide/", decision(outcome=PointOutcome.NOT_ACCEPTED))
    assert reasoned.status_code == 200 and "Choose the reason it was not accepted." in reasoned.content.decode()


def test_the_decision_page_offers_the_answer_templates_and_fills_from_one_without_javascript(analyst, lead):
    idea, _proposals = confirmed_campaign(analyst)
    template = AnswerTemplate.objects.create(
        name="Не по теме", outcome=State.NOT_ACCEPTED, reason=NotAcceptedReason.OTHER, text_kk="Қазақша жауап",
        text_ru="Ответ по-русски")
    client = client_for(lead)
    page = client.get(f"{LIST}{idea.pk}/decide/").content.decode()
    assert f'value="{template.pk}"' in page and 'data-outcome="not_accepted"' in page
    filled = client.post(f"{LIST}{idea.pk}/decide/", {"use_template": "1", "answer_template": str(template.pk)})
    form = filled.context["form"]
    assert form.initial["response_ru"] == "Ответ по-русски" and form.initial["outcome"] == State.NOT_ACCEPTED
    assert not form.errors


def test_an_analyst_does_not_see_or_open_the_decision(analyst):
    idea, _proposals = confirmed_campaign(analyst)
    client = client_for(analyst)
    assert f"{LIST}{idea.pk}/decide/" not in client.get(desk(idea)).content.decode()
    assert client.get(f"{LIST}{idea.pk}/decide/").status_code == 404


def test_a_member_decided_apart_needs_a_note_and_is_marked(analyst, lead):
    idea, proposals = confirmed_campaign(analyst)
    client = client_for(lead)
    url = f"{LIST}{idea.pk}/apart/{point_of(proposals[0]).pk}/"
    refused = client.post(url, decision(outcome=PointOutcome.NOT_ACCEPTED, reason=NotAcceptedReason.OTHER))
    assert refused.status_code == 200 and not IdeaMembership.objects.filter(apart=True).exists()
    done = client.post(url, decision(outcome=PointOutcome.NOT_ACCEPTED, reason=NotAcceptedReason.OTHER,
                                     note="Вне компетенции"))
    assert said(done)[0].endswith("is decided apart from the idea.")
    assert events(idea)[-1] == IdeaAction.DECIDE_APART
    assert "decided apart" in client.get(desk(idea)).content.decode()
    assert client.get(f"{LIST}{idea.pk}/apart/{point_of(make_proposal()).pk}/").status_code == 404


def test_publishing_needs_the_kazakh_and_russian_texts_and_unpublishing_a_note(analyst, lead):
    idea, _proposals = confirmed_campaign(analyst)
    client = client_for(lead)
    url = f"{LIST}{idea.pk}/publish/"
    assert said(client.post(url, {"_publish": "1"})) == [
        "Write the public title and summary in Kazakh and Russian first."]
    idea_edit(idea=idea, actor=lead, changes={"title_kk": "Т", "title_ru": "Т", "summary_kk": "С", "summary_ru": "С"})
    assert said(client.post(url, {"_publish": "1"})) == ["The idea is published."]
    assert said(client.post(url, {"_unpublish": "1"})) == ["This action needs a note."]
    assert said(client.post(url, {"_unpublish": "1", "note": "Ошибка"})) == ["The idea is taken off the public site."]
    assert events(idea)[-2:] == [IdeaAction.PUBLISH, IdeaAction.UNPUBLISH]


def test_release_says_how_many_submitters_will_be_told_and_tells_them(analyst, lead):
    idea, proposals = confirmed_campaign(analyst)
    idea_decide(idea=idea, actor=lead, outcome=PointOutcome.ACCEPTED, response=ANSWER)
    client = client_for(lead)
    page = client.get(f"{LIST}{idea.pk}/release/").content.decode()
    assert "3 members' submitters will be told the answer." in page
    before = Notification.objects.count()
    response = client.post(f"{LIST}{idea.pk}/release/")
    assert said(response) == ["Released: 3 members' submitters are told the answer."]
    assert events(idea)[-1] == IdeaAction.RELEASE
    assert Notification.objects.count() - before == 3
    assert said(client.post(f"{LIST}{idea.pk}/release/")) == ["The decision is already released."]


def test_the_desk_names_a_released_ideas_stage_in_russian(analyst, lead):
    idea, _proposals = confirmed_campaign(analyst)
    idea_decide(idea=idea, actor=lead, outcome=PointOutcome.ACCEPTED, response=ANSWER)
    client_for(lead).post(f"{LIST}{idea.pk}/release/")
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(lead)
    title = client.get(desk(idea)).content.decode().split('class="desk-title"')[1].split("</h1>")[0]
    assert "решение опубликовано" in title and "дата" not in title


def test_a_suggestion_withdrawn_by_its_submitter_is_told_apart_from_the_clustering(analyst):
    idea, proposals = campaign_idea()
    services.proposal_transition(proposal=proposals[0], action=Action.WITHDRAW, actor=None)
    history = client_for(analyst).get(desk(idea)).content.decode().split('id="idea-history-heading"')[1]
    drop = history.split('class="event event--drop"')[1].split("</tr>")[0]
    assert "<td>submitter</td>" in drop and proposals[0].tracking_code in drop
    assert "the clustering" in history.split('class="event event--suggest"')[1].split("</tr>")[0]


def test_decide_apart_is_offered_only_while_the_members_answer_is_unreleased(analyst, lead):
    idea, proposals = confirmed_campaign(analyst)
    client = client_for(lead)
    apart = f"{LIST}{idea.pk}/apart/{point_of(proposals[0]).pk}/"
    assert apart in client.get(desk(idea)).content.decode()
    idea_decide(idea=idea, actor=lead, outcome=PointOutcome.ACCEPTED, response=ANSWER)
    assert apart in client.get(desk(idea)).content.decode()
    client.post(f"{LIST}{idea.pk}/release/")
    assert "/apart/" not in client.get(desk(idea)).content.decode()


# A point's likely ideas on the proposal's desk

def test_the_proposal_desk_loads_its_points_likely_ideas_after_it_renders(analyst):
    (proposal,) = copies(1)
    html = client_for(analyst).get(f"/admin/proposals/proposal/{proposal.pk}/change/").content.decode()
    assert f'data-ideas-url="{LIST}likely/{point_of(proposal).pk}/?partial=1"' in html
    assert "js/console-ideas.js" in html


def test_the_fragment_offers_the_likely_idea_and_adds_the_point_to_it(analyst):
    proposals = copies(3)
    idea = idea_start(point=point_of(proposals[0]), actor=analyst)
    client = client_for(analyst)
    html = client.get(f"{LIST}likely/{point_of(proposals[2]).pk}/?partial=1").content.decode()
    assert "<html" not in html and f"{LIST}{idea.pk}/add/{point_of(proposals[2]).pk}/" in html
    assert f"in idea {idea.pk}" in html and "Start an idea from this point" in html
    back = f"/admin/proposals/proposal/{proposals[2].pk}/change/"
    response = client.post(f"{LIST}{idea.pk}/add/{point_of(proposals[2]).pk}/", {"next": back})
    assert response.url == back and said(response)[0].endswith(f"is added to idea {idea.pk}.")
    member = client.get(f"{LIST}likely/{point_of(proposals[2]).pk}/").content.decode()
    assert "<html" in member and f"A member of idea {idea.pk}" in member


def test_start_an_idea_from_a_point_leads_to_its_desk(analyst):
    (proposal,) = copies(1)
    response = client_for(analyst).post(f"{LIST}start/{point_of(proposal).pk}/", {"next": "https://evil.example/"})
    idea = Idea.objects.get()
    assert response.url == desk(idea) and events(idea) == [IdeaAction.START]
    assert IdeaMembership.objects.get().idea == idea
    again = client_for(analyst).post(f"{LIST}start/{point_of(proposal).pk}/", {"next": "https://evil.example/"})
    assert again.url == f"/admin/proposals/proposal/{proposal.pk}/change/"
    assert said(again) == ["A point is already a member of another idea: move it from there."]


def test_the_fragment_is_a_404_for_anyone_but_staff():
    (proposal,) = copies(1)
    url = f"{LIST}likely/{point_of(proposal).pk}/?partial=1"
    assert Client().get(url).status_code == 404
    outsider = Client()
    outsider.force_login(make_user())
    assert outsider.get(url).status_code == 404


def test_the_points_page_offers_each_points_likely_ideas(analyst):
    from tests.factories import many_points, split_proposal

    proposal = split_proposal(many_points(3))
    html = client_for(analyst).get(f"/admin/proposals/proposal/{proposal.pk}/points/").content.decode()
    assert html.count(f'data-ideas-url="{LIST}likely/') == 3 and html.count("js/console-ideas.js") == 1


def test_an_action_returns_to_the_pages_it_was_taken_on(analyst):
    idea, proposals = campaign_idea()
    response = client_for(analyst).post(f"{LIST}{idea.pk}/members/", {
        "_drop": "1", "point": points(proposals[-1:]), "_members_page": "2", "_suggestions_page": "x"})
    assert response.url == desk(idea) + "?members=2"
