"""Staff split a package into points, join and edit them, and record each point's outcome: one event per change."""
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from proposals.core import workflow
from proposals.core.models import Point, PointOutcome, ProposalArticle
from proposals.core.services.base import WorkflowError, check_actor, lock, record_event
from proposals.core.services.idea_keys import point_keys_write
from proposals.core.services.locks import ensure_not_locked
from proposals.core.services.points import FOLLOWS, single_point_follow
from proposals.core.workflow import DECIDED_STATES, Action, NotAcceptedReason, State

# A package of a few hundred points is the most any party sent; the desk and the public page are built for it.
MAX_POINTS = 300
MAX_POINT_TEXT = 20_000
# The fields of a point staff write on the desk, and the rule of the proposal's field each one follows.
POINT_FIELDS = {
    "text": "category", "category": "category",
    "summary_kk": "summary_kk", "summary_ru": "summary_ru", "summary_en": "summary_en",
}
# Renumbering moves points out of the way first: no number in use is ever this high (MAX_POINTS).
_ASIDE = 10_000


def _locked_for_points(proposal, actor, at, fields=("category",)):
    """The locked proposal, once ``actor`` may change its points now: not while a decision is recorded (reconsider
    it first), with the permissions the proposal's own ``fields`` need (workflow.EDITABLE_FIELDS), and not while a
    colleague has the proposal checked out."""
    locked = lock(proposal)
    ensure_not_locked(locked, actor, at)
    if locked.state in DECIDED_STATES:
        raise WorkflowError(
            _("The decision is recorded: reconsider it before changing the points."), "decided"
        )
    published, released = locked.published_at is not None, locked.decision_released_at is not None
    for permission in sorted(set().union(*(
        workflow.edit_permissions(field, published=published, released=released) for field in fields
    ))):
        check_actor(actor, permission)
    return locked


def _changed(locked, action, actor, note, at):
    """The proposal's side of a change of its points: saved (its updated_at, and for a published proposal the
    public data version, so cached pages show the points anew) and the one event."""
    locked.save(update_fields=["updated_at"])
    record_event(locked, action, actor, locked.state, locked.state, note=note, at=at)


def _clean_texts(texts):
    texts = [(text or "").strip() for text in texts]
    if any(not text for text in texts):
        raise WorkflowError(_("A point needs its text."), "text_required")
    if any(len(text) > MAX_POINT_TEXT for text in texts):
        raise WorkflowError(
            _("A point's text is at most %(count)s characters.") % {"count": f"{MAX_POINT_TEXT:,}"}, "too_long"
        )
    return texts


def _shift(proposal, after, by):
    """Move the points numbered above ``after`` by ``by`` (either way) without ever holding a number twice."""
    later = Point.objects.filter(proposal=proposal, number__gt=after)
    later.update(number=F("number") + _ASIDE)
    Point.objects.filter(proposal=proposal, number__gt=_ASIDE).update(number=F("number") - _ASIDE + by)


def point_split(*, point, actor, texts, at=None):
    """Split ``point`` into ``len(texts)`` points: it keeps its number, topic, summaries and articles with the first
    text; the others follow it, numbered in order, with its topic; the points after them move down.

    Staff split a package's point 1 (the whole submission) into the suggested items this way. Any outcome of the
    point is cleared. Writes ONE event (``split_points``, staff-only). Raises WorkflowError for fewer than two texts
    ("too_few"), an empty or too long text, more than MAX_POINTS points in all ("too_many"), a recorded decision
    ("decided"), a missing permission or a colleague's edit lock. Returns the new points in order.
    """
    texts = _clean_texts(texts)
    if len(texts) < 2:
        raise WorkflowError(_("Split a point into at least two."), "too_few")
    with transaction.atomic():
        locked = _locked_for_points(point.proposal, actor, at)
        point = Point.objects.select_for_update().get(pk=point.pk, proposal=locked)
        if locked.points.count() + len(texts) - 1 > MAX_POINTS:
            raise WorkflowError(
                _("A proposal has at most %(count)s points.") % {"count": MAX_POINTS}, "too_many"
            )
        _shift(locked, point.number, len(texts) - 1)
        point.text, point.outcome, point.outcome_reason = texts[0], "", ""
        point.save(update_fields=["text", "outcome", "outcome_reason", "updated_at"])
        created = Point.objects.bulk_create([
            Point(proposal=locked, number=point.number + offset, text=text, category_id=point.category_id)
            for offset, text in enumerate(texts[1:], start=1)
        ])
        point_keys_write(_with_proposal([point, *created], locked))
        last = point.number + len(texts) - 1
        note = f"point {point.number} → points {point.number}–{last}"
        _changed(locked, Action.SPLIT_POINTS, actor, note, at)
    return [point, *created]


