"""The benchmark command at tiny sizes: every page and baseline measured, the report and JSON complete, no leaks."""
import io
import json

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import override_settings

from proposals.core import search, selectors
from proposals.core.infra import pagination
from proposals.core.models import Proposal
from proposals.tooling import benchmark, benchmark_report
from tests.factories import bulk_public, make_user, public_proposal

pytestmark = pytest.mark.django_db


def run_benchmark(tmp_path, sizes="40,80", repetitions=2):
    output, path = io.StringIO(), tmp_path / "benchmark.json"
    call_command("benchmark", sizes=sizes, repetitions=repetitions, json_path=str(path), stdout=output)
    return output.getvalue(), json.loads(path.read_text(encoding="utf-8"))


def test_every_page_and_baseline_is_measured_at_every_size(tmp_path):
    text, results = run_benchmark(tmp_path)

    assert set(results["sizes"]) == {"40", "80"}
    cache_outside_database = not settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache")
    for size in ("40", "80"):
        measured = results["sizes"][size]
        assert set(measured) == set(benchmark_report.LABELS)
        for name, figures in measured.items():
            assert figures["repetitions"] == 2, name
            assert figures["median_ms"] > 0 and figures["p95_ms"] >= figures["median_ms"], name
            # The cached statistics page reads only the cache, which makes no query when it is Redis.
            assert figures["queries"] >= (0 if name == "statistics" and cache_outside_database else 1), name
    for label in benchmark_report.LABELS.values():
        assert label in text
    assert "40 proposals" in text and "80 proposals" in text and "Targets:" in text
    pages = [name for name in benchmark_report.LABELS if not benchmark_report.is_baseline(name)]
    # Same queries and bounded growth for each page, the three speed-ups and the desk page's ceiling.
    assert len(results["targets"]) == 2 * len(pages) + 3 + 1 + len(benchmark_report.RELATIVE_TARGETS)
    assert any("Desk page" in item["target"] and "at most 3×" in item["target"] for item in results["targets"])
    assert results["generation"]["80"]["added"] == 80 - 40 - 4  # 2 warm-up + 2 timed submissions at 40
    assert results["machine"]["database"]


def test_the_database_grows_to_each_size_plus_the_measured_submissions(tmp_path):
    run_benchmark(tmp_path, sizes="30", repetitions=1)

    # 2 warm-up submissions and 1 timed one.
    assert Proposal.objects.count() == 30 + 3


def test_baselines_are_swapped_in_only_while_they_are_measured(tmp_path):
    run_benchmark(tmp_path, sizes="30", repetitions=1)

    assert selectors.paginate is pagination.paginate
    assert selectors.register_count.__module__ == "proposals.core.selectors"
    assert selectors.SEARCH_WINDOW == 5_000
    assert search.search.__module__ == "proposals.core.search"


def test_the_baselines_are_the_naive_queries():
    bulk_public(5)
    public = Proposal.objects.public()

    assert "LIKE" in str(benchmark.icontains_search(public, "Парламент депутат").query).upper()
    page = benchmark.offset_paginate(2)(public, selectors.SORT_KEYS["newest"], None, 2)
    assert [p.pk for p in page.items] == [p.pk for p in public.order_by("-received_at", "-id")[2:4]]
    assert benchmark.uncapped_count(public) == {"value": 5, "more": False}


def test_a_database_bigger_than_a_size_is_refused(tmp_path):
    bulk_public(12)
    with pytest.raises(CommandError, match="more than the size 10"):
        run_benchmark(tmp_path, sizes="10,20")


@pytest.mark.parametrize("sizes", ["ten", "0", "", "-5"])
def test_bad_sizes_are_refused_with_a_message(tmp_path, sizes):
    with pytest.raises(CommandError, match="--sizes"):
        run_benchmark(tmp_path, sizes=sizes)


def test_refused_in_production(tmp_path):
    with override_settings(PRODUCTION=True), pytest.raises(CommandError, match="production"):
        run_benchmark(tmp_path)


@override_settings(PRODUCTION=True)
def test_the_load_test_is_refused_in_production():
    with pytest.raises(CommandError, match="production"):
        call_command("loadtest", submissions=1)
    assert Proposal.objects.count() == 0


# The hand-written mode: each piece of our own on and off (Django's own way), interleaved in one run.

