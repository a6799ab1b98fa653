"""Byte patterns of well-formed multi-byte UTF-8, the signature that mojibake keeps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from textfix.native import i64
from textfix.patterns import compiled

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


def sequence_end(data: bytes, lead: i64) -> i64:
    """Where the well-formed sequence whose lead byte is at `lead` ends."""
    byte: i64 = data[lead]
    return lead + (2 if byte < 0xE0 else 3 if byte < 0xF0 else 4)
