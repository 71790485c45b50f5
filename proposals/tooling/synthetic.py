"""Synthetic proposals for load and benchmark work: realistic rows with consistent histories, loaded in bulk."""
import bisect
import datetime
import random as random_module
import re
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from proposals.core import deadlines, tracking
from proposals.core.articles import split_free_text
from proposals.core.models import (
    Article,
    ArticleChange,
    Category,
    Channel,
    Holiday,
    Party,
    Point,
    Proposal,
    ProposalArticle,
    ProposalEvent,
    Region,
    SubmitterKind,
)
from proposals.core.selectors import bump_public_version
from proposals.core.validators import bin_is_valid
from proposals.core.workflow import (
    DECIDE,
    DECIDED_STATES,
    PUBLISHABLE_STATES,
    TRANSITIONS,
    Action,
    NotAcceptedReason,
    State,
)
from proposals.tooling import demo_content
from proposals.tooling.management.commands.seed_demo import PATHS

BATCH_SIZE = 20_000
# From this many new rows on, PostgreSQL indexes are dropped and rebuilt: one sorted build beats a million inserts.
DROP_INDEXES_MIN_COUNT = 100_000
# ...unless the table is already so big that rebuilding its indexes costs more than updating them.
DROP_INDEXES_MAX_EXISTING_RATIO = 4

# The demo's ages (fixtures/demo/mix.json) cover four months; synthetic data covers a year.
YEAR_DAYS = 365
DAY = 86_400
HOUR = 3_600
# Half of the duplicates repeat a mass campaign, the rest an earlier proposal on the same theme.
CAMPAIGN_DUPLICATE_SHARE = 0.5
# Campaign copies not marked as duplicates (yet): with the duplicates above, about 5% of all proposals.
CAMPAIGN_COPY_SHARE = 0.02
# An original must be older than every copy, so campaigns start before the year of ordinary data.
CAMPAIGN_ORIGINAL_AGE_DAYS = (366, 380)
# Earlier proposals remembered per theme as originals for ordinary duplicates.
ORIGINALS_PER_THEME = 32
MAX_SENTENCES = 15
MIN_TEXT_CHARS = 300
# Typical delay before each step of a history; scaled down when the proposal is younger than their sum.
DELAY_HOURS = {
    Action.ASSIGN: (0.2, 20), Action.START_SCREENING: (1, 48), Action.ACCEPT_FOR_REVIEW: (24, 240),
    Action.MARK_DUPLICATE: (4, 120), Action.MARK_OUT_OF_SCOPE: (24, 240), Action.MARK_SPAM: (1, 48),
    Action.FORWARD: (72, 1000), Action.ACCEPT: (168, 2000), Action.ACCEPT_PARTIALLY: (168, 2000),
    Action.REJECT: (168, 2000), Action.WITHDRAW: (24, 500), Action.RELEASE_DECISION: (24, 500),
    Action.PUBLISH: (24, 400),
}

PROPOSAL_COLUMNS = (
    "id", "tracking_code", "submitter_kind", "submitter_name", "organisation", "party_id", "position", "bin",
    "email", "phone", "region_id", "publish_name", "language", "channel", "external_ref", "submission_token",
    "title", "text", "rationale", "articles", "category_id", "state", "assignee_id", "duplicate_of_id",
    "decision_reason", "title_kk", "title_ru", "title_en", "summary_kk", "summary_ru", "summary_en", "response_kk",
    "response_ru", "response_en",
    "received_at", "acknowledge_due", "decision_due", "decided_at", "decision_released_at", "published_at",
    "anonymised_at", "created_at", "updated_at", "interface_language", "notify_submitter",
)
EVENT_COLUMNS = ("proposal_id", "action", "from_state", "to_state", "actor_id", "note", "reason", "is_public",
                 "created_at")
LINK_COLUMNS = ("proposal_id", "point_id", "article_id", "change")
POINT_COLUMNS = (
    "id", "proposal_id", "number", "text", "category_id", "summary_kk", "summary_ru", "summary_en", "outcome",
    "outcome_reason", "response_kk", "response_ru", "response_en", "created_at", "updated_at",
)
# Where a proposal row holds what its point 1 copies (services.points.FOLLOWS and the decision).
_AT = {name: PROPOSAL_COLUMNS.index(name) for name in (
    "id", "category_id", "state", "decision_reason", "summary_kk", "summary_ru", "summary_en", "response_kk",
    "response_ru", "response_en", "created_at", "updated_at",
)}

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def sentences(text):
    return [part.strip() for part in _SENTENCE_END.split(text or "") if part.strip()]


