"""Which language a Latin text reads like: a letter-trigram model of each Latin-script
language (latin_grams.json, built by scripts/build_latin_grams.py from the catalogs and
wordfreq's lists), and which of them are no explanation of text misread from each Latin
codepage (see reading_fit).

Between two Latin codepages a misreading changes a letter or two a word, and the
character model, which scores letters by class, hardly tells "Plëtiklio stulpelis" from
"Plėtiklio stulpelis". The languages do: "ėti", "lis " and " stu" are Lithuanian, and
the words a misreading leaves alone are of the text's own language too.
"""

from __future__ import annotations

import base64
import math
import sys
import zlib
from array import array
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from typing import Final, NamedTuple

from textfix.model.tables import table
from textfix.native import i64
from textfix.patterns import compiled
from textfix.utf8 import space_at

# Letters are kept, in lower case, and so are symbols beyond ASCII: a letter misread as
# one ("ž" as "˛" through cp1257) or one misread as a letter ("³" for "ł") must cost
# what no language has. Any run of spaces, ASCII digits and punctuation, and printf
# directives ("%s", "%-2d": of no language either) is one space. (The directives are
# searched for, then the rest is read character by character: see _normal.)
_PRINTF_DIRECTIVE: Final = compiled(r"%[-+ #0'.\d*]*(?:hh|ll|[hlqjzt])?[a-z]")
LOGP_SCALE: Final = 10.0  # the table holds natural-log probabilities times this, as ints


# A trigram's row holds a byte per language, in the table's order: its log-probability
# (as stored, times LOGP_SCALE) plus _OFFSET, or _ABSENT where the model lacks it. One
# lookup of a text's trigram serves every model.
_OFFSET: Final = 128
_ABSENT: Final = 255
_NO_ROW: Final = -1  # a trigram no model has


class _Grams(NamedTuple):
    """The models as flat tables of bytes, read in compiled loops: a trigram is found
    without a string made or hashed, or a Python object touched (see _find). A dict by
    trigram cost a slice, a hash and a probe of a 37,000-key table each (a memory-bound
    lookup), and counting a text's trigrams in another dict as much again."""

    codes: bytes  # by code point, the code (1-255) of a character some trigram has; 0 for others
    starts: bytes  # by pair of codes (first * 256 + second), and one more: where its trigrams begin (4 bytes each)
    thirds: bytes  # the trigrams' third characters' codes, in order of their first two
    rows: bytes  # a row of `width` bytes for each trigram, in the same order
    width: int  # one byte per language
    languages: tuple[str, ...]  # the models, in the table's order
    column_of: dict[str, int]
    # the languages of each original codepage (see reading_fit); a set, as a tuple's
    # membership test compared the names one by one (the JSON's strings are not the same objects)
    originals: dict[str, frozenset[str]]
    unseen: float  # the log-probability of a trigram a model lacks


