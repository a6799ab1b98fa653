"""The single-byte evidence's features (textfix.model.evidence)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.model.charmodel import category_of, script_of
from textfix.model.evidence import (
    CENSUS_REACH,
    NEARBY,
    Reading,
    _clean_letters_nearby,
    letter_script,
    scripts_outside,
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
    st.text(st.sampled_from("aZ1 ,éßжΩأ中ใ²ªÃ©"), max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(["é", "ж", "Ω", "中", "ใ", "x", "©"])),
             min_size=1, max_size=4),
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
            if not text[index].isascii()
            and text[index].isalpha()
            and letter_script(text[index]) in scripts
            and not any(start <= index < end for start, end in covered)
        )
        assert _clean_letters_nearby(text, item, covered, outside) == expected


def test_a_letters_script_is_its_class_script_and_other_characters_have_none() -> None:
    for point in [*range(0x3000), *range(0x3000, 0x110000, 7)]:
        char = chr(point)
        assert letter_script(char) == (script_of(char) if category_of(char) in {"Lu", "Ll", "Lo", "M"} else None)
    assert [letter_script(char) for char in "aж1 "] == ["LATIN", "CYRILLIC", None, None]
