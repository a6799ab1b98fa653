"""The cheap first pass: does this text hold anything that could be mojibake at all?

Mojibake of UTF-8 through a single-byte codepage always contains a character the
codepage gives to a lead byte (0xC2-0xF4) followed by one it gives to a continuation
byte (0x80-0xBF). One compiled regex, which skips to those lead characters in C,
checks every such pair for the configured codepages: text without one, which is most
text, is done. Cyrillic, Greek, Thai and Arabic text is full of such pairs made of
ordinary letters, so the regex only takes a pair that is odd in its context: a symbol
or control where clean text has letters, letters in the wrong case order, or letters
of one script glued to a Latin word. Only text with an odd pair goes on to the (much
slower) candidate analysis.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set as AbstractSet
from functools import cache
from typing import Final, NamedTuple

from textfix.blocks import BLOCK_CHARS
from textfix.codecs import Codepage, codepage
from textfix.detect.charsets import class_body
from textfix.memo import Remembered
from textfix.model.charmodel import char_model
from textfix.native import i64
from textfix.patterns import compiled
from textfix.screen import COMPILED, Need, all_marked, class_points, outside
from textfix.utf8 import IS_ASCII

# Letters of the scripts whose codepages are supported, as code point ranges.
SCRIPT_RANGES: dict[str, str] = {
    "latin": "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff",
    "cyrillic": "\u0400-\u052f",
    "greek": "\u0370-\u03ff\u1f00-\u1fff",
    "hebrew": "\u0590-\u05ff",
    "arabic": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
    "thai": "\u0e00-\u0e7f",
}
_FOREIGN_LETTERS: Final = "".join(ranges for name, ranges in SCRIPT_RANGES.items() if name != "latin")
# Punctuation that follows a letter in clean text; after a letter of the same word's
# script it proves nothing.
COMMON_AFTER_LETTER: Final = "«»–—‘’“”„…\xa0·•№°‚‹›§©®±¶\u200c\u200d"
SYMBOLS_AFTER_LETTER: Final = "·•№°§©®±¶"  # of those, the ones that never follow punctuation
# What a lost byte can turn into; only the Latin-1 family's leads count with a space,
# since in Cyrillic codepages those leads are common one-letter words.
LOSSY_SPACE_LEADS: Final = "ÂÃÅÎÐÑ"
LOST_MARKS: Final = "?\ufffd"  # "?" only after Latin letters: Cyrillic and Greek questions end in one


_SCRIPT_PATTERNS: Final = {name: compiled(f"[{ranges}]") for name, ranges in SCRIPT_RANGES.items()}


@cache
def _script(char: str) -> str | None:
    for name, pattern in _SCRIPT_PATTERNS.items():
        if pattern.match(char):
            return name
    return None


@cache
def _leads_and_continuations(codecs: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The characters the codepages give to UTF-8 lead bytes and to continuation bytes."""
    leads: set[str] = set()
    continuations: set[str] = set()
    for name in codecs:
        page = codepage(name)
        leads.update(page.chars(0xC2, 0xF4))
        continuations.update(page.chars(0x80, 0xBF))
    return frozenset(leads), frozenset(continuations)


class _Classes(NamedTuple):
    """The classes of characters the suspect pattern's groups and branches begin with
    (see suspect_pattern), which _pair_rules follows too."""

    leads: frozenset[str]
    continuations: frozenset[str]
    latin_leads: set[str]
    foreign_leads: set[str]
    symbol_leads: set[str]
    lower_leads: set[str]  # foreign leads in lower case
    marks: set[str]  # combining marks among the leads
    common: set[str]  # COMMON_AFTER_LETTER
    odd: set[str]  # symbols and controls among the continuations, and U+FFFD
    latin_continuations: set[str]
    foreign_continuations: set[str]
    upper_continuations: set[str]  # foreign continuations in upper case


