"""The demo data files (fixtures/demo/): every record keeps the rules the forms and the model enforce."""
import dataclasses
import io
import json
import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.serializers.base import DeserializationError

from proposals.core import services
from proposals.core.models import Category, Channel, IdeaMembership, Language, Proposal, SubmitterKind
from proposals.core.validators import RATIONALE_MAX, TEXT_MAX, normalise_articles, validate_single_line
from proposals.core.workflow import DECIDED_STATES, Action, NotAcceptedReason, State
from proposals.tooling import demo_content

LANGUAGES = set(Language.values)
# What a decision is not: a promise to look at the proposal later.
PROMISES = {
    "en": ["will be considered", "under consideration", "will return to it", "took note", "under discussion",
           "will be discussed", "further study", "further discussion", "considered further"],
    "ru": ["будет рассмотрено", "на рассмотрении", "рассматривается", "к сведению", "обсуждается",
           "будет дополнительно", "дополнительном изучении", "дальнейшего"],
    "kk": ["қаралады", "талқылануда", "талқыланады", "зерделеуді қажет", "назарға алынды"],
}
# What each decision's response says, in every language: the outcome as taken.
OUTCOME_WORDS = {
    State.ACCEPTED: {
        "en": ["supported", "taken into account", "reflected"],
        "ru": ["поддерж", "учтен", "учтён", "отражён"],
        "kk": ["қолда", "ескерілді", "көрсетілді"],
    },
    State.PARTIALLY_ACCEPTED: {"en": ["partially"], "ru": ["частично"], "kk": ["ішінара"]},
    State.NOT_ACCEPTED: {
        "en": ["not accepted", "not supported", "did not support", "did not receive"],
        "ru": ["не принят", "не получило поддержки", "не поддержал"],
        "kk": ["қабылданбады", "қолдау таппады", "қолдамады", "ие болмады"],
    },
}
# Words a full acceptance never uses: it would be a partial one or a refusal.
NOT_IN_AN_ACCEPTANCE = {"en": ["not accepted", "partially"], "ru": ["не принят", "частично"],
                        "kk": ["қабылданбады", "ішінара"]}


def reference_rows(name):
    with open(settings.BASE_DIR / "fixtures" / f"{name}.json", encoding="utf-8") as file:
        return json.load(file)


def reference_slugs(name):
    return {row["fields"]["slug"] for row in reference_rows(name)}


def max_length(name):
    return Proposal._meta.get_field(name).max_length


def line_problems(value, field):
    """A one-line value for ``field`` (a Proposal field name): not empty, no line breaks, within its max length."""
    problems = []
    if not isinstance(value, str) or not value.strip():
        return [f"{field} is empty"]
    try:
        validate_single_line(value)
    except ValidationError:
        problems.append(f"{field} is not a single line")
    if len(value) > max_length(field):
        problems.append(f"{field} is longer than {max_length(field)} characters")
    return problems


def translations_problems(texts, field):
    """``texts`` gives ``field`` (summary or response) in Kazakh, Russian and English, each within its column."""
    if not isinstance(texts, dict) or set(texts) != LANGUAGES:
        return [f"{field} needs exactly the languages {sorted(LANGUAGES)}"]
    problems = []
    for code, value in texts.items():
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{field} ({code}) is empty")
        elif max_length(f"{field}_{code}") and len(value) > max_length(f"{field}_{code}"):
            problems.append(f"{field} ({code}) is longer than {max_length(f'{field}_{code}')} characters")
    return problems


def record_problems(record, categories):
    """Everything wrong with one demo proposal, as the forms, the model and the workflow would see it."""
    problems = []
    if record.language not in Language.values:
        problems.append(f"unknown language {record.language!r}")
    if record.category not in categories:
        problems.append(f"unknown category {record.category!r}")
    problems += line_problems(record.title, "title")
    if not record.text.strip() or len(record.text) > TEXT_MAX:
        problems.append(f"text must have 1 to {TEXT_MAX} characters")
    if len(record.rationale) > RATIONALE_MAX:
        problems.append(f"rationale is longer than {RATIONALE_MAX} characters")
    if len(record.articles) > max_length("articles"):
        problems.append(f"articles is longer than {max_length('articles')} characters")
    elif record.articles:
        try:
            if normalise_articles(record.articles) != record.articles:
                problems.append("articles is not written as 49, 50-1")
        except ValidationError:
            problems.append("articles are not article numbers")
    # The demo publishes any text it has (publishing needs Kazakh and Russian); the register also shows English.
    problems += translations_problems(record.summary, "summary")
    # The public title: the register's heading in each language, one line each (the "title_<lang>" columns).
    problems += translations_problems(record.public_title, "title")
    if isinstance(record.public_title, dict):
        for code, value in record.public_title.items():
            problems += line_problems(value, f"title_{code}")
    problems += translations_problems(record.response, "response")
    if record.decision not in DECIDED_STATES:
        problems.append(f"decision must be one of {sorted(DECIDED_STATES)}")
    if record.decision == State.NOT_ACCEPTED and record.reason not in NotAcceptedReason.values:
        problems.append("a not_accepted record needs a reason code")
    if record.decision != State.NOT_ACCEPTED and record.reason:
        problems.append("only a not_accepted record has a reason")
    if not isinstance(record.campaign_weight, int) or record.campaign_weight < 0:
        problems.append("campaign_weight must be a whole number, 0 or more")
    return [f"{record.key}: {problem}" for problem in problems]


