"""seed_demo: reference data, one demo account per staff role, a few hundred proposals with real histories, a
package from each party answered point by point, and ideas: campaigns and proposals of many kinds answered once."""
import datetime
import io
import random

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from proposals.core import services
from proposals.core.articles import ensure_structure
from proposals.core.models import AnswerTemplate, Category, Channel, Holiday, Party, Proposal, Region, SubmitterKind
from proposals.core.workflow import DECIDE, DECIDED_STATES, PUBLISHABLE_STATES, TRANSITIONS, Action, State
from proposals.tooling import demo_content, demo_ideas, demo_packages

REFERENCE_FIXTURES = ["categories", "regions", "parties"]
DEMO_REF_PREFIX = "DEMO-"

# username, role (group), superuser; the password is printed and documented in the README.
DEMO_STAFF = [
    ("analyst", "analyst", False),
    ("analyst2", "analyst", False),
    ("lead", "lead", False),
    ("wgmember", "working-group member", False),
    ("admin", None, True),
]

# How a proposal reaches each state, as workflow actions (after submission).
PATHS = {
    State.RECEIVED: [],
    State.SCREENING: [Action.START_SCREENING],
    State.IN_REVIEW: [Action.START_SCREENING, Action.ACCEPT_FOR_REVIEW],
    State.WITH_WORKING_GROUP: [Action.START_SCREENING, Action.ACCEPT_FOR_REVIEW, Action.FORWARD],
    State.ACCEPTED: [Action.START_SCREENING, Action.ACCEPT_FOR_REVIEW, Action.FORWARD, Action.ACCEPT],
    State.PARTIALLY_ACCEPTED: [
        Action.START_SCREENING, Action.ACCEPT_FOR_REVIEW, Action.FORWARD, Action.ACCEPT_PARTIALLY,
    ],
    State.NOT_ACCEPTED: [Action.START_SCREENING, Action.ACCEPT_FOR_REVIEW, Action.FORWARD, Action.REJECT],
    State.DUPLICATE: [Action.START_SCREENING, Action.MARK_DUPLICATE],
    State.OUT_OF_SCOPE: [Action.START_SCREENING, Action.MARK_OUT_OF_SCOPE],
    State.WITHDRAWN: [Action.START_SCREENING, Action.WITHDRAW],
    State.SPAM: [Action.MARK_SPAM],
}


class Command(BaseCommand):
    help = "Load reference data, demo staff accounts and demo proposals. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=300, help="number of demo proposals (default 300)")
        parser.add_argument("--seed", type=int, default=2026, help="random seed, for repeatable data")
        parser.add_argument("--no-packages", dest="with_packages", action="store_false",
                            help="leave out the parties' packages (one per party, answered point by point)")
        parser.add_argument("--no-ideas", dest="with_ideas", action="store_false",
                            help="leave out the campaigns and ideas (fixtures/demo/ideas.json)")

    def handle(self, *args, count, seed, with_packages=True, with_ideas=True, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "seed_demo creates accounts with published passwords: refused when DJANGO_ENV=production."
            )
        if count < 0:
            raise CommandError("--count must not be negative.")
        call_command("loaddata", *REFERENCE_FIXTURES, verbosity=0)
        ensure_structure()
        # Articles staff added to the structure (a hyphenated article of the amended text) that demo proposals cite.
        call_command("load_constitution", str(demo_content.DEMO_DIR / "constitution_additions.json"), verbosity=0,
                     stdout=io.StringIO())
        if not Holiday.objects.exists():
            # Staff correct the calendar in the admin; never overwrite their corrections.
            call_command("loaddata", "holidays", verbosity=0)
        if not AnswerTemplate.objects.exists():
            # The same for the answer templates leads keep.
            call_command("loaddata", "answer_templates", verbosity=0)
        with transaction.atomic():
            staff = self.ensure_staff()
            created = DemoProposals(random.Random(seed), staff).ensure(count)
            packages = demo_packages.ensure_packages(staff, timezone.now()) if with_packages else 0
            ideas, suggestions = demo_ideas.ensure_ideas(staff, timezone.now(), seed) if with_ideas else (0, 0)
        self.stdout.write(f"Reference data: {Category.objects.count()} categories, "
                          f"{Region.objects.count()} regions, {Party.objects.count()} parties.")
        self.stdout.write(f"Demo proposals: {created} created, {Proposal.objects.count()} in total "
                          f"(party packages: {packages} created).")
        self.stdout.write(f"Demo ideas: {ideas} built; {suggestions} suggestions left for the idea desk.")
        self.stdout.write("Demo staff accounts (log in at /admin/):")
        for username, role, _superuser in DEMO_STAFF:
            self.stdout.write(f"  {username:<9} password {demo_password(username):<22} {role or 'superuser'}")

    def ensure_staff(self):
        User = get_user_model()
        staff = {}
        for username, role, superuser in DEMO_STAFF:
            user, _created = User.objects.get_or_create(username=username)
            user.is_staff = True
            user.is_superuser = superuser
            user.email = f"{username}@parlreform.example"
            user.set_password(demo_password(username))
            user.save()
            if role:
                user.groups.set([Group.objects.get(name=role)])
            staff[username] = user
        return staff