def _make_classes(codecs: tuple[str, ...]) -> _Classes:
    leads, continuations = _leads_and_continuations(codecs)
    scripts = {c: _script(c) for c in leads | continuations}
    foreign_leads = {c for c in leads if scripts[c] not in (None, "latin")}
    foreign_continuations = {c for c in continuations if scripts[c] not in (None, "latin")}
    common = set(COMMON_AFTER_LETTER)
    return _Classes(
        leads,
        continuations,
        {c for c in leads if scripts[c] == "latin"},
        foreign_leads,
        {c for c in leads if scripts[c] is None},
        {c for c in foreign_leads if c.islower()},
        {c for c in leads if unicodedata.category(c) == "Mn"},
        common,
        {c for c in continuations if scripts[c] is None} - common | {"\ufffd"},
        {c for c in continuations if scripts[c] == "latin"},
        foreign_continuations,
        {c for c in foreign_continuations if c.isupper()},
    )


_CLASSES: Final = Remembered(_make_classes)


def _classes(codecs: tuple[str, ...]) -> _Classes:
    return _CLASSES.of(codecs)


def _make_suspect_pattern(codecs: tuple[str, ...]) -> re.Pattern[str]:
    classes = _classes(codecs)
    leads, continuations = classes.leads, classes.continuations
    latin_sequences: list[str] = []
    punctuation_sequences: list[str] = []
    letter_runs: list[str] = []
    for name in codecs:
        page = codepage(name)
        latin_sequences.extend(a for a in _latin_sequences(page) if a not in latin_sequences)
        punctuation_sequences.extend(a for a in _punctuation_sequences(page) if a not in punctuation_sequences)
        letter_runs.extend(_letter_runs(page))
    latin_leads, foreign_leads, symbol_leads = classes.latin_leads, classes.foreign_leads, classes.symbol_leads
    common, odd, foreign_continuations = classes.common, classes.odd, classes.foreign_continuations
    latin = SCRIPT_RANGES["latin"]

    def chars(found: AbstractSet[str]) -> str | None:
        """A character class, or None for an empty set (no codepage gives such chars)."""
        return f"[{class_body(found)}]" if found else None

    def group(lead_chars: set[str], branches: list[str | None]) -> str | None:
        kept = [b for b in branches if b is not None]
        if not lead_chars or not kept:
            return None
        return f"(?<=[{class_body(lead_chars)}])(?:{'|'.join(kept)})"

    def then(first: str | None, rest: str) -> str | None:
        return None if first is None else first + rest

    lower_leads, upper_continuations, marks = classes.lower_leads, classes.upper_continuations, classes.marks
    groups = [
        group(
            latin_leads,
            # a symbol, control or quote right after a Latin letter: "Ã©", "Â\xa0"
            [chars(odd | (common & continuations) | set(LOST_MARKS)), *latin_sequences],
        ),
        group(
            foreign_leads,
            [
                # a symbol or control right after a letter of another script: "Ð°", "โ€"
                chars(odd),
                # a Latin letter right after a letter of another script: "πü" (cp437)
                chars(classes.latin_continuations),
                # a lone letter before a quote or dash: "ย\xa0" after "Choe", not "т»" after "Ответ"
                then(chars(common & continuations - {"\xa0"}), f"(?<![{_FOREIGN_LETTERS}]..)"),
                # or before a no-break space, but not one before a word of another script than
                # Latin: "а\xa0дом" (Russian and Bulgarian typography bind one-letter words)
                then(chars({"\xa0"} & continuations), f"(?<![{_FOREIGN_LETTERS}]..)(?![{_FOREIGN_LETTERS}])"),
                # letters of another script glued to a Latin word: "cafรฉ"; a letter
                # after a digit is a hex or percent escape ("%0Aсп"), not a word
                then(chars(foreign_continuations), f"(?:(?<=[{latin}]..)(?<![0-9]...)|(?=[{latin}]))"),
                *letter_runs,
                _capital_runs([codepage(name) for name in codecs]),
            ],
        ),
        # lower case then upper case in one script: "тАФ" (cp866 for an em dash)
        group(lower_leads, [chars(upper_continuations)]),
        # a combining mark at the start of a word: "ًںک€" (cp1256 for an emoji)
        group(marks, [then(chars(continuations), r"(?<![^\x00-\x7f]..)")]),
        # box drawing or math as the lead: "╨┐", "√©"
        group(symbol_leads - common, [chars(continuations)]),
        # after punctuation, a symbol: "„°" (mac-cyrillic for Hebrew), not "«\xa0"
        group(
            symbol_leads & common,
            [chars(odd | (set(SYMBOLS_AFTER_LETTER) & continuations)), *punctuation_sequences],
        ),
    ]
    body = [g for g in groups if g is not None]
    # a lossy pipeline leaves "Ã " for "à"
    body.append(f"(?<=[{class_body(LOSSY_SPACE_LEADS)}]) ")
    return compiled(_first_char_then(leads | set(LOSSY_SPACE_LEADS), body, ahead=SUSPECT_GOES_ON))


