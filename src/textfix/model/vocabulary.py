"""Common words with a non-ASCII letter in Latin-script languages (vocabulary.json,
built by scripts/build_vocabulary.py from wordfreq's lists and the catalogs).

The table holds about 200,000 words as one sorted, newline-separated string, searched
in place: it loads in milliseconds, where making a set of that many strings takes
about 80 ms, and one lookup costs a binary search of a few microseconds. Each line is
a word, a tab and a mark: one character that tells the Latin codepages its languages
were written in ("pergalę" is Lithuanian: a word for a cp1257 reading, not a cp1250 one).
"""

from __future__ import annotations

import base64
from bisect import bisect_left
from collections.abc import Iterable
from functools import cache
from typing import Final
from zlib import crc32

from textfix.model.tables import table
from textfix.native import i64
from textfix.patterns import compiled

# The codepages a mark tells, a bit each, and one more bit for languages none of them
# writes (Vietnamese); the mark is the character MARK_BASE + bits, printable.
CODEPAGES: tuple[str, ...] = ("cp1252", "cp1250", "cp1254", "cp1257")  # (any length: mypyc keeps it one object)
MARK_BASE: Final = 0x40
_OTHER_LANGUAGES: Final = 1 << len(CODEPAGES)


def vocabulary_mark(codepages: Iterable[str]) -> int:
    """The bits of a word common in languages written in these codepages."""
    names = set(codepages)
    return sum(1 << index for index, name in enumerate(CODEPAGES) if name in names) or _OTHER_LANGUAGES


# The table and its block index, loaded on first use (kept in Final lists, not behind
# functools.cache: compiled, reading them is then no call through a Python object, a
# microsecond in each lookup)
_WORDS: Final[list[str]] = []
_BLOCKS: Final[list[tuple[list[str], list[int]]]] = []


def _words() -> str:
    if not _WORDS:
        words: str = table("vocabulary")["words"]
        _WORDS[:] = ["\n" + words + "\n"]
    return _WORDS[0]


# (a dict: compiled, the tuple's `in` and index() were two calls through Python's protocol
# and two reads of a module global, a third of a filtered lookup)
_CODEPAGE_BITS: Final[dict[str, int]] = {name: 1 << index for index, name in enumerate(CODEPAGES)}


def _wanted(codepage: str | None) -> int:
    """The mark bits that count: any language's, or those written in `codepage`."""
    if codepage is None:
        return -1
    return _CODEPAGE_BITS.get(codepage, 0)


def is_common_word(word: str, codepage: str | None = None) -> bool:
    """Whether the word, in lower case and without punctuation around it, is in the
    vocabulary: of any language, or of one written in `codepage`."""
    return bool(_marks(word) & _wanted(codepage))


# A legacy text's words are looked up once for each pair that reads them, and again for
# the features of each reading: remembered, each distinct word is searched once. (In a
# dict emptied when it holds this many: compiled, a hit is a dict lookup, where an
# lru_cache's was a call through its wrapper, a third of a lookup of a new word.)
_MARKS_KEPT: Final = 1 << 16
_marks_seen: Final[dict[str, int]] = {}


def _marks(word: str) -> int:
    marks = _marks_seen.get(word)
    if marks is None:
        if len(_marks_seen) >= _MARKS_KEPT:
            _marks_seen.clear()
        marks = _marks_seen[word] = _marks_uncached(word)
    return marks


def _marks_uncached(word: str) -> int:
    word = _without_edges(word).lower()
    if not word or "\n" in word or "\t" in word or not _may_be_listed(word):
        return 0
    # (the word's line, if there is one, is the first not sorting before word + "\t": in
    # the block where that one starts or at the start of the next, found by one search in C)
    low, high = _block_bounds(word + "\t")
    key = "\n" + word + "\t"
    found = _words().find(key, low - 1, high - 1 + len(key))
    return 0 if found < 0 else _mark(_line(found + 1))


def has_common_stem(word: str, codepage: str | None = None) -> bool:
    """Whether some common word (of a language written in `codepage`, if given) starts as
    this one does up to its last non-ASCII letter (four letters at least): "kullanılacak"
    is rare, "kullanım" common. Inflected words of Turkish, Hungarian or Finnish are
    seldom common as they stand. A letter among the last two is an ending
    ("oluşturulamadı" has the stem "oluş"), unless it is the only one."""
    word = _without_edges(word).lower()
    letters = [index for index, char in enumerate(word) if ord(char) >= 0x80]
    if not letters or "\n" in word or "\t" in word:
        return False
    last = max((index for index in letters if index < len(word) - 2), default=letters[-1])
    stem = word[: max(4, last + 1)]
    wanted = _wanted(codepage)
    start = _first_line_from(stem)
    line = _line(start)
    while line.startswith(stem):
        if _mark(line) & wanted:
            return True
        start += len(line) + 1
        line = _line(start)
    return False


def _without_edges(word: str) -> str:
    """The word without the punctuation around it: what re.sub(r"^\\W+|\\W+$", "", word)
    leaves, by hand (the regex cost more than the rest of a lookup; \\w is what
    str.isalnum() holds, and "_")."""
    start, end = 0, len(word)
    while start < end and not _word_char_at(word, start):
        start += 1
    while end > start and not _word_char_at(word, end - 1):
        end -= 1
    return word if start == 0 and end == len(word) else word[start:end]


