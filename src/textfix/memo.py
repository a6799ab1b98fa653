"""A cache for functions of a configuration's tuples (its codecs, its pairs of codepages).

Those come, call after call, as the very same tuple. functools.cache hashes its argument
at every call, and a tuple does not keep its hash: for two dozen codec names that is
about 0.2 us, which the clean fast path paid several times a line. Compared by identity
first, the tuple of the last call is not hashed again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import cache
from typing import TypeVar

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


def remembered(function: Callable[[Key], Value]) -> Callable[[Key], Value]:
    """functools.cache that answers at once when called with the same object as last time."""
    cached = cache(function)
    # (one entry, replaced whole: a thread reads it at once, as another may replace it)
    last: list[tuple[Key, Value] | None] = [None]

    def call(key: Key) -> Value:
        entry = last[0]
        if entry is not None and entry[0] is key:
            return entry[1]
        value = cached(key)
        last[0] = (key, value)
        return value

    return call
