"""The proposal desk: actions that save typed edits first, refused saves that keep them, corrections of submitted
data, the submitter's own fields, next/previous and "save and next" within the filtered list."""
import datetime
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from proposals.core import services
from proposals.core.models import Party, Proposal, ProposalEvent, SubmitterKind
from proposals.core.workflow import Action, State
from tests.factories import make_proposal, make_user, proposal_in_state, public_proposal

pytestmark = pytest.mark.django_db

LIST = "/admin/proposals/proposal/"


def staff_client(role):
    client = Client()
    client.force_login(make_user(role))
    return client


def change_url(proposal, filters=""):
    url = f"{LIST}{proposal.pk}/change/"
    return f"{url}?{urlencode({'_changelist_filters': filters})}" if filters else url


def form_data(client, proposal, url=None, **changes):
    """The change form as the page shows it to this user, with ``changes`` on top (a crafted POST may add any)."""
    context = client.get(url or change_url(proposal)).context
    form = context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    # Every inline as the page sends it: its management form and its existing rows unchanged, no new row.
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        initial = formset.initial_form_count()
        data.update({f"{formset.prefix}-TOTAL_FORMS": initial, f"{formset.prefix}-INITIAL_FORMS": initial})
        for row in formset.initial_forms:
            data.update({row.add_prefix(name): row[name].value() for name in row.fields})
    data = {k: ("" if v is None else (v.pk if hasattr(v, "pk") else v)) for k, v in data.items()}
    data.update({"notes-TOTAL_FORMS": "1", "notes-INITIAL_FORMS": "0", "notes-0-text": "", **changes})
    return data


def in_review(**fields):
    proposal = make_proposal(**fields)
    lead = make_user("lead")
    for action in (Action.START_SCREENING, Action.ACCEPT_FOR_REVIEW):
        services.proposal_transition(proposal=proposal, action=action, actor=lead)
    return Proposal.objects.get(pk=proposal.pk)


def kept_filters(location):
    return parse_qs(urlsplit(location).query).get("_changelist_filters", [""])[0]


# Nothing is lost: an action saves the typed edits first, in the same request, or refuses both


def test_publishing_with_unsaved_summaries_saves_them_first_and_publishes_the_typed_text():
    proposal = in_review()
    Proposal.objects.filter(pk=proposal.pk).update(
        title_kk="Тақырып", title_ru="Заголовок", summary_kk="Ескі мазмұны.", summary_ru="Старое изложение."
    )
    client = staff_client("lead")
    data = form_data(client, proposal, summary_kk="Жаңа мазмұны.", summary_ru="Новое изложение.", _act="publish")
    response = client.post(change_url(proposal), data)
    assert response.status_code == 302 and response["Location"] == change_url(proposal)
    proposal.refresh_from_db()
    assert proposal.published_at is not None
    assert (proposal.summary_kk, proposal.summary_ru) == ("Жаңа мазмұны.", "Новое изложение.")
    actions = list(proposal.events.values_list("action", flat=True))
    assert actions[-2:] == [Action.EDIT, Action.PUBLISH]


def test_an_action_the_service_refuses_saves_nothing_and_shows_the_typed_text_with_the_reason():
    proposal = in_review()
    client = staff_client("lead")
    typed = "Автор мәслихаттардың өкілеттігін кеңейтуді ұсынады."
    data = form_data(client, proposal, summary_kk=typed, summary_ru="", _act="publish",
                     **{"notes-0-text": "Тексерілді."})
    response = client.post(change_url(proposal), data)
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.published_at is None and proposal.summary_kk == ""
    assert not proposal.notes.exists() and not proposal.events.filter(action=Action.EDIT).exists()
    with translation.override("kk"):
        reason = gettext("Publishing needs the public title and summary in Kazakh and Russian. Missing: %(missing)s.")
    page = response.content.decode()
    assert typed in page and "Тексерілді." in page and reason.split("%")[0] in page


def test_an_action_that_needs_a_note_saves_the_edits_and_opens_its_page_with_the_lists_filters():
    proposal = make_proposal()
    client = staff_client("analyst")
    filters = "queue=all&submitter_kind__exact=citizen"
    data = form_data(client, proposal, url=change_url(proposal, filters), articles="49",
                     _act=Action.MARK_OUT_OF_SCOPE)
    response = client.post(change_url(proposal, filters), data)
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == f"{LIST}{proposal.pk}/act/{Action.MARK_OUT_OF_SCOPE}/"
    assert kept_filters(response["Location"]) == filters
    assert Proposal.objects.get(pk=proposal.pk).articles == "49"
    done = client.post(response["Location"], {"note": "Жергілікті мәселе."})
    assert done.status_code == 302 and kept_filters(done["Location"]) == filters
    assert Proposal.objects.get(pk=proposal.pk).state == State.OUT_OF_SCOPE


