"""Legacy text read with the wrong legacy codepage: "Ïðèâåò" (cp1251 read as cp1252) for "Привет".

No UTF-8 here to lean on: the bytes of the original codepage decode as something in
any other. What tells damage apart is how text looks: "Ïðèâåò" is three or more
Latin-1 letters in a row, which Western text almost never has; koi8-r read as cp1251
("рТЙЧЕФ") flips letter case inside words. Only text that looks like that goes on to
the candidates, each word re-read through every pair of codepages, and the evidence
model (model/legacy.json) weighs how much more plausible the character model finds the
word afterwards, and how many other words of the text the same pair improves.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache, lru_cache
from typing import Final, NamedTuple

from textfix.codecs import DOUBLE_BYTE_CODECS, LEGACY_PAIRS, codepage, decode_defined, encode
from textfix.config import Config
from textfix.findings import Finding, apply_findings, new_finding
from textfix.languages import alphabet, legacy_pairs_for
from textfix.memo import Remembered
from textfix.model.charmodel import char_model
from textfix.model.evidence import UNUSUAL_OR_MARK, Weights, calibrated, has_rare_chars, weights
from textfix.model.latin_grams import reading_fit, reads_better_by, reads_into_unseen_letters
from textfix.model.letters import has_unwritten_letters, letter_sets, non_ascii_letters, regular_case, written_in
from textfix.model.tables import table
from textfix.model.vocabulary import has_common_stem, is_common_word, language_fit
from textfix.native import i64
from textfix.patterns import compiled
from textfix.screen import COMPILED, Need, class_points
from textfix.spans import ascii_outside, union_of
from textfix.utf8 import IS_ASCII, space_at

PAIR_SHARE: Final = {
    pair: share
    for pair, share in zip(
        LEGACY_PAIRS,
        (0.2, 0.08, 0.04, 0.04, 0.08, 0.05, 0.04, 0.04, 0.03, 0.04, 0.03, 0.05, 0.08, 0.04, 0.06, 0.03, 0.03),
    )
}


def _upper_half(name: str) -> str:
    """The characters a codepage shows for bytes 0x80-0xFF (C1 controls for undefined ones)."""
    return "".join(codepage(name).decode(bytes(range(0x80, 0x100))))


def _symbols(chars: str) -> str:
    # Quotes, dashes, spaces and the middle dot sit beside letters in clean text too
    # („Änderung“, "l·l"); the other symbols of the upper half hardly ever do. "ƒ", a
    # letter, counts as a symbol: clean text hardly has it, Shift_JIS read as cp1252 is
    # full of it (the lead byte of katakana).
    return "".join(
        c
        for c in chars
        if (c == "\u0192" or not c.isalpha())
        and c not in "\xa0\xab\xad\xb7\xbb"
        and unicodedata.category(c) not in ("Pi", "Pf", "Ps", "Pe", "Pd", "Zs")
    )


class _Sign(NamedTuple):
    """One mark of misread text, as a regex in two parts: the class of its first
    character, and what must follow (or precede) that character. A sign whose first
    characters are common everywhere (Latin letters) names in `among` the characters
    without which it cannot be there, which one quick search rules out first."""

    first: str
    rest: str
    among: str = ""
    # a condition on the text and the span searched, for a sign that clean text of some
    # kinds shows often
    only_where: Callable[[str, int, int], bool] | None = None
    # what the sign cannot match without (see textfix.screen), if more than a `first`
    needs: tuple[Need, ...] = ()
    # the class of the character after the first one, or before it, in every match, or
    # one the character after it (if any) is never in ("" for none): where the first is
    # common (a Latin-1 letter), the search tries the sign only where its neighbour is so
    # (see _SignStarts; one of the three counts)
    after: str = ""
    before: str = ""
    not_after: str = ""

    def screened_for(self) -> tuple[Need, ...]:
        return self.needs or (Need(self.first),)


_LATIN1_LETTER: Final = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
_WORD_LETTER: Final = "^\\W\\d_"  # (inside a class: a letter)
# (letters for sure, as a class a Need or _SignStarts can read: a final letter has none after it)
_SURE_LETTERS: Final = "A-Za-z" + _LATIN1_LETTER
_LATIN1_RUN: Final = compiled(f"[{_LATIN1_LETTER}]{{3}}")
_A_LETTER: Final = compiled(f"[{_WORD_LETTER}]")
_NOT_A_LETTER: Final = compiled(r"[\W\d_]")


def _uncommon_word_with_a_latin1_run(text: str, start: int, end: int) -> bool:
    return any(not is_common_word(word) for word in _words_with_a_latin1_run(text, start, end))


def _words_with_a_latin1_run(text: str, start: int, end: int) -> Iterator[str]:
    """The words (runs of letters) of text[start:end] with three Latin-1 letters in a row."""
    # (from each run of three out to its word's ends: a search for whole words would try
    # every letter of the text, which in a long text is most of the time)
    position = start
    while (run := _LATIN1_RUN.search(text, position, end)) is not None:
        first = run.start()
        while first > start and _A_LETTER.match(text, first - 1) is not None:
            first -= 1
        after = _NOT_A_LETTER.search(text, run.end(), end)
        position = end if after is None else after.start()
        yield text[first:position]


def _uncommon_and_reads_whole_as_baltic(text: str, start: int, end: int) -> bool:
    # (a final "ë" is Albanian, a final "ø" Danish and Norwegian: it counts in a word no
    # list has, "pakeitimø", or one whose Baltic reading a list has too, "vardø" (Vardø,
    # and Lithuanian "vardų"); a whole Baltic reading of every Albanian line with
    # "menusë" cost as much as sixty clean lines)
    return any(_baltic_sign_word(word) for word in _ending_in(_FINAL_BALTIC_SIGN, text, start, end)) and (
        _reads_whole_through(text, BALTIC_PAIRS)
    )


def _baltic_sign_word(word: str) -> bool:
    if not is_common_word(word):
        return True
    read = reread(word, BALTIC_PAIR[0], BALTIC_PAIR[1])
    return read is not None and is_common_word(read, BALTIC_PAIR[0])


def _reads_whole_as_any(text: str, start: int, end: int) -> bool:
    return _reads_whole_through(text, WHOLE_TEXT_PAIRS)


# (starting with the "ã" itself, which the engine skips to in C)
_FINAL_A_TILDE: Final = compiled(f"ã(?<=[{_WORD_LETTER}]ã)(?![{_WORD_LETTER}])")


# (starting with the "ø" or "ë" itself, after four letters, as the sign has it)
_FINAL_BALTIC_SIGN: Final = compiled(f"[øë](?<=[{_WORD_LETTER}]{{4}}.)(?![{_WORD_LETTER}])")


def _uncommon_and_reads_whole(text: str, start: int, end: int) -> bool:
    return any(
        not is_common_word(word) for word in _ending_in(_FINAL_A_TILDE, text, start, end)
    ) and _reads_whole_as_any(text, start, end)


def _ending_in(final: re.Pattern[str], text: str, start: int, end: int) -> Iterator[str]:
    # (from each final letter back to the start of its word: a search for whole words
    # would try every letter of the text)
    for match in final.finditer(text, start, end):
        first = match.start()
        while first > start and text[first - 1].isalpha():
            first -= 1
        yield text[first : match.end()]


def _reads_whole_through(text: str, pairs: tuple[tuple[str, str], ...]) -> bool:
    # (the sign is searched word by word too, and the answer is the whole text's: the
    # last text's readings are kept, see _read_whole)
    return bool(_read_whole(text, pairs, (), 0.0))


def _cp1252_signs() -> tuple[_Sign, ...]:
    upper = re.escape(_upper_half("cp1252"))
    symbol = re.escape(_symbols(_upper_half("cp1252")))
    letter = _LATIN1_LETTER
    undefined = "".join(c for c in _upper_half("cp1252") if c <= "\x9f")
    return (
        # Baltic text read as cp1252: its commonest endings, "ų" and "ė", as "ø" and "ë"
        # after four letters, "š" and "ž" inside words as "ð" and "þ". Only the whole text
        # tells it from Albanian, Icelandic or Danish, which 2,421 catalog strings show so:
        # the sign holds where the text reads whole as Baltic (see _read_whole).
        _Sign(
            "øë",
            f"(?<=[{_WORD_LETTER}]{{4}}.)(?![{_WORD_LETTER}])",
            only_where=_uncommon_and_reads_whole_as_baltic,
            not_after=_SURE_LETTERS,
        ),
        # Turkish, Romanian and Central European text read so keep their words Latin
        # too, with signs Western text seldom shows ("ð" and "þ" inside a word are
        # Turkish "ğ" and "ş", a word-initial "Ý" is "İ", a final "ã" and "æ" Romanian
        # "ă" and Polish "ć"): they hold where the text reads whole so
        _Sign("ðþ", f"(?<=[{_WORD_LETTER}].)(?=[{_WORD_LETTER}])", only_where=_reads_whole_as_any),
        _Sign("Ý", f"(?<![{_WORD_LETTER}].)(?=[{_WORD_LETTER}])", only_where=_reads_whole_as_any),
        _Sign(
            "æ", f"(?<=[{_WORD_LETTER}].)(?![{_WORD_LETTER}])", only_where=_reads_whole_as_any, not_after=_SURE_LETTERS
        ),
        # (a final "ã" is Portuguese too: it counts in a word no list has, "nevalidã")
        _Sign(
            "ã",
            f"(?<=[{_WORD_LETTER}].)(?![{_WORD_LETTER}])",
            only_where=_uncommon_and_reads_whole,
            not_after=_SURE_LETTERS,
        ),
        # "Ïðèâåò": three Latin-1 letters in a row, which Western text almost never has
        # but for a few common words ("küçük", "üçüncü", Icelandic "Alþýðu")
        _Sign(
            letter,
            f"(?<=[{letter}])[{letter}]{{2}}",
            only_where=_uncommon_word_with_a_latin1_run,
            needs=(Need(letter, letter, 3),),
            after=letter,
        ),
        # "²»Õý¤Ê¥³": a symbol of the upper half glued to another character of it, the
        # mark of double-byte text (lead and trail bytes both high). (Each of these three
        # has a symbol, an undefined byte among them.)
        _Sign(upper, f"[{symbol}]", needs=(Need(symbol),), after=symbol),
        _Sign(symbol, f"[{upper}]", needs=(Need(symbol),), after=upper),
        # "by\x9d" ("byť"): a byte cp1252 leaves undefined, glued to a letter; Central
        # European text has letters there (ť, ś, ź and their capitals)
        _Sign(undefined, f"(?<=[A-Za-z{letter}].)|(?=[A-Za-z{letter}])", needs=(Need(symbol),)),
    )


_CYRILLIC: Final = "\u0400-\u045f\u0490\u0491"
_CYRILLIC_LOWER: Final = "\u0430-\u045f\u0491"
_CYRILLIC_UPPER: Final = "\u0400-\u042f\u0490"
# koi8-r and cp1251 put the two cases of a letter where the other has the opposite
# case, so text in one read with the other flips case inside words ("рТЙЧЕФ") or, from
# lower-case text, turns into words in capitals ("ТБДПЛ"): four capitals in a row are
# looked at, and the case-blind evidence tells an abbreviation from damage. The sign
# starts at the capital, rarer in clean text than the lower-case letter before it.
_CASE_FLIP: Final = _Sign(
    _CYRILLIC_UPPER,
    f"(?<=[{_CYRILLIC_LOWER}].)",
    needs=(Need(_CYRILLIC_LOWER, _CYRILLIC_UPPER, 2),),
    before=_CYRILLIC_LOWER,
)
_CYRILLIC_WORD: Final = compiled(f"[{_CYRILLIC}]{{3,}}")


def _capitals_dominate(text: str, start: int, end: int) -> bool:
    """Whether the text has at least as many Cyrillic words in capitals as in lower case,
    and none in title case.

    Misread lower-case text is nearly all capitals; clean text with a placeholder or two
    in capitals ("записати дані до файла ФАЙЛ") is mostly lower case, and the evidence
    would weigh it for nothing (0.1-0.4 ms a line). Misreading flips the case of every
    letter, so a capitalised word shows in lower case with capitals after ("Файл" as
    "фАЙЛ"): one in title case ("Використання: %s [ПАРАМЕТР]... ФАЙЛ") was not misread.
    """
    # (the answer is the whole text's, and the sign is searched word by word too: the
    # last text's answer is kept, the text compared by identity)
    seen_text, seen = _capitals_seen[0]
    if seen_text is text:
        return seen
    words: list[str] = _CYRILLIC_WORD.findall(text)
    dominate = not any(word.istitle() for word in words) and sum(word.isupper() for word in words) >= sum(
        word.islower() for word in words
    )
    _capitals_seen[0] = (text, dominate)
    return dominate


_capitals_seen: Final[list[tuple[str, bool]]] = [("", False)]


_CAPITALS: Final = _Sign(
    _CYRILLIC_UPPER,
    f"[{_CYRILLIC_UPPER}]{{3}}",
    only_where=_capitals_dominate,
    needs=(Need(_CYRILLIC_UPPER, _CYRILLIC_UPPER, 4),),
    after=_CYRILLIC_UPPER,
)


def _symbol_in_cyrillic_word() -> _Sign:
    # cp866 puts "а"-"п" (0xA0-0xAF) where cp1251 has symbols: "д\xa0©«" is "файл",
    # "¬®¤г«Ё" "модули"; other symbols ("…" after a word) are everyday punctuation
    symbol = re.escape(_symbols(codepage("cp1251").decode(bytes(range(0xA0, 0xB0)))))
    return _Sign(symbol, f"(?<=[{_CYRILLIC}].)|(?=[{_CYRILLIC}])")


# Box drawing, block elements and geometric shapes: what koi8-r shows for cp1251's
# quotes, dashes and NBSP.
_PSEUDOGRAPHICS_START: Final = "\u2500"
_PSEUDOGRAPHICS_END: Final = "\u25ff"


def _pseudographics_in_a_word() -> _Sign:
    # koi8-r puts box drawing where cp1251 has quotes, dashes, NBSP and "ё", "і", "ї",
    # "є": "doesn▓t" is "doesn’t". Clean text draws boxes with them, beside each other
    # and spaces, not inside words.
    shown = codepage("koi8-r").decode(bytes(range(0x80, 0xC0)))
    # (not "°", "²", "©", which koi8-r has there too)
    pseudo = re.escape("".join(c for c in shown if _PSEUDOGRAPHICS_START <= c <= _PSEUDOGRAPHICS_END))
    return _Sign(pseudo, f"(?<=[^\\s{pseudo}].)|(?=[^\\s{pseudo}])")


# What each codepage's view of misread text shows. cp1252 text read as cp1251 keeps its
# ASCII letters, so Cyrillic letters land inside Latin words ("Hфte" for "Hôte").
_SIGNS: Final = {
    "cp1252": _cp1252_signs(),
    "cp1251": (
        _CASE_FLIP,
        _CAPITALS,
        _Sign(
            "A-Za-z",
            f"(?<=[{_CYRILLIC_LOWER}].)|(?=[{_CYRILLIC_LOWER}])",
            among=_CYRILLIC_LOWER,
            needs=(Need(_CYRILLIC_LOWER, "A-Za-z", 2), Need("A-Za-z", _CYRILLIC_LOWER, 2)),
        ),
        _symbol_in_cyrillic_word(),
    ),
    "koi8-r": (_CASE_FLIP, _CAPITALS, _pseudographics_in_a_word()),
}


# The searches of MisreadSigns.found, as bits: `searches` names the ones to run (those a
# Screen of their needs() lets through; the others cannot match).
SIGN_SEARCH: Final = 1
GATED_SEARCH: Final = 2
GRAM_SEARCH: Final = 4
COMMON_SEARCH: Final = 8
ALL_SEARCHES: Final = SIGN_SEARCH | GATED_SEARCH | GRAM_SEARCH | COMMON_SEARCH


def _condition_group(index: int) -> str:
    """The regex group that marks a match of the index-th conditional sign."""
    return f"only_where_{index}"


class MisreadSigns:
    """The signs of several views, searched together.

    It runs on every clean non-ASCII text, so each search starts with a single
    character class, which the regex engine scans for in C; each sign's tail then
    checks that the first character is one of its own. The signs that hold only where
    a condition does are branches of the same search, named, after the others: a match
    of theirs counts once the condition holds.
    """

    def __init__(
        self, signs: Iterable[_Sign], grams: _GramSearch | None = None, common: _CommonReadings | None = None
    ) -> None:
        by_among: dict[str, list[_Sign]] = {}
        self._conditions: dict[str, Callable[[str, int, int], bool]] = {}
        conditional: list[_Sign] = []
        for sign in dict.fromkeys(signs):
            if sign.only_where is None:
                by_among.setdefault(sign.among, []).append(sign)
            else:
                self._conditions[_condition_group(len(conditional))] = sign.only_where
                conditional.append(sign)
        plain = by_among.pop("", [])
        self._plain = self._one_search(plain, conditional) if plain or conditional else None
        self._starts = _SignStarts([*plain, *conditional])
        # (a conditional sign with a neighbour class of its own is not looked for once its
        # condition fails: every capital of "ПАРАМЕТР" begins a sign of capitals)
        bits = self._starts.bits
        self._starts_of_condition = {
            _condition_group(index): bit
            for index, bit in enumerate(bits[len(plain) :])
            if bit != _STARTS_ANY and bits.count(bit) == 1
        }
        self._gated = [(compiled(f"[{among}]"), self._one_search(group)) for among, group in by_among.items()]
        self._grams = grams
        self._common = common
        self._needs = (
            [need for sign in [*plain, *conditional] for need in sign.screened_for()],
            [need for group in by_among.values() for sign in group for need in sign.screened_for()],
            grams.needs() if grams is not None else [],
            [Need(common.changing_class)] if common is not None else [],
        )

    def needs(self) -> tuple[list[Need], list[Need], list[Need], list[Need]]:
        """What each search of found() cannot match without, in the order of their bits
        (SIGN_SEARCH, GATED_SEARCH, GRAM_SEARCH, COMMON_SEARCH)."""
        return self._needs

    @staticmethod
    def _one_search(signs: list[_Sign], conditional: Sequence[_Sign] = ()) -> re.Pattern[str]:
        first = "".join(dict.fromkeys(sign.first for sign in [*signs, *conditional]))
        tails = [f"(?<=[{sign.first}])(?:{sign.rest})" for sign in signs]
        tails += [
            f"(?<=[{sign.first}])(?P<{_condition_group(index)}>{sign.rest})" for index, sign in enumerate(conditional)
        ]
        return compiled(f"[{first}](?:{'|'.join(tails)})")

    def found(self, text: str, start: int = 0, end: int = sys.maxsize, searches: int = ALL_SEARCHES) -> bool:
        if searches & SIGN_SEARCH and self._plain is not None and self._plain_found(text, start, end):
            return True
        if searches & GATED_SEARCH:
            for among, pattern in self._gated:
                if among.search(text) is not None and pattern.search(text, start, end) is not None:
                    return True
        if searches & GRAM_SEARCH and self._grams is not None and self._grams.found(text, start, end):
            return True
        return bool(searches & COMMON_SEARCH) and self._common is not None and self._common.found(text, start, end)

    def _plain_found(self, text: str, start: int, end: int, by_loop: bool = COMPILED) -> bool:
        """Whether a plain sign, or a conditional one whose condition holds, matches in
        text[start:end]: by the search's regex from each place a sign may start (see
        _SignStarts; compiled, a loop over the text), or else by its own search."""
        plain = self._plain
        assert plain is not None
        failed: set[str] = set()  # conditions that do not hold here (they are on the whole span)
        limit = min(end, len(text))
        position = start
        signs: i64 = -1
        while True:
            if by_loop:
                position = self._starts.next_start(text, position, limit, signs)
                if position < 0:
                    return False
                match = plain.match(text, position, limit)
                if match is None:
                    position += 1
                    continue
            else:
                match = plain.search(text, position, limit)
                if match is None:
                    return False
            condition = match.lastgroup
            if condition is None:
                return True
            if condition not in failed:
                if self._conditions[condition](text, start, end):
                    return True
                failed.add(condition)
                signs &= ~self._starts_of_condition.get(condition, 0)
            # (from the next character: a match there may overlap this one)
            position = match.start() + 1


# A character that begins a sign with no neighbour class (see _SignStarts).
_STARTS_ANY: Final = 1
# Distinct neighbour classes a table tells apart, a bit each beside _STARTS_ANY: a sign
# with another one starts wherever its first character is.
_NEIGHBOUR_CLASSES: Final = 7


class _Neighbour(NamedTuple):
    """What a sign's first character has beside it in every match (see _Sign)."""

    after: bool  # the character after it (else the one before)
    chars: str  # a class body
    outside: bool  # not in the class (or no character there), rather than in it


