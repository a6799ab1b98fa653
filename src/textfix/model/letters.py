"""Whether a text's letters are those of some language written in a codepage
(alphabets.json's "letter_sets", built by scripts/build_alphabets.py from the catalogs).

Misread Turkish shows "ý", "þ" and "ð" beside "ç" and "ü": Icelandic has the first
three, French and German the others, no language all of them. The letters a reading
gives ("ı", "ş", "ğ", "ç", "ü") are Turkish. Such a set of letters says more than any
one word: it holds for inflected words no word list has.
"""

from __future__ import annotations

from functools import cache
from typing import Final

from textfix.model.tables import table
from textfix.native import i64
from textfix.screen import all_marked


@cache
def letter_sets(name: str) -> tuple[frozenset[str], ...]:
    """The letter sets (lower case) of the languages written in codepage `name` (see written_in)."""
    sets: dict[str, list[str]] = table("alphabets")["letter_sets"]
    return tuple(frozenset(letters) for letters in sets.get(name, ()))


def _folded(char: str) -> str:
    # "İ" lowers into two characters: it stays as it is, as in the table
    lower = char.lower()
    return lower if len(lower) == 1 else char


def non_ascii_letters(text: str) -> frozenset[str]:
    """The text's non-ASCII letters with a case, in lower case ("ª" and "º" are symbols
    in all but name)."""
    # (each distinct character once: set() runs in C)
    return frozenset(_folded(char) for char in set(text) if ord(char) >= 0x80 and char.lower() != char.upper())


def written_in(letters: frozenset[str], name: str) -> bool:
    """Whether some language written in codepage `name` (without a codepage of its own
    among those text is shown in, for an original of the Latin pairs) has all the letters."""
    return any(letters <= letter_set for letter_set in letter_sets(name))


def regular_case(letters: str) -> bool:
    """Letters in lower case, capitals or title case ("Дьор", not "РХОжо")."""
    return letters.islower() or letters.isupper() or letters.istitle()


# (made on first use and kept in Final lists: compiled, a call that finds them there is a
# plain C call, where functools.cache's wrapper cost a call through Python each time,
# and a whole reading asks for each run it reads)
_LANGUAGE_LETTERS: Final[list[frozenset[str]]] = []
_OTHER_LANGUAGE_LETTERS: Final[list[frozenset[str]]] = []
# language_letters by code point, 1 for a letter (the last is U+1EF1), for all_marked
_LANGUAGE_LETTER_TABLE: Final[list[bytes]] = []


def language_letters() -> frozenset[str]:
    """The letters beyond ASCII that some language of the catalogs uses, in both cases
    (alphabets.json's "alphabets" and "other_alphabets")."""
    if not _LANGUAGE_LETTERS:
        _load_letters()
    return _LANGUAGE_LETTERS[0]


def language_letters_only(chars: str) -> bool:
    """Whether every char is in language_letters() (not "µ", "º", a symbol)."""
    if not _LANGUAGE_LETTER_TABLE:
        _load_letters()
    return all_marked(chars, _LANGUAGE_LETTER_TABLE[0])


def other_language_letters() -> frozenset[str]:
    """The letters of language_letters() that only languages written in no codepage textfix
    reads use: Esperanto "ŝ", Maltese "ħ", Belarusian Latin "ŭ"."""
    if not _OTHER_LANGUAGE_LETTERS:
        _load_letters()
    return _OTHER_LANGUAGE_LETTERS[0]


def _load_letters() -> None:
    data = table("alphabets")
    own = frozenset("".join(data["alphabets"].values()))
    others = frozenset("".join(data["other_alphabets"].values())) - own
    letters = own | others
    _LANGUAGE_LETTERS[:] = [letters]
    _OTHER_LANGUAGE_LETTERS[:] = [others]
    by_point = bytearray(max(map(ord, letters), default=0) + 1)
    for letter in letters:
        by_point[ord(letter)] = 1
    _LANGUAGE_LETTER_TABLE[:] = [bytes(by_point)]


# Letters that chance readings of clean text give and damage of real text hardly ever
# does: Church Slavonic's (omega, yat, the yuses, ksi, psi, fita, izhitsa), the Coptic
# and archaic letters of the Greek block ("Ϸ", "ϳ"), and N'Ko's, which no catalog holds.
# "œ∑" in a Mac keyboard's listing is "Ϸ" as UTF-8 through mac-roman, "ßµ" an N'Ko mark
# through cp1252, clean Chinese "血液学" "ѪҺѧ" through GBK. Thai's obsolete "ฃ" and "ฅ"
# too: Korean EUC-KR text read through cp874 gives them ("¿À¸¥ÂÊ" as "ฟภธฅยส").
# (U+03E2-03EF, U+03F3, U+03F7-03FB, U+0460-0481, U+07C0-07FF, U+0E03, U+0E05; by a
# compiled loop over the code points: a regex search of the class cost several times as
# much on a line)
def has_unwritten_letters(text: str) -> bool:
    for index in range(len(text)):
        point: i64 = ord(text[index])
        if point < 0x3E2 or point > 0xE05:
            continue
        if (
            point <= 0x3EF
            or point == 0x3F3
            or 0x3F7 <= point <= 0x3FB
            or 0x460 <= point <= 0x481
            or 0x7C0 <= point <= 0x7FF
            or point == 0xE03
            or point == 0xE05
        ):
            return True
    return False