_SUSPECT_PATTERN: Final = Remembered(_make_suspect_pattern)


def suspect_pattern(codecs: tuple[str, ...]) -> re.Pattern[str]:
    return _SUSPECT_PATTERN.of(codecs)


# Every branch of the suspect pattern goes on with a continuation (beyond ASCII), a
# stand-in ("?") or a space after a lossy lead: checked first, that turns away at once
# the usual accented letter, followed by an ASCII letter, before the branches are tried
# one by one.
SUSPECT_GOES_ON: Final = r"(?=[ ?\x80-\U0010ffff])"


def _first_char_then(first: AbstractSet[str], branches: list[str], ahead: str = "") -> str:
    """One character class, then the branches (which look behind at it).

    A pattern that starts with a single class lets the regex engine skip in C to the
    next character of that class; a pattern that starts with alternatives is tried
    branch by branch at every position, which is twice as slow on text that never matches.
    `ahead`, a lookahead that every branch implies, is checked before them.
    """
    return f"[{class_body(first)}]{ahead}(?:{'|'.join(branches)})"


def _latin_sequences(page: Codepage) -> list[str]:
    """Whole UTF-8 sequences of Latin letters in one codepage: "ÃŸ" is ß, "šč" is nothing.

    Latin letters pair up only within one codepage and only as a whole sequence, or
    every Czech or Polish word would look suspect. A pair of two letters that clean text
    writes (the character model has seen it) is no sign on its own either: Vietnamese
    "đó", Czech "ěž" and Crimean Tatar "ıñ" are whole sequences through cp852 or cp850
    ("Т", "ا", "դ"), and the words that hold them are everyday ones. Mojibake of letters
    shows pairs that clean text never does ("ÃŸ", "Å¡", "đŽ").
    """
    def latin(low: int, high: int) -> set[str]:
        return {c for c in page.chars(low, high) if _script(c) == "latin"}

    continuation = f"[{class_body(set(page.chars(0x80, 0xBF)))}]"
    found = []
    for (low, high), count in (((0xC2, 0xDF), 1), ((0xE0, 0xEF), 2), ((0xF0, 0xF4), 3)):
        lead_letters = latin(low, high)
        if not lead_letters:
            continue
        if count == 1:
            found.extend(_unwritten_latin_pairs(lead_letters, latin(0x80, 0xBF)))
        else:
            found.append(f"(?<=[{class_body(lead_letters)}]){continuation}{{{count}}}")
    return found


def _punctuation_sequences(page: Codepage) -> list[str]:
    """A whole 3-byte sequence behind everyday punctuation: "‚Äû" is "„" through mac-roman,
    whose "‚" is 0xE2, the lead of most of UTF-8's quotes and dashes. A low quote before
    a capital is clean German ("‚Äpfel‘"); before two characters of the upper half in a
    row, it is a sequence."""
    leads = _punctuation_leads(page)
    if not leads:
        return []
    return [f"(?<=[{class_body(leads)}])[{class_body(set(page.chars(0x80, 0xBF)))}]{{2}}"]


def _punctuation_leads(page: Codepage) -> set[str]:
    """The everyday punctuation a codepage gives to the leads of 3-byte sequences."""
    return set(page.chars(0xE0, 0xEF)) & set(COMMON_AFTER_LETTER)


def _unwritten_latin_pairs(leads: set[str], continuations: set[str]) -> list[str]:
    """Branches for a lead letter, then a continuation letter clean text never writes after it."""
    model = char_model()
    leads_by_followers: dict[frozenset[str], set[str]] = {}
    for lead in leads:
        followers = frozenset(c for c in continuations if not model.pair_count(lead, c))
        if followers:
            leads_by_followers.setdefault(followers, set()).add(lead)
    return [
        f"(?<=[{class_body(group)}])[{class_body(followers)}]"
        for followers, group in sorted(leads_by_followers.items(), key=lambda item: sorted(item[1]))
    ]