def _neighbour(sign: _Sign) -> _Neighbour | None:
    if sign.after:
        return _Neighbour(True, sign.after, False)
    if sign.before:
        return _Neighbour(False, sign.before, False)
    return _Neighbour(True, sign.not_after, True) if sign.not_after else None


class _SignStarts:
    """Where a sign of a plain search may start, as a table by code point: two bytes, the
    first with the bits of the signs the character may begin (_STARTS_ANY, or the bit of
    the sign's neighbour class), the second with the bits of the neighbour classes the
    character is in. A regex search stops at each character of its first class, every
    Latin-1 letter among them, and tries every branch there (half a microsecond each):
    most Latin text has a few such letters a line and no sign."""

    def __init__(self, signs: Sequence[_Sign]) -> None:
        neighbours: list[_Neighbour] = []  # bit 1 << (1 + index)
        bits: list[int] = []
        for sign in signs:
            neighbour = _neighbour(sign)
            if neighbour is not None and neighbour not in neighbours and len(neighbours) < _NEIGHBOUR_CLASSES:
                neighbours.append(neighbour)
            bits.append(1 << (1 + neighbours.index(neighbour)) if neighbour in neighbours else _STARTS_ANY)
        self.bits = bits  # each sign's, in order
        ranges = [(class_points(sign.first), bit, 0) for sign, bit in zip(signs, bits)]
        ranges += [(class_points(neighbour.chars), 1 << (1 + index), 1) for index, neighbour in enumerate(neighbours)]
        size = 1 + max((last for points, _, _ in ranges for _, last in points), default=0)
        table = bytearray(2 * size)
        for points, bit, offset in ranges:
            for first, last in points:
                for point in range(first, last + 1):
                    table[2 * point + offset] |= bit
        self._table = bytes(table)
        self._size: i64 = size

        def bits_of(after: bool, outside: bool) -> i64:
            return sum(
                1 << (1 + index)
                for index, neighbour in enumerate(neighbours)
                if neighbour.after == after and neighbour.outside == outside
            )

        self._after = bits_of(True, False)
        self._before = bits_of(False, False)
        self._not_after = bits_of(True, True)

    def next_start(self, text: str, start: i64, end: i64, signs: i64 = -1) -> i64:
        """Where in text[start:end] (end at most len(text)) the first character is that
        may begin one of the `signs` (bits), -1 if none is: one of a first class, with its
        neighbour in the sign's class, or out of it, where the sign has one (the one before
        may lie before `start`, as a regex's look behind sees it)."""
        table = self._table
        size = self._size
        index: i64 = start
        while index < end:
            point: i64 = ord(text[index])
            if point < size:
                kinds: i64 = table[2 * point] & signs
                if kinds:
                    if kinds & _STARTS_ANY:
                        return index
                    following: i64 = ord(text[index + 1]) if index + 1 < end else -1
                    after: i64 = kinds & self._after
                    if after and 0 <= following < size and table[2 * following + 1] & after:
                        return index
                    not_after: i64 = kinds & self._not_after
                    if not_after and (
                        following < 0 or following >= size or (table[2 * following + 1] & not_after) != not_after
                    ):
                        return index
                    before: i64 = kinds & self._before
                    if before and index > 0:
                        preceding: i64 = ord(text[index - 1])
                        if preceding < size and table[2 * preceding + 1] & before:
                            return index
            index += 1
        return -1


