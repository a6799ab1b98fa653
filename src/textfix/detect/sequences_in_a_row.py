"""Whether a text, encoded through a double-byte codepage, may hold a word of UTF-8.

The double-byte check (doublebyte._promising) encodes a CJK text back through each
codepage and scans the bytes for a word of UTF-8: two characters of U+0800 and up in a
row, a Vietnamese letter beside a Latin one with horns, or three two-byte letters of one
script (what makes a word is defined here, for the scan and the automaton alike). Clean
CJK text through most codepages holds none: a table of what each character's bytes do to
a small automaton tells so in one pass over the code points (one for all the codepages,
see Automata), at a fraction of the cost of encoding and scanning, and only the
codepages it cannot rule out are encoded and scanned.
The automaton reads bytes as UTF-8 does, but takes any lead with the right number of
continuation bytes for a sequence (UTF-8 narrows the second byte after some leads), and
knows of a sequence only what its lead byte tells (see _Unit): it finds a word wherever
the scan could, and a few more.
"""

from __future__ import annotations

import base64
import codecs
from collections.abc import Callable, Sequence
from functools import cache
from typing import Final, NamedTuple

from textfix.model.tables import table
from textfix.native import i64, scan

# may_hold_words' loop in C, where textfix._scan is built
_SCAN_MAY_HOLD_WORDS: Final[Callable[[str, bytes, bytes, int, int, bool], int] | None] = (
    None if scan is None else scan.automata_may_hold_words
)

# Damage reads as words; chance stretches of UTF-8 in clean CJK text mix scripts ("ģʽͨ",
# "݈ג") or hold one lone ideograph. A word is two characters from WIDE_FIRST to WIDE_LAST
# in a row ("文字", "नया"; as far as plane 3, 4-13 are unassigned), a Vietnamese letter
# beside a Latin one with horns ("đối"), or three two-byte letters of one script ("При", "été").
WIDE_FIRST: Final = 0x800
WIDE_LAST: Final = 0x3FFFF
VIETNAMESE_FIRST: Final = 0x1E00
VIETNAMESE_LAST: Final = 0x1EFF


def two_byte_script(point: i64) -> i64:
    """Which two-byte script the code point is a letter of, as an index, or -1: Latin-1 and
    Extended-A ("ǡǭƯ", Extended-B, is chance), Greek, Cyrillic, Armenian, Hebrew, Arabic,
    Syriac, Thaana."""
    if point < 0xC0 or point > 0x7BF:
        return -1
    if point <= 0x17F:
        return 0
    if point < 0x370:
        return -1
    if point <= 0x3FF:
        return 1
    if point <= 0x52F:
        return 2
    if point < 0x531:
        return -1
    if point <= 0x58F:
        return 3
    if point <= 0x5FF:
        return 4
    if point <= 0x6FF or 0x750 <= point <= 0x77F:
        return 5
    if point <= 0x74F:
        return 6
    return 7


def latin_with_horns(point: i64) -> bool:
    # (the horns: "ƠơƯư")
    return 0xC0 <= point <= 0x17F or point == 0x1A0 or point == 0x1A1 or point == 0x1AF or point == 0x1B0


class _Unit(NamedTuple):
    """What the characters a lead byte begins may be, as far as a word goes: their number
    of bytes, whether one may be wide, a Vietnamese letter or a Latin letter with horns,
    and the script of the two-byte letters (-1 for none, _MIXED for several)."""

    length: int
    wide: bool
    vietnamese: bool
    horned: bool
    script: int


_MIXED: Final = 99


