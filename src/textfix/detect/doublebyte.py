"""UTF-8 read as a double-byte CJK codepage: "鏂囧瓧" for "文字", "Peeﾅ橘u" for "Peeŋku".

Such a codepage reads the UTF-8 bytes two at a time, so every damaged stretch becomes
CJK ideographs, kana or Hangul, and a pair can take in the ASCII byte after the
stretch ("橘" is 0x8B 0x6B: the end of "ŋ" and the "k" after it). Encoding the stretch
back gives the bytes, and the ASCII byte taken in comes back with them.

Clean Chinese, Japanese or Korean text often holds such bytes by chance: its two-byte
characters, read in a row, form valid UTF-8 ("未知状态" is GBK for "δ֪״̬"). Only the
evidence model (model/doublebyte.json) tells the two apart, by how much more plausible
the repair makes the text.
"""

from __future__ import annotations

import codecs
import math
import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache
from typing import Final, NamedTuple

from textfix.codecs import SINGLE_BYTE_CODECS
from textfix.detect.charsets import class_body
from textfix.detect.sequences_in_a_row import (
    VIETNAMESE_FIRST,
    VIETNAMESE_LAST,
    WIDE_FIRST,
    WIDE_LAST,
    Automata,
    automata,
    latin_with_horns,
    may_hold_words,
    together,
    two_byte_script,
)
from textfix.detect.suspects import may_hold_mojibake
from textfix.findings import DisjointSpans, Finding, new_finding
from textfix.memo import Remembered
from textfix.model.charmodel import category_of, char_model, script_of
from textfix.model.evidence import UNUSUAL_OR_MARK, calibrated, elsewhere, has_rare_chars, scripts_outside, weights
from textfix.model.letters import has_unwritten_letters, language_letters, regular_case
from textfix.native import i64
from textfix.patterns import compiled
from textfix.screen import COMPILED, class_points
from textfix.spans import union_of
from textfix.utf8 import MULTIBYTE_RUN, utf8_at, utf8_stretches

# Assumed share of each among damage of this kind, as for the single-byte codepages.
PRIOR_SHARE: Final = {
    "gbk": 0.4, "big5": 0.1, "shift_jis": 0.15, "cp932": 0.1, "euc_jp": 0.05, "euc_kr": 0.1, "cp949": 0.1
}

# Every reading of UTF-8 through these codepages shows at least one of these: CJK
# ideographs, kana (halfwidth too) or Hangul. Text without one is done at once.
OUTPUT_CHARS: Final = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff61-\uff9f"
_OUTPUT_CLASS: Final = f"[{OUTPUT_CHARS}]"
_FIRST_OUTPUT_CHAR: Final = "\u3040"


@cache
def _output_pattern() -> re.Pattern[str]:
    """Any output character, compiled on first use: its large class takes milliseconds to
    compile, which text without CJK never pays."""
    return compiled(_OUTPUT_CLASS)


@cache
def _output_points() -> bytes:
    """1 at each code point of OUTPUT_CHARS (all in the BMP), 0 elsewhere."""
    table = bytearray(0x10000)
    for low, high in class_points(OUTPUT_CHARS):
        table[low : high + 1] = b"\x01" * (high - low + 1)
    return bytes(table)


def _glued_to_a_letter(text: str) -> bool:
    """Whether a character a double-byte reading shows stands right beside an ASCII letter
    (one compiled pass over the code points: a regex with the output class on either side
    of the letter took a third of the double-byte check of a clean CJK line)."""
    outputs = _output_points()
    letter_before = False
    output_before = False
    for index in range(len(text)):
        point: i64 = ord(text[index])
        letter = 0x41 <= point <= 0x5A or 0x61 <= point <= 0x7A
        output = point < 0x10000 and outputs[point] == 1
        if (letter and output_before) or (output and letter_before):
            return True
        letter_before = letter
        output_before = output
    return False


@cache
def _beyond_first_output_char() -> re.Pattern[str]:
    """A pre-filter for the output class: one short range compiles in about 1 ms."""
    return compiled(f"[^\\x00-\\u{ord(_FIRST_OUTPUT_CHAR) - 1:04x}]")


