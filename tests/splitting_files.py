"""Documents for the suggested-points tests, built in the test: DOCX with Word's numbering, ODT lists, PDF text."""
import io
import zipfile
import zlib

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

MB = 1024 * 1024
ODF = "urn:oasis:names:tc:opendocument:xmlns"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"

# A two-level list as Russian Word writes one: "1." then "а)" under it.
NUMBERING = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType w:val="hybridMultilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="russianLower"/><w:lvlText w:val="%2)"/></w:lvl>'
    "</w:abstractNum>"
)


def docx_package(paragraphs):
    """A DOCX of ``paragraphs``: (level, text), level None for an ordinary paragraph, 0 and 1 for list levels.

    List paragraphs carry Word's automatic numbering (numbering properties, no number in the text); level 0
    uses the "List Number" style's list, level 1 a multilevel list's second level, as Word writes them.
    """
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, text in paragraphs:
        if level is None:
            document.add_paragraph(text)
            continue
        paragraph = document.add_paragraph(text, style="List Paragraph")
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_numId().val = 90
        num_pr.get_or_add_ilvl().val = level
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_with_style_numbering(paragraphs):
    """A DOCX whose list paragraphs take their numbering from the "List Number" / "List Bullet" styles only."""
    document = docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_with_body(body_xml_pieces, size_hint=0):
    """A DOCX built by python-docx whose word/document.xml is replaced by the given pieces, streamed in."""
    base = io.BytesIO()
    docx.Document().save(base)
    out = io.BytesIO()
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == "word/document.xml":
                with target.open("word/document.xml", "w", force_zip64=size_hint > 2000 * MB) as entry:
                    for piece in body_xml_pieces:
                        entry.write(piece)
            else:
                target.writestr(info, source.read(info))
    return out.getvalue()


def odt_package(body_xml, styles_xml=""):
    """An ODT whose office:text holds ``body_xml`` and whose automatic styles hold ``styles_xml``."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{ODF}:office:1.0" '
        f'xmlns:text="{ODF}:text:1.0" xmlns:style="{ODF}:style:1.0" office:version="1.3">'
        f"<office:automatic-styles>{styles_xml}</office:automatic-styles>"
        f"<office:body><office:text>{body_xml}</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), ODT_MIMETYPE)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", f'<manifest:manifest xmlns:manifest="{ODF}:manifest:1.0"/>')
    return buffer.getvalue()


def pdf_file(objects):
    """A PDF whose objects 1, 2, ... are ``objects`` (1 the catalog), with its cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(dictionary, data):
    return b"<< %s /Length %d >>\nstream\n" % (dictionary, len(data)) + data + b"\nendstream"


# A font whose two-byte codes are the characters' Unicode values, so any Cyrillic text can be written and read.
UNICODE_CMAP = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
    b"1 begincodespacerange <0000> <FFFF> endcodespacerange "
    b"1 beginbfrange <0000> <FFFF> <0000> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end"
)
FONT = (b"<< /Type /Font /Subtype /Type0 /BaseFont /Sans /Encoding /Identity-H "
        b"/DescendantFonts [5 0 R] /ToUnicode 6 0 R >>")
CID_FONT = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Sans "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>")
PAGE = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 3 0 R >> %s >> >>")


def pdf_page(content, extra_objects=(), resources=b"", compress=False):
    """A one-page PDF: ``content`` its content stream (object 4), then ``extra_objects`` from object 7 on."""
    dictionary = b"/Filter /FlateDecode" if compress else b""
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [7 0 R] /Count 1 >>",
        FONT,
        stream(dictionary, zlib.compress(content) if compress else content),
        CID_FONT,
        stream(b"", UNICODE_CMAP),
        PAGE % resources,
        *extra_objects,
    ])


def pdf_text_lines(lines):
    """A PDF whose page shows ``lines``, one under another, as a word processor exports a letter."""
    ops = [b"BT /F1 11 Tf 14 TL 50 800 Td"]
    ops += [b"<" + line.encode("utf-16-be").hex().encode() + b"> Tj T*" for line in lines]
    ops.append(b"ET")
    return pdf_page(b"\n".join(ops), compress=True)