# An anchor with no more grams than this is screened for by the grams' pairs, not alone.
_FEW_GRAMS: Final = 5


# A gram's letters beside its anchor, as bits of one byte per anchor and letter (pairs)
# or per anchor and two letters (triples).
_BEFORE: Final = 1  # pair: the letter before the anchor; triple: the letters before and after it
_AFTER: Final = 2  # pair: the letter after it; triple: the two letters after it
_TWO_BEFORE: Final = 4  # triple: the two letters before it


class _GramTables(NamedTuple):
    """The grams as tables (see _GramSearch): by code point, each gram letter's number
    and each anchor's (from 1; 0 for none), and the bits of the pairs and triples."""

    letters: bytes
    anchors: bytes
    width: int  # letter numbers, 0 included
    pairs: bytes  # at anchor * width + letter
    triples: bytes  # at (anchor * width + letter) * width + letter


class _GramSearch:
    """The letter grams of misread Latin text (see MISREAD_GRAMS_SHOWN_AS), keyed by
    their rarest letter. At each anchor the letters on either side are looked up in
    tables of the grams: a regex of them all, with a branch per anchor, took three times
    as long (and tens of milliseconds to compile). The tables are built on the first
    text with an anchor: the first call on "cafÃ©" never pays for them."""

    def __init__(self, grams_by_anchor: Mapping[str, Sequence[str]]) -> None:
        self._grams_by_anchor = grams_by_anchor
        self._anchors = compiled(f"[{self._class_body(grams_by_anchor)}]")
        self._tables: _GramTables | None = None

    def needs(self) -> list[Need]:
        """What a match cannot be without, for a Screen: an anchor of many grams, or a
        pair of one of the few grams of the others. Some anchors have a gram or two ("á"
        only "eáp") and are common in clean text, which then needs no search."""
        rich = [anchor for anchor, found in self._grams_by_anchor.items() if len(found) > _FEW_GRAMS]
        firsts: set[str] = set()
        seconds: set[str] = set()
        for anchor, found in self._grams_by_anchor.items():
            if len(found) <= _FEW_GRAMS:
                for gram in found:
                    # the anchor and the letter before it, or after it where it comes first
                    index = max(gram.index(anchor), 1)
                    firsts.add(gram[index - 1])
                    seconds.add(gram[index])
        needs = [Need(self._class_body(rich))] if rich else []
        if firsts:
            needs.append(Need(self._class_body(firsts), self._class_body(seconds), 2))
        return needs

    def found(self, text: str, start: int, end: int) -> bool:
        """Whether a gram's anchor in text[start:end] has its gram around it (letters
        before `start` count, as a regex's look behind sees them; none from `end` on)."""
        tables = self._tables
        if tables is None:
            if self._anchors.search(text, start, end) is None:
                return False
            tables = self._tables = self._built()
        if COMPILED:
            return _gram_by_loop(text, start, min(end, len(text)), tables)
        return self._gram_by_regex(text, start, end, tables)

    def _gram_by_regex(self, text: str, start: int, end: int, tables: _GramTables) -> bool:
        """found() in plain Python: the regex engine finds the anchors, in C (compiled, a
        loop over the code points is three times quicker)."""
        limit = min(end, len(text))
        numbers = tables.anchors
        found = self._anchors.finditer(text, start, end)
        return any(_gram_around(text, at.start(), numbers[ord(at.group())], limit, tables) for at in found)

    @staticmethod
    def _class_body(chars: Iterable[str]) -> str:
        return re.escape("".join(sorted(set(chars))))

    def _built(self) -> _GramTables:
        letters = sorted({char for found in self._grams_by_anchor.values() for gram in found for char in gram})
        width = len(letters) + 1
        letter_numbers = bytearray(max(map(ord, letters)) + 1)
        for number, letter in enumerate(letters, 1):
            letter_numbers[ord(letter)] = number
        anchor_numbers = bytearray(max(map(ord, self._grams_by_anchor)) + 1)
        pairs = bytearray((len(self._grams_by_anchor) + 1) * width)
        triples = bytearray(len(pairs) * width)
        for number, (anchor, found) in enumerate(self._grams_by_anchor.items(), 1):
            anchor_numbers[ord(anchor)] = number
            row = number * width
            for gram in found:
                first, second, *third = (letter_numbers[ord(char)] for char in gram)
                if not third:
                    # (a pair of the anchor twice is both)
                    if gram[1] == anchor:
                        pairs[row + first] |= _BEFORE
                    if gram[0] == anchor:
                        pairs[row + second] |= _AFTER
                elif gram[1] == anchor:
                    triples[(row + first) * width + third[0]] |= _BEFORE
                elif gram[0] == anchor:
                    triples[(row + second) * width + third[0]] |= _AFTER
                else:
                    triples[(row + first) * width + second] |= _TWO_BEFORE
        return _GramTables(bytes(letter_numbers), bytes(anchor_numbers), width, bytes(pairs), bytes(triples))


def _gram_by_loop(text: str, start: i64, limit: i64, tables: _GramTables) -> bool:
    """found(), compiled: the anchors found in one loop over the code points."""
    anchors = tables.anchors
    size: i64 = len(anchors)
    index: i64 = start
    while index < limit:
        point: i64 = ord(text[index])
        anchor: i64 = anchors[point] if point < size else 0
        if anchor and _gram_around(text, index, anchor, limit, tables):
            return True
        index += 1
    return False


def _gram_around(text: str, index: i64, anchor: i64, limit: i64, tables: _GramTables) -> bool:
    """Whether the anchor at text[index] (its number: `anchor`) has a gram of its own
    around it (see _GramSearch.found)."""
    letters = tables.letters
    width: i64 = tables.width
    pairs = tables.pairs
    triples = tables.triples
    row: i64 = anchor * width
    before = _gram_letter(text, index - 1, limit, letters)
    after = _gram_letter(text, index + 1, limit, letters)
    if pairs[row + before] & _BEFORE or pairs[row + after] & _AFTER:
        return True
    if triples[(row + before) * width + after] & _BEFORE:
        return True
    if after and triples[(row + after) * width + _gram_letter(text, index + 2, limit, letters)] & _AFTER:
        return True
    return bool(before) and bool(
        triples[(row + _gram_letter(text, index - 2, limit, letters)) * width + before] & _TWO_BEFORE
    )


def _gram_letter(text: str, index: i64, limit: i64, letters: bytes) -> i64:
    """The gram letter number of text[index] (0 for none, or beyond the text or `limit`)."""
    if index < 0 or index >= limit:
        return 0
    point: i64 = ord(text[index])
    return letters[point] if point < len(letters) else 0


_NON_ASCII: Final = compiled("[^\x00-\x7f]")


# A character's role in _CommonReadings._first_changing_and_settled, beside the bits of the letter
# sets that have it: no letter with a case, or a letter the shown codepage lacks.
_NO_LETTER: Final = -1
_NOT_SHOWN: Final = -2
_UNKNOWN_ROLE: Final = -3
# Roles are kept by code point for the Basic Multilingual Plane (a list read by index:
# a dict of int keys boxed each code point beyond 256 and hashed it), worked out each time
# beyond it. Words each text looks up (see _CommonReadings.found) are kept in a dict,
# emptied when it holds this many.
_ROLES_TABLED: Final = 0x10000
_WORDS_KEPT: Final = 1 << 14