def has_double_byte_output(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] holds a character such a reading could show."""
    stop = len(text) if end is None else end
    beyond = _beyond_first_output_char().search(text, start, stop)
    # (from there: in CJK text the first character that far up is one of them)
    return beyond is not None and _output_pattern().search(text, beyond.start(), stop) is not None


_NON_ASCII_RUN: Final = compiled(r"[^\x00-\x7f]+")
_UNENCODABLE: Final = "textfix-unencodable-pair"
LOST_CHAR: Final = "\ufffd"
# Ideographs outside the basic block (extensions A and beyond, compatibility forms):
# everyday text barely uses them, chance readings are full of them. The character
# model has too little Chinese to know common ideographs from rare ones by itself.
# (compiled at first use: text without CJK never needs it)
_RARE_IDEOGRAPHS: Final = "[\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003ffff]"


def _two_nul_bytes(error: UnicodeError) -> tuple[bytes, int]:
    # Two bytes per unencodable char keep the byte offsets of the others predictable, and
    # NUL never belongs to a multi-byte UTF-8 sequence.
    assert isinstance(error, UnicodeEncodeError)
    return b"\x00\x00" * (error.end - error.start), error.end


codecs.register_error(_UNENCODABLE, _two_nul_bytes)


class DoubleByteCandidate(NamedTuple):
    start: int
    end: int
    codec: str
    replacement: str
    sequences: int  # multi-byte UTF-8 sequences read
    whole_run: bool  # the reading covers its whole stretch of non-ASCII characters
    swallowed: bool  # the last pair had taken in the ASCII character after the stretch
    lossy: bool = False  # read across bytes the codepage could not decode (see proven_reading)


class _Layout(NamedTuple):
    """Where a codepage's characters of odd width sit, to map byte offsets to characters."""

    one_byte: re.Pattern[str] | None
    three_bytes: re.Pattern[str] | None


@cache
def _layout(name: str) -> _Layout:
    singles = []
    for byte in range(0x80, 0x100):
        try:
            singles.append(bytes([byte]).decode(name))
        except UnicodeDecodeError:
            continue
    triples = []
    if name == "euc_jp":  # JIS X 0212, behind the 0x8F prefix
        for first in range(0xA1, 0xFF):
            for second in range(0xA1, 0xFF):
                try:
                    triples.append(bytes([0x8F, first, second]).decode(name))
                except UnicodeDecodeError:
                    continue
    return _Layout(
        compiled(f"[{class_body(singles)}]") if singles else None,
        compiled(f"[{class_body(triples)}]") if triples else None,
    )


class _Offsets:
    """Byte offset of each character of a run of non-ASCII characters in one codepage."""

    def __init__(self, run: str, layout: _Layout) -> None:
        ones = [m.start() for m in layout.one_byte.finditer(run)] if layout.one_byte else []
        threes = [m.start() for m in layout.three_bytes.finditer(run)] if layout.three_bytes else []
        # Where characters of one or three bytes break the rule of two, the byte offset of
        # each character and of the run's end, in one pass: looked up, not searched for.
        self._starts = _byte_offsets(len(run), ones, threes) if ones or threes else []

    def char_index(self, offset: int) -> int:
        """The index of the character starting at byte `offset`, or -1 if none does."""
        if not self._starts:
            return offset // 2 if offset % 2 == 0 else -1
        index = bisect_left(self._starts, offset)
        return index if index < len(self._starts) and self._starts[index] == offset else -1


def _byte_offsets(length: int, ones: list[int], threes: list[int]) -> list[int]:
    """The byte offset of characters 0..length, given which take one byte and which three."""
    offsets = []
    offset: i64 = 0
    one: i64 = 0
    three: i64 = 0
    for index in range(length + 1):
        offsets.append(offset)
        if one < len(ones) and ones[one] == index:
            offset += 1
            one += 1
        elif three < len(threes) and threes[three] == index:
            offset += 3
            three += 1
        else:
            offset += 2
    return offsets


# What any finding needs: a CJK character glued to an ASCII letter ("caf茅"), or
# somewhere in the text's bytes a stretch of UTF-8 long enough to stand alone (see
# MIN_CHARS_ALONE) that reads as a word (see sequences_in_a_row). The bytes are scanned
# for such a word by _utf8_reading_signs.


def _ascii_letter(point: i64) -> bool:
    return 0x41 <= point <= 0x5A or 0x61 <= point <= 0x7A


# What _utf8_reading_signs finds, as bits
_WORD: Final = 1
_NEXT_TO_A_LETTER: Final = 2