def _unit_of(lead: int) -> _Unit:
    length = 2 if lead <= 0xDF else 3 if lead <= 0xEF else 4
    payload = 6 * (length - 1)
    first = (lead & 0x7F >> length) << payload
    points = range(first, first + (1 << payload))
    last = points[-1]
    letters = {two_byte_script(point) for point in points} - {-1} if length == 2 else set()
    return _Unit(
        length,
        first <= WIDE_LAST and last >= WIDE_FIRST,
        first <= VIETNAMESE_LAST and last >= VIETNAMESE_FIRST,
        length == 2 and any(latin_with_horns(point) for point in points),
        # (a lead whose characters are letters of one script or no letters counts as that
        # script: taking a symbol for a letter finds more words, never fewer)
        -1 if not letters else letters.pop() if len(letters) == 1 else _MIXED,
    )


class _Last(NamedTuple):
    """What the characters read last tell of a word to come: the last one's _Unit flags,
    and how many two-byte letters of one script (`script`) end the text so far (`run`)."""

    wide: bool
    vietnamese: bool
    horned: bool
    script: int
    run: int


class _Pending(NamedTuple):
    """Inside a sequence: the continuation bytes it still needs, and what it makes once
    whole (None: a word)."""

    needs: int
    then: _Last | None


_NOTHING: Final = _Last(False, False, False, -1, 0)  # after ASCII, a byte no sequence has, or nothing


def _after(last: _Last, unit: _Unit) -> _Last | None:
    """What follows a whole sequence of `unit` after `last`; None for a word."""
    if (last.wide and unit.wide) or (last.vietnamese and unit.horned) or (last.horned and unit.vietnamese):
        return None
    script, run = -1, 0
    if unit.script != -1:
        if last.run and (last.script == unit.script or _MIXED in (last.script, unit.script)):
            if last.run == 2:
                return None
            # (a letter of several scripts after one of a script: the two may be of that
            # script, or the second begin a run of another; either way a third letter
            # of any script may make a word, as _MIXED says)
            script, run = (unit.script if last.script in (_MIXED, unit.script) else _MIXED), 2
        else:
            script, run = unit.script, 1
    return _Last(unit.wide, unit.vietnamese, unit.horned, script, run)


# What a byte is to the automaton: ASCII, a continuation, a byte no sequence has, or a lead
# byte, one class for each _Unit that leads have (see _lead_units); the separator
# (_classes()) marks where a character's bytes end.
_ASCII: Final = 0
_CONTINUATION: Final = 1
_IN_NONE: Final = 2

# A state is a _Last, a _Pending or FOUND, which once a word may be there is never left;
# numbered as met from nothing read (0), byte class by byte class (see _transitions).
# The shipped automata (and the pass that runs them) need only their number, written
# here: the transitions are worked out where automata are built, not at every import
# (1.5 ms). tests/test_doublebyte.py checks that it is the number _transitions finds.
FOUND: Final = 1
STATES: Final = 53


@cache
def _lead_units() -> tuple[_Unit, ...]:
    return tuple(dict.fromkeys(_unit_of(lead) for lead in range(0xC2, 0xF5)))


def _classes() -> int:
    """How many byte classes there are."""
    return 3 + len(_lead_units())


@cache
def _class_of_byte() -> bytes:
    units = _lead_units()
    return bytes(
        _ASCII
        if byte < 0x80
        else _CONTINUATION
        if byte <= 0xBF
        else 3 + units.index(_unit_of(byte))
        if 0xC2 <= byte <= 0xF4
        else _IN_NONE
        for byte in range(256)
    )


@cache
def _transitions() -> tuple[int, bytes]:
    """How many states there are, and the next state of each state and byte class."""
    states: list[_Last | _Pending | None] = [_NOTHING, None]
    number: dict[_Last | _Pending, int] = {_NOTHING: 0}
    moves: list[int] = []
    index = 0
    while index < len(states):
        state = states[index]
        for kind in range(_classes()):
            after = _step(state, kind)
            if after is None:
                moves.append(FOUND)
                continue
            if after not in number:
                number[after] = len(states)
                states.append(after)
            moves.append(number[after])
        index += 1
    return len(states), bytes(moves)


