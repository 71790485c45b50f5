"""Staff build ideas: suggestions confirmed, dropped, moved, split and merged, texts written; one event per change.

Every change writes an event of the idea (IdeaEvent) and, for each member proposal it touches, a staff-only event of
the proposal (``join_idea``, ``leave_idea``), in the one transaction of the change. Nothing joins an idea without
staff: the clustering only suggests (IdeaCandidate).
"""
import itertools

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.core import workflow
from proposals.core.ideas.texts import MEMBER_STATES, point_text
from proposals.core.models import (
    CandidateStatus,
    Idea,
    IdeaAction,
    IdeaCandidate,
    IdeaEvent,
    IdeaMembership,
    Point,
    ProposalEvent,
)
from proposals.core.services.base import WorkflowError, check_actor
from proposals.core.services.idea_keys import idea_keys_write
from proposals.core.similarity import Scored, score
from proposals.core.similarity.scores import COPY_THRESHOLD
from proposals.core.workflow import Action

IDEA_TEXT_FIELDS = ("title_kk", "title_ru", "title_en", "summary_kk", "summary_ru", "summary_en", "text", "category")
MAX_IDEA_TEXT = 20_000


def idea_event(idea, action, actor, note="", at=None):
    return IdeaEvent.objects.create(idea=idea, action=action, actor=actor, note=note, created_at=at or timezone.now())


def _proposal_events(points, action, actor, note, at):
    """One staff-only event on each proposal of ``points`` (Points with proposal at hand): the points named."""
    by_proposal = {}
    for point in points:
        by_proposal.setdefault(point.proposal_id, (point.proposal, []))[1].append(point.number)
    ProposalEvent.objects.bulk_create([
        ProposalEvent(
            proposal_id=proposal_id, action=action, from_state=proposal.state, to_state=proposal.state, actor=actor,
            note="{}: {}".format(", ".join(f"point {number}" for number in sorted(numbers)), note),
            created_at=at,
        )
        for proposal_id, (proposal, numbers) in by_proposal.items()
    ], batch_size=500)


def _locked_idea(idea, actor, permission=workflow.TRIAGE):
    check_actor(actor, permission)
    locked = Idea.objects.select_for_update().get(pk=idea.pk)
    if locked.merged_into_id is not None:
        raise WorkflowError(_("This idea was merged into another one."), "merged")
    if locked.dismissed_at is not None:
        raise WorkflowError(_("This idea was dismissed."), "dismissed")
    return locked


def _points(ids):
    ids = sorted({getattr(item, "pk", item) for item in ids})
    return list(
        Point.objects.select_for_update(of=("self",)).select_related("proposal").filter(pk__in=ids).order_by("pk")
    )


def _saved(idea, at):
    idea.updated_at = at
    idea.save()


def ideas_suggest(*, clusters, actor=None, at=None):
    """Write suggested ideas from the clustering: ``clusters`` is [(leader Point or Idea, [(Point or point id,
    Match)])].

    A cluster led by an existing idea adds its points to that idea's suggestions; any other becomes a new idea
    (its text the leader's) with every point suggested. A point already a member of an idea, or dropped from that
    idea before, is not suggested again. One ``suggest`` event per idea touched. Returns (ideas created,
    suggestions written).
    """
    at = at or timezone.now()
    created = written = 0
    with transaction.atomic():
        for leader, members in clusters:
            if isinstance(leader, Idea):
                idea = leader
            else:
                idea = Idea.objects.create(
                    text=point_text(leader)[:MAX_IDEA_TEXT], category_id=leader.category_id, created_at=at
                )
                idea_keys_write(idea)
                created += 1
            members = [(getattr(point, "pk", point), match) for point, match in members]
            point_ids = [point_id for point_id, _match in members]
            taken = set(IdeaMembership.objects.filter(point__in=point_ids).values_list("point_id", flat=True))
            taken |= set(
                IdeaCandidate.objects.filter(idea=idea, point__in=point_ids).values_list("point_id", flat=True)
            )
            rows = [
                IdeaCandidate(idea=idea, point_id=point_id, copy_score=match.copy, idea_score=match.idea, created_at=at)
                for point_id, match in members if point_id not in taken
            ]
            IdeaCandidate.objects.bulk_create(rows, batch_size=1000)
            written += len(rows)
            if rows:
                idea_event(idea, IdeaAction.SUGGEST, actor, f"{len(rows)} suggested", at)
    return created, written


