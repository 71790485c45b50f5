"""Attachment checks and storage: type by content (magic bytes), hostile content refused, size limits, safe names."""
import hashlib
import re
import struct
import unicodedata
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from xml.parsers import expat

from django.conf import settings
from django.utils.translation import gettext_lazy as _

SNIFF_BYTES = 8192
MB = 1024 * 1024
CHUNK_BYTES = 64 * 1024  # what is inflated or parsed at a time

PDF = ("pdf", "application/pdf")
DOCX = ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
ODT = ("odt", "application/vnd.oasis.opendocument.text")
TXT = ("txt", "text/plain")
PNG = ("png", "image/png")
JPEG = ("jpg", "image/jpeg")
ALLOWED_LABEL = "PDF, DOCX, ODT, TXT, PNG, JPEG"

# Office documents are zip archives. One has tens of parts, a few hundred at most; its parts are text and
# pictures, which deflate well but not a hundredfold once they are large.
ZIP_MAX_ENTRIES = 1000
ZIP_MAX_DIRECTORY_BYTES = 512 * 1024
ZIP_MAX_ENTRY_BYTES = 50 * MB  # uncompressed size of one part, as declared
ZIP_MAX_TOTAL_BYTES = 100 * MB  # of all parts together
ZIP_MAX_RATIO = 100  # uncompressed / compressed size of a part larger than ZIP_RATIO_FROM
ZIP_RATIO_FROM = MB
ZIP_MAX_XML_BYTES = 4 * MB  # a content-types or relationships part, parsed to its end

# A PDF's encoded streams are looked into up to these bounds; past them the file is refused, not accepted.
PDF_MAX_DECODED_BYTES = 128 * MB  # read and written by the decoders together
PDF_MAX_STREAMS = 10_000
PDF_MAX_LAYERS = 3  # a stream compressed again and again ([/FlateDecode /FlateDecode ...])

# Bidirectional overrides and other invisible format characters can disguise a name ("evil‮fdp.exe").
_INVISIBLE = re.compile(r"[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")

DAMAGED = _("“%(name)s” is damaged or built to hide what it contains: save it again from the program that made it.")
TOO_MANY_FILES = _(
    "“%(name)s” contains too many files to be a document: save it again as a PDF or as an ordinary DOCX or ODT file."
)
TOO_MUCH_DATA = _("“%(name)s” unpacks to too much data to be checked safely: save it as a smaller file or as a PDF.")
MACROS = _(
    "“%(name)s” contains macros or other active content, which are not accepted: save it without them or as a PDF."
)
FOREIGN_PART = _(
    "“%(name)s” contains “%(part)s”, which does not belong in a %(type)s document: send the document on its own."
)
PDF_ACTIVE = _(
    "“%(name)s” is a PDF with scripts, actions or embedded files, which are not accepted: print it to a new PDF "
    "or send it in another format."
)
PDF_UNCHECKABLE = _(
    "“%(name)s” is encrypted or packed in a way that cannot be checked: save or print it again as an ordinary PDF "
    "without a password."
)
IMAGE_MARKUP = _(
    "“%(name)s” is an image that also contains web page code, which is not accepted: export the image again or "
    "send a screenshot of it."
)
MISMATCH = _("“%(name)s” is %(actual)s, not %(claimed)s: rename it or choose another file.")
KIND_NAMES = {
    "pdf": _("a PDF"),
    "docx": _("a DOCX document"),
    "odt": _("an ODT document"),
    "txt": _("a text file"),
    "png": _("a PNG image"),
    "jpg": _("a JPEG image"),
}
OTHER_KIND = _("a “.%(extension)s” file")
EXTENSION_ALIASES = {"jpeg": "jpg", "jpe": "jpg", "jfif": "jpg"}


class AttachmentError(ValueError):
    """A file was refused; the message says why to the person who sent it."""


def _refusal(message, display, **values):
    return AttachmentError(message % {"name": display, **values})


@dataclass(frozen=True)
class CheckedFile:
    upload: object  # the UploadedFile
    extension: str
    content_type: str
    original_name: str
    size: int
    sha256: str


def sniff(upload):
    """(extension, content type) of what the file really is, or None if it is not an allowed type.

    Raises AttachmentError for an office document that cannot be opened within bounds or that holds what
    its type does not (macros, programs, remote content).
    """
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    if _looks_like_text(upload):
        return TXT
    return None


# Office documents (zip archives)

class _ReadTooLarge(Exception):
    """zipfile asked for more bytes in one read than a bounded archive needs."""