@cache
def _models() -> _Grams:
    # The models as the build script writes them flat (see flat_tables there): read at
    # once, where a loop over the 250,000 trigrams of the 71 models, at the first text a
    # Latin check read, took a fifth of a second.
    data = table("latin_grams")
    languages = tuple(data["languages"])
    width = len(languages)
    flat = data["flat"]
    characters: str = flat["characters"]
    grams: str = flat["grams"]
    rows = zlib.decompress(base64.b64decode(flat["rows"]))
    count = len(grams) // 3
    if len(grams) != 3 * count or len(rows) != count * width:
        raise ValueError(f"latin_grams: {len(grams)} characters of trigrams and {len(rows)} bytes of rows")
    if len(characters) > 255:
        raise ValueError(f"latin_grams: more characters than a byte codes: {len(characters)}")
    # (_best_fit's partial sums only ever fall: no log-probability is above 0)
    present = rows.translate(None, bytes([_ABSENT]))
    if present and max(present) > _OFFSET:
        raise ValueError(f"latin_grams: a log-probability above 0: {max(present) - _OFFSET}")
    if data["unseen"] > 0:
        raise ValueError(f"latin_grams: an unseen trigram's log-probability above 0: {data['unseen']}")
    # (codes follow the characters' order, and the trigrams are in code point order: in
    # order of their codes too, each pair's together)
    coding = bytearray(ord(characters[-1]) + 1 if characters else 0)
    for code, character in enumerate(characters, 1):
        coding[ord(character)] = code
    codes = bytes(coding)
    thirds = bytearray(count)
    first = [count] * (256 * 256 + 1)
    for index in range(count - 1, -1, -1):
        one = _code_of(codes, ord(grams[3 * index]))
        two = _code_of(codes, ord(grams[3 * index + 1]))
        three = _code_of(codes, ord(grams[3 * index + 2]))
        if one == 0 or two == 0 or three == 0:
            raise ValueError(f"latin_grams: a character not listed in {grams[3 * index : 3 * index + 3]!r}")
        first[one << 8 | two] = index
        thirds[index] = three
    # (a pair without trigrams begins where the next one does, so that each ends where
    # the next begins)
    for pair in range(256 * 256 - 1, -1, -1):
        first[pair] = min(first[pair], first[pair + 1])
    return _Grams(
        codes,
        _little_endian_words(first),
        bytes(thirds),
        rows,
        width,
        languages,
        {language: column for column, language in enumerate(languages)},
        {name: frozenset(members) for name, members in data["originals"].items()},
        data["unseen"] / LOGP_SCALE,
    )


def _little_endian_words(values: list[int]) -> bytes:
    """Unsigned ints as 4 bytes each, the lowest first."""
    words = array("I", values)
    if sys.byteorder == "big":
        words.byteswap()
    return words.tobytes()


def trigrams(text: str) -> list[str]:
    """The text's letter trigrams, in lower case, with a space for the edges of words."""
    return _trigrams_of(_normal(text))


def _normal(text: str) -> str:
    """The text as its trigrams are taken from (see trigrams): in lower case, each run of
    whitespace and ASCII non-letters one space, a space either side."""
    lowered = text.lower()
    if "%" in lowered:
        lowered = _PRINTF_DIRECTIVE.sub(" ", lowered)
    # (a compiled loop over the characters: the regex substitution of the runs cost ten
    # times as much, and a text read whole as Baltic is made normal twice)
    pieces = [" "]
    kept_from = -1  # where the stretch of kept characters began; -1 inside a run of others
    for index in range(len(lowered)):
        point = ord(lowered[index])
        ascii_letter = 0x61 <= point <= 0x7A or 0x41 <= point <= 0x5A
        other = not ascii_letter if point < 0x80 else space_at(lowered, index)
        if not other:
            if kept_from < 0:
                kept_from = index
        elif kept_from >= 0:
            pieces.append(lowered[kept_from:index])
            pieces.append(" ")
            kept_from = -1
    if kept_from >= 0:
        pieces.append(lowered[kept_from:])
        pieces.append(" ")
    # (no letter at all: the two spaces either side of nothing)
    return "".join(pieces) if len(pieces) > 1 else "  "


def _trigrams_of(normal: str) -> list[str]:
    return [normal[index : index + 3] for index in range(len(normal) - 2)]


def _rows_in(normal: str) -> list[int]:
    """Where each trigram of a normal text (see _normal) has its row in the models' rows
    (_NO_ROW for one no model has), in order."""
    grams = _models()
    codes, starts, thirds, width = grams.codes, grams.starts, grams.thirds, grams.width
    rows: list[int] = []
    one: i64 = 0
    two: i64 = 0
    for index in range(len(normal)):
        three = _code_of(codes, ord(normal[index]))
        if index >= 2:
            rows.append(_find(starts, thirds, width, one, two, three))
        one, two = two, three
    return rows


def _rows_at(text: str, firsts: list[int]) -> list[int]:
    """Where the trigrams of `text` that begin at `firsts` have their rows (see _rows_in)."""
    # (the tables read once: the models are behind a cache, and each table an attribute
    # of a NamedTuple, which compiled code looks up by name)
    grams = _models()
    codes, starts, thirds, width = grams.codes, grams.starts, grams.thirds, grams.width
    rows = []
    for first in firsts:
        one = _code_of(codes, ord(text[first]))
        two = _code_of(codes, ord(text[first + 1]))
        three = _code_of(codes, ord(text[first + 2]))
        rows.append(_find(starts, thirds, width, one, two, three))
    return rows


def _code_of(codes: bytes, point: i64) -> i64:
    """A character's code (see _Grams): 0 for one no trigram has."""
    return codes[point] if point < len(codes) else 0


def _find(starts: bytes, thirds: bytes, width: i64, one: i64, two: i64, three: i64) -> i64:
    """The row of the trigram of these character codes (see _Grams), by halving among the
    trigrams of its first two."""
    if one == 0 or two == 0 or three == 0:
        return _NO_ROW
    pair: i64 = 4 * (one * 256 + two)
    low: i64 = starts[pair] | (starts[pair + 1] << 8) | (starts[pair + 2] << 16) | (starts[pair + 3] << 24)
    high: i64 = starts[pair + 4] | (starts[pair + 5] << 8) | (starts[pair + 6] << 16) | (starts[pair + 7] << 24)
    while low < high:
        middle: i64 = (low + high) >> 1
        found: i64 = thirds[middle]
        if found == three:
            return middle * width
        if found < three:
            low = middle + 1
        else:
            high = middle
    return _NO_ROW


def _best_fit(rows: list[int], columns: Iterable[int]) -> float:
    """The mean log-probability (natural) of the trigrams under the model they fit best.

    The model that fit best last time is tried first: a model whose partial sum falls
    to the best mean so far can only fall further (no log-probability is above 0), and
    is left there. The best mean is the same in any order.
    """
    grams = _models()
    logps, unseen = grams.rows, grams.unseen
    tried = list(columns)
    if _last_best[0] in tried:
        tried.remove(_last_best[0])
        tried.insert(0, _last_best[0])
    best: float | None = None
    for column in tried:
        # (a mean cut short is no more than the best, and is not taken)
        mean = _mean_or_below(rows, column, logps, unseen, -math.inf if best is None else best)
        if best is None or mean > best:
            best = mean
            _last_best[0] = column
    return unseen if best is None else best


_last_best = [0]  # the column of the model that fit best last time


def _mean_or_below(rows: list[int], column: int, logps: bytes, unseen: float, floor: float) -> float:
    """The rows' mean log-probability under one model; or, once that is sure to be no
    more than `floor`, a partial mean no more than it either (checked every few rows:
    partial sums only fall). -inf as `floor` asks for the mean."""
    # (a loop, not sum() of a generator: compiled, its float adds are native; the
    # log-probability is read inline, as a call per trigram cost more than the read)
    count = len(rows)
    total = 0.0
    for index in range(count):
        row: i64 = rows[index]
        value: i64 = _ABSENT if row == _NO_ROW else logps[row + column]
        if value == _ABSENT:
            total += unseen
        else:
            total += float(value - _OFFSET) / LOGP_SCALE
        if index & 7 == 7 and total / count <= floor:
            return total / count
    return total / count


# A text of this many trigrams counts half: a name or two fit one model or the other by
# a letter, "Puèi Domat" Croatian as well as Occitan.
HALF_WEIGHT_TRIGRAMS: Final = 20


def _shown_fit(shown: str, original: str) -> float:
    """_best_fit of the text as shown, over the models of every language but `original`'s."""
    grams = _models()
    own = grams.originals[original]
    means = _shown_means(shown)
    best: float | None = None
    for column, name in enumerate(grams.languages):
        if name not in own and (best is None or means[column] > best):
            best = means[column]
    return grams.unseen if best is None else best


@lru_cache(maxsize=64)
def _shown_means(shown: str) -> list[float]:
    # (the same for every pair that reads the text, whichever its original codepage:
    # each model's mean, as _best_fit works it out, once)
    rows = _rows_in(_normal(shown))
    grams = _models()
    return [_mean_or_below(rows, column, grams.rows, grams.unseen, -math.inf) for column in range(grams.width)]


def reading_fit(shown: str, read: str, original: str) -> float:
    """How much better, per trigram, the text as read fits the Latin language it reads
    most like than the text as shown fits any language but those of `original` (written
    in it, or in letters it has and cp1252 lacks: see scripts/build_latin_grams.py; 0
    for a codepage without models), weighed down for a short text.

    Any language: clean text in a language no codepage of the pair was made for
    ("formâts", Friulian) is not misread, and misread text may be of any language the
    original encodes (Polish "Bùædna" is "Błędna" through cp1257). But the original's
    own languages are no explanation of the text as shown: its words are theirs, but
    not its letters ("Plëtiklio stulpelis" is Lithuanian but for "ë")."""
    rows = _rows_in(_normal(read))
    if original not in _models().originals or not rows:
        return 0.0
    weight = len(rows) / (len(rows) + HALF_WEIGHT_TRIGRAMS)
    return weight * (_best_fit(rows, range(len(_models().languages))) - _shown_fit(shown, original))


def reads_better_by(shown: str, read: str, languages: Iterable[str], original: str, margin: float) -> bool:
    """Whether the text as read is likelier, by `margin` nats or more over all its
    trigrams, under the model of the language it reads most like among `languages` than
    the text as shown is under any model but those of `original` (see reading_fit).
    Summed, not averaged: the more text reads as the language, the surer; a name or two
    ("Tûvalû") weigh little.

    Clean text is turned away by the first model that explains it well enough, so the
    models are tried in the order of their last such win: text of one language meets
    that language's model first."""
    grams = _models()
    read_normal = _normal(read)
    shown_weighed = _shown_weighed(shown)
    shown_rows, shown_totals = shown_weighed.rows, shown_weighed.totals
    own = grams.originals.get(original, frozenset())
    order = _refuting_order()
    columns = [grams.column_of[name] for name in languages if name in grams.column_of]
    # (a text of fewer than three characters, spaces around it included, has no trigram)
    if len(read_normal) < 3 or not columns or not shown_rows:
        return False

    def shown_total(column: int) -> float:
        total = shown_totals.get(column)
        if total is None:
            total = shown_totals[column] = _total(shown_rows, column, grams.rows, grams.unseen)
        return total

    # A reading changes a few letters: its totals are the shown text's, less the trigrams
    # it changes, plus their readings. Summed in another order, they may differ from sums
    # afresh in the last bits (by `band` at most), so they settle what they settle by more
    # than that; the rest is summed afresh, trigram by trigram.
    totals = _totals_as_changed(shown_weighed, read_normal, columns, shown_total)
    band = _ROUNDING
    if totals is None:
        totals, band = _totals_afresh(read_normal, columns), 0.0
    # Clean text is refuted by the first model tried: where every reading's total, less the
    # margin, falls below that model's total for the text as shown.
    first = next((position for position, name in enumerate(order) if name not in own), None)
    if first is not None:
        refuting = shown_total(grams.column_of[order[first]])
        if band and any(abs(total - margin - refuting) <= band for total in totals):
            totals, band = _totals_afresh(read_normal, columns), 0.0
        if all(total - margin < refuting for total in totals):
            order.insert(0, order.pop(first))
            return False
    for position, name in enumerate(order):
        if name in own:
            continue
        total = shown_total(grams.column_of[name])
        if band and abs(total - (max(totals) - margin)) <= band:
            totals, band = _totals_afresh(read_normal, columns), 0.0
        if total > max(totals) - margin:
            order.insert(0, order.pop(position))
            return False
    return True


def _totals_afresh(normal: str, columns: list[int]) -> list[float]:
    """The text's total under each column, summed trigram by trigram."""
    rows, grams = _rows_in(normal), _models()
    return [_total(rows, column, grams.rows, grams.unseen) for column in columns]


class _Weighed(NamedTuple):
    """A text as shown, as reads_better_by weighs it."""

    normal: str
    rows: list[int]  # its trigrams' (see _rows_in)
    totals: dict[int, float]  # under the models weighed so far, by column


