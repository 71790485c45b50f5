"""Tracking codes: the check character, uniqueness, normalisation, and the retry on a collision."""
import random

import pytest

from proposals.core import services, tracking
from proposals.core.models import Proposal
from tests.factories import make_proposal


def test_generated_code_has_display_form_and_is_valid():
    code = tracking.generate()
    assert len(code) == 11 and code[3] == code[7] == "-"
    assert tracking.normalise(code) == code


def test_check_character_catches_every_single_character_substitution():
    rng = random.Random(7)
    for _ in range(300):
        payload = "".join(rng.choice(tracking.ALPHABET) for _ in range(tracking.PAYLOAD_LENGTH))
        compact = payload + tracking.check_character(payload)
        assert tracking.is_valid(compact)
        for position in range(len(compact)):
            for char in tracking.ALPHABET:
                if char != compact[position]:
                    typo = compact[:position] + char + compact[position + 1 :]
                    assert not tracking.is_valid(typo), (compact, typo)


def test_ten_thousand_codes_are_unique():
    codes = [tracking.generate() for _ in range(10_000)]
    assert len(set(codes)) == len(codes)


def test_codes_are_not_sequential():
    codes = sorted(tracking.generate() for _ in range(50))
    first_groups = {code[:3] for code in codes}
    assert len(first_groups) > 40


@pytest.mark.parametrize(
    "typed",
    ["{code}", "{lower}", "{compact}", "{compact_lower}", " {spaced} ", "{with_en_dashes}"],
)
def test_normalise_accepts_what_people_type(typed):
    code = tracking.generate()
    compact = code.replace("-", "")
    variants = {
        "code": code,
        "lower": code.lower(),
        "compact": compact,
        "compact_lower": compact.lower(),
        "spaced": " ".join(code.split("-")),
        "with_en_dashes": code.replace("-", "–"),
    }
    assert tracking.normalise(typed.format(**variants)) == code


def test_normalise_maps_look_alike_letters():
    payload = "0K1M9XQ2"
    code = tracking.format_code(payload + tracking.check_character(payload))
    # O for zero, l for one, and Cyrillic К and М from a Russian keyboard layout.
    assert tracking.normalise("oКl-М9x-q2" + code[-1].lower()) == code


@pytest.mark.parametrize("typed", ["", "   ", "ABC", "ABC-DEF-GHJ-KMN", "7K3-M9X-Q2U", None, 12345, "<script>"])
def test_normalise_rejects_what_cannot_be_a_code(typed):
    assert tracking.normalise(typed) is None


def test_normalise_rejects_a_single_typo():
    code = tracking.generate()
    wrong = tracking.ALPHABET[(tracking.ALPHABET.index(code[0]) + 1) % tracking.BASE]
    assert tracking.normalise(wrong + code[1:]) is None


@pytest.mark.django_db
def test_submit_retries_when_the_code_is_taken(monkeypatch):
    taken = make_proposal().tracking_code
    fresh = tracking.generate()
    codes = iter([taken, taken, fresh])
    monkeypatch.setattr(tracking, "generate", lambda: next(codes))
    proposal = make_proposal()
    assert proposal.tracking_code == fresh
    assert Proposal.objects.filter(tracking_code=taken).count() == 1
    assert proposal.events.count() == 1


@pytest.mark.django_db
def test_submit_gives_up_after_repeated_collisions(monkeypatch):
    from django.db import IntegrityError

    taken = make_proposal().tracking_code
    monkeypatch.setattr(tracking, "generate", lambda: taken)
    before = Proposal.objects.count()
    with pytest.raises(IntegrityError):
        make_proposal()
    assert Proposal.objects.count() == before
    assert services.TRACKING_CODE_ATTEMPTS > 1
