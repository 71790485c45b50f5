"""loadtest --pages: wrk's output parsed, the Lua script's URLs, the ratios and goals, and one real run on gunicorn."""
import asyncio
import json
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from proposals.tooling import http_load
from proposals.tooling.http_load import PageResult, Run
from tests.factories import public_proposal

OUTPUTS = Path(__file__).with_name("wrk_outputs")
needs_wrk = pytest.mark.skipif(shutil.which("wrk") is None, reason="needs wrk (apt-get install wrk)")


def parsed(name):
    return http_load.parse((OUTPUTS / name).read_text())


# wrk's output, as captured from real runs

def test_milliseconds_and_the_status_line_of_the_script():
    run = parsed("gunicorn_healthz_ms.txt")
    assert run.requests_per_second == 550.00
    assert run.p50_ms == pytest.approx(13.19)
    assert run.p99_ms == pytest.approx(38.63)
    assert run.requests == 1111
    assert run.statuses == {200: 1111}
    assert run.non_2xx == 0 and run.failures == 0


def test_microseconds_are_converted_to_milliseconds():
    run = parsed("microseconds.txt")
    assert run.p50_ms == pytest.approx(0.073)
    assert run.p99_ms == pytest.approx(0.56)
    assert run.requests_per_second == 25370.85
    assert run.requests == 27892


def test_seconds_and_non_2xx_without_the_script():
    run = parsed("seconds_non_2xx.txt")
    assert run.p50_ms == pytest.approx(1240.0)
    assert run.p99_ms == pytest.approx(1240.0)
    assert run.requests_per_second == 2.65
    assert run.non_2xx == 8
    assert run.statuses == {}


def test_not_found_answers_are_counted_by_status():
    run = parsed("gunicorn_404_cold.txt")
    assert run.statuses == {404: 259}
    assert run.non_2xx == 259 == run.failures


def test_redirects_count_as_not_2xx_though_wrk_itself_lets_them_pass():
    output = (OUTPUTS / "gunicorn_redirect.txt").read_text()
    assert "Non-2xx or 3xx" not in output
    run = http_load.parse(output)
    assert run.statuses == {302: 167}
    assert run.non_2xx == 167


def test_socket_timeouts_are_failures():
    run = parsed("socket_timeouts.txt")
    assert run.socket_errors == {"timeout": 8}
    assert run.non_2xx == 0
    assert run.failures == 8


def test_output_without_a_latency_distribution_is_refused():
    output = "\n".join(line for line in (OUTPUTS / "microseconds.txt").read_text().splitlines() if "%" not in line)
    with pytest.raises(http_load.WrkError, match="--latency"):
        http_load.parse(output)


# The Lua script's URLs, seen by a real server

