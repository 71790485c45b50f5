"""Which articles of the Constitution a proposal would change: every change of its links, with its event."""
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from proposals.core import workflow
from proposals.core.articles import MAX_ARTICLES, parse, resolve, split_free_text
from proposals.core.models import Article, ArticleChange, ProposalArticle
from proposals.core.services.base import WorkflowError, check_actor, lock, record_event
from proposals.core.workflow import Action


def links_from_text(text, changes=None):
    """([(Article, change)], unmatched rest) for free text such as "49, 50-1". One query.

    ``changes`` maps a number to its change (default "concerns"); a number it names that the text does not is
    linked too (an article staff found the proposal concerns), if it names an article.
    """
    changes = changes or {}
    parsed, _leftovers = parse(text)
    found = resolve([*parsed, *changes])
    known, rest = split_free_text(text, found)
    known += [number for number in changes if number in found and number not in known]
    return [(found[number], changes.get(number, ArticleChange.CONCERNS)) for number in known], rest


def create_links(point, links):
    """The first links of a proposal's point being registered (the submission's event records it): no check, no
    event."""
    ProposalArticle.objects.bulk_create(
        [ProposalArticle(proposal_id=point.proposal_id, point=point, article=article, change=change)
         for article, change in links],
        ignore_conflicts=True,
    )


def proposal_articles_set(*, proposal, actor, links, point=None, at=None):
    """Make ``links`` ([(Article, change)]) the articles ``point`` of ``proposal`` concerns (default: its only
    point); an empty list: no specific article.

    Locks the row, checks that ``actor`` may change the proposal's articles now (the rule of the "articles" field in
    workflow.EDITABLE_FIELDS: analysts before publication, the publish permission after), replaces the links and
    writes ONE ``edit`` event (staff-only) listing the links before and after; the public reads the links of a
    published proposal at once. Nothing changed: no event. Raises WorkflowError for a missing permission
    ("permission"), an unknown change or a repeated article ("invalid"), too many articles ("too_many"), no point
    named for a proposal of several points ("several_points"), or an article another point of the proposal already
    names ("linked_elsewhere": a proposal names an article once). Returns the new links as [(article number, change)].
    """
    wanted = {}
    for article, change in links:
        if change not in ArticleChange.values or not isinstance(article, Article) or article.pk is None:
            raise WorkflowError(_("Choose an article and what the proposal would do to it."), "invalid")
        if article.pk in wanted:
            raise WorkflowError(
                _("Article %(number)s is listed twice.") % {"number": article.number}, "invalid"
            )
        wanted[article.pk] = (article, change)
    if len(wanted) > MAX_ARTICLES:
        raise WorkflowError(_("Name at most 30 articles."), "too_many")
    with transaction.atomic():
        locked = lock(proposal)
        needed = workflow.edit_permissions(
            "articles", published=locked.published_at is not None, released=locked.decision_released_at is not None
        )
        for permission in sorted(needed):
            check_actor(actor, permission)
        point = _only_point(locked) if point is None else locked.points.get(pk=point.pk)
        current = {
            link.article_id: link for link in ProposalArticle.objects.filter(point=point).select_related("article")
        }
        elsewhere = ProposalArticle.objects.filter(proposal=locked, article_id__in=list(wanted)).exclude(point=point)
        taken = elsewhere.select_related("point", "article").first()
        if taken is not None:
            raise WorkflowError(
                _("Article %(number)s is already linked to point %(point)s.")
                % {"number": taken.article.number, "point": taken.point.number}, "linked_elsewhere",
            )
        before = _described((link.article, link.change) for link in current.values())
        after = _described(wanted.values())
        if before == after:
            return _numbers(wanted.values())
        ProposalArticle.objects.filter(point=point).exclude(article_id__in=list(wanted)).delete()
        for pk, (article, change) in wanted.items():
            link = current.get(pk)
            if link is None:
                ProposalArticle.objects.create(proposal=locked, point=point, article=article, change=change)
            elif link.change != change:
                link.change = change
                link.save(update_fields=["change"])
        # Saving the proposal renews updated_at and, for a published one, the public figures' version.
        locked.save(update_fields=["updated_at"])
        named = f"point {point.number} " if locked.points.count() > 1 else ""
        record_event(locked, Action.EDIT, actor, locked.state, locked.state,
                     note=f"{named}article links: {before or '—'} → {after or '—'}", at=at)
    return _numbers(wanted.values())


def _only_point(proposal):
    """The point the proposal's links belong to: its only one (a split proposal's links are set per point)."""
    points = list(proposal.points.all()[:2])
    if len(points) != 1:
        raise WorkflowError(_("This proposal has several points: set the articles of each point."), "several_points")
    return points[0]


def _described(links):
    return ", ".join(f"{number} ({change})" for number, change in _numbers(links))


def _numbers(links):
    ordered = sorted(links, key=lambda item: (item[0].main, item[0].sub))
    return [(article.number, str(change)) for article, change in ordered]