def test_an_action_without_input_returns_to_the_page_with_the_lists_filters():
    proposal = make_proposal()
    client = staff_client("analyst")
    filters = "assignee=none"
    data = form_data(client, proposal, url=change_url(proposal, filters), _act=Action.START_SCREENING)
    response = client.post(change_url(proposal, filters), data)
    assert response.status_code == 302 and response["Location"] == change_url(proposal, filters)
    assert Proposal.objects.get(pk=proposal.pk).state == State.SCREENING


def test_an_unknown_or_forbidden_action_changes_nothing():
    proposal = make_proposal()
    client = staff_client("analyst")
    for action in ("no_such_action", Action.PUBLISH, Action.FORWARD):
        response = client.post(change_url(proposal), form_data(client, proposal, articles="49", _act=action))
        assert response.status_code == 200 and response.context["adminform"].form.non_field_errors()
    proposal.refresh_from_db()
    assert proposal.state == State.RECEIVED and proposal.articles == "" and proposal.published_at is None


# What the submitter sent: read-only on the page, corrected with a note


SUBMITTED = {
    "title": "Басқа атау", "text": "Басқа мәтін", "rationale": "Басқа", "submitter_name": "Басқа адам",
    "organisation": "Басқа ұйым", "position": "Басқа", "bin": "000140000436", "email": "other@example.org",
    "phone": "+77015550199", "language": "ru", "publish_name": "on",
}


@pytest.mark.parametrize("role", ["analyst", "lead"])
def test_submitted_fields_are_not_editable_through_a_forged_post(role):
    proposal = make_proposal(organisation="Азаматтық бастама")
    fields = [*SUBMITTED, "party", "region"]
    before = Proposal.objects.filter(pk=proposal.pk).values(*fields).get()
    client = staff_client(role)
    party = Party.objects.order_by("pk").first()
    response = client.post(change_url(proposal), form_data(client, proposal, party=str(party.pk), **SUBMITTED))
    assert response.status_code == 302
    assert Proposal.objects.filter(pk=proposal.pk).values(*fields).get() == before
    assert not ProposalEvent.objects.filter(proposal=proposal, action__in=[Action.EDIT, Action.CORRECT]).exists()
    page = client.get(change_url(proposal)).content.decode()
    assert 'name="title"' not in page and 'name="text"' not in page and 'name="submitter_name"' not in page


def test_a_correction_writes_its_event_with_the_old_and_new_value_and_the_note():
    proposal = make_proposal(title="Мәслихат туралы")
    client = staff_client("analyst")
    url = f"{LIST}{proposal.pk}/correct/title/?_changelist_filters=queue%3Dall"
    refused = client.post(url, {"value": "Мәслихаттар туралы", "note": ""})
    assert refused.status_code == 200 and refused.context["form"].errors["note"]
    assert Proposal.objects.get(pk=proposal.pk).title == "Мәслихат туралы"
    response = client.post(url, {"value": "Мәслихаттар туралы", "note": "Жіберуші телефонмен түзетті."})
    assert response.status_code == 302 and kept_filters(response["Location"]) == "queue=all"
    assert Proposal.objects.get(pk=proposal.pk).title == "Мәслихаттар туралы"
    event = ProposalEvent.objects.get(proposal=proposal, action=Action.CORRECT)
    assert event.note.splitlines() == [
        'title: "Мәслихат туралы" → "Мәслихаттар туралы"', "Жіберуші телефонмен түзетті.",
    ]
    assert not event.is_public


def test_corrections_offer_only_the_kinds_fields_and_what_the_user_may_change_now():
    citizen = make_proposal()
    client = staff_client("analyst")
    assert client.get(f"{LIST}{citizen.pk}/correct/bin/").status_code == 404
    assert client.get(f"{LIST}{citizen.pk}/correct/summary_kk/").status_code == 404
    choices = [c["name"] for c in client.get(f"{LIST}{citizen.pk}/correct/").context["choices"]]
    assert choices == ["submitter_name", "region", "email", "phone", "language", "title", "text", "rationale"]
    published = public_proposal()
    assert client.get(f"{LIST}{published.pk}/correct/title/").status_code == 403
    assert staff_client("lead").get(f"{LIST}{published.pk}/correct/title/").status_code == 200
    wg = staff_client("working-group member")
    assert wg.post(f"{LIST}{citizen.pk}/correct/title/", {"value": "X", "note": "Y"}).status_code == 403