def _word_char_at(word: str, index: int) -> bool:
    point = ord(word[index])
    return bool(_ASCII_WORD_CHARS[point]) if point < 0x80 else word[index].isalnum()


# A Bloom filter of the table's words (vocabulary_filter.json, built from the table by
# scripts/build_vocabulary_filter.py): two bits a word, both set for every word listed.
# Most words looked up are listed in no language (a word misread through another
# codepage, a rare one): the filter says so for nearly all of them with one CRC and two
# bit reads, where the table's search costs several microseconds. About 3 in 100
# unlisted words pass it all the same, and are searched for.
FILTER_BITS: Final = 1 << 21
_FILTER: Final[list[bytes]] = []


def filter_positions(word: str) -> tuple[int, int]:
    """The filter's two bits for a word (as the table lists it: lower case, no punctuation)."""
    # (native integers: the product, under 2**63, is no boxed arithmetic compiled)
    checksum: i64 = crc32(word.encode("utf-8"))
    # (the second from the first by Knuth's multiplicative hashing: its top 21 bits of 32)
    return int(checksum & (FILTER_BITS - 1)), int((checksum * 0x5BD1E995 & 0xFFFFFFFF) >> 11)


def _may_be_listed(word: str) -> bool:
    if not _FILTER:
        _FILTER[:] = [base64.b64decode(table("vocabulary_filter")["bits"])]
    bits = _FILTER[0]
    first, second = filter_positions(word)
    return bool(bits[first >> 3] >> (first & 7) & 1 and bits[second >> 3] >> (second & 7) & 1)


_ASCII_WORD_CHARS: Final = bytes(char.isalnum() or char == "_" for char in map(chr, range(0x80)))


# The table's lines are bisected in two steps: among the first lines of blocks of about
# this many characters (in C, by the bisect module), then inside one block. Bisecting
# the whole table by hand took 18 steps of slicing and comparing in Python, about 5 us a
# word: most of the time a clean line of unseen text took where it has a misread sign.
_BLOCK_CHARS: Final = 512


# The blocks whose first lines begin with each two characters (the first one or two of
# a word), made with the index: a word's block is bisected among those, in a few steps
# where the whole index took a dozen string comparisons, half a lookup of a new word.
_BLOCKS_BY_PREFIX: Final[dict[str, tuple[int, int]]] = {}


def _block_index() -> tuple[list[str], list[int]]:
    """The first whole line of each block of the table, and where it starts."""
    if not _BLOCKS:
        heads, starts = _blocks_of(_words())
        for index, head in enumerate(heads):
            first, _ = _BLOCKS_BY_PREFIX.get(head[:2], (index, index))
            _BLOCKS_BY_PREFIX[head[:2]] = (first, index + 1)
        _BLOCKS[:] = [(heads, starts)]
    return _BLOCKS[0]


def _blocks_of(text: str) -> tuple[list[str], list[int]]:
    heads: list[str] = []
    starts: list[int] = []
    for position in range(1, len(text), _BLOCK_CHARS):
        start = text.rfind("\n", 0, position) + 1
        if start < len(text) and (not starts or start > starts[-1]):
            starts.append(start)
            heads.append(text[start : text.find("\n", start)])
    return heads, starts


def _block_bounds(word: str) -> tuple[int, int]:
    """Where the block starts whose first line sorts before `word` (1 for none), and
    where the next one starts (the end of the table for none): the first line not
    sorting before `word` starts between the two, or at the second."""
    heads, starts = _block_index()
    # (the heads with the word's first two characters lie together, every one before
    # them sorts before the word and every one after them after it; with none, the
    # word's block is bisected among all)
    among = _BLOCKS_BY_PREFIX.get(word[:2])
    block = bisect_left(heads, word) if among is None else bisect_left(heads, word, among[0], among[1])
    return (starts[block - 1] if block else 1), (starts[block] if block < len(starts) else len(_words()))


def _first_line_from(word: str) -> int:
    """Where the first vocabulary line not sorting before `word` starts (the end of the
    table past the last)."""
    text = _words()
    # Every line start s with low <= s < high may still hold the answer; text[low - 1]
    # is always the newline before a line.
    low, high = _block_bounds(word)
    while low < high:
        middle = (low + high) // 2
        start = text.rfind("\n", low - 1, middle) + 1
        end = text.find("\n", start)
        if text[start:end] < word:
            low = end + 1
        else:
            high = start
    return low


def _mark(line: str) -> int:
    """The bits of a vocabulary line's mark (its last character)."""
    return ord(line[-1]) - MARK_BASE


def _line(start: int) -> str:
    """The vocabulary line starting at `start` ("" past the end)."""
    text = _words()
    return text[start : text.find("\n", start)] if start < len(text) else ""


@cache
def _ascii_words() -> dict[str, frozenset[str]]:
    groups: dict[str, str] = table("vocabulary")["ascii_words"]
    return {name: frozenset(words.split("\n")) for name, words in groups.items()}


# a whole word between spaces, punctuation around it aside: not part of an option, a
# name or a printf directive ("-mcpu=arm8", "%lx", "girdi'ye")
_ASCII_WORD: Final = compiled(r"""(?<!\S)[("'«„“]*([A-Za-z]{2,})[)"'»“”.,;:!?]*(?!\S)""")


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
