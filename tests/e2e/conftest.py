"""Playwright in Debian's Chromium against live_server; every page is watched for console errors and failed requests."""
import os
import re
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django must still allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def pytest_collection_modifyitems(config, items):
    available = Path(CHROMIUM).exists()
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)
            if not available:
                item.add_marker(pytest.mark.skip(reason="Chromium is not installed (apt-get install chromium)"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    }


@pytest.fixture(autouse=True)
def e2e_settings(settings, tmp_path):
    """No minimum fill time or rate limits in journeys (they have their own tests); uploads in a temporary folder."""
    settings.PARLREFORM_MIN_FILL_SECONDS = 0
    settings.PARLREFORM_SUBMIT_RATE = "1000/60"
    settings.PARLREFORM_SUBMIT_ATTEMPT_RATE = "1000/60"
    settings.PARLREFORM_TRACK_RATE = "1000/60"
    settings.MEDIA_ROOT = tmp_path / "media"


class Watcher:
    """Collects console errors, page errors and failed requests of every page in a browser context."""

    def __init__(self):
        self.problems = []
        self.expected = []

    def attach(self, context):
        context.on("page", self._watch_page)
        for page in context.pages:
            self._watch_page(page)

    def _watch_page(self, page):
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("requestfailed", self._request_failed)
        page.on("response", self._response)

    def _console(self, message):
        # A failed load is reported as a console error too; the response handler judges those.
        if message.type == "error" and "Failed to load resource" not in message.text:
            self._add(f"console: {message.text}", message.location.get("url", ""))

    def _request_failed(self, request):
        # A request the page itself cancels (select2 dropping a stale search as the user types) is not a failure.
        if request.failure != "net::ERR_ABORTED":
            self._add(f"request failed: {request.url} {request.failure}", request.url)

    def _response(self, response):
        if response.status >= 400:
            self._add(f"HTTP {response.status}: {response.url}", response.url)

    def _add(self, problem, url):
        if not any(re.search(pattern, url or problem) for pattern in self.expected):
            self.problems.append(problem)

    def expect(self, url_pattern):
        """An error response from a URL matching ``url_pattern`` is what the test is checking."""
        self.expected.append(url_pattern)


@pytest.fixture
def open_context(browser):
    """open_context(viewport, locale) -> (context, page); every page is watched and must end the test clean."""
    watcher = Watcher()
    contexts = []

    def factory(width=1280, height=900, locale="en-GB"):
        context = browser.new_context(viewport={"width": width, "height": height}, locale=locale)
        watcher.attach(context)
        contexts.append(context)
        return context, context.new_page()

    factory.watcher = watcher
    yield factory
    for context in contexts:
        # A page may still be fetching (the desk loads likely duplicates after it shows); the live server shares the
        # test's in-memory database, so the flush after the test must not meet a request in flight.
        for page in context.pages:
            page.wait_for_load_state("networkidle")
        context.close()
    assert watcher.problems == [], watcher.problems


@pytest.fixture
def shot(request):
    """shot(page, name): a full-page screenshot in test-artifacts/screenshots/<test>/ (git-ignored)."""
    folder = SCREENSHOTS / request.node.name
    folder.mkdir(parents=True, exist_ok=True)
    counter = {"n": 0}

    def take(page, name):
        counter["n"] += 1
        page.screenshot(path=str(folder / f"{counter['n']:02d}-{name}.png"), full_page=True)

    return take

