"""Common words with a non-ASCII letter in Latin-script languages (vocabulary.json,
built by scripts/build_vocabulary.py from wordfreq's lists).

The table holds about 200,000 words as one sorted, newline-separated string, searched
in place: it loads in milliseconds, where making a set of that many strings takes
about 80 ms, and one lookup costs a binary search of a few microseconds.
"""

from __future__ import annotations

import re
from functools import cache

from textfix.model.tables import table

_EDGES = re.compile(r"^\W+|\W+$")


@cache
def _words() -> str:
    words: str = table("vocabulary")["words"]
    return "\n" + words + "\n"


def is_common_word(word: str) -> bool:
    """Whether the word, in lower case and without punctuation around it, is in the vocabulary."""
    word = _EDGES.sub("", word).lower()
    if not word or "\n" in word:
        return False
    text = _words()
    # Every line start s with low <= s < high may still hold the word; text[low - 1] is
    # always the newline before a line.
    low, high = 1, len(text)
    while low < high:
        middle = (low + high) // 2
        start = text.rfind("\n", low - 1, middle) + 1
        end = text.find("\n", start)
        line = text[start:end]
        if line == word:
            return True
        if line < word:
            low = end + 1
        else:
            high = start
    return False