class _CommonReadings:
    """Words that are no common word but read into one through a Latin pair: "dosyasý"
    is "dosyası" (cp1254). Misread Turkish shows "ý", "þ" and "ð" in company Icelandic
    keeps too, so no letter gram gives it away; the vocabulary does. Only words holding
    a letter the pairs change are looked up, each once (remembered): clean text in
    Western languages has few such words that are not common themselves. Inflected words
    are seldom common: letters that no language shown_as writes has together, but one of
    an original's does once read ("ç", "ð" and "ý" as "ç", "ğ" and "ı"), are a sign too."""

    def __init__(self, originals: Iterable[str], shown_as: str) -> None:
        self._originals = tuple(sorted(originals))
        self._shown_as = shown_as
        upper = _upper_half(shown_as)
        changing = "".join(
            c for c, *read in zip(upper, *(_upper_half(name) for name in self._originals)) if any(r != c for r in read)
        )
        self.changing_class = re.escape(changing)
        self._changing = compiled(f"[{self.changing_class}]")
        # (each original's own changing letters, by code point: a word reads as itself
        # through an original that changes none of its letters, and is not decoded there)
        self._changes_by_original = tuple(
            (name, _point_table({c for c, r in zip(upper, _upper_half(name)) if r != c})) for name in self._originals
        )
        # (and as a table by code point, for the loop over a text's words)
        self._changing_points = _point_table(changing)
        self._shown_letters = non_ascii_letters(upper)
        self._letter_sets = letter_sets(shown_as)
        self._roles: list[int] = [_UNKNOWN_ROLE] * _ROLES_TABLED
        self._words_read: dict[str, bool] = {}
        self._chars_of_an_original = lru_cache(maxsize=1 << 12)(self._chars_uncached)

    def found(self, text: str, start: int, end: int) -> bool:
        # (native integers: compiled, the loops do no boxed arithmetic; by code point, as
        # they read no character into a string of its own)
        limit: i64 = min(end, len(text))
        low: i64 = start
        # (in plain Python, where the screen does not run, the regex engine rules out text
        # with no changing letter before a loop reads it)
        if not COMPILED and self._changing.search(text, low, limit) is None:
            return False
        index, settled = self._first_changing_and_settled(text, low, limit)
        if index < 0:
            return False
        # Most text is settled by its letters one by one (see _first_changing_and_settled);
        # else by its distinct non-ASCII characters alone, so remembered by them: texts of
        # one language share their few accented letters.
        if not settled and self._chars_of_an_original(frozenset(_NON_ASCII.findall(text, low, limit))):
            return True
        # Each word (as str.split() cuts them) with a changing letter, once: the others
        # read into nothing else. (From letter to letter, the words found by looking for
        # the spaces around it: a regex for such words was tried at every position.)
        table = self._changing_points
        size: i64 = len(table)
        while index < limit:
            point: i64 = ord(text[index])
            if point >= size or not table[point]:
                index += 1
                continue
            first: i64 = index
            last: i64 = index
            while first > low and not space_at(text, first - 1):
                first -= 1
            while last < limit and not space_at(text, last):
                last += 1
            # (the words are remembered whole, the test for a changing letter included)
            if self._reads_into_common_word(text[first:last]):
                return True
            index = last
        return False

    def _first_changing_and_settled(self, text: str, start: i64, end: i64) -> tuple[i64, bool]:
        """In one pass over text[start:end]: where its first changing letter is (-1 if it
        has none), and whether its letters alone rule out _chars_uncached (see there): a
        letter the shown codepage lacks, or all of them written by a language of the
        shown codepage. Each letter's role, the letter sets of shown_as that have it, is
        remembered."""
        table = self._changing_points
        size: i64 = len(table)
        roles = self._roles
        first_changing: i64 = -1
        lacking = False  # a letter the shown codepage lacks
        shared: i64 = (1 << len(self._letter_sets)) - 1  # the letter sets that have every letter so far
        index: i64 = start
        while index < end:
            point: i64 = ord(text[index])
            index += 1
            if point < 0x80:
                continue
            if first_changing < 0 and point < size and table[point]:
                first_changing = index - 1
                if lacking:
                    break
            if lacking:
                continue
            if point < _ROLES_TABLED:
                role: i64 = roles[point]
                if role == _UNKNOWN_ROLE:
                    role = roles[point] = self._role(chr(point))
            else:
                role = self._role(chr(point))
            if role == _NOT_SHOWN:
                lacking = True
                if first_changing >= 0:
                    break
            elif role != _NO_LETTER:
                shared &= role
        return first_changing, lacking or shared != 0

    def _role(self, char: str) -> int:
        letters = non_ascii_letters(char)
        if not letters:
            return _NO_LETTER
        if not letters <= self._shown_letters:
            return _NOT_SHOWN
        return sum(1 << index for index, letter_set in enumerate(self._letter_sets) if letters <= letter_set)

    def _chars_uncached(self, chars: frozenset[str]) -> bool:
        text = "".join(sorted(chars))
        letters = non_ascii_letters(text)
        if not letters <= self._shown_letters or written_in(letters, self._shown_as):
            return False
        for original in self._originals:
            table = _reading_table(original, self._shown_as)
            # a letter read as a symbol ("ž" as "˛") or as an undefined byte: not that codepage
            if any(not table.get(ord(letter), letter).isalpha() for letter in letters):
                continue
            read = _letters_as_read(text, original, self._shown_as)
            if read != letters and written_in(read, original):
                return True
        return False

    def _reads_into_common_word(self, word: str) -> bool:
        words_read = self._words_read
        known = words_read.get(word)
        if known is None:
            if len(words_read) >= _WORDS_KEPT:
                words_read.clear()
            known = words_read[word] = self._uncached(word)
        return known

    def _uncached(self, word: str) -> bool:
        # (two letters read into a common word are chance: Albanian "në" is Lithuanian "nė")
        if not _holds_a_point_of(word, self._changing_points) or not _three_letters(word):
            return False
        # (the word's bytes as shown are the same for every original: encoded once, as
        # reread would encode them for each)
        data = encode(codepage(self._shown_as), word)
        if data is None:
            return False
        # The readings are looked up before the word itself: most words of clean text are
        # common and read into nothing listed, which the vocabulary's filter tells at half
        # the cost of finding a listed word.
        for original, changes in self._changes_by_original:
            if not _holds_a_point_of(word, changes):
                continue
            read = _read_as(data, original)
            if read is not None and read != word and is_common_word(read, original):
                return not is_common_word(word)
        return False


def _point_table(chars: Iterable[str]) -> bytes:
    """A byte for each code point up to the highest of `chars`: 1 for theirs."""
    points = {ord(char) for char in chars}
    return bytes(point in points for point in range(max(points, default=-1) + 1))


def _holds_a_point_of(word: str, table: bytes) -> bool:
    """Whether a character of the word has a 1 in the table (see _point_table)."""
    size = len(table)
    for char in word:
        point = ord(char)
        if point < size and table[point]:
            return True
    return False


def _three_letters(word: str) -> bool:
    """Whether the word has three letters or more (counted up to the third)."""
    letters = 0
    for char in word:
        if char.isalpha():
            letters += 1
            if letters == 3:
                return True
    return False


@cache
def _misread_grams() -> _GramSearch:
    # one for every view that shows cp1252, compiled once
    return _GramSearch(table("misread_grams")["grams_by_anchor"])


@cache
def _looks_misread_in_any(shown: frozenset[str]) -> MisreadSigns:
    if MISREAD_GRAMS_SHOWN_AS not in shown:
        return MisreadSigns(sign for name in sorted(shown) for sign in _SIGNS[name])
    return MisreadSigns((sign for name in sorted(shown) for sign in _SIGNS[name]), _misread_grams(), _common_readings())


@cache
def _common_readings() -> _CommonReadings:
    return _CommonReadings(LATIN_ORIGINALS, MISREAD_GRAMS_SHOWN_AS)


# Central European, Turkish and Baltic text read as cp1252 stays Latin ("znaèka" is
# "značka" through cp1250): no symbol or case oddity shows, only letters in company that
# Western text never keeps ("aè", "¿n"). scripts/build_misread_grams.py finds such pairs
# and triples; these cp1252 symbols count as letters in them, being letters misread.
MISREAD_GRAMS_SHOWN_AS: Final = "cp1252"
LATIN_ORIGINALS: Final = frozenset({"cp1250", "cp1254", "cp1257"})  # Latin text that the grams are for
MISREAD_GRAM_LETTERS: Final = "¿³¹¾º¼½²ª¡¢£¥¨¯¸ˆ˜"


def _make_looks_misread(name: str) -> MisreadSigns:
    return _looks_misread_in_any(frozenset((name,)))


# (asked for each codepage a text may be shown in, several times a text: by name, not by
# a set made and hashed each time)
_LOOKS_MISREAD: Final = Remembered(_make_looks_misread)


def _looks_misread(name: str) -> MisreadSigns:
    return _LOOKS_MISREAD.of(name)


# Whitespace never falls inside a character of these codepages, ASCII punctuation can
# (the second byte of a GBK or Shift_JIS character): words run from space to space.
# (an NBSP included: it is what cp1251 shows for the most common letter of cp866, "а")
# A word holds a character beyond ASCII, whitespace beyond ASCII too ("\u202f", which may
# then begin a word or join two): the spans of the regex [\S\xa0]*[^\x00-\x7f][\S\xa0]*,
# found by a compiled loop over the characters (see word_spans).


