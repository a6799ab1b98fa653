"""Character classes for the generated regexes, written as ranges.

The suspect and scanner patterns hold classes of hundreds of characters; written out one
by one they make re.compile (pure Python) slow at start-up, and most of them are runs
of consecutive code points (a Cyrillic or Thai block, box drawing).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

_SPECIAL_IN_CLASS: Final = frozenset("\\]^-[&~|")


def _literal(point: int) -> str:
    char = chr(point)
    return "\\" + char if char in _SPECIAL_IN_CLASS else char


def class_body(chars: Iterable[str]) -> str:
    """The inside of a [...] class matching exactly `chars`, consecutive code points as ranges."""
    points = sorted(set(map(ord, chars)))
    parts: list[str] = []
    first = previous = -2
    for point in [*points, -2]:
        if point == previous + 1:
            previous = point
            continue
        if first >= 0:
            if previous > first + 1:
                parts.append(f"{_literal(first)}-{_literal(previous)}")
            else:
                parts.append(_literal(first) + (_literal(previous) if previous > first else ""))
        first = previous = point
    return "".join(parts)


def char_class(chars: Iterable[str]) -> str:
    """A [...] class matching exactly `chars` (which must not be empty)."""
    return f"[{class_body(chars)}]"
