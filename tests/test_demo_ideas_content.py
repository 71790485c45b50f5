"""The demo ideas (fixtures/demo/ideas.json): campaigns and ideas in the shape the loader reads, every code known."""
import json
import re

import pytest
from django.conf import settings

from proposals.core.models import Language, SubmitterKind
from proposals.core.workflow import DECIDED_STATES, NotAcceptedReason, State
from proposals.tooling import demo_content
from tests.test_demo_data import (
    NOT_IN_AN_ACCEPTANCE,
    OUTCOME_WORDS,
    PROMISES,
    line_problems,
    reference_slugs,
    translations_problems,
)

IDEAS_FILE = settings.BASE_DIR / "fixtures" / "demo" / "ideas.json"
LANGUAGES = set(Language.values)
CHANGES = {"amend", "add", "repeal", "concerns"}
EDITS = {"greeting", "greeting_dropped", "signature", "closing_changed", "local_detail", "sentence_added",
         "sentence_dropped", "words_changed", "title_changed", "yo_e", "kazakh_letters", "typos"}
# Letters a Kazakh keyboard types and a Russian one does not.
KAZAKH_LETTERS = set("әөіқғүұңһӘӨІҚҒҮҰҢҺ")
RUSSIAN_KEYBOARD = str.maketrans("әөіқғүұңһё", "аоикгууухе")
IDEA_KEYS = {"key", "category", "title", "summary", "articles", "decision", "reason", "response", "members"}
CAMPAIGN_KEYS = IDEA_KEYS | {"letter", "copies", "edited", "regions", "submitter_kinds"}


def load(path=IDEAS_FILE):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


DATA = load()
CAMPAIGNS = DATA["campaigns"]
IDEAS = DATA["ideas"]
EVERY_IDEA = CAMPAIGNS + IDEAS


def all_members():
    return [(idea, member) for idea in EVERY_IDEA for member in idea["members"]]


def package_point(package_key, number):
    """The point ``number`` (counted from 1) of the package ``package_key``, or None."""
    package = next((package for package in demo_content.packages() if package.key == package_key), None)
    if package is None or not isinstance(number, int) or not 1 <= number <= len(package.points):
        return None
    return package.points[number - 1]


def plain_words(text):
    """The words of ``text`` in lower case, with ё and the Kazakh letters as a Russian keyboard types them."""
    return set(re.findall(r"\w+", text.lower().translate(RUSSIAN_KEYBOARD)))


def words(text):
    return len(re.findall(r"\w+", text))


def decision_problems(record, where):
    """A decision (an idea's or a member's override) is a known code with its reason and a response that says so."""
    problems = []
    decision = record["decision"]
    if decision not in DECIDED_STATES:
        return [f"{where}: decision {decision!r} is not one of {sorted(DECIDED_STATES)}"]
    if decision == State.NOT_ACCEPTED and record["reason"] not in NotAcceptedReason.values:
        problems.append(f"{where}: a not_accepted decision needs a reason code")
    if decision != State.NOT_ACCEPTED and record["reason"]:
        problems.append(f"{where}: only a not_accepted decision has a reason")
    problems += [f"{where}: {problem}" for problem in translations_problems(record["response"], "response")]
    if not problems:
        for code in sorted(LANGUAGES):
            text = record["response"][code].lower()
            if not any(word in text for word in OUTCOME_WORDS[decision][code]):
                problems.append(f"{where}: the {code} response does not say {decision}")
            if decision == State.ACCEPTED and any(word in text for word in NOT_IN_AN_ACCEPTANCE[code]):
                problems.append(f"{where}: the {code} response of an acceptance refuses or halves it")
            if any(phrase in text for phrase in PROMISES[code]):
                problems.append(f"{where}: the {code} response promises instead of deciding")
    return problems


def test_the_file_loads_and_describes_every_field():
    """Every key the file uses is a "fields" entry or is named in one's description."""
    assert DATA["about"].strip() and "fictional" in DATA["about"]
    described = {name.strip() for key in DATA["fields"] for name in key.split(",")}
    descriptions = " ".join(DATA["fields"].values())
    used = {key for idea in EVERY_IDEA for key in idea} | {key for _idea, member in all_members() for key in member}
    used |= {key for campaign in CAMPAIGNS for copy in campaign["edited"] for key in copy}
    used |= {key for campaign in CAMPAIGNS for key in campaign["letter"]}
    used |= {key for _idea, member in all_members() for key in member.get("decision_override") or {}}
    assert [key for key in sorted(used) if key not in described and not re.search(rf"\b{key}\b", descriptions)] == []


