"""A bounded scan of a PDF for what makes it act by itself (scripts, actions, embedded files) or hide its objects."""
import re
import zlib

from proposals.core.attachments.common import (
    CHUNK_BYTES,
    MB,
    PDF_ACTIVE,
    PDF_UNCHECKABLE,
    TOO_MUCH_DATA,
    refusal,
)

# A PDF's encoded streams are looked into up to these bounds; past them the file is refused, not accepted.
PDF_MAX_DECODED_BYTES = 128 * MB  # read and written by the decoders together
PDF_MAX_STREAMS = 10_000
PDF_MAX_LAYERS = 3  # a stream compressed again and again ([/FlateDecode /FlateDecode ...])

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


def check_pdf(upload, display):
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
        raise refusal(TOO_MUCH_DATA, display) from None
    except _Problem as problem:
        raise refusal(problem.args[0], display) from None


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

