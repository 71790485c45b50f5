"""Staff CSV export of proposals: UTF-8 with BOM for spreadsheets, formula-safe cells, no contact details."""
from django.http import StreamingHttpResponse
from django.utils import timezone

from proposals.core.infra.spreadsheet import stream_csv
from proposals.core.selectors import article_links_prefetch

COLUMNS = [
    ("tracking_code", lambda p: p.tracking_code),
    ("received_at", lambda p: timezone.localtime(p.received_at).isoformat()),
    ("channel", lambda p: p.channel),
    ("external_ref", lambda p: p.external_ref),
    ("state", lambda p: p.state),
    ("submitter_kind", lambda p: p.submitter_kind),
    # Contact details never leave the system; a citizen's name only with consent.
    ("submitter", lambda p: str(p.public_submitter)),
    ("organisation", lambda p: p.organisation),
    ("party", lambda p: p.party.slug if p.party_id else ""),
    ("region", lambda p: p.region.slug if p.region_id else ""),
    ("category", lambda p: p.category.slug if p.category_id else ""),
    ("language", lambda p: p.language),
    ("title", lambda p: p.title),
    ("articles", lambda p: ", ".join(f"{link.article.number}: {link.change}" for link in p.article_links.all())),
    ("articles_to_check", lambda p: p.articles),
    ("assignee", lambda p: p.assignee.get_username() if p.assignee_id else ""),
    ("acknowledge_due", lambda p: p.acknowledge_due.isoformat() if p.acknowledge_due else ""),
    ("decision_due", lambda p: p.decision_due.isoformat() if p.decision_due else ""),
    ("published_at", lambda p: p.published_at.isoformat() if p.published_at else ""),
    ("decision_released_at", lambda p: p.decision_released_at.isoformat() if p.decision_released_at else ""),
    ("summary_kk", lambda p: p.summary_kk),
    ("summary_ru", lambda p: p.summary_ru),
]


def rows(queryset):
    proposals = queryset.select_related("party", "region", "category", "assignee").order_by("-received_at", "-id")
    proposals = proposals.prefetch_related(article_links_prefetch())
    for proposal in proposals.iterator(chunk_size=2000):
        yield [value(proposal) for _name, value in COLUMNS]


def csv_response(queryset):
    header = [name for name, _value in COLUMNS]
    response = StreamingHttpResponse(stream_csv(header, rows(queryset)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="proposals-{timezone.localdate():%Y-%m-%d}.csv"'
    return response
