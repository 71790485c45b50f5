"""The desk's likely duplicates as a fragment, the duplicate picker, and the desk page's constant queries."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from proposals.core import services
from proposals.core.models import Proposal
from proposals.core.workflow import Action, State
from tests.factories import make_proposal, make_user, put_in_state
from tests.submission import PDF_BYTES
from tests.test_admin import LIST, change_url, staff_client
from tests.test_likely_duplicates import CAMPAIGN_TEXT, CAMPAIGN_TITLE

pytestmark = pytest.mark.django_db


def fragment_url(proposal, partial=True):
    return f"{LIST}{proposal.pk}/duplicates/" + ("?partial=1" if partial else "")


def picker_url(proposal, query=None):
    return f"{LIST}{proposal.pk}/act/{Action.MARK_DUPLICATE}/" + (f"?q={query}" if query is not None else "")


def offered(page):
    """The picker's choices, in order: [(heading, [proposal pk, ...]), ...]."""
    choices = page.context["form"].fields["duplicate_of"].widget.choices
    return [(str(heading), [pk for pk, _label in options]) for heading, options in choices]


def campaign(count):
    return [make_proposal(language="ru", title=CAMPAIGN_TITLE, text=CAMPAIGN_TEXT) for _ in range(count)]


# The fragment

def test_the_desk_page_links_to_its_likely_duplicates_instead_of_computing_them():
    first, second = campaign(2)
    page = staff_client("analyst").get(change_url(second))
    html = page.content.decode()
    assert "likely_duplicates" not in page.context
    assert f'href="{fragment_url(second, partial=False)}"' in html and "js/console-duplicates.js" in html
    assert first.tracking_code not in html


def test_the_fragment_lists_the_likely_duplicates_without_the_console_around_them():
    first, second = campaign(2)
    response = staff_client("analyst").get(fragment_url(second))
    html = response.content.decode()
    assert response.status_code == 200
    assert first.tracking_code in html and second.tracking_code not in html
    assert "<html" not in html


def test_without_javascript_the_link_opens_the_same_list_as_a_console_page():
    first, second = campaign(2)
    response = staff_client("working-group member").get(fragment_url(second, partial=False))
    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html and first.tracking_code in html


def test_the_fragment_is_a_404_for_anyone_but_staff():
    proposal = make_proposal()
    assert Client().get(fragment_url(proposal)).status_code == 404
    outsider = Client()
    outsider.force_login(make_user())
    assert outsider.get(fragment_url(proposal)).status_code == 404
    assert staff_client("analyst").get(f"{LIST}999999/duplicates/?partial=1").status_code == 404


@pytest.mark.parametrize("copies", [2, 8])
def test_the_fragments_queries_do_not_grow_with_the_duplicates(copies, django_assert_max_num_queries):
    proposal = campaign(copies)[-1]
    client = staff_client("analyst")
    client.get(fragment_url(proposal))
    # The session, the user and their permissions, the proposal, then one lookup on PostgreSQL (two on SQLite).
    with django_assert_max_num_queries(7):
        assert client.get(fragment_url(proposal)).status_code == 200


# The desk page

def busy_proposal(settings, tmp_path, events=30, notes=5):
    settings.MEDIA_ROOT = tmp_path
    from proposals.core import attachments

    checked = attachments.check([SimpleUploadedFile(f"file{i}.pdf", PDF_BYTES) for i in range(3)])
    proposal = make_proposal(attachments=checked)
    actor = make_user("lead")
    for i in range(notes):
        services.proposal_note_add(proposal=proposal, author=make_user("analyst"), text=f"Note {i}")
    for i in range(events // 2):
        services.proposal_assign(proposal=proposal, assignee=make_user("analyst"), actor=actor)
        services.proposal_edit(proposal=proposal, actor=actor, changes={"summary_ru": f"Версия {i}"})
    campaign(3)
    return Proposal.objects.get(pk=proposal.pk)


def desk_queries(client, proposal):
    client.get(change_url(proposal))  # The first visit fills the session and permission caches.
    with CaptureQueriesContext(connection) as captured:
        assert client.get(change_url(proposal)).status_code == 200
    return len(captured)


def test_the_desk_pages_queries_stay_constant_with_attachments_notes_and_many_events(settings, tmp_path):
    client = staff_client("lead")
    small = desk_queries(client, busy_proposal(settings, tmp_path, events=2, notes=1))
    busy = busy_proposal(settings, tmp_path, events=60, notes=12)
    assert desk_queries(client, busy) == small


def test_the_desk_page_runs_at_most_a_fixed_number_of_queries(settings, tmp_path, django_assert_max_num_queries):
    proposal = busy_proposal(settings, tmp_path)
    client = staff_client("lead")
    client.get(change_url(proposal))
    with django_assert_max_num_queries(30):
        assert client.get(change_url(proposal)).status_code == 200


# The picker

def test_the_picker_offers_the_likely_duplicates_first_and_never_the_proposal_itself():
    first, second, third = campaign(3)
    page = staff_client("analyst").get(picker_url(third))
    groups = offered(page)
    assert groups[0][1] == [first.pk, second.pk]
    assert all(third.pk not in pks for _heading, pks in groups)


def test_the_picker_finds_a_partial_tracking_code_typed_without_dashes_and_in_lower_case():
    proposal, target = make_proposal(), make_proposal(title="Совершенно другая тема")
    part = target.tracking_code.replace("-", "")[2:7].lower()
    page = staff_client("analyst").get(picker_url(proposal, part))
    found = offered(page)[-1][1]
    assert target.pk in found and proposal.pk not in found


def test_the_picker_finds_title_words_and_leaves_out_itself_spam_and_withdrawn():
    proposal = make_proposal(title="Электронные петиции в Парламент")
    other = make_proposal(title="Электронные петиции: обязательное рассмотрение")
    spam = put_in_state(make_proposal(title="Электронные петиции даром"), State.SPAM)
    withdrawn = put_in_state(make_proposal(title="Электронные петиции снова"), State.WITHDRAWN)
    page = staff_client("analyst").get(picker_url(proposal, "электронные петиции"))
    every = [pk for _heading, pks in offered(page) for pk in pks]
    assert other.pk in every
    assert not {proposal.pk, spam.pk, withdrawn.pk} & set(every)


def test_the_picker_says_when_a_search_finds_nothing():
    proposal = make_proposal()
    page = staff_client("analyst").get(picker_url(proposal, "zzqqxx"), HTTP_ACCEPT_LANGUAGE="en")
    assert page.context["form"].duplicate_matches == 0
    assert "Nothing found" in page.content.decode()


def test_choosing_from_the_picker_marks_the_duplicate_and_the_proposal_itself_is_refused():
    first, second = campaign(2)
    client = staff_client("analyst")
    refused = client.post(picker_url(second), {"duplicate_of": str(second.pk)})
    assert refused.status_code == 200 and refused.context["form"].errors
    done = client.post(picker_url(second), {"duplicate_of": str(first.pk)})
    assert done.status_code == 302
    second.refresh_from_db()
    assert (second.state, second.duplicate_of) == (State.DUPLICATE, first)


def test_a_search_that_finds_a_likely_duplicate_lists_it_once_and_does_not_say_nothing_was_found():
    first, second = campaign(2)
    page = staff_client("analyst").get(picker_url(second, first.tracking_code[:7]), HTTP_ACCEPT_LANGUAGE="en")
    every = [pk for _heading, pks in offered(page) for pk in pks]
    assert every.count(first.pk) == 1
    assert page.context["form"].duplicate_matches == 1 and "Nothing found" not in page.content.decode()