def word_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the text's words: runs of characters other than whitespace (an NBSP
    is one) that hold a character beyond ASCII, a run followed by whitespace beyond ASCII
    taking it and the run after it in. (As the regex above finds them, in one pass: the
    regex, tried where a word can begin, went to the end of every ASCII word and back.)"""
    spans: list[tuple[int, int]] = []
    size: i64 = len(text)
    position: i64 = 0
    while position < size:
        end: i64 = position
        beyond = False
        while end < size and _in_a_word(text, end):
            if ord(text[end]) >= 0x80:
                beyond = True
            end += 1
        if end < size and ord(text[end]) >= 0x80:
            # whitespace beyond ASCII right after the run (or alone): it, and the run after it
            last: i64 = end + 1
            while last < size and _in_a_word(text, last):
                last += 1
            spans.append((position, last))
            position = last
        elif beyond:
            spans.append((position, end))
            position = end
        else:
            position = end + 1
    return spans


def _in_a_word(text: str, index: i64) -> bool:
    """Whether text[index] is no whitespace, or an NBSP (what [\\S\\xa0] matches)."""
    return not space_at(text, index) or text[index] == "\xa0"


Spans = Sequence[tuple[int, int]]


class LegacyCandidate(NamedTuple):
    start: int
    end: int
    original: str  # the codepage the text was written in
    shown_as: str  # the codepage it was read with
    replacement: str


def _make_misread_signs(pairs: tuple[tuple[str, str], ...]) -> MisreadSigns:
    """The signs of text misread in one of the codepages the pairs show text in."""
    return _looks_misread_in_any(frozenset(shown for _, shown in pairs))


_MISREAD_SIGNS: Final = Remembered(_make_misread_signs)


def misread_signs(pairs: tuple[tuple[str, str], ...]) -> MisreadSigns:
    return _MISREAD_SIGNS.of(pairs)


def may_hold_legacy_mojibake(text: str, pairs: tuple[tuple[str, str], ...], searches: int = ALL_SEARCHES) -> bool:
    """Whether `text` looks misread in one of the codepages the pairs show text in (by
    the `searches` of misread_signs(pairs) named: the others are known to find nothing)."""
    return misread_signs(pairs).found(text, searches=searches)


_MULTI_BYTE: Final = frozenset({"gbk", "big5", "shift_jis", "euc_jp", "euc_kr"})


def reread(word: str, original: str, shown_as: str) -> str | None:
    """`word` as the text it was in `original` before it was read with `shown_as`, if it decodes."""
    data = encode(codepage(shown_as), word)
    return None if data is None else _read_as(data, original)


def _read_as(data: bytes, original: str) -> str | None:
    """Bytes decoded with `original`, if they decode."""
    if original in _MULTI_BYTE:
        # (each sequence the codec refuses is U+FFFD, which none it accepts decodes to: a
        # refusal without an exception, which cost more than the decoding)
        decoded = data.decode(original, "replace")
        return None if "\ufffd" in decoded else decoded
    return decode_defined(original, data)


def candidates(
    text: str,
    pairs: tuple[tuple[str, str], ...],
    hinted: bool = False,
    explained: Spans = (),
    gains: _Gains | None = None,
) -> list[LegacyCandidate]:
    """Every word re-read through every pair worth reading the text with: every pair, when
    the pairs come from a language hint; else see _pairs_to_read (which weighs words
    with `gains`, if given, for the caller to weigh them again at no cost)."""
    words = [(start, end) for start, end in _words(text) if _JOINED_DRAWING.search(text, start, end) is None]
    if not hinted:
        pairs = _pairs_to_read(text, words, pairs, explained, gains or _Gains())
    found = []
    for start, end in words:
        word = text[start:end]
        for original, shown_as in pairs:
            replacement = reread(word, original, shown_as)
            # (a reading into letters no text has is no reading, see has_unwritten_letters)
            if replacement is not None and replacement != word and not has_unwritten_letters(replacement):
                found.append(LegacyCandidate(start, end, original, shown_as, replacement))
    return found


# Box drawing that joins up is a drawing, not a word: a line beside another box
# character ("└─", "├──┼", "│┌") or one character thrice ("═══"). Text misread as koi8-r
# shows a box character for one of cp1251's quotes, dashes or rarer letters ("doesn▓t"
# is "doesn’t", "НА▓╨ЙР" Ukrainian "об’єкт"), but the lines stand for Serbian "Ђ" and
# Macedonian "Ѓ", which no punctuation touches. Trees, tables and frames in logs, docs
# and code are full of such pairs. (Three different ones in a row are French quotes and
# no-break spaces, "═╩═" for "\xa0»\xa0".)
_LINES: Final = "\u2500-\u250b"  # light and heavy lines, whole and dashed
_BOX: Final = "[\u2500-\u259f]"  # box drawing and block elements
_JOINED_DRAWING: Final = compiled(f"[{_LINES}]{_BOX}|{_BOX}[{_LINES}]|({_BOX})\\1\\1")


def _pairs_to_read(
    text: str, words: list[tuple[int, int]], pairs: tuple[tuple[str, str], ...], explained: Spans, gains: _Gains
) -> tuple[tuple[str, str], ...]:
    """The pairs whose shown codepage the text looks misread in, and that make at least one
    word looking so more plausible.

    The whole text must be in the shown codepage too, as text decoded with it is: one
    with characters the codepage lacks ("the Հայաստան the сГесГР", UTF-8 read as cp866
    beside clean Armenian) is something else. Without a hint the text was let in for
    looking misread, so the evidence must come from where it looks so: a pair that makes
    every such word worse is not the damage, and its other words (most of them, in clean
    text) need not be weighed. A word that `explained` spans (sure UTF-8 repairs) cover
    is damage of another kind: how it looks says nothing of the rest.
    """
    kept = []
    for shown_as in dict.fromkeys(shown for _, shown in pairs):
        view = _looks_misread(shown_as)
        if not view.found(text) or encode(codepage(shown_as), text) is None:
            continue
        # (a word met again between the same spaces reads the same: weighed once)
        flagged: dict[tuple[str, str, str], tuple[int, int]] = {}
        for start, end in words:
            if view.found(text, start, end) and not non_ascii_covered(text, start, end, explained):
                flagged.setdefault((text[start:end], *_context(text, start, end)), (start, end))
        for pair in pairs:
            if pair[1] == shown_as and any(
                _improves(gains, text, start, end, pair[0], pair[1]) for start, end in flagged.values()
            ):
                kept.append(pair)
    return tuple(kept)


def all_explained(text: str, explained: Spans) -> bool:
    """Whether the spans cover every non-ASCII character of the text."""
    return bool(explained) and ascii_outside(text, union_of(explained))


def non_ascii_covered(text: str, start: int, end: int, explained: Spans) -> bool:
    """Whether the spans cover every non-ASCII character of text[start:end]. (Chance UTF-8
    readings of two or three characters inside legacy words, "Ð™" in GBK text, do not.)"""
    if not explained:
        return False
    covered = [False] * (end - start)
    for first, last in explained:
        for index in range(max(first, start), min(last, end)):
            covered[index - start] = True
    return all(done or ord(char) < 0x80 for done, char in zip(covered, text[start:end]))


def _improves(gains: _Gains, text: str, start: int, end: int, original: str, shown_as: str) -> bool:
    """Whether the word re-read through the pair is more plausible, and proves something."""
    word = text[start:end]
    replacement = reread(word, original, shown_as)
    if replacement is None or replacement == word:
        return False
    # (whether the word proves anything is asked last: most re-read clean words read
    # worse, and the answer is then no without it)
    if original in LATIN_ORIGINALS and _read_into_common_word(word, replacement, original):
        return not _no_evidence(word, replacement)
    # (arguments spelled out, here and below: compiled, a call with *args goes through
    # Python's calling protocol)
    left, right = _context(text, start, end)
    return gains.of(word, replacement, left, right) > 0 and not _no_evidence(word, replacement)


def _read_into_common_word(word: str, replacement: str, original: str) -> bool:
    # (the vocabulary is of Latin-script words: only readings between two Latin
    # codepages are weighed with it, which leaves the other pairs' evidence as it was)
    return is_common_word(replacement, original) and not is_common_word(word)


# A printf directive glued to a word ("%liс", "%2uм": seconds, minutes) is not part of
# it: its letters beside Cyrillic ones are no Latin word with misread letters in it.
_PRINTF: Final = compiled(r"%[-+ #0'.\d*]*(?:hh|ll|[hlLqjzt])?(?:p[A-Za-z]|[a-zA-Z])")


def _words(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word with a non-ASCII character, printf directives cut off."""
    words: list[tuple[int, int]] = []
    for start, end in word_spans(text):
        if text.find("%", start, end) < 0:
            # (no directive to cut off, and the word holds a character beyond ASCII)
            words.append((start, end))
            continue
        for directive in _PRINTF.finditer(text, start, end):
            if not IS_ASCII(text[start : directive.start()]):
                words.append((start, directive.start()))
            start = directive.end()
        if not IS_ASCII(text[start:end]):
            words.append((start, end))
    return words


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """The characters either side of a word from _words, for the character model: the
    whitespace it stands between, but none where a printf directive was cut off ("%u中"
    is "%u" then "中": the directive's letter says nothing of the letter after it)."""
    left, right = text[max(0, start - 1) : start], text[end : end + 1]
    return (left if left.isspace() else ""), (right if right.isspace() else "")


FEATURE_NAMES: Final = (
    "total_gain",
    "gain_per_char",
    "improved_share",
    "words",
    "margin",
    "looks_misread_share",
    "replacement_is_rare",
    "all_caps_share",
    "worsened_share",
    "pair_prior",
    "alphabet_fixed_share",
    "alphabet_broken_share",
    "known_before_share",
    "known_after_share",
    "language_fit",
    "letters_fit",
    "language_model_fit",
    "language_model_margin",
)


class PairReading(NamedTuple):
    """One pair of codepages read over the whole text: the words it improves, and how much."""

    original: str
    shown_as: str
    words: list[LegacyCandidate]  # the words whose re-reading is more plausible
    features: list[float]


