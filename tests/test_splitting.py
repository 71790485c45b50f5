"""Suggested points: the items of a package's text and of its DOCX, ODT and PDF attachments, read within bounds."""
import hashlib
import json
import uuid
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.utils import translation

from proposals.core.attachments import DOCX, ODT, PDF, TXT
from proposals.core.models import Attachment
from proposals.core.splitting import ExtractionError, Suggestion, attachment_text, suggest_points, suggestions_for
from proposals.core.splitting import child as reading
from proposals.core.splitting.suggest import MAX_SUGGESTION_CHARS, MAX_SUGGESTIONS, MAX_TOTAL_CHARS
from tests.factories import make_proposal
from tests.splitting_files import (
    MB,
    docx_package,
    docx_with_body,
    docx_with_style_numbering,
    odt_package,
    pdf_file,
    pdf_page,
    pdf_text_lines,
    stream,
)

DATA = Path(__file__).parent / "data" / "splitting"


def package(name):
    return (DATA / f"{name}.txt").read_text(encoding="utf-8")


def expected(name):
    return [tuple(pair) for pair in json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))]


def points(text):
    return [(suggestion.label, suggestion.text) for suggestion in suggest_points(text)]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def attach(proposal, name, content, kind):
    """An Attachment of ``proposal`` stored as the upload would store it (the checks themselves are elsewhere)."""
    extension, content_type = kind
    attachment = Attachment(
        proposal=proposal, stored_name=f"{uuid.uuid4().hex}.{extension}", original_name=name,
        content_type=content_type, size=len(content), sha256=hashlib.sha256(content).hexdigest(),
    )
    attachment.file.save(attachment.stored_name, ContentFile(content), save=True)
    return attachment


def refusal(attachment):
    with translation.override("en"), pytest.raises(ExtractionError) as refused:
        attachment_text(attachment)
    return str(refused.value)


# The text: packages as they arrive.


def test_kazakh_party_package_gives_its_twelve_points_with_sub_items_inside():
    assert points(package("kk_party_package")) == expected("kk_party_package")


def test_russian_package_with_parenthesised_numbers_gives_its_points_without_the_letter_around_them():
    assert points(package("ru_package_parens")) == expected("ru_package_parens")


def test_russian_ordinal_words_at_paragraph_starts_are_points():
    assert points(package("ru_vo_pervyh")) == expected("ru_vo_pervyh")


def test_bulleted_ngo_letter_gives_its_bullets_and_not_its_closing():
    assert points(package("ngo_bullets")) == expected("ngo_bullets")


def test_text_without_a_list_suggests_nothing():
    assert suggest_points(package("no_list")) == []


def test_suggestion_records_its_source():
    suggestions = suggest_points("1. бір\n2. екі", source="package.docx")
    assert suggestions == [Suggestion("1.", "бір", "package.docx"), Suggestion("2.", "екі", "package.docx")]


def test_a_single_item_is_not_a_list():
    assert suggest_points("Кіріспе.\n1. Жалғыз ұсыныс.\nҚорытынды.") == []


@pytest.mark.parametrize("text", ["1. 12. 2026 жылдан бастап", "ст. 50.\nст. 51.", "1.12.2026\n2.12.2026"])
def test_dates_and_article_references_are_not_lists(text):
    assert suggest_points(text) == []


def test_numbers_must_follow_one_another():
    assert suggest_points("1. бір\n3. үш\n7. жеті") == []


def test_a_list_may_continue_from_an_earlier_page():
    assert [label for label, _ in points("...жалғасы\n5. бес\n6. алты\n7. жеті")] == ["5.", "6.", "7."]


