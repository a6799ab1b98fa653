"""Byte patterns of well-formed multi-byte UTF-8, the signature that mojibake keeps."""

from __future__ import annotations

import re

_CONT = rb"[\x80-\xbf]"
MULTIBYTE_SEQUENCE = (
    rb"(?:[\xc2-\xdf]" + _CONT
    + rb"|\xe0[\xa0-\xbf]" + _CONT
    + rb"|[\xe1-\xec\xee\xef]" + _CONT + rb"{2}"
    + rb"|\xed[\x80-\x9f]" + _CONT
    + rb"|\xf0[\x90-\xbf]" + _CONT + rb"{2}"
    + rb"|[\xf1-\xf3]" + _CONT + rb"{3}"
    + rb"|\xf4[\x80-\x8f]" + _CONT + rb"{2})"
)

# One or more well-formed sequences in a row: the bytes of one damaged stretch.
MULTIBYTE_RUN = re.compile(MULTIBYTE_SEQUENCE + rb"+")

# Where a byte was lost, the text holds a stand-in: a space for 0xA0 (NBSP collapsed
# to a space), or "?" / U+FFFD for a byte the decoder could not map. LOST marks such
# a stand-in in the byte string, in a continuation position of an otherwise valid
# sequence. 0xFF never occurs in UTF-8, so it cannot be mistaken for a real byte there.
LOST = 0xFF
_CONT_OR_LOST = rb"[\x80-\xbf\xff]"
LOSSY_SEQUENCE = re.compile(
    rb"[\xc2-\xdf]" + _CONT_OR_LOST
    + rb"|\xe0[\xa0-\xbf\xff]" + _CONT_OR_LOST
    + rb"|[\xe1-\xec\xee\xef]" + _CONT_OR_LOST + rb"{2}"
    + rb"|\xed[\x80-\x9f\xff]" + _CONT_OR_LOST
    + rb"|\xf0[\x90-\xbf\xff]" + _CONT_OR_LOST + rb"{2}"
    + rb"|[\xf1-\xf3]" + _CONT_OR_LOST + rb"{3}"
    + rb"|\xf4[\x80-\x8f\xff]" + _CONT_OR_LOST + rb"{2}"
)


def sequence_length(lead: int) -> int:
    """Bytes in a UTF-8 sequence that starts with `lead` (0 if it cannot start one)."""
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0