def idea_start(*, point, actor, at=None):
    """A new idea from ``point`` (its text the point's), with the point as its first member. Returns the idea."""
    check_actor(actor, workflow.TRIAGE)
    at = at or timezone.now()
    with transaction.atomic():
        (point,) = _points([point])
        idea = Idea.objects.create(text=point_text(point)[:MAX_IDEA_TEXT], category_id=point.category_id,
                                   created_at=at)
        idea_keys_write(idea)
        idea_event(idea, IdeaAction.START, actor, f"{point.proposal.tracking_code}, point {point.number}",
                   at)
        _join(idea, [point], actor, at)
    return idea


def _join(idea, points, actor, at):
    """Make ``points`` (locked, each in no idea) members of ``idea``: the memberships, the suggestions done, the
    events; a decided idea's decision applied to them at once."""
    refused = [point for point in points if point.proposal.state not in MEMBER_STATES]
    if refused:
        raise WorkflowError(
            _("%(code)s is not being answered (a duplicate, out of scope, withdrawn or spam): it cannot join an idea.")
            % {"code": refused[0].proposal.tracking_code}, "not_a_member_state"
        )
    try:
        with transaction.atomic():
            IdeaMembership.objects.bulk_create(
                [IdeaMembership(idea=idea, point=point, joined_at=at) for point in points], batch_size=1000
            )
    except IntegrityError:
        raise WorkflowError(
            _("A point is already a member of another idea: move it from there."), "in_other_idea"
        ) from None
    IdeaCandidate.objects.filter(point__in=[point.pk for point in points]).delete()
    if idea.confirmed_at is None:
        idea.confirmed_at = at
    _saved(idea, at)
    _proposal_events(points, Action.JOIN_IDEA, actor, f"idea {idea.pk}", at)
    if idea.outcome:
        from proposals.core.services.idea_decisions import apply_decision

        apply_decision(idea, points, actor, at)


def idea_confirm(*, idea, actor, points, at=None):
    """Confirm ``points`` (suggested or chosen by staff) as members of ``idea``. One ``confirm`` event of the idea
    and a ``join_idea`` event on each member proposal; a decided idea's decision reaches the new members at once.
    Raises WorkflowError ("none_chosen", "in_other_idea", "not_a_member_state", "merged", "dismissed",
    "permission"). Returns the number confirmed."""
    at = at or timezone.now()
    with transaction.atomic():
        locked = _locked_idea(idea, actor)
        chosen = _points(points)
        if not chosen:
            raise WorkflowError(_("Choose the points to confirm."), "none_chosen")
        _join(locked, chosen, actor, at)
        idea_event(locked, IdeaAction.CONFIRM, actor, _list(chosen), at)
    return len(chosen)


def idea_confirm_copies(*, idea, actor, at=None):
    """Confirm in one step every suggested member that is a copy of the idea's text (copy score at least
    COPY_THRESHOLD against the idea's text, measured anew): a campaign letter's copies. Returns the number."""
    with transaction.atomic():
        # Scored under the idea's lock, so a text saved meanwhile cannot make the copies chosen stale.
        locked = _locked_idea(idea, actor)
        suggested = IdeaCandidate.objects.filter(
            idea=locked, status=CandidateStatus.SUGGESTED, point__proposal__state__in=MEMBER_STATES
        ).select_related("point__proposal")
        own = Scored(locked.text)
        copies = [row.point for row in suggested
                  if score(own, Scored(point_text(row.point))).copy >= COPY_THRESHOLD]
        if not copies:
            raise WorkflowError(_("No suggested member is a copy of the idea's text."), "none_chosen")
        return idea_confirm(idea=locked, actor=actor, points=copies, at=at)


def idea_drop(*, idea, actor, points, at=None):
    """Drop suggested ``points`` from ``idea``: kept as dropped, so no clustering suggests them there again. One
    ``drop`` event. Returns the number dropped."""
    at = at or timezone.now()
    ids = [getattr(item, "pk", item) for item in points]
    with transaction.atomic():
        locked = _locked_idea(idea, actor)
        rows = IdeaCandidate.objects.select_related("point__proposal").filter(
            idea=locked, point__in=ids, status=CandidateStatus.SUGGESTED
        )
        dropped = [row.point for row in rows]
        if not dropped:
            raise WorkflowError(_("Choose the suggested points to drop."), "none_chosen")
        IdeaCandidate.objects.filter(pk__in=[row.pk for row in rows]).update(status=CandidateStatus.DROPPED)
        _saved(locked, at)
        idea_event(locked, IdeaAction.DROP, actor, _list(dropped), at)
    return len(dropped)


