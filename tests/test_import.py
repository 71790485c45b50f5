"""CSV import of proposals from other channels: all rows or none, every error with its line and column."""
import codecs
import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError
from django.utils import timezone, translation

from proposals.console import importer
from proposals.console.importer import HEADER, ImportRejected, import_csv
from proposals.core import services
from proposals.core.models import Proposal
from proposals.core.workflow import Action, State
from tests.factories import make_proposal, make_user

pytestmark = pytest.mark.django_db

ALMATY = ZoneInfo("Asia/Almaty")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def row(**fields):
    """A valid row as a dict of cells; ``fields`` override the defaults."""
    cells = {
        "channel": "eotinish",
        "external_ref": "ЗТ-2025-0001",
        "received_at": "2025-03-14 10:30",
        "submitter_kind": "citizen",
        "submitter_name": "Әлия Құрманғазықызы",
        "email": "aliya@example.kz",
        "phone": "+7 (701) 123-45-67",
        "region": "almaty",
        "language": "kk",
        "title": "Мәжіліс депутаттарының санын көбейту",
        "text": "Ұсыныс: өңірлердің өкілдігін күшейту үшін һәм әрбір ауданға бір депутат бөлу.",
        "rationale": "Қазіргі жүйе үлкен өңірлерге әділ емес.",
        "articles": "ст. 50 ; 51",
        "category": "parliament-structure",
    }
    cells.update(fields)
    return cells