def pair_readings(
    text: str,
    pairs: tuple[tuple[str, str], ...],
    hinted: bool = False,
    alphabet: frozenset[str] | None = None,
    explained: Spans = (),
) -> list[PairReading]:
    """Every pair's reading of the text, with its FEATURE_NAMES row.

    Legacy damage hits a whole text (a file, a field) through one pair, so the pair is
    judged on all the words it re-reads together; only the words it makes more
    plausible are repaired. With the `alphabet` of the hinted languages, a word in lower
    case whose letters come into that alphabet ("öðesi" into Turkish "öğesi") is improved
    whatever the character model says, and one whose letters leave it is not.
    """
    gains = _Gains()
    items = candidates(text, pairs, hinted, explained, gains)
    if not items:
        return []
    by_pair: dict[tuple[str, str], list[tuple[LegacyCandidate, float, float, bool]]] = {}
    fixed: dict[tuple[str, str], int] = {}
    broken: dict[tuple[str, str], int] = {}
    for item in items:
        span = text[item.start : item.end]
        left, right = _context(text, item.start, item.end)
        gain = gains.of(span, item.replacement, left, right)
        proves_nothing = _no_evidence(span, item.replacement)
        evidence = min(gain, 0.0) if proves_nothing else gain
        latin = item.original in LATIN_ORIGINALS
        # ("У" for "с" in koi8-r read as cp1251: as plausible either way, repaired with its
        # text; so are Latin words whose letters the model weighs by class alone: "pastraipø"
        # is Lithuanian "pastraipų", a letter rarer than "ø" but of the same text)
        along = (proves_nothing or latin or _case_flipped(span, item.replacement, item)) and gain > -ALONG_LIMIT
        pair = (item.original, item.shown_as)
        if alphabet is not None:
            before, after = _foreign(span, alphabet), _foreign(item.replacement, alphabet)
            # (a capitalised word with foreign letters is most often a name: "São", "Liège";
            # a Latin word in Cyrillic text is a Latin word: "bépo" is not "bйpo")
            if before and not after and not _capitalised(span) and not _mixes_scripts(item.replacement):
                fixed[pair] = fixed.get(pair, 0) + 1
                gain, evidence = max(gain, ALPHABET_GAIN), max(evidence, ALPHABET_GAIN)
            elif after and not before:
                broken[pair] = broken.get(pair, 0) + 1
                gain, evidence = min(gain, 0.0), min(evidence, 0.0)
        # a word in lower case that the reading makes a common one is improved, whatever
        # the character model says of its letters ("dosyasý" is Turkish "dosyası"); a
        # capitalised one may be a name ("Puèi Domat" is Occitan, not Croatian "Puči")
        if (
            latin
            and not proves_nothing
            and not _capitalised(span)
            and _read_into_common_word(span, item.replacement, item.original)
        ):
            gain, evidence = max(gain, 0.0) + COMMON_WORD_GAIN, max(evidence, 0.0) + COMMON_WORD_GAIN
        # a common word that the reading makes no word was not misread ("bokmål" is no
        # "bokmĺl", whatever the hint); short ones are as often misread words ("è" is "и"
        # through cp1251, "và" a Hebrew word through cp1255)
        if (gain > 0 or along) and sum(c.isalpha() for c in span) >= COMMON_WORD_LETTERS and is_common_word(span):
            if not is_common_word(item.replacement, item.original if latin else None):
                gain, evidence, along = min(gain, 0.0), min(evidence, 0.0), False
            elif latin:
                # a common word either way ("puèi" Occitan, "puči" Croatian) proves nothing
                evidence = min(evidence, 0.0)
        by_pair.setdefault(pair, []).append((item, evidence, gain, along))
    words = len(word_spans(text))
    # A language hint stands in for the pairs' overall shares: among the pairs it names,
    # each keeps its share of their total.
    scale = sum(PAIR_SHARE.get(pair, 0.01) for pair in pairs) if hinted else 1.0
    prior = {pair: PAIR_SHARE.get(pair, 0.01) / scale for pair in by_pair}
    totals = {pair: sum(max(evidence, 0.0) for _, evidence, _, _ in found) for pair, found in by_pair.items()}
    improvements = {pair: _improved(text, pair, found) for pair, found in by_pair.items()}
    # Pairs that read the text the same way (Cyrillic sits at the same bytes in GBK and
    # EUC-JP) are one explanation, not rivals.
    outcomes = {pair: {(item.start, item.replacement) for item in found} for pair, found in improvements.items()}
    model_fits = {pair: _language_model_fit(text, pair[0], pair[1]) for pair in by_pair if pair[0] in LATIN_ORIGINALS}
    readings = []
    for pair, found in by_pair.items():
        improved = improvements[pair]
        if not totals[pair]:
            continue
        total = totals[pair]
        rival = max((totals[other] for other in by_pair if outcomes[other] != outcomes[pair]), default=0.0)
        chars = sum(item.end - item.start for item in improved)
        looks = sum(1 for item in improved if _looks_misread(item.shown_as).found(text, item.start, item.end))
        rare = sum(1 for item in improved if has_rare_chars(item.replacement, UNUSUAL_OR_MARK))
        # clean all-caps words (abbreviations) read through koi8-r as lower case
        caps = sum(1 for item in improved if _all_caps(text[item.start : item.end]))
        latin_pair = pair[0] in LATIN_ORIGINALS
        row = [
            math.asinh(total),
            total / chars,
            len(improved) / max(words, 1),
            math.log(len(improved)),
            math.asinh(total - rival),
            looks / len(improved),
            rare / len(improved),
            caps / len(improved),
            # clean text has words the pair makes worse ("документ" through koi8-r), damage hardly
            sum(1 for _, _, gain, _ in found if gain < 0) / len(found),
            math.log(prior[pair]),
            fixed.get(pair, 0) / len(found),
            broken.get(pair, 0) / len(found),
            sum(1 for item in improved if is_common_word(text[item.start : item.end])) / len(improved),
            # (for Latin pairs, capitalised words may be names: "Puèi" is Occitan, not "Puči";
            # but the first word of a text, no word as shown, is capitalised for its place:
            # "Nëra" is Lithuanian "Nėra")
            sum(
                1
                for item in improved
                if is_common_word(item.replacement, pair[0] if latin_pair else None)
                and not (
                    latin_pair
                    and _capitalised(item.replacement)
                    and (item.start > 0 or is_common_word(text[item.start : item.end]))
                )
            )
            / len(improved),
            language_fit(text, pair[0], pair[1]) if latin_pair else 0.0,
            _letters_fit(text, pair[0], pair[1]) if latin_pair else 0.0,
            model_fits.get(pair, 0.0),
            _model_margin(pair, model_fits, outcomes) if latin_pair else 0.0,
        ]
        readings.append(PairReading(pair[0], pair[1], improved, row))
    return readings


def _model_margin(
    pair: tuple[str, str], fits: dict[tuple[str, str], float], outcomes: dict[tuple[str, str], set[tuple[int, str]]]
) -> float:
    """How much better the pair's reading fits its languages (see _language_model_fit)
    than the text as it is (0) and than the other Latin pairs that read it otherwise:
    "Ðûnu" is Latvian "Šūnu" (cp1257) more than "Đűnu" (cp1250)."""
    return fits[pair] - max([0.0, *(fit for other, fit in fits.items() if outcomes[other] != outcomes[pair])])


def _improved(
    text: str, pair: tuple[str, str], found: list[tuple[LegacyCandidate, float, float, bool]]
) -> list[LegacyCandidate]:
    """The words a pair's reading repairs: those it improves or that go along with them,
    and, between two Latin codepages, every word with a letter it reads as another
    letter ("Koðicës kraðtas" is "Košicės kraštas", though the name is no more
    plausible; "Vidinë" is "Vidinė" beside "kaþkà", "kažką"): a misreading changes every
    byte alike, and it leaves no letter of the codepage shown that the original reads
    otherwise."""
    improved = [item for item, _, gain, along in found if gain > 0 or along]
    if pair[0] not in LATIN_ORIGINALS or not improved:
        return improved
    # (a symbol read as a letter, where an improved word has it: "Pow³oka" proves "³")
    changed = {shown.lower() for item in improved for shown, _ in _changed(text, item)}
    return [
        item
        for item, _, gain, along in found
        if gain > 0
        or along
        or any(shown.lower() in changed for shown, _ in _changed(text, item))
        # (but a common word is no misread one: "bokmål" beside Croatian "opciju")
        or (
            any(shown.isalpha() and read.isalpha() for shown, read in _changed(text, item))
            and not is_common_word(text[item.start : item.end])
        )
    ]


@cache
def _reading_table(original: str, shown_as: str) -> dict[int, str]:
    return {ord(shown): read for shown, read in zip(_upper_half(shown_as), _upper_half(original)) if shown != read}


def _letters_as_read(text: str, original: str, shown_as: str) -> frozenset[str]:
    return non_ascii_letters(text.translate(_reading_table(original, shown_as)))


# (a short text may fit one model by a letter or two; beyond this it proves no more)
MODEL_FIT_LIMIT: Final = 3.0


def _language_model_fit(text: str, original: str, shown_as: str) -> float:
    """How much better the whole text, read through the pair, fits a language of
    `original` than it fits any Latin language as shown, per letter trigram."""
    fit = reading_fit(text, text.translate(_reading_table(original, shown_as)), original)
    return max(-MODEL_FIT_LIMIT, min(MODEL_FIT_LIMIT, fit))


def _letters_fit(text: str, original: str, shown_as: str) -> float:
    """1 when the letters of the text as read belong to a language `original` writes and
    those shown to none `shown_as` writes, -1 the other way round, else 0."""
    return float(written_in(_letters_as_read(text, original, shown_as), original)) - float(
        written_in(non_ascii_letters(text), shown_as)
    )


# The letters a common word needs to count as one that was not misread.
COMMON_WORD_LETTERS: Final = 4

# How much less plausible a word that proves nothing may become and still be repaired
# along with the words that do, in nats.
ALONG_LIMIT: Final = 2.0

# What a word brought into the hinted alphabet counts for, in nats, at least: about a
# clear character-model improvement of one letter.
ALPHABET_GAIN: Final = 3.0
# What a word read into a common word gains, in nats, over the character model's gain
# (none when that is negative).
COMMON_WORD_GAIN: Final = 3.0


class _Gains:
    """How much more plausible the character model finds a word's replacement, in nats,
    for the words of one text.

    Words in capitals are compared in lower case: capitals are rare in the model's text,
    so an abbreviation ("ВНИМАНИЕ") would otherwise lose to any lower-case reading, and
    capitals made of lower-case damage ("ТБДПЛ" for "радок") would win by their case alone.
    Runs of one character count twice at most: repeated, a pair that reads a little
    better ("жж" as "цц", "““" as "摀") would add up to any amount of evidence.

    A word is re-read through several pairs, and weighed again for its pair's features:
    what the model says of each word as shown, and of each reading, is worked out once.
    """

    def __init__(self) -> None:
        self._caps: dict[str, bool] = {}
        self._shown: dict[tuple[str, str, str, bool], float] = {}
        self._gains: dict[tuple[str, str, str, str], float] = {}

    def of(self, word: str, replacement: str, left: str, right: str) -> float:
        key = (word, replacement, left, right)
        gain = self._gains.get(key)
        if gain is not None:
            return gain
        caps = self._caps.get(word)
        if caps is None:
            caps = self._caps[word] = _all_caps(word)
        lowered = caps or _all_caps(replacement)
        shown_key = (word, left, right, lowered)
        shown = self._shown.get(shown_key)
        if shown is None:
            shown = self._shown[shown_key] = _plausibility(word, left, right, lowered)
        gain = self._gains[key] = _plausibility(replacement, left, right, lowered) - shown
        return gain


# The same words (and their readings) come back text after text: "për" and "të" in each
# Albanian line that shows misread signs, weighed by the same model.
@lru_cache(maxsize=1 << 14)
def _plausibility(text: str, left: str, right: str, lowered: bool) -> float:
    if lowered:
        text, left, right = text.lower(), left.lower(), right.lower()
    return char_model().pair_logp(_RUN.sub(_twice, text), left, right)


_RUN: Final = compiled(r"(.)\1{2,}", re.DOTALL)


def _twice(run: re.Match[str]) -> str:
    # (a function, not the template r"\1\1", which re expands in Python at every call)
    return run.group(1) * 2


_LETTER_RUN: Final = compiled(r"[^\W\d_]+")
_KNOWN_AFTER: Final = FEATURE_NAMES.index("known_after_share")
_LETTERS_FIT: Final = FEATURE_NAMES.index("letters_fit")
_LANGUAGE_FIT: Final = FEATURE_NAMES.index("language_fit")
_LANGUAGE_MODEL_FIT: Final = FEATURE_NAMES.index("language_model_fit")


