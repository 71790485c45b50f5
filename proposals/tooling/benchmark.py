"""The benchmark's measurements: each page in-process (time and queries), and the naive baselines to compare."""
# Every page goes through Django's test client, so its time covers middleware, queries and templates. A baseline
# is the same request with one part swapped for the naive version (exact COUNT(*), OFFSET pages, icontains search),
# or Django's default ModelAdmin on the same table.
import contextlib
import itertools
import logging
import random
import statistics
import time
import types
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import Q
from django.test import Client
from django.test.utils import override_settings
from django.urls import path

from proposals.core import search, selectors
from proposals.core.ideas.candidates import likely_for_point
from proposals.core.infra.pagination import Page, encode
from proposals.core.models import Category, Point, Proposal, ProposalArticle, Region
from proposals.site.forms import signed_start

DEEP_PAGE = 5000
BASELINE_ADMIN_PREFIX = "baseline-admin/"
ANALYST = "benchmark-analyst"
# Numbers every submission, so each comes from an address no rate limit has seen (counters outlive a run: random start).
SUBMISSION_NUMBERS = itertools.count(random.SystemRandom().randrange(1, 2**24))


@dataclass
class Timing:
    """One page's measurement: per-request times (seconds) and the query count of each request."""

    name: str
    seconds: list = field(default_factory=list)
    queries: list = field(default_factory=list)
    note: str = ""
    baseline: str | None = None

    @property
    def median_ms(self):
        return statistics.median(self.seconds) * 1000

    @property
    def p95_ms(self):
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000

    @property
    def query_count(self):
        return max(self.queries)

    def as_dict(self):
        return {
            "median_ms": round(self.median_ms, 2), "p95_ms": round(self.p95_ms, 2), "queries": self.query_count,
            "repetitions": len(self.seconds), "note": self.note, "baseline": self.baseline,
        }


