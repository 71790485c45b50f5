"""Open data on points: every point of the published proposals the register's filters select, JSON (paginated) and
CSV (streamed), with its proposal's code, submitter kind, party and public title."""
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from proposals.api.views import (
    CSV_PARAMETERS,
    JSON_PARAMETERS,
    _address,
    _checked,
    _json,
    _language,
    _per_page,
    csv_download,
    csv_refusal,
    json_page,
    point_fields,
)
from proposals.core import public_points
from proposals.core.infra.http_cache import public
from proposals.core.models import in_language
from proposals.core.models.reference import language_of

FIELDS = [
    "tracking_code", "url", "proposal_title", "proposal_title_language", "submitter_kind", "party", "number",
    "summary", "topic", "articles", "outcome", "reason", "response", "idea",
]
FIELD_DOCS = [
    ("tracking_code", _("The code of the proposal the point belongs to.")),
    ("url", _("Address of the point on its proposal's page.")),
    ("proposal_title", _("The proposal's public title in the requested language (lang), or in another if none.")),
    ("proposal_title_language", _("The language proposal_title is written in.")),
    ("submitter_kind", _("citizen, party, ngo, business or expert.")),
    ("party", _("Party code, for proposals from a political party.")),
    ("number", _("The point's number within its proposal (1, 2, …).")),
    ("summary", _("The point's public summary in the requested language (lang), or in another if none.")),
    ("topic", _("The point's topic code.")),
    ("articles", _(
        "Articles of the Constitution the point concerns, with what it would do to each (in JSON a list of objects "
        "with number and change; in CSV “50: amend, 51: concerns”)."
    )),
    ("outcome", _("accepted, partially_accepted or not_accepted once the decision is announced; null before.")),
    ("reason", _("For not_accepted, the coded reason; null otherwise.")),
    ("response", _("The Working Group's response to the point in the requested language, once announced.")),
    ("idea", _("The number of the published idea the point belongs to (see /api/ideas.json), or null.")),
]


def point_record(point, language, base_url=""):
    """One public point as open data, with what identifies its proposal: no personal data, never its text."""
    proposal = point.proposal
    return {
        "tracking_code": proposal.tracking_code,
        "url": f"{base_url}{reverse('proposal_detail', args=[proposal.tracking_code])}#point-{point.number}",
        "proposal_title": in_language(proposal, "title", language),
        "proposal_title_language": language_of(proposal, "title", language),
        "submitter_kind": proposal.submitter_kind,
        "party": proposal.party.slug if proposal.party_id else None,
        **point_fields(point, language),
    }


@require_GET
@public(language=_language, address=_address(JSON_PARAMETERS))
def points_json(request):
    language = _language(request)
    filterset, errors = _checked(request, language, public_points.points_errors)
    if errors:
        return _json({"errors": errors}, language, status=400)
    with translation.override(language):
        page = public_points.points_page(filterset, request.GET.get("cursor"), _per_page(request))
        results = [point_record(point, language, settings.PARLREFORM_SITE_URL) for point in page.items]
    return json_page(request, language, public_points.points_count(filterset), page, results)


@require_GET
@public(language=_language, address=_address(CSV_PARAMETERS))
def points_csv(request):
    language = _language(request)
    filterset, errors = _checked(request, language, public_points.points_errors)
    refusal = csv_refusal(request, language, errors)
    if refusal is not None:
        return refusal

    def rows():
        with translation.override(language):
            for point in public_points.points_all(filterset):
                item = point_record(point, language, settings.PARLREFORM_SITE_URL)
                item["articles"] = ", ".join(f"{a['number']}: {a['change']}" for a in item["articles"])
                yield [item[field] for field in FIELDS]

    return csv_download(FIELDS, rows(), language, "parlreform-points.csv")
