"""generate_proposals: synthetic proposals with the histories the services write, appended in bulk."""
import io
import re
from collections import Counter, defaultdict

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

from proposals.core import deadlines, search, selectors, services, tracking
from proposals.core.models import (
    Category,
    Channel,
    Language,
    Party,
    Point,
    Proposal,
    ProposalArticle,
    ProposalEvent,
    Region,
    SubmitterKind,
)
from proposals.core.points import decision_from_points
from proposals.core.workflow import DECIDE, DECIDED_STATES, PUBLISHABLE_STATES, TRANSITIONS, Action, State
from proposals.tooling import demo_content, synthetic
from proposals.tooling.management.commands.seed_demo import PATHS
from tests.factories import make_proposal

pytestmark = pytest.mark.django_db

COUNT = 400
SEED = 7
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def generate(count=COUNT, seed=SEED, **options):
    out = io.StringIO()
    call_command("generate_proposals", count=count, seed=seed, stdout=out, **options)
    return out.getvalue()


def generated():
    """Every proposal, each with its events in timeline order."""
    proposals = list(Proposal.objects.select_related("assignee", "duplicate_of").order_by("pk"))
    events = defaultdict(list)
    for event in ProposalEvent.objects.select_related("actor").order_by(
        "created_at", "id"
    ):
        events[event.proposal_id].append(event)
    return proposals, events


def history(events):
    return [(e.action, e.from_state, e.to_state, e.actor_id, e.note, e.reason, e.is_public, e.created_at)
            for e in events]


def index_definitions():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN (%s, %s) ORDER BY indexname",
            [Proposal._meta.db_table, ProposalEvent._meta.db_table],
        )
        return cursor.fetchall()


@pytest.fixture
def batch(monkeypatch):
    """Small batches, so a test run has several."""
    monkeypatch.setattr(synthetic, "BATCH_SIZE", 100)


# What is generated

def test_appends_the_count_and_covers_every_value():
    make_proposal(title="Existing proposal")
    before = Proposal.objects.count()
    generate()
    proposals = list(Proposal.objects.order_by("pk"))[before:]
    assert len(proposals) == COUNT == Proposal.objects.count() - before
    assert Proposal.objects.filter(title="Existing proposal").exists()
    for field, choices in [
        ("state", State.values), ("submitter_kind", SubmitterKind.values), ("channel", Channel.values),
        ("language", Language.values),
    ]:
        assert {getattr(p, field) for p in proposals} == set(choices), field
    assert {p.category_id for p in proposals} - {None} == set(Category.objects.values_list("pk", flat=True))
    assert {p.region_id for p in proposals} - {None} == set(Region.objects.values_list("pk", flat=True))
    assert {p.party_id for p in proposals} - {None} == set(Party.objects.values_list("pk", flat=True))


def test_proportions_follow_the_demo_weights():
    generate(count=2000)
    proposals = Proposal.objects.all()
    kinds = Counter(proposals.values_list("submitter_kind", flat=True))
    languages = Counter(proposals.values_list("language", flat=True))
    assert 0.54 < kinds[SubmitterKind.CITIZEN] / 2000 < 0.66
    assert 0.45 < languages["ru"] / 2000 < 0.58 and 0.38 < languages["kk"] / 2000 < 0.50
    assert 0.02 < languages["en"] / 2000 < 0.08
    assert Counter(proposals.values_list("channel", flat=True)).most_common(1)[0][0] == Channel.WEB


def test_texts_are_realistic_and_in_their_language():
    generate()
    proposals = Proposal.objects.exclude(state=State.SPAM)
    lengths = [len(p.text) for p in proposals]
    assert min(lengths) >= 150 and max(lengths) <= 3000
    assert sum(length > 1000 for length in lengths) > 20 and sum(length < 500 for length in lengths) > 20
    assert len(set(proposals.values_list("title", flat=True))) > COUNT / 3
    for proposal in proposals.filter(language="kk"):
        assert KAZAKH_LETTERS & set(proposal.text), proposal.text
    for proposal in proposals.filter(language="en"):
        assert re.search(r"\b(the|and|of)\b", proposal.text), proposal.text
    for proposal in proposals.filter(language="ru"):
        assert re.search(r"\b(и|в|не)\b", proposal.text), proposal.text