def test_at_least_two_campaigns_one_russian_one_kazakh_and_five_further_ideas():
    assert {campaign["letter"]["language"] for campaign in CAMPAIGNS} >= {"ru", "kk"}
    assert len(IDEAS) >= 5
    keys = [idea["key"] for idea in EVERY_IDEA]
    assert len(keys) == len(set(keys)) and all(re.fullmatch(r"[a-z0-9-]+", key) for key in keys)
    assert all(set(campaign) == CAMPAIGN_KEYS for campaign in CAMPAIGNS)
    assert all(set(idea) == IDEA_KEYS for idea in IDEAS)


def test_every_idea_has_its_public_texts_in_three_languages_and_known_codes():
    categories = reference_slugs("categories")
    problems = []
    for idea in EVERY_IDEA:
        where = idea["key"]
        problems += [f"{where}: {problem}" for problem in translations_problems(idea["summary"], "summary")]
        problems += [f"{where}: {problem}" for problem in translations_problems(idea["title"], "title")]
        if isinstance(idea["title"], dict):
            for code, value in idea["title"].items():
                problems += [f"{where}: {problem}" for problem in line_problems(value, f"title_{code}")]
        if idea["category"] not in categories:
            problems.append(f"{where}: unknown category {idea['category']!r}")
        if not idea["articles"] or set(idea["articles"].values()) - CHANGES:
            problems.append(f"{where}: articles need at least one article and known change types")
        for number in idea["articles"]:
            match = re.fullmatch(r"(\d+)(-\d+)?", number)
            if not match or not 1 <= int(match.group(1)) <= 98:
                problems.append(f"{where}: {number!r} is not an article of the Constitution")
    assert problems == []


def test_decisions_are_valid_mixed_and_one_idea_is_still_undecided():
    problems = []
    for idea in EVERY_IDEA:
        if idea["decision"] is None:
            if idea["response"] is not None or idea["reason"]:
                problems.append(f"{idea['key']}: an undecided idea has no response or reason")
        else:
            problems += decision_problems(idea, idea["key"])
    assert problems == []
    outcomes = {idea["decision"] for idea in EVERY_IDEA}
    assert outcomes == {*DECIDED_STATES, None}
    undecided = [idea for idea in EVERY_IDEA if idea["decision"] is None]
    assert len(undecided) >= 1
    assert all(member.get("decision_override") is None for idea in undecided for member in idea["members"])


def test_a_member_decided_differently_says_why_and_differs_from_its_idea():
    overrides = [(idea, member) for idea, member in all_members() if member.get("decision_override")]
    assert overrides
    problems = []
    for idea, member in overrides:
        override, where = member["decision_override"], f"{idea['key']} override"
        assert set(override) == {"decision", "reason", "response", "note"}, where
        problems += decision_problems(override, where)
        if override["decision"] == idea["decision"] and override["reason"] == idea["reason"]:
            problems.append(f"{where}: the same decision as the idea's")
        if not override["note"].strip():
            problems.append(f"{where}: no note says why")
    assert problems == []


def member_problems(idea, member):
    """Everything wrong with one member: its kind, region, party, organisation and where its text comes from."""
    where = f"{idea['key']} member {member.get('proposal') or member.get('package') or member.get('title')}"
    mix = demo_content.mix()
    problems = []
    kind = member.get("kind")
    if kind not in SubmitterKind.values:
        problems.append(f"unknown kind {kind!r}")
    if (kind == SubmitterKind.PARTY) != ("party" in member):
        problems.append("a party member, and only one, names its party")
    elif "party" in member and member["party"] not in reference_slugs("parties"):
        problems.append(f"unknown party {member['party']!r}")
    organisations = {SubmitterKind.NGO: mix.ngo_names, SubmitterKind.BUSINESS: mix.business_names,
                     SubmitterKind.EXPERT: mix.expert_affiliations}
    if kind in organisations and member.get("organisation") not in organisations[kind]:
        problems.append(f"organisation {member.get('organisation')!r} is not one of mix.json's for {kind}")
    if kind not in organisations and "organisation" in member:
        problems.append("only an NGO, a business or an expert names an organisation")
    sources = [name for name in ("proposal", "package", "text") if name in member]
    if len(sources) != 1:
        return [f"{where}: give exactly one of proposal, package and point, or text (gave {sources})"]
    if "package" in member:
        point = package_point(member["package"], member.get("point"))
        package = next((package for package in demo_content.packages() if package.key == member["package"]), None)
        if point is None:
            problems.append(f"no point {member.get('point')!r} in package {member['package']!r}")
        elif package.party != member.get("party") or kind != SubmitterKind.PARTY:
            problems.append("a package's point is its party's member")
        if "region" in member:
            problems.append("a package has no region")
    elif member.get("region") not in reference_slugs("regions"):
        problems.append(f"unknown region {member.get('region')!r}")
    if "proposal" in member:
        records = {record.key: record for record in demo_content.proposals()}
        if member["proposal"] not in records:
            problems.append(f"no proposals.json record {member['proposal']!r}")
    if "text" in member:
        if member.get("language") not in LANGUAGES:
            problems.append(f"unknown language {member.get('language')!r}")
        problems += line_problems(member.get("title"), "title")
        if words(member["text"]) < 25:
            problems.append("the text is too short to say what it proposes")
    return [f"{where}: {problem}" for problem in problems]