class RecordingServer:
    """A minimal HTTP/1.1 server on a free loopback port that answers 200 to everything and records each path."""

    def __init__(self):
        self.paths = []
        self.ready = threading.Event()
        self.thread = threading.Thread(target=asyncio.run, args=(self.serve(),), daemon=True)

    async def handle(self, reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                self.paths.append(head.split(b" ")[1].decode())
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    async def serve(self):
        server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
        self.port = server.sockets[0].getsockname()[1]
        self.loop, self.stopped = asyncio.get_running_loop(), asyncio.Event()
        self.ready.set()
        async with server:
            await self.stopped.wait()

    def __enter__(self):
        self.thread.start()
        self.ready.wait(10)
        return self

    def __exit__(self, *exc):
        self.loop.call_soon_threadsafe(self.stopped.set)
        self.thread.join(10)


def wrk_paths(path, mode, run_id="r1"):
    with RecordingServer() as server:
        command = http_load.wrk_command(f"http://127.0.0.1:{server.port}{path}", mode, run_id, 1, 4, 2)
        result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    return list(server.paths), http_load.parse(result.stdout)


@needs_wrk
def test_cold_urls_never_repeat_and_keep_the_existing_query():
    paths, run = wrk_paths("/api/proposals.json?lang=ru", "cold", run_id="abc")
    assert run.requests > 50 and run.statuses == {200: run.requests}
    assert len(paths) == len(set(paths)) >= run.requests
    assert all(path.startswith("/api/proposals.json?lang=ru&_cold=abc-") for path in paths)
    # Both of wrk's threads send requests, each with its own numbers.
    assert {path.split("-")[1] for path in paths} == {"1", "2"}


@needs_wrk
def test_cold_urls_of_a_path_without_a_query_start_one():
    paths, _run = wrk_paths("/ru/proposals/", "cold")
    assert all(path.startswith("/ru/proposals/?_cold=r1-") for path in paths)
    assert len(paths) == len(set(paths))


@needs_wrk
def test_warm_urls_are_all_the_same():
    paths, run = wrk_paths("/ru/stats/?a=1", "warm")
    assert set(paths) == {"/ru/stats/?a=1"}
    assert run.requests > 50


# Ratios and goals

def run(rate, p99, **fields):
    return Run(requests_per_second=rate, p50_ms=p99 / 2, p99_ms=p99, requests=int(rate * 10), **fields)


HEALTHZ = run(500.0, 40.0)


def test_ratios_are_shares_of_healthz_requests_and_multiples_of_its_p99():
    result = PageResult("home", "/ru/", cold=run(100.0, 200.0), warm=run(300.0, 100.0))
    assert http_load.ratios(result, HEALTHZ) == {
        "cold": {"share": 0.2, "p99_ratio": 5.0}, "warm": {"share": 0.6, "p99_ratio": 2.5},
    }


@pytest.mark.parametrize(("cold", "warm", "expected"), [
    (run(100.0, 500.0), run(250.0, 120.0), [True, True, True]),  # exactly at each limit
    (run(99.0, 500.0), run(249.0, 121.0), [False, False, False]),
    (run(20.0, 900.0), run(400.0, 60.0), [True, True, False]),
])
def test_goals_are_met_at_their_limits_and_missed_past_them(cold, warm, expected):
    lines = http_load.goals([PageResult("home", "/ru/", cold=cold, warm=warm)], HEALTHZ)
    assert [met for _text, met in lines] == expected
    assert [text.split(":")[0] for text, _met in lines] == ["/ru/ warm", "/ru/ warm", "/ru/ cold"]


def test_the_table_has_healthz_and_every_page_with_its_ratios():
    results = [PageResult("home", "/ru/", cold=run(50.0, 400.0), warm=run(250.0, 80.0)),
               PageResult("api", "/api/proposals.json?lang=ru", cold=run(25.0, 1500.0),
                          warm=run(100.0, 200.0, statuses={200: 990, 500: 10}, non_2xx=10))]
    rows = http_load.table(results, HEALTHZ).splitlines()
    assert rows[2].split() == ["/healthz", "500.0", "20.0ms", "40.0ms", "100%", "1.0×", "0"]
    assert rows[3].split() == ["/ru/", "50.0", "200.0ms", "400.0ms", "250.0", "40.0ms", "80.0ms", "10%", "10.0×",
                               "50%", "2.0×", "0/0"]
    assert rows[4].split()[:4] == ["/api/proposals.json?lang=ru", "25.0", "750.0ms", "1.50s"]
    assert rows[4].split()[-1] == "0/10"
    assert http_load.problems(results, HEALTHZ) == [
        "/api/proposals.json?lang=ru warm: 10 non-2xx answers {500: 10} and socket errors 0 out of 1000 requests"]


# The command

def test_a_count_below_one_is_refused_with_a_message():
    with pytest.raises(CommandError, match="--connections must be at least 1"):
        call_command("loadtest", pages=True, connections=0)


def test_without_wrk_the_command_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(CommandError, match="apt-get install wrk"):
        call_command("loadtest", pages=True)


@override_settings(PRODUCTION=True)
def test_the_pages_mode_is_refused_in_production():
    with pytest.raises(CommandError, match="production"):
        call_command("loadtest", pages=True)


@needs_wrk
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_short_run_on_gunicorn_measures_every_page_and_each_answers_2xx(tmp_path, capsys):
    public_proposal(articles="50", language="ru")
    report = tmp_path / "pages.json"
    call_command("loadtest", pages=True, duration=1, connections=4, wrk_threads=2, workers=2, json_path=str(report))
    output = capsys.readouterr().out
    results = json.loads(report.read_text())
    paths = [page["path"] for page in results["pages"]]
    assert [page["label"] for page in results["pages"]] == [
        "home", "register", "proposal", "statistics", "constitution", "article", "api"]
    assert "/ru/constitution/50/" in paths
    table = output[output.index("page "):output.index("Goals")]
    for path in ["/healthz", *paths]:
        assert f"\n{path} " in table
    assert "\n/healthz (again, at the end) " in table
    runs = [results["healthz"], results["healthz_end"]]
    runs += [page[mode] for page in results["pages"] for mode in ("cold", "warm")]
    for run_figures in runs:
        assert run_figures["requests"] > 0
        assert run_figures["non_2xx"] == 0 and run_figures["socket_errors"] == {}
        assert set(run_figures["statuses"]) == {"200"}
    assert len(results["goals"]) == 3 * len(paths)
    assert "Every answer was 2xx." in output


@needs_wrk
@pytest.mark.postgres
@pytest.mark.django_db
def test_without_a_published_proposal_the_command_says_to_load_data_first():
    with pytest.raises(CommandError, match="generate_proposals"):
        call_command("loadtest", pages=True)
