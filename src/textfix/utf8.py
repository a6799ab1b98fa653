"""Byte patterns of well-formed multi-byte UTF-8, the signature that mojibake keeps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from textfix.native import i64
from textfix.patterns import compiled
from textfix.screen import COMPILED

# str.isascii called through its descriptor: a method call by name (text.isascii())
# looks the method up first, which costs as much as the test (mypyc has no primitive
# for it). Imported as a Final, compiled modules read it as a C static.
IS_ASCII: Final[Callable[[str], bool]] = str.isascii

# Each well-formed multi-byte sequence: its lead bytes, the range of the byte after the
# lead (narrower after E0, ED, F0 and F4), and how many continuation bytes follow that.
_SHAPES: Final = (
    (rb"[\xc2-\xdf]", rb"\x80-\xbf", 0),
    (rb"\xe0", rb"\xa0-\xbf", 1),
    (rb"[\xe1-\xec\xee\xef]", rb"\x80-\xbf", 1),
    (rb"\xed", rb"\x80-\x9f", 1),
    (rb"\xf0", rb"\x90-\xbf", 2),
    (rb"[\xf1-\xf3]", rb"\x80-\xbf", 2),
    (rb"\xf4", rb"\x80-\x8f", 2),
)
_CONTINUATION: Final = rb"\x80-\xbf"


def _sequence(lost: bytes = b"") -> bytes:
    """One well-formed multi-byte sequence; `lost` widens every continuation position."""
    after = b"[" + _CONTINUATION + lost + b"]"
    return (
        b"(?:"
        + b"|".join(lead + b"[" + second + lost + b"]" + after * more for lead, second, more in _SHAPES)
        + b")"
    )


MULTIBYTE_SEQUENCE: Final = _sequence()

# One or more well-formed sequences in a row: the bytes of one damaged stretch.
MULTIBYTE_RUN: Final = compiled(MULTIBYTE_SEQUENCE + rb"+")

# One sequence, written to start with a single class, then branches that look behind at
# the lead: the engine skips to lead bytes in C, so a search of text with few of them
# (legacy text, mostly) is several times faster than with MULTIBYTE_SEQUENCE.
ONE_SEQUENCE: Final = compiled(
    rb"[\xc2-\xf4](?:"
    + b"|".join(
        b"(?<=" + lead + b")[" + second + b"]" + (b"[" + _CONTINUATION + b"]") * more for lead, second, more in _SHAPES
    )
    + b")"
)

# Where a byte was lost, the text holds a stand-in: a space for 0xA0 (NBSP collapsed
# to a space), or "?" / U+FFFD for a byte the decoder could not map. LOST marks such
# a stand-in in the byte string, in a continuation position of an otherwise valid
# sequence. 0xFF never occurs in UTF-8, so it cannot be mistaken for a real byte there.
LOST: Final = 0xFF
LOSSY_SEQUENCE: Final = compiled(_sequence(rb"\xff"))


def space_at(text: str, index: i64) -> bool:
    """text[index].isspace(), told by the code point alone for most characters (compiled,
    no string is made and no method called): the whitespace beyond ASCII is U+0085,
    U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F and U+3000, none
    between U+00A1 and U+167F or beyond U+3000 (a test checks that, character by character)."""
    point: i64 = ord(text[index])
    if point < 0x80:
        return point == 0x20 or 0x09 <= point <= 0x0D or 0x1C <= point <= 0x1F
    if 0xA0 < point < 0x1680 or point > 0x3000:
        return False
    return text[index].isspace()


# Byte by byte, in well-formed UTF-8 (a reading that decoded): compiled, a loop over a
# line's bytes costs less than a regex search and its match objects, and a lead byte
# tells its sequence's length.


def next_beyond_ascii(data: bytes, start: i64) -> i64:
    """Where the first byte beyond ASCII at or after `start` is, -1 if none: in
    well-formed UTF-8 from a character's start, the lead byte of the next sequence."""
    size: i64 = len(data)
    index: i64 = start
    while index < size:
        if data[index] >= 0x80:
            return index
        index += 1
    return -1


def next_ascii(data: bytes, start: i64) -> i64:
    """Where the first ASCII byte at or after `start` is, len(data) if none."""
    size: i64 = len(data)
    index: i64 = start
    while index < size and data[index] >= 0x80:
        index += 1
    return index


def chars_of(data: bytes, start: i64, end: i64) -> i64:
    """How many characters UTF-8 data[start:end] decodes to, whole sequences only: its
    bytes that are no continuation byte (a slice decoded costs a string more)."""
    count: i64 = 0
    for index in range(start, end):
        byte: i64 = data[index]
        if byte < 0x80 or byte >= 0xC0:
            count += 1
    return count


def sequence_end(data: bytes, lead: i64) -> i64:
    """Where the well-formed sequence whose lead byte is at `lead` ends."""
    byte: i64 = data[lead]
    return lead + (2 if byte < 0xE0 else 3 if byte < 0xF0 else 4)


def utf8_at(data: bytes, index: i64) -> tuple[i64, i64]:
    """(code point, length) of the well-formed UTF-8 sequence at data[index], a lead byte
    (0xC2-0xF4), or (-1, 1) if it starts none: as Python's decoder reads it, which takes
    the same sequences (a continuation byte never starts one)."""
    byte: i64 = data[index]
    length: i64 = sequence_end(data, index) - index
    if index + length > len(data):
        return -1, 1
    second: i64 = data[index + 1]
    low: i64 = 0x80
    high: i64 = 0xBF
    if byte == 0xE0:
        low = 0xA0
    elif byte == 0xED:
        high = 0x9F
    elif byte == 0xF0:
        low = 0x90
    elif byte == 0xF4:
        high = 0x8F
    if not low <= second <= high:
        return -1, 1
    point: i64 = byte & (0x1F if length == 2 else 0x0F if length == 3 else 0x07)
    point = point << 6 | second & 0x3F
    for offset in range(2, length):
        following: i64 = data[index + offset]
        if not 0x80 <= following <= 0xBF:
            return -1, 1
        point = point << 6 | following & 0x3F
    return point, length


def utf8_stretches(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of each stretch of well-formed UTF-8 beyond ASCII in the bytes, as
    MULTIBYTE_RUN.finditer finds them. Compiled, by a scan of the bytes: the regex tries
    its branches at every byte of CJK text, and took a sixth of a long CJK line's time.
    (In plain Python the regex is the faster.)"""
    if not COMPILED:
        return [match.span() for match in MULTIBYTE_RUN.finditer(data)]
    return scanned_utf8_stretches(data)


def scanned_utf8_stretches(data: bytes) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    size: i64 = len(data)
    index: i64 = 0
    start: i64 = -1
    while index < size:
        byte: i64 = data[index]
        point: i64 = -1
        length: i64 = 1
        if 0xC2 <= byte <= 0xF4:
            point, length = utf8_at(data, index)
        if point >= 0x80:
            if start < 0:
                start = index
        elif start >= 0:
            found.append((start, index))
            start = -1
        index += length
    if start >= 0:
        found.append((start, size))
    return found
