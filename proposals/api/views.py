"""Open data: the published register as JSON (paginated) and CSV (streamed), with the register's filters."""
import time

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from proposals.core import public_points, selectors
from proposals.core.infra import ratelimit
from proposals.core.infra.http_cache import public
from proposals.core.infra.pagination import with_cursor
from proposals.core.infra.spreadsheet import stream_csv
from proposals.core.models import Language, in_language
from proposals.core.models.reference import language_of

FIELDS = [
    "tracking_code", "url", "title", "title_language", "title_kk", "title_ru", "title_en", "original_title",
    "summary", "summary_kk", "summary_ru", "summary_en", "original_language",
    "category", "category_name", "submitter_kind", "submitter", "party", "region", "region_name", "articles",
    "article_changes", "status", "received_at", "published_at", "decision_announced_at", "response",
    "points", "accepted_points",
]
MAX_PER_PAGE = 100
# What each answer reads besides the register's filters (the CSV has no pages).
JSON_PARAMETERS = ("lang", "per_page", "cursor")
CSV_PARAMETERS = ("lang",)
CSV_RATE_MESSAGE = _("Too many downloads of the whole CSV from your connection. Please try again later.")
FIELD_DOCS = [
    ("tracking_code", _("The proposal's public code, e.g. 7K3-M9X-Q2H.")),
    ("url", _("Address of the proposal's page in the register.")),
    ("title", _("Public title in the requested language (lang), or in another language if there is none.")),
    ("title_language", _("The language title is written in: differs from lang when it is a fallback.")),
    ("title_kk", _("Public title in Kazakh.")),
    ("title_ru", _("Public title in Russian.")),
    ("title_en", _("Public title in English (may be empty).")),
    ("original_title", _("The title as the submitter wrote it, in the language of the original text.")),
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
    ("article_changes", _(
        "What the proposal would do to each article: amend, add, repeal or concerns (in JSON a list of objects with "
        "article and change; in CSV “50: amend, 51: concerns”)."
    )),
    ("status", _("in_review, with_working_group, accepted, partially_accepted, not_accepted or out_of_scope.")),
    ("received_at", _("When the proposal was received (ISO 8601, with time zone).")),
    ("published_at", _("When it was published in the register.")),
    ("decision_announced_at", _("When the Working Group's decision was announced, or null.")),
    ("response", _("The Working Group's response in the requested language, once announced.")),
    ("points", _(
        "The proposal's numbered points (a single proposal has one, the proposal itself). In JSON a list of objects: "
        "number, summary (in lang), topic, articles (a list of objects with number and change), and outcome "
        "(accepted, partially_accepted or not_accepted), reason (for not_accepted) and response (in lang), which are "
        "null until the decision is announced, and idea (the number of the published idea it belongs to, or null). "
        "In CSV, how many points it has."
    )),
    ("accepted_points", _("In CSV: how many of its points were accepted, once the decision is announced.")),
]



def _with_caps(message):
    """``message`` with the register's count caps, written as numbers are in the language active when it is shown."""
    def text():
        caps = {"cap": selectors.COUNT_CAP, "search_cap": selectors.SEARCH_COUNT_CAP}
        return message % {name: number_format(value, force_grouping=True) for name, value in caps.items()}

    return lazy(text, str)()


# The JSON answer around the records (the open-data page shows it above FIELD_DOCS).
ANSWER_DOCS = [
    ("count", _with_caps(_(
        "How many proposals match, counted up to %(cap)s (up to %(search_cap)s when searching with q): counting "
        "every match of a broad query would read them all."
    ))),
    ("count_is_exact", _("true if count is the exact number; false if more proposals match than count says.")),
    ("next", _("Address of the next page, or null.")),
    ("previous", _("Address of the previous page, or null.")),
    ("results", _("The proposals of this page, with the fields below.")),
    ("errors", _(
        "Empty in an answer with results. An invalid parameter is answered with status 400 and errors only: each "
        "invalid parameter with its messages, in the language lang asks for."
    )),
]


def record(proposal, language, base_url="", points=True):
    """One published proposal as open data: stable field names, ISO dates, no personal data.

    ``base_url`` is the configured site address (PARLREFORM_SITE_URL), never the request's Host header: a
    shared cache would otherwise keep another host's links for everyone (the ETag does not vary by host).
    """
    # One pass over the prefetched links: each .all() builds a manager and a queryset before it finds the cache.
    links = [(link.article.number, link.change) for link in proposal.article_links.all()]
    return {
        "tracking_code": proposal.tracking_code,
        "url": base_url + reverse("proposal_detail", args=[proposal.tracking_code]),
        "title": in_language(proposal, "title", language),
        "title_language": language_of(proposal, "title", language),
        "title_kk": proposal.title_kk,
        "title_ru": proposal.title_ru,
        "title_en": proposal.title_en,
        "original_title": proposal.title,
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
        "articles": [number for number, _change in links],
        "article_changes": [{"article": number, "change": change} for number, change in links],
        "status": proposal.public_state.value,
        "received_at": proposal.received_at.isoformat(),
        "published_at": proposal.published_at.isoformat() if proposal.published_at else None,
        "decision_announced_at": proposal.decision_released_at.isoformat() if proposal.decision_released_at else None,
        "response": in_language(proposal, "response", language) if proposal.decision_released_at else "",
        # Read from nested_points_prefetch() (the CSV counts them instead: points=False).
        **({"points": [point_fields(point, language) for point in proposal.points.all()]} if points else {}),
    }


