"""Evidence: how sure we are that a candidate repair is right.

A candidate is described by a few features, most of them comparisons of the text
before and after the repair under the character model, and a logistic regression turns
them into a probability. The weights are learned by scripts/build_evidence.py from
clean text and the same text damaged through every supported chain, so the
probability is calibrated on data, not guessed.
"""

from __future__ import annotations

import math
import string
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache
from typing import Final

from textfix.codecs import PRIOR_SHARE
from textfix.model.charmodel import CLASS_CATEGORIES, CLASS_SCRIPTS, category_of, char_model, class_of, script_of
from textfix.model.tables import table
from textfix.spans import gaps, union_of

FEATURE_NAMES: Final = (
    "gain",
    "class_gain",
    "margin",
    "span_length",
    "lost_space",
    "lost_mark",
    "lost_guesses",
    "support",
    "stranded_letters",
    "span_script_elsewhere",
    "replacement_script_elsewhere",
    "clean_letters_nearby",
    "surprises_removed",
    "codec_prior",
    "looks_like_word",
    "has_c1",
    "replacement_is_rare",
)

# A whole-window reading is trusted without the slower evidence only with this many
# sequences: shorter ones are common by chance in clean Vietnamese or Czech (cp852 reads
# "đó" as "Т"), and their precision on generated data says nothing of that base rate.
WHOLE_WINDOW_MIN_SEQUENCES: Final = 3
SUPPORT_CANDIDATES: Final = 64  # the strongest readings looked at for support, so long texts stay linear
SUPPORT_REACH: Final = 200  # how far away another reading through the same codepage still counts
NEARBY: Final = 30  # characters on each side in which clean letters of the repair's script count
CENSUS_REACH: Final = 400  # characters around the readings whose scripts count as the text's own
_LETTERS: Final = {"Lu", "Ll", "Lo", "M"}
_RARE: Final = frozenset({"RARE", "COMBINING"})
UNUSUAL_CATEGORIES: Final = frozenset({"Cn", "Co", "Cc", "C1", "Cf"})
# for readings that can leave a nonspacing mark standing alone, a chance reading's sign too
UNUSUAL_OR_MARK: Final = UNUSUAL_CATEGORIES | {"Mn"}


# The script of each class's letters, None for a class of no letters: a letter's script
# is its class's (read by code point, no dict of the characters met).
_LETTER_SCRIPT_OF_CLASS: Final = tuple(
    script if category in _LETTERS else None for script, category in zip(CLASS_SCRIPTS, CLASS_CATEGORIES)
)


def letter_script(char: str) -> str | None:
    """The script of a letter ("LATIN", "CYRILLIC"), None for anything else."""
    return _LETTER_SCRIPT_OF_CLASS[class_of(char)]


def looks_like_word(span: str, left: str, right: str) -> bool:
    """The span is letters of the same script as the letters around it, like clean text."""
    scripts = {letter_script(c) for c in span}
    if len(scripts) != 1 or None in scripts:
        return False
    neighbours = {letter_script(c) for c in (left[-1:], right[:1]) if c}
    neighbours.discard(None)
    return bool(neighbours) and neighbours <= scripts


class Reading:
    """A candidate repair of text[start:end] and how much more plausible it makes the text.

    (A plain class, not a NamedTuple: compiled, it is made and read as a C struct, where
    a NamedTuple is made through its Python __new__; each candidate makes one.)
    """

    def __init__(
        self,
        start: int,
        end: int,
        replacement: str,
        lossy: bool,
        guesses: int,
        stranded: int,
        codec: str,
        surprises_removed: int,
        gain: float,
        class_gain: float,
    ) -> None:
        self.start = start
        self.end = end
        self.replacement = replacement
        self.lossy = lossy
        self.guesses = guesses  # readings the lost bytes allowed
        self.stranded = stranded  # letters of its stretch that stay unexplained
        self.codec = codec
        self.surprises_removed = surprises_removed  # unseen pairs of common chars before, minus after
        self.gain = gain  # log-likelihood gain under the character-pair model
        self.class_gain = class_gain  # the same under the class model


def reading(
    text: str,
    start: int,
    end: int,
    replacement: str,
    codec: str,
    lossy: bool = False,
    guesses: int = 1,
    stranded: int = 0,
) -> Reading:
    model = char_model()
    span, left, right = text[start:end], text[max(0, start - 1) : start], text[end : end + 1]
    span_surprises, span_logp = model.pair_measures(span, left, right)
    read_surprises, read_logp = model.pair_measures(replacement, left, right)
    return Reading(
        start,
        end,
        replacement,
        lossy,
        guesses,
        stranded,
        codec,
        span_surprises - read_surprises,
        read_logp - span_logp,
        model.logp(replacement, left, right) - model.logp(span, left, right),
    )


