"""CSV import of proposals from other channels: every row is checked first, then all are created or none."""
import csv
import datetime
import io
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.core import services
from proposals.core.models import Category, Channel, Language, Party, Proposal, Region, SubmitterKind
from proposals.core.validators import (
    RATIONALE_MAX,
    TEXT_MAX,
    TITLE_MAX,
    normalise_articles,
    normalise_phone,
    strip_control_characters,
    validate_single_line,
)

HEADER = [
    "channel", "external_ref", "received_at", "submitter_kind", "submitter_name", "organisation", "party",
    "position", "email", "phone", "region", "language", "title", "text", "rationale", "articles", "category",
]
IMPORT_CHANNELS = [value for value in Channel.values if value != Channel.WEB]
DELIMITERS = ";,"
DEFAULT_DELIMITER = ","
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d.%m.%Y")
EXTERNAL_REF_MAX = 100
EMAIL_MAX = 254
ARTICLES_MAX = 200
# One-line person and organisation fields and their lengths (as the model and the public form allow).
SINGLE_LINE_MAX = {"submitter_name": 200, "organisation": 300, "position": 200}
# Existing references are looked up in chunks, well under every database's limit on query parameters.
REF_CHUNK = 900


@dataclass(frozen=True)
class RowError:
    """One problem: ``line`` in the file (the header is line 1), ``column`` ("" for the whole file or row)."""

    line: int
    column: str
    message: object

    def __str__(self):
        if self.column:
            return f"line {self.line}, column {self.column}: {self.message}"
        return f"line {self.line}: {self.message}"


