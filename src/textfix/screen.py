"""One pass over a text that tells which of the detectors' searches could match in it.

Each search of the clean fast path is a regex that first scans for a character class;
on a short line the call itself costs as much as the scan, and clean non-ASCII text
paid about ten of them. What each search cannot match without is written as Needs
(one character of a class, or a few in a row: a lead before a continuation, three
Latin-1 letters); a Screen checks all of them in one compiled loop over the code
points, with a table of class bits, and the fast path runs only the searches whose
needs are there. A Need must hold wherever its search matches: it may fire where the
search finds nothing, never the other way round.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable, Sequence
from typing import Final, NamedTuple

from textfix.native import i64, scan

# The loop of Screen.may_match in C, where textfix._scan is built
_SCAN_MAY_MATCH: Final[Callable[[str, bytes], int] | None] = None if scan is None else scan.screen_may_match

# Compiled (mypyc), the loop over code points costs about what one regex search does;
# as plain Python it costs a hundred times more, and the searches are better run as
# they are.
COMPILED: Final = not __file__.endswith(".py")
# a Need is a few characters in a row: up to this many
MAX_LENGTH: Final = 4
_TABLE_SIZE: Final = 0x10000  # the Basic Multilingual Plane (see Screen for the characters beyond)
# The class bits of a character: four tables of a byte each, as bytes are read quickest
# (a list of ints would be unboxed at every character).
_PLANES: Final = 4
# may_match's answer has a bit per search, in a native integer
MAX_SEARCHES: Final = 63


def all_marked(text: str, marks: bytes) -> bool:
    """Whether every character of `text` is marked (non-zero) in `marks`, a table by
    code point (those past its end are not). Compiled, a loop over the code points costs
    a fraction of a regex search for the rest, or of a set lookup, which makes each
    character's string and hashes it."""
    size: i64 = len(marks)
    for index in range(len(text)):
        point: i64 = ord(text[index])
        if point >= size or marks[point] == 0:
            return False
    return True


class Need(NamedTuple):
    """`length` characters in a row, the first in class `first`, the others in class
    `rest` (`first` if empty); both written as the inside of a regex class: "a-z",
    "øë", escapes."""

    first: str
    rest: str = ""
    length: int = 1


def class_points(body: str) -> list[tuple[int, int]]:
    """The code point ranges of a regex class written as `body` (literals, backslash
    escapes of single characters, ranges): what the generated classes use. Anything else
    (\\s, \\W, a negation) raises ValueError: a Need must know its characters exactly."""
    # (code point, whether escaped): an escaped "-" is a literal, an unescaped one a range
    tokens: list[tuple[int, bool]] = []
    index = 0
    while index < len(body):
        escaped = body[index] == "\\"
        index += escaped
        if index == len(body) or (escaped and body[index].isalnum()) or (not escaped and body[index] in "[]^"):
            raise ValueError(f"class syntax not supported in a Need: {body!r}")
        tokens.append((ord(body[index]), escaped))
        index += 1
    ranges: list[tuple[int, int]] = []
    index = 0
    while index < len(tokens):
        point = tokens[index][0]
        if index + 2 < len(tokens) and tokens[index + 1] == (ord("-"), False):
            ranges.append((point, tokens[index + 2][0]))
            index += 3
        else:
            ranges.append((point, point))
            index += 1
    return ranges


def outside(body: str) -> str:
    """The body of a class of every character beyond ASCII that the class `body` does
    not hold (what [^\\x00-\\x7f...] matches)."""
    parts = []
    low = 0x80
    for first, last in sorted(class_points(body)):
        if first > low:
            parts.append(f"{chr(low)}-{chr(first - 1)}")
        low = max(low, last + 1)
    if low <= 0x10FFFF:
        parts.append(f"{chr(low)}-{chr(0x10FFFF)}")
    return "".join(parts)