class _BoundedReader:
    """The upload as zipfile reads it, refusing any single read larger than ``limit`` bytes.

    zipfile reads the central directory in one call of the size the end record gives; should it find a
    record _zip_directory did not, this keeps that read (or any other) from growing with the claim.
    """

    def __init__(self, file, limit):
        self._file, self._limit = file, limit
        file.seek(0, 2)
        self._size = file.tell()
        file.seek(0)

    def read(self, n=-1):
        left = max(0, self._size - self._file.tell())
        wanted = left if n is None or n < 0 else min(n, left)
        if wanted > self._limit:
            raise _ReadTooLarge
        return self._file.read(wanted)

    def seek(self, offset, whence=0):
        return self._file.seek(offset, whence)

    def tell(self):
        return self._file.tell()

    def seekable(self):
        return True


_END_RECORD = struct.Struct("<4s4H2LH")
_END_RECORD_64_LOCATOR = struct.Struct("<4sLQL")
_END_RECORD_64 = struct.Struct("<4sQ2H2L4Q")


def _zip_directory(upload):
    """(entries, central directory bytes) as the archive's end records say, found where zipfile looks; None if none.

    zipfile.ZipFile() parses the whole central directory as soon as it is opened (120,000 entries took
    seconds and tens of MB), so its size is read here first, from the end of the file.
    """
    upload.seek(0, 2)
    size = upload.tell()
    if size < _END_RECORD.size:
        return None
    start = max(0, size - _END_RECORD.size - 0xFFFF)  # the record, then a comment of at most 64 KB
    upload.seek(start)
    tail = upload.read(size - start)
    at = len(tail) - _END_RECORD.size
    if not (tail.startswith(b"PK\x05\x06", at) and tail.endswith(b"\x00\x00")):
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or at + _END_RECORD.size > len(tail):
            return None
    entries, directory_bytes = _END_RECORD.unpack_from(tail, at)[4:6]
    locator_at = start + at - _END_RECORD_64_LOCATOR.size
    if locator_at >= 0:
        upload.seek(locator_at)
        if upload.read(4) == b"PK\x06\x07":
            if locator_at < _END_RECORD_64.size:
                return None
            upload.seek(locator_at - _END_RECORD_64.size)
            record = _END_RECORD_64.unpack(upload.read(_END_RECORD_64.size))
            if record[0] == b"PK\x06\x06":
                entries, directory_bytes = record[7], record[8]
    return entries, directory_bytes


def _sniff_zip(upload):
    """ODT or DOCX once the archive's directory, sizes and parts are checked; None for any other archive.

    An entry inflates as far as it is read (zipfile's read() inflates all of it at once, whatever size
    it declares), so entries are only read in bounded pieces: the ODT mimetype's first bytes, and the
    XML parts that say whether the document runs macros or loads remote content.
    """
    display = safe_name(upload.name)
    try:
        directory = _zip_directory(upload)
        if directory is None:
            return None
        entries, directory_bytes = directory
        if entries > ZIP_MAX_ENTRIES or directory_bytes > ZIP_MAX_DIRECTORY_BYTES:
            raise _refusal(TOO_MANY_FILES, display)
        with zipfile.ZipFile(_BoundedReader(upload, ZIP_MAX_DIRECTORY_BYTES)) as archive:
            infos = archive.infolist()
            _check_zip_sizes(infos, upload.size, display)
            kind = _zip_kind(archive, infos)
            if kind is not None:
                _check_parts(infos, kind, display)
                _check_office_xml(archive, infos, kind, display)
            return kind
    except AttachmentError:
        raise
    except _ReadTooLarge:
        raise _refusal(TOO_MANY_FILES, display) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, expat.ExpatError, KeyError, OSError, EOFError, RuntimeError,
            NotImplementedError, ValueError, struct.error, zlib.error):
        raise _refusal(DAMAGED, display) from None
    finally:
        upload.seek(0)