def _step(state: _Last | _Pending | None, kind: int) -> _Last | _Pending | None:
    if state is None:
        return None
    if isinstance(state, _Pending):
        if kind == _CONTINUATION:
            return _Pending(state.needs - 1, state.then) if state.needs > 1 else state.then
        # (a sequence cut short: the byte is read afresh, after no sequence)
        state = _NOTHING
    if kind < 3:
        return _NOTHING
    unit = _lead_units()[kind - 3]
    return _Pending(unit.length - 1, _after(state, unit))


def state_count() -> int:
    """How many states _transitions finds (STATES, unless the definitions changed)."""
    return _transitions()[0]


def byte_class(byte: int) -> int:
    """What the byte is to the automaton (see _class_of_byte)."""
    return _class_of_byte()[byte]


def next_state(state: int, kind: int) -> int:
    """The state after one more byte of this kind (byte_class)."""
    return _transitions()[1][state * _classes() + kind]


_TABLE_SIZE: Final = 0x10000  # the Basic Multilingual Plane (beyond it, no answer: see may_hold_words)


class Automaton(NamedTuple):
    """For one codepage: what each character of the BMP does to the state (`moves`, by
    move, then state), by the move its bytes make (`plane`, by code point)."""

    plane: bytes
    moves: bytes


def automata(names: Sequence[str]) -> tuple[Automaton | None, ...]:
    """The automata of double-byte codepages, as shipped (model/double_byte_automata.json,
    made by scripts/build_double_byte_automata.py from Python's codecs: unpacked in about
    a millisecond), or built where a codepage is not among them (see built_automata; those
    are built together, from one text of every character)."""
    import zlib

    shipped: dict[str, dict[str, str]] = table("double_byte_automata")
    missing = [name for name in names if name not in shipped]
    built = dict(zip(missing, built_automata(missing)))
    found: list[Automaton | None] = []
    for name in names:
        if name in built:
            found.append(built[name])
        else:
            packed = shipped[name]
            plane = zlib.decompress(base64.b64decode(packed["plane"]))
            found.append(Automaton(plane, base64.b64decode(packed["moves"])))
    return tuple(found)


def built_automata(names: Sequence[str]) -> tuple[Automaton | None, ...]:
    """The automata of double-byte codepages, built from Python's codecs: each None if its
    bytes cannot be told apart character by character (a byte 0x00 inside a character,
    more than 256 moves).

    Every character is encoded at once, NUL between them ("replace" turns the ones a
    codepage lacks into "?", as the check encodes them): about 6 ms a codepage and 8 ms
    for the text of them all."""
    if not names:
        return ()
    text = "\x00".join(map(chr, range(_TABLE_SIZE)))
    return tuple(_automaton(text, name) for name in names)


def _automaton(every_character: str, name: str) -> Automaton | None:
    data = codecs.lookup(name).encode(every_character, "replace")[0]
    if state_count() != STATES:
        raise ValueError(f"the automaton has {state_count()} states, and STATES says {STATES}")
    separator = _classes()
    classes = bytes(separator if byte == 0 else byte_class(byte) for byte in range(256))
    # NUL, the first character, is a separator itself: the pieces are two empty ones,
    # then the classes of each character's bytes from U+0001 on
    pieces = data.translate(classes).split(bytes([separator]))
    if len(pieces) != _TABLE_SIZE + 1 or pieces[0] or pieces[1]:
        return None
    ascii_byte = bytes([_ASCII])
    move_of: dict[bytes, int] = {}
    move_doing: dict[bytes, int] = {}  # a move by what it does to each state: pieces alike share it
    moves = bytearray()
    # (in a fixed order: the same codecs give the same table, as shipped; ASCII's move is 0)
    for piece in [ascii_byte, *sorted(set(pieces[2:]) - {ascii_byte})]:
        row = bytearray()
        for start in range(STATES):
            state = start
            for kind in piece:
                state = next_state(state, kind)
            row.append(state)
        move = move_doing.get(bytes(row))
        if move is None:
            if len(move_doing) == 256:
                return None
            move = move_doing[bytes(row)] = len(move_doing)
            moves += row
        move_of[piece] = move
    plane = bytes([0]) + bytes(map(move_of.__getitem__, pieces[2:]))
    return Automaton(plane, bytes(moves))