def _score(item: Reading) -> float:
    """How well a reading does against its rivals: both models' gains and the codec's prior."""
    return item.gain + item.class_gain + math.log(PRIOR_SHARE.get(item.codec, 0.01))


def letter_scripts(chars: Iterable[str]) -> set[str]:
    """The scripts of the letters among `chars`."""
    # (compiled, a loop calls letter_script natively: through map() each character cost
    # a call from Python, and a CJK text's census holds hundreds of them)
    scripts: set[str] = set()
    for char in chars:
        script = letter_script(char)
        if script is not None:
            scripts.add(script)
    return scripts


def elsewhere(chars: str, scripts_outside: set[str]) -> float:
    """+1 if the letters of `chars` are of scripts the clean rest of the text uses, -1 if not."""
    scripts = letter_scripts(chars)
    if not scripts:
        return 0.0
    return 1.0 if scripts <= scripts_outside else -1.0


def scripts_outside(text: str, covered: list[tuple[int, int]]) -> set[str]:
    """Scripts of the letters outside the readings' spans (`covered`, as union_of gives
    them), near the readings."""
    if not covered:
        return set()
    low, high = max(0, covered[0][0] - CENSUS_REACH), min(len(text), covered[-1][1] + CENSUS_REACH)
    # (each distinct non-ASCII character once: a long text repeats its letters; ASCII
    # letters are all Latin, and its other characters no letters)
    chars: set[str] = set()
    for start, end in gaps(covered, low, high):
        chars.update(text[start:end])
    scripts = letter_scripts(chars - _ASCII)
    if not chars.isdisjoint(_ASCII_LETTERS):
        scripts.add("LATIN")
    return scripts


_ASCII: Final = frozenset(map(chr, range(128)))
_ASCII_LETTERS: Final = frozenset(string.ascii_letters)


def _clean_letters_nearby(text: str, item: Reading, covered: list[tuple[int, int]], outside: set[str]) -> int:
    """Non-ASCII letters of the replacement's script near it that no reading touches.

    Damage hits every non-ASCII character of a misdecoded stretch, so clean letters of
    the very script the repair would produce, right beside it, speak against it. (They
    lie among the letters whose scripts are `outside`, scripts_outside's answer for the
    same spans: a script not among those has none near.)
    """
    scripts = letter_scripts(item.replacement) & outside
    if not scripts:
        return 0
    low, high = max(0, item.start - NEARBY), min(len(text), item.end + NEARBY)
    # (a compiled loop over the few characters nearby: a regex search of each gap between
    # the readings, several a reading, cost more than looking at every character)
    count = 0
    for start, end in gaps(covered, low, high):
        for index in range(start, end):
            if ord(text[index]) >= 0x80 and letter_script(text[index]) in scripts and _a_letter(text[index]):
                count += 1
    return count


def _a_letter(char: str) -> bool:
    """Whether a character is a word character but a digit or "_" (the regex class
    [^\\W\\d_]): a letter, or a number that is no decimal digit."""
    return char.isalnum() and not char.isdecimal()


def agree(start: int, end: int, replacement: str, other_start: int, other_end: int, other_replacement: str) -> bool:
    """Two overlapping readings agree when one is a piece of the other, read the same way.

    (Given as spans and replacements, not as the readings: compiled, a reading's fields
    read through a protocol were attribute lookups by name.)"""
    if replacement == other_replacement:
        return True
    if start <= other_start and other_end <= end:
        return other_replacement in replacement
    if other_start <= start and end <= other_end:
        return replacement in other_replacement
    return False


def has_rare_chars(text: str, categories: frozenset[str] = UNUSUAL_CATEGORIES) -> bool:
    """Whether `text` has a char of a rare script, a combining one, or one of `categories`."""
    return any(script_of(c) in _RARE or category_of(c) in categories for c in text)


# (compiled, a Final is a C static; math.asinh and math.log1p, which mypyc has no
# primitives for, were attribute lookups on the module at every use)
_ASINH: Final = math.asinh
_LOG1P: Final = math.log1p


