"""The labelled sample of text pairs for idea detection (tests/data/idea_pairs.json): its shape, mix and labels."""
import json
import re
from collections import Counter
from pathlib import Path

import pytest

PATH = Path(__file__).parent / "data" / "idea_pairs.json"
FIELDS = {"id", "lang", "kind", "a", "b", "source"}
OPTIONAL = {"note"}
KINDS = ("exact", "edited", "paraphrase", "same_topic", "unrelated")
LANGUAGES = {"kk", "ru", "mixed"}
SOURCES = {"demo", "synthetic", "handwritten"}
MINIMUM = {"exact": 80, "edited": 120, "paraphrase": 140, "same_topic": 140, "unrelated": 80}
MINIMUM_TOTAL = 560
MINIMUM_MIXED_PARAPHRASES = 15
MINIMUM_DISTINCT_TEXTS = 300
# "About half Kazakh and half Russian" in every kind: neither language under this share of the kind.
MINIMUM_LANGUAGE_SHARE = 0.4
ID = re.compile(r"^(kk|ru|mixed)-[a-z]+-\d{3}$")
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# People without a Kazakh keyboard type these Russian look-alikes; ё is typed as е.
LOOK_ALIKES = str.maketrans("әғқңөұүһіё", "агкноуухие")
# An exact copy may add a greeting or a signature line ("Уважаемая рабочая группа!", "С уважением, жители Караганды").
MAX_ADDED_WORDS = 12
LONG_TEXT_WORDS = (150, 300)
MINIMUM_LONG_PAIRS = 10


@pytest.fixture(scope="module")
def raw():
    return PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pairs(raw):
    return json.loads(raw)["pairs"]


def words(text):
    """The words an exact copy must keep: case, ё/е, Kazakh look-alikes, punctuation and white space set aside."""
    return re.sub(r"\W+", " ", text.lower().translate(LOOK_ALIKES)).split()


def is_kazakh(text):
    return any(letter in KAZAKH_LETTERS for letter in text)


def test_the_file_is_readable_utf8_json_with_two_space_indent(raw):
    data = json.loads(raw)
    assert data["version"] == 1
    assert raw == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_every_pair_has_its_fields_a_known_kind_language_and_source(pairs):
    for pair in pairs:
        assert FIELDS <= set(pair) <= FIELDS | OPTIONAL, pair["id"]
        assert pair["kind"] in KINDS, pair["id"]
        assert pair["lang"] in LANGUAGES, pair["id"]
        assert pair["source"] in SOURCES, pair["id"]
        assert all(isinstance(pair[name], str) and pair[name].strip() for name in pair), pair["id"]


def test_ids_are_unique_and_name_the_language(pairs):
    ids = [pair["id"] for pair in pairs]
    assert len(ids) == len(set(ids))
    for pair in pairs:
        assert ID.match(pair["id"]), pair["id"]
        assert pair["id"].split("-")[0] == pair["lang"], pair["id"]


def test_the_minimum_counts_per_kind_and_language_hold(pairs):
    kinds = Counter(pair["kind"] for pair in pairs)
    assert len(pairs) >= MINIMUM_TOTAL
    for kind, minimum in MINIMUM.items():
        assert kinds[kind] >= minimum, kind
        languages = Counter(pair["lang"] for pair in pairs if pair["kind"] == kind)
        for language in ("kk", "ru"):
            assert languages[language] >= MINIMUM_LANGUAGE_SHARE * kinds[kind], (kind, language)
    mixed = Counter(pair["kind"] for pair in pairs if pair["lang"] == "mixed")
    assert mixed["paraphrase"] >= MINIMUM_MIXED_PARAPHRASES


def test_the_language_label_matches_the_texts(pairs):
    for pair in pairs:
        a, b = is_kazakh(pair["a"]), is_kazakh(pair["b"])
        # Cyrillic only: transliterated Latin Kazakh is not part of the sample.
        assert not re.search(r"[A-Za-z]", pair["a"] + pair["b"]), pair["id"]
        if pair["lang"] == "ru":
            assert not a and not b, pair["id"]
        elif pair["lang"] == "mixed":
            assert a != b, pair["id"]
        elif pair["kind"] in ("exact", "edited"):
            # A copy may be typed without Kazakh letters; the original has them.
            assert a, pair["id"]
        else:
            assert a and b, pair["id"]


def test_the_sample_has_enough_distinct_texts_and_no_pair_twice(pairs):
    texts = {pair["a"] for pair in pairs} | {pair["b"] for pair in pairs}
    assert len(texts) >= MINIMUM_DISTINCT_TEXTS
    together = Counter(frozenset((pair["a"], pair["b"])) for pair in pairs)
    assert max(together.values()) == 1


def test_no_pair_is_a_text_with_itself(pairs):
    for pair in pairs:
        assert pair["a"] != pair["b"], pair["id"]
        if pair["kind"] != "exact":
            assert words(pair["a"]) != words(pair["b"]), pair["id"]


def test_exact_copies_differ_only_in_typing_and_an_added_greeting_or_signature(pairs):
    for pair in (pair for pair in pairs if pair["kind"] == "exact"):
        shorter, longer = sorted((words(pair["a"]), words(pair["b"])), key=len)
        assert f" {' '.join(shorter)} " in f" {' '.join(longer)} ", pair["id"]
        assert len(longer) - len(shorter) <= MAX_ADDED_WORDS, pair["id"]


def test_lengths_run_from_one_sentence_to_long_letters(pairs):
    lengths = [(len(pair["a"].split()), len(pair["b"].split())) for pair in pairs]
    low, high = LONG_TEXT_WORDS
    assert min(min(pair) for pair in lengths) < 10
    assert sum(low <= max(pair) <= high for pair in lengths) >= MINIMUM_LONG_PAIRS
    assert max(max(pair) for pair in lengths) <= high