def _check_zip_sizes(infos, upload_size, display):
    """Refuse an archive with too many parts, sizes that cannot be true, or more data than a document has."""
    if len(infos) > ZIP_MAX_ENTRIES:
        raise _refusal(TOO_MANY_FILES, display)
    names = set()
    total = 0
    for info in infos:
        name = info.filename.casefold()
        if name in names:  # two parts of one name: programs disagree on which one is the document
            raise _refusal(DAMAGED, display)
        names.add(name)
        # Deflate adds a few bytes per block at most: a part whose compressed data is larger than its
        # declared size lies about that size (a bomb declaring 50 bytes that inflate to a gigabyte).
        if (
            info.flag_bits & 0x1  # encrypted
            or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
            or info.compress_size > upload_size
            or (info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size)
            or info.compress_size > info.file_size + info.file_size // 1000 + 64
        ):
            raise _refusal(DAMAGED, display)
        if info.file_size > ZIP_MAX_ENTRY_BYTES or (
            info.file_size > ZIP_RATIO_FROM and info.file_size > ZIP_MAX_RATIO * info.compress_size
        ):
            raise _refusal(TOO_MUCH_DATA, display)
        total += info.file_size
    if total > ZIP_MAX_TOTAL_BYTES:
        raise _refusal(TOO_MUCH_DATA, display)


def _zip_kind(archive, infos):
    by_name = {info.filename: info for info in infos}
    if "mimetype" in by_name:
        with archive.open(by_name["mimetype"]) as entry:
            head = entry.read(len(ODT[1]) + 16)
        return ODT if head.strip() == ODT[1].encode() else None
    if "[Content_Types].xml" in by_name and any(name.startswith("word/") for name in by_name):
        return DOCX
    return None


# The parts each document type has: folders (compared in lower case) and files at the top.
_DOCX_FOLDERS = frozenset({"_rels", "docprops", "word", "customxml", "docmetadata", "_xmlsignatures"})
_DOCX_FILES = frozenset({"[content_types].xml"})
_ODT_FOLDERS = frozenset({"meta-inf", "configurations2", "pictures", "thumbnails", "objectreplacements", "fonts"})
_ODT_OBJECT_FOLDER = re.compile(r"object \d+")  # an embedded chart or formula
_ODT_FILES = frozenset({"mimetype", "content.xml", "styles.xml", "meta.xml", "settings.xml", "manifest.rdf",
                        "layout-cache"})
_ODT_MACRO_FOLDERS = frozenset({"basic", "scripts", "dialogs"})
_MACRO_EXTENSIONS = frozenset({"docm", "dotm", "xlsm", "xltm", "xlam", "xlsb", "pptm", "potm", "ppsm", "ppam", "sldm"})
# Programs, scripts and archives: nothing an office program writes into a document.
_FOREIGN_EXTENSIONS = frozenset({
    "exe", "dll", "com", "scr", "pif", "cpl", "msi", "msp", "msc", "bat", "cmd", "ps1", "psm1", "vbs", "vbe", "js",
    "jse", "mjs", "wsf", "wsh", "wsc", "sct", "hta", "jar", "lnk", "url", "scf", "inf", "reg", "sh", "py", "pl", "rb",
    "php", "apk", "app", "dmg", "iso", "img", "vhd", "vhdx", "appx", "msix", "ocx", "sys", "drv", "chm", "zip", "rar",
    "7z", "cab", "gz", "tar",
})


def _check_parts(infos, kind, display):
    """Refuse macros, programs and scripts, and any part outside what a document of ``kind`` has."""
    for info in infos:
        path = info.filename
        segments = path.casefold().split("/")
        if path.startswith("/") or "\\" in path or ".." in segments:
            raise _refusal(DAMAGED, display)
        top, base = (segments[0] if len(segments) > 1 else None), segments[-1].rstrip(". ")
        extension = base.rpartition(".")[2] if "." in base else ""
        if kind == DOCX:
            macros = base.startswith(("vbaproject", "vbadata")) or "activex" in segments[:-1]
            allowed = top in _DOCX_FOLDERS if top else base in _DOCX_FILES
        else:
            macros = top in _ODT_MACRO_FOLDERS
            allowed = (top in _ODT_FOLDERS or bool(_ODT_OBJECT_FOLDER.fullmatch(top))) if top else base in _ODT_FILES
        if macros or extension in _MACRO_EXTENSIONS:
            raise _refusal(MACROS, display)
        if not allowed or extension in _FOREIGN_EXTENSIONS:
            raise _refusal(FOREIGN_PART, display, part=safe_name(path.rstrip("/")), type=kind[0].upper())


_XLINK_HREF = "http://www.w3.org/1999/xlink href"
_ODF = "urn:oasis:names:tc:opendocument:xmlns"
_ODF_SCRIPT_ELEMENTS = frozenset({f"{_ODF}:script:1.0 event-listener", f"{_ODF}:office:1.0 script"})


