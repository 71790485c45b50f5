"""The submitter's status page: lookup by code and email, the signed link, the timeline, withdrawal."""
import re

import pytest
from django.test import Client
from django.utils import timezone

from proposals.core import access, services
from proposals.core.models import Proposal, ProposalEvent
from proposals.core.workflow import Action, NotAcceptedReason, State
from tests.factories import make_proposal, make_user

pytestmark = pytest.mark.django_db


def lookup(client, code, email, language="kk"):
    return client.post(f"/{language}/track/", {"tracking_code": code, "email": email})


def without_tokens(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_right_code_and_email_open_the_status_page(client):
    proposal = make_proposal(email="Aigul@Example.org")
    response = lookup(client, proposal.tracking_code.lower().replace("-", ""), "aigul@example.ORG ")
    assert response.status_code == 302 and response["Location"] == f"/kk/track/{proposal.tracking_code}/"
    page = client.get(response["Location"])
    assert page.status_code == 200 and proposal.title in page.content.decode()


def test_wrong_pair_and_wrong_email_get_the_same_answer(client):
    proposal = make_proposal(email="aigul@example.org")
    unknown = lookup(client, "7K3-M9X-Q2H", "aigul@example.org")
    wrong_email = lookup(Client(), proposal.tracking_code, "someone@example.org")
    malformed = lookup(Client(), "NOT-A-CODE", "aigul@example.org")
    assert unknown.status_code == wrong_email.status_code == malformed.status_code == 200
    # Same page, same message, whatever was wrong (what was typed is echoed back, so blank it).
    typed = [proposal.tracking_code, "7K3-M9X-Q2H", "NOT-A-CODE", "aigul@example.org", "someone@example.org"]
    pages = set()
    for response in (unknown, wrong_email, malformed):
        page = without_tokens(response)
        for value in typed:
            page = page.replace(value, "X")
        pages.add(page)
    assert len(pages) == 1


def test_status_page_needs_the_lookup_or_the_link(client):
    proposal = make_proposal()
    response = Client().get(f"/kk/track/{proposal.tracking_code}/")
    assert response.status_code == 302 and response["Location"] == "/kk/track/"


def test_lookups_are_rate_limited(client, settings):
    settings.PARLREFORM_TRACK_RATE = "3/60"
    proposal = make_proposal()
    for _ in range(3):
        assert lookup(client, "7K3-M9X-Q2H", "x@example.org").status_code == 200
    refused = lookup(client, proposal.tracking_code, proposal.email)
    assert refused.status_code == 429


def test_signed_link_opens_the_status_page(client):
    proposal = make_proposal()
    token = access.status_token(proposal)
    response = Client().get(f"/ru/track/link/{token}/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"/ru/track/{proposal.tracking_code}/"
    assert proposal.title in response.content.decode()


def test_tampered_link_is_refused(client):
    proposal = make_proposal()
    token = access.status_token(proposal)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.get(f"/kk/track/link/{tampered}/")
    assert response.status_code == 400
    assert client.get(f"/kk/track/{proposal.tracking_code}/").status_code == 302


def test_expired_link_is_refused(client, settings):
    proposal = make_proposal()
    token = access.status_token(proposal)
    settings.PARLREFORM_STATUS_LINK_DAYS = -1
    assert client.get(f"/kk/track/link/{token}/").status_code == 400


def open_status(client, proposal, language="en"):
    assert lookup(client, proposal.tracking_code, proposal.email, language).status_code == 302
    return client.get(f"/{language}/track/{proposal.tracking_code}/")


def test_status_shows_public_timeline_and_deadline_but_not_private_steps(client):
    lead = make_user("lead")
    proposal = make_proposal()
    services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=lead)
    services.proposal_note_add(proposal=proposal, author=lead, text="Internal: looks like the Ak Zhol text")
    content = open_status(client, proposal).content.decode()
    assert "Proposal received" in content and "Screening started" in content
    assert "Internal: looks like" not in content
    assert proposal.decision_due.strftime("%Y") in content
    assert "Withdraw my proposal" in content


def test_unreleased_decision_stays_hidden_until_released(client):
    lead = make_user("lead")
    proposal = make_proposal()
    for action in (Action.START_SCREENING, Action.ACCEPT_FOR_REVIEW, Action.FORWARD, Action.ACCEPT):
        services.proposal_transition(proposal=proposal, action=action, actor=lead)
    Proposal.objects.filter(pk=proposal.pk).update(
        response_kk="Жоба 50-бапта ескерілді.", response_ru="Учтено в статье 50 проекта.",
        response_en="Taken into account in draft article 50.",
    )
    content = open_status(client, proposal).content.decode()
    assert "With the Working Group" in content and "draft article 50" not in content
    services.proposal_release_decision(proposal=proposal, actor=lead, at=timezone.now())
    content = client.get(f"/en/track/{proposal.tracking_code}/").content.decode()
    assert "Decision announced: Accepted" in content and "draft article 50" in content


def test_withdrawal_asks_for_confirmation_then_writes_one_event(client):
    proposal = make_proposal()
    open_status(client, proposal)
    confirm = client.get(f"/en/track/{proposal.tracking_code}/withdraw/")
    assert confirm.status_code == 200 and "cannot be undone" in confirm.content.decode()
    assert Proposal.objects.get(pk=proposal.pk).state == State.RECEIVED
    response = client.post(f"/en/track/{proposal.tracking_code}/withdraw/", follow=True)
    assert Proposal.objects.get(pk=proposal.pk).state == State.WITHDRAWN
    event = ProposalEvent.objects.filter(proposal=proposal).last()
    assert (event.action, event.actor, event.is_public) == (Action.WITHDRAW, None, True)
    assert ProposalEvent.objects.filter(proposal=proposal, action=Action.WITHDRAW).count() == 1
    content = response.content.decode()
    assert "has been withdrawn" in content and "Withdrawn by the submitter" in content


def test_withdrawal_is_refused_once_the_decision_is_released(client):
    lead = make_user("lead")
    proposal = make_proposal()
    open_status(client, proposal)
    for action in (Action.START_SCREENING, Action.ACCEPT_FOR_REVIEW, Action.FORWARD, Action.ACCEPT):
        services.proposal_transition(proposal=proposal, action=action, actor=lead)
    Proposal.objects.filter(pk=proposal.pk).update(response_kk="Иә.", response_ru="Да.")
    services.proposal_release_decision(proposal=proposal, actor=lead)
    assert "Withdraw my proposal" not in client.get(f"/en/track/{proposal.tracking_code}/").content.decode()
    response = client.post(f"/en/track/{proposal.tracking_code}/withdraw/", follow=True)
    assert Proposal.objects.get(pk=proposal.pk).state == State.ACCEPTED
    assert "can no longer be withdrawn" in response.content.decode()
    assert "decision" not in response.content.decode().split("can no longer be withdrawn")[1][:40]
    assert not ProposalEvent.objects.filter(proposal=proposal, action=Action.WITHDRAW).exists()


def test_withdrawal_needs_the_submitters_session(client):
    proposal = make_proposal()
    response = Client().post(f"/en/track/{proposal.tracking_code}/withdraw/")
    assert response.status_code == 302 and response["Location"] == "/en/track/"
    assert Proposal.objects.get(pk=proposal.pk).state == State.RECEIVED


DECISIONS = [
    (Action.ACCEPT, {}),
    (Action.ACCEPT_PARTIALLY, {"note": "Only the Council of Regions part."}),
    (Action.REJECT, {"reason": NotAcceptedReason.NOT_FEASIBLE, "note": "Not now."}),
]


@pytest.mark.parametrize(("decision", "inputs"), DECISIONS, ids=[str(action) for action, _inputs in DECISIONS])
@pytest.mark.parametrize("language", ["kk", "en"])
def test_status_page_is_byte_identical_before_and_after_an_unreleased_decision(client, decision, inputs, language):
    lead = make_user("lead")
    proposal = make_proposal()
    for action in (Action.START_SCREENING, Action.ACCEPT_FOR_REVIEW, Action.FORWARD):
        services.proposal_transition(proposal=proposal, action=action, actor=lead)
    before = open_status(client, proposal, language)
    services.proposal_transition(proposal=proposal, action=decision, actor=lead, **inputs)
    after = client.get(f"/{language}/track/{proposal.tracking_code}/")
    assert after.status_code == before.status_code == 200
    assert without_tokens(after) == without_tokens(before)
    # The page still names the deadline and offers withdrawal, as it did.
    assert proposal.decision_due.strftime("%Y") in without_tokens(after)
    assert f"/track/{proposal.tracking_code}/withdraw/" in without_tokens(after)


def test_submitter_may_withdraw_while_the_decision_is_unreleased(client):
    lead = make_user("lead")
    proposal = make_proposal()
    open_status(client, proposal)
    for action in (Action.START_SCREENING, Action.ACCEPT_FOR_REVIEW, Action.FORWARD, Action.ACCEPT):
        services.proposal_transition(proposal=proposal, action=action, actor=lead)
    confirm = client.get(f"/en/track/{proposal.tracking_code}/withdraw/")
    assert confirm.status_code == 200 and "cannot be undone" in confirm.content.decode()
    response = client.post(f"/en/track/{proposal.tracking_code}/withdraw/", follow=True)
    stored = Proposal.objects.get(pk=proposal.pk)
    assert stored.state == State.WITHDRAWN and stored.decided_at is None
    event = ProposalEvent.objects.filter(proposal=proposal).last()
    assert (event.action, event.from_state, event.actor, event.is_public) == (
        Action.WITHDRAW, State.ACCEPTED, None, True
    )
    content = response.content.decode()
    assert "has been withdrawn" in content and "Withdrawn by the submitter" in content
    assert "Decision announced" not in content