def _confidence(text: str, reading: PairReading, model: Weights, latin: Weights | None) -> float:
    """The reading's calibrated probability. Without a hint (`latin` given), readings
    between two Latin codepages have a model of their own (model/legacy_latin.json):
    their evidence is a letter or two a word, which would lower the bar for the rest."""
    # Damage keeps the case pattern of the words it hits: a reading whose every word
    # comes out in irregular case ("типЦП" as "РХОжо") found no misread text.
    if all(_irregular_case(item.replacement) for item in reading.words):
        return 0.0
    # Nor does one whose every word is a listing of letters ("àèìòù", a keyboard test,
    # is no word misread from Hebrew "אטלעש").
    if all(_listing(text[item.start : item.end], item.shown_as) for item in reading.words):
        return 0.0
    # Nor one that reads a letter of every word as a symbol: "žinyno" is no "˛inyno"
    # (cp1257), "ґ" no "┤" (koi8-u); text seldom has such symbols inside its words.
    # (A double-byte codepage reads two letters as one character, a symbol as often as
    # its text has them: "¡ù" is "※" in GBK.)
    if reading.original not in DOUBLE_BYTE_CODECS and all(_letter_read_as_symbol(text, item) for item in reading.words):
        return 0.0
    if latin is None or reading.original not in LATIN_ORIGINALS:
        return calibrated(reading.features, model)
    # Between two Latin codepages a name reads as well either way ("Tongaøerne",
    # "Tongařerne"): without a hint, a reading that only swaps letters for letters must
    # turn some word into a common one, or one with a common stem, or leave letters that
    # only a language of the original codepage has together. A symbol read as a letter
    # ("Pow³oka") is evidence enough of its own.
    symbols_read = sum(_symbol_read_as_letter(text, item) for item in reading.words)
    supported = (
        reading.features[_KNOWN_AFTER] > 0
        or reading.features[_LETTERS_FIT] > 0
        or symbols_read > 0
        or any(has_common_stem(item.replacement, reading.original) for item in reading.words)
    )
    # One letter read as another in one word, against the text's other words, which are
    # of a language the shown codepage writes: "Clicatz sus la pipeta, puèi clicatz..."
    # is Occitan. Two telling words at least (one alone gives -0.5: "Pietø Afrika" is
    # Lithuanian "Pietų", whatever Danish "afrika" says). (A symbol read as a letter,
    # "¸nsker" as "ønsker", is no such doubt.)
    if reading.features[_LANGUAGE_FIT] <= -0.6 and _one_letter_for_another(text, reading.words):
        return 0.0
    # Text that reads as some language as it is better than it reads as any once read
    # is that language ("formâts" is Friulian, "Puèi Domat" Occitan), whatever its
    # letters. A symbol read as a letter is the one evidence that weighs more, in two
    # words at least (Danish "¸nsker ... p¸" is "ønsker ... på" misread through cp1257),
    # not a stray one ("direició³n" in Asturian).
    if reading.features[_LANGUAGE_MODEL_FIT] < 0 and symbols_read < 2:
        return 0.0
    # Misreading changes every byte alike: a letter the reading changes in some words
    # but leaves as it is in others ("qutiyê kontrolê" as "qutiyê kontrolę") was no
    # misread letter.
    if _left_elsewhere(text, reading.words):
        return 0.0
    return calibrated(reading.features, latin) if supported else 0.0


def _changed(text: str, item: LegacyCandidate) -> list[tuple[str, str]]:
    """The characters the reading changes in its word, as shown and as read."""
    return [(shown, read) for shown, read in zip(text[item.start : item.end], item.replacement) if shown != read]


def _left_elsewhere(text: str, words: list[LegacyCandidate]) -> bool:
    changed = {shown for item in words for shown, _ in _changed(text, item)}
    return any(text.count(char) > sum(text.count(char, item.start, item.end) for item in words) for char in changed)


def _one_letter_for_another(text: str, words: list[LegacyCandidate]) -> bool:
    if len(words) != 1:
        return False
    changed = _changed(text, words[0])
    return len(changed) == 1 and changed[0][0].isalpha()


def _irregular_case(word: str) -> bool:
    """A run of three letters or more, not all ASCII, all cased, neither in lower case,
    capitals nor title case ("РХОжо"; "Дьор-Мосон-Шопрон" is regular)."""
    return any(
        len(run) >= 3
        and not IS_ASCII(run)  # ("GdkColor" is a name a reading leaves alone)
        and all(c.islower() or c.isupper() for c in run)
        and not regular_case(run)
        for run in _LETTER_RUN.findall(word)
    )


def _letter_read_as_symbol(text: str, item: LegacyCandidate) -> bool:
    # (a symbol: "˛", "┤", not a mark or punctuation, as Thai and CJK readings give)
    return any(shown.isalpha() and unicodedata.category(read)[0] == "S" for shown, read in _changed(text, item))


def _symbol_read_as_letter(text: str, item: LegacyCandidate) -> bool:
    """Whether the reading turns a symbol inside the word into a letter ("Pow³oka").

    A superscript or ordinal mark that ends a word is one as often as a misread letter:
    a footnote ("post³"), a unit ("m³") or an ordinal ("nº"); there the word as read
    must speak for itself (see _confidence)."""
    word = text[item.start : item.end]
    if len(word) != len(item.replacement):
        return any(not shown.isalpha() and read.isalpha() for shown, read in _changed(text, item))
    return any(
        shown != read
        and not shown.isalpha()
        and read.isalpha()
        and not (shown in _SUPERSCRIPTS and _ends_word(word, index))
        for index, (shown, read) in enumerate(zip(word, item.replacement))
    )


_SUPERSCRIPTS: Final = "\u00b9\u00b2\u00b3\u00aa\u00ba"  # ¹²³ªº


def _ends_word(word: str, index: int) -> bool:
    """Whether word[index] follows a letter or digit and only punctuation follows it."""
    return index > 0 and word[index - 1].isalnum() and not any(c.isalnum() for c in word[index + 1 :])


def _listing(word: str, shown_as: str) -> bool:
    """Letters listed, not a word: four letters or more beyond ASCII in code point order,
    either one after another ("ÀÁÂÃ"), all with the same accent ("àèìòù") or six or more
    ("ßàáâãäåæç", gaps and all); or six or more, each once, that one language written in
    the codepage has ("áéýúíóþæðö", the letters Icelandic adds to ASCII; words repeat
    their letters long before six); or one letter in three forms or more ("eéëêè")."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 4:
        return False
    # one letter with its accents ("eéëêè", a spelling table's line)
    if len({unicodedata.normalize("NFD", c)[:1].lower() for c in letters}) == 1 and len(set(letters)) >= 3:
        return True
    if any(ord(c) < 0x80 for c in letters):
        return False
    pairs = list(zip(letters, letters[1:]))
    accents = {unicodedata.normalize("NFD", c)[1:] for c in letters}
    in_order = all(left < right for left, right in pairs)
    if (
        all(ord(right) == ord(left) + 1 for left, right in pairs)
        or (in_order and len(accents) == 1 and accents != {""})
        # an alphabet's stretch with gaps ("ßàáâãäåæçèéêë", "ÀÁÂÃÄÅÆÇÈ...ÖØÙ")
        or (in_order and len(letters) >= LISTED_LETTERS)
    ):
        return True
    distinct = non_ascii_letters(word)
    return len(letters) >= LISTED_LETTERS and len(distinct) == len(letters) and written_in(distinct, shown_as)


LISTED_LETTERS: Final = 6


def _foreign(word: str, alphabet: frozenset[str]) -> bool:
    """Whether the word has a non-ASCII letter outside the alphabet."""
    return any(c.isalpha() and ord(c) >= 0x80 and c not in alphabet for c in word)


def _mixes_scripts(word: str) -> bool:
    """ASCII letters beside letters of another script than Latin ("bйpo" from "bépo")."""
    return any(ord(c) < 0x80 and c.isalpha() for c in word) and any(c.isalpha() and c > "\u024f" for c in word)


# koi8-r and cp1251 read as each other flip the case of every letter: a word in capitals
# as shown is a word in lower case ("АЗДЕ" is Bulgarian "бъде", "ВПЕГ" "чрез"). Its own
# evidence is thin (capitals may be an abbreviation), but a real abbreviation would
# show in lower case: it goes along with the words that prove the pair.
_CASE_FLIPPING: Final = frozenset({("cp1251", "koi8-r"), ("koi8-r", "cp1251")})


def _case_flipped(word: str, replacement: str, item: LegacyCandidate) -> bool:
    letters = [c for c in word if c.isalpha()]
    return (
        (item.original, item.shown_as) in _CASE_FLIPPING
        and len(letters) >= COMMON_WORD_LETTERS
        and _all_caps(word)
        and all(c.islower() for c in replacement if c.isalpha())
    )


def _capitalised(word: str) -> bool:
    first = next((c for c in word if c.isalpha()), "")
    return first.isupper()


def _no_evidence(word: str, replacement: str) -> bool:
    """A word whose re-reading is repaired along with the rest, but proves nothing
    itself: one without letters (unless box drawing reads as quotes around it), one
    cased letter ("й", a Ukrainian word, is "é" through cp1251), two in mixed case (a
    unit: "дБ" is "Да" through koi8-r) or three not capitalised ("АЁю"), a short word
    in capitals ("ГБ", "ЦХМ": an abbreviation as often as damage; short as shown and
    as read, for two GBK characters show four capitals: "ÖÐÎÄ" is "中文"), one letter
    repeated ("ÃÃÃÃ" is no more "ΓΓΓΓ" than itself), a symbol read as a letter ("×" as
    "Ч"), a word in lower case read as one in capitals, or an e-mail address or URL,
    names more often mistyped ("viсs@", a Cyrillic "с") than misread."""
    letters = [c for c in word if c.isalpha()]
    if _QUOTED_ALONE.search(word) is not None and _only_quoted_boxes_change(word, replacement):
        return True
    if not letters:
        return not _drawing_read_as_punctuation(word, replacement)
    # counted in the reading, where symbols may turn into letters: "B³¹d" is "Błąd"
    read = [c for c in replacement if c.isalpha()]
    if len(set(read)) == 1 < len(read):
        return True
    cased = [c for c in read if c.islower() or c.isupper()]
    if len(cased) == len(read) == 1 or (len(letters) <= 3 and len(read) <= 3 and _all_caps(word)):
        return True
    if len(cased) == len(read) == 2 and cased[0].islower() != cased[1].islower():
        return True
    # three in mixed case, not capitalised: symbols read as letters ("À¨þ" as "АЁю")
    shape = "".join(read)
    if len(cased) == len(read) == 3 and not regular_case(shape):
        return True
    if _ADDRESS.search(word):
        return True
    if _letter_of_another_script_from_a_symbol(word, replacement):
        return True
    return all(c.islower() for c in letters) and _all_caps(replacement)


def _letter_of_another_script_from_a_symbol(word: str, replacement: str) -> bool:
    """Symbols and nothing else read as letters of another script than Latin, in a word
    with ASCII letters: a character quoted in code or markup, not text ("Segment("▄")" is
    no "Segment("Њ")", "rindex('─')" no "rindex('Ђ')"). Misread text glued to ASCII has
    letters misread too ("<§\xadЁҐ>" is "<знче>" through cp866)."""
    if len(word) != len(replacement) or _ASCII_LETTER.search(word) is None:
        return False
    changed = [(shown, read) for shown, read in zip(word, replacement) if shown != read]
    return bool(changed) and all(
        not shown.isalpha() and read.isalpha() and read > _LATIN_END for shown, read in changed
    )


_ASCII_LETTER: Final = compiled("[A-Za-z]")


_LATIN_END: Final = "\u024f"


def _drawing_read_as_punctuation(word: str, replacement: str) -> bool:
    """Box drawing glued to a word that reads as quotes, dashes or spaces around it: "╩%s╚"
    is "»%s«" (cp1251 read as koi8-r). Clean text draws boxes with runs of one character
    or with corners that read as letters ("┌─%s─┐"), not with typography's marks."""
    changed = [(shown, read) for shown, read in zip(word, replacement) if shown != read]
    return (
        len(word) == len(replacement)
        and bool(changed)
        and not _RUN_OF_TWO.search(word)  # "═══%s═══" is a banner
        and any(not read.isspace() for _, read in changed)  # spaces alone ("═%s═") prove nothing
        and all(
            _PSEUDOGRAPHICS_START <= shown <= _PSEUDOGRAPHICS_END
            and (read == "…" or unicodedata.category(read) in ("Pi", "Pf", "Ps", "Pe", "Pd", "Zs"))
            for shown, read in changed
        )
        # around something: a box character quoted alone ("'▒'", in a table of characters)
        # is that character, and reads as a quote no better
        and _QUOTED_ALONE.search(word) is None
    )


