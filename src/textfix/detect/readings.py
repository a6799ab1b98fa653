"""Reading a whole stretch of text as UTF-8 through the codepages, at C speed.

Each codepage turns the stretch back into bytes (a charmap lookup in C) and the bytes
are decoded as UTF-8: a stretch that decodes end to end, and one way only, is the
common shape of damaged text, and needs none of the slower evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import reduce
from itertools import repeat
from operator import and_
from typing import Final

from textfix.codecs import Codepage, codepage, encode, encoding_tables
from textfix.detect.mojibake import STAND_INS
from textfix.detect.suspects import may_hold_mojibake
from textfix.memo import Remembered
from textfix.native import i64, scan
from textfix.screen import COMPILED
from textfix.utf8 import IS_ASCII

# _encodable_by's loop and complete_readings' in C, where textfix._scan is built
_SCAN_MASK_ALL: Final[Callable[[str, bytes, int], int] | None] = None if scan is None else scan.mask_all
_SCAN_UTF8_READINGS: Final[Callable[[str, int, tuple[bytes, ...]], list[tuple[int, bytes, str]]] | None] = (
    None if scan is None else scan.utf8_readings
)


def _make_role_masks(codecs: tuple[str, ...]) -> tuple[dict[str, int], dict[str, int]]:
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


_ROLE_MASKS: Final = Remembered(_make_role_masks)


def role_masks(codecs: tuple[str, ...]) -> tuple[dict[str, int], dict[str, int]]:
    return _ROLE_MASKS.of(codecs)


def _make_char_masks(codecs: tuple[str, ...]) -> dict[str, int]:
    """For each character, a bit for every codepage that can encode it (all bits for ASCII)."""
    masks = dict.fromkeys(map(chr, range(0x80)), (1 << len(codecs)) - 1)
    for index, name in enumerate(codecs):
        for char in codepage(name).chars(0x80, 0xFF):
            masks[char] = masks.get(char, 0) | 1 << index
    return masks


_CHAR_MASKS: Final = Remembered(_make_char_masks)


def char_masks(codecs: tuple[str, ...]) -> dict[str, int]:
    return _CHAR_MASKS.of(codecs)


# A codepage's characters are all in the Basic Multilingual Plane: one byte table per
# eight codepages covers them, up to this many codepages.
_MASK_PLANES: Final = 4
_PLANE_SIZE: Final = 0x10000


def _make_mask_planes(codecs: tuple[str, ...]) -> tuple[bytes, bytes, bytes, bytes]:
    """char_masks as four byte tables indexed by code point, eight codepages a table."""
    planes = [bytearray(_PLANE_SIZE) for _ in range(_MASK_PLANES)]
    for char, mask in char_masks(codecs).items():
        for index, plane in enumerate(planes):
            plane[ord(char)] = mask >> 8 * index & 0xFF
    return bytes(planes[0]), bytes(planes[1]), bytes(planes[2]), bytes(planes[3])


_MASK_PLANES_OF: Final = Remembered(_make_mask_planes)


def _mask_planes(codecs: tuple[str, ...]) -> tuple[bytes, bytes, bytes, bytes]:
    return _MASK_PLANES_OF.of(codecs)


def _make_mask_words(codecs: tuple[str, ...]) -> bytes:
    assert scan is not None  # (asked for only where _scan is built)
    words: bytes = scan.words_of_planes(*_mask_planes(codecs))
    return words


_MASK_WORDS_OF: Final = Remembered(_make_mask_words)


def _encodable_by(text: str, codecs: tuple[str, ...]) -> int:
    """A bit for every codepage that can encode all of `text`."""
    if not COMPILED or len(codecs) > 8 * _MASK_PLANES:
        # one bitwise AND per distinct character, in C
        masks = char_masks(codecs)
        return reduce(and_, map(masks.get, set(text), repeat(0)), (1 << len(codecs)) - 1)
    # Compiled, a loop over the code points with table lookups is several times quicker
    # than building the set of a text's characters, and stops where no codepage is left.
    if _SCAN_MASK_ALL is not None:
        return _SCAN_MASK_ALL(text, _MASK_WORDS_OF.of(codecs), (1 << len(codecs)) - 1)
    return encodable_by_in_loop(text, codecs)


def encodable_by_in_loop(text: str, codecs: tuple[str, ...]) -> int:
    """_encodable_by's answer by the loop written here (compiled, where textfix._scan is
    not built), for at most 32 codecs."""
    plane0, plane1, plane2, plane3 = _mask_planes(codecs)
    mask: i64 = (1 << len(codecs)) - 1
    for index in range(len(text)):
        point = ord(text[index])
        if point < 0x80:
            continue
        if point >= _PLANE_SIZE:
            return 0
        bits0: i64 = plane0[point]
        bits1: i64 = plane1[point]
        bits2: i64 = plane2[point]
        bits3: i64 = plane3[point]
        mask &= bits0 | bits1 << 8 | bits2 << 16 | bits3 << 24
        if mask == 0:
            return 0
    return mask


def paired(text: str, start: int, end: int, leads: dict[str, int], continuations: dict[str, int]) -> int:
    """A bit for every codepage that gives some character of text[start:end] to a lead
    byte and the next one to a continuation byte (or has it stand in for one), given
    role_masks' `leads` and `continuations`."""
    found = 0
    before = 0  # the codepages the character before is a lead in
    for index in range(start, end):
        char = text[index]
        found |= before & continuations.get(char, 0)
        before = leads.get(char, 0)
    return found