def test_contact_details_are_synthetic():
    generate()
    proposals = Proposal.objects.all()
    assert all(p.email == "" or p.email.endswith("@example.org") for p in proposals)
    assert all(p.phone == "" or re.fullmatch(r"\+7 7\d\d \d{3} \d\d \d\d", p.phone) for p in proposals)
    citizens = proposals.filter(submitter_kind=SubmitterKind.CITIZEN)
    assert citizens.filter(publish_name=True).exists() and citizens.filter(publish_name=False).exists()
    assert not proposals.exclude(submitter_kind=SubmitterKind.CITIZEN).filter(publish_name=True).exists()
    assert all(p.party_id for p in proposals.filter(submitter_kind=SubmitterKind.PARTY))
    assert all(p.organisation for p in proposals.filter(submitter_kind__in=[SubmitterKind.NGO, SubmitterKind.BUSINESS]))
    assert all(p.external_ref == "" for p in proposals.filter(channel=Channel.WEB))
    assert all(p.external_ref for p in proposals.exclude(channel=Channel.WEB))


def test_every_history_is_the_one_the_services_write():
    generate()
    proposals, events = generated()
    now = timezone.now()
    analysts = {"analyst", "analyst2"}
    wrong = []
    for proposal in proposals:
        timeline = events[proposal.pk]
        code = proposal.tracking_code
        first = timeline[0]
        if (first.action, first.from_state, first.to_state, first.is_public, first.actor_id, first.created_at) != (
            Action.SUBMIT, "", State.RECEIVED, True, None, proposal.received_at
        ):
            wrong.append((code, "first event"))
        times = [event.created_at for event in timeline]
        if times != sorted(set(times)) or times[-1] > now:
            wrong.append((code, "times"))
        moves = [event for event in timeline[1:] if event.from_state != event.to_state]
        if [event.action for event in moves] != PATHS[proposal.state]:
            wrong.append((code, "path"))
        state = State.RECEIVED
        for event in moves:
            transition = TRANSITIONS[event.action]
            if (event.from_state, event.to_state, event.is_public) != (state, transition.target, transition.public):
                wrong.append((code, f"{event.action} states"))
            expected_actor = None if event.action == Action.WITHDRAW else (
                "lead" if transition.permission == DECIDE else proposal.assignee.username
            )
            if (event.actor.username if event.actor else None) != expected_actor:
                wrong.append((code, f"{event.action} actor"))
            if transition.needs_note and not event.note:
                wrong.append((code, f"{event.action} note"))
            state = event.to_state
        if state != proposal.state:
            wrong.append((code, "last state"))
        assigned = [event for event in timeline if event.action == Action.ASSIGN]
        if proposal.state == State.RECEIVED:
            if assigned or proposal.assignee_id or len(timeline) != 1:
                wrong.append((code, "received"))
        elif (len(assigned) != 1 or assigned[0].is_public or assigned[0].actor.username != "lead"
              or proposal.assignee.username not in analysts or assigned[0].note != proposal.assignee.username):
            wrong.append((code, "assignment"))
        wrong.extend((code, problem) for problem in decision_problems(proposal, timeline))
    assert wrong == []


def decision_problems(proposal, timeline):
    released = [event for event in timeline if event.action == Action.RELEASE_DECISION]
    published = [event for event in timeline if event.action == Action.PUBLISH]
    decided = proposal.state in DECIDED_STATES
    if decided != (proposal.decided_at is not None) or decided != all(
        [proposal.response_kk, proposal.response_ru, proposal.response_en]
    ):
        yield "decision"
    if decided and proposal.decided_at != [e for e in timeline if e.from_state != e.to_state][-1].created_at:
        yield "decided_at"
    if [(e.created_at, e.is_public, e.reason) for e in released] != (
        [(proposal.decision_released_at, True, proposal.decision_reason)] if proposal.decision_released_at else []
    ):
        yield "release"
    if [(e.created_at, e.is_public) for e in published] != (
        [(proposal.published_at, True)] if proposal.published_at else []
    ):
        yield "publish"
    if proposal.published_at and (
        proposal.state not in PUBLISHABLE_STATES
        or not all([proposal.summary_kk, proposal.summary_ru, proposal.summary_en])
    ):
        yield "published without summaries"
    if proposal.state == State.NOT_ACCEPTED:
        rejected = [event for event in timeline if event.action == Action.REJECT]
        if not proposal.decision_reason or rejected[0].reason != proposal.decision_reason:
            yield "reason"