class Automata(NamedTuple):
    """Several codepages' automata, run together in one pass (see may_hold_words): each
    character's moves side by side (`planes`, at code point * count + k for the k-th
    codepage), as one read from memory brings them all where separate planes were as many
    reads far apart, and every codepage's moves in one table (the k-th's from k *
    _MOVES_SIZE on). A codepage with no automaton (None from automata()) may always hold a
    word: its bit is in `untabled`. Where every ASCII character makes move 0, which
    leaves every automaton after no sequence (`ascii_resets`), an ASCII character sets
    every state to 0 at once."""

    planes: bytes
    moves: bytes
    codepages: int
    untabled: int
    ascii_resets: bool


# An automaton has at most 256 moves, each a row of STATES next states.
_MOVES_SIZE: Final = 256 * STATES
# Each automaton's state takes this many bits of one native integer.
_STATE_BITS: Final = (STATES - 1).bit_length()
_STATE_MASK: Final = (1 << _STATE_BITS) - 1
MOST_AUTOMATA: Final = 63 // _STATE_BITS


def together(found: Sequence[Automaton | None]) -> Automata:
    """The automata, as from automata(), to be run together (at most MOST_AUTOMATA)."""
    count = len(found)
    if count > MOST_AUTOMATA:
        raise ValueError(f"at most {MOST_AUTOMATA} automata run together, not {count}")
    planes = bytearray(_TABLE_SIZE * count)
    moves = bytearray(_MOVES_SIZE * count)
    untabled = 0
    ascii_resets = True
    for index, automaton_ in enumerate(found):
        if automaton_ is None:
            untabled |= 1 << index
        else:
            planes[index::count] = automaton_.plane
            moves[index * _MOVES_SIZE : index * _MOVES_SIZE + len(automaton_.moves)] = automaton_.moves
            # (move 0 is the move of a byte below 0x80: see _automaton)
            ascii_resets = ascii_resets and not any(automaton_.plane[:0x80])
    return Automata(bytes(planes), bytes(moves), count, untabled, ascii_resets)


def may_hold_words(text: str, automata_: Automata) -> int:
    """The codepages through which the text's bytes may hold a word of UTF-8: bit k for the
    k-th of the automata (every bit for a text with a character beyond the BMP: not tabled)."""
    if _SCAN_MAY_HOLD_WORDS is not None:
        planes, moves, codepages, untabled, ascii_resets = automata_
        return _SCAN_MAY_HOLD_WORDS(text, planes, moves, codepages, untabled, ascii_resets)
    return may_hold_words_in_python(text, automata_)


def may_hold_words_in_python(text: str, automata_: Automata) -> int:
    """may_hold_words' answer by the loop written here (where textfix._scan is not built)."""
    planes = automata_.planes
    moves = automata_.moves
    count: i64 = automata_.codepages
    every: i64 = (1 << count) - 1
    found: i64 = automata_.untabled
    ascii_resets = automata_.ascii_resets
    # (native integers throughout: compiled, the loop does no boxed arithmetic)
    states: i64 = 0
    length: i64 = len(text)
    index: i64 = 0
    while index < length and found != every:
        point: i64 = ord(text[index])
        index += 1
        if point < 0x80 and ascii_resets:
            states = 0
            continue
        if point >= _TABLE_SIZE:
            return every
        row: i64 = point * count
        codepage: i64 = 0
        while codepage < count:
            if not found >> codepage & 1:
                shift: i64 = _STATE_BITS * codepage
                move: i64 = planes[row + codepage]
                state: i64 = moves[codepage * _MOVES_SIZE + move * STATES + (states >> shift & _STATE_MASK)]
                if state == FOUND:
                    found |= 1 << codepage
                states = states & ~(_STATE_MASK << shift) | state << shift
            codepage += 1
    return found