def points_join(*, proposal, actor, numbers, at=None):
    """Join the points ``numbers`` (two or more) into the first of them: their texts one after another, the articles
    of all (the first's change where two name one article), the first's topic and summaries (else the next one's);
    the others go and the points after them move up.

    A proposal left with one point reads as the proposal again (its topic, summaries and response). Any outcome of
    the joined point is cleared. Writes ONE event (``join_points``, staff-only). Raises WorkflowError for fewer than
    two existing numbers ("too_few"), a recorded decision, a missing permission or a colleague's edit lock.
    Returns the joined point.
    """
    numbers = sorted(set(numbers))
    with transaction.atomic():
        locked = _locked_for_points(proposal, actor, at)
        points = list(Point.objects.select_for_update().filter(proposal=locked, number__in=numbers).order_by("number"))
        if len(points) < 2 or len(points) != len(numbers):
            raise WorkflowError(_("Choose at least two points to join."), "too_few")
        kept, joined = points[0], points[1:]
        kept.text = "\n\n".join(point.text or locked.text for point in points)
        for name in ("category_id", "summary_kk", "summary_ru", "summary_en"):
            if not getattr(kept, name):
                setattr(kept, name, next((getattr(p, name) for p in joined if getattr(p, name)), getattr(kept, name)))
        kept.outcome = kept.outcome_reason = ""
        kept.save()
        named = set(ProposalArticle.objects.filter(point=kept).values_list("article_id", flat=True))
        for link in ProposalArticle.objects.filter(point__in=joined).order_by("point__number", "pk"):
            if link.article_id in named:
                continue
            named.add(link.article_id)
            ProposalArticle.objects.filter(pk=link.pk).update(point=kept)
        ProposalArticle.objects.filter(point__in=joined).delete()
        for point in reversed(joined):
            number = point.number
            point.delete()
            _shift(locked, number, -1)
        kept.refresh_from_db()
        if locked.points.count() == 1:
            single_point_follow(locked, FOLLOWS)
            kept.refresh_from_db()
        point_keys_write(_with_proposal([kept], locked))
        note = "points {} → point {}".format(", ".join(str(n) for n in numbers), kept.number)
        _changed(locked, Action.JOIN_POINTS, actor, note, at)
    return kept


def point_add(*, proposal, actor, text, category=None, at=None):
    """Add a point after the last one with ``text`` and ``category`` (default: the proposal's topic). Writes ONE
    event (``edit_points``). Raises WorkflowError as point_split does. Returns the new point."""
    (text,) = _clean_texts([text])
    with transaction.atomic():
        locked = _locked_for_points(proposal, actor, at)
        count = locked.points.count()
        if count >= MAX_POINTS:
            raise WorkflowError(
                _("A proposal has at most %(count)s points.") % {"count": MAX_POINTS}, "too_many"
            )
        first = locked.points.order_by("number").first()
        if count == 1 and not first.text:
            # The whole submission was point 1: it becomes an explicit excerpt, so the new point is not inside it.
            first.text = locked.text
            first.save(update_fields=["text", "updated_at"])
        point = Point.objects.create(
            proposal=locked, number=count + 1, text=text,
            category=category if category is not None else locked.category,
        )
        point_keys_write(_with_proposal([first, point], locked))
        _changed(locked, Action.EDIT_POINTS, actor, f"point {point.number} added", at)
    return point


def point_drop(*, point, actor, note, at=None):
    """Remove ``point`` (not a proposal's last one) with its articles, with a required ``note``; the points after it
    move up. Writes ONE event (``edit_points``). Raises WorkflowError ("last_point", "note_required", or as
    point_split does)."""
    note = (note or "").strip()
    if not note:
        raise WorkflowError(_("Say why the point is removed."), "note_required")
    with transaction.atomic():
        locked = _locked_for_points(point.proposal, actor, at)
        point = Point.objects.select_for_update().get(pk=point.pk, proposal=locked)
        if locked.points.count() == 1:
            raise WorkflowError(_("A proposal keeps at least one point."), "last_point")
        number = point.number
        point.delete()
        _shift(locked, number, -1)
        if locked.points.count() == 1:
            single_point_follow(locked, FOLLOWS)
        _changed(locked, Action.EDIT_POINTS, actor, f"point {number} removed\n{note}", at)


