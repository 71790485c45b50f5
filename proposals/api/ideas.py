"""Open data on ideas: every public idea, newest first, keyset paged (JSON), with its counts and public members."""
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from proposals.api.views import _address, _json, _language, _per_page, json_page
from proposals.core import selectors
from proposals.core.ideas import public as public_ideas
from proposals.core.infra.http_cache import public
from proposals.core.models import Idea, in_language
from proposals.core.models.reference import language_of

PARAMETERS = ("lang", "per_page", "cursor")
FIELD_DOCS = [
    ("id", _("The idea's number.")),
    ("url", _("Address of the idea's page.")),
    ("title", _("Public title in the requested language (lang), or in another language if there is none.")),
    ("title_language", _("The language title is written in.")),
    ("title_kk, title_ru, title_en", _("Public title in Kazakh, Russian and English (English may be empty).")),
    ("summary", _("Public summary in the requested language (lang), or in another language if there is none.")),
    ("summary_kk, summary_ru, summary_en", _("Public summary in Kazakh, Russian and English (English may be empty).")),
    ("published_at", _("When the idea was published.")),
    ("outcome", _("accepted, partially_accepted or not_accepted once the decision is announced; null before.")),
    ("reason", _("For not_accepted, the coded reason; null otherwise.")),
    ("response", _(
        "The Working Group's response in the requested language, once announced; null before. response_kk, "
        "response_ru and response_en give each language."
    )),
    ("decision_announced_at", _("When the Working Group's decision on the idea was announced, or null.")),
    ("submissions", _(
        "How many submissions proposed it: every submission being answered, published or not (an unpublished one is "
        "counted, never shown)."
    )),
    ("by_kind", _("Submissions by submitter kind: citizen, party, ngo, business, expert.")),
    ("by_region", _("Submissions by region code (those with a region).")),
    ("by_party", _("Submissions by party code (those from a political party).")),
    ("members", _(
        "Its submissions published in the register: a list of objects with the proposal's tracking_code and the "
        "point's number."
    )),
]


def idea_record(idea, language, base_url=""):
    """One public idea as open data: its decision only once released, its members' codes only if published."""
    released = idea.public_outcome
    counts = idea.counts
    return {
        "id": idea.pk,
        "url": base_url + reverse("idea_detail", args=[idea.pk]),
        "title": in_language(idea, "title", language),
        "title_language": language_of(idea, "title", language),
        "title_kk": idea.title_kk, "title_ru": idea.title_ru, "title_en": idea.title_en,
        "summary": in_language(idea, "summary", language),
        "summary_kk": idea.summary_kk, "summary_ru": idea.summary_ru, "summary_en": idea.summary_en,
        "published_at": idea.published_at.isoformat(),
        "outcome": released.value if released else None,
        "reason": (idea.outcome_reason or None) if released else None,
        "response": in_language(idea, "response", language) if released else None,
        **{f"response_{code}": getattr(idea, f"response_{code}") if released else None for code in ("kk", "ru", "en")},
        "decision_announced_at": idea.released_at.isoformat() if released else None,
        "submissions": counts["total"],
        "by_kind": counts["by_kind"],
        "by_region": counts["by_region"],
        "by_party": counts["by_party"],
        "members": [{"tracking_code": code, "number": number} for code, number in idea.members],
    }


@require_GET
@public(language=_language, address=_address(PARAMETERS))
def ideas_json(request):
    language = _language(request)
    cursor = request.GET.get("cursor")
    if not public_ideas.api_cursor_is_valid(cursor):
        with translation.override(language):
            return _json({"errors": {"cursor": [str(selectors.INVALID_CURSOR)]}}, language, status=400)
    with translation.override(language):
        page = public_ideas.api_page(cursor, _per_page(request))
        results = [idea_record(idea, language, settings.PARLREFORM_SITE_URL) for idea in page.items]
    count = Idea.objects.public().count()
    return json_page(request, language, {"value": count, "more": False}, page, results)