def _check_office_xml(archive, infos, kind, display):
    """Refuse a document whose XML declares macros, runs scripts on events or loads content from elsewhere."""
    if kind == DOCX:
        for info in infos:
            name = info.filename.casefold()
            if name == "[content_types].xml":
                _refuse_if_any(archive, info, _macro_content_type, ZIP_MAX_XML_BYTES, display)
            elif name.endswith(".rels"):
                _refuse_if_any(archive, info, _active_relationship, ZIP_MAX_XML_BYTES, display)
    else:
        for info in infos:
            if info.filename in ("content.xml", "styles.xml"):
                _refuse_if_any(archive, info, _odf_script, ZIP_MAX_ENTRY_BYTES, display)


def _macro_content_type(tag, attributes):
    content_type = attributes.get("ContentType", "").casefold()
    return any(word in content_type for word in ("macroenabled", "vbaproject", "activex"))


def _active_relationship(tag, attributes):
    relationship = attributes.get("Type", "").casefold()
    if any(word in relationship for word in ("vba", "activex", "/control")):
        return True
    # A hyperlink waits for a click; a remote template or object is fetched when the document opens.
    external = attributes.get("TargetMode", "").strip().casefold() == "external"
    return external and not relationship.endswith("/hyperlink") and _is_remote(attributes.get("Target", ""))


def _is_remote(target):
    """True if a link leads off this computer: a web (or other scheme's) address or a network share."""
    target = target.strip().replace("\\", "/").casefold()
    if target.startswith("file:///") and not target.startswith("file:////"):
        return False
    return target.startswith("//") or bool(re.match(r"[a-z][a-z0-9+.-]+:", target))


def _odf_script(tag, attributes):
    if tag in _ODF_SCRIPT_ELEMENTS:
        return True
    if tag == f"{_ODF}:presentation:1.0 event-listener":
        return attributes.get(f"{_ODF}:presentation:1.0 action") == "execute"  # runs a program
    return attributes.get(_XLINK_HREF, "").strip().casefold().startswith(("vnd.sun.star.script:", "macro:"))


class _Found(Exception):
    pass


def _refuse_if_any(archive, info, test, limit, display):
    """Refuse the document if ``test(tag, attributes)`` holds for an element of the XML part ``info``.

    The part is inflated and parsed CHUNK_BYTES at a time (never more than it declares: zipfile stops
    there and checks the CRC); references like "&#46;" are read as the office program reads them, and a
    document type declaration, which no office part has and whose entities could expand, is refused.
    """
    if info.file_size > limit:
        raise _refusal(TOO_MUCH_DATA, display)

    def start(tag, attributes):
        if test(tag, attributes):
            raise _Found

    def declaration(*args):
        raise expat.ExpatError("document type declaration")

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = declaration
    parser.EntityDeclHandler = declaration
    try:
        with archive.open(info) as entry:
            while chunk := entry.read(CHUNK_BYTES):
                parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Found:
        raise _refusal(MACROS, display) from None


# PDF

# Possessive quantifiers (*+, ++) never backtrack: hostile input cannot make these patterns slow.
_PDF_WHITE = rb"(?:[\x00\t\n\x0c\r ]|%[^\r\n]*+)*+"  # white-space and comments between tokens
_PDF_SEPARATOR = rb"(?:[\x00\t\n\x0c\r ]|%[^\r\n]*+)++"
_PDF_REGULAR = rb"[^\x00\t\n\x0c\r /<>\[\]()%{}]"  # what a name is made of ("#xx" in it is a byte)
_PDF_REFERENCE = rb"\d++" + _PDF_SEPARATOR + rb"\d++" + _PDF_SEPARATOR + rb"R"
# Names that make a PDF act by itself: run scripts or programs, carry files or media, or act on events.
_PDF_ACTIVE = frozenset({b"JavaScript", b"Launch", b"EmbeddedFile", b"EmbeddedFiles", b"RichMedia",
                         b"FileAttachment"})
