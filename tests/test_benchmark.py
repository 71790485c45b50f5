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
from tests.factories import bulk_public

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
    # Same queries and bounded growth for each page, and the three speed-ups.
    assert len(results["targets"]) == 2 * len(pages) + 3
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