def _first_sequence_begins(text: str, codecs: tuple[str, ...]) -> int:
    """A bit for every codepage that gives the first character beyond ASCII in `text` to a
    lead byte and the character after it to a continuation byte (or has it stand in for one)."""
    for index in range(len(text)):
        if ord(text[index]) >= 0x80:
            # (the masks passed one by one: compiled, a starred call goes through a tuple)
            leads, continuations = role_masks(codecs)
            return paired(text, index, min(index + 2, len(text)), leads, continuations)
    return 0


def _make_codepages(codecs: tuple[str, ...]) -> tuple[Codepage, ...]:
    return tuple(map(codepage, codecs))


_CODEPAGES: Final = Remembered(_make_codepages)


def _codepages(codecs: tuple[str, ...]) -> tuple[Codepage, ...]:
    return _CODEPAGES.of(codecs)


# (the tuple of a configuration's tables kept: encode() keeps each codepage's own)
_ENCODING_TABLES: Final = Remembered(encoding_tables)
# (the mask of utf8_readings is a 64-bit integer)
_MOST_TABLES: Final = 64


def complete_readings(text: str, codecs: tuple[str, ...]) -> dict[str, tuple[str, bytes]]:
    """decoded -> (first codec, bytes), for every codepage through which all of `text` is UTF-8."""
    mask = _encodable_by(text, codecs)
    if not mask or IS_ASCII(text):
        return {}
    if _SCAN_UTF8_READINGS is None or len(codecs) > _MOST_TABLES:
        return complete_readings_in_python(text, codecs, mask)
    # (in C, each codepage's bytes are checked as they are made: one that does not read
    # the text stops at its first wrong byte, with no exception)
    found: dict[str, tuple[str, bytes]] = {}
    for index, data, decoded in _SCAN_UTF8_READINGS(text, mask, _ENCODING_TABLES.of(codecs)):
        if decoded not in found:
            found[decoded] = (codecs[index], data)
    return found


def complete_readings_in_python(text: str, codecs: tuple[str, ...], mask: int) -> dict[str, tuple[str, bytes]]:
    """complete_readings through the codepages of `mask` (those that encode all of the
    non-ASCII `text`), by Python's codecs: where textfix._scan is not built."""
    # UTF-8 beyond ASCII begins with a lead byte and a continuation: only the codepages
    # that give the first such character and the next one those bytes can read it all
    # (the others would fail to decode, at the cost of an exception each).
    mask &= _first_sequence_begins(text, codecs)
    found: dict[str, tuple[str, bytes]] = {}
    pages = _codepages(codecs)
    for index, name in enumerate(codecs):
        if not mask >> index & 1:
            continue
        data = encode(pages[index], text)
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


def sequences_in(data: bytes) -> int:
    """How many multi-byte UTF-8 sequences `data` holds (its lead bytes)."""
    # (compiled, a loop over the bytes: bytes.translate made a copy to count them)
    count: i64 = 0
    for index in range(len(data)):
        byte: i64 = data[index]
        if 0xC2 <= byte <= 0xF4:
            count += 1
    return count
