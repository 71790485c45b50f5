"""Public search looks only at what the public sees; staff search in the console still looks at everything."""
import csv
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import timezone

from proposals.core.models import Proposal
from proposals.core.workflow import State
from tests.factories import make_user, public_proposal, put_in_state

pytestmark = pytest.mark.django_db

NAME = "Гүлнар Тайлақова"
EMAIL = "tailakova.gulnar@example.org"
PHONE = "+7 705 918 27 36"
# Submitters often repeat their contact details in the text: the text is never published, so it must not be searched.
TEXT = (f"Құпиясөзмәтін: бірпалаталы Парламент. Менің атым {NAME}, телефоным {PHONE}, поштам {EMAIL}.")
RATIONALE = "Негіздемесөз: сайлаушылардың пікірі ескерілсін."


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def public_hits(client, query):
    """What a public search for ``query`` shows: codes and counts on the register page, in JSON and in CSV."""
    register = client.get("/en/proposals/", {"q": query})
    data = client.get("/api/proposals.json", {"q": query}).json()
    body = b"".join(client.get("/api/proposals.csv", {"q": query}).streaming_content).decode("utf-8-sig")
    return {
        "register": {p.tracking_code for p in register.context["page"].items},
        "register_count": register.context["count"]["value"],
        "json": {row["tracking_code"] for row in data["results"]},
        "json_count": data["count"],
        "csv": {row["tracking_code"] for row in csv.DictReader(io.StringIO(body))},
    }


def found_everywhere(*proposals):
    codes = {p.tracking_code for p in proposals}
    return {"register": codes, "register_count": len(codes), "json": codes, "json_count": len(codes), "csv": codes}


NOTHING = found_everywhere()


def private_proposal():
    """A published proposal whose text and rationale hold words (and contact details) the public never sees."""
    return public_proposal(
        title="Бірпалаталы Парламент туралы", text=TEXT, rationale=RATIONALE, submitter_name=NAME, email=EMAIL,
        phone=PHONE, publish_name=False,
    )


@pytest.mark.parametrize(
    "query",
    ["Құпиясөзмәтін", "Негіздемесөз", "Тайлақова", "Гүлнар Тайлақова", "tailakova", "gulnar", "705 918", "918 27 36"],
    ids=["text", "rationale", "surname", "name", "email", "email_second_word", "phone_start", "phone_end"],
)
def test_public_search_never_matches_words_only_in_the_text_rationale_or_contact_details(client, query):
    private_proposal()
    assert public_hits(client, query) == NOTHING


def test_public_search_cannot_recover_a_phone_number_digit_by_digit(client):
    private_proposal()
    # The attack: extend a prefix one digit at a time while the count stays above zero.
    for prefix in ["7", "70", "705", "705 9", "705 91", "705 918 2"]:
        assert public_hits(client, prefix) == NOTHING, prefix


@pytest.mark.parametrize(
    ("field", "word"),
    [("title", "Мәслихаттардың"), ("summary_kk", "Өкілеттіктерін"), ("summary_ru", "полномочия"),
     ("summary_en", "maslikhats")],
)
def test_public_search_matches_title_and_summary_words(client, field, word):
    values = {"title": "Бірпалаталы Парламент туралы", field: f"{word} кеңейту"}
    wanted = public_proposal(**values)
    public_proposal(title="Басқа ұсыныс")
    assert public_hits(client, word) == found_everywhere(wanted)


@pytest.mark.parametrize("field", ["response_kk", "response_ru", "response_en"])
def test_a_response_word_is_searchable_once_the_decision_is_released_and_not_before(client, field):
    proposal = public_proposal(State.ACCEPTED, released=False)
    Proposal.objects.filter(pk=proposal.pk).update(**{field: "Жауапсөзі ескерілді"})
    cache.clear()
    assert public_hits(client, "Жауапсөзі") == NOTHING

    released = put_in_state(proposal, State.ACCEPTED, published_at=proposal.published_at,
                            decision_released_at=timezone.now())
    assert public_hits(client, "Жауапсөзі") == found_everywhere(released)


def test_a_word_only_in_the_text_is_found_by_staff_search_but_not_by_public_search(client):
    proposal = private_proposal()
    staff = Client()
    staff.force_login(make_user("analyst"))
    shown = staff.get("/admin/proposals/proposal/", {"q": "Құпиясөзмәтін", "queue": "all"}).context["cl"].result_list
    assert {p.pk for p in shown} == {proposal.pk}
    assert public_hits(client, "Құпиясөзмәтін") == NOTHING


@pytest.mark.postgres
def test_public_search_reads_a_vector_of_public_fields_through_its_own_partial_index():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'proposals_proposal'")
        indexes = dict(cursor.fetchall())
    assert "proposal_public_search_gin" not in indexes
    # The staff search keeps the full vector and its index (the backup check in CI queries it too).
    assert "(search_vector)" in indexes["proposal_search_gin"]
    definition = indexes["proposal_published_search_gin"]
    assert "(public_search_vector)" in definition and "WHERE (published_at IS NOT NULL)" in definition


@pytest.mark.postgres
def test_the_public_vector_holds_a_response_only_while_the_decision_is_released():
    proposal = private_proposal()
    Proposal.objects.filter(pk=proposal.pk).update(response_ru="Жауапсөзі", state=State.ACCEPTED)

    def vector_has(word):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT public_search_vector @@ to_tsquery('simple', parlreform_unaccent(%s)) FROM proposals_proposal "
                "WHERE id = %s",
                [word, proposal.pk],
            )
            return cursor.fetchone()[0]

    assert not vector_has("жауапсөзі") and not vector_has("құпиясөзмәтін") and vector_has("бірпалаталы")
    Proposal.objects.filter(pk=proposal.pk).update(decision_released_at=timezone.now())
    assert vector_has("жауапсөзі")
    Proposal.objects.filter(pk=proposal.pk).update(decision_released_at=None, state=State.WITH_WORKING_GROUP)
    assert not vector_has("жауапсөзі")
