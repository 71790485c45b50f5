"""The staff console: roles and actions, bulk results, queues, search, intake, export, downloads, query counts."""
import csv
import datetime
import io

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from proposals.console.filters import TAB_COUNT_CAP
from proposals.core import services
from proposals.core.models import Category, Channel, Holiday, Party, Proposal, ProposalEvent, ProposalNote, Region
from proposals.core.workflow import DECIDE, PUBLISH, TRANSITIONS, TRIAGE, Action, NotAcceptedReason, State
from tests.factories import bulk_public, make_proposal, make_user, proposal_in_state, public_proposal
from tests.submission import PDF_BYTES

pytestmark = pytest.mark.django_db

LIST = "/admin/proposals/proposal/"
ROLE_PERMISSIONS = {
    "analyst": {TRIAGE},
    "lead": {TRIAGE, DECIDE, PUBLISH},
    "working-group member": set(),
}


def staff_client(role):
    client = Client()
    client.force_login(make_user(role))
    return client


def act_url(proposal, action):
    return f"{LIST}{proposal.pk}/act/{action}/"


def inputs_for(action):
    transition = TRANSITIONS.get(action)
    data = {}
    if transition is not None and transition.needs_note or action == Action.EXTEND_DEADLINE:
        data["note"] = "Explained."
    if transition is not None and transition.needs_reason:
        data["reason"] = NotAcceptedReason.NOT_FEASIBLE
    if transition is not None and transition.needs_duplicate:
        data["duplicate_of"] = str(make_proposal().pk)
    if action == Action.EXTEND_DEADLINE:
        data["working_days"] = "5"
    if transition is not None and transition.decides:
        data.update(response_kk="Жауап", response_ru="Ответ")
    return data


def proposal_for(action):
    """A proposal from which ``action`` applies."""
    if action in TRANSITIONS:
        return proposal_in_state(sorted(TRANSITIONS[action].sources)[0])
    if action == Action.PUBLISH:
        proposal = proposal_in_state(State.IN_REVIEW)
        Proposal.objects.filter(pk=proposal.pk).update(
            title_kk="Атауы", title_ru="Название", summary_kk="Қысқаша", summary_ru="Кратко"
        )
        return proposal
    if action == Action.UNPUBLISH:
        return public_proposal()
    if action == Action.RELEASE_DECISION:
        proposal = proposal_in_state(State.ACCEPTED)
        Proposal.objects.filter(pk=proposal.pk).update(response_kk="Жауап", response_ru="Ответ")
        return proposal
    return make_proposal()


PERMISSION_OF = {**{a: t.permission for a, t in TRANSITIONS.items()}, Action.PUBLISH: PUBLISH,
                 Action.UNPUBLISH: PUBLISH, Action.RELEASE_DECISION: PUBLISH, Action.EXTEND_DEADLINE: DECIDE}
ROLE_ACTIONS = [(role, action) for role in ROLE_PERMISSIONS for action in PERMISSION_OF]


@pytest.mark.parametrize(("role", "action"), ROLE_ACTIONS, ids=[f"{r}-{a}" for r, a in ROLE_ACTIONS])
def test_each_role_can_do_exactly_what_the_table_allows(role, action):
    client = staff_client(role)
    proposal = proposal_for(action)
    # Its own events: starting screening also assigns the proposal, with an assign event of its own.
    events_before = ProposalEvent.objects.filter(proposal=proposal, action=action).count()
    allowed = PERMISSION_OF[action] in ROLE_PERMISSIONS[role]

    page = client.get(f"{LIST}{proposal.pk}/change/")
    assert page.status_code == 200
    shown = [item["action"] for item in page.context["workflow_actions"]]
    assert (action in shown) == allowed

    response = client.post(act_url(proposal, action), inputs_for(action))
    assert response.status_code == 302
    events_after = ProposalEvent.objects.filter(proposal=proposal, action=action).count()
    assert events_after == events_before + (1 if allowed else 0)
    if action in TRANSITIONS:
        expected = TRANSITIONS[action].target if allowed else proposal.state
        assert Proposal.objects.get(pk=proposal.pk).state == expected