def _letter_runs(page: Codepage) -> list[str]:
    """Three whole 3-byte sequences in a row with the same lead letter: "เธชเธงเธฑ" (cp874).

    UTF-8 Thai read as cp874 is made of Thai letters only, so nothing in it is odd pair
    by pair; but every sequence starts with "เ", which clean Thai never repeats so.
    """
    leads = set(page.chars(0xE0, 0xEF))
    continuations = set(page.chars(0x80, 0xBF))
    found = []
    # Scripts with letter case show damage as case oddities (and see _capital_runs).
    for script in ("thai", "hebrew", "arabic"):
        lead_letters = {c for c in leads if _script(c) == script}
        letters = {c for c in continuations if _script(c) == script}
        if lead_letters and letters:
            lead, continuation = f"[{class_body(lead_letters)}]", f"[{class_body(continuations)}]"
            # The same lead thrice: one script's UTF-8 shares its first byte ("เ" = 0xE0).
            group = f"{script}_{page.name.replace('-', '_')}"
            repeat = f"(?:(?P={group}){continuation}{{2}}){{2}}"
            found.append(f"(?<=(?P<{group}>{lead})){continuation}{{2}}{repeat}")
    return found


def _capital_runs(pages: list[Codepage]) -> str | None:
    """Three whole 2-byte sequences in a row with the same capital lead of a cased script.

    Cased scripts show most damage as case oddities, but a word can be all letters and
    common signs pair by pair: "РљР°РЅР°РіР°РІР°" is "Канагава" through cp1251. Its UTF-8
    leads are one capital again and again, which clean text never writes so: none of
    the 1.3 million catalog lines does. (One branch for all codepages, which clean
    Cyrillic text tries at each of its capitals.)
    """
    leads, continuations = _capital_run_pairs(pages)
    if not leads:
        return None
    # A continuation is no plain cased text, or one of the first two is a small letter:
    # plain Cyrillic or Greek text is only searched where it shows a case oddity (see
    # _CASED_ODDITY), which a small letter before the next capital is.
    plain = re.compile(f"[{_CASED}{_PLAIN_PUNCTUATION}]")
    impure = {c for c in continuations if plain.fullmatch(c) is None}
    small = {c for c in continuations if c.islower()}
    continuation = f"[{class_body(continuations)}]"
    return (
        f"(?<=(?P<capital_run>[{class_body(leads)}]))"
        f"(?=(?:..)?[{class_body(small | impure)}]|....[{class_body(impure)}])"
        f"{continuation}(?:(?P=capital_run){continuation}){{2}}"
    )


def _capital_run_pairs(pages: list[Codepage]) -> tuple[set[str], set[str]]:
    """The leads and continuations of _capital_runs."""
    leads = {c for page in pages for c in page.chars(0xC2, 0xDF) if _script(c) in ("cyrillic", "greek") and c.isupper()}
    return leads, {c for page in pages for c in page.chars(0x80, 0xBF)}


def _make_stage_zero(codecs: tuple[str, ...]) -> re.Pattern[str]:
    """Any lead followed by any continuation or stand-in: a fast pre-filter."""
    leads, continuations = _leads_and_continuations(codecs)
    first = leads | set(LOSSY_SPACE_LEADS)
    after_lead = f"[{class_body(continuations | set(LOST_MARKS))}]"
    branches = [after_lead if first == leads else f"(?<=[{class_body(leads)}]){after_lead}"]
    branches.append(f"(?<=[{class_body(LOSSY_SPACE_LEADS)}]) ")
    return compiled(_first_char_then(first, branches))


_STAGE_ZERO: Final = Remembered(_make_stage_zero)


def stage_zero(codecs: tuple[str, ...]) -> re.Pattern[str]:
    return _STAGE_ZERO.of(codecs)


def _make_stage_zero_needs(codecs: tuple[str, ...]) -> tuple[Need, ...]:
    """What stage_zero cannot match without, for a Screen: the same pairs."""
    leads, continuations = _leads_and_continuations(codecs)
    return (
        Need(class_body(leads), class_body(continuations | set(LOST_MARKS)), 2),
        Need(class_body(LOSSY_SPACE_LEADS), " ", 2),
    )


_STAGE_ZERO_NEEDS: Final = Remembered(_make_stage_zero_needs)


def stage_zero_needs(codecs: tuple[str, ...]) -> tuple[Need, ...]:
    return _STAGE_ZERO_NEEDS.of(codecs)