def test_letters_must_be_in_alphabetical_order():
    assert suggest_points("а) бір\nв) үш") == []
    assert [label for label, _ in points("а) бір\nә) екі\nб) үш")] == ["а)", "ә)", "б)"]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("(1) бір\n(2) екі", ["(1)", "(2)"]),
        ("1- бір\n2- екі", ["1-", "2-"]),
        ("I. Парламент\nII. Үкімет\nIII. Соттар", ["I.", "II.", "III."]),
        ("a) first\nb) second", ["a)", "b)"]),
        ("a. first\nb. second", ["a.", "b."]),
        ("Біріншіден, бір.\nЕкіншіден, екі.", ["Біріншіден", "Екіншіден"]),
        ("Бірінші ұсыныс: бір.\nЕкінші ұсыныс: екі.", ["Бірінші", "Екінші"]),
        ("Первое — одно.\nВторое — другое.", ["Первое", "Второе"]),
        ("- бір\n- екі", ["-", "-"]),
        ("– бір\n– екі", ["–", "–"]),
        ("— бір\n— екі", ["—", "—"]),
        ("* бір\n* екі", ["*", "*"]),
        ("▪ бір\n▪ екі", ["▪", "▪"]),
        ("● бір\n● екі", ["●", "●"]),
    ],
)
def test_each_kind_of_marker_is_recognised(text, labels):
    assert [label for label, _ in points(text)] == labels


def test_ordinal_word_loses_its_punctuation_but_keeps_its_text():
    assert points("Во-первых: одно.\nВо-вторых — другое.") == [("Во-первых", "одно."), ("Во-вторых", "другое.")]


def test_the_level_with_most_items_is_the_top_level():
    text = "I. Парламент\n1. бір\n2. екі\n3. үш\nII. Үкімет\n4. төрт\n5. бес"
    assert [label for label, _ in points(text)] == ["1.", "2.", "3.", "4.", "5."]


def test_sub_items_stay_inside_their_parent_even_when_there_are_more_of_them():
    text = "1. Парламент:\n- бір\n- екі\n- үш\n2. Үкімет:\n- төрт\n- бес\n- алты"
    assert points(text) == [("1.", "Парламент:\n- бір\n- екі\n- үш"), ("2.", "Үкімет:\n- төрт\n- бес\n- алты")]


def test_a_nested_list_of_the_same_kind_does_not_break_its_parent():
    text = "1. бір\n2. екі:\n  1. ішкі\n  2. ішкі\n  3. ішкі\n3. үш"
    assert [label for label, _ in points(text)] == ["1.", "2.", "3."]


def test_a_wrapped_last_item_keeps_its_continuation_but_not_the_closing_paragraph():
    text = "1. бір.\n2. Соңғы ұсыныс екі жолға\nсозылады.\nҚол қойған: А. Ахметов"
    assert points(text)[-1] == ("2.", "Соңғы ұсыныс екі жолға созылады.")


def test_white_space_is_tidied():
    assert points("1.\t  бір   сөз\n2.  екі\u00a0\u00a0сөз  ") == [("1.", "бір сөз"), ("2.", "екі сөз")]


# Hostile text: linear work, bounded output.