def test_working_group_member_sees_everything_but_cannot_save():
    client = staff_client("working-group member")
    proposal = make_proposal()
    assert client.get(LIST + "?queue=all").status_code == 200
    assert client.get(f"{LIST}{proposal.pk}/change/").status_code == 200
    response = client.post(f"{LIST}{proposal.pk}/change/", {"title": "Changed"})
    assert response.status_code == 403
    assert Proposal.objects.get(pk=proposal.pk).title == proposal.title
    assert client.get(f"{LIST}add/").status_code == 403


def test_state_is_never_an_editable_field():
    client = staff_client("lead")
    proposal = make_proposal()
    form = client.get(f"{LIST}{proposal.pk}/change/").context["adminform"].form
    assert "state" not in form.fields and "duplicate_of" not in form.fields and "assignee" not in form.fields


def test_action_that_needs_a_note_opens_a_confirmation_page_and_refuses_without_it():
    client = staff_client("analyst")
    proposal = proposal_in_state(State.SCREENING)
    page = client.get(act_url(proposal, Action.MARK_OUT_OF_SCOPE))
    assert page.status_code == 200 and "note" in page.context["form"].fields
    refused = client.post(act_url(proposal, Action.MARK_OUT_OF_SCOPE), {"note": ""})
    assert refused.status_code == 200 and refused.context["form"].errors
    assert Proposal.objects.get(pk=proposal.pk).state == State.SCREENING


def test_bulk_action_with_mixed_proposals_reports_both_and_moves_only_the_allowed():
    client = staff_client("analyst")
    received = [make_proposal() for _ in range(3)]
    decided = [proposal_in_state(State.ACCEPTED) for _ in range(2)]
    ids = [str(p.pk) for p in received + decided]
    data = {"action": "bulk_start_screening", "_selected_action": ids, "index": "0"}
    confirm = client.post(LIST + "?queue=all", data)
    assert confirm.status_code == 200 and confirm.context["count"] == 5
    assert all(p.state == State.RECEIVED for p in Proposal.objects.filter(pk__in=[r.pk for r in received]))
    result = client.post(LIST + "?queue=all", {**data, "confirm": "1"}, follow=True, headers={"accept-language": "en"})
    message = [str(m) for m in result.context["messages"]][0]
    assert message.startswith("3 done, 2 refused") and "(2)" in message
    assert {p.state for p in Proposal.objects.filter(pk__in=[r.pk for r in received])} == {State.SCREENING}
    assert {p.state for p in Proposal.objects.filter(pk__in=[d.pk for d in decided])} == {State.ACCEPTED}


def test_bulk_assign_and_my_queue():
    lead, analyst = make_user("lead"), make_user("analyst")
    client = Client()
    client.force_login(lead)
    proposals = [make_proposal() for _ in range(2)]
    ids = [str(p.pk) for p in proposals]
    data = {"action": "bulk_assign", "_selected_action": ids, "index": "0", "confirm": "1", "assignee": analyst.pk}
    client.post(LIST, data)
    assert set(Proposal.objects.filter(pk__in=ids).values_list("assignee", flat=True)) == {analyst.pk}
    analyst_client = Client()
    analyst_client.force_login(analyst)
    mine = analyst_client.get(LIST + "?assignee=mine").context["cl"].result_list
    assert {p.pk for p in mine} == {p.pk for p in proposals}


def test_default_view_is_the_work_queue():
    client = staff_client("analyst")
    open_one, closed = make_proposal(), proposal_in_state(State.SPAM)
    shown = {p.pk for p in client.get(LIST).context["cl"].result_list}
    assert open_one.pk in shown and closed.pk not in shown
    everything = {p.pk for p in client.get(LIST + "?queue=all").context["cl"].result_list}
    assert closed.pk in everything


def test_overdue_filter():
    client = staff_client("analyst")
    late, on_time = make_proposal(), make_proposal()
    Proposal.objects.filter(pk=late.pk).update(acknowledge_due=timezone.localdate() - datetime.timedelta(days=2))
    shown = {p.pk for p in client.get(LIST + "?queue=overdue").context["cl"].result_list}
    assert late.pk in shown and on_time.pk not in shown