# Plain Cyrillic or Greek text (letters, ASCII and everyday punctuation) is full of lead
# and continuation pairs, and the suspect regex is slow on it. In such text the only odd
# pairs it can find are a lower-case letter before a capital, a letter glued to Latin, a
# lone letter before punctuation, or punctuation before "№" (a capital lead thrice, see
# _capital_runs, comes with a small letter before it, a case oddity, or with a
# character beyond such text): a much smaller regex that
# matches all of those (and more) settles most lines, and only its matches go on to the
# full pattern. It starts at the rare side of each pair (a capital, a Latin letter,
# punctuation) and looks around from there, so the engine skips the lower-case letters in C.
_CASED_RANGES: Final = ((0x400, 0x45F), (0x490, 0x4FF), (0x370, 0x3FF))
_CASED: Final = "".join(f"{chr(low)}-{chr(high)}" for low, high in _CASED_RANGES)
# (exactly, by case: the capitals and small letters of the Cyrillic supplement alternate,
# "ҚқҮү", and a range of both took every Kazakh word with "ү" after a letter for a case
# oddity, and the text on to the full pattern)
_CASED_LETTERS: Final = [chr(point) for low, high in _CASED_RANGES for point in range(low, high + 1)]
_CASED_UPPER: Final = class_body(c for c in _CASED_LETTERS if c.isupper())
_CASED_LOWER: Final = class_body(c for c in _CASED_LETTERS if c.islower())
_PLAIN_PUNCTUATION: Final = "«»–—…’“”„№\xa0"


def _plain_cased_points() -> bytes:
    """By code point, 1 for a character of plain Cyrillic or Greek text: ASCII, the cased
    ranges, the punctuation (for all_marked)."""
    points = bytearray(max(map(ord, _PLAIN_PUNCTUATION)) + 1)
    points[:0x80] = bytes([1]) * 0x80
    for low, high in _CASED_RANGES:
        points[low : high + 1] = bytes([1]) * (high + 1 - low)
    for char in _PLAIN_PUNCTUATION:
        points[ord(char)] = 1
    return bytes(points)


_PLAIN_CASED_POINTS: Final = _plain_cased_points()


def _holds_impure_cased(text: str) -> bool:
    """Whether `text` holds a character beyond plain Cyrillic or Greek text."""
    return not all_marked(text, _PLAIN_CASED_POINTS)


_CASED_ODDITY: Final = compiled(
    f"[{_CASED_UPPER}A-Za-z{_PLAIN_PUNCTUATION}](?:"
    f"(?<=[{_CASED_LOWER}].)(?<=[{_CASED_UPPER}])"
    f"|(?<=[A-Za-z])(?:(?<=[{_CASED}].)|(?=[{_CASED}]))"
    f"|(?<=[{_PLAIN_PUNCTUATION}])(?<=(?<![{_CASED}])[{_CASED}].)"
    # punctuation some codepage gives to a lead byte, before "№": "—№" (mac-cyrillic)
    f"|(?<=№)(?<=[{_PLAIN_PUNCTUATION}].))"
)


@cache
def cased_oddity_needs() -> tuple[Need, ...]:
    """What _holds_impure_cased and _CASED_ODDITY cannot match without, for a Screen: a
    character beyond plain Cyrillic or Greek text, or one of the oddity's pairs."""
    return (
        Need(outside(f"{_CASED}{_PLAIN_PUNCTUATION}")),
        Need(_CASED_LOWER, _CASED_UPPER, 2),
        Need(_CASED, "A-Za-z", 2),
        Need("A-Za-z", _CASED, 2),
        Need(_CASED, _PLAIN_PUNCTUATION, 2),
        Need(_PLAIN_PUNCTUATION, "№", 2),
    )


# fix_text asks this of a damaged text twice, in its clean check and again before it
# reads the text whole (tens of regex searches a line): the last answer is kept, for
# the very same text and codecs (compared by identity; one entry, replaced whole, as
# another thread may replace it), where the text is no longer than a block, which
# fix_text reads whole (a longer one is not kept alive for it).
_last_answer: Final[list[tuple[str, tuple[str, ...], bool]]] = [("", (), False)]