def test_every_member_names_known_codes_and_an_existing_text():
    problems = [problem for idea, member in all_members() for problem in member_problems(idea, member)]
    assert problems == []


def test_the_rules_catch_a_bad_member():
    idea = IDEAS[0]
    bad = [
        ({"proposal": "no-such-text", "kind": "citizen", "region": "almaty"}, "no proposals.json record"),
        ({"package": "amanat-package", "point": 99, "kind": "party", "party": "amanat"}, "no point 99"),
        ({"package": "amanat-package", "point": 1, "kind": "party", "party": "nsdp"}, "its party's member"),
        ({"text": "x " * 30, "language": "de", "title": "T", "kind": "citizen", "region": "x"}, "unknown language"),
        ({"text": "x " * 30, "language": "ru", "title": "T", "kind": "citizen", "region": "x"}, "unknown region"),
        ({"text": "x " * 30, "language": "ru", "title": "T", "kind": "ngo", "region": "almaty"}, "organisation"),
        ({"text": "x " * 30, "language": "ru", "title": "T", "kind": "party", "region": "almaty"}, "names its party"),
        ({"proposal": "kk-other-1", "text": "x", "kind": "citizen", "region": "almaty"}, "exactly one"),
    ]
    for member, expected in bad:
        assert expected in " ".join(member_problems(idea, member)), member


def test_a_referenced_text_keeps_the_decision_its_own_record_carries():
    """A member given by a proposals.json key or a package point: its record's outcome is the one it gets here."""
    records = {record.key: record for record in demo_content.proposals()}
    wrong = []
    for idea, member in all_members():
        if idea["decision"] is None or not ("proposal" in member or "package" in member):
            continue
        given = member.get("decision_override") or idea
        if "proposal" in member:
            record = records[member["proposal"]]
            recorded = (record.decision, record.reason)
        else:
            point = package_point(member["package"], member["point"])
            recorded = (point.outcome, point.reason)
        if recorded != (given["decision"], given["reason"]):
            wrong.append((idea["key"], member.get("proposal") or member.get("package"), recorded))
    assert wrong == []


def test_a_text_or_package_point_belongs_to_one_idea_at_most():
    keys = [member["proposal"] for _idea, member in all_members() if "proposal" in member]
    points = [(member["package"], member["point"]) for _idea, member in all_members() if "package" in member]
    assert len(keys) == len(set(keys)) and len(points) == len(set(points))
    texts = [member["text"] for _idea, member in all_members() if "text" in member]
    assert len(texts) == len(set(texts))


def test_each_idea_has_three_to_eight_members_from_two_kinds_or_more():
    for idea in IDEAS:
        members = idea["members"]
        assert 3 <= len(members) <= 8, idea["key"]
        assert len({member["kind"] for member in members}) >= 2, idea["key"]
    kinds = {member["kind"] for _idea, member in all_members()}
    assert kinds == set(SubmitterKind.values)
    languages = {member.get("language") for _idea, member in all_members() if "text" in member}
    assert languages == LANGUAGES


def test_the_members_of_an_idea_write_independently_not_copies():
    """Ideas (not campaigns) gather the same proposal in other words: no two members share a sentence."""
    for idea in IDEAS:
        sentences = [
            sentence.strip() for member in idea["members"] if "text" in member
            for sentence in re.split(r"(?<=[.!?])\s+", member["text"]) if words(sentence) >= 5
        ]
        assert len(sentences) == len(set(sentences)), idea["key"]