def csv_bytes(rows, header=HEADER, delimiter=",", encoding="utf-8", bom=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    for cells in rows:
        writer.writerow([cells.get(name, "") for name in header])
    data = buffer.getvalue().encode(encoding)
    return codecs.BOM_UTF8 + data if bom else data


def rejected(data, **kwargs):
    with pytest.raises(ImportRejected) as caught:
        import_csv(data, **kwargs)
    return caught.value.errors


def where(errors):
    return {(error.line, error.column) for error in errors}


def three_rows():
    return [
        row(),
        row(
            channel="letter", external_ref="ПИСЬМО-17", received_at="02.03.2025", submitter_kind="ngo",
            submitter_name="Ғалым Өтегенов", organisation="ҮЕҰ «Ашық қоғам»", position="Төраға", language="ru",
            title="Об усилении парламентского контроля",
            text="Предлагаем закрепить право Курултая заслушивать отчёты министров.\nҚазақша: ұңғыма.",
            rationale="", articles="", category="oversight",
        ),
        row(
            channel="meeting", external_ref="M-3", received_at="2025-01-20T09:15:00", submitter_kind="party",
            party="amanat", submitter_name="Нұрлан Ілиясов", position="хатшы", phone="", region="",
            title="Пропорционалдық жүйе", text="Партиялық тізімдер бойынша сайлау.", category="",
        ),
    ]


def test_valid_file_imports_every_row_received_with_its_channel_reference_and_date(analyst):
    created = import_csv(csv_bytes(three_rows()), actor=analyst)

    assert len(created) == 3
    assert Proposal.objects.count() == 3
    first, second, third = (Proposal.objects.get(pk=proposal.pk) for proposal in created)
    assert [p.state for p in (first, second, third)] == [State.RECEIVED] * 3
    assert (first.channel, first.external_ref) == ("eotinish", "ЗТ-2025-0001")
    assert first.received_at == datetime.datetime(2025, 3, 14, 10, 30, tzinfo=ALMATY)
    assert first.title == "Мәжіліс депутаттарының санын көбейту"
    assert "һәм" in first.text
    assert (second.channel, second.external_ref, second.language) == ("letter", "ПИСЬМО-17", "ru")
    assert second.received_at == datetime.datetime(2025, 3, 2, tzinfo=ALMATY)
    assert second.text.endswith("ұңғыма.")
    assert second.organisation == "ҮЕҰ «Ашық қоғам»"
    assert (third.channel, third.external_ref, third.party.slug) == ("meeting", "M-3", "amanat")
    assert third.received_at == datetime.datetime(2025, 1, 20, 9, 15, tzinfo=ALMATY)
    assert third.region is None and third.category is None
    for proposal in (first, second, third):
        assert proposal.tracking_code
        assert proposal.acknowledge_due is not None
        assert proposal.events.count() == 1
        event = proposal.events.get()
        assert (event.action, event.actor) == (Action.SUBMIT, analyst)


def test_cells_are_stripped_and_phone_and_articles_normalised():
    (proposal,) = import_csv(csv_bytes([row(
        external_ref="  EO-1  ", title="  Тақырып\nекі жол  ", phone=" +7 (701) 123-45-67 ", articles="ст.49,50-1 ;49",
        region=" Almaty ",
    )]))

    proposal.refresh_from_db()
    assert proposal.external_ref == "EO-1"
    assert proposal.title == "Тақырып екі жол"
    assert proposal.phone == "+77011234567"
    assert [link.article.number for link in proposal.article_links.all()] == ["49", "50-1"]
    assert proposal.articles == ""
    assert proposal.region.slug == "almaty"


def test_file_with_byte_order_mark_is_imported():
    created = import_csv(csv_bytes(three_rows(), bom=True))

    assert len(created) == 3


def test_semicolon_delimited_file_is_imported():
    created = import_csv(csv_bytes(three_rows(), delimiter=";"))

    assert [p.external_ref for p in created] == ["ЗТ-2025-0001", "ПИСЬМО-17", "M-3"]
    assert created[0].title == "Мәжіліс депутаттарының санын көбейту"


def test_columns_may_come_in_any_order():
    created = import_csv(csv_bytes([row()], header=list(reversed(HEADER))))

    assert created[0].external_ref == "ЗТ-2025-0001"


def test_several_bad_rows_are_all_reported_and_nothing_is_imported():
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    data = csv_bytes([
        row(external_ref="A-1", channel="telegram"),
        row(external_ref="A-2"),
        row(external_ref="A-3", title=""),
        row(external_ref="A-4", received_at=future),
        row(external_ref="A-5"),
    ])

    errors = rejected(data)

    assert where(errors) == {(2, "channel"), (4, "title"), (5, "received_at")}
    assert [error.line for error in errors] == [2, 4, 5]
    assert "eotinish" in str(errors[0].message)
    assert Proposal.objects.count() == 0


def test_every_error_of_one_row_is_reported():
    errors = rejected(csv_bytes([row(
        language="de", submitter_kind="robot", email="not-an-email", phone="12", articles="преамбула",
        region="atlantis", category="nothing", submitter_name="Имя\nФамилия", received_at="14/03/2025",
    )]))

    assert where(errors) == {
        (2, column) for column in (
            "language", "submitter_kind", "email", "phone", "articles", "region", "category", "submitter_name",
            "received_at",
        )
    }


def test_web_channel_is_not_importable():
    errors = rejected(csv_bytes([row(channel="web")]))

    assert where(errors) == {(2, "channel")}


@pytest.mark.parametrize(
    ("cells", "column"),
    [
        ({"title": "т" * 301}, "title"),
        ({"text": "т" * 20_001}, "text"),
        ({"rationale": "т" * 10_001}, "rationale"),
        ({"external_ref": "R" * 101}, "external_ref"),
        ({"external_ref": ""}, "external_ref"),
        ({"received_at": ""}, "received_at"),
        ({"language": ""}, "language"),
        ({"text": ""}, "text"),
        ({"organisation": "О" * 301}, "organisation"),
        ({"position": "Lead\tanalyst"}, "position"),
    ],
)
def test_limits_and_required_cells(cells, column):
    errors = rejected(csv_bytes([row(**cells)]))

    assert where(errors) == {(2, column)}


@pytest.mark.parametrize(
    ("cells", "ok"),
    [
        ({"submitter_kind": "party", "party": "ak-zhol"}, True),
        ({"submitter_kind": "party", "party": ""}, False),
        ({"submitter_kind": "party", "party": "no-such-party"}, False),
        ({"submitter_kind": "citizen", "party": "amanat"}, False),
    ],
)
def test_party_is_required_for_parties_and_refused_for_others(cells, ok):
    data = csv_bytes([row(**cells)])
    if ok:
        assert import_csv(data)[0].party.slug == "ak-zhol"
    else:
        assert where(rejected(data)) == {(2, "party")}


def test_reference_already_registered_for_the_channel_is_refused():
    existing = make_proposal(channel="email", external_ref="EM-7")

    errors = rejected(csv_bytes([row(external_ref="EM-1", channel="email"), row(external_ref="EM-7", channel="email")]))

    assert where(errors) == {(3, "external_ref")}
    assert existing.tracking_code in str(errors[0].message)
    assert Proposal.objects.count() == 1


def test_same_reference_on_another_channel_is_allowed():
    make_proposal(channel="email", external_ref="X-1")

    data = csv_bytes([row(channel="letter", external_ref="X-1"), row(channel="egov", external_ref="X-1")])

    created = import_csv(data)

    assert len(created) == 2


def test_same_reference_twice_in_the_file_is_refused_on_the_later_line():
    errors = rejected(csv_bytes([row(external_ref="D-1"), row(external_ref="D-2"), row(external_ref="D-1")]))

    assert where(errors) == {(4, "external_ref")}
    assert "line 2" in str(errors[0].message)
    assert Proposal.objects.count() == 0


def test_line_numbers_count_line_breaks_inside_cells():
    data = csv_bytes([row(external_ref="L-1", text="бірінші\nекінші\nүшінші"), row(external_ref="L-2", channel="")])

    assert where(rejected(data)) == {(5, "channel")}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-14", datetime.datetime(2025, 3, 14, tzinfo=ALMATY)),
        ("2025-03-14 08:05", datetime.datetime(2025, 3, 14, 8, 5, tzinfo=ALMATY)),
        ("2025-03-14T08:05", datetime.datetime(2025, 3, 14, 8, 5, tzinfo=ALMATY)),
        ("2025-03-14T08:05:09", datetime.datetime(2025, 3, 14, 8, 5, 9, tzinfo=ALMATY)),
        ("14.03.2025", datetime.datetime(2025, 3, 14, tzinfo=ALMATY)),
    ],
)
def test_received_at_formats_are_read_in_almaty_time(value, expected):
    (proposal,) = import_csv(csv_bytes([row(received_at=value)]))

    proposal.refresh_from_db()
    assert proposal.received_at == expected
    assert proposal.events.get().created_at == expected


