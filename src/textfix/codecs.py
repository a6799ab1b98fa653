"""Sloppy single-byte codepages: the decoders that turn UTF-8 bytes into mojibake.

A Windows codepage leaves some bytes in 0x80-0x9F undefined; browsers (and most
software that produced the mojibake we meet) decode those as the C1 control of the
same value. Python's strict codecs refuse them, so each codepage here is rebuilt as a
256-entry table with that rule applied. Bytes undefined above 0x9F stay undefined:
they cannot appear in mojibake except as a lost byte ("?" or U+FFFD).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from functools import cache
from typing import Any, Final, NamedTuple

from textfix.memo import Remembered
from textfix.model.tables import table
from textfix.native import scan

# encode's loop in C, where textfix._scan is built
_SCAN_ENCODE: Final[Callable[[str, bytes], bytes | None] | None] = None if scan is None else scan.encode_through

# Order is the prior: when several codepages explain a span equally well, the earlier
# one is reported, because it is the more common source of damage in the wild.
# Double-byte CJK codepages (Python names), most common first: a repair is named after
# the first that reads it.
DOUBLE_BYTE_CODECS: tuple[str, ...] = ("gbk", "big5", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949")

# Legacy text read with the wrong legacy codepage: (original, read with), most common first.
LEGACY_PAIRS: tuple[tuple[str, str], ...] = (
    ("cp1251", "cp1252"),
    ("koi8-r", "cp1251"),
    ("cp1251", "koi8-r"),
    ("cp866", "cp1251"),
    ("cp1250", "cp1252"),
    ("cp1253", "cp1252"),
    ("cp1255", "cp1252"),
    ("cp1256", "cp1252"),
    ("cp874", "cp1252"),
    ("cp1254", "cp1252"),
    ("cp1257", "cp1252"),
    ("cp1252", "cp1251"),
    ("gbk", "cp1252"),
    ("big5", "cp1252"),
    ("shift_jis", "cp1252"),
    ("euc_jp", "cp1252"),
    ("euc_kr", "cp1252"),
)

SINGLE_BYTE_CODECS: tuple[str, ...] = (
    "cp1252",
    "iso8859-1",
    "cp1251",
    "cp1250",
    "iso8859-15",
    "cp1254",
    "cp1257",
    "cp1253",
    "cp1256",
    "cp1255",
    "cp874",
    "mac-roman",
    "iso8859-2",
    "cp1258",
    "koi8-r",
    "koi8-u",
    "cp866",
    "mac-cyrillic",
    "iso8859-5",
    "iso8859-7",
    "cp437",
    "cp850",
    "cp852",
)

# How often each codepage is the culprit in mojibake met in the wild, as a rough share.
# An assumption, not a measurement: it only breaks near-ties and weights training data.
PRIOR_SHARE: dict[str, float] = {
    "cp1252": 0.30, "iso8859-1": 0.10, "cp1251": 0.10, "cp1250": 0.06, "iso8859-15": 0.03,
    "cp1254": 0.03, "cp1257": 0.02, "cp1253": 0.03, "cp1256": 0.03, "cp1255": 0.02, "cp874": 0.03,
    "mac-roman": 0.03, "iso8859-2": 0.02, "cp1258": 0.01, "koi8-r": 0.03, "koi8-u": 0.01, "cp866": 0.03,
    "mac-cyrillic": 0.01, "iso8859-5": 0.01, "iso8859-7": 0.01, "cp437": 0.03, "cp850": 0.02, "cp852": 0.01,
}

UNDEFINED: Final = "\x00"  # marks a byte the codepage cannot produce; never a mojibake char


class Codepage(NamedTuple):
    """One sloppy single-byte codepage as a pair of tables."""

    name: str
    decoding_table: str  # 256 chars, UNDEFINED where the byte is unmapped
    charmap: Any  # the inverse, as a C lookup table (codecs.charmap_build; its type is not exported)

    def decode(self, data: bytes) -> str:
        """The text of `data`, with U+FFFD for each byte the codepage leaves undefined."""
        return codecs.charmap_decode(data, "strict", _decoding_map(self.name))[0]

    def chars(self, low: int, high: int) -> str:
        """The chars this codepage gives to bytes low..high, undefined ones left out."""
        return "".join(c for c in self.decoding_table[low : high + 1] if c != UNDEFINED)


@cache
def _decoding_map(name: str) -> str:
    # (ASCII below 0x80, whatever the table says: decode() reads only the upper half)
    upper = codepage(name).decoding_table[0x80:]
    return "".join(map(chr, range(0x80))) + upper.replace(UNDEFINED, "\ufffd")


def sloppy_table(name: str) -> str:
    """The 256 chars the codepage gives its bytes, C1 controls for bytes 0x80-0x9F it
    leaves undefined, UNDEFINED for any other, from Python's codec."""
    # One decode of all 256 bytes; undefined bytes come back as lone surrogates.
    decoded = bytes(range(256)).decode(name, "surrogateescape")
    return "".join(
        char if not 0xDC80 <= ord(char) <= 0xDCFF else chr(byte) if 0x80 <= byte <= 0x9F else UNDEFINED
        for byte, char in enumerate(decoded)
    )


def codepage(name: str) -> Codepage:
    """The sloppy codepage for a Python codec name (any alias Python accepts)."""
    # (compiled, asking a Remembered costs a tenth of a call through functools.cache)
    return _CODEPAGES.of(name)


def _made_codepage(name: str) -> Codepage:
    # (the default codepages' tables are shipped: no codec module is imported for them)
    shipped: dict[str, str] = table("codepages")
    canonical = name if name in shipped else codecs.lookup(name).name
    decoding = shipped.get(canonical) or sloppy_table(canonical)
    return Codepage(canonical, decoding, _charmap(decoding))