def may_hold_mojibake(text: str, codecs: tuple[str, ...]) -> bool:
    last_text, last_codecs, last = _last_answer[0]
    if last_text is text and last_codecs is codecs:
        return last
    answer = _may_hold_mojibake(text, codecs)
    if len(text) <= BLOCK_CHARS:
        _last_answer[0] = (text, codecs, answer)
    return answer


def _may_hold_mojibake(text: str, codecs: tuple[str, ...]) -> bool:
    if IS_ASCII(text):
        return False
    if COMPILED:
        # (where no pair may begin the pattern, it finds nothing: a compiled scan says so
        # for a fraction of a search of stage_zero, whose pairs are a wider set)
        first = _next_pair(text, 0, len(text), _pair_rules(codecs))
    else:
        found = stage_zero(codecs).search(text)
        first = -1 if found is None else found.start()
    if first < 0:
        return False
    if not _holds_impure_cased(text) and _CASED_ODDITY.search(text) is None:
        return False
    # Compiled, the pattern is tried only where a pair may begin it (see suspect_within):
    # Latin text holds pairs of a lead and a continuation of some codepage in most of its
    # words, and the search tried the pattern's dozens of branches at each, a microsecond
    # a time.
    return suspect_within(text, first, len(text), codecs)


_MATCHES_TRIED: Final = 4


def suspect_within(text: str, start: int, end: int, codecs: tuple[str, ...]) -> bool:
    """Whether suspect_pattern(codecs) matches within text[start:end] (as its search
    with those bounds would find). Compiled, it is tried only where a pair may begin it,
    as in may_hold_mojibake: a damaged text asks this of each of its runs."""
    pattern = suspect_pattern(codecs)
    if not COMPILED:
        return pattern.search(text, start, end) is not None
    rules = _pair_rules(codecs)
    position = _next_pair(text, start, end, rules)
    tried = 0
    while position >= 0:
        # (text with many such pairs, Thai or Cyrillic, is searched after a few)
        if tried == _MATCHES_TRIED:
            return pattern.search(text, position, end) is not None
        if _begins_a_match(text, position, rules) or pattern.match(text, position, end) is not None:
            return True
        tried += 1
        position = _next_pair(text, position + 1, end, rules)
    return False


def _next_pair(text: str, start: i64, end: i64, rules: _PairRules) -> i64:
    """Where in text[start:end] the first pair begins that a branch of suspect_pattern
    may begin with (see _pair_rules), -1 if none does. (What lies around the pair counts
    as far as the text goes.)"""
    leads, latin = rules.leads, rules.latin_letters
    size: i64 = len(text)
    last: i64 = min(end, size) - 1
    index: i64 = start
    while index < last:
        point: i64 = ord(text[index])
        if point < _BMP and leads[2 * point] | leads[2 * point + 1]:
            following: i64 = ord(text[index + 1])
            if following < _BMP:
                kinds = _pair_kinds(rules, point, following)
                if (
                    kinds & ~(_PAGED | _GLUED | _MARK_FIRST | _CAPITAL_RUN)
                    or (kinds & _PAGED and point << 16 | following in _paged_pairs(rules.codecs))
                    or (kinds & _MARK_FIRST and (index == 0 or ord(text[index - 1]) < 0x80))
                    or (
                        kinds & _CAPITAL_RUN
                        and index + 4 < size
                        and ord(text[index + 2]) == point == ord(text[index + 4])
                    )
                    or (
                        kinds & _GLUED
                        and (
                            (index > 0 and _letter_of(ord(text[index - 1]), latin))
                            or (index + 2 < size and _letter_of(ord(text[index + 2]), latin))
                            or (index + 3 < size and ord(text[index + 3]) == point)
                        )
                    )
                ):
                    return index
        index += 1
    return -1


def _begins_a_match(text: str, index: i64, rules: _PairRules) -> bool:
    """Whether the pair at `index` (one _next_pair found) is a match of suspect_pattern by
    itself: the branches of most kinds look at nothing but the pair, and damaged text
    is settled so at its first pair, without the pattern's dozens of branches."""
    point: i64 = ord(text[index])
    following: i64 = ord(text[index + 1])
    kinds = _pair_kinds(rules, point, following)
    before: i64 = ord(text[index - 1]) if index > 0 else -1
    return bool(
        kinds & _PAIR_ALONE
        or (kinds & _TWO_BYTE_LATIN and point << 16 | following in _unwritten_latin_pair_set(rules.codecs))
        or (kinds & _MARK_FIRST and before < 0x80)
        # (the branches of these two look behind the pair alone, where it is one: a lone
        # letter before a quote or dash, but for a no-break space, which looks ahead too;
        # letters glued to a Latin word before them, not after a digit)
        or (kinds & _LONE_LETTER and following != 0xA0 and not _letter_of(before, rules.foreign_letters))
        or (
            kinds & _GLUED
            and _letter_of(before, rules.latin_letters)
            and not (index >= 2 and 0x30 <= ord(text[index - 2]) <= 0x39)
        )
    )