def _members(idea, ids):
    ids = sorted({getattr(item, "pk", item) for item in ids})
    rows = list(
        IdeaMembership.objects.select_for_update(of=("self",)).select_related("point__proposal")
        .filter(idea=idea, point__in=ids).order_by("point_id")
    )
    if not rows or len(rows) != len(ids):
        raise WorkflowError(_("Choose members of this idea."), "none_chosen")
    return rows


def _leave(idea, rows, actor, note, at):
    points = [row.point for row in rows]
    IdeaMembership.objects.filter(pk__in=[row.pk for row in rows]).delete()
    _proposal_events(points, Action.LEAVE_IDEA, actor, note, at)
    return points


def proposal_leaves_ideas(proposal, actor, at, why):
    """Called inside the transition that stops answering ``proposal`` (a duplicate, spam, out of scope, withdrawn):
    its points leave their ideas (a ``remove`` event on each idea, ``leave_idea`` on the proposal) and their
    suggestions are withdrawn (a ``drop`` event), so no idea counts it or offers it to confirm. ``actor`` may be None
    (the submitter's withdrawal): the transition has checked who may take it. Returns (removed, dropped)."""
    # The ideas are not locked (their services lock an idea before its members' proposals, this one holds the
    # proposal): the rows deleted and the events written are its own; the proposal's save renews the public pages.
    rows = list(
        IdeaMembership.objects.select_related("idea", "point__proposal")
        .filter(point__proposal=proposal).order_by("idea_id", "point_id")
    )
    suggestions = list(
        IdeaCandidate.objects.select_related("idea", "point__proposal")
        .filter(point__proposal=proposal, status=CandidateStatus.SUGGESTED).order_by("idea_id", "point_id")
    )
    for group in _by_idea(rows):
        idea = group[0].idea
        removed = _leave(idea, group, actor, f"idea {idea.pk}: {why}", at)
        idea_event(idea, IdeaAction.REMOVE, actor, f"{_list(removed)}: {why}", at)
    # Deleted, not kept as dropped: no one judged them, and a reopened proposal may be suggested again.
    IdeaCandidate.objects.filter(pk__in=[row.pk for row in suggestions]).delete()
    for group in _by_idea(suggestions):
        idea_event(group[0].idea, IdeaAction.DROP, actor, f"{_list([row.point for row in group])}: {why}", at)
    return len(rows), len(suggestions)


def _by_idea(rows):
    """``rows`` (ordered by idea) in one list per idea."""
    return [list(group) for _idea_id, group in itertools.groupby(rows, key=lambda row: row.idea_id)]


def idea_remove(*, idea, actor, points, note, at=None):
    """Remove members ``points`` from ``idea``, with a required ``note``; their outcomes stay as they are. One
    ``remove`` event and a ``leave_idea`` event on each proposal. Returns the number removed."""
    note = (note or "").strip()
    if not note:
        raise WorkflowError(_("Say why the members leave the idea."), "note_required")
    at = at or timezone.now()
    with transaction.atomic():
        locked = _locked_idea(idea, actor)
        removed = _leave(locked, _members(locked, points), actor, f"idea {locked.pk}: {note}", at)
        _saved(locked, at)
        idea_event(locked, IdeaAction.REMOVE, actor, f"{_list(removed)}\n{note}", at)
    return len(removed)


