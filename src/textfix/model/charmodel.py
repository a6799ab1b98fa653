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
        # The pairs are grouped by first char: its group is found in _pair_firsts (each
        # first char once, the group's bounds remembered), and _pair_ends tells where each
        # group ends in _pair_followers and _pair_counts.
        self._pair_firsts: str = pairs["firsts"]
        self._pair_ends: list[int] = list(accumulate(unpacked_ints(pairs["sizes"])))
        self._pair_followers: str = pairs["followers"]
        self._pair_counts: list[int] = unpacked_ints(pairs["counts"])
        self._follower_groups: dict[str, tuple[int, int]] = {}
        assert len(self._transition) == width * width
        # (a pair of ASCII characters is scored by the class model alone: its 16,384
        # values, each a lookup by index, cost less than making the pair to look it up)
        ascii_rows = [class_of(chr(point)) * width for point in range(0x80)]
        ascii_steps = [(class_of(chr(point)), self.char_logp(chr(point))) for point in range(0x80)]
        transition = self._transition
        self._ascii_pairs: list[float] = [
            transition[row + column] + emission for row in ascii_rows for column, emission in ascii_steps
        ]

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
            total += self._pair_logp_at(chars, index)
        return total

    def pair_logp_beyond_ascii(self, text: str) -> float:
        """pair_logp(text) without the pairs of two ASCII characters.

        Readings of one text through different codepages keep its ASCII characters as
        they are, and every other character becomes characters beyond ASCII: the pairs
        of two ASCII characters are the same in each, so the readings differ by this
        sum as by pair_logp, and most pairs of a Latin text are not looked up.
        """
        total = self.char_logp(text[0]) if text else 0.0
        for index in range(len(text) - 1):
            if ord(text[index]) >= 0x80 or ord(text[index + 1]) >= 0x80:
                total += self._pair_logp_of(text[index : index + 2])
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
            previous, char = ord(chars[index]), ord(chars[index + 1])
            if previous < 0x80 and char < 0x80:
                total += self._ascii_pairs[previous * 0x80 + char]
                continue
            pair = chars[index : index + 2]
            total += self._pair_logp_of(pair)
            if self._surprising(pair):
                count += 1
        return count, total

    def _pair_logp_at(self, chars: str, index: int) -> float:
        """_pair_logp_of(chars[index:index + 2]); a pair of ASCII characters from a table."""
        previous, char = ord(chars[index]), ord(chars[index + 1])
        if previous < 0x80 and char < 0x80:
            return self._ascii_pairs[previous * 0x80 + char]
        return self._pair_logp_of(chars[index : index + 2])

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
        # (found by a search of the group's followers at C speed: most first characters
        # are met for a pair or two, where making a dict of their group cost the whole group)
        group = self._follower_groups.get(previous)
        if group is None:
            index = self._pair_firsts.find(previous)
            group = (self._pair_ends[index - 1] if index > 0 else 0, self._pair_ends[index]) if index >= 0 else (0, 0)
            self._follower_groups[previous] = group
        at = self._pair_followers.find(char, group[0], group[1])
        return self._pair_counts[at] if at >= 0 else 0

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
