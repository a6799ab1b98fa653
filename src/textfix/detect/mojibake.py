"""Detector: UTF-8 text that was decoded with a single-byte codepage ("cafÃ©").

For each codepage, a stretch of characters from its upper half is turned back into
the bytes it came from; wherever those bytes hold well-formed multi-byte UTF-8, the
decoded characters are a candidate repair of that stretch. Valid UTF-8 also happens
by chance (Thai "แจก" is the bytes of a Tai Tham letter in cp874), so every candidate
is weighed by the evidence model before it is reported.
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import cache, lru_cache
from typing import Final, NamedTuple

from textfix.codecs import Codepage, codepage, encode_marking
from textfix.native import i64
from textfix.utf8 import LOSSY_SEQUENCE, LOST, utf8_stretches

STAND_INS: Final = " ?\ufffd"  # what a lost byte turns into: NBSP collapsed to space, or a replacement mark


class Candidate:
    """One codepage's reading of `text[start:end]` as UTF-8 bytes.

    (A plain class, not a NamedTuple: compiled, it is made and read as a C struct, where
    a NamedTuple is made through its Python __new__; a damaged line makes dozens.)
    """

    def __init__(
        self,
        start: int,
        end: int,
        codec: str,
        replacement: str,
        lossy: bool,
        guesses: int = 1,
        stranded: int = 0,
        deeper: tuple[str, ...] = (),
        parts: tuple[Candidate, ...] = (),
        alternatives: tuple[tuple[str, tuple[str, ...], float], ...] = (),
    ) -> None:
        self.start = start
        self.end = end
        self.codec = codec
        self.replacement = replacement
        self.lossy = lossy
        self.guesses = guesses  # how many readings the lost bytes allowed; the best one is kept
        self.stranded = stranded  # letters of the same stretch that no candidate of this codepage explains
        self.deeper = deeper  # codepages of further layers peeled from the replacement, outermost first
        self.parts = parts  # for a word read whole: the candidates it joins
        # every (replacement, deeper, plausibility) reading of the peeled layers close to the best
        self.alternatives = alternatives

    def _fields(self) -> tuple[object, ...]:
        return (
            self.start, self.end, self.codec, self.replacement, self.lossy, self.guesses, self.stranded, self.deeper,
            self.parts, self.alternatives,
        )

    # (equal by value, as the NamedTuple it was)
    def __eq__(self, other: object) -> bool:
        return isinstance(other, Candidate) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"Candidate{self._fields()!r}"

    def peeled_to(
        self, replacement: str, deeper: tuple[str, ...], alternatives: tuple[tuple[str, tuple[str, ...], float], ...]
    ) -> Candidate:
        """The same candidate, its replacement read down to `replacement` through `deeper`."""
        return Candidate(
            self.start, self.end, self.codec, replacement, self.lossy, self.guesses, self.stranded, deeper, self.parts,
            alternatives,
        )

    @property
    def chain(self) -> tuple[str, ...]:
        """Codecs innermost first: ("utf-8", inner, ..., "utf-8", outer)."""
        layers: tuple[str, ...] = ()
        for name in reversed((self.codec, *self.deeper)):
            layers += ("utf-8", name)
        return layers


class _Scanner(NamedTuple):
    codepage: Codepage
    roles: bytes  # the roles (below) of each character below _ROLES_LIMIT
    roles_beyond: dict[int, int]  # of the codepage's characters from there on
    undefined: tuple[int, ...]  # the bytes a strict decoder turns into "?" or U+FFFD
    space_stands_in: bool  # whether a space after a lead may stand for a lost NBSP


# What a character is to a codepage's scanner, as bits: one of its upper half, a lead
# (0xC2-0xF4), what may follow a lead (a continuation, 0x80-0xBF, or a stand-in), one
# of the leads a space may follow as a lost NBSP, a stand-in for a lost byte ("?",
# U+FFFD), a space that may stand in for one.
_UPPER: Final = 1
_LEAD: Final = 2
_SECOND: Final = 4
_SPACE_LEAD: Final = 8
_MARK: Final = 16
_SPACE: Final = 32
# (the codepages' characters lie below this but for a few: mac-roman's "ﬁ", "ﬂ" and logo)
_ROLES_LIMIT: Final = 0x2600


# Leads whose sequence with 0xA0 is common: NBSP (C2 A0), "à" (C3 A0), "Š" (C5 A0), "Р" (D0 A0).
SPACE_LEADS: Final = (0xC2, 0xC3, 0xC5, 0xD0)


@cache
def scanner(name: str) -> _Scanner:
    page = codepage(name)
    # A stand-in only belongs to a stretch right after a character of the codepage. A
    # space stands in for NBSP only after a lead that needs it and reads as Latin: in
    # Cyrillic or Greek codepages those leads are one-letter words before a real space.
    space_leads = "".join(page.decoding_table[b] for b in SPACE_LEADS)
    space_stands_in = all(
        unicodedata.name(c, "").startswith(("LATIN", "SQUARE ROOT", "NOT SIGN")) for c in space_leads
    )
    roles: dict[int, int] = {}
    for chars, role in (
        (page.chars(0x80, 0xFF), _UPPER),
        (page.chars(0xC2, 0xF4), _LEAD),
        (page.chars(0x80, 0xBF) + STAND_INS, _SECOND),
        (space_leads if space_stands_in else "", _SPACE_LEAD),
        ("?\ufffd", _MARK),
        (" " if space_stands_in else "", _SPACE),
    ):
        for char in chars:
            roles[ord(char)] = roles.get(ord(char), 0) | role
    below = bytearray(_ROLES_LIMIT)
    for point, role in roles.items():
        if point < _ROLES_LIMIT:
            below[point] = role
    beyond = {point: role for point, role in roles.items() if point >= _ROLES_LIMIT}
    undefined = tuple(b for b in range(0x80, 0xA0) if page.decoding_table[b] == chr(b))
    if name == "iso8859-1":
        undefined = ()
    return _Scanner(page, bytes(below), beyond, undefined, space_stands_in)


def stretches(text: str, scan: _Scanner, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of text[start:end] worth reading through the scanner's codepage.

    A stretch is a longest run of the codepage's characters and the stand-ins after
    them ("?" or U+FFFD after one of its characters, a space after a lead that needs
    one), two characters at least (one holds no sequence); it is worth reading where a
    lead in it is followed by a continuation or stand-in, as every sequence needs. (The
    character before `start` counts as what a stand-in follows.) A compiled loop over
    the code points: a regex for such runs took half the time of reading a window.
    """
    found: list[tuple[int, int]] = []
    table = scan.roles
    beyond = scan.roles_beyond
    previous: i64 = 0
    if start > 0:
        point: i64 = ord(text[start - 1])
        previous = table[point] if point < _ROLES_LIMIT else beyond.get(point, 0)
    run_start: i64 = -1
    paired = False
    for index in range(start, end):
        point = ord(text[index])
        role: i64 = table[point] if point < _ROLES_LIMIT else beyond.get(point, 0)
        taken = (
            role & _UPPER != 0
            or (role & _MARK != 0 and previous & _UPPER != 0)
            or (role & _SPACE != 0 and previous & _SPACE_LEAD != 0)
        )
        if taken:
            if run_start < 0:
                run_start = index
                paired = False
            elif previous & _LEAD and role & _SECOND:
                paired = True
        elif run_start >= 0:
            if paired and index - run_start >= 2:
                found.append((run_start, index))
            run_start = -1
        previous = role
    if run_start >= 0 and paired and end - run_start >= 2:
        found.append((run_start, end))
    return found


