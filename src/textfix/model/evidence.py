"""Evidence: how sure we are that a candidate repair is right.

A candidate is described by a few features, most of them comparisons of the text
before and after the repair under the character model, and a logistic regression turns
them into a probability. The weights are learned by scripts/build_evidence.py from
clean text and the same text damaged through every supported chain, so the
probability is calibrated on data, not guessed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from textfix.model.charmodel import category_of, char_model, script_of

FEATURE_NAMES = (
    "gain",
    "gain_per_char",
    "class_gain_per_char",
    "margin",
    "span_length",
    "lost_space",
    "lost_mark",
    "lost_guesses",
    "support",
    "looks_like_word",
    "has_c1",
    "replacement_is_rare",
)

_LETTERS = {"Lu", "Ll", "Lo", "M"}
_RARE = {"RARE", "COMBINING"}
_UNUSUAL_CATEGORIES = {"Cn", "Co", "Cc", "C1", "Cf"}


def _letter_script(char: str) -> str | None:
    return script_of(char) if category_of(char) in _LETTERS else None


def looks_like_word(span: str, left: str, right: str) -> bool:
    """The span is letters of the same script as the letters around it, like clean text."""
    scripts = {_letter_script(c) for c in span}
    if len(scripts) != 1 or None in scripts:
        return False
    neighbours = {_letter_script(c) for c in (left[-1:], right[:1]) if c}
    neighbours.discard(None)
    return bool(neighbours) and neighbours <= scripts


@dataclass(frozen=True)
class Reading:
    """A candidate repair of text[start:end] and how much more plausible it makes the text."""

    start: int
    end: int
    replacement: str
    lossy: bool
    guesses: int  # readings the lost bytes allowed
    codec: str
    gain: float  # log-likelihood gain under the character-pair model
    class_gain: float  # the same under the class model


def reading(
    text: str, start: int, end: int, replacement: str, codec: str, lossy: bool = False, guesses: int = 1
) -> Reading:
    model = char_model()
    span, left, right = text[start:end], text[max(0, start - 1) : start], text[end : end + 1]
    return Reading(
        start,
        end,
        replacement,
        lossy,
        guesses,
        codec,
        model.pair_logp(replacement, left, right) - model.pair_logp(span, left, right),
        model.logp(replacement, left, right) - model.logp(span, left, right),
    )


def layer_features(text: str, readings: list[Reading]) -> list[list[float]]:
    """Features of every reading of one text; `margin` compares it with its rivals.

    A rival is a different replacement for an overlapping span (another codepage, or a
    shorter or longer stretch). A reading that beats every rival by far is much more
    likely right than one that barely wins.
    """
    ordered = sorted(range(len(readings)), key=lambda i: readings[i].start)
    best_rival = [-math.inf] * len(readings)
    # The strongest reading through each codec: damage through one codepage rarely comes alone.
    strongest: dict[str, list[tuple[float, int, int]]] = {}
    for item in readings:
        strongest.setdefault(item.codec, []).append((item.gain + item.class_gain, item.start, item.end))
    for entries in strongest.values():
        entries.sort(reverse=True)
    for position, i in enumerate(ordered):
        current = readings[i]
        for j in ordered[position + 1 :]:
            other = readings[j]
            if other.start >= current.end:
                break
            if other.replacement != current.replacement:
                best_rival[i] = max(best_rival[i], other.gain + other.class_gain)
                best_rival[j] = max(best_rival[j], current.gain + current.class_gain)
    rows = []
    for item, rival in zip(readings, best_rival):
        span = text[item.start : item.end]
        left, right = text[max(0, item.start - 1) : item.start], text[item.end : item.end + 1]
        length = item.end - item.start
        combined = item.gain + item.class_gain
        margin = combined - rival if rival > -math.inf else combined
        support = next(
            (gain for gain, start, end in strongest[item.codec] if end <= item.start or start >= item.end), 0.0
        )
        rows.append(
            [
                math.asinh(item.gain),
                item.gain / length,
                item.class_gain / length,
                math.asinh(margin),
                math.log(length),
                1.0 if item.lossy and " " in span else 0.0,
                1.0 if item.lossy and ("?" in span or "\ufffd" in span) else 0.0,
                math.log(item.guesses),
                math.asinh(max(support, 0.0)),
                1.0 if looks_like_word(span, left, right) else 0.0,
                1.0 if any("\x80" <= c <= "\x9f" for c in span) else 0.0,
                1.0
                if any(script_of(c) in _RARE or category_of(c) in _UNUSUAL_CATEGORIES for c in item.replacement)
                else 0.0,
            ]
        )
    return rows


@cache
def _weights() -> tuple[float, tuple[float, ...]]:
    from textfix.model import evidence_data

    return evidence_data.INTERCEPT, tuple(evidence_data.WEIGHTS)


def confidence(feature_values: list[float]) -> float:
    intercept, weights = _weights()
    score = intercept + sum(w * f for w, f in zip(weights, feature_values))
    if score > 30:
        return 1.0
    if score < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-score))