def _utf8_reading_signs(data: bytes) -> i64:
    """Whether the bytes, read as UTF-8, hold such a word (_WORD) and whether any character
    beyond ASCII stands beside an ASCII letter (_NEXT_TO_A_LETTER), bytes that are no UTF-8
    breaking words apart. The scan stops at the first word.

    Clean CJK text, encoded back through each codepage, reads as no such word: scanned
    byte by byte here (compiled), it needs no decoding and no regex over the decoded text.
    """
    size: i64 = len(data)
    index: i64 = 0
    before: i64 = -1  # the code points of the two characters before, -1 for a byte no UTF-8 takes
    last: i64 = -1
    point: i64
    length: i64
    signs: i64 = 0
    while index < size:
        byte: i64 = data[index]
        if byte < 0x80:
            point, length = byte, 1
        elif byte < 0xC2 or byte > 0xF4:
            point, length = -1, 1
        else:
            point, length = utf8_at(data, index)
        if point >= 0xC0 and last >= 0xC0:
            if WIDE_FIRST <= last <= WIDE_LAST and WIDE_FIRST <= point <= WIDE_LAST:
                return signs | _WORD
            if (VIETNAMESE_FIRST <= last <= VIETNAMESE_LAST and latin_with_horns(point)) or (
                latin_with_horns(last) and VIETNAMESE_FIRST <= point <= VIETNAMESE_LAST
            ):
                return signs | _WORD
            script = two_byte_script(point)
            if script >= 0 and two_byte_script(last) == script and two_byte_script(before) == script:
                return signs | _WORD
        if (point >= 0x80 and _ascii_letter(last)) or (last >= 0x80 and _ascii_letter(point)):
            signs |= _NEXT_TO_A_LETTER
        before, last = last, point
        index += length
    return signs


# What _reading_chars gives where a reading may be long
MAY_BE_LONG: Final = -1


def _reading_chars(data: bytes) -> i64:
    """How many characters all readings of the bytes (see _aligned_reading) can span
    together, at most, or MAY_BE_LONG if one may have MIN_CHARS_ALONE of them, where the
    bytes are of characters of one byte below 0x80 or pairs led by one beyond it.

    A reading is one stretch of UTF-8 beyond ASCII in a row, or part of one, from the
    first character that begins in it, and it may take in the byte below 0x80 after it
    (the second of a pair, or a character of its own: Shift_JIS gives "¥" the byte of a
    backslash).
    """
    char_start: i64 = 0  # where a character begins, at or after the stretch's start
    total: i64 = 0
    for start, end in utf8_stretches(data):
        while char_start < start:
            char_start += 1 if data[char_start] < 0x80 else 2
        chars: i64 = (end - char_start) // 2
        if end < len(data) and data[end] < 0x80:
            chars += 1
        if chars >= MIN_CHARS_ALONE:
            return MAY_BE_LONG
        total += chars
    return total


# A superset codepage gives the characters it shares with its base the same bytes, so
# one search on the superset's bytes answers for both.
_SUPERSET: Final = {"shift_jis": "cp932", "euc_kr": "cp949"}


def _make_searched(names: tuple[str, ...]) -> tuple[tuple[str, Callable[[str, str], tuple[bytes, int]]], ...]:
    """The codepages whose bytes are searched for names, each superset once, with their
    encoders (called directly: str.encode looks the codec up by name at every call)."""
    return tuple((name, codecs.lookup(name).encode) for name in dict.fromkeys(_SUPERSET.get(n, n) for n in names))


_SEARCHED: Final = Remembered(_make_searched)


def _searched(names: tuple[str, ...]) -> tuple[tuple[str, Callable[[str, str], tuple[bytes, int]]], ...]:
    return _SEARCHED.of(names)


def searched_codepages(names: tuple[str, ...]) -> tuple[str, ...]:
    """The codepages whose bytes the check searches for `names` (each superset once)."""
    return tuple(name for name, _ in _searched(names))


def _make_automata(names: tuple[str, ...]) -> Automata:
    """The automata of _searched(names), in its order, run together (loaded on the first
    CJK text)."""
    return together(automata(searched_codepages(names)))


_AUTOMATA: Final = Remembered(_make_automata)


def _automata(names: tuple[str, ...]) -> Automata:
    return _AUTOMATA.of(names)


def _promising(text: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """The codepages whose bytes for `text` read as a UTF-8 word, or as a character beyond
    ASCII beside an ASCII letter where the text has a CJK character glued to one."""
    found: list[str] = []
    beside_a_letter: list[str] = []
    glued: bool | None = None  # whether the text has a CJK character glued to an ASCII letter
    # (in plain Python a loop over the text costs more than encoding and scanning it)
    may_hold = may_hold_words(text, _automata(names)) if COMPILED else -1
    for index, (name, encode) in enumerate(_searched(names)):
        # Bytes the automaton rules out hold no word; where the text has no CJK character
        # glued to a letter, a character beside one counts for nothing.
        if not may_hold >> index & 1:
            if glued is None:
                glued = _glued_to_a_letter(text)
            if not glued:
                continue
        signs = _utf8_reading_signs(encode(text, "replace")[0])
        if signs & _WORD:
            found.append(name)
        elif signs & _NEXT_TO_A_LETTER:
            beside_a_letter.append(name)
    # (the glued search runs only where it can decide)
    if beside_a_letter and (glued if glued is not None else _glued_to_a_letter(text)):
        found += beside_a_letter
    if not found:
        return ()
    return tuple(name for name in names if _SUPERSET.get(name, name) in found)


def candidates(text: str, names: tuple[str, ...]) -> list[DoubleByteCandidate]:
    """Every stretch that reads as UTF-8 through one of the codepages, aligned to its characters.

    A stretch with U+FFFD in it (a byte the codepage could not decode) is read with that
    byte lost: see proven_reading.
    """
    return _candidates(text, names, _promising(text, names))


def _candidates(text: str, all_names: tuple[str, ...], names: tuple[str, ...]) -> list[DoubleByteCandidate]:
    """candidates(), through the promising `names` of `all_names` (and all for lost bytes)."""
    if not names and LOST_CHAR not in text:
        return []
    found: dict[tuple[int, int, str], DoubleByteCandidate] = {}
    for run_match in _NON_ASCII_RUN.finditer(text):
        run = run_match.group()
        if not has_double_byte_output(run):
            continue
        base = run_match.start()
        if LOST_CHAR in run:
            for name in all_names:
                for first, last, replacement, sequences in _lossy_readings(run, name):
                    key = (base + first, base + last, replacement)
                    if key not in found:
                        whole = first == 0 and last == len(run)
                        found[key] = DoubleByteCandidate(
                            base + first, base + last, name, replacement, sequences, whole, False, True
                        )
        for name in names:
            data = run.encode(name, _UNENCODABLE)
            offsets: _Offsets | None = None
            for start, end in utf8_stretches(data):
                offsets = offsets or _Offsets(run, _layout(name))
                reading = _aligned_reading(run, name, data, start, end, offsets)
                if reading is None:
                    continue
                first, last, replacement, sequences, swallowed = reading
                key = (base + first, base + last, replacement)
                if key not in found:
                    whole = first == 0 and last >= len(run)
                    found[key] = DoubleByteCandidate(
                        base + first, base + last, name, replacement, sequences, whole, swallowed
                    )
    return _without_truncated(list(found.values()))


def _all_short_among_cjk(text: str, names: tuple[str, ...]) -> bool:
    """Whether every reading of the text through the codepages is short and has CJK outside
    it, which considered() leaves no reading of: then none need be made. The readings
    are bounded by _reading_chars, all together: where the text has more characters a
    reading could show, one is outside them. (Readings across lost bytes are not.)"""
    if not names or LOST_CHAR in text:
        return False
    searched = dict.fromkeys(_SUPERSET.get(name, name) for name in names)
    # (the bound counts characters beyond ASCII as pairs: see _reading_chars)
    if any(_has_odd_width_chars(text, name) for name in (*names, *searched)):
        return False
    total: i64 = 0
    for name in searched:
        chars = _reading_chars(text.encode(name, "replace"))
        if chars == MAY_BE_LONG:
            return False
        total += chars
    return _more_output_chars_than(text, total)


def _has_odd_width_chars(text: str, name: str) -> bool:
    """Whether the text has a character beyond ASCII that the codepage gives one byte or three."""
    return any(pattern is not None and pattern.search(text) is not None for pattern in _layout(name))


def _more_output_chars_than(text: str, count: i64) -> bool:
    """Whether the text has more than `count` characters such a reading could show."""
    outputs = _output_points()
    seen: i64 = 0
    for index in range(len(text)):
        point: i64 = ord(text[index])
        if point < 0x10000 and outputs[point] == 1:
            seen += 1
            if seen > count:
                return True
    return False


def _without_truncated(items: list[DoubleByteCandidate]) -> list[DoubleByteCandidate]:
    """Drops a base codepage's reading that its superset reads the same way and further.

    Shift_JIS stops where cp932 reads on ("हिन्द" where cp932 reads "हिन्दी", the last
    pair being cp932's only): the shorter reading is the same damage, cut short.
    """
    supersets = [item for item in items if item.codec in _SUPERSET.values()]
    if not supersets:
        return items
    return [
        item
        for item in items
        if not any(
            _SUPERSET.get(item.codec) == wider.codec
            and wider.start <= item.start
            and item.end <= wider.end
            and wider.end - wider.start > item.end - item.start
            and item.replacement in wider.replacement
            for wider in supersets
        )
    ]


def _lossy_readings(run: str, name: str) -> list[tuple[int, int, str, int]]:
    """(first char, end char, replacement, sequences) of each stretch of the run that holds
    a lost byte (U+FFFD, one byte in these decoders) and reads as UTF-8 around it."""
    data = bytearray()
    starts: dict[int, int] = {}
    for index, char in enumerate(run):
        starts[len(data)] = index
        if char == LOST_CHAR:
            data.append(LOST)
            continue
        try:
            data += char.encode(name)
        except UnicodeEncodeError:
            data += b"\x00\x00"
    starts[len(data)] = len(run)
    encoded = bytes(data)
    found = []
    position = 0
    while position < len(encoded):
        reading = proven_reading(encoded, position)
        if reading is None:
            position += 1
            continue
        end, replacement, sequences = reading
        if position in starts and end in starts and LOST_CHAR in replacement and sequences:
            found.append((starts[position], starts[end], replacement, sequences))
        position = max(end, position + 1)
    return found


def proven_reading(data: bytes, start: int) -> tuple[int, str, int] | None:
    """(end, text, sequences) of the longest stretch from `start` that reads as UTF-8 where
    the LOST bytes (0xFF) may be anything.

    What the bytes prove is kept: a whole sequence is its character, a sequence with a
    lost byte is one unknown character (U+FFFD), and lost bytes with no lead before them
    are an unknown number of characters (one U+FFFD).
    """
    pieces: list[str] = []
    sequences = 0
    position = start
    while position < len(data):
        byte = data[position]
        if byte == LOST or (0x80 <= byte <= 0xBF and pieces and pieces[-1] == _UNKNOWN_RUN):
            if not pieces or pieces[-1] != _UNKNOWN_RUN:
                pieces.append(_UNKNOWN_RUN)
            position += 1
            continue
        if not 0xC2 <= byte <= 0xF4:
            break
        size = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
        piece = data[position : position + size]
        if len(piece) < size or any(not (0x80 <= b <= 0xBF or b == LOST) for b in piece[1:]):
            break
        if LOST in piece:
            pieces.append(LOST_CHAR)
        else:
            try:
                pieces.append(piece.decode("utf-8"))
            except UnicodeDecodeError:
                break
            sequences += 1
        position += size
    if position == start:
        return None
    return position, "".join(LOST_CHAR if p == _UNKNOWN_RUN else p for p in pieces), sequences


LOST: Final = 0xFF  # a byte the codepage could not decode, shown as U+FFFD
_UNKNOWN_RUN: Final = "lost bytes"  # a marker in proven_reading's pieces


# One or two characters read as UTF-8 by chance all the time in clean Chinese, Japanese
# or Korean ("圆" is GBK for "Բ", "が" big5 for "ư"). A reading that short is only
# considered where the text around it is not CJK and it is glued to a word of the
# script it reads as ("caf茅", "Peeﾅ橘u"); longer ones always are.
MIN_CHARS_ALONE: Final = 3


def considered(
    text: str, items: list[DoubleByteCandidate]
) -> tuple[list[DoubleByteCandidate], list[DoubleByteCandidate]]:
    """(the candidates worth scoring on their own, short ones that need a witness).

    See MIN_CHARS_ALONE. A short reading that is not glued to a word ("薪械" for
    "не") is worth scoring only if a sure long reading through the same codepage
    vouches for the text (detect_double_byte).
    """
    short = [item for item in items if item.end - item.start < MIN_CHARS_ALONE]
    if not short:
        return items, []
    spans = sorted((item.start, item.end) for item in items)
    position = 0
    cjk_outside = False
    for start, end in spans:
        if start > position and has_double_byte_output(text, position, start):
            cjk_outside = True
            break
        position = max(position, end)
    cjk_outside = cjk_outside or has_double_byte_output(text, position)
    long = [item for item in items if item.end - item.start >= MIN_CHARS_ALONE]
    if cjk_outside:
        # among clean CJK only the pieces of a word that a long reading is part of
        # ("pﾃ､ivﾃ､ﾃ､" for "päivää") may have a witness
        spaces = [match.start() for match in _SPACE.finditer(text)]
        words = {_word_of(text, spaces, item) for item in long}
        return long, [item for item in short if _word_of(text, spaces, item) in words]
    # every reading of a span that one reading is glued by, so that they compete
    glued = {(item.start, item.end) for item in short if _glued_to_a_word(text, item)}
    alone = [item for item in short if (item.start, item.end) in glued]
    return long + alone, [item for item in short if (item.start, item.end) not in glued]


_SPACE: Final = compiled(r"\s")  # what str.isspace() calls whitespace


def _word_of(text: str, spaces: list[int], item: DoubleByteCandidate) -> tuple[int, int]:
    """The whitespace-delimited word the item is in, as (start, end), found by bisection
    in the offsets of the text's whitespace: long unspaced text (CJK) holds many items."""
    before = bisect_left(spaces, item.start) - 1
    after = bisect_left(spaces, item.end)
    return spaces[before] + 1 if before >= 0 else 0, spaces[after] if after < len(spaces) else len(text)


def _glued_to_a_word(text: str, item: DoubleByteCandidate) -> bool:
    """Two or more letters right around the span (before and after together), of a script
    its replacement's letters have, or of any script if it has none (NBSP, punctuation);
    or one, if it makes a word with the replacement, in regular case and of letters some
    language has ("m奪" is Danish "må", but "Vitamin C群" is no "CȺ", "e店" no "eŹ").
    The letters of a printf conversion such as "%lld" are no word. Nor do digits beyond
    ASCII make one with letters: Persian "۳" through EUC-JP is "朿", which in "crème朿afé"
    is a rare character glued to French, not the digit inside a French word."""
    if any(ord(c) >= 0x80 and c.isdecimal() for c in item.replacement):
        return False
    scripts = {script_of(c) for c in item.replacement if category_of(c).startswith("L")}

    def letter(char: str) -> bool:
        return category_of(char).startswith("L") and (not scripts or script_of(char) in scripts)

    start = item.start
    while start > 0 and letter(text[start - 1]):
        start -= 1
    if text[start - 1 : start] == "%":
        start = item.start
    end = item.end
    while end < len(text) and letter(text[end]):
        end += 1
    around = (item.start - start) + (end - item.end)
    if around < 1:
        return False
    word = "".join(c for c in text[start : item.start] + item.replacement + text[item.end : end] if c.isalpha())
    if around >= 2:
        # a longer word may hold letters no catalog has ("Peeŋku"), but damage keeps its
        # case ("ab店" is no "abŹ") and reads into no caseless letter of no language
        # ("AA鴇" is no "AAƾ")
        return regular_case(word) and all(
            c in language_letters() or c.lower() != c.upper() for c in item.replacement if c.isalpha()
        )
    return regular_case(word) and all(
        ord(c) < 0x80 or c in language_letters() for c in word
    )


def _aligned_reading(
    run: str, name: str, data: bytes, start: int, end: int, offsets: _Offsets
) -> tuple[int, int, str, int, bool] | None:
    """(first char, end char, replacement, sequences, swallowed) for the UTF-8 in data[start:end].

    `data` is `run` encoded with the codepage `name`.
    """
    first = offsets.char_index(start)
    if first < 0:  # begins inside a pair: read from the next character on
        first = offsets.char_index(start + 1)
        if first < 0:
            return None
        match = MULTIBYTE_RUN.match(data, start + 1, end)
        if match is None:
            return None
        start, end = match.span()
    last = offsets.char_index(end)
    swallowed = ""
    if last < 0:
        # Ends inside a pair: its second byte is ASCII taken in from after the stretch,
        # or the reading stops at the last whole character.
        if end < len(data) and 0 < data[end] < 0x80 and offsets.char_index(end + 1) >= 0:
            swallowed = chr(data[end])
            last = offsets.char_index(end + 1)
        else:
            while end > start and offsets.char_index(end) < 0:
                end -= 1
            match = MULTIBYTE_RUN.fullmatch(data, start, end) if end > start else None
            if match is None:
                return None
            last = offsets.char_index(end)
    # Some codecs give a few characters other widths than the layout knows (Python's
    # euc_kr spells Hangul outside KS X 1001 with eight bytes): the characters found
    # must encode to exactly these bytes.
    if run[first:last].encode(name, _UNENCODABLE) != data[start : end + len(swallowed)]:
        return None
    piece = data[start:end]
    replacement = piece.decode("utf-8") + swallowed
    sequences = len(piece) - sum(1 for byte in piece if byte < 0xC0)
    return first, last, replacement, sequences, bool(swallowed)


FEATURE_NAMES: Final = (
    "gain",
    "class_gain",
    "gain_per_char",
    "margin",
    "sequences",
    "whole_run",
    "swallowed",
    "replacement_is_clean",
    "replacement_is_rare",
    "replacement_is_lost",
    "replacement_scripts",
    "span_script_elsewhere",
    "replacement_script_elsewhere",
    "ascii_letter_beside",
    "codec_prior",
)


def features(text: str, items: list[DoubleByteCandidate]) -> list[list[float]]:
    """One row of FEATURE_NAMES per candidate; `margin` compares it with overlapping rivals."""
    model = char_model()
    gains = []
    for item in items:
        span, right = text[item.start : item.end], text[item.end : item.end + 1]
        left = text[max(0, item.start - 1) : item.start]
        gain = model.pair_logp(item.replacement, left, right) - model.pair_logp(span, left, right)
        class_gain = model.logp(item.replacement, left, right) - model.logp(span, left, right)
        gains.append((gain, class_gain))
    rivals: list[float | None] = [None] * len(items)
    ordered = sorted(range(len(items)), key=lambda i: items[i].start)
    for position, i in enumerate(ordered):
        for following in range(position + 1, len(ordered)):  # (by index, as in layer_features)
            j = ordered[following]
            if items[j].start >= items[i].end:
                break
            if items[j].replacement != items[i].replacement:
                for a, b in ((i, j), (j, i)):
                    best = rivals[a]
                    rivals[a] = gains[b][0] if best is None else max(best, gains[b][0])
    outside = scripts_outside(text, union_of((item.start, item.end) for item in items))
    rows = []
    for index, item in enumerate(items):
        gain, class_gain = gains[index]
        rival = rivals[index]
        replacement = item.replacement
        letters = {script_of(c) for c in replacement if category_of(c).startswith("L")}
        beside = text[max(0, item.start - 1) : item.start] + text[item.end : item.end + 1]
        rows.append(
            [
                math.asinh(gain),
                math.asinh(class_gain),
                gain / (item.end - item.start),
                math.asinh(gain - rival) if rival is not None else 5.0,
                math.log(item.sequences),
                float(item.whole_run),
                float(item.swallowed),
                0.0 if may_hold_mojibake(replacement, SINGLE_BYTE_CODECS) else 1.0,
                1.0
                if compiled(_RARE_IDEOGRAPHS).search(replacement)
                or has_rare_chars(replacement, UNUSUAL_OR_MARK)
                else 0.0,
                replacement.count(LOST_CHAR) / len(replacement),
                float(len(letters)),
                elsewhere(text[item.start : item.end], outside),
                elsewhere(replacement, outside),
                1.0 if any(ord(c) < 0x80 and c.isalpha() for c in beside) else 0.0,
                math.log(PRIOR_SHARE.get(item.codec, 0.05)),
            ]
        )
    return rows


# Codepages that read the same bytes the same way where both define them: a superset
# counts as its base.
_FAMILY: Final = {superset: base for base, superset in _SUPERSET.items()}
WITNESS_FLOOR: Final = 0.2  # a witnessed reading must be at least this likely on its own


def _family(item: DoubleByteCandidate) -> str:
    return _FAMILY.get(item.codec, item.codec)


def detect_double_byte(
    text: str, names: tuple[str, ...], floor: float, threshold: float, shows_output: bool = False
) -> list[Finding]:
    """The best non-overlapping readings with confidence >= floor, as findings.

    A short reading that needs a witness (see considered) is lifted by the surest
    reading (>= threshold) through the same codepage, as two independent doubts
    (noisy-or): a text read through one wrong codepage is damaged throughout.
    `shows_output` says the caller knows the text has a character such a reading gives
    (see has_double_byte_output), which then is not searched for again.
    """
    if not names or not (shows_output or has_double_byte_output(text)):
        return []
    # fix_text's quick check asks the same of a text as the pipeline that follows it when
    # the check finds readings: they are kept for that one next call with the very same
    # arguments (compared by identity: a long text is not hashed). (Read once, as a copy:
    # another thread may replace them meanwhile.)
    if _kept:
        for seen, seen_names, seen_floor, seen_threshold, kept in _kept[-1:]:
            if seen is text and seen_names is names and seen_floor == floor and seen_threshold == threshold:
                _kept.clear()
                return list(kept)
    readings = _readings(text, names, floor, threshold)
    if readings:
        _kept[:] = [(text, names, floor, threshold, tuple(readings))]
    return readings


_kept: list[tuple[str, tuple[str, ...], float, float, tuple[Finding, ...]]] = []


def _readings(text: str, names: tuple[str, ...], floor: float, threshold: float) -> list[Finding]:
    promising = _promising(text, names)
    # (clean CJK with a CJK character glued to a Latin word shows a few short chance
    # readings: found, aligned and then set aside, they took most of its time)
    if _all_short_among_cjk(text, promising):
        return []
    found = _candidates(text, names, promising)
    if not found:
        return []
    alone, needing_witness = considered(text, found)
    scored = [(_confidence(text, item, row), item) for item, row in zip(alone, features(text, alone))]
    witness: dict[str, float] = {}
    # Per family, the earliest end and the latest start of its sure readings that no other
    # family reads likely too (the same ambiguity repeated vouches for nothing): whether
    # one lies clear of a span is then two comparisons.
    families_by_span: dict[tuple[int, int], set[str]] = {}
    for confidence, item in scored:
        if confidence >= WITNESS_FLOOR:
            families_by_span.setdefault((item.start, item.end), set()).add(_family(item))
    sure_spans: dict[str, tuple[int, int]] = {}
    for confidence, item in scored:
        family = _family(item)
        if confidence >= threshold:
            witness[family] = max(witness.get(family, 0.0), confidence)
            if families_by_span[item.start, item.end] == {family}:
                first_end, last_start = sure_spans.get(family, (item.end, item.start))
                sure_spans[family] = (min(first_end, item.end), max(last_start, item.start))
    lifted = [item for item in needing_witness if _family(item) in witness]
    if lifted:
        everything = alone + lifted
        rows = features(text, everything)[len(alone) :]
        for item, row in zip(lifted, rows):
            own = _confidence(text, item, row)
            if own >= WITNESS_FLOOR:
                best = witness[_family(item)]
                scored.append((1.0 - (1.0 - own) * (1.0 - best), item))
    return _chosen(text, _shared_between_rivals(scored, sure_spans), floor)


def _confidence(text: str, item: DoubleByteCandidate, row: list[float]) -> float:
    replacement = item.replacement
    if _reads_into_no_text(replacement) or (
        _all_output_chars(replacement) and not _likelier_char_by_char(text[item.start : item.end], replacement)
    ):
        return 0.0
    # readings across lost bytes have a model of their own (model/doublebyte_lossy.json)
    return calibrated(row, weights("doublebyte_lossy" if item.lossy else "doublebyte"))


_LETTER_RUN: Final = compiled(r"[^\W\d_]+")


def _reads_into_no_text(replacement: str) -> bool:
    """Whether the reading gives a lower-case letter between two capitals ("ЦһЦ" for clean
    Chinese "笑一笑") or a letter no text has (see has_unwritten_letters): damage reads back
    into the text it was, in its own case and alphabet; a chance reading of clean CJK text
    makes any letters at all. (Names join words in title case, "МакДональд", which keeps
    two lower-case letters.)"""
    if has_unwritten_letters(replacement):
        return True
    for run in _LETTER_RUN.findall(replacement):
        cased = [c for c in run if c.lower() != c.upper()]
        for first, middle, last in zip(cased, cased[1:], cased[2:]):
            if first.isupper() and middle.islower() and last.isupper():
                return True
    return False


# How much likelier, in nats a character by the character model, a reading into CJK
# characters must be than the characters it replaces. Such a reading changes their
# number (three ideographs for two), so the texts' likelihoods reward the shorter: clean
# Chinese "魏先生" as Shift_JIS for "鰐搶" gained 2 nats. Char by char, damage reads from
# rare ideographs into common text ("鏂囧瓧" into "文字": +9 nats a character, +7 or more
# for every reading of catalog words), a chance reading of clean text from common
# ideographs into rare ones (-1 to -2; +0.3 for "德川氏" as Hangul).
PER_CHAR_MARGIN: Final = 1.0


def _all_output_chars(replacement: str) -> bool:
    return _output_pattern().sub("", replacement) == ""


def _likelier_char_by_char(span: str, replacement: str) -> bool:
    model = char_model()
    return model.pair_logp(replacement) / len(replacement) - model.pair_logp(span) / len(span) >= PER_CHAR_MARGIN


def _shared_between_rivals(
    scored: list[tuple[float, DoubleByteCandidate]], sure_spans: dict[str, tuple[int, int]]
) -> list[tuple[float, DoubleByteCandidate]]:
    """Readings of one span through different codepages split its likelihood of being damage.

    Each reading's probability says the span is damage read that way; two readings
    that are each likely (shift_jis and euc_jp read "莪∵唖" as two different pairs of
    ideographs) cannot both be right, so each keeps its share of their sum. A text is
    damaged through one codepage: where a span has a reading through a codepage (family)
    that a sure, uncontested reading elsewhere in the text vouches for, those through
    codepages none vouches for take no share ("脹" is "ı" through EUC-JP beside a sure
    "巽脹", "çı", whatever GBK's "Û" says).
    """

    def vouched(item: DoubleByteCandidate) -> bool:
        found = sure_spans.get(_family(item))
        return found is not None and (found[0] <= item.start or found[1] >= item.end)

    vouched_spans = {(item.start, item.end) for _, item in scored if vouched(item)}
    scored = [
        (confidence, item)
        for confidence, item in scored
        if (item.start, item.end) not in vouched_spans or vouched(item)
    ]
    totals: dict[tuple[int, int], float] = {}
    for confidence, item in scored:
        totals[item.start, item.end] = totals.get((item.start, item.end), 0.0) + confidence
    return [
        (confidence * confidence / totals[item.start, item.end] if confidence else 0.0, item)
        for confidence, item in scored
    ]


def _chosen(text: str, scored: list[tuple[float, DoubleByteCandidate]], floor: float) -> list[Finding]:
    """The surest non-overlapping readings at or above floor."""
    chosen: list[Finding] = []
    taken = DisjointSpans()
    for confidence, item in sorted(scored, key=lambda pair: (-pair[0], pair[1].start)):
        if confidence < floor:
            break
        if not taken.take(item.start, item.end):
            continue
        kind = "unrecoverable" if LOST_CHAR in item.replacement else "mojibake"
        chosen.append(
            new_finding(
                item.start,
                item.end,
                text[item.start : item.end],
                kind,
                ("utf-8", item.codec),
                item.replacement,
                round(confidence, 4),
            )
        )
    return sorted(chosen, key=lambda f: f.start)
