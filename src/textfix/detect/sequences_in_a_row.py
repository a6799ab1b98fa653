"""Whether a text, encoded through a double-byte codepage, may hold a word of UTF-8.

The double-byte check (doublebyte._promising) encodes a CJK text back through each
codepage and scans the bytes for a word of UTF-8: two sequences of three bytes or more
in a row, one of three bytes beside one of two (Vietnamese), or three of two bytes. Clean
CJK text through most codepages holds none: a table of what each character's bytes do to
a small automaton tells so in one pass over the code points (one for all the codepages,
see Automata), at a fraction of the cost of encoding and scanning, and only the
codepages it cannot rule out are encoded and scanned.
The automaton reads bytes as UTF-8 does, but takes any lead with the right number of
continuation bytes for a sequence (UTF-8 narrows the second byte after some leads), and
any two sequences in a row with one of three bytes or more for a word: it finds one
wherever the scan could, and a few more.
"""

from __future__ import annotations

import base64
import codecs
from collections.abc import Sequence
from typing import Final, NamedTuple

from textfix.model.tables import table
from textfix.native import i64

# What a byte is to UTF-8: ASCII, a continuation, the lead of a sequence of two, three or
# four bytes, or a byte no sequence has; the separator marks where a character's bytes end.
_ASCII: Final = 0
_CONTINUATION: Final = 1
_LEAD_OF_TWO: Final = 2
_LEAD_OF_THREE: Final = 3
_LEAD_OF_FOUR: Final = 4
_IN_NONE: Final = 5
_SEPARATOR: Final = 6

# A state is what the sequences just read in a row were (none, one or two of two bytes,
# or one of three bytes or more, the last before it) and where the current sequence is:
# none (0), one of two bytes (1), or one of three or four bytes still needing 1 to 3
# continuation bytes (2 to 4); as 5 * before + current. FOUND, once a word may be there,
# is never left.
_NONE_BEFORE: Final = 0
_ONE_OF_TWO: Final = 1
_TWO_OF_TWO: Final = 2
_LONG_BEFORE: Final = 3
FOUND: Final = 20
_STATES: Final = 21

_TABLE_SIZE: Final = 0x10000  # the Basic Multilingual Plane (beyond it, no answer: see may_hold_words)


def byte_class(byte: int) -> int:
    """What the byte is to UTF-8 (one of the classes above)."""
    if byte < 0x80:
        return _ASCII
    if byte <= 0xBF:
        return _CONTINUATION
    if 0xC2 <= byte <= 0xDF:
        return _LEAD_OF_TWO
    if 0xE0 <= byte <= 0xEF:
        return _LEAD_OF_THREE
    if 0xF0 <= byte <= 0xF4:
        return _LEAD_OF_FOUR
    return _IN_NONE


def next_state(state: int, kind: int) -> int:
    """The state after one more byte of this kind (byte_class)."""
    if state == FOUND:
        return FOUND
    before, current = divmod(state, 5)
    if current:
        if kind == _CONTINUATION:
            if current == 1:
                return _after(before, False)
            if current > 2:
                return 5 * before + current - 1
            return _after(before, True)
        # (a sequence cut short: the byte is read afresh, after no sequence)
        before = _NONE_BEFORE
    if kind == _LEAD_OF_TWO:
        return 5 * before + 1
    if kind == _LEAD_OF_THREE:
        return 5 * before + 3
    if kind == _LEAD_OF_FOUR:
        return 5 * before + 4
    return 0


def _after(before: int, long: bool) -> int:
    """The state once a sequence of two bytes (or, if `long`, of three or more) is read."""
    if long:
        return _LONG_BEFORE * 5 if before == _NONE_BEFORE else FOUND
    if before == _NONE_BEFORE:
        return _ONE_OF_TWO * 5
    return _TWO_OF_TWO * 5 if before == _ONE_OF_TWO else FOUND


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
    classes = bytes(_SEPARATOR if byte == 0 else byte_class(byte) for byte in range(256))
    # NUL, the first character, is a separator itself: the pieces are two empty ones,
    # then the classes of each character's bytes from U+0001 on
    pieces = data.translate(classes).split(bytes([_SEPARATOR]))
    if len(pieces) != _TABLE_SIZE + 1 or pieces[0] or pieces[1]:
        return None
    ascii_byte = bytes([_ASCII])
    move_of = {ascii_byte: 0}
    moves = bytearray()
    # (in a fixed order: the same codecs give the same table, as shipped)
    for piece in [ascii_byte, *sorted(set(pieces[2:]) - {ascii_byte})]:
        if len(moves) == 256 * _STATES:
            return None
        move_of[piece] = len(moves) // _STATES
        for start in range(_STATES):
            state = start
            for kind in piece:
                state = next_state(state, kind)
            moves.append(state)
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


# An automaton has at most 256 moves, each a row of _STATES next states.
_MOVES_SIZE: Final = 256 * _STATES
# Each automaton's state takes this many bits of one native integer.
_STATE_BITS: Final = 5
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
                state: i64 = moves[codepage * _MOVES_SIZE + move * _STATES + (states >> shift & _STATE_MASK)]
                if state == FOUND:
                    found |= 1 << codepage
                states = states & ~(_STATE_MASK << shift) | state << shift
            codepage += 1
    return found
