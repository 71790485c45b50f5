"""axe-core in Chromium on every public page the issue names, in Kazakh, Russian and English."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from proposals.core import access
from tests.e2e.test_journeys import decided_public_proposal

pytestmark = pytest.mark.django_db(transaction=True)

SERIOUS = {"serious", "critical"}


def serious_violations(page):
    results = Axe().run(page)
    return [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]][:3])
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_public_pages_have_no_serious_accessibility_violations(live_server, open_context, language, shot):
    proposal = decided_public_proposal()
    _context, page = open_context(1280, 900, f"{language}-KZ" if language != "en" else "en-GB")
    base = f"{live_server.url}/{language}"
    found = {}

    def check(name):
        found[name] = serious_violations(page)
        shot(page, f"{language}-{name}")

    page.goto(f"{base}/")
    check("home")
    page.goto(f"{base}/submit/")
    check("form-empty")
    page.click(".proposal-form button[type=submit]")
    check("form-errors")
    page.fill("#id_citizen_name", "Әсел Нұрланқызы")
    page.select_option("#id_region", index=2)
    page.fill("#id_email", "asel@example.org")
    page.fill("#id_title", "Ұсыныс")
    page.fill("#id_text", "Мәтін")
    page.check("#id_consent")
    page.click(".proposal-form button[type=submit]")
    check("receipt")
    page.goto(f"{base}/track/")
    check("track")
    page.goto(f"{base}/track/link/{access.status_token(proposal)}/")
    check("status")
    page.goto(f"{base}/proposals/")
    check("register")
    page.goto(f"{base}/proposals/{proposal.tracking_code}/")
    check("detail")
    page.goto(f"{base}/stats/")
    check("statistics")
    page.goto(f"{base}/data/")
    check("open-data")
    print(language, {name: len(v) for name, v in found.items()})
    assert {name: v for name, v in found.items() if v} == {}


def test_the_check_itself_finds_a_serious_violation(open_context):
    # Guards against a check that passes because it checks nothing.
    _context, page = open_context()
    page.set_content('<html lang="en"><body><main><input type="text"><img src="data:,"></main></body></html>')
    assert {violation_id for violation_id, _impact, _nodes in serious_violations(page)} >= {"label", "image-alt"}


@pytest.mark.parametrize("width,zoom", [(320, 1), (1280, 2)])
def test_pages_reflow_at_320_pixels_and_200_percent_zoom(live_server, open_context, width, zoom):
    """No horizontal scrolling (WCAG 1.4.10): 320 px wide, or a desktop window at 200% zoom (640 CSS px)."""
    proposal = decided_public_proposal()
    _context, page = open_context(width // zoom, 800, "kk-KZ")
    for path in ["/kk/", "/kk/submit/", "/kk/track/", "/kk/proposals/", f"/kk/proposals/{proposal.tracking_code}/",
                 "/kk/stats/", "/kk/data/"]:
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (path, overflow)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_decision_and_opinion_pages_have_no_serious_accessibility_violations(live_server, open_context, language,
                                                                                 shot):
    from django.core.management import call_command

    from proposals.core import services
    from proposals.core.workflow import State
    from tests.e2e.test_journeys import login
    from tests.factories import make_proposal, make_user, put_in_state

    call_command("loaddata", "answer_templates", verbosity=0)
    proposal = put_in_state(make_proposal(), State.WITH_WORKING_GROUP)
    services.opinion_write(proposal=proposal, author=make_user("analyst"), recommendation="accept",
                           reasoning="Қолдау.", consistency="consistent")
    _context, page = open_context(1280, 900, f"{language}-KZ")
    login(page, live_server.url, "lead")
    found = {}
    for name, path in [("decision", "act/reject/"), ("withdraw-question", "act/withdraw/"), ("opinion", "opinion/")]:
        page.goto(f"{live_server.url}/admin/proposals/proposal/{proposal.pk}/{path}")
        found[name] = serious_violations(page)
        shot(page, f"{language}-{name}")
    assert {name: v for name, v in found.items() if v} == {}