def _letter_of(point: i64, letters: bytes) -> bool:
    """Whether the code point (-1 for none) is marked in a letter table of _PairRules."""
    return 0 <= point < _BMP and letters[point] == 1


def _pair_kinds(rules: _PairRules, point: i64, following: i64) -> i64:
    """The kinds of pair (see _pair_rules) a lead and a follower, both in the BMP, make."""
    leads, followers = rules.leads, rules.followers
    return (leads[2 * point] & followers[2 * following]) | (leads[2 * point + 1] & followers[2 * following + 1]) << 8


_BMP: Final = 0x10000


# The kinds of pair of _pair_rules whose pairs are one codepage's (a lead of one and a
# continuation of another make none): their pairs are looked up one by one.
_PAGED: Final = 0b11
# The kind of two letters of scripts other than Latin: a branch begins with them only
# beside a Latin letter (glued to a Latin word) or as the first of a letter run, whose
# lead comes again three characters on.
_GLUED: Final = 1 << 4
# The kind of a combining mark and what follows it: a branch begins with them only at the
# start of a word, after ASCII or nothing (Thai writes its marks after letters).
_MARK_FIRST: Final = 1 << 9
# The kind of a letter of another script than Latin before a quote, dash or no-break
# space: a branch begins with them where the letter stands alone, no letter of such a
# script before it.
_LONE_LETTER: Final = 1 << 10
# The kind of a capital lead and a continuation of _capital_runs: a branch begins with
# them only where the lead comes again two and four characters on.
_CAPITAL_RUN: Final = 1 << 11
# The kinds whose branches match the pair alone, whatever lies around it (see _pair_rules).
_PAIR_ALONE: Final = 1 << 2 | 1 << 3 | 1 << 5 | 1 << 6 | 1 << 7 | 1 << 8
# Of the _PAGED kinds, two Latin letters: a match where clean text never writes the pair.
_TWO_BYTE_LATIN: Final = 1 << 0


class _PairRules(NamedTuple):
    leads: bytes  # by code point, two bytes each: a bit for each kind of pair it may lead
    followers: bytes  # and one for each it may follow in
    latin_letters: bytes  # by code point, 1 for a letter of SCRIPT_RANGES["latin"] (all in the BMP)
    foreign_letters: bytes  # and 1 for a letter of the other scripts of SCRIPT_RANGES
    codecs: tuple[str, ...]  # (for _paged_pairs)