def _shown_weighed(shown: str) -> _Weighed:
    """The text weighed as shown (its totals added to as models weigh it).

    A text is read whole through several pairs in turn, each weighed against the text
    as shown: the last text's are kept (compared by identity, read as a copy: another
    thread may replace them)."""
    for kept, weighed in _shown_kept[-1:]:
        if kept is shown:
            return weighed
    normal = _normal(shown)
    weighed = _Weighed(normal, _rows_in(normal), {})
    _shown_kept[:] = [(shown, weighed)]
    return weighed


_shown_kept: list[tuple[str, _Weighed]] = []

# More than the rounding of a sum of log-probabilities in two orders can come to
_ROUNDING: Final = 1e-6


def _totals_as_changed(
    shown: _Weighed, read_normal: str, columns: list[int], shown_total: Callable[[int], float]
) -> list[float] | None:
    """The read text's total under each column, from the shown text's and the trigrams
    the reading changes; None where the reading changes the text's length (a capital
    whose small letter is two characters)."""
    normal = shown.normal
    size: i64 = len(normal)
    if len(read_normal) != size:
        return None
    changed: list[int] = []  # the trigrams (by their first character) that a changed character is in
    for index in range(size):
        if ord(normal[index]) != ord(read_normal[index]):
            for first in range(max(index - 2, changed[-1] + 1 if changed else 0), min(index, size - 3) + 1):
                changed.append(first)
    shown_rows = [shown.rows[first] for first in changed]
    read_rows = _rows_at(read_normal, changed)
    grams = _models()
    logps, unseen = grams.rows, grams.unseen
    totals = []
    for column in columns:
        total = shown_total(column)
        for index in range(len(changed)):
            total += _logp(read_rows[index], column, logps, unseen) - _logp(shown_rows[index], column, logps, unseen)
        totals.append(total)
    return totals


def _logp(row: int, column: int, logps: bytes, unseen: float) -> float:
    """The log-probability of a trigram (by its row) under one model."""
    value = _ABSENT if row == _NO_ROW else logps[row + column]
    return unseen if value == _ABSENT else (value - _OFFSET) / LOGP_SCALE


def reads_into_unseen_letters(read: str, languages: Iterable[str], words: Iterable[tuple[str, str]]) -> bool:
    """Whether a word, read, puts its new letters where the language the text reads most
    like among `languages` never has them: every trigram the reading brings into it is
    unseen ("ýüklenip" read as Turkish "ıüklenip": Turkish has no "ıü"). `words` are
    (shown, read) pairs."""
    likeliest = _likeliest(_rows_in(_normal(read)), languages)
    if likeliest is None:
        return False
    column = likeliest[1]
    logps = _models().rows
    for shown_word, read_word in words:
        brought = set(trigrams(read_word)) - set(trigrams(shown_word))
        if not brought:
            continue
        rows = _rows_at("".join(brought), list(range(0, 3 * len(brought), 3)))
        if not any(_has(row, column, logps) for row in rows):
            return True
    return False


def _has(row: int, column: int, logps: bytes) -> bool:
    return row != _NO_ROW and logps[row + column] != _ABSENT


def _total(rows: list[int], column: int, logps: bytes, unseen: float) -> float:
    """log P of the trigrams (by their rows), summed, under one model."""
    # (a loop, as in _mean_or_below)
    total = 0.0
    for index in range(len(rows)):
        row: i64 = rows[index]
        value: i64 = _ABSENT if row == _NO_ROW else logps[row + column]
        if value == _ABSENT:
            total += unseen
        else:
            total += float(value - _OFFSET) / LOGP_SCALE
    return total


def _likeliest(rows: list[int], languages: Iterable[str]) -> tuple[float, int] | None:
    """The summed log P of the trigrams (by their rows) under the model of `languages`
    that likes them best, and that model's column; None without trigrams or models."""
    grams = _models()
    column_of = grams.column_of
    scored = [
        (_total(rows, column_of[name], grams.rows, grams.unseen), column_of[name])
        for name in languages
        if name in column_of
    ]
    return max(scored, key=lambda pair: pair[0]) if rows and scored else None


@cache
def _refuting_order() -> list[str]:
    """The language models, the last to explain a text as shown first (see reads_better_by)."""
    return sorted(_models().languages)