def cumulative(weights):
    """(keys, cumulative weights) for drawing with one random number and a bisection (faster than choices)."""
    keys, running, total = [], [], 0
    for key, weight in weights.items():
        total += weight
        keys.append(key)
        running.append(total)
    return keys, running


def draw(random, table):
    keys, running = table
    return keys[bisect.bisect(running, random() * running[-1])]


def valid_bin(number):
    """A BIN for organisation ``number``: registration year and month, legal-entity code 40, serial, check digit."""
    for serial in range(number * 100, number * 100 + 100):
        prefix = f"{7 + number * 7 % 18:02d}{1 + number % 12:02d}40{serial % 100_000:05d}"
        for check in "0123456789":
            if bin_is_valid(prefix + check):
                return prefix + check
    raise ValueError("no valid BIN for this serial range")


@dataclass
class Theme:
    """A demo text a proposal is built around: its title, opening sentences, public texts and decision."""

    index: int
    language: str
    category: str
    title: str
    own: list
    extra: list
    rationale: list
    articles: str
    summary: tuple
    response: tuple
    article_changes: dict
    decision: str
    reason: str
    public_title: tuple = ("", "", "")


@dataclass
class Campaign:
    """A text many people send with small changes; each run creates its original before the first copy."""

    theme: Theme
    text_sentences: list
    weight: int
    original: tuple = None  # (id, received timestamp) in this run


@dataclass(slots=True)
class Draft:
    """What one proposal will be, settled before its texts are written."""

    state: str
    language: str
    kind: str
    channel: str
    received: int
    theme: Theme = None
    campaign: Campaign = None
    original: tuple = None  # (id, received timestamp) of the proposal it repeats


@dataclass
class Pools:
    """Everything rows are drawn from, prepared once."""

    themes: dict = field(default_factory=dict)  # language -> [Theme]
    decided: dict = field(default_factory=dict)  # (language, decision) -> [Theme]: a text has one outcome
    rationales: dict = field(default_factory=dict)  # language -> [sentence]
    campaigns: list = field(default_factory=list)

    @classmethod
    def build(cls):
        pools = cls()
        by_language = {}
        for proposal in demo_content.ordinary():
            by_language.setdefault(proposal.language, []).append(proposal)
            pools.rationales.setdefault(proposal.language, []).extend(sentences(proposal.rationale))
        for language, proposals in by_language.items():
            # Longer texts continue with sentences of other proposals in the same language.
            everything = [s for p in proposals for s in sentences(p.text) + sentences(p.rationale)]
            pools.themes[language] = [_theme(index, p, everything) for index, p in enumerate(proposals)]
            for theme in pools.themes[language]:
                pools.decided.setdefault((language, theme.decision), []).append(theme)
        openings = demo_content.mix().generated_texts["campaign_opening"]
        for number, source in enumerate(demo_content.campaigns()):
            theme = _theme(-1 - number, source, ())
            # A campaign's opening sets its copies apart from individual proposals on the same theme.
            opening = [] if source.campaign_only else [openings[theme.language]]
            pools.campaigns.append(Campaign(theme, opening + theme.own[:4], source.campaign_weight))
        return pools


def _theme(index, proposal, pool):
    own = sentences(proposal.text)
    return Theme(
        index=index, language=proposal.language, category=proposal.category, title=proposal.title,
        own=own, extra=[s for s in pool if s not in own], rationale=sentences(proposal.rationale),
        articles=proposal.articles, article_changes=proposal.article_changes,
        summary=tuple(proposal.summary[code] for code in ("kk", "ru", "en")),
        response=tuple(proposal.response[code] for code in ("kk", "ru", "en")),
        decision=proposal.decision, reason=proposal.reason,
        public_title=tuple(proposal.public_title[code] for code in ("kk", "ru", "en")),
    )


class CodeSource:
    """Unique tracking codes from a seeded generator: 40 random bits are exactly the 8-character payload."""

    def __init__(self, random_bits, existing=()):
        self.random_bits = random_bits
        alphabet, base = tracking.ALPHABET, tracking.BASE
        # Ten bits are two characters: a payload is four table lookups, not eight divisions.
        self.pairs = [a + b for a in alphabet for b in alphabet]
        self.used = set()
        values = {char: number for number, char in enumerate(alphabet)}
        for code in existing:
            compact = code.replace("-", "")
            if len(compact) == tracking.CODE_LENGTH and all(char in values for char in compact):
                number = 0
                for char in compact[:-1]:
                    number = number * base + values[char]
                self.used.add(number)

    def next(self):
        number = self.random_bits(40)
        while number in self.used:
            number = self.random_bits(40)
        self.used.add(number)
        pairs = self.pairs
        payload = pairs[number >> 30] + pairs[number >> 20 & 1023] + pairs[number >> 10 & 1023] + pairs[number & 1023]
        return tracking.format_code(payload + tracking.check_character(payload))