def layer_features(text: str, readings: list[Reading]) -> list[list[float]]:
    """Features of every reading of one text; `margin` compares it with its rivals.

    A rival is a different replacement for an overlapping span (another codepage, or a
    shorter or longer stretch). A reading that beats every rival by far is much more
    likely right than one that barely wins.
    """
    ordered = sorted(range(len(readings)), key=lambda i: readings[i].start)
    best_rival = [-math.inf] * len(readings)
    # The strongest reading through each codec: damage through one codepage rarely comes
    # alone. The same letters read the same way again are no support: "ЛипсваНяма" thrice
    # (a Bulgarian identifier, whose "аН" is "н" through ISO-8859-5) would support itself.
    strongest: dict[str, list[tuple[float, int, int, str]]] = {}
    for item in readings:
        strongest.setdefault(item.codec, []).append(
            (item.gain + item.class_gain, item.start, item.end, item.replacement)
        )
    for entries in strongest.values():
        entries.sort(reverse=True)
    for position, i in enumerate(ordered):
        current = readings[i]
        # (by index: a slice of the rest would copy it for every reading, which in dense
        # damage, thousands of readings long, made the loop quadratic)
        for following in range(position + 1, len(ordered)):
            j = ordered[following]
            other = readings[j]
            if other.start >= current.end:
                break
            if not agree(current.start, current.end, current.replacement, other.start, other.end, other.replacement):
                best_rival[i] = max(best_rival[i], _score(other))
                best_rival[j] = max(best_rival[j], _score(current))
    covered = union_of((r.start, r.end) for r in readings)
    outside = scripts_outside(text, covered)
    rows = []
    for item, rival in zip(readings, best_rival):
        span = text[item.start : item.end]
        left, right = text[max(0, item.start - 1) : item.start], text[item.end : item.end + 1]
        length = item.end - item.start
        combined = _score(item)
        margin = combined - rival if rival > -math.inf else item.gain + item.class_gain
        repeats_itself = span.isalpha()
        # (the first of the strongest that qualifies, by index: compiled, next() over an
        # islice iterated it through Python's iterator protocol)
        support = 0.0
        entries = strongest[item.codec]
        for index in range(min(len(entries), SUPPORT_CANDIDATES)):
            gain, start, end, replacement = entries[index]
            if (
                (end <= item.start or start >= item.end)
                and start - SUPPORT_REACH <= item.start <= end + SUPPORT_REACH
                and not (repeats_itself and replacement == item.replacement)
            ):
                support = gain
                break
        rows.append(
            [
                _ASINH(item.gain),
                _ASINH(item.class_gain),
                _ASINH(margin),
                math.log(length),
                1.0 if item.lossy and " " in span else 0.0,
                1.0 if item.lossy and ("?" in span or "\ufffd" in span) else 0.0,
                math.log(item.guesses),
                _ASINH(max(support, 0.0)),
                _LOG1P(item.stranded),
                elsewhere(span, outside),
                elsewhere(item.replacement, outside),
                _LOG1P(_clean_letters_nearby(text, item, covered, outside)),
                float(item.surprises_removed),
                math.log(PRIOR_SHARE.get(item.codec, 0.01)),
                1.0 if looks_like_word(span, left, right) else 0.0,
                1.0 if any("\x80" <= c <= "\x9f" for c in span) else 0.0,
                1.0
                if has_rare_chars(item.replacement)
                else 0.0,
            ]
        )
    return rows


def whole_window_confidence(sequences: int, fewest: int = WHOLE_WINDOW_MIN_SEQUENCES) -> float | None:
    """Measured precision of a whole-window reading with this many sequences, if there are
    enough (`fewest`) to trust it."""
    if sequences < max(1, fewest):
        return None
    precision = _whole_window_precision()
    return precision[min(sequences, len(precision) - 1)]


@cache
def _whole_window_precision() -> tuple[float, ...]:
    """Measured precision by sequence count (index), the last entry standing for more."""
    table_ = table("evidence")["whole_window"]
    return (0.0, *(float(table_[str(count)]) for count in range(1, max(map(int, table_)) + 1)))


Weights = tuple[float, tuple[float, ...], tuple[float, ...], tuple[float, ...]]


@cache
def weights(name: str) -> Weights:
    """(intercept, weights, calibration knots x, knots y) of a model table built by a script."""
    data = table(name)
    return (
        float(data["intercept"]),
        tuple(data["weights"]),
        tuple(data["calibration_x"]),
        tuple(data["calibration_y"]),
    )


def calibrated(feature_values: list[float], model: Weights) -> float:
    """A logistic regression's probability, mapped through its isotonic calibration."""
    intercept, coefficients, knots_x, knots_y = model
    # (compiled, a loop by index adds native floats, in the order sum() adds them: a
    # generator's sum made and added a float object for each feature)
    total = 0.0
    for index in range(min(len(coefficients), len(feature_values))):
        total += coefficients[index] * feature_values[index]
    score = intercept + total
    raw = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))
    index = min(max(bisect_right(knots_x, raw), 1), len(knots_x) - 1)
    x0, x1, y0, y1 = knots_x[index - 1], knots_x[index], knots_y[index - 1], knots_y[index]
    if x1 <= x0:
        return y1
    return y0 + (y1 - y0) * (raw - x0) / (x1 - x0)


def confidence(feature_values: list[float]) -> float:
    """The single-byte evidence model's calibrated probability for one row of FEATURE_NAMES."""
    return calibrated(feature_values, weights("evidence"))