@pytest.mark.parametrize("how", ["code", "lower_code", "word", "name"])
def test_search_by_code_text_or_submitter_name(how):
    client = staff_client("analyst")
    wanted = make_proposal(title="Мәслихаттардың өкілеттігін кеңейту", submitter_name="Серікбол Ахметов")
    make_proposal(title="Басқа ұсыныс", submitter_name="Дана Әлиева")
    term = {"code": wanted.tracking_code, "lower_code": wanted.tracking_code.lower().replace("-", ""),
            "word": "мәслихаттардың", "name": "Ахметов"}[how]
    shown = {p.pk for p in client.get(LIST, {"q": term, "queue": "all"}).context["cl"].result_list}
    assert shown == {wanted.pk}


def test_editing_a_proposal_is_logged_in_the_admin_log():
    client = staff_client("analyst")
    proposal = make_proposal()
    page = client.get(f"{LIST}{proposal.pk}/change/")
    data = {k: v for k, v in page.context["adminform"].form.initial.items() if v is not None}
    data.update({"articles": "49, 50", "summary_kk": "Қысқаша", "notes-TOTAL_FORMS": "1",
                 "notes-INITIAL_FORMS": "0", "notes-0-text": "Checked against the Ak Zhol text.",
                 "attachments-TOTAL_FORMS": "0", "attachments-INITIAL_FORMS": "0",
                 "events-TOTAL_FORMS": "0", "events-INITIAL_FORMS": "0",
                 "article_links-TOTAL_FORMS": "0", "article_links-INITIAL_FORMS": "0"})
    data = {k: ("" if v is None else (v.pk if hasattr(v, "pk") else v)) for k, v in data.items()}
    response = client.post(f"{LIST}{proposal.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    proposal.refresh_from_db()
    assert proposal.articles == "49, 50" and proposal.state == State.RECEIVED
    assert LogEntry.objects.filter(object_id=str(proposal.pk)).exists()
    note = ProposalNote.objects.get(proposal=proposal)
    assert note.text == "Checked against the Ak Zhol text." and note.author.groups.filter(name="analyst").exists()


def test_intake_from_another_channel_goes_through_the_service():
    client = staff_client("analyst")
    received = timezone.localtime() - datetime.timedelta(days=4)
    data = {
        "channel": Channel.EOTINISH, "external_ref": "ЖТ-2026-77", "received_at_0": received.strftime("%Y-%m-%d"),
        "received_at_1": received.strftime("%H:%M:%S"), "submitter_kind": "citizen",
        "submitter_name": "Арман Сейітов", "language": "kk", "title": "Хат бойынша ұсыныс",
        "text": "Өңірлер кеңесін құру ұсынылады.",
    }
    response = client.post(f"{LIST}add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    proposal = Proposal.objects.get(external_ref="ЖТ-2026-77")
    assert proposal.channel == Channel.EOTINISH and proposal.state == State.RECEIVED
    assert timezone.localtime(proposal.received_at).date() == received.date()
    assert proposal.events.get().action == Action.SUBMIT
    again = client.post(f"{LIST}add/", data)
    assert again.status_code == 200 and "external_ref" in again.context["adminform"].form.errors
    assert Proposal.objects.filter(external_ref="ЖТ-2026-77").count() == 1


def test_import_page_refuses_a_bad_file_whole_and_reports_the_lines():
    client = staff_client("analyst")
    header = ("channel,external_ref,received_at,submitter_kind,submitter_name,organisation,party,position,email,phone,"
              "region,language,title,text,rationale,articles,category")
    good = "letter,L-1,2026-11-02,citizen,Айгүл,,,,,,astana,kk,Ұсыныс,Мәтін,,,"
    bad = "pigeon,L-2,2026-11-02,citizen,Айгүл,,,,,,astana,kk,Ұсыныс,Мәтін,,,"
    upload = SimpleUploadedFile("in.csv", f"{header}\n{good}\n{bad}\n".encode(), "text/csv")
    response = client.post(f"{LIST}import/", {"file": upload})
    assert response.status_code == 200
    assert [error.line for error in response.context["errors"]] == [3]
    assert Proposal.objects.count() == 0


def test_export_opens_as_utf8_and_contains_no_formula_or_contact_details():
    client = staff_client("analyst")
    make_proposal(title='=HYPERLINK("http://evil","click")', email="secret@example.org", phone="+77011112233",
                  submitter_name="Гүлнар Тайлақова")
    response = client.get(f"{LIST}export.csv?queue=all")
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())
    text = body.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["title"] == "'=HYPERLINK(\"http://evil\",\"click\")"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())
    assert "secret@example.org" not in text and "+77011112233" not in text and "Гүлнар" not in text