@pytest.mark.parametrize(("kind", "shown", "hidden"), [
    (SubmitterKind.CITIZEN, {"submitter_name", "region", "email", "phone"},
     {"party", "organisation", "position", "bin"}),
    (SubmitterKind.PARTY, {"party", "submitter_name", "position"}, {"organisation", "bin"}),
    (SubmitterKind.NGO, {"organisation", "bin", "submitter_name", "position"}, {"party"}),
    (SubmitterKind.EXPERT, {"submitter_name", "organisation", "position"}, {"party", "bin"}),
])
def test_the_desk_shows_only_the_fields_of_the_submitters_kind(kind, shown, hidden):
    extra = {"party": Party.objects.order_by("pk").first()} if kind == SubmitterKind.PARTY else {}
    proposal = make_proposal(submitter_kind=kind, **extra)
    page = staff_client("analyst").get(change_url(proposal)).content.decode()
    assert all(f'data-field="{name}"' in page for name in shown)
    assert not any(f'data-field="{name}"' in page for name in hidden)


def test_the_text_is_readable_escaped_text_and_the_files_have_human_sizes(settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from proposals.core import attachments
    from tests.submission import PDF_BYTES

    settings.MEDIA_ROOT = tmp_path
    files = attachments.check([SimpleUploadedFile("ұсыныс.pdf", PDF_BYTES * 40)])
    proposal = make_proposal(text="Бірінші абзац <script>x</script>.\n\nЕкінші абзац,\nекінші жол.", attachments=files)
    page = staff_client("analyst").get(change_url(proposal)).content.decode()
    assert "<p>Бірінші абзац &lt;script&gt;x&lt;/script&gt;.</p>" in page
    assert "<p>Екінші абзац,<br>екінші жол.</p>" in page
    assert "<textarea" not in page.split('class="desk-reading"')[1].split("</article>")[0]
    with translation.override("kk"):
        from django.template.defaultfilters import filesizeformat

        size = filesizeformat(len(PDF_BYTES * 40))
    assert size in page and "application/pdf" in page


def test_the_desk_costs_the_same_queries_with_no_file_or_three(settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from proposals.core import attachments
    from tests.submission import PDF_BYTES

    settings.MEDIA_ROOT = tmp_path
    client = staff_client("lead")
    plain = in_review()
    files = attachments.check([SimpleUploadedFile(f"{n}.pdf", PDF_BYTES) for n in range(3)])
    with_files = in_review(title=plain.title, attachments=files)
    # The session's first page fills caches every later page reads, and opening a page checks it out to the lead
    # (a write renewed at most once a minute): both are done before counting.
    client.get(change_url(plain))
    client.get(change_url(with_files))
    counts = []
    for proposal in (plain, with_files):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(change_url(proposal)).status_code == 200
        counts.append(len(captured))
    print("desk page queries:", counts)
    # Session and user, the proposal with its relations (once), permissions, opinion, lock, files, events,
    # links (inline and panel), points, notes and messages: 16 with SQLite and PostgreSQL.
    assert counts[0] == counts[1] and counts[0] <= 16, counts


def test_the_history_lists_every_event_with_its_note_and_actor():
    client = staff_client("lead")
    proposal = in_review()
    services.proposal_act(proposal=proposal, action=Action.EXTEND_DEADLINE, actor=make_user("lead"),
                          note="Нужно заключение <министерства>", working_days=5)
    page = client.get(change_url(proposal)).content.decode()
    history = page[page.index('class="module desk-history"'):]
    history = history[:history.index("</section>")]
    events = list(proposal.events.order_by("created_at", "id"))
    assert history.count('<tr class="event ') == len(events) >= 4
    for event in events:
        assert event.get_action_display() in history
    # The note as text, escaped; the actor by name.
    assert "Нужно заключение &lt;министерства&gt;" in history and "<министерства>" not in history
    assert events[-1].actor.get_username() in history


def test_links_the_user_may_not_change_are_shown_once_without_a_form():
    analyst, lead = staff_client("analyst"), staff_client("lead")
    proposal = public_proposal(articles="50")
    # An analyst may not change a published proposal's articles: the panel shows them, no inline offers them.
    context = analyst.get(change_url(proposal)).context
    assert [inline.formset.prefix for inline in context["inline_admin_formsets"]] == ["notes"]
    page = analyst.get(change_url(proposal)).content.decode()
    panel = page[page.index('class="articles-panel"'):]
    assert panel[:panel.index("</section>")].count("<details>") == 1
    assert [inline.formset.prefix for inline in lead.get(change_url(proposal)).context["inline_admin_formsets"]] \
        == ["article_links", "notes"]


# Next and previous within the filtered list, and save and next


def received(day, hour=10):
    return timezone.make_aware(datetime.datetime(2026, 11, day, hour))


def walk(client, start, filters, direction):
    """The codes met stepping ``direction`` from ``start`` until the step leaves for the list."""
    seen, current = [], start
    for _ in range(50):
        response = client.get(f"{LIST}{current}/step/{direction}/?{urlencode({'_changelist_filters': filters})}")
        assert response.status_code == 302
        path = urlsplit(response["Location"]).path
        if path == LIST:
            assert urlsplit(response["Location"]).query == filters
            return seen
        assert kept_filters(response["Location"]) == filters
        current = int(path.split("/")[-3])
        seen.append(current)
    raise AssertionError("no end")


@pytest.mark.parametrize("ordering", ["", "o=2", "o=-2.8", "o=9", "o=-9", "o=4.-1"])
def test_next_and_previous_follow_the_lists_filters_and_ordering(ordering):
    party = Party.objects.order_by("pk").first()
    titles = ["Бюджет", "Әкімдер", "Бюджет", "Депутаттар", "Сайлау", "Әкімдер"]
    rows = [make_proposal(submitter_kind=SubmitterKind.PARTY, party=party, title=title, received_at=received(day))
            for day, title in zip((2, 3, 3, 5, 6, 9), titles, strict=True)]
    make_proposal(title="Басқа", received_at=received(4))
    # Deadlines with NULLs among them: the databases place NULLs differently, the walk must match the list.
    Proposal.objects.filter(pk__in=[rows[1].pk, rows[4].pk]).update(decision_due=None)
    Proposal.objects.filter(pk=rows[2].pk).update(decision_due=rows[0].decision_due)
    client = staff_client("analyst")
    filters = "&".join(part for part in ["submitter_kind__exact=party", ordering] if part)
    listed = [p.pk for p in client.get(f"{LIST}?{filters}").context["cl"].result_list]
    assert sorted(listed) == sorted(p.pk for p in rows)
    assert walk(client, listed[0], filters, "next") == listed[1:]
    assert walk(client, listed[-1], filters, "previous") == listed[-2::-1]


def test_a_step_costs_the_same_queries_for_a_short_or_long_list():
    client = staff_client("analyst")
    client.get(LIST)  # The session's first page fills caches every later page reads.
    counts = []
    for count in (3, 30):
        rows = [make_proposal(received_at=received(1 + n % 28, 8 + n % 10)) for n in range(count)]
        with CaptureQueriesContext(connection) as captured:
            client.get(f"{LIST}{rows[count // 2].pk}/step/next/?_changelist_filters=queue%3Dall")
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
    if connection.vendor == "postgresql":
        plans = [q["sql"] for q in captured if "LIMIT 1" in q["sql"] and "received_at" in q["sql"]]
        assert plans, "the neighbour is one LIMIT 1 query on the ordering's key"


def test_a_proposal_that_left_the_filtered_queue_steps_to_its_old_neighbour():
    first, second, third = (make_proposal(received_at=received(day)) for day in (2, 3, 4))
    client = staff_client("analyst")
    services.proposal_transition(proposal=second, action=Action.MARK_SPAM, actor=make_user("analyst"), note="Реклама.")
    # The default work queue (open proposals) no longer holds the spam; its neighbours are still found.
    assert walk(client, second.pk, "", "next")[:1] == [first.pk]
    assert walk(client, second.pk, "", "previous")[:1] == [third.pk]


def test_save_and_next_saves_and_opens_the_next_in_the_filtered_list():
    party = Party.objects.order_by("pk").first()
    newest = make_proposal(submitter_kind=SubmitterKind.PARTY, party=party, received_at=received(6))
    make_proposal(received_at=received(5))
    older = make_proposal(submitter_kind=SubmitterKind.PARTY, party=party, received_at=received(4))
    client = staff_client("analyst")
    filters = "submitter_kind__exact=party"
    data = form_data(client, newest, url=change_url(newest, filters), summary_ru="Кратко.", _saveandnext="1")
    response = client.post(change_url(newest, filters), data)
    assert response.status_code == 302 and response["Location"] == change_url(older, filters)
    assert Proposal.objects.get(pk=newest.pk).summary_ru == "Кратко."
    last = client.post(change_url(older, filters), form_data(client, older, url=change_url(older, filters),
                                                               _saveandnext="1"))
    assert last.status_code == 302 and last["Location"] == f"{LIST}?{filters}"


def test_save_keeps_the_lists_filters():
    proposal = make_proposal()
    client = staff_client("analyst")
    filters = "queue=all&o=2"
    response = client.post(change_url(proposal, filters), form_data(client, proposal, url=change_url(proposal, filters),
                                                                    _save="1"))
    assert response.status_code == 302 and response["Location"] == f"{LIST}?{filters}"
    again = client.post(change_url(proposal, filters), form_data(client, proposal, url=change_url(proposal, filters),
                                                                 _continue="1"))
    assert again["Location"] == change_url(proposal, filters)


def test_a_working_group_member_reads_the_desk_without_actions():
    proposal = proposal_in_state(State.WITH_WORKING_GROUP)
    response = staff_client("working-group member").get(change_url(proposal))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="_act"' not in page and "desk-reading" in page and proposal.text in page