def test_a_replay_through_the_services_writes_the_same_events():
    generate()
    proposals, events = generated()
    one_per_state = {}
    for proposal in proposals:
        one_per_state.setdefault((proposal.state, proposal.published_at is None), proposal)
    assert {state for state, _unpublished in one_per_state} == set(State.values)
    for proposal in one_per_state.values():
        copy = replay(proposal, events[proposal.pk])
        fields = ["state", "assignee_id", "duplicate_of_id", "decision_reason", "decided_at", "decision_released_at",
                  "published_at", "acknowledge_due", "decision_due"]
        assert [getattr(copy, f) for f in fields] == [getattr(proposal, f) for f in fields], proposal.state
        assert history(copy.events.order_by("created_at", "id")) == history(events[proposal.pk])


def replay(proposal, timeline):
    """The same proposal taken through the same actions by the services."""
    copy = services.proposal_submit(
        submitter_kind=proposal.submitter_kind, title=proposal.title, text=proposal.text, language=proposal.language,
        region=proposal.region, category=proposal.category, received_at=proposal.received_at,
    )
    Proposal.objects.filter(pk=copy.pk).update(**{
        f"{field}_{code}": getattr(proposal, f"{field}_{code}")
        for field in ("title", "summary", "response") for code in ("kk", "ru", "en")
    })
    for event in timeline[1:]:
        at, actor = event.created_at, event.actor
        if event.action == Action.ASSIGN:
            services.proposal_assign(proposal=copy, assignee=proposal.assignee, actor=actor, at=at)
        elif event.action == Action.RELEASE_DECISION:
            services.proposal_release_decision(proposal=copy, actor=actor, at=at)
        elif event.action == Action.PUBLISH:
            services.proposal_publish(proposal=copy, actor=actor, at=at)
        else:
            services.proposal_transition(
                proposal=copy, action=event.action, actor=actor, note=event.note, reason=event.reason,
                duplicate_of=proposal.duplicate_of, at=at,
            )
    copy.refresh_from_db()
    return copy


def test_deadlines_are_the_working_day_deadlines():
    generate(count=150)
    for proposal in Proposal.objects.all():
        assert (proposal.acknowledge_due, proposal.decision_due) == deadlines.due_dates(proposal.received_at)


def test_published_and_released_shares():
    generate(count=1500)
    publishable = Proposal.objects.filter(state__in=PUBLISHABLE_STATES)
    decided = Proposal.objects.filter(state__in=DECIDED_STATES)
    published = publishable.filter(published_at__isnull=False).count() / publishable.count()
    released = decided.filter(decision_released_at__isnull=False).count() / decided.count()
    assert 0.78 < published < 0.92 and 0.72 < released < 0.88
    assert not Proposal.objects.exclude(state__in=PUBLISHABLE_STATES).filter(published_at__isnull=False).exists()


def test_every_duplicate_points_at_an_earlier_original_on_its_theme():
    generate(count=1000)
    duplicates = Proposal.objects.filter(state=State.DUPLICATE).select_related("duplicate_of")
    assert 0.04 < duplicates.count() / 1000 < 0.08
    for duplicate in duplicates:
        original = duplicate.duplicate_of
        assert original.state not in (State.DUPLICATE, State.SPAM, State.WITHDRAWN)
        assert original.pk < duplicate.pk and original.received_at < duplicate.received_at
        assert original.category_id == duplicate.category_id


def test_mass_campaigns_are_near_duplicates_of_one_original():
    generate(count=1000)
    proposals = list(Proposal.objects.order_by("pk"))
    in_campaigns = 0
    for campaign in synthetic.Pools.build().campaigns:
        original, *copies = [p for p in proposals if all(s in p.text for s in campaign.text_sentences[:2])]
        in_campaigns += 1 + len(copies)
        assert original.text == " ".join(campaign.text_sentences)
        assert original.state not in (State.DUPLICATE, State.SPAM, State.WITHDRAWN)
        assert all(copy.received_at > original.received_at for copy in copies)
        assert {copy.duplicate_of_id for copy in copies if copy.state == State.DUPLICATE} == {original.pk}
        assert all(copy.duplicate_of_id is None for copy in copies if copy.state != State.DUPLICATE)
        assert len({copy.title for copy in copies}) <= 2
    assert 0.03 < in_campaigns / 1000 < 0.08
    # Small wording changes: the biggest campaign's copies are not all one text.
    biggest = [p for p in proposals if demo_content.campaign().text[:60] in p.text]
    assert len(biggest) >= 10 and len({p.text for p in biggest}) > 3