def point_edit(*, point, actor, changes, at=None):
    """Change ``point``'s fields in ``changes`` (of POINT_FIELDS: text, category (a Category or None), summaries),
    with the permission the proposal's own field needs. Saves what differs and writes ONE event (``edit_points``)
    naming the point and the fields; nothing changed: no event. Raises WorkflowError for another field
    ("not_editable"), an empty or too long text, the only point of a proposal ("single_point": it follows the
    proposal), or as point_split does. Returns the point."""
    unknown = sorted(set(changes) - set(POINT_FIELDS))
    if unknown:
        raise WorkflowError(_("“%(field)s” cannot be changed.") % {"field": unknown[0]}, "not_editable")
    if "text" in changes:
        (changes["text"],) = _clean_texts([changes["text"]])
    with transaction.atomic():
        locked = _locked_for_points(point.proposal, actor, at, {POINT_FIELDS[name] for name in changes})
        point = Point.objects.select_for_update().get(pk=point.pk, proposal=locked)
        _refuse_single(locked, _("A proposal with one point is described on its own page."))
        changed = [name for name, value in changes.items() if _value(getattr(point, name)) != _value(value)]
        if not changed:
            return point
        for name in changed:
            value = changes[name]
            setattr(point, name, value.strip() if isinstance(value, str) else value)
        point.save(update_fields=[*changed, "updated_at"])
        if "text" in changed:
            point_keys_write(_with_proposal([point], locked))
        note = "point {}: {}".format(point.number, ", ".join(changed))
        _changed(locked, Action.EDIT_POINTS, actor, note, at)
    return point


def _with_proposal(points, locked):
    for point in points:
        point.proposal = locked
    return points


def _refuse_single(locked, message):
    """Point 1 of a one-point proposal follows the proposal (services.points): it is never edited on its own."""
    if not locked.points.filter(number__gt=1).exists():
        raise WorkflowError(message, "single_point")


def _value(value):
    return getattr(value, "pk", value)


def points_decide(*, proposal, actor, outcomes, at=None):
    """Record the Working Group's answer to points of ``proposal``: ``outcomes`` maps a point number to
    {"outcome": PointOutcome or "", "reason": NotAcceptedReason or "", "response": {"kk", "ru", "en"}}.

    Only while the proposal is with the Working Group and its decision not yet recorded (the decision then follows
    from the points: services.proposal_decide). An outcome needs its response in Kazakh and Russian, "not accepted"
    its reason; "" clears a point's outcome. Writes ONE event (``decide_points``, staff-only) listing each changed
    point's outcome; the public reads them only when the proposal's decision is released. All or nothing: raises
    WorkflowError ("permission", "not_allowed", "invalid", "reason_required", "response_required", "locked").
    """
    with transaction.atomic():
        locked = lock(proposal)
        check_actor(actor, workflow.DECIDE)
        ensure_not_locked(locked, actor, at)
        if locked.state != State.WITH_WORKING_GROUP:
            raise WorkflowError(
                _("The points are answered while the proposal is with the Working Group."), "not_allowed"
            )
        points = {point.number: point for point in Point.objects.select_for_update().filter(proposal=locked)}
        if len(points) == 1:
            raise WorkflowError(_("A proposal with one point is answered with its decision."), "single_point")
        lines = []
        for number, answer in sorted(outcomes.items()):
            point = points.get(number)
            if point is None:
                raise WorkflowError(_("There is no such point."), "invalid")
            outcome, reason, texts = _checked_answer(point, answer)
            values = {"outcome": outcome, "outcome_reason": reason,
                      **{f"response_{code}": texts[code] for code in ("kk", "ru", "en")}}
            if all(getattr(point, name) == value for name, value in values.items()):
                continue
            for name, value in values.items():
                setattr(point, name, value)
            point.save(update_fields=[*values, "updated_at"])
            lines.append(f"point {number}: {outcome or '—'}{f' ({reason})' if reason else ''}")
        if lines:
            _changed(locked, Action.DECIDE_POINTS, actor, "\n".join(lines), at)
    return len(lines)


def _checked_answer(point, answer):
    outcome = answer.get("outcome") or ""
    reason = answer.get("reason") or "" if outcome == PointOutcome.NOT_ACCEPTED else ""
    texts = {code: ((answer.get("response") or {}).get(code) or "").strip() for code in ("kk", "ru", "en")}
    if outcome and outcome not in PointOutcome.values:
        raise WorkflowError(_("Choose the point's outcome."), "invalid")
    if outcome == PointOutcome.NOT_ACCEPTED and reason not in NotAcceptedReason.values:
        raise WorkflowError(
            _("Point %(number)s: choose the reason it was not accepted.") % {"number": point.number}, "reason_required"
        )
    if outcome and not (texts["kk"] and texts["ru"]):
        raise WorkflowError(
            _("Point %(number)s needs its response in Kazakh and Russian.") % {"number": point.number},
            "response_required",
        )
    return outcome, reason, texts
