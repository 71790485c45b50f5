"""seed_demo's ideas: campaigns and ideas from fixtures/demo/ideas.json, built and answered through the services.

The first campaign and every idea are confirmed, described, decided once and (where decided) released; the last
campaign's copies are sent and left to the backlog clustering, so the idea desk opens with suggestions to confirm.
"""
import datetime
import random

from proposals.core import services
from proposals.core.ideas.backlog import cluster_backlog
from proposals.core.ideas.texts import MEMBER_STATES
from proposals.core.models import Category, Channel, IdeaMembership, Party, Point, Proposal, Region, SubmitterKind
from proposals.core.services.idea_decisions import idea_decide, idea_member_decide_apart, idea_release
from proposals.core.services.ideas import idea_confirm, idea_edit, idea_publish, idea_start
from proposals.core.workflow import PUBLISHABLE_STATES
from proposals.tooling import demo_content, demo_packages

REF_PREFIX = "DEMO-IDEA-"
LANGUAGES = ("kk", "ru", "en")


def ensure_ideas(staff, now, seed=2026):
    """Send the campaigns' copies and the ideas' own texts, then build the ideas; nothing if they are there.
    Returns (ideas built, suggestions left for the desk)."""
    if Proposal.objects.filter(external_ref__startswith=REF_PREFIX).exists():
        return 0, 0
    data = demo_content.ideas()
    builder = Builder(staff, now, random.Random(seed))
    records = data["campaigns"] + data["ideas"]
    left_to_clustering = data["campaigns"][-1]
    built = 0
    for record in records:
        members = builder.members(record)
        if record is left_to_clustering:
            continue
        builder.build(record, members)
        built += 1
    suggestions = cluster_backlog(actor=staff["analyst"]).suggestions
    return built, suggestions


class Builder:
    def __init__(self, staff, now, rng):
        self.staff, self.now, self.rng = staff, now, rng
        self.analyst, self.lead = staff["analyst"], staff["lead"]
        self.regions = {region.slug: region for region in Region.objects.all()}
        self.parties = {party.slug: party for party in Party.objects.all()}
        self.categories = {category.slug: category for category in Category.objects.all()}
        self.texts = {record.key: record for record in demo_content.proposals()}
        self.packages = {package.key: package for package in demo_content.packages()}
        self.sent = 0

    def moment(self):
        """Received times spread over the last three weeks, in order."""
        self.sent += 1
        return self.now - datetime.timedelta(days=21) + datetime.timedelta(minutes=37 * self.sent)

    def send(self, *, kind, language, title, text, region="", party="", organisation="", category=""):
        number = Proposal.objects.filter(external_ref__startswith=REF_PREFIX).count() + 1
        mix = demo_content.mix()
        name = mix.citizen_names[language if language in mix.citizen_names else "ru"]
        proposal = services.proposal_submit(
            submitter_kind=kind, submitter_name=name[number % len(name)],
            organisation=organisation or ("" if kind in (SubmitterKind.CITIZEN, SubmitterKind.PARTY) else
                                          mix.ngo_names[number % len(mix.ngo_names)]),
            party=self.parties.get(party) if kind == SubmitterKind.PARTY else None,
            email=f"idea-member{number}@example.org", region=self.regions.get(region), language=language,
            title=title, text=text, category=self.categories.get(category), channel=Channel.WEB,
            external_ref=f"{REF_PREFIX}{number:04d}", received_at=self.moment(),
        )
        return Point.objects.select_related("proposal").get(proposal=proposal, number=1)

    def weighted(self, weights):
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def members(self, record):
        """The member points of ``record``: its letter's copies (a campaign), then each listed member; every demo
        proposal sent with a listed text joins too. Returns [(Point, member record or None)]."""
        found = []
        letter = record.get("letter")
        if letter:
            for _ in range(record["copies"]):
                found.append((self.send(
                    kind=self.weighted(record["submitter_kinds"]), language=letter["language"], title=letter["title"],
                    text=letter["text"], region=self.weighted(record["regions"]), category=record["category"],
                ), None))
            for edited in record["edited"]:
                found.append((self.send(
                    kind=edited.get("kind", "citizen"), language=letter["language"],
                    title=edited.get("title") or letter["title"], text=edited["text"], region=edited.get("region", ""),
                    organisation=edited.get("organisation", ""), category=record["category"],
                ), None))
        for member in record.get("members", []):
            for point in self.member_points(member, record):
                found.append((point, member))
        return found

    def member_points(self, member, record):
        if "package" in member:
            party = self.packages[member["package"]].party
            point = Point.objects.select_related("proposal").filter(
                proposal__external_ref=f"{demo_packages.REF_PREFIX}{party}", number=member["point"]
            ).first()
            return [point] if point else []
        if "proposal" in member:
            text = self.texts[member["proposal"]]
            sent = list(Point.objects.select_related("proposal").filter(
                number=1, proposal__title=text.title, proposal__text=text.text,
                proposal__state__in=MEMBER_STATES,
            ).order_by("proposal__received_at"))
            if sent:
                return sent
            return [self.send(kind=member["kind"], language=text.language, title=text.title, text=text.text,
                              region=member.get("region", ""), party=member.get("party", ""),
                              category=text.category)]
        return [self.send(
            kind=member["kind"], language=member["language"], title=member["title"], text=member["text"],
            region=member.get("region", ""), party=member.get("party", ""),
            organisation=member.get("organisation", ""), category=record["category"],
        )]

    def build(self, record, members):
        """Confirm the members, write the public texts, decide (members decided apart with their note), publish
        the idea and some members, release."""
        points = [point for point, _member in members if not IdeaMembership.objects.filter(point=point).exists()]
        idea = idea_start(point=points[0], actor=self.analyst)
        if points[1:]:
            idea_confirm(idea=idea, actor=self.analyst, points=points[1:])
        idea_edit(idea=idea, actor=self.analyst, changes={
            "category": self.categories.get(record["category"]),
            **{f"title_{code}": record["title"][code] for code in LANGUAGES},
            **{f"summary_{code}": record["summary"][code] for code in LANGUAGES},
        })
        if record.get("decision"):
            idea_decide(idea=idea, actor=self.lead, outcome=record["decision"], reason=record.get("reason") or "",
                        response=record["response"], note="Решение Рабочей группы по идее.")
            for point, member in members:
                override = (member or {}).get("decision_override")
                if override:
                    idea_member_decide_apart(
                        idea=idea, point=point, actor=self.lead, outcome=override["decision"],
                        reason=override.get("reason") or "", response=override["response"], note=override["note"],
                    )
        self.publish_members(idea, record, points)
        idea_publish(idea=idea, actor=self.lead)
        if record.get("decision"):
            idea_release(idea=idea, actor=self.lead)
        return idea

    def publish_members(self, idea, record, points):
        """Every other new member proposal described with the idea's texts and published (staff would write its
        own; the demo borrows the idea's)."""
        for index, point in enumerate(points):
            proposal = Proposal.objects.get(pk=point.proposal_id)
            if not proposal.external_ref.startswith(REF_PREFIX) or index % 2 or proposal.published_at:
                continue
            if proposal.state not in PUBLISHABLE_STATES:
                continue
            for code in LANGUAGES:
                setattr(proposal, f"title_{code}", record["title"][code])
                setattr(proposal, f"summary_{code}", record["summary"][code])
            proposal.save(update_fields=[f"{field}_{code}" for field in ("title", "summary") for code in LANGUAGES])
            services.proposal_publish(proposal=proposal, actor=self.lead)