class Formats:
    """How timestamps (whole seconds since the epoch) and dates are written: datetimes for the ORM."""

    def stamp(self, seconds):
        return datetime.datetime.fromtimestamp(seconds, datetime.UTC)

    def day(self, value):
        return value


class CopyFormats(Formats):
    """Timestamps as COPY text, from a table of times of day: formatting millions of datetimes is slow."""

    def __init__(self):
        self.times = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}+00" for s in range(DAY)]
        self.days = {}

    def stamp(self, seconds):
        day = seconds // DAY
        prefix = self.days.get(day)
        if prefix is None:
            prefix = self.days[day] = (datetime.date(1970, 1, 1) + datetime.timedelta(days=day)).isoformat() + " "
        return prefix + self.times[seconds % DAY]

    def day(self, value):
        return value.isoformat()


@dataclass
class Staff:
    """The demo accounts (seed_demo) that histories name: ids, and usernames for assignment notes."""

    lead: int
    analysts: list
    names: dict


class Generator:
    """Builds proposal rows and their events as the services would have written them, batch by batch."""

    def __init__(self, rng, *, seed, formats, staff, existing_codes=(), now=None):
        self.rng = rng
        self.seed = seed
        self.formats = formats
        self.staff = staff
        self.now = int((now or timezone.now()).timestamp())
        self.created = formats.stamp(self.now)
        self.mix = mix = demo_content.mix()
        self.words = mix.generated_texts
        self.pools = Pools.build()
        self.codes = CodeSource(rng.getrandbits, existing_codes)
        self.originals = {}  # (language, theme index) -> [(id, received)]
        self.due_dates = {}
        self.local_days = {}
        self.holidays = frozenset(Holiday.objects.values_list("date", flat=True))
        self.categories = dict(Category.objects.values_list("slug", "pk"))
        self.regions = list(Region.objects.order_by("pk").values_list("pk", "name_kk", "name_ru", "name_en"))
        self.parties = list(Party.objects.order_by("pk").values_list("pk", flat=True))
        self.article_ids = dict(Article.objects.values_list("number", "pk"))
        self.theme_links = {}  # (language, theme index) -> ((article id, change), ...), unmatched text
        self.states = cumulative(mix.states)
        self.kinds = cumulative(mix.submitter_kinds)
        self.languages = cumulative(mix.generated_languages)
        self.channels = cumulative(mix.channels)
        self.campaign_weights = cumulative({n: campaign.weight for n, campaign in enumerate(self.pools.campaigns)})
        self.bins = {name: valid_bin(number) for number, name in enumerate(mix.ngo_names + mix.business_names)}
        # Packages draw from their own generator: the proposals a seed gave before stay the same.
        self.points_rng = random_module.Random(f"points-{seed}")
        self.organisations = 0
        self.plans = {}  # proposal id -> [(text, outcome, reason)] of a package's points, for this batch
        self.point_outcomes = cumulative(mix.packages["outcome_weights"])
        self.paths = {state.value: [action.value for action in actions] for state, actions in PATHS.items()}
        scale = YEAR_DAYS / mix.age_range("later_states")[1]
        self.ages = {state.value: tuple(days * scale * DAY for days in mix.age_range(state)) for state in State}
        self.delays = {action.value: (low * HOUR, high * HOUR) for action, (low, high) in DELAY_HOURS.items()}

    def batch(self, ids):
        """(proposal rows, event rows, article link rows) for new proposals with the primary keys ``ids``, in
        ascending order."""
        proposals, events, self.links, self.plans = [], [], [], {}
        for pk in ids:
            proposals.append(self.proposal(pk, events))
        return proposals, events, self.links

    def plan_package(self, pk, draft, text, reason):
        """Remember the points of ``pk`` if it is a package: an organisation's own proposal (not a campaign copy),
        with mix.packages' share and number of points (every hundred_every-th one 100), their texts the
        submission's sentences and their outcomes adding up to the proposal's decision."""
        if draft.kind == SubmitterKind.CITIZEN or draft.campaign is not None or draft.state in (
            State.SPAM, State.DUPLICATE
        ):
            return
        settings_ = self.mix.packages
        self.organisations += 1
        random = self.points_rng.random
        if self.organisations % settings_["hundred_every"] == 1:
            count = 100
        elif random() < settings_["share"]:
            low, high = settings_["points"]
            count = low + int(random() * (high - low + 1))
        else:
            return
        parts = sentences(text) or [text]
        texts = [parts[number % len(parts)] for number in range(count)]
        answers = self.point_answers(draft.state, reason, count)
        self.plans[pk] = [(text, outcome, why) for text, (outcome, why) in zip(texts, answers, strict=True)]

    def point_answers(self, state, reason, count):
        """[(outcome, reason)] of ``count`` points whose decision is ``state`` (empty outcomes if undecided)."""
        if state not in DECIDED_STATES:
            return [("", "")] * count
        if state != State.PARTIALLY_ACCEPTED:
            return [(state, reason)] * count
        random = self.points_rng.random
        answers = [draw(random, self.point_outcomes) for _number in range(count)]
        # Mixed, so that the points give "partially accepted" as the proposal's decision says.
        if set(answers) == {State.ACCEPTED.value}:
            answers[-1] = State.NOT_ACCEPTED.value
        reasons = NotAcceptedReason.values
        return [(answer, reasons[int(random() * len(reasons))] if answer == State.NOT_ACCEPTED else "")
                for answer in answers]

    def points(self, proposals, links, point_ids):
        """The point rows of the batch's proposals (point 1 each, and a package's others), with ids from
        ``point_ids`` in order, and the link rows with their point (a package's articles stay on point 1)."""
        at = _AT
        responses = self.mix.packages["responses"]
        ids = iter(point_ids)
        rows, point_of = [], {}
        for row in proposals:
            pk, state = row[at["id"]], row[at["state"]]
            summaries = [row[at[f"summary_{code}"]] for code in ("kk", "ru", "en")]
            plan = self.plans.get(pk)
            if plan is None:
                decided = state in DECIDED_STATES
                plan = [("", state if decided else "", row[at["decision_reason"]] if state == State.NOT_ACCEPTED
                         else "")]
            for number, (text, outcome, reason) in enumerate(plan, 1):
                point_id = next(ids)
                if number == 1:
                    point_of[pk] = point_id
                answer = [row[at[f"response_{code}"]] for code in ("kk", "ru", "en")]
                if len(plan) > 1:
                    answer = [responses[outcome][code] for code in ("kk", "ru", "en")] if outcome else ["", "", ""]
                rows.append((point_id, pk, number, text, row[at["category_id"]], *summaries, outcome, reason,
                             *answer, row[at["created_at"]], row[at["updated_at"]]))
        return rows, [(proposal, point_of[proposal], article, change) for proposal, article, change in links]

    def point_count(self, proposals):
        return sum(len(self.plans.get(row[_AT["id"]], ())) or 1 for row in proposals)

    def article_links(self, theme):
        """((article id, change), ...) and the unmatched rest of a theme's articles, as proposal_submit links them
        (worked out once per theme: rows only copy them)."""
        key = (theme.language, theme.index)
        found = self.theme_links.get(key)
        if found is None:
            known, rest = split_free_text(theme.articles, self.article_ids)
            changes = theme.article_changes
            known += [number for number in changes if number in self.article_ids and number not in known]
            links = tuple((self.article_ids[number], changes.get(number, ArticleChange.CONCERNS.value))
                          for number in known)
            found = self.theme_links[key] = (links, rest)
        return found

    def proposal(self, pk, events):
        random = self.rng.random
        draft = self.draft(pk)
        state, theme, original = draft.state, draft.theme, draft.original
        region = self.regions[int(random() * len(self.regions))]
        title, text, rationale = self.texts(draft, pk, region)
        person = self.submitter(draft.kind, draft.language, draft.channel)
        analyst = self.staff.analysts[int(random() * len(self.staff.analysts))]
        reason = ""
        if state == State.NOT_ACCEPTED:
            reason = theme.reason
            # Where the reason used to be drawn: a seed keeps giving the states, people and dates it gave before.
            random()
        released = state in DECIDED_STATES and random() < self.mix.shares["decision_released"]
        publishable = state in PUBLISHABLE_STATES
        published = publishable and random() < self.mix.shares["published"]
        decided_at, released_at, published_at = self.history(
            events, pk, state, draft.received, analyst, reason, released, published
        )
        if self.may_be_duplicated(draft):
            self.remember_original(theme, pk, draft.received)
        self.plan_package(pk, draft, text, reason)
        stamp = self.formats.stamp
        unmatched = ""
        if state != State.SPAM:
            links, unmatched = self.article_links(theme)
            self.links.extend((pk, article, change) for article, change in links)
        return (
            pk, self.codes.next(), draft.kind, *person[:7], region[0] if person[7] else None, person[8],
            draft.language, draft.channel, f"GEN-{self.seed}-{pk}" if draft.channel != Channel.WEB else "", "",
            title, text, rationale, unmatched,
            None if state == State.SPAM else self.categories.get(theme.category),
            state, analyst if self.paths[state] else None,
            original[0] if original is not None and state == State.DUPLICATE else None, reason,
            *(theme.public_title if publishable else ("", "", "")),
            *(theme.summary if publishable else ("", "", "")),
            *(theme.response if state in DECIDED_STATES else ("", "", "")),
            stamp(draft.received), *self.due(draft.received),
            None if decided_at is None else stamp(decided_at),
            None if released_at is None else stamp(released_at),
            None if published_at is None else stamp(published_at),
            None, self.created, self.created, "", True,
        )

    def draft(self, pk):
        """State, language, submitter kind, channel, receipt time, theme, and the original a copy repeats."""
        random = self.rng.random
        state = draw(random, self.states)
        low, high = self.ages[state]
        draft = Draft(state, draw(random, self.languages), draw(random, self.kinds), draw(random, self.channels),
                      self.now - int(low + random() * (high - low)))
        if state == State.SPAM:
            draft.language, draft.kind, draft.channel = "ru", SubmitterKind.CITIZEN.value, Channel.WEB.value
        elif state == State.DUPLICATE and random() >= CAMPAIGN_DUPLICATE_SHARE:
            draft.theme = self.any_theme(draft.language)
            draft.original = self.pick_original(draft.theme)
            if draft.original is None:
                draft.theme = None  # nothing earlier on this theme yet in this run: copy a campaign instead
        if draft.theme is None and state != State.SPAM and (state == State.DUPLICATE or random() < CAMPAIGN_COPY_SHARE):
            campaign = draft.campaign = self.pools.campaigns[draw(random, self.campaign_weights)]
            draft.theme, draft.language = campaign.theme, campaign.theme.language
            if campaign.original is None:
                draft.state, draft.received = self.become_original(state, campaign.theme)
                campaign.original = (pk, draft.received)
            else:
                draft.original = campaign.original
                if state in DECIDED_STATES:
                    # A copy the Working Group decided on its own gets the campaign text's one decision.
                    draft.state = campaign.theme.decision
        if draft.theme is None:
            draft.theme = self.any_theme(draft.language, draft.state)
        if draft.original is not None:
            # After the original, and early enough for the screening and the marking to fit before now.
            after = draft.original[1] + int(HOUR + random() * 7 * DAY)
            draft.received = min(max(draft.received, after), self.now - HOUR)
        return draft

    def any_theme(self, language, state=None):
        """A text in ``language``; for a decided ``state``, one the Working Group decided that way."""
        themes = self.pools.decided[language, state] if state in DECIDED_STATES else self.pools.themes[language]
        return themes[int(self.rng.random() * len(themes))]

    def texts(self, draft, pk, region):
        """(title, text, rationale)."""
        if draft.state == State.SPAM:
            return self.mix.spam["title"], self.mix.spam["text"], ""
        if draft.campaign is not None:
            title, text = self.campaign_copy(draft.campaign, is_original=draft.campaign.original[0] == pk)
            return title, text, " ".join(draft.theme.rationale)
        return self.title(draft.theme, region), self.text(draft.theme, draft.kind), self.rationale(draft.theme)

    def become_original(self, state, theme):
        """The state and receipt time of a campaign's original: older than any copy, and a link target."""
        state = theme.decision if state in DECIDED_STATES else State.WITH_WORKING_GROUP.value
        low, high = CAMPAIGN_ORIGINAL_AGE_DAYS
        return state, self.now - int((low + self.rng.random() * (high - low)) * DAY)

    def may_be_duplicated(self, draft):
        """An individual proposal old enough for a later one to repeat it, in a state the services link to."""
        return (
            draft.original is None and draft.campaign is None
            and draft.state not in (State.DUPLICATE, State.SPAM, State.WITHDRAWN)
            and draft.received < self.now - 2 * DAY
        )

    def pick_original(self, theme):
        found = self.originals.get((theme.language, theme.index))
        return found[int(self.rng.random() * len(found))] if found else None

    def remember_original(self, theme, pk, received):
        found = self.originals.setdefault((theme.language, theme.index), [])
        if len(found) < ORIGINALS_PER_THEME:
            found.append((pk, received))
        else:
            found[int(self.rng.random() * ORIGINALS_PER_THEME)] = (pk, received)

    def title(self, theme, region):
        random = self.rng.random()
        if random < 0.45:
            return theme.title
        if random < 0.7:
            name = region[{"kk": 1, "ru": 2, "en": 3}[theme.language]]
            return f"{theme.title} ({name})"
        if random < 0.85:
            return self.words["title_prefix"][theme.language] + theme.title
        return self.words["numbered_title"][theme.language].format(title=theme.title, n=self.rng.randint(1, 9999))

    def text(self, theme, kind):
        # Most people write a few sentences; organisations and experts write more.
        count = 3 + int(12 * self.rng.random() ** 2) + (2 if kind != SubmitterKind.CITIZEN else 0)
        count = min(count, MAX_SENTENCES)
        chosen = theme.own[:count]
        if count > len(chosen):
            chosen = chosen + self.rng.sample(theme.extra, count - len(chosen))
        # Three short Kazakh sentences make too brief a proposal: nobody writes to a Working Group in one line.
        while sum(map(len, chosen)) < MIN_TEXT_CHARS and len(chosen) < MAX_SENTENCES:
            chosen.append(theme.extra[int(self.rng.random() * len(theme.extra))])
        return "\n\n".join(" ".join(chosen[i : i + 4]) for i in range(0, len(chosen), 4))

    def rationale(self, theme):
        if self.rng.random() < 0.35:
            return ""
        pool = self.pools.rationales[theme.language]
        return " ".join(theme.rationale + self.rng.sample(pool, int(self.rng.random() * 4)))

    def campaign_copy(self, campaign, is_original):
        language = campaign.theme.language
        chosen = list(campaign.text_sentences)
        title = campaign.theme.title
        if is_original:
            return title, " ".join(chosen)
        rng = self.rng
        # The first two sentences stay: they say what the campaign is about.
        if rng.random() < 0.25 and len(chosen) > 3:
            del chosen[2 + int(rng.random() * (len(chosen) - 2))]
        greetings, closings = self.words["greetings"][language], self.words["closings"][language]
        if rng.random() < 0.4:
            chosen.insert(0, greetings[int(rng.random() * len(greetings))])
        if rng.random() < 0.4:
            chosen.append(closings[int(rng.random() * len(closings))])
        if rng.random() < 0.15:
            title += self.words["campaign_title_suffix"][language]
        return title, " ".join(chosen)

    def submitter(self, kind, language, channel):
        """(name, organisation, party, position, BIN, email, phone, with region, publish name), as the form asks."""
        rng, random = self.rng, self.rng.random
        mix = self.mix
        names, positions = mix.citizen_names[language], mix.positions[language]
        name = names[int(random() * len(names))]
        # A letter comes without an email address; only citizens are asked for a phone number.
        email = "" if channel == Channel.LETTER else f"{kind}{rng.getrandbits(24):07d}@example.org"
        phone = f"+7 7{rng.randint(0, 79):02d} {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
        if kind == SubmitterKind.CITIZEN:
            return (name, "", None, "", "", email, phone if random() < 0.7 else "", True,
                    random() < mix.shares["citizen_name_published"])
        if kind == SubmitterKind.PARTY:
            party = self.parties[int(random() * len(self.parties))]
            return name, "", party, positions[int(random() * len(positions))], "", email, "", random() < 0.8, False
        if kind == SubmitterKind.EXPERT:
            affiliations = mix.expert_affiliations
            return name, affiliations[int(random() * len(affiliations))], None, "", "", email, "", random() < 0.8, False
        organisations = mix.ngo_names if kind == SubmitterKind.NGO else mix.business_names
        organisation = organisations[int(random() * len(organisations))]
        bin_ = self.bins[organisation] if random() < 0.7 else ""
        position = positions[int(random() * len(positions))]
        return name, organisation, None, position, bin_, email, "", random() < 0.8, False

    def history(self, events, pk, state, received, analyst, reason, released, published):
        """Append the events the services write on the way to ``state``; (decided, released, published) times."""
        rng, stamp = self.rng, self.formats.stamp
        steps = self.paths[state]
        actions = ([Action.ASSIGN.value] if steps else []) + steps
        if released:
            actions.append(Action.RELEASE_DECISION.value)
        if published:
            actions.append(Action.PUBLISH.value)
        events.append((pk, Action.SUBMIT.value, "", State.RECEIVED.value, None, "", "", True, stamp(received)))
        if not steps:
            return None, None, None
        delays = [low + rng.random() * (high - low) for low, high in (self.delays[action] for action in actions)]
        # Squeeze the history into the proposal's age: nothing happens in the future.
        room = max(self.now - received - 60 - len(actions), 0)
        scale = min(1.0, room / sum(delays))
        moment, current = received, State.RECEIVED.value
        decided = released_at = published_at = None
        lead = self.staff.lead
        for action, delay in zip(actions, delays, strict=True):
            moment += 1 + int(delay * scale)
            transition = TRANSITIONS.get(action)
            if transition is not None:
                target = transition.target.value
                # The submitter withdraws (no account); deciding is the lead's, the rest the analyst's.
                actor = None if action == Action.WITHDRAW else lead if transition.permission == DECIDE else analyst
                events.append((
                    pk, action, current, target, actor, self.mix.staff_notes.get(action, ""),
                    reason if action == Action.REJECT else "", transition.public, stamp(moment),
                ))
                current = target
                if target in DECIDED_STATES:
                    decided = moment
            elif action == Action.ASSIGN:
                events.append((pk, action, current, current, lead, self.staff.names[analyst], "", False, stamp(moment)))
            elif action == Action.RELEASE_DECISION:
                events.append((pk, action, current, current, lead, "", reason, True, stamp(moment)))
                released_at = moment
            else:
                events.append((pk, action, current, current, lead, "", "", True, stamp(moment)))
                published_at = moment
        return decided, released_at, published_at

    def due(self, received):
        """(acknowledge by, decide by) as deadlines.due_dates computes them, cached per local day."""
        # Time zones change the date on a quarter hour at the finest, so a quarter hour has one local date.
        local = self.local_days.get(received // 900)
        if local is None:
            local = self.local_days[received // 900] = timezone.localdate(
                datetime.datetime.fromtimestamp(received, datetime.UTC)
            )
        found = self.due_dates.get(local)
        if found is None:
            found = self.due_dates[local] = (
                self.formats.day(deadlines.add_working_days(
                    local, settings.PARLREFORM_ACKNOWLEDGE_WORKING_DAYS, self.holidays)),
                self.formats.day(deadlines.add_working_days(
                    local, settings.PARLREFORM_DECIDE_WORKING_DAYS, self.holidays)),
            )
        return found


# Loading

@dataclass
class Result:
    """What a run added, and where its time went."""

    proposals: int = 0
    events: int = 0
    seconds: dict = field(default_factory=lambda: {"rows": 0.0, "load": 0.0, "indexes": 0.0, "analyse": 0.0})
    index_seconds: dict = field(default_factory=dict)  # rebuild time of each dropped index


def load_staff():
    users = dict(get_user_model().objects.filter(username__in=["lead", "analyst", "analyst2"])
                 .values_list("username", "pk"))
    missing = {"lead", "analyst", "analyst2"} - set(users)
    if missing:
        raise LookupError(f"Staff accounts missing: {', '.join(sorted(missing))} (run seed_demo).")
    return Staff(lead=users["lead"], analysts=[users["analyst"], users["analyst2"]],
                 names={pk: name for name, pk in users.items()})


def check_columns():
    """The rows must fill every column: a field added to a model has to be added here too."""
    for model, columns in ((Proposal, PROPOSAL_COLUMNS), (Point, POINT_COLUMNS)):
        fields = {f.attname for f in model._meta.concrete_fields}
        if fields != set(columns):
            raise LookupError(f"{model.__name__} columns differ from the model: {sorted(fields ^ set(columns))}")


def uses_copy():
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        return hasattr(cursor.cursor, "copy")


def generate(count, seed, *, rng, batch_size=None, progress=None):
    """Append ``count`` synthetic proposals with their events; returns a Result with counts and phase times.

    COPY with explicit ids on PostgreSQL (indexes dropped and rebuilt for large counts), bulk_create elsewhere.
    Each batch is one transaction: a failure leaves the earlier batches and nothing of its own.
    """
    check_columns()
    copy = uses_copy()
    result = Result()
    with connection.cursor() as cursor:
        if copy:
            # Reading every code, index builds and big COPYs outlast the web's statement timeout.
            cursor.execute("SET statement_timeout = 0")
            cursor.execute("SET maintenance_work_mem = '512MB'")
        try:
            existing = Proposal.objects.count()
            codes = Proposal.objects.values_list("tracking_code", flat=True).iterator(chunk_size=20_000)
            generator = Generator(rng, seed=seed, formats=CopyFormats() if copy else Formats(), staff=load_staff(),
                                  existing_codes=codes if existing else ())
            drop = copy and count >= DROP_INDEXES_MIN_COUNT and existing <= count * DROP_INDEXES_MAX_EXISTING_RATIO
            saved = drop_indexes(cursor, result) if drop else []
            try:
                load(generator, cursor if copy else None, count, batch_size or BATCH_SIZE, result, progress)
            finally:
                if saved:
                    create_indexes(cursor, saved, result)
            if copy and count:
                started = time.perf_counter()
                quote = connection.ops.quote_name
                tables = (Proposal, ProposalEvent, Point, ProposalArticle)
                cursor.execute(f"ANALYZE {', '.join(quote(model._meta.db_table) for model in tables)}")
                result.seconds["analyse"] += time.perf_counter() - started
        finally:
            if copy:
                cursor.execute("RESET statement_timeout")
                cursor.execute("RESET maintenance_work_mem")
            # Also after a failure: the batches already committed change the public figures.
            if result.proposals:
                bump_public_version()
    return result


def load(generator, cursor, count, batch_size, result, progress):
    done = 0
    while done < count:
        size = min(batch_size, count - done)
        with transaction.atomic():
            started = time.perf_counter()
            ids = reserve_ids(cursor, size)
            proposals, events, links = generator.batch(ids)
            point_ids = reserve_ids(cursor, generator.point_count(proposals), Point)
            points, links = generator.points(proposals, links, point_ids)
            result.seconds["rows"] += time.perf_counter() - started
            started = time.perf_counter()
            if cursor is not None:
                copy_rows(cursor, proposals, events, links, points)
                # Check the deferred foreign keys inside the batch, not at some outer commit: a failure must undo
                # this batch only, and pending checks would forbid the index rebuild.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            else:
                create_rows(proposals, events, links, points)
        result.seconds["load"] += time.perf_counter() - started
        done += size
        result.proposals += len(proposals)
        result.events += len(events)
        if progress:
            progress(done, count)


def reserve_ids(cursor, size, model=Proposal):
    """Primary keys of ``model`` for the next batch, in ascending order, before any row exists (duplicates and links
    refer to them)."""
    table = model._meta.db_table
    if cursor is not None:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, size])
        return sorted(row[0] for row in cursor.fetchall())
    # Inside the batch's transaction, which on SQLite holds the write lock from its start.
    start = (model.objects.aggregate(top=Max("id"))["top"] or 0) + 1
    return range(start, start + size)


