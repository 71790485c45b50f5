"""Small factories: staff users per role, and proposals made through the services or put in any state."""
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from proposals import services
from proposals.models import Category, Proposal, Region, SubmitterKind
from proposals.workflow import DECIDED_STATES, NotAcceptedReason, State

_counter = itertools.count(1)


def make_user(role=None, **fields):
    """A staff user in the group ``role`` ("analyst", "lead", "working-group member"), or none."""
    number = next(_counter)
    fields.setdefault("username", f"{(role or 'user').split()[0]}{number}")
    fields.setdefault("is_staff", role is not None)
    user = get_user_model().objects.create_user(password="test-password-123", **fields)
    if role:
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
    proposal.state = state
    proposal.duplicate_of = extra.get("duplicate_of")
    if state == State.DUPLICATE and proposal.duplicate_of is None:
        proposal.duplicate_of = make_proposal()
    proposal.decision_reason = NotAcceptedReason.OTHER if state == State.NOT_ACCEPTED else ""
    proposal.decision_released_at = extra.get("decision_released_at") if state in DECIDED_STATES else None
    proposal.published_at = extra.get("published_at")
    proposal.save()
    return Proposal.objects.get(pk=proposal.pk)


def proposal_in_state(state, **extra):
    return put_in_state(make_proposal(), state, **extra)
