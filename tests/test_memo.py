"""memo.remembered: functools.cache that answers for the last argument by identity."""

from __future__ import annotations

from collections.abc import Callable

from textfix.memo import remembered


def counted() -> tuple[list[tuple[str, ...]], Callable[[tuple[str, ...]], str]]:
    calls: list[tuple[str, ...]] = []

    @remembered
    def joined(names: tuple[str, ...]) -> str:
        calls.append(names)
        return "+".join(names)

    return calls, joined


def test_each_distinct_argument_is_computed_once() -> None:
    calls, joined = counted()
    first = ("cp1252", "cp1251")
    equal = tuple(["cp1252", "cp1251"])  # equal, another object
    other = ("koi8-r",)
    assert equal is not first
    results = [joined(key) for key in (first, first, equal, other, first, equal, other)]
    assert results == ["cp1252+cp1251"] * 3 + ["koi8-r"] + ["cp1252+cp1251"] * 2 + ["koi8-r"]
    assert calls == [first, other]