class ImportRejected(Exception):
    """The file was refused and nothing was imported; ``errors`` lists every RowError found."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__(len(self.errors))

    def __str__(self):
        return "\n".join(str(error) for error in self.errors)


def import_csv(file_bytes, *, actor=None, max_rows=5000):
    """Create a proposal from each row of a UTF-8 CSV file (the columns of HEADER, in any order).

    Every row is validated before anything is written; if any row (or the file) has a problem,
    ImportRejected carries all of them and nothing is imported. Otherwise every proposal is
    submitted through services.proposal_submit, as ``actor``, in one transaction, and the new
    proposals are returned in file order.
    """
    rows = _parse(file_bytes, max_rows)
    cleaned = _validate(rows)
    created = []
    with transaction.atomic():
        for line, values in cleaned:
            try:
                created.append(services.proposal_submit(actor=actor, **values))
            except services.WorkflowError as error:
                column = "external_ref" if error.code == "duplicate_external_ref" else ""
                raise ImportRejected([RowError(line, column, error.message)]) from error
            except IntegrityError as error:
                message = _("The proposal could not be saved: %(error)s") % {"error": error}
                raise ImportRejected([RowError(line, "", message)]) from error
    return created


def _parse(file_bytes, max_rows):
    """[(line, {column: stripped cell})] for each non-blank data row; raises ImportRejected for file problems."""
    text = _decode(file_bytes)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = None
    rows = []
    errors = []
    last_line = 0
    try:
        for cells in reader:
            line, last_line = last_line + 1, reader.line_num
            cells = [_clean_cell(cell) for cell in cells]
            if not any(cells):
                continue
            if header is None:
                header = (line, [cell.lower() for cell in cells])
                errors = _header_errors(line, header[1])
                continue
            if len(rows) == max_rows:
                errors.append(RowError(
                    line, "", _("The file has more than %(max)s rows. Split it into smaller files.") % {"max": max_rows}
                ))
                break
            rows.append((line, cells))
    except csv.Error as error:
        message = _("The file could not be read as CSV: %(error)s") % {"error": error}
        raise ImportRejected(errors + [RowError(last_line + 1, "", message)]) from error
    if not rows:
        errors.append(RowError(header[0] if header else 1, "", _("The file has no rows.")))
    if errors:
        raise ImportRejected(errors)

    names = header[1]
    parsed = []
    for line, cells in rows:
        if len(cells) != len(names):
            message = _("This row has %(found)s cells, but the header has %(expected)s.") % {
                "found": len(cells), "expected": len(names),
            }
            errors.append(RowError(line, "", message))
            continue
        parsed.append((line, dict(zip(names, cells, strict=True))))
    if errors:
        raise ImportRejected(errors)
    return parsed


def _decode(file_bytes):
    if isinstance(file_bytes, str):
        return file_bytes.removeprefix("\ufeff")
    data = bytes(file_bytes)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = _("The file is not in UTF-8. Save it as “CSV UTF-8” and import it again.")
        raise ImportRejected([RowError(line, "", message)]) from None


def _delimiter(text):
    first_line = next((line for line in io.StringIO(text, newline="") if line.strip()), "")
    try:
        return csv.Sniffer().sniff(first_line, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return DEFAULT_DELIMITER


def _clean_cell(cell):
    # Spreadsheets write Windows line breaks inside cells; store plain \n.
    return cell.replace("\r\n", "\n").replace("\r", "\n").strip()


def _header_errors(line, names):
    errors = []
    unnamed = [str(number) for number, name in enumerate(names, start=1) if not name]
    if unnamed:
        errors.append(RowError(line, "", _("Columns without a name: %(numbers)s.") % {"numbers": ", ".join(unnamed)}))
    named = [name for name in names if name]
    repeated = sorted({name for name in named if named.count(name) > 1})
    if repeated:
        errors.append(RowError(line, "", _("Repeated columns: %(names)s.") % {"names": ", ".join(repeated)}))
    missing = [name for name in HEADER if name not in named]
    if missing:
        errors.append(RowError(line, "", _("Missing columns: %(names)s.") % {"names": ", ".join(missing)}))
    unknown = [name for name in dict.fromkeys(named) if name not in HEADER]
    if unknown:
        message = _("Unknown columns: %(names)s. The columns are: %(expected)s.") % {
            "names": ", ".join(unknown), "expected": ", ".join(HEADER),
        }
        errors.append(RowError(line, "", message))
    return errors


def _validate(rows):
    """[(line, keyword arguments for proposal_submit)]; raises ImportRejected with every error in every row."""
    checker = _RowChecker()
    cleaned = []
    for line, row in rows:
        values = checker.check(line, row)
        if values is not None:
            cleaned.append((line, values))
    checker.check_existing_refs()
    if checker.errors:
        order = {name: index for index, name in enumerate(HEADER)}
        errors = sorted(checker.errors, key=lambda error: (error.line, order.get(error.column, -1)))
        raise ImportRejected(errors)
    return cleaned


class _RowChecker:
    """Checks rows one by one against reference data loaded once, remembering references already seen."""

    def __init__(self):
        self.parties = {party.slug: party for party in Party.objects.all()}
        self.regions = {region.slug: region for region in Region.objects.all()}
        self.categories = {category.slug: category for category in Category.objects.all()}
        self.errors = []
        self.seen_refs = {}  # (channel, external_ref) -> first line

    def check(self, line, row):
        """The row's keyword arguments for proposal_submit, or None (its errors recorded) if it is not valid."""
        errors_before = len(self.errors)
        self.line = line
        values = {
            "channel": self.choice(row, "channel", IMPORT_CHANNELS, _("The channel must be one of: %(allowed)s.")),
            "external_ref": self.external_ref(row),
            "received_at": self.received_at(row),
            "submitter_kind": self.choice(
                row, "submitter_kind", SubmitterKind.values, _("The submitter must be one of: %(allowed)s.")
            ),
            "email": self.email(row),
            "phone": self.normalised(row, "phone", normalise_phone, 32),
            "region": self.reference(row, "region", self.regions, _("Unknown region “%(value)s”.")),
            "language": self.choice(row, "language", Language.values, _("The language must be one of: %(allowed)s.")),
            "title": self.text(row, "title", TITLE_MAX, required=True, single_line=True),
            "text": self.text(row, "text", TEXT_MAX, required=True),
            "rationale": self.text(row, "rationale", RATIONALE_MAX),
            "articles": self.normalised(row, "articles", normalise_articles, ARTICLES_MAX),
            "category": self.reference(row, "category", self.categories, _("Unknown category “%(value)s”.")),
        }
        for name, limit in SINGLE_LINE_MAX.items():
            values[name] = self.single_line(row, name, limit)
        values["party"] = self.party(row, values["submitter_kind"])
        self.remember_ref(values["channel"], values["external_ref"])
        if len(self.errors) > errors_before:
            return None
        return values

    def error(self, column, message):
        self.errors.append(RowError(self.line, column, message))

    def required(self, row, column):
        value = row[column]
        if not value:
            self.error(column, _("This field is required."))
        return value

    def too_long(self, column, value, limit):
        if len(value) > limit:
            self.error(column, _("At most %(max)s characters (this has %(count)s).") % {
                "max": limit, "count": len(value),
            })
            return True
        return False

    def choice(self, row, column, allowed, message):
        value = row[column].lower()
        if value not in allowed:
            self.error(column, message % {"allowed": ", ".join(allowed)})
            return None
        return value

    def external_ref(self, row):
        value = self.required(row, "external_ref")
        if not value or self.too_long("external_ref", value, EXTERNAL_REF_MAX):
            return None
        try:
            validate_single_line(value)
        except ValidationError as error:
            self.error("external_ref", _message(error))
            return None
        return value

    def received_at(self, row):
        value = self.required(row, "received_at")
        if not value:
            return None
        moment = _parse_moment(value)
        if moment is None:
            self.error("received_at", _(
                "Write the date as YYYY-MM-DD, YYYY-MM-DD HH:MM or DD.MM.YYYY, not “%(value)s”."
            ) % {"value": value})
            return None
        if moment > timezone.now():
            self.error("received_at", _("The date %(value)s is in the future.") % {"value": value})
            return None
        return moment

    def email(self, row):
        value = row["email"]
        if not value:
            return ""
        if self.too_long("email", value, EMAIL_MAX):
            return ""
        try:
            validate_email(value)
        except ValidationError as error:
            self.error("email", _message(error))
        return value

    def normalised(self, row, column, normalise, limit):
        value = row[column]
        if not value:
            return ""
        try:
            value = normalise(value)
        except ValidationError as error:
            self.error(column, _message(error))
            return ""
        self.too_long(column, value, limit)
        return value

    def reference(self, row, column, records, message):
        value = row[column].lower()
        if not value:
            return None
        if value not in records:
            self.error(column, message % {"value": row[column]})
        return records.get(value)

    def text(self, row, column, limit, *, required=False, single_line=False):
        value = self.required(row, column) if required else row[column]
        if single_line:
            # A line break typed into a spreadsheet cell becomes a space in a title.
            value = re.sub(r"\s+", " ", value)
        value = strip_control_characters(value)
        self.too_long(column, value, limit)
        return value

    def single_line(self, row, column, limit):
        value = row[column]
        if self.too_long(column, value, limit):
            return value
        try:
            validate_single_line(value)
        except ValidationError as error:
            self.error(column, _message(error))
        return value

    def party(self, row, submitter_kind):
        value = row["party"].lower()
        if submitter_kind != SubmitterKind.PARTY:
            if value and submitter_kind is not None:
                self.error("party", _("Leave the party empty unless the submitter is “%(kind)s”.") % {
                    "kind": SubmitterKind.PARTY.value,
                })
            return None
        if not value:
            self.error("party", _("Required when the submitter is “%(kind)s”.") % {"kind": SubmitterKind.PARTY.value})
            return None
        if value not in self.parties:
            self.error("party", _("Unknown party “%(value)s”. Use one of: %(allowed)s.") % {
                "value": row["party"], "allowed": ", ".join(self.parties),
            })
            return None
        return self.parties[value]

    def remember_ref(self, channel, external_ref):
        if channel is None or external_ref is None:
            return
        key = (channel, external_ref)
        first = self.seen_refs.setdefault(key, self.line)
        if first != self.line:
            self.error("external_ref", _(
                "The reference “%(ref)s” of channel “%(channel)s” already appears on line %(first)s."
            ) % {"ref": external_ref, "channel": channel, "first": first})

    def check_existing_refs(self):
        """Rows whose channel and reference are already registered: one query per channel and chunk of references."""
        by_channel = {}
        for (channel, ref), line in self.seen_refs.items():
            by_channel.setdefault(channel, {})[ref] = line
        for channel, lines in by_channel.items():
            refs = list(lines)
            for start in range(0, len(refs), REF_CHUNK):
                existing = Proposal.objects.filter(
                    channel=channel, external_ref__in=refs[start:start + REF_CHUNK]
                ).values_list("external_ref", "tracking_code")
                for ref, tracking_code in existing:
                    self.line = lines[ref]
                    self.error("external_ref", _(
                        "A proposal of channel “%(channel)s” with the reference “%(ref)s” is already registered "
                        "(%(code)s)."
                    ) % {"channel": channel, "ref": ref, "code": tracking_code})


def _parse_moment(value):
    """An aware datetime in the site time zone for the accepted formats, or None."""
    for pattern in DATE_FORMATS:
        try:
            moment = datetime.datetime.strptime(value, pattern)
        except ValueError:
            continue
        return timezone.make_aware(moment, timezone.get_default_timezone())
    return None


def _message(error):
    return " ".join(error.messages)
