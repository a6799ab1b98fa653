"""The single-byte evidence's features (textfix.model.evidence)."""

from __future__ import annotations

import math
import re
from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.model.charmodel import category_of, script_of
from textfix.model.evidence import (
    CENSUS_REACH,
    FEATURE_NAMES,
    NEARBY,
    Reading,
    _clean_letters_nearby,
    calibrated,
    letter_script,
    scripts_outside,
    weights,
)
from textfix.spans import union_of


@settings(max_examples=400, deadline=None)
@given(
    st.text(st.sampled_from("aZ1 ,.éßжΩأ中ใ\u0301²ªÃ©"), max_size=30),
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), min_size=1, max_size=4),
)
def test_scripts_outside_are_those_of_every_letter_outside_the_spans_near_them(
    text: str, spans: list[tuple[int, int]]
) -> None:
    covered = union_of((min(a, b), max(a, b)) for a, b in spans)
    low, high = max(0, covered[0][0] - CENSUS_REACH), min(len(text), covered[-1][1] + CENSUS_REACH)
    outside = [
        char for index, char in enumerate(text) if low <= index < high and not any(a <= index < b for a, b in covered)
    ]
    expected = {letter_script(char) for char in outside} - {None}
    assert scripts_outside(text, covered) == expected


@settings(max_examples=400, deadline=None)
@given(
    # (a mark, a number that is a letter-like numeral, and a decimal digit of another script
    # besides letters: only letters and such numerals are letters here, as \w less \d has it)
    st.text(st.sampled_from("aZ1 ,éßжΩأ中ใ²ªÃ©\u0301Ⅻ٣"), max_size=40),
    st.lists(
        st.tuples(
            st.integers(0, 40), st.integers(0, 40), st.sampled_from(["é", "ж", "Ω", "中", "ใ", "x", "©", "a\u0301"])
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_clean_letters_nearby_are_those_of_the_replacements_script_outside_the_readings(
    text: str, items: list[tuple[int, int, str]]
) -> None:
    readings = [
        Reading(min(a, b, len(text)), min(max(a, b), len(text)), r, False, 1, 0, "cp1252", 0, 0.0, 0.0)
        for a, b, r in items
    ]
    covered = union_of((r.start, r.end) for r in readings)
    outside = scripts_outside(text, covered)
    for item in readings:
        scripts = {letter_script(c) for c in item.replacement} - {None}
        expected = sum(
            1
            for index in range(max(0, item.start - NEARBY), min(len(text), item.end + NEARBY))
            if re.fullmatch(r"[^\W\d_\x00-\x7f]", text[index])
            and letter_script(text[index]) in scripts
            and not any(start <= index < end for start, end in covered)
        )
        assert _clean_letters_nearby(text, item, covered, outside) == expected


def test_a_letters_script_is_its_class_script_and_other_characters_have_none() -> None:
    for point in [*range(0x3000), *range(0x3000, 0x110000, 7)]:
        char = chr(point)
        assert letter_script(char) == (script_of(char) if category_of(char) in {"Lu", "Ll", "Lo", "M"} else None)
    assert [letter_script(char) for char in "aж1 "] == ["LATIN", "CYRILLIC", None, None]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(-50.0, 50.0), min_size=len(FEATURE_NAMES), max_size=len(FEATURE_NAMES)))
def test_a_calibrated_probability_is_the_models_logistic_score_through_its_knots(features: list[float]) -> None:
    model = weights("evidence")
    intercept, coefficients, knots_x, knots_y = model
    # (the reference sums as sum() does: every product in turn, then the intercept)
    score = intercept + sum(w * f for w, f in zip(coefficients, features))
    raw = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))
    index = min(max(bisect_right(knots_x, raw), 1), len(knots_x) - 1)
    x0, x1, y0, y1 = knots_x[index - 1], knots_x[index], knots_y[index - 1], knots_y[index]
    expected = y1 if x1 <= x0 else y0 + (y1 - y0) * (raw - x0) / (x1 - x0)
    assert calibrated(features, model) == expected
    assert 0.0 <= calibrated(features, model) <= 1.0