def _make_pair_rules(codecs: tuple[str, ...]) -> _PairRules:
    """The pairs a branch of suspect_pattern(codecs) may begin with. Each branch begins
    with a character of its group's leads and one of a class of its own, then looks
    around: those pairs, a few branches' together, are the kinds. (All characters of the
    codepages are in the Basic Multilingual Plane.)"""
    classes = _classes(codecs)
    continuations, common, odd = classes.continuations, classes.common, classes.odd
    symbol_leads, foreign_leads, foreign_continuations = (
        classes.symbol_leads,
        classes.foreign_leads,
        classes.foreign_continuations,
    )
    paged_kinds: list[tuple[set[str], set[str]]] = [(set(), set()), (set(), set())]
    for page_kinds in _latin_sequence_pairs(codecs):
        for kind, (kind_leads, kind_followers) in enumerate(page_kinds):
            paged_kinds[kind][0].update(kind_leads)
            paged_kinds[kind][1].update(kind_followers)
    kinds: list[tuple[set[str], set[str]]] = [
        *paged_kinds,
        (classes.latin_leads, odd | (common & continuations) | set(LOST_MARKS)),
        (foreign_leads, odd | classes.latin_continuations),
        (foreign_leads, foreign_continuations),  # _GLUED
        (classes.lower_leads, classes.upper_continuations),
        (symbol_leads - common, set(continuations)),
        (symbol_leads & common, odd | (set(SYMBOLS_AFTER_LETTER) & continuations)),
        (set(LOSSY_SPACE_LEADS), {" "}),
        (classes.marks, set(continuations)),  # _MARK_FIRST
        # (a lone letter before a quote or dash: the branch looks behind it)
        (foreign_leads, common & continuations),
        _capital_run_pairs([codepage(name) for name in codecs]),  # _CAPITAL_RUN
    ]
    # (two bytes a code point: the first eight kinds, then the rest; the branches of kinds
    # 2, 3 and 5-8 look at the pair alone, _PAIR_ALONE)
    lead_bits = bytearray(2 * _BMP)
    follower_bits = bytearray(2 * _BMP)
    for kind, (kind_leads, kind_followers) in enumerate(kinds):
        for char in kind_leads:
            lead_bits[2 * ord(char) + kind // 8] |= 1 << kind % 8
        for char in kind_followers:
            follower_bits[2 * ord(char) + kind // 8] |= 1 << kind % 8
    latin_letters = _letter_table(SCRIPT_RANGES["latin"])
    foreign_letters = _letter_table(_FOREIGN_LETTERS)
    return _PairRules(bytes(lead_bits), bytes(follower_bits), latin_letters, foreign_letters, codecs)


def _letter_table(ranges: str) -> bytes:
    """1 by code point for the characters of a class body of ranges (all in the BMP)."""
    table = bytearray(_BMP)
    for low, high in class_points(ranges):
        table[low : high + 1] = bytes([1]) * (high + 1 - low)
    return bytes(table)


_PAIR_RULES: Final = Remembered(_make_pair_rules)


def _pair_rules(codecs: tuple[str, ...]) -> _PairRules:
    return _PAIR_RULES.of(codecs)


def _latin_sequence_pairs(codecs: tuple[str, ...]) -> list[list[tuple[set[str], set[str]]]]:
    """Each page's kinds of pair that begin its Latin sequences (see _latin_sequences) or
    its sequences behind punctuation (see _punctuation_sequences), in the order of _PAGED:
    two-byte leads and Latin continuations, wider leads and any."""
    found = []
    for page in (codepage(name) for name in codecs):
        continuations = set(page.chars(0x80, 0xBF))
        latin_continuations = {c for c in continuations if _script(c) == "latin"}
        two_bytes = {c for c in page.chars(0xC2, 0xDF) if _script(c) == "latin"}
        wider = {c for c in page.chars(0xE0, 0xF4) if _script(c) == "latin"} | _punctuation_leads(page)
        found.append([(two_bytes, latin_continuations), (wider, continuations)])
    return found


def _make_unwritten_latin_pair_set(codecs: tuple[str, ...]) -> frozenset[int]:
    """The pairs of the _TWO_BYTE_LATIN kind that a branch of _unwritten_latin_pairs
    takes, lead << 16 | follower: one page's lead and continuation letters, a pair clean
    text never writes."""
    model = char_model()
    return frozenset(
        ord(lead) << 16 | ord(follower)
        for page_kinds in _latin_sequence_pairs(codecs)
        for lead in page_kinds[0][0]
        for follower in page_kinds[0][1]
        if not model.pair_count(lead, follower)
    )


_UNWRITTEN_LATIN_PAIR_SET: Final = Remembered(_make_unwritten_latin_pair_set)


def _unwritten_latin_pair_set(codecs: tuple[str, ...]) -> frozenset[int]:
    return _UNWRITTEN_LATIN_PAIR_SET.of(codecs)


def _make_paged_pairs(codecs: tuple[str, ...]) -> frozenset[int]:
    """The pairs of the _PAGED kinds, lead << 16 | follower: made where first needed (a
    few milliseconds, which a start-up need not pay)."""
    return frozenset(
        ord(lead) << 16 | ord(follower)
        for page_kinds in _latin_sequence_pairs(codecs)
        for leads, followers in page_kinds
        for lead in leads
        for follower in followers
    )


_PAGED_PAIRS: Final = Remembered(_make_paged_pairs)


def _paged_pairs(codecs: tuple[str, ...]) -> frozenset[int]:
    return _PAGED_PAIRS.of(codecs)