class Screen:
    """The needs of several searches, the i-th search's given as the i-th sequence,
    checked together by may_match().

    Each character has a few class bits, read from tables: one bit for the characters of
    a search's one-character needs (all of them: only whether one is there counts), and
    for each longer need one for its first class and the next higher one for its rest.
    A need of two characters is met where the character before has the first bit and
    this one the rest bit: the bit before, shifted by one, is the rest bit. Characters
    beyond the Basic Multilingual Plane, rare in text, all get the bits of every class
    that holds one of them: a need may then fire where it is not met, which is allowed.
    """

    def __init__(self, needs_of_searches: Sequence[Sequence[Need]]) -> None:
        if len(needs_of_searches) > MAX_SEARCHES:
            raise ValueError(f"a Screen answers for up to {MAX_SEARCHES} searches")
        planes = [bytearray(_TABLE_SIZE) for _ in range(_PLANES)]
        self._astral: i64 = 0
        self._masks: list[int] = []
        single = pairs = triples = quads = 0
        bits_of_longer: dict[Need, int] = {}  # (a need two searches share has one pair of bits)
        next_bit = 1
        for needs in needs_of_searches:
            mask = 0
            singles = [range_ for need in needs if need.length == 1 for range_ in class_points(need.first)]
            if singles:
                _check_room(next_bit << 1)
                self._mark(planes, singles, next_bit)
                single |= next_bit
                mask |= next_bit
                next_bit <<= 1
            for need in needs:
                if need.length == 1:
                    continue
                if not 2 <= need.length <= MAX_LENGTH:
                    raise ValueError(f"a Need is 1 to {MAX_LENGTH} characters: {need!r}")
                if need not in bits_of_longer:
                    _check_room(next_bit << 2)
                    first_bit, rest_bit = next_bit, next_bit << 1
                    self._mark(planes, class_points(need.first), first_bit)
                    self._mark(planes, class_points(need.rest or need.first), rest_bit)
                    if need.length == 2:
                        pairs |= first_bit
                    elif need.length == 3:
                        triples |= first_bit
                    else:
                        quads |= first_bit
                    bits_of_longer[need] = rest_bit
                    next_bit <<= 2
                mask |= bits_of_longer[need]
            self._masks.append(mask)
        self._planes = tuple(bytes(plane) for plane in planes)
        self._single: i64 = single
        self._pairs: i64 = pairs
        self._triples: i64 = triples
        self._quads: i64 = quads
        self._scan_tables = b""
        if scan is not None:
            header = struct.pack(
                f"={6 + len(self._masks)}q", self._astral, single, pairs, triples, quads, len(self._masks), *self._masks
            )
            self._scan_tables = header + scan.words_of_planes(*self._planes)

    def _mark(self, planes: list[bytearray], ranges: Iterable[tuple[int, int]], bit: int) -> None:
        index = (bit.bit_length() - 1) // 8
        plane = planes[index]
        with_bit = bytes(byte | bit >> 8 * index for byte in range(256))
        for low, high in ranges:
            # (whole ranges at once: the CJK blocks alone are 40,000 code points)
            end = min(high + 1, _TABLE_SIZE)
            if low < end:
                plane[low:end] = plane[low:end].translate(with_bit)
            if high >= _TABLE_SIZE:
                self._astral |= bit

    def may_match(self, text: str) -> int:
        """The searches that may match in `text`: bit i for the i-th (1 << i)."""
        if _SCAN_MAY_MATCH is not None:
            return _SCAN_MAY_MATCH(text, self._scan_tables)
        return self.may_match_in_python(text)

    def may_match_in_python(self, text: str) -> int:
        """may_match's answer by the loop written here (where textfix._scan is not built)."""
        fired: i64 = self._fired(text)
        searches: i64 = 0
        if not fired:
            return 0
        masks = self._masks
        count: i64 = len(masks)
        index: i64 = 0
        while index < count:
            mask: i64 = masks[index]
            if fired & mask:
                searches |= 1 << index
            index += 1
        return searches

    def _fired(self, text: str) -> int:
        """The bits of the needs `text` meets."""
        plane0, plane1, plane2, plane3 = self._planes
        astral = self._astral
        single = self._single
        pairs = self._pairs
        triples = self._triples
        quads = self._quads
        fired: i64 = 0
        # the class bits of the one, two and three characters before
        back1: i64 = 0
        back2: i64 = 0
        back3: i64 = 0
        # (native integers throughout: a code point or an index as a Python int is
        # checked for its tag at every use, which took half the loop's instructions)
        length: i64 = len(text)
        index: i64 = 0
        while index < length:
            point: i64 = ord(text[index])
            index += 1
            bits: i64 = astral
            if point < _TABLE_SIZE:
                bits0: i64 = plane0[point]
                bits1: i64 = plane1[point]
                bits2: i64 = plane2[point]
                bits3: i64 = plane3[point]
                bits = bits0 | bits1 << 8 | bits2 << 16 | bits3 << 24
            fired |= (
                (bits & single)
                | ((back1 & pairs) << 1 & bits)
                | ((back2 & triples) << 1 & back1 & bits)
                | ((back3 & quads) << 1 & back2 & back1 & bits)
            )
            back3 = back2
            back2 = back1
            back1 = bits
        return fired


def _check_room(next_free_bit: int) -> None:
    if next_free_bit > 1 << 8 * _PLANES:
        raise ValueError(f"too many needs for one Screen: its tables hold {8 * _PLANES} bits")