def test_each_campaign_has_dozens_of_copies_and_edited_ones_written_out():
    regions, kinds = reference_slugs("regions"), {SubmitterKind.CITIZEN, SubmitterKind.NGO}
    for campaign in CAMPAIGNS:
        letter, where = campaign["letter"], campaign["key"]
        assert set(letter) == {"language", "title", "text"} and letter["language"] in LANGUAGES, where
        assert line_problems(letter["title"], "title") == [] and 80 <= words(letter["text"]) <= 200, where
        assert isinstance(campaign["copies"], int) and campaign["copies"] >= 20, where
        assert 8 <= len(campaign["edited"]) <= 14, where
        assert set(campaign["regions"]) <= regions and all(
            isinstance(weight, int) and weight > 0 for weight in campaign["regions"].values()), where
        assert set(campaign["submitter_kinds"]) <= kinds and all(
            isinstance(weight, int) and weight > 0 for weight in campaign["submitter_kinds"].values()), where
        weights = campaign["submitter_kinds"]
        assert weights.get(SubmitterKind.CITIZEN, 0) > sum(weights.values()) / 2, where


def test_edited_copies_differ_from_the_letter_as_their_edits_say():
    problems = []
    for campaign in CAMPAIGNS:
        letter = campaign["letter"]
        texts = [letter["text"]]
        for number, copy in enumerate(campaign["edited"], 1):
            where = f"{campaign['key']} copy {number}"
            text = copy["text"]
            if not copy["edits"] or set(copy["edits"]) - EDITS:
                problems.append(f"{where}: edits must name what changed, from {sorted(EDITS)}")
            if copy["region"] not in reference_slugs("regions") or copy["kind"] not in {"citizen", "ngo"}:
                problems.append(f"{where}: unknown region or kind")
            if (copy["kind"] == "ngo") != (copy.get("organisation") in demo_content.mix().ngo_names):
                problems.append(f"{where}: an NGO's copy, and only one, names an NGO from mix.json")
            if ("title" in copy) != ("title_changed" in copy["edits"]):
                problems.append(f"{where}: a copy has its own title exactly when its edits say title_changed")
            if "title" in copy and (copy["title"] == letter["title"] or line_problems(copy["title"], "title")):
                problems.append(f"{where}: its own title is the letter's or not a title")
            # Still the same letter: most of its words are there, whatever the keyboard.
            if len(plain_words(text) & plain_words(letter["text"])) < 0.6 * len(plain_words(letter["text"])):
                problems.append(f"{where}: too far from the letter to be a copy")
            if "yo_e" in copy["edits"] and "ё" in text:
                problems.append(f"{where}: yo_e but still ё")
            if "kazakh_letters" in copy["edits"] and len([c for c in text if c in KAZAKH_LETTERS]) >= len(
                    [c for c in letter["text"] if c in KAZAKH_LETTERS]):
                problems.append(f"{where}: kazakh_letters but no Kazakh letter typed as a Russian one")
            texts.append(text)
        if len(set(texts)) != len(texts):
            problems.append(f"{campaign['key']}: an edited copy equals the letter or another copy")
    assert problems == []


def test_the_campaign_texts_of_proposals_json_belong_to_ideas():
    """The texts generate_proposals sends as mass campaigns are named here, so their copies are members."""
    named = {member["proposal"] for _idea, member in all_members() if "proposal" in member}
    assert demo_content.campaign().key in named
    assert len({record.key for record in demo_content.campaigns()} & named) >= 3


@pytest.mark.parametrize("field", ["title", "text"])
def test_a_malformed_file_is_caught(tmp_path, field):
    data = load()
    del data["ideas"][0]["members"][3][field]
    path = tmp_path / "ideas.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    idea = load(path)["ideas"][0]
    assert member_problems(idea, idea["members"][3]) != []


def test_the_rules_catch_a_bad_decision():
    good = IDEAS[0]
    assert decision_problems(good, "good") == []
    responses = {"kk": "Ұсыныс қаралады.", "ru": "Предложение будет рассмотрено.", "en": "It will be considered."}
    cases = [
        ({**good, "decision": "maybe"}, "is not one of"),
        ({**good, "decision": State.NOT_ACCEPTED, "reason": ""}, "needs a reason code"),
        ({**good, "decision": State.ACCEPTED, "reason": "other"}, "only a not_accepted decision has a reason"),
        ({**good, "response": {"kk": "x", "ru": "y"}}, "needs exactly the languages"),
        ({**good, "decision": State.NOT_ACCEPTED, "reason": "other", "response": responses}, "promises"),
        ({**good, "decision": State.ACCEPTED, "reason": "", "response": IDEAS[1]["response"]}, "refuses or halves"),
    ]
    for record, expected in cases:
        assert expected in " ".join(decision_problems(record, "bad")), expected