def copy_rows(cursor, proposals, events, links=(), points=()):
    quote = connection.ops.quote_name
    tables = (
        (Proposal, PROPOSAL_COLUMNS, proposals), (ProposalEvent, EVENT_COLUMNS, events),
        (Point, POINT_COLUMNS, points), (ProposalArticle, LINK_COLUMNS, links),
    )
    for model, columns, rows in tables:
        names = ", ".join(quote(model._meta.get_field(column).column) for column in columns)
        # The raw psycopg cursor: its errors become Django's (IntegrityError...) as the ORM's would.
        with connection.wrap_database_errors, cursor.cursor.copy(
            f"COPY {quote(model._meta.db_table)} ({names}) FROM STDIN"
        ) as copy:
            write = copy.write_row
            for row in rows:
                write(row)


def create_rows(proposals, events, links=(), points=()):
    Proposal.objects.bulk_create([Proposal(**dict(zip(PROPOSAL_COLUMNS, row, strict=True))) for row in proposals])
    ProposalEvent.objects.bulk_create([ProposalEvent(**dict(zip(EVENT_COLUMNS, row, strict=True))) for row in events])
    Point.objects.bulk_create([Point(**dict(zip(POINT_COLUMNS, row, strict=True))) for row in points])
    ProposalArticle.objects.bulk_create(
        [ProposalArticle(**dict(zip(LINK_COLUMNS, row, strict=True))) for row in links], batch_size=5000
    )