def test_a_text_has_the_same_decision_wherever_it_is_decided():
    """Generated copies of one demo text never get contradictory outcomes or another text's response (issue 17)."""
    generate()
    records = {record.response["en"]: record for record in demo_content.proposals()}
    decided = Proposal.objects.filter(state__in=DECIDED_STATES)
    assert decided.count() > 50
    for proposal in decided:
        record = records[proposal.response_en]
        assert record.title in proposal.title
        assert (proposal.state, proposal.decision_reason) == (record.decision, record.reason), record.key
        assert (proposal.response_kk, proposal.response_ru) == (record.response["kk"], record.response["ru"])


def test_tracking_codes_are_valid_and_unique_across_runs(batch):
    generate(count=250)
    # The same seed draws the same codes again: the existing ones must be skipped.
    generate(count=250)
    codes = list(Proposal.objects.values_list("tracking_code", flat=True))
    assert len(codes) == len(set(codes)) == 500
    assert all(tracking.normalise(code) == code and re.fullmatch(r"\w{3}-\w{3}-\w{3}", code) for code in codes)


def test_a_second_run_appends():
    generate(count=120, seed=1)
    events = ProposalEvent.objects.count()
    generate(count=80, seed=2)
    assert Proposal.objects.count() == 200
    assert ProposalEvent.objects.count() > events + 80
    refs = [ref for ref in Proposal.objects.values_list("external_ref", flat=True) if ref]
    assert len(refs) == len(set(refs))


def test_the_same_seed_gives_the_same_data():
    def run(seed):
        with transaction.atomic():
            generate(count=150, seed=seed)
            rows = list(Proposal.objects.order_by("pk").values_list("title", "text", "state", "tracking_code"))
            transaction.set_rollback(True)
        return rows

    first = run(11)
    assert Proposal.objects.count() == 0
    assert run(11) == first
    assert run(12) != first


# The command

def test_output_reports_progress_and_totals(batch):
    events = ProposalEvent.objects.count()
    output = generate(count=250)
    lines = output.splitlines()
    assert lines[:3] == ["100 / 250 proposals…", "200 / 250 proposals…", "250 / 250 proposals…"]
    match = re.fullmatch(r"Generated 250 proposals and ([\d,]+) events in [\d,]+ s \([\d,]+ proposals/s\)\.", lines[3])
    assert match and int(match.group(1).replace(",", "")) == ProposalEvent.objects.count() - events
    assert generate(count=10, verbosity=0) == ""


def test_negative_count_is_refused():
    with pytest.raises(CommandError, match="negative"):
        generate(count=-1)
    assert Proposal.objects.count() == 0


@override_settings(PRODUCTION=True)
def test_refused_in_production():
    with pytest.raises(CommandError, match="production"):
        generate(count=5)
    assert Proposal.objects.count() == 0


def test_a_failing_batch_leaves_the_earlier_ones_and_nothing_of_its_own(batch, monkeypatch):
    # The code the 150th proposal will get, taken by another proposal before the run.
    with transaction.atomic():
        generate(count=200)
        taken = Proposal.objects.order_by("pk").values_list("tracking_code", flat=True)[149]
        transaction.set_rollback(True)
    make_proposal(title="Holds a code")
    Proposal.objects.filter(title="Holds a code").update(tracking_code=taken)
    # As if it had been submitted after the run read the existing codes.
    code_source = synthetic.CodeSource.__init__
    monkeypatch.setattr(synthetic.CodeSource, "__init__", lambda self, bits, existing=(): code_source(self, bits))
    before = index_definitions() if connection.vendor == "postgresql" else None
    monkeypatch.setattr(synthetic, "DROP_INDEXES_MIN_COUNT", 50)
    version = selectors.public_version()
    with pytest.raises(CommandError, match="Stopped after 100 proposals"):
        generate(count=200)
    assert selectors.public_version() != version
    assert Proposal.objects.count() == 101
    assert ProposalEvent.objects.values("proposal").distinct().count() == 101
    if before is not None:
        assert index_definitions() == before