def _encode_stretch(page: Codepage, stretch: str) -> bytes:
    """The stretch's bytes, with LOST (0xFF) where a stand-in for a lost byte sits."""
    return encode_marking(page, stretch, STAND_INS)


def _lossy_readings(
    sequence: bytes, lost_positions: list[int], stand_ins: str, undefined: tuple[int, ...]
) -> list[str]:
    """Every character the sequence may have been, one choice per lost byte."""
    choices = []
    for stand_in in stand_ins:
        choices.append((0xA0,) if stand_in == " " else undefined)
    readings = []
    for picked in itertools.product(*choices):
        filled = bytearray(sequence)
        for position, byte in zip(lost_positions, picked):
            filled[position] = byte
        try:
            readings.append(bytes(filled).decode("utf-8"))
        except UnicodeDecodeError:
            continue
    return readings


# (the codepages of one family leave the same bytes undefined, and read a lossy sequence
# alike: the choice is made once for all of them)
@lru_cache(maxsize=1024)
def _lossy_choice(
    sequence: bytes, lost_positions: tuple[int, ...], stand_ins: str, undefined: tuple[int, ...], left: str, right: str
) -> tuple[str, int] | None:
    """The likeliest reading of a sequence with lost bytes between `left` and `right`, and
    how many readings there were to choose from; None if there is none."""
    readings = _lossy_readings(sequence, list(lost_positions), stand_ins, undefined)
    if not readings:
        return None
    if len(readings) == 1:
        return readings[0], 1
    return _best_reading(readings, left, right), len(readings)


def _best_reading(readings: list[str], left: str, right: str) -> str:
    from textfix.model.charmodel import char_model

    model = char_model()
    return max(readings, key=lambda reading: model.pair_logp(reading, left, right))