def demo_password(username):
    return f"demo-{username}-2026"


class DemoProposals:
    """Builds demo proposals through the services, so each has a coherent event history."""

    def __init__(self, rng, staff):
        self.rng = rng
        self.staff = staff
        self.mix = demo_content.mix()
        self.now = timezone.now()
        self.categories = {c.slug: c for c in Category.objects.all()}
        self.regions = list(Region.objects.all())
        self.parties = list(Party.objects.all())

    def ensure(self, count):
        existing = set(
            Proposal.objects.filter(external_ref__startswith=DEMO_REF_PREFIX).values_list("external_ref", flat=True)
        )
        plan = self.plan(count)
        created = 0
        for index, (state, content, kind) in enumerate(plan):
            ref = f"{DEMO_REF_PREFIX}{index + 1:04d}"
            # Draw the same random numbers whether or not the proposal exists, so a re-run stays repeatable.
            draws = self.draw(state, kind)
            if ref in existing:
                continue
            self.build(ref, state, content, kind, draws, plan_index=index)
            created += 1
        return created

    def plan(self, count):
        """(target state, content, submitter kind) for each demo proposal, covering every state."""
        rng, mix = self.rng, self.mix
        states, state_weights = list(mix.states), list(mix.states.values())
        kinds = list(mix.submitter_kinds)
        ordinary, campaign = demo_content.ordinary(), demo_content.campaign()
        # A decided proposal gets a text the Working Group decided that way: a text never has two outcomes.
        decided = {state: [text for text in ordinary if text.decision == state] for state in DECIDED_STATES}
        turns = dict.fromkeys(DECIDED_STATES, 0)
        plan = []
        for index in range(count):
            state = states[index] if index < len(states) else rng.choices(states, weights=state_weights)[0]
            kind = rng.choices(kinds, weights=list(mix.submitter_kinds.values()))[0]
            if index == len(states):
                # The proposal a mass campaign repeats: kept in review, the copies become its duplicates.
                state, content, kind = State.IN_REVIEW, campaign, SubmitterKind.CITIZEN
            elif state == State.SPAM:
                content, kind = demo_content.spam(), SubmitterKind.CITIZEN
            elif state == State.OUT_OF_SCOPE:
                # Never a text the Working Group decides: the same text would otherwise carry two outcomes.
                outside = demo_content.out_of_scope()
                content = outside[index % len(outside)]
            elif state == State.DUPLICATE and index % 3 == 0:
                # Another citizen's copy of the campaign: it joins the campaign's idea (fixtures/demo/ideas.json)
                # and is answered with it. A duplicate is the same submitter's second copy.
                state, content, kind = State.SCREENING, campaign, SubmitterKind.CITIZEN
            elif state in DECIDED_STATES:
                content = decided[state][turns[state] % len(decided[state])]
                turns[state] += 1
            else:
                content = ordinary[index % len(ordinary)]
            plan.append((state, content, kind))
        return plan

    def draw(self, state, kind):
        rng, shares = self.rng, self.mix.shares
        low, high = self.mix.age_range(state)
        return {
            "age": datetime.timedelta(days=rng.uniform(low, high)),
            "region": rng.choice(self.regions),
            "party": rng.choice(self.parties),
            "name_pick": rng.random(),
            "org_pick": rng.random(),
            "publish_name": rng.random() < shares["citizen_name_published"],
            "phone": f"+7 7{rng.randint(0, 9)}{rng.randint(0, 9)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            "channel": rng.choices(list(self.mix.channels), weights=list(self.mix.channels.values()))[0],
            "published": rng.random() < shares["published"],
            "released": rng.random() < shares["decision_released"],
            "assignee": rng.choice(["analyst", "analyst2"]),
            "steps": [rng.uniform(2, 72) for _ in range(8)],
        }

    def build(self, ref, state, content, kind, draws, plan_index):
        mix = self.mix
        organisation = ""
        if kind == SubmitterKind.NGO:
            organisation = pick(mix.ngo_names, draws["org_pick"])
        elif kind == SubmitterKind.BUSINESS:
            organisation = pick(mix.business_names, draws["org_pick"])
        elif kind == SubmitterKind.EXPERT:
            organisation = pick(mix.expert_affiliations, draws["org_pick"])
        received_at = self.now - draws["age"]
        # A duplicate is the same person sending the same proposal again: their details are the original's.
        original = self.original_for(None, content) if state == State.DUPLICATE else None
        submitter = {
            "submitter_kind": kind,
            "submitter_name": pick(mix.citizen_names[content.language], draws["name_pick"]),
            "email": f"submitter{plan_index + 1}@example.org",
            "phone": draws["phone"] if kind == SubmitterKind.CITIZEN else "",
            "region": draws["region"],
        }
        if original is not None:
            submitter = {name: getattr(original, name) for name in submitter}
            # The same text again, as the original was sent.
            content = next((text for text in demo_content.proposals() if text.title == original.title), content)
            kind = original.submitter_kind
            received_at = max(received_at, original.received_at + datetime.timedelta(hours=2))
        proposal = services.proposal_submit(
            **submitter,
            organisation=organisation,
            party=draws["party"] if kind == SubmitterKind.PARTY else None,
            position=pick(mix.positions[content.language], draws["org_pick"]) if kind != SubmitterKind.CITIZEN else "",
            publish_name=draws["publish_name"] if kind == SubmitterKind.CITIZEN else False,
            language=content.language,
            title=content.title,
            text=content.text,
            rationale=content.rationale,
            articles=content.articles,
            article_changes=content.article_changes,
            category=self.categories.get(content.category),
            channel=Channel.WEB if kind == SubmitterKind.CITIZEN and state == State.SPAM else draws["channel"],
            external_ref=ref,
            received_at=received_at,
        )
        # Staff write the public texts in the admin; demo data gets them directly.
        if content.summary:
            decided = state in DECIDED_STATES
            for code in ("kk", "ru", "en"):
                setattr(proposal, f"title_{code}", content.public_title[code])
                setattr(proposal, f"summary_{code}", content.summary[code])
                setattr(proposal, f"response_{code}", content.response[code] if decided else "")
            proposal.save(
                update_fields=[f"{f}_{c}" for f in ("title", "summary", "response") for c in ("kk", "ru", "en")]
            )

        moments = self.moments(received_at, draws["steps"])
        lead, analyst = self.staff["lead"], self.staff[draws["assignee"]]
        if PATHS[state]:
            services.proposal_assign(proposal=proposal, assignee=analyst, actor=lead, at=next(moments))
        for action in PATHS[state]:
            actor = lead if TRANSITIONS[action].permission == DECIDE else analyst
            services.proposal_transition(
                proposal=proposal,
                action=action,
                actor=None if action == Action.WITHDRAW else actor,
                note=mix.staff_notes.get(action, ""),
                reason=content.reason if action == Action.REJECT else "",
                duplicate_of=(original or self.original_for(proposal, content))
                if action == Action.MARK_DUPLICATE else None,
                at=next(moments),
            )
        if proposal.state in DECIDED_STATES and draws["released"]:
            services.proposal_release_decision(proposal=proposal, actor=lead, at=next(moments))
        if not services.missing_public_texts(proposal) and draws["published"] and proposal.state in PUBLISHABLE_STATES:
            services.proposal_publish(proposal=proposal, actor=lead, at=next(moments))
        return proposal

    def moments(self, start, steps):
        """Increasing times after ``start`` for each step of a history, never in the future."""
        moment = start
        for hours in steps + [1.0] * 4:
            moment = min(moment + datetime.timedelta(hours=hours), self.now)
            yield moment

    def original_for(self, proposal, content):
        """The proposal with the same title (a campaign), else an earlier one in its category, else any."""
        candidates = Proposal.objects.exclude(pk=getattr(proposal, "pk", None)).exclude(
            state__in=[State.DUPLICATE, State.SPAM, State.WITHDRAWN]
        ).order_by("received_at", "id")
        if proposal is None:
            return (
                candidates.filter(title=content.title).first()
                or candidates.filter(category__slug=content.category).first()
                or candidates.first()
            )
        return (
            candidates.filter(title=content.title).first()
            or candidates.filter(category=proposal.category, received_at__lte=proposal.received_at).first()
            or candidates.first()
        )


def pick(options, fraction):
    return options[int(fraction * len(options)) % len(options)]
