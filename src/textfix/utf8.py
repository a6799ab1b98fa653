"""Byte patterns of well-formed multi-byte UTF-8, the signature that mojibake keeps."""

from __future__ import annotations

import re


def _sequence(cont: bytes, lost: bytes = b"") -> bytes:
    """One well-formed multi-byte sequence; `lost` widens every continuation position."""
    any_cont = b"[" + cont + lost + b"]"

    def second(low_high: bytes) -> bytes:
        return b"[" + low_high + lost + b"]"

    return (
        rb"(?:[\xc2-\xdf]" + any_cont
        + rb"|\xe0" + second(rb"\xa0-\xbf") + any_cont
        + rb"|[\xe1-\xec\xee\xef]" + any_cont + any_cont
        + rb"|\xed" + second(rb"\x80-\x9f") + any_cont
        + rb"|\xf0" + second(rb"\x90-\xbf") + any_cont + any_cont
        + rb"|[\xf1-\xf3]" + any_cont + any_cont + any_cont
        + rb"|\xf4" + second(rb"\x80-\x8f") + any_cont + any_cont + b")"
    )


MULTIBYTE_SEQUENCE = _sequence(rb"\x80-\xbf")

# One or more well-formed sequences in a row: the bytes of one damaged stretch.
MULTIBYTE_RUN = re.compile(MULTIBYTE_SEQUENCE + rb"+")

# Where a byte was lost, the text holds a stand-in: a space for 0xA0 (NBSP collapsed
# to a space), or "?" / U+FFFD for a byte the decoder could not map. LOST marks such
# a stand-in in the byte string, in a continuation position of an otherwise valid
# sequence. 0xFF never occurs in UTF-8, so it cannot be mistaken for a real byte there.
LOST = 0xFF
LOSSY_SEQUENCE = re.compile(_sequence(rb"\x80-\xbf", rb"\xff"))