def candidates_for(text: str, name: str, start: int = 0, end: int | None = None) -> list[Candidate]:
    """Candidate repairs of text[start:end] that read its stretches as UTF-8 through codepage `name`.

    Each candidate counts the letters of its stretch that stay unexplained: a real
    damaged word decodes whole, while a chance sequence inside a clean word ("з’є" in
    "з’єднання", cp1251) leaves letters on either side that are no UTF-8 at all.
    """
    scan = scanner(name)
    found: list[Candidate] = []
    end = len(text) if end is None else end
    for offset, stretch_end in stretches(text, scan, start, end):
        stretch = text[offset:stretch_end]
        data = _encode_stretch(scan.codepage, stretch)
        if LOST not in data:
            pieces = [
                Candidate(offset + run_start, offset + run_end, name, data[run_start:run_end].decode("utf-8"), False)
                for run_start, run_end in utf8_stretches(data)
            ]
        else:
            pieces = [
                piece
                for piece in _lossy_candidates(text, stretch, data, offset, name, scan.undefined)
                if not _capital_before_space(text, piece) and not _capital_alone(text, piece)
            ]
        pieces = [piece for piece in pieces if not _part_of_a_drawing(text, piece, pieces)]
        if not pieces:
            continue
        stranded = 0
        if sum(piece.end - piece.start for piece in pieces) < len(stretch):
            letters = sum(1 for char in stretch if char.isalpha())
            stranded = letters - sum(
                1 for piece in pieces for char in text[piece.start : piece.end] if char.isalpha()
            )
        if stranded:
            found.extend(
                Candidate(p.start, p.end, p.codec, p.replacement, p.lossy, p.guesses, stranded) for p in pieces
            )
        else:
            # (the pieces as made: a record made again costs a call into Python)
            found.extend(pieces)
    return found


def _part_of_a_drawing(text: str, piece: Candidate, pieces: list[Candidate]) -> bool:
    """Box drawing read as UTF-8 beside box drawing that is no UTF-8: a drawing.

    A corner after a line ("═╗", 0xCD 0xBB in cp437) is a valid sequence ("ͻ"), but the
    line before it is lead bytes in a row, which UTF-8 never has; Cyrillic read through
    cp437 ("╨┐╤Ç") reads whole.
    """
    if not all(_BOX_DRAWING_FIRST <= char <= _BOX_DRAWING_LAST for char in text[piece.start : piece.end]):
        return False
    for neighbour in (piece.start - 1, piece.end):
        if (
            0 <= neighbour < len(text)
            and _BOX_DRAWING_FIRST <= text[neighbour] <= _BOX_DRAWING_LAST
            and not any(other.start <= neighbour < other.end for other in pieces)
        ):
            return True
    return False


# box drawing and block elements
_BOX_DRAWING_FIRST: Final = "\u2500"
_BOX_DRAWING_LAST: Final = "\u259f"


def _capital_before_space(text: str, piece: Candidate) -> bool:
    """A lost-space reading ("Ã " for "à") right after a capital letter.

    In upper-case words "Ã" is a letter of its own (Vietnamese "MÃ", Portuguese
    "IRMÃ"), so a space after it proves nothing.
    """
    return text[piece.end - 1] == " " and piece.start > 0 and text[piece.start - 1].isupper()


def _capital_alone(text: str, piece: Candidate) -> bool:
    """A lost-space reading that leaves one capital letter standing alone, no letter after
    it: "Å ¨" in a keyboard map's row ("Y Ø Å ¨") is no "Š¨". Damage leaves the rest of
    the word after the space ("Å koda" is "Škoda")."""
    return (
        text[piece.end - 1] == " "
        and len(piece.replacement) == 1
        and piece.replacement.isupper()
        and (piece.start == 0 or text[piece.start - 1].isspace())
        and not text[piece.end : piece.end + 1].isalpha()
    )


def _lossy_candidates(
    text: str, stretch: str, data: bytes, offset: int, name: str, undefined: tuple[int, ...]
) -> list[Candidate]:
    """Sequences with stand-ins for lost bytes, merged with their clean neighbours."""
    pieces: list[tuple[int, int, str, int]] = []
    for sequence in LOSSY_SEQUENCE.finditer(data):
        # (the match's bounds asked once: compiled, each ask is a method call by name)
        raw, first, last = sequence.group(), sequence.start(), sequence.end()
        # A stand-in marks a lost byte; a real character the codepage puts at 0xFF ("ÿ") does not.
        lost_positions = [i for i in range(len(raw)) if stretch[first + i] in STAND_INS]
        if lost_positions:
            stand_ins = "".join([stretch[first + i] for i in lost_positions])
            start = offset + first
            left = pieces[-1][2][-1:] if pieces and pieces[-1][1] == first else text[start - 1 : start]
            right = text[offset + last : offset + last + 1]
            chosen = _lossy_choice(raw, tuple(lost_positions), stand_ins, undefined, left, right)
            if chosen is None:
                continue
            reading, count = chosen
            pieces.append((first, last, reading, count))
        else:
            try:
                pieces.append((first, last, raw.decode("utf-8"), 0))
            except UnicodeDecodeError:
                continue
    found = []
    for group in _adjacent_groups(pieces):
        start, end = group[0][0], group[-1][1]
        guesses = 1
        for piece in group:
            guesses *= max(piece[3], 1)
        found.append(
            Candidate(
                offset + start,
                offset + end,
                name,
                "".join(p[2] for p in group),
                any(p[3] for p in group),
                guesses,
            )
        )
    return found


def _adjacent_groups(pieces: list[tuple[int, int, str, int]]) -> list[list[tuple[int, int, str, int]]]:
    groups: list[list[tuple[int, int, str, int]]] = []
    for piece in pieces:
        if groups and groups[-1][-1][1] == piece[0]:
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups
