"""Small factories: staff users per role, and proposals made through the services or put in any state."""
import datetime
import importlib
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from proposals.core import services, tracking
from proposals.core.models import Category, Point, Proposal, Region, SubmitterKind
from proposals.core.services.points import single_point_follow
from proposals.core.workflow import DECIDED_STATES, NotAcceptedReason, State

_counter = itertools.count(1)


def ensure_roles():
    """The role groups as their data migrations define them (a transactional test's flush removes groups)."""
    roles = importlib.import_module("proposals.core.migrations.0003_staff_roles").ROLES
    grants = importlib.import_module("proposals.core.migrations.0009_holiday_roles").GRANTS
    answers = importlib.import_module("proposals.core.migrations.0020_public_titles_opinions_answers").GRANTS
    article_grants = importlib.import_module("proposals.core.migrations.0025_constitution_links").GRANTS
    if Group.objects.filter(name__in=roles).count() == len(roles):
        return
    for name, codenames in roles.items():
        group, _created = Group.objects.get_or_create(name=name)
        wanted = [*codenames, *grants.get(name, []), *answers.get(name, []), *article_grants.get(name, [])]
        group.permissions.set(Permission.objects.filter(content_type__app_label="proposals", codename__in=wanted))


def make_user(role=None, **fields):
    """A staff user in the group ``role`` ("analyst", "lead", "working-group member"), or none."""
    number = next(_counter)
    fields.setdefault("username", f"{(role or 'user').split()[0]}{number}")
    fields.setdefault("is_staff", role is not None)
    user = get_user_model().objects.create_user(password="test-password-123", **fields)
    if role:
        ensure_roles()
        user.groups.add(Group.objects.get(name=role))
    return user


def make_proposal(**fields):
    """A proposal submitted through proposal_submit, with realistic defaults."""
    number = next(_counter)
    defaults = {
        "submitter_kind": SubmitterKind.CITIZEN,
        "submitter_name": "Айгүл Сәрсенбаева",
        "email": f"citizen{number}@example.org",
        "phone": "+7 701 555 0101",
        "region": Region.objects.order_by("pk").first(),
        "language": "kk",
        "title": f"Парламент туралы ұсыныс {number}",
        "text": "Бірпалаталы Парламенттегі депутаттар санын 150-ге дейін көбейту ұсынылады.",
        "category": Category.objects.order_by("pk").first(),
    }
    defaults.update(fields)
    return services.proposal_submit(**defaults)


def put_in_state(proposal, state, **extra):
    """Set ``state`` directly (test set-up only), with the fields the database requires for it."""
    proposal.refresh_from_db()
    proposal.state = state
    proposal.duplicate_of = extra.get("duplicate_of")
    if state == State.DUPLICATE and proposal.duplicate_of is None:
        proposal.duplicate_of = make_proposal()
    proposal.decision_reason = NotAcceptedReason.OTHER if state == State.NOT_ACCEPTED else ""
    proposal.decision_released_at = extra.get("decision_released_at") if state in DECIDED_STATES else None
    proposal.published_at = extra.get("published_at")
    proposal.save()
    single_point_follow(proposal, names=())
    return Proposal.objects.get(pk=proposal.pk)


def proposal_in_state(state, **extra):
    return put_in_state(make_proposal(), state, **extra)


def public_proposal(state=State.IN_REVIEW, released=True, **fields):
    """A published proposal in ``state`` with Kazakh, Russian and English public titles and summaries (set-up only)."""
    summaries = {
        "title_kk": fields.pop("title_kk", "Депутаттар санын көбейту"),
        "title_ru": fields.pop("title_ru", "Увеличить число депутатов"),
        "title_en": fields.pop("title_en", "More deputies"),
        "summary_kk": fields.pop("summary_kk", "Автор депутаттар санын көбейтуді ұсынады."),
        "summary_ru": fields.pop("summary_ru", "Автор предлагает увеличить число депутатов."),
        "summary_en": fields.pop("summary_en", "The author proposes more deputies."),
    }
    proposal = make_proposal(**fields)
    Proposal.objects.filter(pk=proposal.pk).update(**summaries)
    return put_in_state(
        proposal, state, published_at=timezone.now(),
        decision_released_at=timezone.now() if released and state in DECIDED_STATES else None,
    )