# Short names count where their value starts (random bytes in images hold "/AA" now and then).
_PDF_ACTIVE_VALUES = {
    b"JS": re.compile(_PDF_WHITE + rb"(?:\(|<(?!<)|" + _PDF_REFERENCE + rb")"),
    b"AA": re.compile(_PDF_WHITE + rb"(?:<<|" + _PDF_REFERENCE + rb")"),
    b"EF": re.compile(_PDF_WHITE + rb"(?:<<|" + _PDF_REFERENCE + rb")"),
    b"XFA": re.compile(_PDF_WHITE + rb"(?:\[|" + _PDF_REFERENCE + rb")"),
}
_PDF_ENCRYPT_VALUE = re.compile(_PDF_WHITE + rb"(?:<<|" + _PDF_REFERENCE + rb")")
# Filters this check undoes: Flate anywhere, ASCIIHex and ASCII85 first (as PDF producers use them).
# Any other filter that can encode arbitrary bytes could hide objects from it.
_PDF_MAX_FILTERS = 8  # in one /Filter array (producers use one or two)
_PDF_FILTER_VALUE = re.compile(
    _PDF_WHITE + rb"(?:(\[(?:" + _PDF_WHITE + rb"/" + _PDF_REGULAR + rb"*+){0,%d})" % (_PDF_MAX_FILTERS + 1)
    + rb"|(/" + _PDF_REGULAR + rb"*+)|(" + _PDF_REFERENCE + rb"))"
)
_PDF_ASCII_FILTERS = frozenset({b"ASCIIHexDecode", b"AHx", b"ASCII85Decode", b"A85"})
_PDF_UNREADABLE_FILTERS = frozenset({b"LZWDecode", b"LZW", b"RunLengthDecode", b"RL", b"Crypt"})


def _spelled(name):
    """A pattern for a name however it is written: each character as itself or as its "#xx" escape."""
    return b"".join(
        b"(?:%s|#%s)" % (re.escape(bytes([byte])), b"".join(
            b"[%s%s]" % (digit.encode(), digit.upper().encode()) if digit.isalpha() else digit.encode()
            for digit in f"{byte:02x}"
        ))
        for byte in name
    )


_PDF_NAMES = re.compile(
    rb"/(?:" + b"|".join(_spelled(name) for name in sorted(
        _PDF_ACTIVE | set(_PDF_ACTIVE_VALUES) | {b"Encrypt", b"Filter"}, key=len, reverse=True
    )) + rb")(?!" + _PDF_REGULAR + rb")"
)
_PDF_NAME = re.compile(rb"/(" + _PDF_REGULAR + rb"*+)")
_PDF_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_WHITE_ONLY = re.compile(_PDF_WHITE)
_PDF_STREAM = re.compile(rb"(?<!" + _PDF_REGULAR + rb")stream(?!" + _PDF_REGULAR + rb")")
_PDF_END_OF_LINE = re.compile(rb"\r\n|\r|\n")  # a stream's data starts after the "stream" keyword's line
_PDF_OVERLAP = 1024  # a name and the start of its value, across the pieces of a decoded stream
_PDF_HEAD = 64  # bytes of a stream's start that say how it is encoded
_WHITESPACE = b"\x00\t\n\x0c\r "
_NOT_HEX = bytes(sorted(set(range(256)) - set(b"0123456789ABCDEFabcdef")))
_HEX_END = re.compile(rb"[^0-9A-Fa-f\x00\t\n\x0c\r ]")  # ">" or anything else that is not hex
_ASCII85_END = re.compile(rb"[^!-uz]")  # "~>" or anything else that is not ASCII85, once white-space is removed
_ASCII85_DIGITS = bytes((byte - 33) & 0xFF for byte in range(256))


def _check_pdf(upload, display):
    """Refuse a PDF that can act by itself (scripts, launch actions, embedded files, XFA) or hides its objects.

    A hand-written scan, because no library here checks this within a bound (pypdf parses the whole file
    and is not bounded for hostile input). Names are read with their "#xx" escapes undone ("/Java#53cript"),
    in the file and in every stream after a "stream" keyword, decoded from what its first bytes are (zlib,
    ASCIIHex, ASCII85): object streams hide dictionaries there, and a reader can be pointed at any offset,
    so no stream is skipped on what a dictionary says. Decoding runs CHUNK_BYTES at a time up to
    PDF_MAX_DECODED_BYTES, PDF_MAX_STREAMS and PDF_MAX_LAYERS; past a bound, or when the file is
    encrypted or names a filter this scan does not undo, the file is refused rather than accepted unchecked.
    PNG and TIFF predictors on a Flate stream are not undone.
    """
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    budget = [PDF_MAX_DECODED_BYTES]
    streams = 0
    line_end = -1
    try:
        _raise_problem(_pdf_problem(data, final=True))
        for keyword in _PDF_STREAM.finditer(data):
            if keyword.end() <= line_end:
                continue  # on the line of the keyword before: the same data follows
            end_of_line = _PDF_END_OF_LINE.search(data, keyword.end())
            if end_of_line is None:
                break
            line_end, start = end_of_line.start(), end_of_line.end()
            streams += 1
            if streams > PDF_MAX_STREAMS:
                raise _OverBudget
            root = _Layer(budget, depth=0)
            root.feed(data[start:start + _PDF_HEAD])
            for offset in range(start + _PDF_HEAD, len(data), CHUNK_BYTES):
                if root.done:
                    break
                root.feed(data[offset:offset + CHUNK_BYTES])
            root.close()
    except _OverBudget:
        raise _refusal(TOO_MUCH_DATA, display) from None
    except _Problem as problem:
        raise _refusal(problem.args[0], display) from None


