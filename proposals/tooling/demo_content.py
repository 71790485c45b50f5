"""Demo content for seed_demo and generate_proposals, read from the data files in fixtures/demo/."""
import dataclasses
import functools
import json

from django.conf import settings

from proposals.core.workflow import State

DEMO_DIR = settings.BASE_DIR / "fixtures" / "demo"


class DemoDataError(ValueError):
    """A demo data file is not in the shape this module reads."""


@dataclasses.dataclass(frozen=True)
class DemoProposal:
    """One demo text: what the submitter sent, and the Working Group's public summary, decision and response."""

    key: str
    language: str
    category: str
    title: str
    text: str
    rationale: str
    articles: str
    summary: dict  # language code -> text
    public_title: dict  # language code -> the title staff write for the register
    decision: str
    response: dict  # language code -> text
    reason: str = ""
    campaign_weight: int = 0
    campaign_only: bool = False
    # What the text would do to each article it names ("50": "amend"); a number not listed: "concerns".
    article_changes: dict = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class Mix:
    """Who submits the demo proposals, in which shares, how far they get, and the words added around the texts."""

    about: str
    states: dict
    submitter_kinds: dict
    channels: dict
    generated_languages: dict
    shares: dict
    age_days: dict
    staff_notes: dict
    spam: dict
    out_of_scope: list
    citizen_names: dict
    ngo_names: list
    business_names: list
    expert_affiliations: list
    positions: dict
    generated_texts: dict
    packages: dict

    def age_range(self, state):
        """Oldest and newest age in days of a proposal that has reached ``state``."""
        low, high = self.age_days.get(state, self.age_days["later_states"])
        return low, high


def load(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def build(shape, record, where):
    """``record`` (a JSON object) as a ``shape`` instance; a missing or unknown key is refused, saying where."""
    if not isinstance(record, dict):
        raise DemoDataError(f"{where}: not a JSON object")
    try:
        return shape(**record)
    except TypeError as error:
        raise DemoDataError(f"{where}: {error}") from error


def read_proposals(directory=DEMO_DIR):
    data = load(directory / "proposals.json")
    if not isinstance(data, dict) or not isinstance(data.get("proposals"), list):
        raise DemoDataError("proposals.json: no list of proposals")
    return tuple(
        build(DemoProposal, record, f"proposals.json, record {number}")
        for number, record in enumerate(data["proposals"], 1)
    )


@functools.cache
def proposals():
    """Every demo text, in file order."""
    return read_proposals()


@functools.cache
def mix():
    return build(Mix, load(DEMO_DIR / "mix.json"), "mix.json")


def ordinary():
    """The texts people send one by one (not the text written as a campaign)."""
    return [record for record in proposals() if not record.campaign_only]


def campaign():
    """The text a mass campaign sends: seed_demo keeps one in review and marks its copies as duplicates."""
    return next(record for record in proposals() if record.campaign_only)


def spam():
    """The advertising that reaches the form: no category, nothing to summarise or answer."""
    text = mix().spam
    return DemoProposal(key="spam", language=text["language"], category="", title=text["title"], text=text["text"],
                        rationale="", articles="", summary={}, public_title={}, decision="", response={})


def out_of_scope():
    """Requests outside the reform (a road, a tariff, a pension): the only texts seed_demo marks out of scope.

    The Working Group's texts are never marked out of scope, so no text is both decided and out of scope.
    """
    return [
        DemoProposal(key=f"out-of-scope-{number}", rationale="", articles="", decision=State.OUT_OF_SCOPE.value,
                     response={}, **record)
        for number, record in enumerate(mix().out_of_scope, 1)
    ]


def campaigns():
    """The texts generate_proposals sends as mass campaigns, with their weights."""
    return [record for record in proposals() if record.campaign_weight]


@dataclasses.dataclass(frozen=True)
class DemoPoint:
    """One point of a party's package: its text, topic, articles, public summary and the Working Group's answer."""

    text: str
    category: str
    articles: list  # [[number, change]]
    summary: dict
    outcome: str
    reason: str
    response: dict


@dataclasses.dataclass(frozen=True)
class DemoPackage:
    """A party's package of numbered points, answered point by point (fixtures/demo/packages.json)."""

    key: str
    party: str
    language: str
    category: str
    title: str
    preamble: str
    closing: str
    public_title: dict
    summary: dict
    state: str
    released: bool
    published: bool
    response: dict
    points: tuple

    @property
    def text(self):
        """The document as the party sent it: the preamble, the numbered points, the closing."""
        items = [f"{number}. {point.text}" for number, point in enumerate(self.points, 1)]
        return "\n\n".join([self.preamble, *items, self.closing])


def read_packages(directory=DEMO_DIR):
    data = load(directory / "packages.json")
    if not isinstance(data, dict) or not isinstance(data.get("packages"), list):
        raise DemoDataError("packages.json: no list of packages")
    packages = []
    for number, record in enumerate(data["packages"], 1):
        where = f"packages.json, package {number}"
        if not isinstance(record, dict) or not isinstance(record.get("points"), list):
            raise DemoDataError(f"{where}: no list of points")
        points = tuple(build(DemoPoint, point, f"{where}, point {index}")
                       for index, point in enumerate(record["points"], 1))
        packages.append(build(DemoPackage, {**record, "points": points}, where))
    return tuple(packages)


@functools.cache
def packages():
    """The parties' packages, in file order."""
    return read_packages()


@functools.cache
def ideas():
    """The demo's campaigns and ideas (fixtures/demo/ideas.json), as the file has them: {"campaigns", "ideas"}."""
    data = load(DEMO_DIR / "ideas.json")
    if not isinstance(data, dict) or not isinstance(data.get("campaigns"), list) or not isinstance(
        data.get("ideas"), list
    ):
        raise DemoDataError("ideas.json: no lists of campaigns and ideas")
    return data