# Index maintenance (PostgreSQL)

INDEXES_SQL = """
SELECT ix.indexname, ix.indexdef
FROM pg_indexes ix
JOIN pg_index i ON i.indexrelid = format('%%I.%%I', ix.schemaname, ix.indexname)::regclass
WHERE ix.schemaname = current_schema() AND ix.tablename = ANY(%s) AND NOT i.indisunique
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
ORDER BY ix.tablename, ix.indexname
"""


def droppable_indexes(cursor):
    """(name, definition) of the generated tables' plain indexes: not unique, not behind a constraint.

    Unique indexes stay, so a clashing tracking code or channel reference is refused while loading.
    """
    cursor.execute(INDEXES_SQL, [[Proposal._meta.db_table, ProposalEvent._meta.db_table, Point._meta.db_table,
                                  ProposalArticle._meta.db_table]])
    return cursor.fetchall()


def drop_indexes(cursor, result):
    started = time.perf_counter()
    saved = droppable_indexes(cursor)
    for name, _definition in saved:
        cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    result.seconds["indexes"] += time.perf_counter() - started
    return saved


def create_indexes(cursor, saved, result):
    started = time.perf_counter()
    for number, (name, definition) in enumerate(saved):
        try:
            began = time.perf_counter()
            cursor.execute(definition)
            result.index_seconds[name] = time.perf_counter() - began
        except Exception as error:
            # Say what is still missing, so it can be restored by hand.
            missing = "\n".join(f"{d};" for _n, d in saved[number:])
            raise RuntimeError(f"Could not recreate index {name}; still missing:\n{missing}") from error
    result.seconds["indexes"] += time.perf_counter() - started