def run_hand_written(tmp_path, sizes="30", repetitions=2):
    output, path = io.StringIO(), tmp_path / "pieces.json"
    call_command("benchmark", sizes=sizes, repetitions=repetitions, json_path=str(path), hand_written=True,
                 stdout=output)
    return output.getvalue(), json.loads(path.read_text(encoding="utf-8"))


def test_the_hand_written_mode_measures_each_piece_on_and_off_on_each_of_its_pages(tmp_path):
    from proposals.tooling import benchmark_pieces

    text, results = run_hand_written(tmp_path)

    rows = results["sizes"]["30"]["pieces"]
    measured = {(row["piece"], row["page"]) for row in rows}
    assert measured == {(piece.name, page) for piece in benchmark_pieces.PIECES for page in piece.pages}
    for row in rows:
        assert row["on"]["repetitions"] == row["off"]["repetitions"] == 2, row
        assert row["on"]["median_ms"] > 0 and row["off"]["median_ms"] > 0, row
        expected = 100 * (row["off"]["median_ms"] - row["on"]["median_ms"]) / row["off"]["median_ms"]
        assert abs(row["saving_percent"] - expected) < 0.1, row
        assert row["verdict"] == ("keep" if row["saving_percent"] >= 20 else "remove"), row
    for piece in benchmark_pieces.PIECES:
        assert piece.label in text
    assert "keep" in text or "remove" in text
    assert "default ModelAdmin" in text and results["sizes"]["30"]["console_against_default"]


def switches():
    """Everything the hand-written mode swaps to switch a piece off or to measure a memo in Django's caches."""
    from proposals.console.proposal import ProposalAdmin
    from proposals.console.templatetags import console
    from proposals.site.templatetags import proposals_extras

    return [console.calendar_html, proposals_extras.filter_fields_html, ProposalAdmin.change_list_template]


def test_every_piece_is_back_on_after_the_hand_written_mode(tmp_path):
    before = switches()
    run_hand_written(tmp_path, repetitions=1)

    assert all(a is b for a, b in zip(before, switches(), strict=True))


class Poisoned:
    """Stands in for a hand-written piece: any use of it fails the test."""

    def __init__(self, *args, **kwargs):
        raise AssertionError("a piece switched off was used")

    def __getattr__(self, name):
        raise AssertionError("a piece switched off was used")


def hand_written_parts(name):
    """(module, attribute) of what piece ``name`` adds to Django's own way."""
    from proposals.console import calendar
    from proposals.console.templatetags import console
    from proposals.site.templatetags import proposals_extras

    return {
        "calendar_span": [(calendar, "CalendarSpan")],
        "rows": [(console, "rows")],
        "register_form": [(proposals_extras, "caches")],
    }[name]


def normalised_page(client, url):
    import re

    response = client.get(url)
    assert response.status_code == 200
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    return re.sub(r"\s+", " ", page)


@pytest.mark.parametrize("name", ["calendar_span", "rows", "register_form"])
def test_a_piece_switched_off_is_not_used_and_its_page_reads_the_same(name, monkeypatch):
    from django.test import Client

    from proposals.tooling import benchmark_pieces

    piece = next(piece for piece in benchmark_pieces.PIECES if piece.name == name)
    public_proposal(title="Парламент <b>бір</b> палаталы", title_en="Parliament <b>one</b> chamber")
    client = Client()
    client.force_login(make_user("lead", first_name="Дәурен", last_name="Сейітов"))
    url = "/en/proposals/" if piece.pages[0].startswith("register") else "/admin/proposals/proposal/?queue=all"
    on = normalised_page(client, url)

    for module, attribute in hand_written_parts(name):
        monkeypatch.setattr(module, attribute, Poisoned)
    with piece.off():
        off = normalised_page(client, url)

    assert off == on
    # The register heads a row with the public title, the console with the submitter's: both escaped.
    assert "Parliament &lt;b&gt;one&lt;/b&gt; chamber" in on or "Парламент &lt;b&gt;бір&lt;/b&gt; палаталы" in on


def test_the_console_must_stay_three_times_faster_than_djangos_default_model_admin():
    assert ("admin_changelist", "admin_default", 3) in benchmark_report.SPEED_TARGETS
    assert benchmark_report.console_target() == 3
