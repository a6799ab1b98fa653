"""Reading a whole stretch of text as UTF-8 through the codepages, at C speed.

Each codepage turns the stretch back into bytes (a charmap lookup in C) and the bytes
are decoded as UTF-8: a stretch that decodes end to end, and one way only, is the
common shape of damaged text, and needs none of the slower evidence.
"""

from __future__ import annotations

from functools import reduce
from itertools import repeat
from operator import and_

from textfix.codecs import codepage
from textfix.detect.mojibake import STAND_INS
from textfix.detect.suspects import may_hold_mojibake
from textfix.memo import remembered


@remembered
def role_masks(codecs: tuple[str, ...]) -> tuple[dict[str, int], dict[str, int]]:
    """For each character, a bit for every codepage that gives it to a lead byte, and one
    for every codepage that gives it to a continuation byte or for which it is a stand-in."""
    leads: dict[str, int] = {}
    continuations: dict[str, int] = {}
    for index, name in enumerate(codecs):
        page = codepage(name)
        for char in page.chars(0xC2, 0xF4):
            leads[char] = leads.get(char, 0) | 1 << index
        for char in page.chars(0x80, 0xBF) + STAND_INS:
            continuations[char] = continuations.get(char, 0) | 1 << index
    return leads, continuations

@remembered
def char_masks(codecs: tuple[str, ...]) -> dict[str, int]:
    """For each character, a bit for every codepage that can encode it (all bits for ASCII)."""
    masks = dict.fromkeys(map(chr, range(0x80)), (1 << len(codecs)) - 1)
    for index, name in enumerate(codecs):
        for char in codepage(name).chars(0x80, 0xFF):
            masks[char] = masks.get(char, 0) | 1 << index
    return masks


def complete_readings(text: str, codecs: tuple[str, ...]) -> dict[str, tuple[str, bytes]]:
    """decoded -> (first codec, bytes), for every codepage through which all of `text` is UTF-8."""
    masks = char_masks(codecs)
    # one bitwise AND per distinct character, in C: the codepages that have them all
    mask = reduce(and_, map(masks.get, set(text), repeat(0)), (1 << len(codecs)) - 1)
    if not mask or text.isascii():
        return {}
    found: dict[str, tuple[str, bytes]] = {}
    for index, name in enumerate(codecs):
        if not mask >> index & 1:
            continue
        data = codepage(name).encode(text)
        if data is None:
            continue
        try:
            decoded = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if decoded not in found:
            found[decoded] = (name, data)
    return found


def unique_reading(window: str, codecs: tuple[str, ...]) -> tuple[str, bytes, str] | None:
    """(codec, bytes, decoded) when the whole window is UTF-8 through the codepages one way only.

    Every non-ASCII character is in the codepage, the bytes are valid UTF-8 from end to
    end, and every codepage that reads it so reads the same text: a few C-level
    conversions.
    """
    readings = complete_readings(window, codecs)
    if len(readings) != 1:
        return None
    decoded, (name, data) = next(iter(readings.items()))
    return name, data, decoded


def whole_window_reading(window: str, codecs: tuple[str, ...]) -> tuple[str, bytes] | None:
    """(codec, bytes) when the window is read one way only (unique_reading) into clean text.

    This is the common case of damaged text, which needs none of the slower evidence.
    """
    reading = unique_reading(window, codecs)
    if reading is None or may_hold_mojibake(reading[2], codecs):
        return None
    return reading[0], reading[1]


_NOT_LEAD_BYTES = bytes(b for b in range(256) if not 0xC2 <= b <= 0xF4)


def sequences_in(data: bytes) -> int:
    """How many multi-byte UTF-8 sequences `data` holds."""
    return len(data.translate(None, _NOT_LEAD_BYTES))
