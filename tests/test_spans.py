"""Spans as (start, end) pairs (textfix.spans)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textfix.spans import ascii_outside, gaps, union_of

_SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda pair: (pair[0], pair[0] + pair[1])))


def _points(spans: list[tuple[int, int]]) -> set[int]:
    return {point for start, end in spans for point in range(start, end)}


@given(_SPANS)
def test_the_union_covers_the_same_points_with_sorted_disjoint_spans(spans: list[tuple[int, int]]) -> None:
    union = union_of(spans)
    assert _points(union) == _points(spans)
    assert all(end < next_start for (_, end), (next_start, _) in zip(union, union[1:]))


@given(_SPANS, st.integers(0, 60), st.integers(0, 60))
def test_the_gaps_are_the_points_of_the_range_outside_the_spans(
    spans: list[tuple[int, int]], low: int, high: int
) -> None:
    covered = union_of(spans)
    found = list(gaps(covered, low, high))
    assert _points(found) == set(range(low, high)) - _points(covered)
    assert all(start < end for start, end in found)
    assert found == sorted(found)


@given(_SPANS, st.text(st.sampled_from("ab é"), max_size=50))
def test_the_text_is_ascii_outside_the_spans_where_no_other_character_lies_there(
    spans: list[tuple[int, int]], text: str
) -> None:
    covered = union_of(spans)
    outside = [char for index, char in enumerate(text) if index not in _points(covered)]
    assert ascii_outside(text, covered) == all(char.isascii() for char in outside)
