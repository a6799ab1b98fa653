"""Reading a whole stretch of text as UTF-8 through the codepages, at C speed.

Each codepage turns the stretch back into bytes (a charmap lookup in C) and the bytes
are decoded as UTF-8: a stretch that decodes end to end, and one way only, is the
common shape of damaged text, and needs none of the slower evidence.
"""

from __future__ import annotations

from functools import cache

from textfix.codecs import codepage
from textfix.detect.mojibake import STAND_INS
from textfix.detect.suspects import may_hold_mojibake


@cache
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

@cache
def char_masks(codecs: tuple[str, ...]) -> dict[str, int]:
    """For each character, a bit for every codepage that has it in its upper half."""
    masks: dict[str, int] = {}
    for index, name in enumerate(codecs):
        for char in codepage(name).chars(0x80, 0xFF):
            masks[char] = masks.get(char, 0) | 1 << index
    return masks

def complete_readings(text: str, codecs: tuple[str, ...]) -> dict[str, str]:
    """decoded -> first codec, for every codepage through which all of `text` is UTF-8."""
    masks = char_masks(codecs)
    mask = -1
    for char in set(text):
        if char >= "\x80":
            mask &= masks.get(char, 0)
            if not mask:
                return {}
    if mask == -1:
        return {}
    found: dict[str, str] = {}
    for index, name in enumerate(codecs):
        if not mask >> index & 1:
            continue
        data = codepage(name).encode(text)
        if data is None:
            continue
        try:
            found.setdefault(data.decode("utf-8"), name)
        except UnicodeDecodeError:
            continue
    return found

def whole_window_reading(window: str, codecs: tuple[str, ...]) -> tuple[str, bytes] | None:
    """(codec, bytes) when the whole window is UTF-8 read through a codepage, one way only.

    This is the common case of damaged text and costs a few C-level conversions: every
    non-ASCII character is in the codepage, the bytes are valid UTF-8 from end to end,
    every codepage that reads it so reads the same text, and that text is clean.
    """
    readings = complete_readings(window, codecs)
    if len(readings) != 1:
        return None
    decoded, name = next(iter(readings.items()))
    data = codepage(name).encode(window)
    if data is None or may_hold_mojibake(decoded, codecs):
        return None
    return name, data

def sequences_in(data: bytes) -> int:
    """How many multi-byte UTF-8 sequences `data` holds."""
    return sum(1 for byte in data if 0xC2 <= byte <= 0xF4)
