"""The proposal page's articles panel: each linked article with its text, to read beside the proposal."""
from django import template

from proposals.core.models import ProposalArticle

register = template.Library()


@register.simple_tag
def linked_articles(proposal):
    """The links of ``proposal`` with their articles' texts and sections, in the Constitution's order (one query)."""
    if proposal is None or proposal.pk is None:
        return []
    return list(
        ProposalArticle.objects.filter(proposal=proposal).select_related("article__section")
        .order_by("article__main", "article__sub")
    )
