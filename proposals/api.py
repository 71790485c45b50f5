"""Open data: the published register as JSON (paginated) and CSV (streamed), with the register's filters."""
import hashlib

from django.conf import settings
from django.http import JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import condition, require_GET

from proposals import selectors
from proposals.models import Language, in_language
from proposals.pagination import with_cursor
from proposals.spreadsheet import stream_csv

FIELDS = [
    "tracking_code", "url", "title", "summary", "summary_kk", "summary_ru", "summary_en", "original_language",
    "category", "category_name", "submitter_kind", "submitter", "party", "region", "region_name", "articles",
    "status", "received_at", "published_at", "decision_announced_at", "response",
]
MAX_PER_PAGE = 100
FIELD_DOCS = [
    ("tracking_code", _("The proposal's public code, e.g. 7K3-M9X-Q2H.")),
    ("url", _("Address of the proposal's page in the register.")),
    ("title", _("Title, in the language the proposal was written in.")),
    ("summary", _("Public summary in the requested language (lang), or in another language if there is none.")),
    ("summary_kk", _("Public summary in Kazakh.")),
    ("summary_ru", _("Public summary in Russian.")),
    ("summary_en", _("Public summary in English (may be empty).")),
    ("original_language", _("Language of the original text: kk, ru or en.")),
    ("category", _("Topic code (see the topic filter of the register).")),
    ("category_name", _("Topic name in the requested language.")),
    ("submitter_kind", _("citizen, party, ngo, business or expert.")),
    ("submitter", _("Who proposed it: the organisation or party; a citizen by region unless they agreed to be named.")),
    ("party", _("Party code, for proposals from a political party.")),
    ("region", _("Region code.")),
    ("region_name", _("Region name in the requested language.")),
    ("articles", _("Articles of the Constitution concerned (a list in JSON, comma-separated in CSV).")),
    ("status", _("in_review, with_working_group, accepted, partially_accepted, not_accepted or out_of_scope.")),
    ("received_at", _("When the proposal was received (ISO 8601, with time zone).")),
    ("published_at", _("When it was published in the register.")),
    ("decision_announced_at", _("When the Working Group's decision was announced, or null.")),
    ("response", _("The Working Group's response in the requested language, once announced.")),
]


def record(proposal, language, base_url=""):
    """One published proposal as open data: stable field names, ISO dates, no personal data.

    ``base_url`` is the configured site address (PARLREFORM_SITE_URL), never the request's Host header: a
    shared cache would otherwise keep another host's links for everyone (the ETag does not vary by host).
    """
    return {
        "tracking_code": proposal.tracking_code,
        "url": base_url + reverse("proposal_detail", args=[proposal.tracking_code]),
        "title": proposal.title,
        "summary": in_language(proposal, "summary", language),
        "summary_kk": proposal.summary_kk,
        "summary_ru": proposal.summary_ru,
        "summary_en": proposal.summary_en,
        "original_language": proposal.language,
        "category": proposal.category.slug if proposal.category_id else None,
        "category_name": proposal.category.name if proposal.category_id else None,
        "submitter_kind": proposal.submitter_kind,
        "submitter": str(proposal.public_submitter),
        "party": proposal.party.slug if proposal.party_id else None,
        "region": proposal.region.slug if proposal.region_id else None,
        "region_name": proposal.region.name if proposal.region_id else None,
        "articles": [part.strip() for part in proposal.articles.split(",") if part.strip()],
        "status": proposal.public_state.value,
        "received_at": proposal.received_at.isoformat(),
        "published_at": proposal.published_at.isoformat() if proposal.published_at else None,
        "decision_announced_at": proposal.decision_released_at.isoformat() if proposal.decision_released_at else None,
        "response": in_language(proposal, "response", language) if proposal.decision_released_at else "",
    }


def _language(request):
    value = request.GET.get("lang", "")
    return value if value in Language.values else "en"


def _etag(request):
    # Unchanged public data and the same query give the same ETag, so clients get 304 instead of the data again.
    raw = f"{selectors.public_version()}|{request.get_full_path()}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


@require_GET
@condition(etag_func=lambda request: _etag(request))
def proposals_json(request):
    language = _language(request)
    try:
        per_page = min(max(int(request.GET.get("per_page", 50)), 1), MAX_PER_PAGE)
    except ValueError:
        per_page = 50
    with translation.override(language):
        # The API gives the exact count below, not the register's capped one.
        result = selectors.register(request.GET, per_page=per_page, with_count=False)
        results = [record(proposal, language, settings.PARLREFORM_SITE_URL) for proposal in result["page"].items]
    page = result["page"]
    return JsonResponse(
        {
            "count": selectors.exact_count(result["queryset"], request.GET),
            "next": _page_link(request, page.next_cursor),
            "previous": _page_link(request, page.previous_cursor),
            "errors": {name: [str(e) for e in errors] for name, errors in result["filter"].errors.items()},
            "results": results,
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _page_link(request, cursor):
    if cursor is None:
        return None
    return f"{settings.PARLREFORM_SITE_URL}{request.path}?{with_cursor(request.GET, cursor)}"


@require_GET
@condition(etag_func=lambda request: _etag(request))
def proposals_csv(request):
    language = _language(request)

    def records():
        with translation.override(language):
            for proposal in selectors.register_all(request.GET):
                item = record(proposal, language, settings.PARLREFORM_SITE_URL)
                item["articles"] = ", ".join(item["articles"])
                yield [item[field] for field in FIELDS]

    response = StreamingHttpResponse(stream_csv(FIELDS, records()), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="parlreform-proposals.csv"'
    return response
