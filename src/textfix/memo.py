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
    last: list[tuple[Key, Value]] = []

    def call(key: Key) -> Value:
        # (the last entry read once, as a copy: another thread may replace it meanwhile)
        for seen, value in last[-1:]:
            if seen is key:
                return value
        value = cached(key)
        last[:] = [(key, value)]
        return value

    return call