def idea_move(*, idea, target, actor, points, at=None):
    """Move members (or suggestions) ``points`` of ``idea`` to ``target``: members join ``target`` as members,
    suggestions as its suggestions. ``move_out`` and ``move_in`` events, and on each member proposal its leave and
    join. Raises WorkflowError ("same_idea", "none_chosen", ...). Returns the number moved."""
    if getattr(target, "pk", None) == idea.pk:
        raise WorkflowError(_("Choose another idea."), "same_idea")
    at = at or timezone.now()
    ids = {getattr(item, "pk", item) for item in points}
    with transaction.atomic():
        first, second = sorted([idea, target], key=lambda item: item.pk)
        locked = {row.pk: row for row in (_locked_idea(first, actor), _locked_idea(second, actor))}
        source, destination = locked[idea.pk], locked[target.pk]
        member_ids = set(IdeaMembership.objects.filter(idea=source, point__in=ids).values_list("point_id", flat=True))
        moved = []
        if member_ids:
            moved = _leave(source, _members(source, member_ids), actor, f"moved to idea {destination.pk}", at)
            _join(destination, moved, actor, at)
        suggestions = list(IdeaCandidate.objects.select_related("point__proposal").filter(
            idea=source, point__in=ids - member_ids, status=CandidateStatus.SUGGESTED
        ))
        for row in suggestions:
            IdeaCandidate.objects.update_or_create(
                idea=destination, point=row.point,
                defaults={"copy_score": row.copy_score, "idea_score": row.idea_score,
                          "status": CandidateStatus.SUGGESTED, "created_at": at},
            )
        IdeaCandidate.objects.filter(pk__in=[row.pk for row in suggestions]).delete()
        everything = moved + [row.point for row in suggestions]
        if not everything:
            raise WorkflowError(_("Choose members of this idea."), "none_chosen")
        _saved(source, at)
        _saved(destination, at)
        idea_event(source, IdeaAction.MOVE_OUT, actor, f"to idea {destination.pk}: {_list(everything)}", at)
        idea_event(destination, IdeaAction.MOVE_IN, actor, f"from idea {source.pk}: {_list(everything)}", at)
    return len(everything)


def idea_split(*, idea, actor, points, at=None):
    """Split members (and suggestions) ``points`` of ``idea`` into a new idea, whose text is the first point's.
    ``split`` and ``split_from`` events. Returns the new idea."""
    at = at or timezone.now()
    ids = sorted({getattr(item, "pk", item) for item in points})
    if not ids:
        raise WorkflowError(_("Choose members of this idea."), "none_chosen")
    with transaction.atomic():
        first = Point.objects.select_related("proposal").filter(pk__in=ids).order_by("pk").first()
        if first is None:
            raise WorkflowError(_("Choose members of this idea."), "none_chosen")
        check_actor(actor, workflow.TRIAGE)
        new = Idea.objects.create(text=point_text(first)[:MAX_IDEA_TEXT], category_id=first.category_id,
                                  created_at=at)
        idea_keys_write(new)
        idea_move(idea=idea, target=new, actor=actor, points=ids, at=at)
        idea_event(idea, IdeaAction.SPLIT, actor, f"idea {new.pk}", at)
        idea_event(new, IdeaAction.SPLIT_FROM, actor, f"idea {idea.pk}", at)
    new.refresh_from_db()
    return new


def idea_merge(*, idea, into, actor, at=None):
    """Merge ``idea`` into ``into``: its members and suggestions move there, and it is kept as merged (its address
    leads to ``into``). Refused when both are decided differently ("decided_differently"). ``merge`` and
    ``merge_in`` events. Returns ``into``."""
    if idea.pk == into.pk:
        raise WorkflowError(_("Choose another idea."), "same_idea")
    at = at or timezone.now()
    with transaction.atomic():
        first, second = sorted([idea, into], key=lambda item: item.pk)
        locked = {row.pk: row for row in (_locked_idea(first, actor), _locked_idea(second, actor))}
        source, destination = locked[idea.pk], locked[into.pk]
        if source.outcome and destination.outcome and (
            (source.outcome, source.outcome_reason) != (destination.outcome, destination.outcome_reason)
        ):
            raise WorkflowError(_("The two ideas are decided differently: reconsider one first."),
                                "decided_differently")
        ids = list(IdeaMembership.objects.filter(idea=source).values_list("point_id", flat=True))
        ids += list(IdeaCandidate.objects.filter(idea=source, status=CandidateStatus.SUGGESTED)
                    .values_list("point_id", flat=True))
        if ids:
            idea_move(idea=source, target=destination, actor=actor, points=ids, at=at)
        source.refresh_from_db()
        source.merged_into = destination
        _saved(source, at)
        for name in IDEA_TEXT_FIELDS:
            if not getattr(destination, name) and getattr(source, name):
                setattr(destination, name, getattr(source, name))
        destination.refresh_from_db(fields=["confirmed_at"])
        _saved(destination, at)
        idea_event(source, IdeaAction.MERGE, actor, f"into idea {destination.pk}", at)
        idea_event(destination, IdeaAction.MERGE_IN, actor, f"idea {source.pk}", at)
    into.refresh_from_db()
    return into


