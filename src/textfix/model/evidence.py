"""Evidence: how sure we are that a candidate repair is right.

A candidate is described by a few features, most of them comparisons of the text
before and after the repair under the character model, and a logistic regression turns
them into a probability. The weights are learned by scripts/build_evidence.py from
clean text and the same text damaged through every supported chain, so the
probability is calibrated on data, not guessed.
"""

from __future__ import annotations

import math
from functools import cache

from textfix.model.charmodel import category_of, char_model, script_of

FEATURE_NAMES = (
    "pair_gain",
    "class_gain",
    "span_length",
    "lossy",
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


def features(span: str, replacement: str, left: str, right: str, lossy: bool) -> list[float]:
    model = char_model()
    return [
        model.pair_logp(replacement, left, right) - model.pair_logp(span, left, right),
        model.logp(replacement, left, right) - model.logp(span, left, right),
        math.log(len(span)),
        1.0 if lossy else 0.0,
        1.0 if looks_like_word(span, left, right) else 0.0,
        1.0 if any("\x80" <= c <= "\x9f" for c in span) else 0.0,
        1.0
        if any(script_of(c) in _RARE or category_of(c) in _UNUSUAL_CATEGORIES for c in replacement)
        else 0.0,
    ]


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