_CODEPAGES: Final = Remembered(_made_codepage)


def _charmap(decoding: str) -> Any:
    """The C lookup table that encodes through a decoding table."""
    return codecs.charmap_build(_charmap_chars(decoding))


def _charmap_chars(decoding: str) -> str:
    # (byte 0 is NUL, which the table writes as UNDEFINED)
    return decoding.replace(UNDEFINED, "\ufffe").replace("\ufffe", "\x00", 1)


INVALID_BYTE_HANDLER: Final = "textfix-invalid-byte"


def _mark_invalid(error: UnicodeError) -> tuple[bytes, int]:
    assert isinstance(error, UnicodeEncodeError)
    return b"\xff" * (error.end - error.start), error.end


codecs.register_error(INVALID_BYTE_HANDLER, _mark_invalid)


# (compiled, a Final is a C static: codecs.charmap_encode was an attribute lookup on
# the module at every call)
_CHARMAP_ENCODE: Final = codecs.charmap_encode
_CHARMAP_DECODE: Final = codecs.charmap_decode


def _defined_reading(name: str) -> tuple[str, bytes]:
    """A codepage's decoding map, and a flag for each byte it leaves undefined."""
    decoding = _decoding_map(name)
    return decoding, bytes(1 if "\x80" <= char <= "\x9f" or char == "\ufffd" else 0 for char in decoding)


_DEFINED_READINGS: Final = Remembered(_defined_reading)


# (functions, not methods of Codepage: compiled, a NamedTuple's method is called through
# a bound method, which cost more than converting a line)
def decode_defined(name: str, data: bytes) -> str | None:
    """`data` decoded with the codepage, or None if it holds a byte the codepage leaves
    undefined (which Codepage.decode gives as a C1 control or U+FFFD): text written in
    the codepage has none, so it was not written in it."""
    # (a compiled loop over the bytes: a regex search of the decoded text, and the
    # codepage and its map through their caches, cost ten times as much)
    decoding, undefined = _DEFINED_READINGS.of(name)
    for index in range(len(data)):
        if undefined[data[index]]:
            return None
    decoded: str = _CHARMAP_DECODE(data, "strict", decoding)[0]
    return decoded


def encode(page: Codepage, text: str) -> bytes | None:
    """Bytes for `text` if every char maps to a byte of the codepage."""
    if _SCAN_ENCODE is not None:
        return _SCAN_ENCODE(text, _ENCODING_TABLES.of(page.name))
    return _charmap_encoded(page, text)


def _charmap_encoded(page: Codepage, text: str) -> bytes | None:
    try:
        return _CHARMAP_ENCODE(text, "strict", page.charmap)[0]
    except UnicodeEncodeError:
        return None


def encoding_table(name: str) -> bytes:
    """The codepage's encoder as textfix._scan.encode_through reads it (see _scan.c): each
    char its charmap encodes, with the byte the charmap gives it."""
    assert scan is not None  # (asked for only where _scan is built)
    page = codepage(name)
    # (U+FFFE, the undefined bytes' stand-in, is no character to charmap_build; the
    # others encoded in one call: a character written twice gets the charmap's byte)
    chars = _charmap_chars(page.decoding_table).replace("\ufffe", "")
    encoding: bytes = scan.encoding_table_of(chars, _CHARMAP_ENCODE(chars, "strict", page.charmap)[0])
    return encoding


_ENCODING_TABLES: Final = Remembered(encoding_table)


def encoding_tables(names: tuple[str, ...]) -> tuple[bytes, ...]:
    """The codepages' encoding tables (see encoding_table), each made once a process."""
    return tuple(_ENCODING_TABLES.of(name) for name in names)


def encode_marking(page: Codepage, text: str, marks: str) -> bytes:
    """Bytes for `text`, with 0xFF (never valid in UTF-8) for each of the chars `marks`
    and each char the codepage lacks."""
    translation, charmap = _marking(page.name, marks)
    # (a search for each mark is a fraction of a translation, which looks each char up)
    marked = text.translate(translation) if any(mark in text for mark in marks) else text
    try:
        return _CHARMAP_ENCODE(marked, "strict", charmap)[0]
    except UnicodeEncodeError:
        return _CHARMAP_ENCODE(marked, INVALID_BYTE_HANDLER, charmap)[0]


@cache
def _marking(name: str, marks: str) -> tuple[dict[int, str], Any]:
    """What turns `marks` into a char that a charmap turns into 0xFF, and that charmap:
    the codepage's char at 0xFF and its own charmap, or, where it leaves 0xFF undefined,
    U+FFFF and a charmap that gives it 0xFF. Marks are usually in the text (stand-ins
    for lost bytes), and each char the error handler marks costs an exception."""
    page = codepage(name)
    at_last_byte = page.decoding_table[0xFF]
    if at_last_byte != UNDEFINED:
        return str.maketrans(dict.fromkeys(marks, at_last_byte)), page.charmap
    return str.maketrans(dict.fromkeys(marks, "\uffff")), _charmap(page.decoding_table[:0xFF] + "\uffff")


# Each of these is its own canonical name: naming one needs no lookup, which for the CJK
# codepages imports their tables (milliseconds at start-up, for the default Config).
_CANONICAL: Final = frozenset(
    SINGLE_BYTE_CODECS + DOUBLE_BYTE_CODECS + tuple(name for pair in LEGACY_PAIRS for name in pair)
)


def canonical_name(name: str) -> str:
    return name if name in _CANONICAL else codecs.lookup(name).name