def test_a_megabyte_of_dotted_numbers_suggests_nothing():
    seed = (DATA / "hostile_seeds.txt").read_text(encoding="utf-8").splitlines()[0]
    assert suggest_points(seed * (MB // len(seed))) == []


@pytest.mark.parametrize("row", range(1, 6))
def test_hostile_seeds_repeated_to_a_megabyte_give_a_bounded_answer(row):
    seed = (DATA / "hostile_seeds.txt").read_text(encoding="utf-8").splitlines()[row].replace("\\n", "\n")
    suggestions = suggest_points(seed * (MB // len(seed)))
    assert len(suggestions) <= MAX_SUGGESTIONS
    assert sum(len(suggestion.text) for suggestion in suggestions) <= MAX_TOTAL_CHARS


def test_the_number_of_suggestions_is_capped():
    text = "\n".join(f"{number}. ұсыныс" for number in range(1, 1001))
    suggestions = suggest_points(text)
    assert len(suggestions) == MAX_SUGGESTIONS and suggestions[-1].label == f"{MAX_SUGGESTIONS}."


def test_a_very_long_item_is_cut():
    suggestions = suggest_points("1. " + "сөз " * 100_000 + "\n2. екі")
    assert len(suggestions[0].text) == MAX_SUGGESTION_CHARS and suggestions[0].text.endswith("…")


def test_every_character_a_bullet_is_not_a_list():
    assert suggest_points("•" * MB) == [] and suggest_points("•\n" * (MB // 2)) == []


# Attachments: DOCX, ODT and PDF read in a child process.

KK_DOCX = [
    (None, "«Жаңа жол» партиясының Конституцияға өзгерістер туралы ұсыныстары."),
    (0, "Парламентті бір палаталы ету."),
    (0, "Сайлау жүйесін аралас етіп өзгерту:"),
    (1, "депутаттардың жартысын партиялық тізімдер бойынша сайлау;"),
    (1, "жартысын бір мандатты округтер бойынша сайлау."),
    (0, "Парламент отырыстарын тікелей көрсету."),
    (None, "Әр тармақ бойынша жауап беруді сұраймыз."),
]


def test_docx_automatic_numbering_becomes_the_points(db, media):
    attachment = attach(make_proposal(), "Ұсыныстар.docx", docx_package(KK_DOCX), DOCX)
    assert points(attachment_text(attachment)) == [
        ("1.", "Парламентті бір палаталы ету."),
        ("2.", "Сайлау жүйесін аралас етіп өзгерту:\nа) депутаттардың жартысын партиялық тізімдер бойынша сайлау;\n"
               "б) жартысын бір мандатты округтер бойынша сайлау."),
        ("3.", "Парламент отырыстарын тікелей көрсету."),
    ]


def test_docx_text_box_is_read_once_not_again_from_its_fallback_copy(db, media):
    box = "<w:txbxContent><w:p><w:r><w:t>Ішіндегі мәтін</w:t></w:r></w:p></w:txbxContent>"
    document = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>'
        '<w:p><w:r><w:t>Алдында</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        f"<w:drawing>{box}</w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p></w:body></w:document>"
    )
    attachment = attach(make_proposal(), "box.docx", docx_with_body([document.encode()]), DOCX)
    assert attachment_text(attachment).splitlines() == ["Алдында", "Ішіндегі мәтін"]


def test_docx_numbering_from_list_styles_is_counted(db, media):
    content = docx_with_style_numbering([
        ("Normal", "Предложения ассоциации:"), ("List Number", "первое"), ("List Number", "второе"),
        ("List Bullet", "пояснение"), ("List Number", "третье"),
    ])
    text = attachment_text(attach(make_proposal(), "ассоциация.docx", content, DOCX))
    assert text.splitlines() == ["Предложения ассоциации:", "1. первое", "2. второе", "• пояснение", "3. третье"]


ODT_STYLES = (
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix=")"/>'
    '<text:list-level-style-number text:level="2" style:num-format="а" style:num-suffix=")"/></text:list-style>'
)
ODT_BODY = (
    "<text:p>Ассоциация предлагает:</text:p>"
    '<text:list text:style-name="L1">'
    "<text:list-item><text:p>закрепить число депутатов Мажилиса;</text:p></text:list-item>"
    "<text:list-item><text:p>изменить порядок выборов:</text:p><text:list>"
    "<text:list-item><text:p>по партийным спискам;</text:p></text:list-item>"
    "<text:list-item><text:p>по <text:span>одномандатным</text:span> округам;</text:p></text:list-item>"
    "</text:list></text:list-item>"
    "<text:list-item><text:p>ввести отчёт депутата.</text:p></text:list-item></text:list>"
    "<text:p>Председатель правления Е. Ким</text:p>"
)


def test_odt_lists_become_numbered_points(db, media):
    attachment = attach(make_proposal(), "предложения.odt", odt_package(ODT_BODY, ODT_STYLES), ODT)
    assert points(attachment_text(attachment)) == [
        ("1)", "закрепить число депутатов Мажилиса;"),
        ("2)", "изменить порядок выборов:\nа) по партийным спискам;\nб) по одномандатным округам;"),
        ("3)", "ввести отчёт депутата."),
    ]


def test_odt_list_without_a_style_is_numbered(db, media):
    body = "<text:list><text:list-item><text:p>бір</text:p></text:list-item>" \
           "<text:list-item><text:p>екі</text:p></text:list-item></text:list>"
    attachment = attach(make_proposal(), "list.odt", odt_package(body), ODT)
    assert attachment_text(attachment).splitlines() == ["1. бір", "2. екі"]


def test_pdf_text_gives_the_points(db, media):
    lines = package("ru_package_parens").splitlines()
    attachment = attach(make_proposal(), "Ассоциация юристов.pdf", pdf_text_lines(lines), PDF)
    assert points(attachment_text(attachment)) == expected("ru_package_parens")


def test_other_types_give_no_text(db, media):
    attachment = attach(make_proposal(), "мәтін.txt", "1. бір\n2. екі".encode(), TXT)
    assert attachment_text(attachment) == ""


def test_a_damaged_file_is_refused_with_its_name(db, media):
    attachment = attach(make_proposal(), "broken.docx", b"PK\x03\x04 not really a document", DOCX)
    assert refusal(attachment) == (
        "“broken.docx” could not be read: it may be damaged, or built in a way the reader does not accept."
    )


def test_refusal_speaks_the_users_language(db, media):
    attachment = attach(make_proposal(), "broken.pdf", b"%PDF-1.7 nothing else", PDF)
    with translation.override("kk"), pytest.raises(ExtractionError) as refused:
        attachment_text(attachment)
    assert "broken.pdf" in str(refused.value) and "could not" not in str(refused.value)


def test_a_missing_file_is_refused_with_its_name(db, media):
    attachment = attach(make_proposal(), "gone.pdf", pdf_text_lines(["1) бір", "2) екі"]), PDF)
    attachment.file.storage.delete(attachment.file.name)
    assert refusal(attachment) == "“gone.pdf” is missing from the file store."


def test_a_file_larger_than_an_upload_may_be_is_not_read(db, media, settings):
    settings.PARLREFORM_MAX_ATTACHMENT_BYTES = MB
    attachment = attach(make_proposal(), "big.pdf", pdf_page(b"%" * (MB + 1)), PDF)
    assert refusal(attachment) == "“big.pdf” is larger than 1 MB, more than is read for suggestions."


# Hostile files: the child's limits stop them, with a message.


def _spaces_document(megabytes):
    yield (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document '
           b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
    for _ in range(megabytes):
        yield b" " * MB
    yield b"</w:t></w:r></w:p></w:body></w:document>"


def test_docx_decompression_bomb_is_stopped_by_the_memory_limit(db, media, settings):
    settings.PARLREFORM_EXTRACT_MEMORY_MB = 160
    attachment = attach(make_proposal(), "bomb.docx", docx_with_body(_spaces_document(300)), DOCX)
    assert refusal(attachment) == "“bomb.docx” needs more than 160 MB of memory to be read."


def test_the_same_docx_within_the_memory_limit_is_read(db, media, settings):
    settings.PARLREFORM_EXTRACT_MEMORY_MB = 160
    attachment = attach(make_proposal(), "spaces.docx", docx_with_body(_spaces_document(2)), DOCX)
    assert attachment_text(attachment).strip() == ""


def test_deeply_nested_docx_is_refused(db, media):
    pieces = [
        b'<?xml version="1.0" encoding="UTF-8"?><w:document '
        b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
        b"<w:tbl><w:tr><w:tc>" * 100_000, b"</w:tc></w:tr></w:tbl>" * 100_000, b"</w:body></w:document>",
    ]
    attachment = attach(make_proposal(), "deep.docx", docx_with_body(pieces), DOCX)
    assert "“deep.docx” could not be read" in refusal(attachment)


def test_deeply_nested_odt_lists_are_read_without_recursion(db, media):
    depth = 20_000
    body = "<text:list><text:list-item>" * depth + "<text:p>ішкі</text:p>" + "</text:list-item></text:list>" * depth
    attachment = attach(make_proposal(), "deep.odt", odt_package(body), ODT)
    assert attachment_text(attachment).strip().endswith("1. ішкі")


def _zeros_deflated(megabytes):
    import zlib

    compressor = zlib.compressobj(9)
    return b"".join(compressor.compress(bytes(MB)) for _ in range(megabytes)) + compressor.flush()


def test_pdf_stream_inflating_to_hundreds_of_megabytes_is_stopped_by_the_memory_limit(db, media, settings):
    settings.PARLREFORM_EXTRACT_MEMORY_MB = 128
    content = pdf_page(b"", extra_objects=[stream(b"/Filter /FlateDecode", _zeros_deflated(300))])
    # The page's content stream is the bomb: object 4 replaced by object 8's stream.
    content = content.replace(b"/Contents 4 0 R", b"/Contents 8 0 R")
    attachment = attach(make_proposal(), "bomb.pdf", content, PDF)
    assert refusal(attachment) == "“bomb.pdf” needs more than 128 MB of memory to be read."


def test_pdf_whose_text_takes_too_long_is_stopped_by_the_cpu_limit(db, media, settings):
    settings.PARLREFORM_EXTRACT_SECONDS = 1
    settings.PARLREFORM_EXTRACT_MEMORY_MB = 1024
    heavy = pdf_page(b"BT /F1 12 Tf " + b"<0041> Tj " * 3_000_000 + b"ET", compress=True)
    attachment = attach(make_proposal(), "heavy.pdf", heavy, PDF)
    assert refusal(attachment) == "“heavy.pdf” could not be read within the time allowed (1 s)."


def test_pdf_form_that_draws_itself_is_read_once(db, media):
    form = stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] "
                  b"/Resources << /XObject << /X1 8 0 R >> /Font << /F1 3 0 R >> >>",
                  b"BT /F1 12 Tf <0042> Tj ET /X1 Do")
    content = pdf_page(b"BT /F1 12 Tf <0041> Tj ET /X1 Do", extra_objects=[form], resources=b"/XObject << /X1 8 0 R >>")
    attachment = attach(make_proposal(), "loop.pdf", content, PDF)
    assert attachment_text(attachment).split() == ["A", "B"]


def test_pdf_page_tree_that_contains_itself_is_refused(db, media):
    content = pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>"])
    attachment = attach(make_proposal(), "cycle.pdf", content, PDF)
    assert "“cycle.pdf” could not be read" in refusal(attachment)


def test_pdf_page_tree_nested_fifty_thousand_deep_is_refused(db, media):
    depth = 50_000
    tree = [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (number + 3) for number in range(depth)]
    content = pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>", *tree, b"<< /Type /Page /MediaBox [0 0 10 10] >>"])
    attachment = attach(make_proposal(), "deep.pdf", content, PDF)
    assert "“deep.pdf” could not be read" in refusal(attachment)


def test_pdf_content_of_endlessly_nested_arrays_gives_no_text_and_no_crash(db, media):
    attachment = attach(make_proposal(), "arrays.pdf", pdf_page(b"[" * 2_000_000, compress=True), PDF)
    assert attachment_text(attachment).strip() == ""


def test_a_stalled_reader_is_killed_after_the_wall_clock_timeout(db, media, settings, monkeypatch):
    settings.PARLREFORM_EXTRACT_SECONDS = 1
    sleeping = ["-c", "import time; time.sleep(3600)"]
    monkeypatch.setattr(reading, "reader_command", lambda *args: [reading.sys.executable, *sleeping])
    attachment = attach(make_proposal(), "stalled.pdf", pdf_text_lines(["1) бір", "2) екі"]), PDF)
    assert refusal(attachment) == "“stalled.pdf” could not be read within the time allowed (1 s)."


def test_extracted_text_is_capped(db, media, monkeypatch):
    monkeypatch.setattr("proposals.core.splitting.attachment.MAX_TEXT_CHARS", 50)
    attachment = attach(make_proposal(), "long.pdf", pdf_text_lines(["1) " + "сөз " * 40, "2) екі"]), PDF)
    assert len(attachment_text(attachment)) == 50


# suggestions_for: the proposal's text first, then its attachments in order.


def test_suggestions_come_from_the_text_when_it_has_a_list(db, media):
    proposal = make_proposal(text=package("kk_party_package"))
    attach(proposal, "other.pdf", pdf_text_lines(["1) бір", "2) екі"]), PDF)
    suggestions, problems = suggestions_for(proposal)
    assert [(s.label, s.text) for s in suggestions] == expected("kk_party_package")
    assert {s.source for s in suggestions} == {""} and problems == []


def test_suggestions_come_from_the_first_attachment_with_a_list(db, media):
    proposal = make_proposal(text=package("no_list"))
    attach(proposal, "cover.pdf", pdf_text_lines(["Ілеспе хат."]), PDF)
    attach(proposal, "Ұсыныстар.docx", docx_package(KK_DOCX), DOCX)
    attach(proposal, "later.pdf", pdf_text_lines(["1) бір", "2) екі"]), PDF)
    suggestions, problems = suggestions_for(proposal)
    assert [s.label for s in suggestions] == ["1.", "2.", "3."]
    assert {s.source for s in suggestions} == {"Ұсыныстар.docx"} and problems == []


def test_unreadable_attachments_are_named_among_the_problems(db, media):
    proposal = make_proposal(text=package("no_list"))
    attach(proposal, "broken.docx", b"PK\x03\x04 damaged", DOCX)
    attach(proposal, "points.odt", odt_package(ODT_BODY, ODT_STYLES), ODT)
    with translation.override("en"):
        suggestions, problems = suggestions_for(proposal)
    assert [s.label for s in suggestions] == ["1)", "2)", "3)"]
    assert problems == [
        "“broken.docx” could not be read: it may be damaged, or built in a way the reader does not accept."
    ]


def test_a_proposal_without_any_list_gets_no_suggestions(db, media):
    proposal = make_proposal(text=package("no_list"))
    attach(proposal, "photo.txt", b"just text", TXT)
    assert suggestions_for(proposal) == ([], [])


def test_the_answer_is_remembered_so_a_file_is_read_once(db, media, monkeypatch):
    from proposals.core.splitting import proposal as reading

    proposal = make_proposal(text=package("no_list"))
    attach(proposal, "Ұсыныстар.docx", docx_package(KK_DOCX), DOCX)
    reads = []
    monkeypatch.setattr(reading, "attachment_text", lambda item: reads.append(item.pk) or attachment_text(item))
    first = suggestions_for(proposal)
    assert suggestions_for(proposal) == first and len(reads) == 1
    attach(proposal, "more.pdf", pdf_text_lines(["Ілеспе хат."]), PDF)
    suggestions_for(proposal)
    assert len(reads) == 2  # another file: the answer is read afresh


def test_the_files_together_get_one_files_time_and_the_rest_say_they_were_not_read(db, media, monkeypatch,
                                                                                 settings):
    from proposals.core.splitting import proposal as reading

    settings.PARLREFORM_EXTRACT_SECONDS = 5
    proposal = make_proposal(text=package("no_list"))
    attach(proposal, "slow.pdf", pdf_text_lines(["Ілеспе хат."]), PDF)
    attach(proposal, "points.odt", odt_package(ODT_BODY, ODT_STYLES), ODT)
    clock = iter([0.0, 1.0, 9.0])
    monkeypatch.setattr(reading, "monotonic", lambda: next(clock))
    with translation.override("en"):
        suggestions, problems = suggestions_for(proposal)
    assert suggestions == []
    assert problems == ["“points.odt” was not read: the files before it took the time allowed for reading."]