def test_file_not_in_utf8_is_refused_with_one_file_level_error():
    russian = row(
        external_ref="П-1", submitter_name="Иван Петров", title="О численности депутатов", text="Увеличить до 150.",
        rationale="", region="astana", language="ru",
    )
    errors = rejected(csv_bytes([russian], encoding="cp1251"))

    assert len(errors) == 1
    assert errors[0].column == ""
    assert "UTF-8" in str(errors[0].message)
    assert Proposal.objects.count() == 0


def test_missing_column_is_refused_by_name():
    errors = rejected(csv_bytes([row()], header=[name for name in HEADER if name != "language"]))

    assert len(errors) == 1
    assert (errors[0].line, errors[0].column) == (1, "")
    assert "language" in str(errors[0].message)


def test_unknown_column_is_refused_by_name():
    errors = rejected(csv_bytes([row()], header=[*HEADER, "comment"]))

    assert len(errors) == 1
    assert "comment" in str(errors[0].message)


@pytest.mark.parametrize("data", [b"", b"\r\n", csv_bytes([]), csv_bytes([], bom=True)])
def test_file_without_rows_is_refused(data):
    errors = rejected(data)

    assert len(errors) == 1
    assert "no rows" in str(errors[0].message)


def test_more_rows_than_the_limit_is_refused():
    data = csv_bytes([row(external_ref=f"R-{number}") for number in range(4)])

    errors = rejected(data, max_rows=3)

    assert where(errors) == {(5, "")}
    assert Proposal.objects.count() == 0