def test_exports_of_the_list_and_of_a_selection_cost_the_same_queries_for_2_or_8_rows():
    client = staff_client("lead")
    client.get(LIST)  # The first page fills the process's caches (templates, permissions).
    counts = []
    for size in (2, 8):
        bulk_public(size - Proposal.objects.count())
        selected = list(Proposal.objects.values_list("pk", flat=True))
        with CaptureQueriesContext(connection) as listed:
            b"".join(client.get(f"{LIST}export.csv?queue=all").streaming_content)
        with CaptureQueriesContext(connection) as chosen:
            response = client.post(f"{LIST}?queue=all", {"action": "export_selected", "_selected_action": selected})
            rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
        assert len(rows) == size and rows[0]["summary_ru"] == "Кратко"
        counts.append((len(listed), len(chosen)))
    assert counts[0] == counts[1], counts


def test_attachment_download_is_staff_only_and_never_inline(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from proposals.core import attachments

    checked = attachments.check([SimpleUploadedFile("ұсыныс.pdf", PDF_BYTES)])
    proposal = make_proposal(attachments=checked)
    url = f"{LIST}attachment/{proposal.attachments.get().pk}/download/"
    assert Client().get(url).status_code == 404
    outsider = Client()
    outsider.force_login(make_user())
    assert outsider.get(url).status_code == 404
    response = staff_client("analyst").get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_changelist_query_count_does_not_grow_with_the_table():
    client = staff_client("lead")
    client.get(LIST)  # The first page fills the process's caches (templates, permissions).
    counts = []
    for size in (50, 5000):
        bulk_public(size - Proposal.objects.count(), state=State.IN_REVIEW, published_at=None)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST).status_code == 200
        counts.append(len(captured))
    print("changelist queries:", counts)
    assert counts[0] == counts[1]


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
@pytest.mark.parametrize("query", ["", "?queue=all&o=-3.2", "?queue=all&q=Парламент&state__exact=in_review"])
def test_the_list_rows_are_the_admins_own_markup(language, query):
    from django.contrib.admin.templatetags.admin_list import results
    from django.test import RequestFactory
    from django.urls import resolve
    from django.utils import translation

    from proposals.console.rows import rows

    user = make_user("lead")
    assignee = make_user("analyst")
    make_proposal(title="Парламент <b>екі</b> палаталы")
    overdue = proposal_in_state(State.IN_REVIEW, title="Парламент & Сенат")
    Proposal.objects.filter(pk=overdue.pk).update(decision_due=datetime.date(2020, 1, 2), assignee=assignee)
    public_proposal(State.ACCEPTED, title="  ")
    request = RequestFactory().get(LIST + query)
    request.user, request.resolver_match = user, resolve(LIST)
    with translation.override(language):
        changelist = admin.site._registry[Proposal].get_changelist_instance(request)
        changelist.formset = None  # as changelist_view sets it when nothing is editable in the list
        expected = ["<tr>" + "".join(str(cell) for cell in row) + "</tr>" for row in results(changelist)]
        assert [str(row) for row in rows(changelist)] == expected
    assert expected and all("_changelist_filters" in row for row in expected) == bool(query)