_QUOTED_ALONE: Final = compiled(f"['\"][{_PSEUDOGRAPHICS_START}-{_PSEUDOGRAPHICS_END}]['\"]")


def _only_quoted_boxes_change(word: str, replacement: str) -> bool:
    """Whether the reading changes nothing but box characters quoted alone, which code
    quotes as what they are ("chr('└')")."""
    return len(word) == len(replacement) and all(
        shown == read or 0 < index < len(word) - 1 and word[index - 1] in "'\"" and word[index + 1] in "'\""
        for index, (shown, read) in enumerate(zip(word, replacement))
    )


_RUN_OF_TWO: Final = compiled(f"([{_PSEUDOGRAPHICS_START}-{_PSEUDOGRAPHICS_END}])\\1")


# "@" after an ASCII letter or digit, or "://": an e-mail address or URL. (Double-byte
# text shows "@" as a trail byte after a high one: "ß@" is GBK.)
_ADDRESS: Final = compiled(r"[A-Za-z0-9]@|://")


def _all_caps(word: str) -> bool:
    # isupper() alone lets uncased letters (CJK) pass: "ГБ中" is not in capitals
    return word.isupper() and all(c.isupper() for c in word if c.isalpha())


def detect_legacy(
    text: str,
    pairs: tuple[tuple[str, str], ...],
    floor: float,
    hinted: bool = False,
    alphabet: frozenset[str] | None = None,
    explained: Spans = (),
    searches: int = ALL_SEARCHES,
) -> list[Finding]:
    """The words the surest pair of codepages improves, if it is sure enough (>= floor).

    With `hinted` (the pairs come from the caller's languages), text that does not look
    misread is read too: the caller has said which codepages to expect, and `alphabet`
    which letters (see pair_readings). Without, words in the `explained` spans do not
    count as looking misread (see _pairs_to_read), and only the `searches` named (see
    MisreadSigns.found) can tell that the text looks so.
    """
    if not pairs or IS_ASCII(text):
        return []
    # (unhinted, a word counts only where its non-ASCII characters are not all explained:
    # with none left outside the spans, no word counts, and no pair reads anything)
    if not hinted and (all_explained(text, explained) or not may_hold_legacy_mojibake(text, pairs, searches)):
        return []
    readings = pair_readings(text, pairs, hinted, alphabet, explained)
    if not readings:
        return [] if hinted else _read_whole(text, pairs, explained, floor)
    # Read with a hint, the pairs are few and expected; without one, every pair is a
    # suspect and clean text that merely looks misread must not change: other models.
    model = weights("legacy_hinted" if hinted else "legacy")
    latin = None if hinted else weights("legacy_latin")
    confidence, best = max(((_confidence(text, r, model, latin), r) for r in readings), key=lambda pair: pair[0])
    if confidence < floor:
        return [] if hinted else _read_whole(text, pairs, explained, floor)
    if not hinted and best.original in WHOLE_TEXT_LANGUAGES:
        # (a word common in Albanian as shown, "bazë", stays out of the word-by-word
        # reading; the whole text read as Lithuanian takes it in: "duomenų bazė")
        whole = _read_whole(text, tuple(pair for pair in pairs if pair[0] == best.original), explained, floor)
        if whole:
            return [finding._replace(confidence=max(finding.confidence, round(confidence, 4))) for finding in whole]
    return _findings(text, best.words, round(confidence, 4))


def legacy_readings(
    text: str, config: Config, floor: float, explained: Spans = (), searches: int = ALL_SEARCHES
) -> list[Finding]:
    """Legacy readings at `floor` or above: through the hinted languages' pairs, or
    without a hint at the legacy bar at least (see detect_legacy for `explained` and
    `searches`)."""
    if config.languages:
        return detect_legacy(text, legacy_pairs_for(config.languages), floor, True, alphabet(config.languages))
    return detect_legacy(
        text, config.legacy_pairs, max(floor, config.legacy_threshold), explained=explained, searches=searches
    )


def _findings(text: str, items: Iterable[LegacyCandidate], confidence: float) -> list[Finding]:
    return [
        new_finding(
            item.start,
            item.end,
            text[item.start : item.end],
            "legacy_mojibake",
            (item.original, item.shown_as),
            item.replacement,
            confidence,
        )
        for item in items
    ]


# Baltic text read as cp1252 keeps its words Latin, with a letter or two of each misread
# into one that Albanian, French or Danish write ("Kortelë atkabinama" is Lithuanian
# "Kortelė atkabinama"): word by word the evidence is thin ("bazë" is an Albanian word,
# a capitalised word may be a name). The whole text is not: read back, it is Lithuanian,
# Latvian or Estonian through and through, by WHOLE_TEXT_GAIN nats or more over the
# likeliest reading of the text as it is (latin_grams.reads_better_by). On the catalogs'
# Baltic strings this reads 5,189 of the train half's 5,733 and 5,210 of the test half's
# 5,788, every one exactly, and no clean string of the 1.48 million: the nearest, names
# alone ("Îstatîstîk" as Latvian "Īstatīstīk"), are no text of two words, and "Sri
# Lankë" gains 7.5 nats.
#
# Central European and Turkish text is read whole the same way, as the languages written
# in cp1250 and cp1254: on 1,000 held-out strings each, cp1250 89.9 -> 94.8% and cp1254
# 89.8 -> 94.9%, with no wrong repair. Clean Turkmen and Kashubian text reads as Turkish
# and Polish: their own models (built from 2,000 trigrams, not 5,000) and the rule that a
# word must not read into letters its language never has around them turn it away.
BALTIC_PAIR: Final = ("cp1257", MISREAD_GRAMS_SHOWN_AS)
# The Latin codepages whose misread text is read whole, and the languages it then reads as.
WHOLE_TEXT_LANGUAGES: Final = {
    "cp1257": ("lt", "lv", "et"),
    "cp1250": ("pl", "cs", "sk", "hu", "sl", "hr", "ro", "bs", "sr@latin"),
    "cp1254": ("tr", "az"),
}
WHOLE_TEXT_PAIRS: Final = tuple((original, MISREAD_GRAMS_SHOWN_AS) for original in WHOLE_TEXT_LANGUAGES)
# (typed as a tuple of any length, which mypyc keeps as the one Python object: a tuple
# of fixed length it would build anew at each use)
BALTIC_PAIRS: tuple[tuple[str, str], ...] = (BALTIC_PAIR,)
WHOLE_TEXT_GAIN: Final = 10.0
WHOLE_TEXT_CONFIDENCE: Final = 0.99


def _read_whole(text: str, pairs: tuple[tuple[str, str], ...], explained: Spans, floor: float) -> list[Finding]:
    """Every word of the text read through the first of WHOLE_TEXT_PAIRS among `pairs`
    that reads it whole; else nothing.

    Each change must be a letter for a letter, in words that stay in regular case:
    misreading changes every byte alike and keeps a word's case. A word the original
    cannot read rules its pair out, and a word the shown codepage cannot encode, all."""
    wanted = [pair for pair in WHOLE_TEXT_PAIRS if pair in pairs]
    if not wanted or floor > WHOLE_TEXT_CONFIDENCE:
        return []
    # The sign of Baltic text asks for the Baltic pairs' readings (word by word, of the
    # whole text), and detect_legacy for them again among all the others: the last
    # text's words and each pair's reading of them are kept (the text compared by
    # identity; the entry replaced whole, as another thread may replace it).
    seen_text, seen_explained, words, by_pair = _whole_seen[0]
    if seen_text is not text or seen_explained != explained:
        words, by_pair = _words_as_shown(text, explained), {}
        _whole_seen[0] = (text, explained, words, by_pair)
    if words is None:
        return []
    for pair in wanted:
        found = by_pair.get(pair)
        if found is None:
            found = by_pair[pair] = _read_whole_as(text, pair, words)
        if found:
            return list(found)
    return []


_whole_seen: Final[
    list[tuple[str, Spans, list[tuple[int, int, bytes]] | None, dict[tuple[str, str], list[Finding]]]]
] = [("", (), None, {})]


def _words_as_shown(text: str, explained: Spans) -> list[tuple[int, int, bytes]] | None:
    """The words outside `explained` with their bytes as shown, for _read_whole_as; None
    where no whole reading can be: a word the shown codepage cannot encode, or fewer than
    two words."""
    shown = codepage(MISREAD_GRAMS_SHOWN_AS)
    words = []
    for start, end in _words(text):
        if _JOINED_DRAWING.search(text, start, end) is not None or non_ascii_covered(text, start, end, explained):
            continue
        data = encode(shown, text[start:end])
        if data is None:
            return None
        words.append((start, end, data))
    # (a word alone reads as any language's: Kurdish "Îstatîstîk" as Latvian "Īstatīstīk",
    # a Norwegian domain "vardø.no" as Lithuanian "vardų.no")
    if not words or sum(1 for word in text.split() if _LETTER_RUN.search(word)) < 2:
        return None
    return words


def _read_whole_as(text: str, pair: tuple[str, str], words: list[tuple[int, int, bytes]]) -> list[Finding]:
    """The words (with their bytes as shown) read through `pair`, if the whole text reads so."""
    original, shown_as = pair
    changed = []
    for start, end, data in words:
        word, replacement = text[start:end], decode_defined(original, data)
        if replacement is None:
            return []
        if replacement == word:
            continue
        letters = "".join(c for c in replacement if c.isalpha())
        if not regular_case(letters) or not all(
            shown.isalpha() and read.isalpha() for shown, read in zip(word, replacement) if shown != read
        ):
            return []
        changed.append(LegacyCandidate(start, end, original, shown_as, replacement))
    if not changed:
        return []
    found = _findings(text, changed, WHOLE_TEXT_CONFIDENCE)
    read, languages = apply_findings(text, found), WHOLE_TEXT_LANGUAGES[original]
    if not reads_better_by(text, read, languages, original, WHOLE_TEXT_GAIN):
        return []
    if reads_into_unseen_letters(read, languages, ((f.text, f.replacement) for f in found)):
        return []
    return found
