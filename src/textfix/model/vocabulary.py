"""Common words with a non-ASCII letter in Latin-script languages (vocabulary.json,
built by scripts/build_vocabulary.py from wordfreq's lists).

The table holds about 200,000 words as one sorted, newline-separated string, searched
in place: it loads in milliseconds, where making a set of that many strings takes
about 80 ms, and one lookup costs a binary search of a few microseconds.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from textfix.model.tables import table

_EDGES = re.compile(r"^\W+|\W+$")


@cache
def _words() -> str:
    words: str = table("vocabulary")["words"]
    return "\n" + words + "\n"


# A legacy text's words are looked up once for each pair that reads them, and again for
# the features of each reading: remembered, each distinct word is searched once.
@lru_cache(maxsize=1 << 16)
def is_common_word(word: str) -> bool:
    """Whether the word, in lower case and without punctuation around it, is in the vocabulary."""
    word = _EDGES.sub("", word).lower()
    return bool(word) and "\n" not in word and _first_line_from(word) == word


def has_common_stem(word: str) -> bool:
    """Whether some common word starts as this one does up to its last non-ASCII letter
    (four letters at least): "kullanılacak" is rare, "kullanım" common. Inflected words
    of Turkish, Hungarian or Finnish are seldom common as they stand."""
    word = _EDGES.sub("", word).lower()
    last = max((index for index, char in enumerate(word) if not char.isascii()), default=-1)
    if last < 0 or "\n" in word:
        return False
    stem = word[: max(4, last + 1)]
    return _first_line_from(stem).startswith(stem)


def _first_line_from(word: str) -> str:
    """The first vocabulary line not sorting before `word` ("" past the end)."""
    text = _words()
    # Every line start s with low <= s < high may still hold the answer; text[low - 1]
    # is always the newline before a line.
    low, high = 1, len(text)
    while low < high:
        middle = (low + high) // 2
        start = text.rfind("\n", low - 1, middle) + 1
        end = text.find("\n", start)
        if text[start:end] < word:
            low = end + 1
        else:
            high = start
    return text[low : text.find("\n", low)] if low < len(text) else ""