def test_the_console_lists_follow_a_renamed_category_and_staff_joining_or_leaving_the_analysts():
    from django.contrib.auth.models import Group, update_last_login

    from proposals.core.infra import versioned_cache
    from proposals.core.infra.reference_version import VERSION_KEY

    client = staff_client("lead")
    category = Category.objects.order_by("pk").first()
    make_proposal(category=category, received_at=timezone.make_aware(datetime.datetime(2026, 3, 9, 14, 5)))
    assert category.name_kk in client.get(LIST).content.decode()

    category.name_kk = "Парламенттік реформа (жаңа)"
    category.save()
    page = client.get(LIST).content.decode()
    assert page.count("Парламенттік реформа (жаңа)") == 2  # the filter and the row

    newcomer = make_user("analyst", first_name="Дәурен", last_name="Сейітов")
    assert "Дәурен Сейітов" in client.get(LIST).content.decode()
    newcomer.groups.remove(Group.objects.get(name="analyst"))
    assert "Дәурен Сейітов" not in client.get(LIST).content.decode()

    version = versioned_cache.current(VERSION_KEY)
    update_last_login(None, newcomer)  # what every sign-in does
    assert versioned_cache.current(VERSION_KEY) == version  # a sign-in saves the user and changes no list


def test_the_list_rows_name_an_assignee_who_no_longer_triages():
    from django.contrib.auth.models import Group

    client = staff_client("lead")
    former = make_user("analyst", username="former-analyst")
    proposal = make_proposal()
    Proposal.objects.filter(pk=proposal.pk).update(assignee=former)
    former.groups.remove(Group.objects.get(name="analyst"))
    page = client.get(LIST).content.decode()
    assert '<td class="field-assignee"><span class="assignee-name">former-analyst</span> <button' in page
    assert f'href="?assignee={former.pk}"' not in page


def test_the_index_lists_the_registers_a_role_may_see_and_the_list_page_never_builds_that_list(monkeypatch):
    from django.contrib.admin import AdminSite

    index = staff_client("analyst").get("/admin/registers/").content.decode()
    assert f'href="{LIST}"' in index and "/admin/proposals/category/" in index
    assert "/admin/auth/user/" not in index  # analysts do not manage users

    def fail(*args, **kwargs):
        raise AssertionError("the app list was built")

    monkeypatch.setattr(AdminSite, "_build_app_dict", fail)
    assert staff_client("analyst").get(LIST).status_code == 200


def test_the_date_drilldown_is_the_admins_own_markup_and_follows_the_first_and_last_dates():
    from django.template import Context, Template
    from django.test import RequestFactory
    from django.urls import resolve
    from django.utils import translation

    from proposals.console.calendar import calendar_html

    lead = make_user("lead")
    # Rows in every period between the first and the last: there Django's own drill-down lists the same links.
    for day in (datetime.datetime(2025, 12, 30, 9), datetime.datetime(2026, 1, 5, 9), datetime.datetime(2026, 2, 4, 9),
                datetime.datetime(2026, 2, 5, 9)):
        make_proposal(received_at=timezone.make_aware(day))
    django_tag = Template("{% load admin_list %}{% date_hierarchy cl %}")

    def render(query):
        request = RequestFactory().get(LIST + query)
        request.user, request.resolver_match = lead, resolve(LIST)
        changelist = admin.site._registry[Proposal].get_changelist_instance(request)
        return calendar_html(changelist), django_tag.render(Context({"cl": changelist, "opts": changelist.opts}))

    queries = ["", "?received_at__year=2026", "?received_at__year=2026&received_at__month=2", "?queue=all&q=ұсыныс"]
    for language in ("kk", "en"):
        with translation.override(language):
            for query in queries:
                ours, djangos = render(query)
                assert ours == djangos and render(query)[0] == djangos
    make_proposal(received_at=timezone.make_aware(datetime.datetime(2026, 3, 2, 9)))
    assert "received_at__month=3" in render("?received_at__year=2026")[0]


def test_a_popup_list_keeps_the_admins_rows_that_hand_the_choice_back():
    make_proposal()
    page = staff_client("lead").get(f"{LIST}?_popup=1&_to_field=id&queue=all").content.decode()
    assert "data-popup-opener" in page


def test_change_page_query_count_is_small():
    client = staff_client("lead")
    proposal = make_proposal()
    services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=make_user("lead"))
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"{LIST}{proposal.pk}/change/").status_code == 200
    print("change page queries:", len(captured))
    assert len(captured) <= 40


