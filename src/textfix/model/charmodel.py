"""How plausible a short stretch of text is: a class-bigram model of clean text.

Every code point belongs to a (script, category) class. The model gives
log P(class | previous class) and log P(char | class), both learned from clean text by
scripts/build_model.py. Mojibake is cheap to spot with it: it puts symbols between
letters, switches script inside a word and uses characters that clean text rarely does.
Tables load on first use, so importing textfix stays fast.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from itertools import accumulate
from typing import Final

from textfix.model.tables import table, unpacked_char_ints, unpacked_ints

_classes = table("charclass")
CLASS_NAMES: tuple[str, ...] = tuple(_classes["class_names"])
EDGE: Final = len(CLASS_NAMES)  # the start or end of a text, as a class of its own
_RUN_STARTS: list[int] = _classes["run_starts"]
_RUN_CLASSES: list[int] = _classes["run_classes"]
_SCALE: Final = 100.0  # tables hold natural-log probabilities times this, as ints
COMMON_CHAR: Final = 200  # a character seen this often has a well-known set of followers
COMMON_LOGP: Final = -9.0  # and a follower this likely within its class is no rarity itself
# each class's script and category, as its name gives them ("LATIN.Ll")
CLASS_SCRIPTS: Final = tuple(name.split(".", 1)[0] for name in CLASS_NAMES)
CLASS_CATEGORIES: Final = tuple(name.split(".", 1)[1] for name in CLASS_NAMES)

# The class of each code point of the Basic Multilingual Plane, a byte each, made on first
# use from the runs: compiled, reading it is one byte by code point, where a dict of the
# characters met was a lookup by string. (Kept in a Final list: no call through a Python
# object to reach it.)
_BMP: Final = 0x10000
_CLASS_TABLE: Final[list[bytes]] = []


def class_of(char: str) -> int:
    point = ord(char)
    if point < _BMP:
        classes = _CLASS_TABLE[0] if _CLASS_TABLE else _class_table()
        return classes[point]
    return _RUN_CLASSES[bisect_right(_RUN_STARTS, point) - 1]


def _class_table() -> bytes:
    if len(CLASS_NAMES) > 256:
        raise ValueError(f"charclass: {len(CLASS_NAMES)} classes, more than a byte holds")
    classes = bytearray(_BMP)
    for start, end, number in zip(_RUN_STARTS, [*_RUN_STARTS[1:], 0x110000], _RUN_CLASSES):
        if start >= _BMP:
            break
        end = min(end, _BMP)
        classes[start:end] = bytes((number,)) * (end - start)
    _CLASS_TABLE[:] = [bytes(classes)]
    return _CLASS_TABLE[0]


def class_name(char: str) -> str:
    return CLASS_NAMES[class_of(char)]


def script_of(char: str) -> str:
    return CLASS_SCRIPTS[class_of(char)]


def category_of(char: str) -> str:
    return CLASS_CATEGORIES[class_of(char)]


class CharModel:
    """Log-probabilities of text under the class-bigram model (natural log)."""

    def __init__(self) -> None:
        data = table("charmodel")
        width = EDGE + 1
        self._width = width
        self._transition: list[float] = [value / _SCALE for value in unpacked_ints(data["transition"])]
        self._emission: dict[str, float] = {
            char: value / _SCALE for char, value in unpacked_char_ints(data["emission"]).items()
        }
        self._unseen: list[float] = [value / _SCALE for value in data["unseen"]]
        self._pair_cache: dict[str, float] = {}
        self._surprise_cache: dict[str, bool] = {}
        self._left_counts: dict[str, int] = unpacked_char_ints(data["left_counts"])
        self._followers: dict[str, int] = unpacked_char_ints(data["followers"])
        pairs = data["pairs"]
        # The pairs are unpacked by first char when first met: its group is found in
        # _pair_firsts (each first char once), and _pair_ends tells where each group ends
        # in _pair_followers and _pair_counts.
        self._pair_firsts: str = pairs["firsts"]
        self._pair_ends: list[int] = list(accumulate(unpacked_ints(pairs["sizes"])))
        self._pair_followers: str = pairs["followers"]
        self._pair_counts: list[int] = unpacked_ints(pairs["counts"])
        self._counts_after: dict[str, dict[str, int]] = {}
        assert len(self._transition) == width * width

    def char_logp(self, char: str) -> float:
        found = self._emission.get(char)
        return found if found is not None else self._unseen[class_of(char)]

    def logp(self, text: str, left: str = "", right: str = "") -> float:
        """log P(text | left) including the step into `right`; "" stands for an edge."""
        transitions, emissions = self.logp_parts(text, left, right)
        return transitions + emissions

    def logp_parts(self, text: str, left: str = "", right: str = "") -> tuple[float, float]:
        """The class-transition and the character-emission parts of `logp`."""
        transition = self._transition
        width = self._width
        previous = class_of(left[-1]) if left else EDGE
        transitions = 0.0
        emissions = 0.0
        for char in text:
            current = class_of(char)
            transitions += transition[previous * width + current]
            emissions += self.char_logp(char)
            previous = current
        following = class_of(right[0]) if right else EDGE
        return transitions + transition[previous * width + following], emissions


    def pair_logp(self, text: str, left: str = "", right: str = "") -> float:
        """log P of the characters of `text` and `right` each given the one before.

        Witten-Bell smoothing: a character bigram seen in clean text is scored by its
        count; an unseen one falls back to the class model, with the weight of the
        first character's variety of followers. After a space almost anything may
        come; after a letter, an unseen follower is very unlikely.
        """
        chars = left[-1:] + text + right[:1]
        total = 0.0 if left else self.char_logp(text[0]) if text else 0.0
        for index in range(len(chars) - 1):
            total += self._pair_logp_of(chars[index : index + 2])
        return total

    def pair_measures(self, text: str, left: str = "", right: str = "") -> tuple[int, float]:
        """(surprises, pair_logp) of the text, in one pass over its pairs.

        The surprises are the pairs in left+text+right that clean text never showed,
        though both chars are common. Such a pair is what mojibake makes ("Â«"): each
        character is ordinary, the two together are not. Pairs of ASCII characters never
        count.
        """
        chars = left[-1:] + text + right[:1]
        total = 0.0 if left else self.char_logp(text[0]) if text else 0.0
        count = 0
        for index in range(len(chars) - 1):
            pair = chars[index : index + 2]
            total += self._pair_logp_of(pair)
            if self._surprising(pair):
                count += 1
        return count, total

    def _pair_logp_of(self, pair: str) -> float:
        """log P of the pair's second character after its first (see pair_logp), remembered."""
        found = self._pair_cache.get(pair)
        if found is None:
            found = self._pair_step(pair[0], pair[1])
            if len(self._pair_cache) < 500_000:
                self._pair_cache[pair] = found
        return found

    def _surprising(self, pair: str) -> bool:
        """Whether the pair is a surprise (see pair_measures), remembered."""
        found = self._surprise_cache.get(pair)
        if found is None:
            previous, char = pair[0], pair[1]
            found = (
                not (ord(previous) < 0x80 and ord(char) < 0x80)
                and not self.pair_count(previous, char)
                and self._left_counts.get(previous, 0) >= COMMON_CHAR
                and self._emission.get(char, -99.0) > COMMON_LOGP
            )
            if len(self._surprise_cache) < 500_000:
                self._surprise_cache[pair] = found
        return found

    def pair_count(self, previous: str, char: str) -> int:
        """How often clean text showed `char` right after `previous` (pairs of ASCII: never counted)."""
        after = self._counts_after.get(previous)
        if after is None:
            group = self._pair_firsts.find(previous)
            after = {}
            if group >= 0:
                first, last = self._pair_ends[group - 1] if group else 0, self._pair_ends[group]
                after = dict(zip(self._pair_followers[first:last], self._pair_counts[first:last]))
            self._counts_after[previous] = after
        return after.get(char, 0)

    def _pair_step(self, previous: str, char: str) -> float:
        backoff = self._transition[class_of(previous) * self._width + class_of(char)] + self.char_logp(char)
        if ord(previous) < 0x80 and ord(char) < 0x80:
            return backoff
        seen = self._left_counts.get(previous, 0)
        if not seen:
            return backoff
        variety = self._followers.get(previous, 1)
        together = self.pair_count(previous, char)
        return math.log((together + variety * math.exp(backoff)) / (seen + variety))


# (kept in a Final list, as the class table: compiled, a call that finds it there is a
# plain C call, where functools.cache's wrapper cost a call through Python, once for each
# reading scored)
_CHAR_MODEL: Final[list[CharModel]] = []


def char_model() -> CharModel:
    if not _CHAR_MODEL:
        _CHAR_MODEL[:] = [CharModel()]
    return _CHAR_MODEL[0]