class QueryCounter:
    """Counts the queries run on the default connection (an execute wrapper: no query log, little overhead)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(name, request, repetitions, warmup=2, note="", baseline=None):
    """Call ``request()`` (which returns a response or None) warm, ``repetitions`` times; time and count each call."""
    timing = Timing(name, note=note, baseline=baseline)
    for index in range(warmup + repetitions):
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            started = time.perf_counter()
            response = request()
            elapsed = time.perf_counter() - started
        if response is not None and response.status_code != 200:
            raise BenchmarkError(f"{name}: HTTP {response.status_code} from {getattr(response, 'url', '')}")
        if index >= warmup:
            timing.seconds.append(elapsed)
            timing.queries.append(counter.count)
    return timing


@dataclass
class Scenario:
    """A measured request; ``swap`` makes the context it runs in (a baseline's naive part)."""

    name: str
    request: Callable
    baseline: str | None = None
    note: str = ""
    swap: Callable = contextlib.nullcontext


def get(client, url):
    return lambda: client.get(url)


class BenchmarkError(Exception):
    """A page did not answer as the benchmark expects (so its time would mean nothing)."""


# Baselines: the naive version of one part of a page, swapped in for one measurement.

@contextlib.contextmanager
def swapped(owner, name, replacement):
    original = getattr(owner, name)
    setattr(owner, name, replacement)
    try:
        yield
    finally:
        setattr(owner, name, original)


def uncapped_count(queryset, filterset=None, cap=None):
    """Baseline of the register's cached, capped count: COUNT(*) of every match, on every request."""
    count = queryset.count()
    return {"value": count, "more": False}


def uncached_count(queryset, filterset, cap):
    """The register's capped count, counted on every request (the naive search counts each time)."""
    return selectors.capped_count(queryset, cap)


def icontains_search(queryset, query, staff=False):
    """Baseline of full-text search: every word as a case-insensitive substring of any field the search reads."""
    def contains(name, term):
        return Q(**{f"{name}__icontains": term})

    return queryset.filter(search.condition(search.words(query), contains, staff=staff))


@contextlib.contextmanager
def naive_search():
    """Baseline of the register's search: icontains over every match, no window, the count taken each time."""
    with (
        swapped(search, "search", icontains_search),
        swapped(selectors, "SEARCH_WINDOW", None),
        swapped(selectors, "register_count", uncached_count),
    ):
        yield


def offset_paginate(offset):
    """Baseline of keyset pagination: the page at ``offset`` read with OFFSET (the cursor is ignored)."""

    def paginate(queryset, keys, cursor, per_page, window=None):
        order = [f"-{name}" if descending else name for name, descending, _kind in keys]
        rows = list(queryset.order_by(*order)[offset : offset + per_page])
        return Page(items=rows, next_cursor=None, previous_cursor=None)

    return paginate


class DefaultModelAdmin(admin.ModelAdmin):
    """Django's default ModelAdmin; only its template is named, because the console overrides the model's own."""

    change_list_template = "admin/change_list.html"


def baseline_urlconf():
    """The site's URLs plus Django's default ModelAdmin for proposals on a separate admin site."""
    from parlreform import urls

    site = admin.AdminSite(name="baseline")
    site.register(Proposal, DefaultModelAdmin)
    module = types.ModuleType("proposals_benchmark_urls")
    module.urlpatterns = [path(BASELINE_ADMIN_PREFIX, site.urls), *urls.urlpatterns]
    module.handler500 = urls.handler500
    return module


# The pages

class Pages:
    """Requests for every measured page, against the data currently in the database."""

    def __init__(self, repetitions):
        self.repetitions = repetitions
        self.client = Client()
        self.staff = Client()
        self.staff.force_login(benchmark_analyst())
        self.public = Proposal.objects.public()
        self.category = self._first_category()
        self.word = self._search_word()
        self.detail_code = self._middle_public().tracking_code
        self.change_id = self._middle_proposal().pk
        self.duplicates_url = f"/admin/proposals/proposal/{self.change_id}/duplicates/?partial=1"
        self.deep_offset, self.deep_cursor = self._deep_page()
        self.baseline_urls = baseline_urlconf()
        self.region_id = Region.objects.order_by("pk").values_list("pk", flat=True).first()
        self.article = self._cited_article()
        self.package_code, self.package_points = self._largest_package()

    def _cited_article(self):
        """The first article of the newest published proposal that names one (a page with proposals on it)."""
        link = ProposalArticle.objects.filter(proposal__in=self.public.order_by("-received_at", "-id")[:50].values(
            "pk")).select_related("article").first()
        return link.article.number if link else "50"

    def _largest_package(self):
        """(tracking code, points) of a published proposal with the most points (100 where generated data has
        them: generate_proposals gives every 20,000th organisation's proposal 100)."""
        points = Point.objects.filter(proposal__in=self.public.values("pk"))
        found = points.filter(number=100).values_list("proposal__tracking_code", "number").first()
        if found is None:
            found = points.order_by("-number").values_list("proposal__tracking_code", "number").first()
        return found or (self.detail_code, 1)

    def _first_category(self):
        return Category.objects.order_by("position", "slug").first()

    def _search_word(self):
        """A word of a published title in the chosen category: what a reader would type."""
        title = self.public.filter(category=self.category).order_by("-received_at", "-id").values_list(
            "title", flat=True
        ).first() or ""
        words = sorted(search.words(title), key=len, reverse=True)
        return words[0] if words else "Парламент"

    def _middle_public(self):
        count = self.public.count()
        return self.public.order_by("-received_at", "-id")[count // 2]

    def _middle_proposal(self):
        count = Proposal.objects.count()
        return Proposal.objects.order_by("-received_at", "-id")[count // 2]

    def _deep_page(self):
        """The register's page DEEP_PAGE (or its last page on smaller data): its row offset and keyset cursor."""
        per_page = selectors.PER_PAGE
        pages = max(1, (self.public.count() - 1) // per_page + 1)
        page = min(DEEP_PAGE, pages)
        offset = (page - 1) * per_page
        if offset == 0:
            return 0, ""
        previous = self.public.order_by("-received_at", "-id").values_list("received_at", "id")[offset - 1]
        return offset, encode(list(previous), "next")

    def scenarios(self):
        """Every page and baseline, in the order they run."""
        anonymous, staff = self.client, self.staff
        search_url = f"/en/proposals/?category={self.category.slug}&q={self.word}"
        deep_url = f"/en/proposals/?cursor={self.deep_cursor}" if self.deep_cursor else "/en/proposals/"
        deep_note = f"page {self.deep_offset // selectors.PER_PAGE + 1}"
        change_url = f"/admin/proposals/proposal/{self.change_id}/change/"
        return [
            Scenario("register", get(anonymous, "/en/proposals/"), "register_exact_count", "count capped"),
            Scenario("register_exact_count", get(anonymous, "/en/proposals/"), note="COUNT(*)",
                     swap=lambda: swapped(selectors, "register_count", uncapped_count)),
            Scenario("register_deep", get(anonymous, deep_url), "register_deep_offset", deep_note),
            Scenario("register_deep_offset", get(anonymous, deep_url), note=deep_note,
                     swap=lambda: swapped(selectors, "paginate", offset_paginate(self.deep_offset))),
            Scenario("register_search", get(anonymous, search_url), "register_search_icontains",
                     f"topic {self.category.slug}, q={self.word}"),
            Scenario("register_search_icontains", get(anonymous, search_url), note="icontains",
                     swap=naive_search),
            Scenario("detail", get(anonymous, f"/en/proposals/{self.detail_code}/")),
            Scenario("detail_package", get(anonymous, f"/en/proposals/{self.package_code}/"),
                     note=f"{self.package_points} points"),
            Scenario("statistics", get(anonymous, "/en/stats/")),
            Scenario("constitution", get(anonymous, "/en/constitution/")),
            Scenario("constitution_article", get(anonymous, f"/en/constitution/{self.article}/"),
                     note=f"article {self.article}"),
            Scenario("api", get(anonymous, "/api/proposals.json")),
            Scenario("admin_changelist", get(staff, "/admin/proposals/proposal/"), "admin_default", "work queue"),
            Scenario("admin_default", get(staff, f"/{BASELINE_ADMIN_PREFIX}proposals/proposal/"),
                     note="default ModelAdmin", swap=lambda: override_settings(ROOT_URLCONF=self.baseline_urls)),
            Scenario("admin_search", get(staff, f"/admin/proposals/proposal/?queue=all&q={self.word}"),
                     note=f"q={self.word}"),
            Scenario("admin_change", get(staff, change_url), note="the fragment below not included"),
            Scenario("admin_change_duplicates", get(staff, self.duplicates_url), note="loaded by the desk page"),
            Scenario("submit", self.submit, note="POST, a new proposal each time"),
            Scenario("duplicates", self.duplicates, note="for the newest submission"),
            Scenario("idea_candidates", self.idea_candidates,
                     note="likely ideas and twins of the newest submission's point"),
        ]

    def submit(self):
        """One public form submission, from its own address (so the per-client rate limit never applies)."""
        index = next(SUBMISSION_NUMBERS)
        data = {
            "submitter_kind": "citizen",
            "citizen_name": "Сынақ Сынақұлы",
            "email": f"benchmark{index}@example.org",
            "region": str(self.region_id),
            "title": f"Бір палаталы Парламенттің құрамын {100 + index % 50} депутатпен белгілеу",
            "text": "Депутаттар санын белгілеу және партиялық тізімдер бойынша сайлау ұсынылады. " * 12,
            "articles": "50",
            "language": "kk",
            "consent": "on",
            "website": "",
            "started": signed_start(seconds_ago=60),
            "submission_token": uuid.uuid4().hex,
        }
        address = f"10.{index // 65536 % 256}.{index // 256 % 256}.{index % 256}"
        response = self.client.post("/kk/submit/", data, REMOTE_ADDR=address)
        if response.status_code != 302 or "/receipt/" not in response["Location"]:
            raise BenchmarkError(f"submit: HTTP {response.status_code} instead of the redirect to the receipt")
        return None

    def duplicates(self):
        newest = Proposal.objects.order_by("-id").first()
        selectors.likely_duplicates(newest)
        return None

    def idea_candidates(self):
        """The candidate search of ideas (band keys read from their index, then scored), as the desk and the task
        after each submission run it; its cost must not grow with the table (manage.py index_point_keys first on
        generated data)."""
        newest = Point.objects.select_related("proposal").order_by("-id").first()
        likely_for_point(newest)
        return None


def benchmark_analyst():
    """A staff account in the analyst role, created on first use."""
    user, created = get_user_model().objects.get_or_create(username=ANALYST, defaults={"is_staff": True})
    if created:
        user.set_unusable_password()
        user.save()
        user.groups.set([Group.objects.get(name="analyst")])
    return user


@contextlib.contextmanager
def measuring():
    """Requests as production renders them (no debug, no page cache), from the test client's host, mail in memory."""
    # Signing in the benchmark's analyst is not news for the log.
    axes_log = logging.getLogger("axes")
    level = axes_log.level
    axes_log.setLevel(logging.WARNING)
    try:
        with override_settings(
            DEBUG=False,
            ALLOWED_HOSTS=["testserver"],
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            # The renders are measured: with the page cache on, every repetition after the first would be a hit.
            PARLREFORM_PAGE_CACHE=False,
        ):
            yield
    finally:
        axes_log.setLevel(level)


def run_pages(repetitions):
    """Every page and baseline measured once on the current data: {name: Timing}."""
    results = {}
    with measuring():
        pages = Pages(repetitions)
        for scenario in pages.scenarios():
            # Entered once around all the requests: the warm-up absorbs what entering it costs.
            with scenario.swap():
                timing = measure(scenario.name, scenario.request, repetitions, note=scenario.note,
                                 baseline=scenario.baseline)
            results[scenario.name] = timing
    return results