def test_deadlines_skip_weekends_and_the_calendars_holidays():
    Holiday.objects.create(date=datetime.date(2026, 12, 16), name_kk="Тәуелсіздік күні", name_ru="День Независимости",
                           name_en="Independence Day")
    # Monday 14 December 2026: Tue 15, (Wed 16 holiday), Thu 17, Fri 18 -> acknowledge by Friday.
    received = timezone.make_aware(datetime.datetime(2026, 12, 14, 10, 0))
    proposal = make_proposal(received_at=received)
    assert proposal.acknowledge_due == datetime.date(2026, 12, 18)
    # 15 working days: 15, 17, 18, 21-25, 28-31, 1 Jan... (no holidays on the calendar in January here).
    assert proposal.decision_due == datetime.date(2027, 1, 5)


def test_deadline_extension_needs_a_note_and_moves_the_decision_date():
    lead = make_user("lead")
    proposal = make_proposal(received_at=timezone.make_aware(datetime.datetime(2026, 11, 2, 10, 0)))
    with pytest.raises(services.WorkflowError):
        services.proposal_extend_deadline(proposal=proposal, actor=lead, working_days=5, note="")
    before = proposal.decision_due
    services.proposal_extend_deadline(proposal=proposal, actor=lead, working_days=5, note="Awaiting the Ministry")
    assert proposal.decision_due == before + datetime.timedelta(days=7)
    assert proposal.events.last().action == Action.EXTEND_DEADLINE and proposal.events.last().is_public


@pytest.mark.postgres
def test_changelist_uses_the_planners_estimate_instead_of_counting_a_large_table(monkeypatch):
    from proposals.console import paginator

    monkeypatch.setattr(paginator, "EXACT_COUNT_LIMIT", 100)
    bulk_public(300, published_at=None)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE proposals_proposal")
    client = staff_client("lead")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(LIST + "?queue=all")
    sqls = [query["sql"] for query in captured]
    # Counting stops at the limit (a LIMIT inside the count); past it the planner estimates.
    assert not [sql for sql in sqls if "COUNT(" in sql.upper() and '"proposals_proposal"' in sql and "LIMIT" not in sql]
    assert any(sql.startswith("EXPLAIN") for sql in sqls)
    assert 150 <= response.context["cl"].result_count <= 600


@pytest.mark.postgres
def test_a_console_search_counts_its_matches_to_a_thousand(monkeypatch):
    from proposals.console import paginator

    monkeypatch.setattr(paginator, "SEARCH_COUNT_LIMIT", 40)
    bulk_public(120, published_at=None, title="Бірпалаталы Парламент туралы")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE proposals_proposal")
    with CaptureQueriesContext(connection) as captured:
        response = staff_client("lead").get(LIST + "?queue=all&q=Бірпалаталы")
    # The list's own counts, not the saved views' tabs (each counted to its own cap, whatever the search).
    tabs = f"LIMIT {TAB_COUNT_CAP + 1}"
    counts = [query["sql"] for query in captured
              if "COUNT(" in query["sql"].upper() and "LIMIT" in query["sql"] and tabs not in query["sql"]]
    assert counts and all("LIMIT 41" in sql for sql in counts)
    assert response.context["cl"].result_count >= 41


def test_analysts_cannot_change_consent_or_published_texts():
    client = staff_client("analyst")
    proposal = public_proposal(publish_name=False)
    form = client.get(f"{LIST}{proposal.pk}/change/").context["adminform"].form
    assert "publish_name" not in form.fields and "summary_kk" not in form.fields and "title" not in form.fields
    lead_form = staff_client("lead").get(f"{LIST}{proposal.pk}/change/").context["adminform"].form
    assert "summary_kk" in lead_form.fields and "publish_name" not in lead_form.fields


def test_select_all_confirms_exactly_the_proposals_it_will_touch():
    client = staff_client("analyst")
    proposals = [make_proposal() for _ in range(3)]
    page = client.post(LIST, {"action": "bulk_start_screening", "select_across": "1", "index": "0",
                              "_selected_action": [str(proposals[0].pk)]})
    assert sorted(page.context["selected"]) == sorted(str(p.pk) for p in proposals)
    assert page.context["select_across"] == "0"
    late = make_proposal()
    client.post(LIST, {"action": "bulk_start_screening", "select_across": "0", "index": "0", "confirm": "1",
                       "_selected_action": page.context["selected"]})
    assert Proposal.objects.get(pk=late.pk).state == State.RECEIVED
    assert {p.state for p in Proposal.objects.filter(pk__in=[p.pk for p in proposals])} == {State.SCREENING}


