"""Office documents (DOCX, ODT) are zip archives: their directory, sizes and parts checked within bounds."""
import re
import struct
import zipfile
import zlib
from xml.parsers import expat

from proposals.core.attachments.common import (
    CHUNK_BYTES,
    DAMAGED,
    DOCX,
    FOREIGN_PART,
    MACROS,
    MB,
    ODT,
    TOO_MANY_FILES,
    TOO_MUCH_DATA,
    AttachmentError,
    refusal,
)
from proposals.core.attachments.names import safe_name

# Office documents are zip archives. One has tens of parts, a few hundred at most; its parts are text and
# pictures, which deflate well but not a hundredfold once they are large.
ZIP_MAX_ENTRIES = 1000
ZIP_MAX_DIRECTORY_BYTES = 512 * 1024
ZIP_MAX_ENTRY_BYTES = 50 * MB  # uncompressed size of one part, as declared
ZIP_MAX_TOTAL_BYTES = 100 * MB  # of all parts together
ZIP_MAX_RATIO = 100  # uncompressed / compressed size of a part larger than ZIP_RATIO_FROM
ZIP_RATIO_FROM = MB
ZIP_MAX_XML_BYTES = 4 * MB  # a content-types or relationships part, parsed to its end


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


def sniff_zip(upload):
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
            raise refusal(TOO_MANY_FILES, display)
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
        raise refusal(TOO_MANY_FILES, display) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, expat.ExpatError, KeyError, OSError, EOFError, RuntimeError,
            NotImplementedError, ValueError, struct.error, zlib.error):
        raise refusal(DAMAGED, display) from None
    finally:
        upload.seek(0)


def _check_zip_sizes(infos, upload_size, display):
    """Refuse an archive with too many parts, sizes that cannot be true, or more data than a document has."""
    if len(infos) > ZIP_MAX_ENTRIES:
        raise refusal(TOO_MANY_FILES, display)
    names = set()
    total = 0
    for info in infos:
        name = info.filename.casefold()
        if name in names:  # two parts of one name: programs disagree on which one is the document
            raise refusal(DAMAGED, display)
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
            raise refusal(DAMAGED, display)
        if info.file_size > ZIP_MAX_ENTRY_BYTES or (
            info.file_size > ZIP_RATIO_FROM and info.file_size > ZIP_MAX_RATIO * info.compress_size
        ):
            raise refusal(TOO_MUCH_DATA, display)
        total += info.file_size
    if total > ZIP_MAX_TOTAL_BYTES:
        raise refusal(TOO_MUCH_DATA, display)


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
            raise refusal(DAMAGED, display)
        top, base = (segments[0] if len(segments) > 1 else None), segments[-1].rstrip(". ")
        extension = base.rpartition(".")[2] if "." in base else ""
        if kind == DOCX:
            macros = base.startswith(("vbaproject", "vbadata")) or "activex" in segments[:-1]
            allowed = top in _DOCX_FOLDERS if top else base in _DOCX_FILES
        else:
            macros = top in _ODT_MACRO_FOLDERS
            allowed = (top in _ODT_FOLDERS or bool(_ODT_OBJECT_FOLDER.fullmatch(top))) if top else base in _ODT_FILES
        if macros or extension in _MACRO_EXTENSIONS:
            raise refusal(MACROS, display)
        if not allowed or extension in _FOREIGN_EXTENSIONS:
            raise refusal(FOREIGN_PART, display, part=safe_name(path.rstrip("/")), type=kind[0].upper())


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
        raise refusal(TOO_MUCH_DATA, display)

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
        raise refusal(MACROS, display) from None
