"""memo.Remembered: functools.cache that answers for the last argument by identity."""

from __future__ import annotations

from textfix.memo import Remembered


def counted() -> tuple[list[tuple[str, ...]], Remembered[tuple[str, ...], str]]:
    calls: list[tuple[str, ...]] = []

    def joined(names: tuple[str, ...]) -> str:
        calls.append(names)
        return "+".join(names)

    return calls, Remembered(joined)


def test_each_distinct_argument_is_computed_once() -> None:
    calls, joined = counted()
    first = ("cp1252", "cp1251")
    equal = tuple(["cp1252", "cp1251"])  # equal, another object
    other = ("koi8-r",)
    assert equal is not first
    results = [joined.of(key) for key in (first, first, equal, other, first, equal, other)]
    assert results == ["cp1252+cp1251"] * 3 + ["koi8-r"] + ["cp1252+cp1251"] * 2 + ["koi8-r"]
    assert calls == [first, other]


def test_the_last_argument_is_answered_by_identity_without_a_lookup() -> None:
    calls, joined = counted()
    first = ("cp1252",)
    joined.of(first)
    joined.values.clear()  # (what the last call kept is all that is left)
    assert joined.of(first) == "cp1252"
    assert calls == [first]
    # an equal tuple is another object: looked up, and made again here
    assert joined.of(tuple(["cp1252"])) == "cp1252"
    assert len(calls) == 2