def test_public_pages_show_the_generated_proposals(client):
    cache.clear()
    version = selectors.public_version()
    generate()
    assert selectors.public_version() != version
    response = client.get("/en/proposals/")
    assert response.status_code == 200
    assert len(response.context["page"].items) == selectors.PER_PAGE
    response = client.get("/en/stats/")
    assert response.status_code == 200
    assert response.context["stats"]["total"] == Proposal.objects.public().count() > 0
    # The links of public proposals are listed for the articles' pages, the others are not.
    links = ProposalArticle.objects.all()
    public_links = links.filter(proposal__in=Proposal.objects.public())
    assert public_links.exists()
    assert set(links.filter(listed_at__isnull=False).values_list("pk", flat=True)) == set(
        public_links.values_list("pk", flat=True))


def test_every_proposal_has_its_points_as_the_services_give_them():
    generate(count=300)
    points = {}
    for point in Point.objects.order_by("number"):
        points.setdefault(point.proposal_id, []).append(point)
    assert len(points) == Proposal.objects.count() == 300
    packages = 0
    for proposal in Proposal.objects.all():
        mine = points[proposal.pk]
        first = mine[0]
        assert [point.number for point in mine] == list(range(1, len(mine) + 1))
        assert {point.category_id for point in mine} == {proposal.category_id}
        assert (first.summary_ru, mine[-1].summary_kk) == (proposal.summary_ru, proposal.summary_kk)
        if len(mine) == 1:
            decided = proposal.state in DECIDED_STATES
            assert (first.text, first.outcome, first.outcome_reason) == (
                "", proposal.state if decided else "", proposal.decision_reason
            )
            assert first.response_kk == proposal.response_kk
            continue
        packages += 1
        assert proposal.submitter_kind != SubmitterKind.CITIZEN and all(point.text for point in mine)
        outcomes = [(point.outcome, point.outcome_reason) for point in mine]
        if proposal.state in DECIDED_STATES:
            assert decision_from_points(outcomes) == (proposal.state, proposal.decision_reason)
            assert all(point.response_ru for point in mine)
        else:
            assert set(outcomes) == {("", "")}
    assert packages >= 10
    assert max(len(mine) for mine in points.values()) == 100
    links = ProposalArticle.objects.select_related("point")
    assert links.exists() and all(link.point.proposal_id == link.proposal_id and link.point.number == 1
                                  for link in links)


# PostgreSQL: COPY, and indexes dropped and rebuilt

@pytest.mark.postgres
def test_copy_path_rebuilds_the_indexes_as_they_were(monkeypatch, client):
    before = index_definitions()
    monkeypatch.setattr(synthetic, "DROP_INDEXES_MIN_COUNT", 50)
    dropped = []
    drop = synthetic.drop_indexes
    monkeypatch.setattr(synthetic, "drop_indexes", lambda *args: dropped.extend(drop(*args)) or dropped)
    generate(count=300)
    assert {name for name, _definition in dropped} >= {"proposal_search_gin", "event_proposal_time"}
    assert index_definitions() == before
    assert Proposal.objects.count() == 300
    assert ProposalArticle.objects.filter(listed_at__isnull=False).count() == ProposalArticle.objects.filter(
        proposal__in=Proposal.objects.public()).count() > 0

    cache.clear()
    title = Proposal.objects.public().exclude(language="en").order_by("pk").values_list("title", flat=True)[0]
    word = max(search.words(title), key=len)
    response = client.get("/en/proposals/", {"q": word})
    assert response.status_code == 200
    items = response.context["page"].items
    searched = [" ".join(getattr(p, name) for name in search.SEARCHED_FIELDS) for p in items]
    assert searched and all(search.fold(word) in search.fold(text) for text in searched)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM proposals_proposal WHERE search_vector = ''::tsvector")
        assert cursor.fetchone()[0] == 0


@pytest.mark.postgres
def test_copy_path_keeps_the_indexes_for_small_counts(monkeypatch):
    monkeypatch.setattr(synthetic, "drop_indexes", lambda *args: pytest.fail("indexes dropped for a small count"))
    generate(count=50)
    assert Proposal.objects.count() == 50
    assert synthetic.uses_copy()
