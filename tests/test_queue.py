"""The console's work queue: saved views as tabs with capped counts, landing on the queue, assignment in one click."""
import datetime
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from proposals.console import filters
from proposals.core import services
from proposals.core.models import Proposal, ProposalEvent
from proposals.core.workflow import Action, State
from tests.factories import bulk_public, make_proposal, make_user, proposal_in_state, public_proposal

pytestmark = pytest.mark.django_db

LIST = "/admin/proposals/proposal/"
ASSIGN_ME = LIST + "assign-me/"
TAB_KEYS = ["mine", "screen", "overdue", "wg", "unreleased", "ready"]


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def shown(client, query):
    return {p.pk for p in client.get(LIST + query).context["cl"].result_list}


def one_of_each(analyst):
    """A proposal for each saved view (and one, spam, for none of them), keyed by the view that should list it."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    mine = proposal_in_state(State.IN_REVIEW)
    Proposal.objects.filter(pk=mine.pk).update(assignee=analyst, decision_due=timezone.localdate())
    received = make_proposal()
    screening = proposal_in_state(State.SCREENING)
    late = proposal_in_state(State.IN_REVIEW)
    Proposal.objects.filter(pk=late.pk).update(decision_due=yesterday)
    forwarded = proposal_in_state(State.WITH_WORKING_GROUP)
    unreleased = proposal_in_state(State.ACCEPTED)
    ready = proposal_in_state(State.OUT_OF_SCOPE)
    Proposal.objects.filter(pk=ready.pk).update(
        title_kk="Тақырып", title_ru="Заголовок", summary_kk="Қысқаша", summary_ru="Кратко"
    )
    # Not ready: the Russian summary is missing, the Russian title is missing, or it is published already.
    half_ready = proposal_in_state(State.IN_REVIEW)
    Proposal.objects.filter(pk=half_ready.pk).update(title_kk="Тақырып", title_ru="Заголовок", summary_kk="Қысқаша")
    untitled = proposal_in_state(State.IN_REVIEW)
    Proposal.objects.filter(pk=untitled.pk).update(title_kk="Тақырып", summary_kk="Қысқаша", summary_ru="Кратко")
    published = public_proposal(State.ACCEPTED, released=True)
    spam = proposal_in_state(State.SPAM)
    return {
        "mine": {mine.pk},
        "screen": {received.pk, screening.pk},
        "overdue": {late.pk},
        "wg": {forwarded.pk},
        "unreleased": {unreleased.pk},
        "ready": {ready.pk},
        "none": {half_ready.pk, untitled.pk, published.pk, spam.pk},
    }


def test_each_tab_lists_exactly_its_own_proposals_and_counts_them():
    analyst = make_user("analyst")
    client = client_for(analyst)
    expected = one_of_each(analyst)
    for key in TAB_KEYS:
        assert shown(client, f"?queue={key}") == expected[key], key
    page = client.get(LIST + "?queue=screen")
    tabs = {tab["view"].key: tab for tab in page.context["queue_tabs"]}
    assert list(tabs) == TAB_KEYS
    assert {key: tab["count"] for key, tab in tabs.items()} == {
        key: {"value": len(expected[key]), "more": False} for key in TAB_KEYS
    }
    assert [key for key, tab in tabs.items() if tab["current"]] == ["screen"]
    assert page.context["title"] == filters.VIEWS["screen"].label  # the page is named after its view
    html = page.content.decode()
    assert f'href="{LIST}?queue=screen" aria-current="page"' in html
    assert '<span class="queue-count">2</span>' in html


def test_my_queue_is_each_persons_own_open_proposals():
    analyst, colleague = make_user("analyst"), make_user("analyst")
    mine, theirs, closed = make_proposal(), make_proposal(), proposal_in_state(State.SPAM)
    Proposal.objects.filter(pk__in=[mine.pk, closed.pk]).update(assignee=analyst)
    Proposal.objects.filter(pk=theirs.pk).update(assignee=colleague)
    assert shown(client_for(analyst), "?queue=mine") == {mine.pk}
    assert shown(client_for(colleague), "?queue=mine") == {theirs.pk}


def test_a_proposal_still_received_past_its_acknowledgement_date_is_overdue():
    late = make_proposal()
    Proposal.objects.filter(pk=late.pk).update(acknowledge_due=timezone.localdate() - datetime.timedelta(days=1))
    make_proposal()
    assert shown(client_for(make_user("analyst")), "?queue=overdue") == {late.pk}


def test_tab_counts_stop_at_the_cap_and_say_so(monkeypatch):
    monkeypatch.setattr(filters, "TAB_COUNT_CAP", 3)
    bulk_public(5, state=State.SCREENING, published_at=None)
    page = client_for(make_user("lead")).get(LIST)
    tabs = {tab["view"].key: tab["count"] for tab in page.context["queue_tabs"]}
    assert tabs["screen"] == {"value": 3, "more": True}
    assert tabs["wg"] == {"value": 0, "more": False}
    assert '<span class="queue-count">3+</span>' in page.content.decode()


@pytest.mark.parametrize("query", ["", "?queue=mine", "?queue=overdue", "?queue=ready&q=Массовое"])
def test_the_queue_costs_the_same_few_queries_at_any_size(query, django_assert_max_num_queries):
    lead = make_user("lead")
    client = client_for(lead)
    client.get(LIST + query)  # the first page fills the process's caches (templates, permissions)
    counts = []
    for size in (20, 1200):
        missing = size - Proposal.objects.count()
        bulk_public(missing // 2, state=State.SCREENING, published_at=None, assignee=lead)
        bulk_public(missing - missing // 2, state=State.ACCEPTED, published_at=None,
                    decision_due=timezone.localdate() - datetime.timedelta(days=3))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST + query).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
    # Session and user, their permissions (2), the filters' categories, regions, staff, parties and the Constitution's
    # sections, the list's count (with the planner's estimate on PostgreSQL) and rows, the date drill-down's ends, and
    # one capped count per tab.
    with django_assert_max_num_queries(13 + len(TAB_KEYS)):
        client.get(LIST + query)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (set DATABASE_URL=postgres://...)")
def test_every_tab_count_is_answered_from_an_index():
    from django.test import RequestFactory

    request = RequestFactory().get(LIST)
    request.user = make_user("analyst")
    bulk_public(300, state=State.IN_REVIEW, published_at=None)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE proposals_proposal")
        # Only when no index can answer does the planner still read the whole table.
        cursor.execute("SET LOCAL enable_seqscan = off")
    for key in TAB_KEYS:
        rows = filters.VIEWS[key].rows(Proposal.objects.all(), request)
        plan = rows.order_by().values("pk")[: filters.TAB_COUNT_CAP + 1].explain()
        assert "Seq Scan" not in plan, (key, plan)


def test_staff_land_on_their_own_queue_after_signing_in_or_on_the_proposals_to_screen():
    analyst = make_user("analyst")
    client = Client()
    login = client.get("/admin/")  # a bookmark of the console, before signing in
    assert login["Location"] == "/admin/login/?next=/admin/"
    form = client.get(login["Location"]).context
    response = client.post(login["Location"], {"username": analyst.username, "password": "test-password-123",
                                               "next": form["next"]}, follow=True)
    assert response.redirect_chain[-1][0] == f"{LIST}?queue=screen"
    assert response.context["queue_tabs"]
    Proposal.objects.filter(pk=make_proposal().pk).update(assignee=analyst)
    assert client.get("/admin/")["Location"] == f"{LIST}?queue=mine"


def test_every_register_stays_one_link_away_and_others_keep_the_admins_index():
    page = client_for(make_user("analyst")).get(LIST).content.decode()
    assert 'href="/admin/registers/"' in page
    registers = client_for(make_user("analyst")).get("/admin/registers/").content.decode()
    assert "/admin/proposals/category/" in registers
    # Staff who may not see proposals keep the admin's own index as their home.
    assert client_for(make_user(is_staff=True)).get("/admin/").status_code == 200


def test_assign_to_me_from_the_list_writes_the_event_and_returns_to_the_same_filtered_page():
    analyst = make_user("analyst")
    proposal = make_proposal()
    filters_kept = "queue=screen&category__id__exact=1&p=1"
    page = client_for(analyst).get(f"{LIST}?{filters_kept}").content.decode()
    assert f'form="assign-me" name="proposal" value="{proposal.pk}"' in page
    assert f'action="{ASSIGN_ME}?{urlencode({"_changelist_filters": filters_kept})}"' in page

    response = client_for(analyst).post(
        f"{ASSIGN_ME}?{urlencode({'_changelist_filters': filters_kept})}", {"proposal": proposal.pk, "next": "list"}
    )
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == LIST and parse_qs(target.query) == parse_qs(filters_kept)
    assert Proposal.objects.get(pk=proposal.pk).assignee == analyst
    event = ProposalEvent.objects.get(proposal=proposal, action=Action.ASSIGN)
    assert (event.actor, event.note, event.is_public) == (analyst, analyst.username, False)


def test_assign_to_me_on_the_page_returns_to_the_page_with_the_lists_filters():
    analyst = make_user("analyst")
    proposal = proposal_in_state(State.IN_REVIEW)
    preserved = urlencode({"_changelist_filters": "queue=overdue"})
    page = client_for(analyst).get(f"{LIST}{proposal.pk}/change/?{preserved}").content.decode()
    assert 'data-shortcut="a"' in page and f'action="{ASSIGN_ME}?{preserved}"' in page
    response = client_for(analyst).post(f"{ASSIGN_ME}?{preserved}", {"proposal": proposal.pk, "next": "page"})
    assert response["Location"] == f"{LIST}{proposal.pk}/change/?{preserved}"
    assert Proposal.objects.get(pk=proposal.pk).assignee == analyst
    # Once it is theirs, neither the page nor the row offers it again.
    assert 'data-shortcut="a"' not in client_for(analyst).get(f"{LIST}{proposal.pk}/change/").content.decode()
    assert f'value="{proposal.pk}" class="assign-me"' not in client_for(analyst).get(LIST).content.decode()


def test_a_working_group_member_reads_the_queue_but_cannot_assign_to_themselves():
    member = make_user("working-group member")
    proposal = make_proposal()
    client = client_for(member)
    assert 'class="assign-me"' not in client.get(LIST).content.decode()
    assert 'data-shortcut="a"' not in client.get(f"{LIST}{proposal.pk}/change/").content.decode()
    response = client.post(ASSIGN_ME, {"proposal": proposal.pk}, follow=True)
    assert response.redirect_chain[-1][0] == LIST
    with translation.override("kk"):  # the console's language when the browser names none
        assert gettext("You do not have permission to do this.") in response.content.decode()
    assert Proposal.objects.get(pk=proposal.pk).assignee is None
    assert not ProposalEvent.objects.filter(proposal=proposal, action=Action.ASSIGN).exists()


def test_assign_to_me_takes_only_a_post_of_a_known_proposal():
    client = client_for(make_user("analyst"))
    assert client.get(ASSIGN_ME).status_code == 405
    assert client.post(ASSIGN_ME, {"proposal": "not-a-number"}).status_code == 404
    assert client.post(ASSIGN_ME, {"proposal": "999999"}).status_code == 404


def test_starting_screening_assigns_an_unassigned_proposal_to_whoever_starts_it():
    analyst = make_user("analyst")
    proposal = make_proposal()
    services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=analyst)
    assert proposal.assignee == analyst and proposal.state == State.SCREENING
    events = list(ProposalEvent.objects.filter(proposal=proposal).exclude(action=Action.SUBMIT).order_by("pk"))
    assert [(e.action, e.actor, e.note, e.is_public) for e in events] == [
        (Action.START_SCREENING, analyst, "", True), (Action.ASSIGN, analyst, analyst.username, False),
    ]


def test_starting_screening_leaves_a_proposal_with_the_colleague_who_has_it():
    colleague, analyst = make_user("analyst"), make_user("analyst")
    proposal = make_proposal()
    services.proposal_assign(proposal=proposal, assignee=colleague, actor=colleague)
    services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=analyst)
    assert proposal.assignee == colleague
    assert ProposalEvent.objects.filter(proposal=proposal, action=Action.ASSIGN).count() == 1


def test_starting_screening_from_the_list_assigns_each_selected_proposal():
    analyst = make_user("analyst")
    proposals = [make_proposal(), make_proposal()]
    client_for(analyst).post(LIST, {"action": "bulk_start_screening", "index": "0", "confirm": "1",
                                    "_selected_action": [str(p.pk) for p in proposals]})
    assert set(Proposal.objects.filter(pk__in=[p.pk for p in proposals]).values_list("assignee", flat=True)) == {
        analyst.pk
    }