class _Problem(Exception):
    """What was found refuses the file; the argument is the message."""


class _OverBudget(Exception):
    pass


def _raise_problem(message):
    if message is not None:
        raise _Problem(message)


def _spend(budget, size):
    budget[0] -= size
    if budget[0] < 0:
        raise _OverBudget


def _pdf_problem(text, final):
    """The refusal for the first risky name in ``text``, or None.

    Unless ``final``, a name in the last _PDF_OVERLAP bytes waits for the next piece, which starts with them.
    """
    limit = len(text) if final else len(text) - _PDF_OVERLAP
    for match in _PDF_NAMES.finditer(text):
        if match.start() >= limit:
            break
        name, end = _pdf_unescape(match[0][1:]), match.end()
        if name in _PDF_ACTIVE or (
            name in _PDF_ACTIVE_VALUES and _value_follows(_PDF_ACTIVE_VALUES[name], text, end, final)
        ):
            return PDF_ACTIVE
        if (name == b"Encrypt" and _value_follows(_PDF_ENCRYPT_VALUE, text, end, final)) or (
            name == b"Filter" and _unreadable_filter(text, end)
        ):
            return PDF_UNCHECKABLE
    return None


def _pdf_unescape(name):
    return _PDF_ESCAPE.sub(lambda escape: bytes([int(escape[1], 16)]), name)


def _value_follows(pattern, text, end, final):
    if pattern.match(text, end):
        return True
    # White-space or a comment running to the end of a piece: the value may be in the next one.
    return not final and _PDF_WHITE_ONLY.match(text, end).end() == len(text)


def _unreadable_filter(text, end):
    value = _PDF_FILTER_VALUE.match(text, end)
    if value is None:
        return False
    if value[3]:  # the filter is another object's: this scan does not follow references
        return True
    names = [_pdf_unescape(name) for name in _PDF_NAME.findall(value[1] or value[2])]
    return (
        len(names) > _PDF_MAX_FILTERS
        or any(name in _PDF_UNREADABLE_FILTERS for name in names)
        or any(name in _PDF_ASCII_FILTERS for name in names[1:])
    )


def _is_zlib_header(head):
    return (
        len(head) >= 2 and head[0] & 0x0F == 8 and head[0] >> 4 <= 7 and (head[0] << 8 | head[1]) % 31 == 0
        and not head[1] & 0x20
    )


class _Layer:
    """One decoding of a stream, fed piece by piece: scanned for risky names (unless it is the stream as
    stored, which the whole-file scan read) and passed to the decoders its first bytes call for."""

    def __init__(self, budget, depth):
        self.budget, self.depth = budget, depth
        self.head = b""
        self.tail = b""
        self.decoders = None  # chosen once _PDF_HEAD bytes have come
        self.closed = False

    @property
    def done(self):
        """Nothing more is wanted: the stream as stored once its decoders have ended (a decoded layer is read
        to its end)."""
        return self.depth == 0 and self.decoders is not None and all(decoder.done for decoder in self.decoders)

    def feed(self, piece):
        if self.depth:
            text = self.tail + piece
            _raise_problem(_pdf_problem(text, final=False))
            self.tail = text[-_PDF_OVERLAP:]
        if self.decoders is None:
            self.head += piece
            if len(self.head) < _PDF_HEAD:
                return
            piece = self.head
            self._choose()
        for decoder in self.decoders:
            decoder.feed(piece)

    def close(self):
        if self.closed:
            return
        self.closed = True
        if self.depth:
            _raise_problem(_pdf_problem(self.tail, final=True))
        if self.decoders is None:
            self._choose()
            for decoder in self.decoders:
                decoder.feed(self.head)
        for decoder in self.decoders:
            decoder.close()

    def _choose(self):
        zlib_data = _is_zlib_header(self.head)
        if self.depth == PDF_MAX_LAYERS:
            _raise_problem(PDF_UNCHECKABLE if zlib_data else None)  # compressed more times than this scan follows
            self.decoders = []
            return
        decoders = [_Inflater] if zlib_data else []
        if self.depth == 0:
            sample = self.head.translate(None, _WHITESPACE)
            if len(sample) >= 2 and not _HEX_END.search(sample[:2]):
                decoders.append(_HexDecoder)
            if len(sample) >= 5 and not _ASCII85_END.search(sample[:5]):
                decoders.append(_Ascii85Decoder)
        self.decoders = [decoder(_Layer(self.budget, self.depth + 1), self.budget) for decoder in decoders]


