"""Open data on the Constitution's articles: each article, its section and its counts over published proposals."""
from django.conf import settings
from django.http import JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from proposals.api.views import _language
from proposals.core import constitution
from proposals.core.infra.http_cache import public
from proposals.core.infra.spreadsheet import stream_csv
from proposals.core.models import in_language

FIELDS = [
    "number", "url", "section", "section_name", "in_force", "edition", "text", "proposals", "citizen", "party",
    "ngo", "business", "expert", "accepted", "partially_accepted",
]


def record(article, language):
    """One article as open data; counts are of published proposals only, as the register counts them."""
    counts = article.counts
    return {
        "number": article.number,
        "url": settings.PARLREFORM_SITE_URL + reverse("constitution_article", args=[article.number]),
        "section": article.section.number,
        "section_name": in_language(article.section, "name", language),
        "in_force": article.in_force,
        "edition": article.edition,
        "text": in_language(article, "text", language),
        "proposals": counts["total"],
        **{kind: counts[kind] for kind in constitution.KINDS},
        "accepted": counts["accepted"],
        "partially_accepted": counts["partially_accepted"],
    }


@require_GET
@public(language=_language, address=lambda request: request.path)
def articles_json(request):
    language = _language(request)
    with translation.override(language):
        results = [record(article, language) for article in constitution.open_data()]
    response = JsonResponse({"count": len(results), "results": results}, json_dumps_params={"ensure_ascii": False})
    response["Content-Language"] = language
    return response


@require_GET
@public(language=_language, address=lambda request: request.path)
def articles_csv(request):
    language = _language(request)
    with translation.override(language):
        rows = [[record(article, language)[field] for field in FIELDS] for article in constitution.open_data()]
    response = StreamingHttpResponse(stream_csv(FIELDS, iter(rows)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="parlreform-articles.csv"'
    response["Content-Language"] = language
    return response
