"""seed_demo's party packages: each registered, split into its points and answered through the services."""
import datetime

from proposals.core import services
from proposals.core.models import Article, Category, Channel, Party, Proposal, SubmitterKind
from proposals.core.points import decision_from_points
from proposals.core.workflow import DECIDED_STATES, Action, State
from proposals.tooling import demo_content

REF_PREFIX = "DEMO-PKG-"
# The decision that records each decided state.
DECIDES = {State.ACCEPTED: Action.ACCEPT, State.PARTIALLY_ACCEPTED: Action.ACCEPT_PARTIALLY,
           State.NOT_ACCEPTED: Action.REJECT}
# How far each package goes before it stops (after the split, which happens in screening).
AFTER_SPLIT = {
    State.IN_REVIEW: [Action.ACCEPT_FOR_REVIEW],
    State.WITH_WORKING_GROUP: [Action.ACCEPT_FOR_REVIEW, Action.FORWARD],
}


def ensure_packages(staff, now, packages=None):
    """Register every demo package that is not there yet (by its reference); returns how many were created."""
    existing = set(Proposal.objects.filter(external_ref__startswith=REF_PREFIX).values_list("external_ref", flat=True))
    created = 0
    for index, package in enumerate(packages or demo_content.packages()):
        ref = f"{REF_PREFIX}{package.party}"
        if ref in existing:
            continue
        build(package, ref, staff, received_at=now - datetime.timedelta(days=40 - index * 3))
        created += 1
    return created


def build(package, ref, staff, received_at):
    """One package: submitted by email, screened, split into its points with their summaries, topics and articles,
    then taken as far as its state, answered point by point, released and published as the package says."""
    analyst, lead = staff["analyst"], staff["lead"]
    categories = {category.slug: category for category in Category.objects.all()}
    articles = {article.number: article for article in Article.objects.all()}
    moments = (received_at + datetime.timedelta(hours=6 * step) for step in range(1, 100))
    proposal = services.proposal_submit(
        submitter_kind=SubmitterKind.PARTY, party=Party.objects.get(slug=package.party),
        position="Chairman of the party's policy committee" if package.language == "en" else (
            "Партия саяси кеңесінің төрағасы" if package.language == "kk" else "Председатель политсовета партии"
        ),
        email=f"office@{package.party}.example.org", language=package.language, title=package.title,
        text=package.text, category=categories.get(package.category), channel=Channel.EMAIL, external_ref=ref,
        received_at=received_at,
    )
    # Staff write the public texts in the console; demo data gets the package's directly.
    for code in ("kk", "ru", "en"):
        setattr(proposal, f"title_{code}", package.public_title[code])
        setattr(proposal, f"summary_{code}", package.summary[code])
    proposal.save(update_fields=[f"{field}_{code}" for field in ("title", "summary") for code in ("kk", "ru", "en")])
    services.proposal_assign(proposal=proposal, assignee=analyst, actor=lead, at=next(moments))
    services.proposal_transition(proposal=proposal, action=Action.START_SCREENING, actor=analyst, at=next(moments))
    points = services.point_split(point=proposal.points.get(), actor=analyst,
                                  texts=[point.text for point in package.points], at=next(moments))
    for point, record in zip(points, package.points, strict=True):
        services.point_edit(point=point, actor=analyst, at=next(moments), changes={
            "category": categories.get(record.category),
            **{f"summary_{code}": record.summary[code] for code in ("kk", "ru", "en")},
        })
        links = [(articles[number], change) for number, change in record.articles if number in articles]
        services.proposal_articles_set(proposal=proposal, point=point, actor=analyst, links=links, at=next(moments))
    state = State(package.state)
    for action in AFTER_SPLIT.get(state, [Action.ACCEPT_FOR_REVIEW, Action.FORWARD]):
        actor = lead if action == Action.FORWARD else analyst
        services.proposal_transition(proposal=proposal, action=action, actor=actor, at=next(moments))
    if state in DECIDED_STATES:
        decide(proposal, package, lead, moments)
        if package.released:
            services.proposal_release_decision(proposal=proposal, actor=lead, at=next(moments))
    if package.published:
        services.proposal_publish(proposal=proposal, actor=lead, at=next(moments))
    return proposal


def decide(proposal, package, lead, moments):
    """The Working Group's answer to each point, then the decision they give with the package's response."""
    services.points_decide(proposal=proposal, actor=lead, at=next(moments), outcomes={
        number: {"outcome": point.outcome, "reason": point.reason, "response": point.response}
        for number, point in enumerate(package.points, 1)
    })
    state, reason = decision_from_points((point.outcome, point.reason) for point in package.points)
    services.proposal_decide(
        proposal=proposal, action=DECIDES[state], actor=lead, response=package.response, reason=reason,
        note="Решение Рабочей группы по пакету предложений, пункт за пунктом.", at=next(moments),
    )
