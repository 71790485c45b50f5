"""Property-based fuzzing of every public form and query parameter: whatever arrives, never a server error."""
import json

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proposals.core.models import Proposal
from tests.factories import public_proposal
from tests.submission import form_data

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Text that tends to break things: SQL and HTML meta-characters, bidi marks, zero-width and control characters.
nasty = st.one_of(
    st.text(max_size=60),
    st.sampled_from([
        "' OR 1=1 --", "\"; DROP TABLE proposals_proposal; --", "%", "_", "\\", "<script>alert(1)</script>",
        "\u202e\u200b\u2066", "\x00\x07\x1b", "ә ғ қ ң ө ұ ү һ і", "::*&|!", "9" * 400, "-1", "2026-02-30", "NaN",
    ]),
)
REGISTER_PARAMETERS = ["q", "category", "kind", "party", "region", "state", "language", "received_from",
                       "received_to", "article", "sort", "cursor", "per_page", "lang"]


@FUZZ
@given(params=st.dictionaries(st.sampled_from(REGISTER_PARAMETERS), nasty, max_size=5))
def test_register_and_api_never_fail(client, params):
    if not Proposal.objects.exists():
        public_proposal()
    assert client.get("/kk/proposals/", params).status_code == 200, params
    # Open data refuses an invalid parameter (400, with its errors) rather than ignore it.
    with override_settings(PARLREFORM_CSV_RATE="1000/3600"):
        for url in ("/api/proposals.json", "/api/proposals.csv"):
            response = client.get(url, params)
            assert response.status_code in (200, 400), (url, params)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            if response.status_code == 400:
                assert body.strip(), (url, params)
                if url.endswith(".json"):
                    assert json.loads(body)["errors"], params


FORM_FIELDS = ["submitter_kind", "citizen_name", "citizen_phone", "party", "party_contact", "org_name", "org_bin",
               "expert_name", "email", "region", "title", "text", "rationale", "category", "articles", "language",
               "consent", "submission_token"]


@FUZZ
@given(changes=st.dictionaries(st.sampled_from(FORM_FIELDS), nasty, max_size=6))
def test_submission_form_never_fails(client, changes):
    data = form_data("citizen", **changes)
    response = client.post("/ru/submit/", data)
    assert response.status_code in (200, 302, 400, 429), response.status_code
    if response.status_code == 200:
        assert "<script>alert(1)</script>" not in response.content.decode()


@FUZZ
@given(code=nasty, email=nasty)
def test_status_lookup_never_fails(client, code, email):
    response = client.post("/en/track/", {"tracking_code": code, "email": email})
    assert response.status_code in (200, 302, 429)


@FUZZ
@given(code=nasty)
def test_proposal_and_status_addresses_never_fail(client, code):
    from urllib.parse import quote

    path = quote(code.replace("/", ""), safe="") or "x"
    for url in (f"/kk/proposals/{path}/", f"/kk/track/{path}/", f"/kk/track/link/{path}/"):
        assert client.get(url).status_code in (200, 302, 400, 404), url


@pytest.mark.parametrize("name", ["category", "kind", "party", "region", "state", "language", "q", "article",
                                  "received_from", "cursor", "sort"])
def test_nul_characters_in_any_parameter_are_harmless(client, name):
    public_proposal()
    assert client.get("/kk/proposals/", {name: "a\x00b"}).status_code == 200, name
    response = client.get("/api/proposals.json", {name: "a\x00b"})
    assert response.status_code == 400 and set(response.json()["errors"]) == {name}, name
    data = form_data("citizen", submission_token="\x00", title="x\x00y")
    assert client.post("/ru/submit/", data).status_code == 200
