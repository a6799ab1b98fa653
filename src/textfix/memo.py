"""A cache for functions of a configuration's tuples (its codecs, its pairs of codepages).

Those come, call after call, as the very same tuple. functools.cache hashes its argument
at every call, and a tuple does not keep its hash: for two dozen codec names that is
about 0.2 us, which the clean fast path paid several times a line. Compared by identity
first, the tuple of the last call is not hashed again.

A module keeps a Remembered in a Final name and a plain function that asks it:

    _PAIR_RULES: Final = Remembered(_make_pair_rules)

    def pair_rules(codecs):
        return _PAIR_RULES.of(codecs)

Compiled, that function and the method are C calls; a decorated function was a Python
object, looked up in the module's dict and called through Python at every use (about 300
instructions, a dozen times a damaged line).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


class Remembered(Generic[Key, Value]):
    """functools.cache of `make` that answers at once when asked for the same object as last time."""

    def __init__(self, make: Callable[[Key], Value]) -> None:
        self.make = make
        self.values: dict[Key, Value] = {}
        # (one entry, replaced whole: a thread reads it at once, as another may replace it)
        self.last: tuple[Key, Value] | None = None

    def of(self, key: Key) -> Value:
        last = self.last
        if last is not None and last[0] is key:
            return last[1]
        if key in self.values:
            value = self.values[key]
        else:
            value = self.make(key)
            self.values[key] = value
        self.last = (key, value)
        return value