def test_row_with_the_wrong_number_of_cells_is_refused():
    data = csv_bytes([row()]) + b"eotinish,EO-2,2025-03-14\r\n"

    errors = rejected(data)

    assert where(errors) == {(3, "")}


@pytest.mark.parametrize(
    ("failure", "column"),
    [
        (services.WorkflowError("Already registered.", "duplicate_external_ref"), "external_ref"),
        (IntegrityError("UNIQUE constraint failed"), ""),
    ],
)
def test_failure_while_creating_imports_nothing(monkeypatch, failure, column):
    real_submit = services.proposal_submit
    calls = []

    def submit_then_fail(**kwargs):
        calls.append(kwargs["external_ref"])
        if len(calls) == 2:
            raise failure
        return real_submit(**kwargs)

    monkeypatch.setattr(importer.services, "proposal_submit", submit_then_fail)

    errors = rejected(csv_bytes(three_rows()))

    assert where(errors) == {(3, column)}
    assert Proposal.objects.count() == 0


def test_checking_a_file_takes_the_same_queries_for_many_rows(django_assert_max_num_queries):
    rows = [row(external_ref=f"Q-{number}") for number in range(40)]
    rows.append(row(external_ref="Q-bad", channel="fax"))
    data = csv_bytes(rows)

    # Parties, regions, categories, and the existing references of the one channel.
    with django_assert_max_num_queries(4):
        rejected(data)


def write_file(tmp_path, data):
    path = tmp_path / "proposals.csv"
    path.write_bytes(data)
    return str(path)


def test_command_imports_and_prints_the_tracking_codes(tmp_path, analyst):
    stdout = io.StringIO()

    call_command("import_proposals", write_file(tmp_path, csv_bytes(three_rows())), user=analyst.username,
                 stdout=stdout)

    output = stdout.getvalue()
    assert "Imported 3 proposals." in output
    proposals = list(Proposal.objects.all())
    assert len(proposals) == 3
    for proposal in proposals:
        assert proposal.tracking_code in output
        assert proposal.events.get().actor == analyst


def test_command_reports_every_error_and_imports_nothing(tmp_path):
    data = csv_bytes([row(external_ref="A-1", channel="fax"), row(external_ref="A-2", title="")])
    stderr = io.StringIO()

    with pytest.raises(CommandError, match="Nothing was imported: 2 errors"):
        call_command("import_proposals", write_file(tmp_path, data), stdout=io.StringIO(), stderr=stderr)

    assert "line 2, column channel:" in stderr.getvalue()
    assert "line 3, column title:" in stderr.getvalue()
    assert Proposal.objects.count() == 0


def test_command_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read the file"):
        call_command("import_proposals", str(tmp_path / "absent.csv"))


def test_command_refuses_a_user_who_is_not_staff(tmp_path):
    citizen = make_user(None)

    with pytest.raises(CommandError, match="not an active staff member"):
        call_command("import_proposals", write_file(tmp_path, csv_bytes([row()])), user=citizen.username)

    assert Proposal.objects.count() == 0


def test_command_refuses_an_unknown_user(tmp_path):
    with pytest.raises(CommandError, match="no user"):
        call_command("import_proposals", write_file(tmp_path, csv_bytes([row()])), user="nobody")


def test_rejection_lists_each_error_as_line_and_column():
    error = importer.RowError(4, "title", "This field is required.")

    assert str(ImportRejected([error])) == "line 4, column title: This field is required."