def test_date_drilldown_lists_the_periods_between_the_first_and_last_proposal_without_scanning_them():
    for day in (datetime.datetime(2025, 3, 10, 12), datetime.datetime(2026, 2, 5, 12), datetime.datetime(2026, 4, 9)):
        make_proposal(received_at=timezone.make_aware(day))
    client = staff_client("lead")

    with CaptureQueriesContext(connection) as captured:
        years = client.get(LIST).content.decode()
    sqls = [query["sql"] for query in captured]
    months = client.get(LIST + "?received_at__year=2026").content.decode()

    assert "received_at__year=2025" in years and "received_at__year=2026" in years
    assert "received_at__year=2024" not in years and "received_at__year=2027" not in years
    # Every month from the first to the last of the year (March too, though empty), none outside.
    assert all(f"received_at__month={month}&" in months for month in (2, 3, 4))
    assert "received_at__month=1&" not in months and "received_at__month=5&" not in months
    # One MIN/MAX query; never SELECT DISTINCT over truncated dates of every row.
    assert not [sql for sql in sqls if "trunc" in sql.lower()]
    assert len([sql for sql in sqls if "MIN(" in sql and "received_at" in sql]) == 1


# Editing what the public and the submitter see: the form per role, and the edit service behind it

PUBLIC_FIELDS = ["articles", "category", "summary_kk", "summary_ru", "summary_en"]
RESPONSE_FIELDS = ["response_kk", "response_ru", "response_en"]
# What the submitter sent is corrected on its own page (proposal_correct), never on the change form.
SUBMITTED_FIELDS = [
    "title", "language", "region", "submitter_name", "organisation", "party", "position", "bin", "text", "rationale",
    "email", "phone",
]
NEVER_EDITED_ON_THE_PAGE = ["publish_name", *SUBMITTED_FIELDS]


def change_url(proposal):
    return f"{LIST}{proposal.pk}/change/"


def posted_values(proposal):
    """A new, valid value for each public field and response, as the change form posts them."""
    related = {"category": Category, "region": Region, "party": Party}
    values = {
        name: str(model.objects.exclude(pk=getattr(proposal, f"{name}_id")).order_by("pk").first().pk)
        for name, model in related.items()
    }
    values.update({"language": "ru", "articles": "49, 50-1", "bin": "000140000436", "title": "Басқа атау"})
    for name in [*PUBLIC_FIELDS, *RESPONSE_FIELDS]:
        values.setdefault(name, f"Өзгертілген мәтін ({name})")
    return values


def change_form_post(client, proposal, **changes):
    """POST the change form as the page shows it to this user, with ``changes`` on top (a crafted POST may add any)."""
    form = client.get(change_url(proposal)).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else (v.pk if hasattr(v, "pk") else v)) for k, v in data.items()}
    data.update({"notes-TOTAL_FORMS": "1", "notes-INITIAL_FORMS": "0", "notes-0-text": "",
                 "attachments-TOTAL_FORMS": "0", "attachments-INITIAL_FORMS": "0",
                 "events-TOTAL_FORMS": "0", "events-INITIAL_FORMS": "0",
                 "article_links-TOTAL_FORMS": "0", "article_links-INITIAL_FORMS": "0", **changes})
    return client.post(change_url(proposal), data)


def stored(proposal, fields):
    row = Proposal.objects.filter(pk=proposal.pk).values(*(f"{f}_id" if f in ("category", "region", "party")
                                                           else f for f in fields)).get()
    return {name.removesuffix("_id"): value for name, value in row.items()}


def editable_on_the_page(client, proposal):
    fields = client.get(change_url(proposal)).context["adminform"].form.fields
    return {name for name in [*PUBLIC_FIELDS, *RESPONSE_FIELDS, *NEVER_EDITED_ON_THE_PAGE] if name in fields}


