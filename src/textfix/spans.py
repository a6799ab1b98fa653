"""Spans of text as (start, end) pairs: their union, and the stretches between them."""

from __future__ import annotations

from collections.abc import Iterable

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


def gaps(covered: list[tuple[int, int]], low: int, high: int) -> list[tuple[int, int]]:
    """The stretches of [low, high) outside the sorted disjoint intervals `covered`."""
    # (a list, not a generator: compiled, each item a generator yields costs a few hundred
    # instructions, and the evidence asks for the gaps around every reading)
    found: list[tuple[int, int]] = []
    position = low
    # From the first interval that ends beyond `low` (those before lie wholly below it),
    # by index: a slice would copy the rest of `covered` at every call. (Found by halving
    # on the ends, as ints: bisect compared (start, end) tuples, each comparison a call.)
    first, last = 0, len(covered)
    while first < last:
        middle = (first + last) // 2
        if covered[middle][1] <= low:
            first = middle + 1
        else:
            last = middle
    for index in range(first, len(covered)):
        start, end = covered[index]
        if start >= high:
            break
        if start > position:
            found.append((position, start))
        position = max(position, end)
    if position < high:
        found.append((position, high))
    return found


def ascii_outside(text: str, covered: list[tuple[int, int]]) -> bool:
    """Whether `text` outside the sorted disjoint intervals `covered` is all ASCII."""
    return all(IS_ASCII(text[start:end]) for start, end in gaps(covered, 0, len(text)))