def test_every_demo_proposal_keeps_the_model_rules():
    categories = reference_slugs("categories")
    problems = [problem for record in demo_content.proposals() for problem in record_problems(record, categories)]
    assert problems == []
    assert len(demo_content.proposals()) >= 70


def test_the_rules_catch_a_bad_record():
    good = demo_content.proposals()[0]
    assert record_problems(good, reference_slugs("categories")) == []
    bad = dataclasses.replace(
        good, language="de", category="nowhere", title="Two\nlines" + "x" * max_length("title"), text="",
        articles="article forty", summary={"kk": "Қысқаша", "ru": ""}, decision=State.NOT_ACCEPTED, reason="",
        response={**good.response, "ru": "   "}, campaign_weight=-1,
    )
    problems = " | ".join(record_problems(bad, reference_slugs("categories")))
    for expected in [
        "unknown language", "unknown category", "title is not a single line", "title is longer than 300",
        "text must have", "articles are not article numbers", "summary needs exactly the languages",
        "response (ru) is empty", "a not_accepted record needs a reason code", "campaign_weight",
    ]:
        assert expected in problems
    assert "only a not_accepted record has a reason" in " ".join(
        record_problems(dataclasses.replace(good, decision=State.ACCEPTED, reason="other"), set())
    )


def test_keys_and_responses_are_unique_and_one_text_is_the_campaign():
    records = demo_content.proposals()
    assert len({record.key for record in records}) == len(records)
    # A response names one text's decision: two texts never share one.
    assert len({record.response["en"] for record in records}) == len(records)
    assert [record.key for record in records if record.campaign_only] == [demo_content.campaign().key]
    assert demo_content.campaign().campaign_weight > 0
    assert len(demo_content.campaigns()) >= 2


def test_every_language_has_a_text_for_every_decision():
    ordinary = [record for record in demo_content.proposals() if not record.campaign_only]
    found = {(record.language, record.decision) for record in ordinary}
    assert found == {(language, state) for language in LANGUAGES for state in DECIDED_STATES}


@pytest.mark.parametrize("code", sorted(PROMISES))
def test_a_decision_reads_as_a_decision_not_a_promise(code):
    """Every decided text's response says what was decided (issue 17: "will be considered"), partial ones too."""
    promising = [
        record.key for record in demo_content.proposals()
        if any(phrase in record.response[code].lower() for phrase in PROMISES[code])
    ]
    assert promising == []


@pytest.mark.parametrize("code", sorted(PROMISES))
def test_every_response_states_its_own_outcome(code):
    """A "not accepted" answer says so, a partial one says "partially", an acceptance neither refuses nor halves."""
    wrong = []
    for record in demo_content.proposals():
        text = record.response[code].lower()
        if not any(word in text for word in OUTCOME_WORDS[record.decision][code]):
            wrong.append(record.key)
        if record.decision == State.ACCEPTED and any(word in text for word in NOT_IN_AN_ACCEPTANCE[code]):
            wrong.append(record.key)
    assert wrong == []


def test_the_out_of_scope_texts_are_never_texts_the_working_group_decides():
    decided_texts = {record.text for record in demo_content.proposals()}
    outside = demo_content.out_of_scope()
    assert len(outside) >= 2 and not decided_texts & {record.text for record in outside}
    categories = reference_slugs("categories")
    for record in outside:
        problems = line_problems(record.title, "title") + translations_problems(record.summary, "summary")
        assert record.category in categories and record.language in LANGUAGES and problems == []
        assert translations_problems(record.public_title, "title") == []