def test_the_change_form_offers_each_field_only_to_a_role_that_may_change_it():
    analyst, lead = staff_client("analyst"), staff_client("lead")
    draft = proposal_in_state(State.WITH_WORKING_GROUP)
    published = public_proposal(state=State.ACCEPTED, released=False)
    released = public_proposal(state=State.ACCEPTED, released=True)
    assert editable_on_the_page(analyst, draft) == set(PUBLIC_FIELDS)
    assert editable_on_the_page(lead, draft) == set(PUBLIC_FIELDS + RESPONSE_FIELDS)
    assert editable_on_the_page(analyst, published) == set()
    assert editable_on_the_page(lead, published) == set(PUBLIC_FIELDS + RESPONSE_FIELDS)
    assert editable_on_the_page(lead, released) == set(PUBLIC_FIELDS + RESPONSE_FIELDS)


def test_an_analysts_crafted_post_changes_nothing_the_public_reads_on_a_published_proposal():
    proposal = public_proposal(state=State.ACCEPTED, released=True, organisation="Азаматтық бастама")
    fields = [*PUBLIC_FIELDS, *RESPONSE_FIELDS, *NEVER_EDITED_ON_THE_PAGE]
    before = stored(proposal, fields)
    crafted = {**posted_values(proposal), "publish_name": "on", "text": "Басқа мәтін", "rationale": "Басқа",
               "email": "someone.else@example.org", "phone": "+77015550199"}
    response = change_form_post(staff_client("analyst"), proposal, **crafted)
    assert response.status_code == 302
    assert stored(proposal, fields) == before
    assert not ProposalEvent.objects.filter(proposal=proposal, action=Action.EDIT).exists()


def test_a_leads_edit_through_the_change_form_writes_one_event_with_old_and_new_values():
    proposal = public_proposal(state=State.ACCEPTED, released=True, publish_name=True)
    old_articles, old_category = proposal.articles, proposal.category
    category = Category.objects.exclude(pk=proposal.category_id).order_by("pk").first()
    response = change_form_post(staff_client("lead"), proposal, articles="49", category=str(category.pk),
                                summary_en="A clearer summary.", response_en="Taken into account.")
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.articles, proposal.category, proposal.summary_en, proposal.response_en) == (
        "49", category, "A clearer summary.", "Taken into account."
    )
    event = ProposalEvent.objects.get(proposal=proposal, action=Action.EDIT)
    assert event.actor.groups.filter(name="lead").exists() and not event.is_public
    assert event.note.splitlines() == [
        f'articles: "{old_articles}" → "49"',
        f"category: {old_category.slug} ({old_category}) → {category.slug} ({category})",
        "summary_en", "response_en",
    ]


def test_saving_the_change_form_with_only_a_note_writes_no_edit_event():
    proposal = make_proposal()
    response = change_form_post(staff_client("analyst"), proposal, **{"notes-0-text": "Checked."})
    assert response.status_code == 302
    assert ProposalNote.objects.filter(proposal=proposal).count() == 1
    assert not ProposalEvent.objects.filter(proposal=proposal, action=Action.EDIT).exists()


def test_an_edit_the_service_refuses_is_shown_again_with_the_typed_text_and_saves_nothing(monkeypatch):
    # The analyst's form was built before a lead published the proposal: the service, not the form, refuses.
    client = staff_client("analyst")
    proposal = public_proposal()
    monkeypatch.setattr(services, "editable_fields", lambda proposal, user: set(PUBLIC_FIELDS), raising=False)
    typed = "Автор бірпалаталы Парламентті ұсынады; мәтін сақталуы керек."
    response = change_form_post(client, proposal, articles="49", summary_kk=typed, **{"notes-0-text": "Checked."})
    assert response.status_code == 200
    assert Proposal.objects.get(pk=proposal.pk).articles == proposal.articles
    assert not ProposalNote.objects.filter(proposal=proposal).exists()
    assert not ProposalEvent.objects.filter(proposal=proposal, action=Action.EDIT).exists()
    form = response.context["adminform"].form
    with translation.override("kk"):
        refusal = gettext("You do not have permission to do this.")
    assert form.non_field_errors() == [refusal]
    page = response.content.decode()
    assert typed in page and "Checked." in page and refusal in page