def point_fields(point, language):
    """A public point's own fields as open data (its ``proposal`` set): outcome, reason and response null until the
    decision is released; never its text."""
    outcome = point.public_outcome
    return {
        "number": point.number,
        "summary": in_language(point, "summary", language),
        "topic": point.category.slug if point.category_id else None,
        "articles": [{"number": link.article.number, "change": link.change} for link in point.article_links.all()],
        "outcome": outcome.value if outcome else None,
        "reason": (point.outcome_reason or None) if outcome else None,
        "response": in_language(point, "response", language) if outcome else None,
        # Annotated by the public reads of points (public_points): the public idea's id, else null.
        "idea": getattr(point, "public_idea", None),
    }


def _language(request):
    value = request.GET.get("lang", "")
    return value if value in Language.values else "en"


def _address(names):
    """What names an answer besides the data and the language: its path and the parameters it reads, so that a
    parameter the API does not read (junk added to a URL) changes neither the ETag nor a 304."""
    return lambda request: f"{request.path}?{selectors.recognised(request.GET, names).urlencode()}"


def _checked(request, language, check=selectors.register_errors):
    """(the validated filter set, None), or (None, {parameter: [messages]} in ``language``) if any is invalid.

    ``check(params, filterset)``: the errors of the answer's parameters (the register's, or the points' cursors).
    """
    filterset = selectors.register_filter(request.GET)
    with translation.override(language):
        errors = check(request.GET, filterset)
    return (None, errors) if errors else (filterset, None)


def _text(message, status, language):
    response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    response["Content-Language"] = language
    return response


def _per_page(request):
    try:
        return min(max(int(request.GET.get("per_page", 50)), 1), MAX_PER_PAGE)
    except ValueError:
        return 50


@require_GET
@public(language=_language, address=_address(JSON_PARAMETERS))
def proposals_json(request):
    language = _language(request)
    filterset, errors = _checked(request, language)
    if errors:
        return _json({"errors": errors}, language, status=400)
    with translation.override(language):
        result = selectors.register(request.GET, per_page=_per_page(request), filterset=filterset)
        prefetch_related_objects(
            result["page"].items, selectors.article_links_prefetch(), public_points.nested_points_prefetch()
        )
        results = [record(proposal, language, settings.PARLREFORM_SITE_URL) for proposal in result["page"].items]
    # The register's capped count (counting every match of a broad query reads them all).
    return json_page(request, language, result["count"], result["page"], results)


def _json(data, language, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Content-Language"] = language
    return response


def json_page(request, language, count, page, results):
    """One page of open data as JSON: the capped ``count``, links to the next and previous ``page``, ``results``."""
    return _json({
        "count": count["value"],
        "count_is_exact": not count["more"],
        "next": _page_link(request, page.next_cursor),
        "previous": _page_link(request, page.previous_cursor),
        "errors": {},
        "results": results,
    }, language)


def csv_refusal(request, language, errors):
    """The answer to a CSV download that cannot be served (invalid parameters, or the client's download rate used
    up), else None. Both CSVs share the rate's counter: each is a whole-register download, the heaviest public
    answer. Conditional requests answered 304 (public()) never reach this."""
    if errors:
        lines = [f"{name}: {message}" for name, messages in errors.items() for message in messages]
        return _text("\n".join(lines) + "\n", 400, language)
    if not ratelimit.hit("csv", request, settings.PARLREFORM_CSV_RATE):
        with translation.override(language):
            response = _text(str(CSV_RATE_MESSAGE), 429, language)
        response["Retry-After"] = str(_retry_after())
        return response
    return None


def csv_download(fields, rows, language, filename):
    """``rows`` streamed as a CSV file named ``filename`` (formulas neutralised by stream_csv)."""
    response = StreamingHttpResponse(stream_csv(fields, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Language"] = language
    return response


def _page_link(request, cursor):
    if cursor is None:
        return None
    params = selectors.recognised(request.GET, JSON_PARAMETERS)
    return f"{settings.PARLREFORM_SITE_URL}{request.path}?{with_cursor(params, cursor)}"


def _retry_after():
    """Seconds until every window of the CSV rate has started again (windows are fixed: each ends at a multiple of
    its length); more than needed when a shorter window is used up and a longer one is not."""
    now = int(time.time())
    return max((seconds - now % seconds for _count, seconds in ratelimit.parse_rates(settings.PARLREFORM_CSV_RATE)),
               default=60)


@require_GET
@public(language=_language, address=_address(CSV_PARAMETERS))
def proposals_csv(request):
    language = _language(request)
    filterset, errors = _checked(request, language)
    refusal = csv_refusal(request, language, errors)
    if refusal is not None:
        return refusal

    def records():
        with translation.override(language):
            for proposal in selectors.register_all(request.GET, filterset=filterset, with_points=True):
                item = record(proposal, language, settings.PARLREFORM_SITE_URL, points=False)
                item["points"], item["accepted_points"] = proposal.point_total, proposal.point_accepted
                item["articles"] = ", ".join(item["articles"])
                item["article_changes"] = ", ".join(f"{c['article']}: {c['change']}" for c in item["article_changes"])
                yield [item[field] for field in FIELDS]

    return csv_download(FIELDS, records(), language, "parlreform-proposals.csv")