def bulk_public(count, **fields):
    """``count`` published proposals written in one statement (for query-count tests at size)."""
    now = timezone.now()
    defaults = {
        "submitter_kind": SubmitterKind.CITIZEN, "submitter_name": "Бақытжан Серіков", "email": "bulk@example.org",
        "language": "ru", "title": "Массовое предложение", "text": "Текст", "title_kk": "Жаппай ұсыныс",
        "title_ru": "Массовое предложение", "summary_kk": "Қысқаша",
        "summary_ru": "Кратко", "state": State.IN_REVIEW, "published_at": now,
        "region": Region.objects.order_by("pk").first(), "category": Category.objects.order_by("pk").first(),
    }
    defaults.update(fields)
    rows = [
        Proposal(tracking_code=tracking.generate(), received_at=now - datetime.timedelta(minutes=i),
                 **defaults)
        for i in range(count)
    ]
    proposals = Proposal.objects.bulk_create(rows, batch_size=500)
    Point.objects.bulk_create([first_point(proposal) for proposal in proposals], batch_size=500)
    return proposals


def first_point(proposal):
    """Point 1 of ``proposal`` as services.points keeps it (set-up of rows written without the services)."""
    decided = proposal.state in DECIDED_STATES
    return Point(
        proposal=proposal, number=1, category_id=proposal.category_id,
        **{name: getattr(proposal, name) for name in ("summary_kk", "summary_ru", "summary_en", "response_kk",
                                                       "response_ru", "response_en")},
        outcome=proposal.state if decided else "",
        outcome_reason=proposal.decision_reason if proposal.state == State.NOT_ACCEPTED else "",
    )


# The database caches' tables (settings.CACHES): Django counts one before each write to it.
CACHE_TABLES = ("parlreform_cache", "parlreform_pages")


def data_counts(queries):
    """The COUNT queries among ``queries`` (captured) other than a database cache's count of its own rows."""
    return [query for query in queries
            if "COUNT(" in query["sql"].upper() and not any(table in query["sql"] for table in CACHE_TABLES)]


def split_proposal(points, state=State.IN_REVIEW, released=True, **fields):
    """A published proposal (public_proposal) split into ``points``: a list of dicts of Point fields (number defaults
    to the place in the list; ``articles``: [(article number, change)] linked to the point). Points are written
    directly, replacing point 1 (set-up only: splitting is the desk's)."""
    from proposals.core.models import Article, ProposalArticle

    proposal = public_proposal(state, released=released, **fields)
    Point.objects.filter(proposal=proposal).delete()
    for place, values in enumerate(points, start=1):
        values = dict(values)
        articles = values.pop("articles", [])
        values.setdefault("number", place)
        if values.get("outcome") == State.NOT_ACCEPTED:
            values.setdefault("outcome_reason", NotAcceptedReason.OTHER)
        point = Point.objects.create(proposal=proposal, **values)
        for number, change in articles:
            ProposalArticle.objects.create(
                proposal=proposal, point=point, article=Article.objects.get(number=number), change=change
            )
    return proposal


def many_points(count, linked=False, **values):
    """``count`` point dicts for split_proposal, numbered, with trilingual summaries; ``linked``: point n amends
    article n (up to 98: a proposal links an article once)."""
    return [
        {"summary_kk": f"Тармақ {n}", "summary_ru": f"Пункт {n}", "summary_en": f"Point summary {n}",
         **({"articles": [(str(n), "amend")]} if linked and n <= 98 else {}), **values}
        for n in range(1, count + 1)
    ]
