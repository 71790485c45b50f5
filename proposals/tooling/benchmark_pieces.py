"""The benchmark's hand-written mode: each piece of our own measured on and off (Django's own way) in one run."""
# DESIGN section 8: an optimisation that copies framework code stays only if it saves at least a fifth of its
# page's median. Each round requests every page in every variant once, in a fresh random order, in this one
# process, so drift (other processes, the disk, the planner) hits each variant alike. The switches are module
# globals and class attributes swapped between the timed requests, as the baselines are: unused, they cost nothing.
import contextlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.template import engines
from django.test.utils import override_settings

from proposals.console import calendar
from proposals.console.proposal import ProposalAdmin
from proposals.console.templatetags import console
from proposals.site.templatetags import proposals_extras
from proposals.tooling.benchmark import (
    BASELINE_ADMIN_PREFIX,
    BenchmarkError,
    Pages,
    QueryCounter,
    Timing,
    get,
    measuring,
    swapped,
)

# A piece stays if switching it off makes one of its pages at least this much slower (% of the median off).
KEEP_SAVING = 20
WARMUP_ROUNDS = 2
CONSOLE_PAGES = ("admin_changelist", "admin_search")
REGISTER_PAGES = ("register", "register_search")
PAGE_LABELS = {
    "admin_changelist": "console, work queue",
    "admin_search": "console, search",
    "register": "register, page 1",
    "register_search": "register, topic + search",
}


# "Off": Django's own way

def django_calendar(cl):
    """Django's {% date_hierarchy cl %}: its periods from SELECT DISTINCT over the matching rows."""
    return calendar.render(cl)


# Django's own block of admin/change_list.html, in the console's page.
DJANGO_RESULT_LIST = """{% extends "console/proposal_change_list.html" %}{% load admin_list %}
{% block result_list %}
  {% if action_form and actions_on_top and cl.show_admin_actions %}{% admin_actions %}{% endif %}
  {% result_list cl %}
  {% if action_form and actions_on_bottom and cl.show_admin_actions %}{% admin_actions %}{% endif %}
{% endblock %}"""


def django_result_list():
    """Django's {% result_list cl %} (items_for_result) instead of rows from a per-page plan."""
    return swapped(ProposalAdmin, "change_list_template", engines["django"].from_string(DJANGO_RESULT_LIST))


@dataclass
class Piece:
    """A hand-written piece: the pages it serves, and ``off()``, a context in which Django's own way serves them."""

    name: str
    label: str
    pages: tuple
    off: Callable


PIECES = [
    Piece("calendar_span", "Date drill-down from MIN/MAX (console/calendar.py)", CONSOLE_PAGES,
          lambda: swapped(console, "calendar_html", django_calendar)),
    Piece("rows", "Rows from a per-page plan (console/rows.py)", CONSOLE_PAGES, django_result_list),
    Piece("register_form", "Register filter form memo (site/templatetags/proposals_extras.py)", REGISTER_PAGES,
          lambda: swapped(proposals_extras, "filter_fields_html", proposals_extras.render_fields)),
]


@contextlib.contextmanager
def all_console_pieces_off():
    """The console as Django renders it: every console piece off (the drill-down with Django's own queries)."""
    with contextlib.ExitStack() as stack:
        for piece in PIECES:
            if set(piece.pages) & set(CONSOLE_PAGES):
                stack.enter_context(piece.off())
        yield


# The run

def variants(pages):
    """{(page, variant): (request, swap)}: every page on, again on (the noise), with each piece off, and so on."""
    scenarios = {scenario.name: scenario for scenario in pages.scenarios()}
    runs = {}
    for page in CONSOLE_PAGES + REGISTER_PAGES:
        request = scenarios[page].request
        runs[page, "on"] = runs[page, "on, again"] = (request, contextlib.nullcontext)
        for piece in PIECES:
            if page in piece.pages:
                runs[page, f"{piece.name} off"] = (request, piece.off)
        if page in CONSOLE_PAGES:
            runs[page, "all off"] = (request, all_console_pieces_off)
    runs["admin_changelist", "default ModelAdmin"] = (
        get(pages.staff, f"/{BASELINE_ADMIN_PREFIX}proposals/proposal/"), contextlib.nullcontext,
    )
    return runs


def run_pieces(rounds, seed=16):
    """Every variant of every page, ``rounds`` times in a random order each round: {(page, variant): Timing}."""
    with measuring():
        pages = Pages(rounds)
        # Django's default ModelAdmin is served beside the site for the whole run: no URL change between requests.
        with override_settings(ROOT_URLCONF=pages.baseline_urls):
            runs = variants(pages)
            timings = {key: Timing(f"{key[0]}: {key[1]}") for key in runs}
            order = random.Random(seed)
            for round_number in range(WARMUP_ROUNDS + rounds):
                keys = list(runs)
                order.shuffle(keys)
                for key in keys:
                    request, swap = runs[key]
                    counter = QueryCounter()
                    with swap(), connection.execute_wrapper(counter):
                        started = time.perf_counter()
                        response = request()
                        elapsed = time.perf_counter() - started
                    if response.status_code != 200:
                        raise BenchmarkError(f"{key[0]}, {key[1]}: HTTP {response.status_code}")
                    if round_number >= WARMUP_ROUNDS:
                        timings[key].seconds.append(elapsed)
                        timings[key].queries.append(counter.count)
    return timings


def saving(on, off):
    """How much of the page's median with the piece off the piece saves, in per cent."""
    return 100 * (off.median_ms - on.median_ms) / off.median_ms


def piece_rows(timings):
    """Per piece and page: the medians on and off, the saving, the queries, and the verdict."""
    rows = []
    for piece in PIECES:
        for page in piece.pages:
            on, off = timings[page, "on"], timings[page, f"{piece.name} off"]
            percent = saving(on, off)
            rows.append({
                "piece": piece.name, "label": piece.label, "page": page, "on": on.as_dict(), "off": off.as_dict(),
                "saving_percent": round(percent, 2), "verdict": "keep" if percent >= KEEP_SAVING else "remove",
            })
    return rows


def noise_rows(timings):
    """Per page: the same variant measured twice (what a difference between two equal variants looks like)."""
    return [
        {"page": page, "on": timings[page, "on"].as_dict(), "again": timings[page, "on, again"].as_dict(),
         "difference_percent": round(saving(timings[page, "on"], timings[page, "on, again"]), 2)}
        for page in CONSOLE_PAGES + REGISTER_PAGES
    ]


def console_against_default(timings):
    """The work queue with every piece on, and with every piece off, against Django's default ModelAdmin."""
    default = timings["admin_changelist", "default ModelAdmin"]
    return {
        variant: {"median_ms": round(timings["admin_changelist", variant].median_ms, 2),
                  "queries": timings["admin_changelist", variant].query_count,
                  "times_faster": round(default.median_ms / timings["admin_changelist", variant].median_ms, 2)}
        for variant in ("on", "all off")
    } | {"default ModelAdmin": {"median_ms": round(default.median_ms, 2), "queries": default.query_count}}


def summary(timings):
    """Everything the report prints for one size."""
    return {
        "pieces": piece_rows(timings), "noise": noise_rows(timings),
        "console_against_default": console_against_default(timings),
    }
