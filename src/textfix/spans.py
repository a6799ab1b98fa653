"""Spans of text as (start, end) pairs: their union, and the stretches between them."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

from textfix.utf8 import IS_ASCII


def union_of(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of the spans, as sorted disjoint intervals (touching ones joined)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def gaps(covered: list[tuple[int, int]], low: int, high: int) -> Iterator[tuple[int, int]]:
    """The stretches of [low, high) outside the sorted disjoint intervals `covered`."""
    position = low
    # (by index from the first interval that can reach `low`: a slice would copy the rest
    # of `covered` at every call, and the evidence calls this once a reading)
    for index in range(max(0, bisect_right(covered, (low, high)) - 1), len(covered)):
        start, end = covered[index]
        if start >= high:
            break
        if start > position:
            yield position, start
        position = max(position, end)
    if position < high:
        yield position, high


def ascii_outside(text: str, covered: list[tuple[int, int]]) -> bool:
    """Whether `text` outside the sorted disjoint intervals `covered` is all ASCII."""
    return all(IS_ASCII(text[start:end]) for start, end in gaps(covered, 0, len(text)))