class _Inflater:
    """Inflates zlib data CHUNK_BYTES at a time into the next layer, to the stream's end or its first error."""

    def __init__(self, layer, budget):
        self.layer, self.budget = layer, budget
        self.inflater = zlib.decompressobj()
        self.done = False

    def feed(self, piece):
        if not self.done:
            _spend(self.budget, len(piece))
        while piece and not self.done:
            try:
                inflated = self.inflater.decompress(piece, CHUNK_BYTES)
            except zlib.error:
                self.done = True
                return
            _spend(self.budget, len(inflated))
            if inflated:
                self.layer.feed(inflated)
            self.done = self.inflater.eof
            piece = self.inflater.unconsumed_tail

    def close(self):
        self.done = True
        self.layer.close()


class _HexDecoder:
    """ASCIIHex into the next layer, to its ">" or the first character that is neither hex nor white-space."""

    def __init__(self, layer, budget):
        self.layer, self.budget = layer, budget
        self.odd = b""
        self.done = False

    def feed(self, piece):
        if self.done:
            return
        _spend(self.budget, len(piece))
        end = _HEX_END.search(piece)
        if end is not None:
            piece, self.done = piece[:end.start()], True
        digits = self.odd + piece.translate(None, _NOT_HEX)
        even = len(digits) & ~1
        self.odd = digits[even:]
        self._emit(bytes.fromhex(digits[:even].decode()))

    def close(self):
        if self.odd:
            self._emit(bytes.fromhex((self.odd + b"0").decode()))
            self.odd = b""
        self.done = True
        self.layer.close()

    def _emit(self, decoded):
        _spend(self.budget, len(decoded))
        if decoded:
            self.layer.feed(decoded)


class _Ascii85Decoder:
    """ASCII85 into the next layer, to its "~>" or the first character that is not ASCII85 or white-space."""

    def __init__(self, layer, budget):
        self.layer, self.budget = layer, budget
        self.rest = b""
        self.done = False

    def feed(self, piece):
        if self.done:
            return
        _spend(self.budget, len(piece))
        characters = piece.translate(None, _WHITESPACE)
        end = _ASCII85_END.search(characters)
        if end is not None:
            characters, self.done = characters[:end.start()], True
        characters = self.rest + characters.replace(b"z", b"!!!!!")
        whole = len(characters) - len(characters) % 5
        self.rest = characters[whole:]
        self._emit(_ascii85(characters[:whole]))

    def close(self):
        if len(self.rest) > 1:  # a last, partial group: padded with "u", as many bytes as it has digits less one
            self._emit(_ascii85(self.rest + b"u" * (5 - len(self.rest)))[:len(self.rest) - 1])
        self.rest = b""
        self.done = True
        self.layer.close()

    def _emit(self, decoded):
        _spend(self.budget, len(decoded))
        if decoded:
            self.layer.feed(decoded)


def _ascii85(characters):
    """Whole ASCII85 groups (five characters, four bytes each) decoded with a few big-number operations.

    base64.a85decode loops in Python per group (2 s for 8 MB); here each of the five digit columns becomes
    one number with a digit in every five-byte slot, and Horner's rule in base 85 adds them up. A slot
    holds any group's value (below 2**40), so groups never carry into each other; the low four bytes of
    each slot are its bytes.
    """
    groups = len(characters) // 5
    if not groups:
        return b""
    digits = characters.translate(_ASCII85_DIGITS)
    total = 0
    for column in range(5):
        slots = bytearray(5 * groups)
        slots[4::5] = digits[column::5]
        total = total * 85 + int.from_bytes(slots, "big")
    slots = total.to_bytes(5 * groups, "big")
    decoded = bytearray(4 * groups)
    for byte in range(4):
        decoded[byte::4] = slots[byte + 1::5]
    return bytes(decoded)


# Images

