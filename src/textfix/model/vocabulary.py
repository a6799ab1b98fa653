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
    of Turkish, Hungarian or Finnish are seldom common as they stand. A letter among the
    last two is an ending ("oluşturulamadı" has the stem "oluş"), unless it is the only one."""
    word = _EDGES.sub("", word).lower()
    letters = [index for index, char in enumerate(word) if not char.isascii()]
    if not letters or "\n" in word:
        return False
    last = max((index for index in letters if index < len(word) - 2), default=letters[-1])
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


@cache
def _ascii_words() -> dict[str, frozenset[str]]:
    groups: dict[str, str] = table("vocabulary")["ascii_words"]
    return {name: frozenset(words.split("\n")) for name, words in groups.items()}


# a whole word between spaces, punctuation around it aside: not part of an option, a
# name or a printf directive ("-mcpu=arm8", "%lx", "girdi'ye")
_ASCII_WORD = re.compile(r"""(?<!\S)[("'«„“]*([A-Za-z]{2,})[)"'»“”.,;:!?]*(?!\S)""")


def language_fit(text: str, original: str, shown_as: str) -> float:
    """How much better the text's ASCII words fit the languages `original` writes than
    those `shown_as` writes, from -1 to 1 (0 without a telling word): the words a
    misreading leaves alone are words of the text's own language. Only cp1252 and the
    Latin codepages have such languages (see scripts/build_vocabulary.py)."""
    groups = _ascii_words()
    empty: frozenset[str] = frozenset()
    fits, against = groups.get(original, empty), groups.get(shown_as, empty)
    if not fits and not against:
        return 0.0
    words = {match.group(1).lower() for match in _ASCII_WORD.finditer(text)}
    for_original = sum(1 for word in words if word in fits and word not in against)
    for_shown = sum(1 for word in words if word in against and word not in fits)
    return (for_original - for_shown) / (for_original + for_shown + 1)