def idea_edit(*, idea, actor, changes, at=None):
    """Change the idea's public title and summary (kk, ru, en), its text or its topic. Once published, the public
    texts need the publishing permission too. One ``edit`` event naming the fields; nothing changed: no event."""
    unknown = sorted(set(changes) - set(IDEA_TEXT_FIELDS))
    if unknown:
        raise WorkflowError(_("“%(field)s” cannot be changed.") % {"field": unknown[0]}, "not_editable")
    if "text" in changes and not (changes["text"] or "").strip():
        raise WorkflowError(_("An idea needs its text."), "text_required")
    at = at or timezone.now()
    with transaction.atomic():
        locked = _locked_idea(idea, actor)
        if locked.published_at is not None:
            check_actor(actor, workflow.PUBLISH)
        changed = []
        for name, value in changes.items():
            value = value.strip()[:MAX_IDEA_TEXT] if isinstance(value, str) else value
            if getattr(locked, name) != value:
                setattr(locked, name, value)
                changed.append(name)
        if not changed:
            return locked
        if locked.published_at is not None and not all(
            getattr(locked, name).strip() for name in REQUIRED_PUBLIC_TEXTS
        ):
            raise WorkflowError(_("A published idea keeps its title and summary in Kazakh and Russian."),
                                "public_text_required")
        _saved(locked, at)
        if "text" in changed:
            idea_keys_write(locked)
        idea_event(locked, IdeaAction.EDIT, actor, ", ".join(changed), at)
    return locked


def idea_dismiss(*, idea, actor, note="", at=None):
    """Dismiss a suggested idea that has no member: its suggestions are dropped with it. One ``dismiss`` event."""
    at = at or timezone.now()
    with transaction.atomic():
        locked = _locked_idea(idea, actor)
        if locked.memberships.exists():
            raise WorkflowError(_("The idea has members: remove them first."), "has_members")
        locked.candidates.filter(status=CandidateStatus.SUGGESTED).update(status=CandidateStatus.DROPPED)
        locked.dismissed_at = at
        _saved(locked, at)
        idea_event(locked, IdeaAction.DISMISS, actor, (note or "").strip(), at)
    return locked


REQUIRED_PUBLIC_TEXTS = ("title_kk", "title_ru", "summary_kk", "summary_ru")


def idea_publish(*, idea, actor, at=None):
    """Show ``idea`` on the public site: it needs members and its title and summary in Kazakh and Russian."""
    at = at or timezone.now()
    with transaction.atomic():
        locked = _locked_idea(idea, actor, workflow.PUBLISH)
        if locked.published_at is not None:
            raise WorkflowError(_("The idea is already published."), "already_published")
        if not locked.memberships.exists():
            raise WorkflowError(_("An idea is published once it has members."), "no_members")
        missing = [name for name in REQUIRED_PUBLIC_TEXTS if not getattr(locked, name).strip()]
        if missing:
            raise WorkflowError(_("Write the public title and summary in Kazakh and Russian first."),
                                "public_text_required")
        locked.published_at = at
        _saved(locked, at)
        idea_event(locked, IdeaAction.PUBLISH, actor, "", at)
    return locked


def idea_unpublish(*, idea, actor, note, at=None):
    """Take ``idea`` off the public site, with a required ``note``."""
    note = (note or "").strip()
    if not note:
        raise WorkflowError(_("This action needs a note."), "note_required")
    at = at or timezone.now()
    with transaction.atomic():
        locked = _locked_idea(idea, actor, workflow.PUBLISH)
        if locked.published_at is None:
            raise WorkflowError(_("The idea is not published."), "not_published")
        locked.published_at = None
        _saved(locked, at)
        idea_event(locked, IdeaAction.UNPUBLISH, actor, note, at)
    return locked


def _list(points):
    return ", ".join(f"{point.proposal.tracking_code}/{point.number}" for point in points[:50]) + (
        f" (+{len(points) - 50})" if len(points) > 50 else ""
    )