# Markup a browser would run if the file were ever shown as a page; a tag counts with what follows its name.
_MARKUP = re.compile(
    rb"<(?:html|head|body|script|svg|iframe|frame|frameset|object|embed|img|style|link|meta|form|base|title|"
    rb"!doctype)(?=[\s/>])|<\?xml(?=\s)",
    re.IGNORECASE,
)


def _check_image(upload, display):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if _MARKUP.search(data):
        raise _refusal(IMAGE_MARKUP, display)


def _looks_like_text(upload):
    """Plain text in UTF-8 (with or without BOM) or Windows-1251, with no binary control bytes."""
    sample = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if not sample or b"\x00" in sample:
        return False
    if any(byte < 32 and byte not in (9, 10, 12, 13) for byte in sample):
        return False
    try:
        # A multi-byte character may be cut at the end of the sample.
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(sample) - 4:
            try:
                sample.decode("cp1251")
            except UnicodeDecodeError:
                return False
    return True


def safe_name(name):
    """The file name as sent, made safe to show: no folders, invisible or control characters."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = _INVISIBLE.sub("", name)
    return re.sub(r"\s+", " ", name).strip(" .")[:200] or "attachment"


def _split_extension(name):
    """(stem, extension in lower case) of a safe name; the extension is "" when the name has none.

    "Проект ред. 2.1" has none: what follows its last dot is not a file type's extension.
    """
    stem, dot, extension = name.rpartition(".")
    if dot and stem.strip(" .") and re.fullmatch(r"[A-Za-z0-9]{1,10}", extension) and not extension.isdigit():
        return stem, extension.lower()
    return name, ""


def clean_name(name, extension):
    """The safe name ending in ``extension``, the one its content has (a name without one is given it)."""
    stem = _split_extension(safe_name(name))[0][:150].strip(" .") or "attachment"
    return f"{stem}.{extension}"


def _check_name(display, extension):
    """Refuse a file whose name claims another type than its content (".jpg" and ".jpeg" are one type)."""
    claimed = _split_extension(display)[1]
    claimed = EXTENSION_ALIASES.get(claimed, claimed)
    if claimed and claimed != extension:
        raise _refusal(MISMATCH, display, actual=KIND_NAMES[extension],
                       claimed=KIND_NAMES.get(claimed) or OTHER_KIND % {"extension": claimed})


def check(uploads):
    """Check a list of uploaded files against the type, content, name, size and count limits.

    Returns CheckedFile records. Raises AttachmentError with a message for the first
    problem: too many files, a file too large, all files too large together, a type
    that is not allowed (judged by content, not by name or the browser's claim), content
    that could act by itself or cannot be checked within bounds, or a name that claims
    another type than the content has.
    """
    uploads = [upload for upload in uploads if upload]
    if len(uploads) > settings.PARLREFORM_MAX_ATTACHMENTS:
        raise AttachmentError(
            _("You can attach at most %(count)d files.") % {"count": settings.PARLREFORM_MAX_ATTACHMENTS}
        )
    checked = []
    total = 0
    for upload in uploads:
        display = safe_name(upload.name)
        if upload.size > settings.PARLREFORM_MAX_ATTACHMENT_BYTES:
            raise AttachmentError(
                _("“%(name)s” is larger than %(limit)s MB.")
                % {"name": display, "limit": settings.PARLREFORM_MAX_ATTACHMENT_BYTES // (1024 * 1024)}
            )
        if upload.size == 0:
            raise AttachmentError(_("“%(name)s” is empty.") % {"name": display})
        total += upload.size
        if total > settings.PARLREFORM_MAX_TOTAL_ATTACHMENT_BYTES:
            raise AttachmentError(
                _("The attached files together are larger than %(limit)s MB.")
                % {"limit": settings.PARLREFORM_MAX_TOTAL_ATTACHMENT_BYTES // (1024 * 1024)}
            )
        kind = sniff(upload)
        if kind is None:
            raise AttachmentError(
                _("“%(name)s” is not a PDF, DOCX, ODT, TXT, PNG or JPEG file.") % {"name": display}
            )
        extension, content_type = kind
        if kind == PDF:
            _check_pdf(upload, display)
        elif kind in (PNG, JPEG):
            _check_image(upload, display)
        _check_name(display, extension)
        checked.append(
            CheckedFile(
                upload=upload,
                extension=extension,
                content_type=content_type,
                original_name=clean_name(upload.name, extension),
                size=upload.size,
                sha256=_sha256(upload),
            )
        )
    return checked


def _sha256(upload):
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def stored_name(extension):
    return f"{uuid.uuid4().hex}.{extension}"