@pytest.mark.django_db
def test_the_seeded_demo_never_gives_one_text_two_outcomes_and_every_answer_fits_its_outcome():
    call_command("seed_demo", count=140, verbosity=0, stdout=io.StringIO())
    records = {record.text: record for record in demo_content.proposals()}
    outcomes = {}
    # A member of an idea carries its idea's answer (answered once), or its own when decided apart.
    ideas = {
        membership.point.proposal_id: membership
        for membership in IdeaMembership.objects.select_related("idea", "point")
    }
    for proposal in Proposal.objects.exclude(state__in=[State.SPAM]).exclude(external_ref__startswith="DEMO-PKG-"):
        if proposal.state in DECIDED_STATES or proposal.state == State.OUT_OF_SCOPE:
            outcomes.setdefault(proposal.text, set()).add(proposal.state)
        membership = ideas.get(proposal.pk)
        if membership is not None and proposal.state in DECIDED_STATES and not membership.apart:
            idea = membership.idea
            assert (proposal.state, proposal.decision_reason) == (idea.outcome, idea.outcome_reason)
            if proposal.external_ref.startswith("DEMO-IDEA-"):
                assert proposal.response_ru == idea.response_ru
            continue
        if proposal.state in DECIDED_STATES:
            record = records[proposal.text]
            # The response is the one written for this text's decision, and the decision is the text's decision.
            assert proposal.state == record.decision, proposal.tracking_code
            assert (proposal.response_kk, proposal.response_ru, proposal.response_en) == (
                record.response["kk"], record.response["ru"], record.response["en"]
            )
            if proposal.state == State.NOT_ACCEPTED:
                assert proposal.decision_reason == record.reason
        if proposal.published_at is not None:
            assert proposal.title_en
            assert not services.missing_public_texts(proposal)
    assert {state for states in outcomes.values() for state in states} == {*DECIDED_STATES, State.OUT_OF_SCOPE}
    assert [text[:60] for text, states in outcomes.items() if len(states) > 1] == []
    assert Proposal.objects.filter(title_kk="", published_at__isnull=False).count() == 0


def test_the_mix_gives_every_choice_a_weight():
    mix = demo_content.mix()
    for weights, choices in [
        (mix.states, State.values), (mix.submitter_kinds, SubmitterKind.values), (mix.channels, Channel.values),
        (mix.generated_languages, Language.values),
    ]:
        assert set(weights) == set(choices)
        assert all(isinstance(weight, int) and weight > 0 for weight in weights.values())
    assert set(mix.shares) == {"published", "decision_released", "citizen_name_published"}
    assert all(0 <= share <= 1 for share in mix.shares.values())
    assert set(mix.age_days) <= set(State.values) | {"later_states"} and "later_states" in mix.age_days
    assert all(0 <= low <= high for low, high in mix.age_days.values())
    assert set(mix.staff_notes) <= set(Action.values)
    assert line_problems(mix.spam["title"], "title") == [] and mix.spam["text"].strip()


def test_names_organisations_and_positions_fit_their_fields():
    mix = demo_content.mix()
    assert set(mix.citizen_names) == set(mix.positions) == LANGUAGES
    lists = [(names, "submitter_name") for names in mix.citizen_names.values()]
    lists += [(positions, "position") for positions in mix.positions.values()]
    lists += [(mix.ngo_names, "organisation"), (mix.business_names, "organisation"),
              (mix.expert_affiliations, "organisation")]
    for values, field in lists:
        assert values and len(set(values)) == len(values), field
        assert [problem for value in values for problem in line_problems(value, field)] == []


def test_generated_titles_fit_the_title_field():
    texts = demo_content.mix().generated_texts
    assert set(texts) == {"title_prefix", "numbered_title", "campaign_title_suffix", "campaign_opening", "greetings",
                          "closings"}
    assert all(set(by_language) == LANGUAGES for by_language in texts.values())
    numbered = texts["numbered_title"].values()
    assert all(re.fullmatch(r"[^{}]*\{title\}[^{}]*\{n\}[^{}]*", pattern) for pattern in numbered)
    longest = max(len(record.title) for record in demo_content.proposals())
    # A title gets a prefix, a number (up to 9999), a region's name or a campaign suffix.
    decorations = [len(value) for key in ("title_prefix", "campaign_title_suffix")
                   for value in texts[key].values()]
    decorations += [len(pattern.format(title="", n=9999)) for pattern in numbered]
    region_name = max(len(row["fields"][f"name_{code}"]) for row in reference_rows("regions") for code in LANGUAGES)
    decorations.append(region_name + len(" ()"))
    assert longest + max(decorations) <= max_length("title")


def test_a_malformed_record_is_refused_with_its_place(tmp_path):
    data = json.loads((demo_content.DEMO_DIR / "proposals.json").read_text(encoding="utf-8"))
    del data["proposals"][2]["title"]
    (tmp_path / "proposals.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(demo_content.DemoDataError, match=r"proposals\.json, record 3\b.*title"):
        demo_content.read_proposals(tmp_path)


@pytest.mark.django_db
def test_the_demo_files_are_not_django_fixtures():
    """loaddata reads fixtures/demo/ only when asked, and then refuses it: nothing is written."""
    before = Category.objects.count()
    for name in ("proposals", "mix"):
        with pytest.raises(DeserializationError):
            call_command("loaddata", f"demo/{name}", verbosity=0)
    assert Category.objects.count() == before
