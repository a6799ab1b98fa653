"""The letter sets of the languages each codepage of the Latin legacy pairs writes, and the letters no text has."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textfix import fix_text
from textfix.languages import alphabet
from textfix.model.letters import (
    has_unwritten_letters,
    language_letters,
    language_letters_only,
    non_ascii_letters,
    other_language_letters,
    written_in,
)


def test_letters_are_the_cased_non_ascii_ones_in_lower_case() -> None:
    assert non_ascii_letters("Ça VA, Ýý? ªº 12 ab") == frozenset("çý")
    assert non_ascii_letters("İstanbul") == frozenset("İ")  # it lowers into two characters


@pytest.mark.parametrize(
    ("text", "codepage", "expected"),
    [
        ("Þetta er íslenska, með ð", "cp1252", True),
        ("français, garçon, où", "cp1252", True),
        ("seçeneðini kullanýr", "cp1252", False),  # misread Turkish: "ç" beside "ð" and "ý"
        ("seçeneğini kullanır", "cp1254", True),
        ("où, à", "cp1254", False),  # cp1254 writes French, but so does cp1252: not its own
        ("žinyno puslapis, ąžuolas", "cp1257", True),
        ("veličinu prozora", "cp1250", True),
    ],
)
def test_written_in(text: str, codepage: str, expected: bool) -> None:
    assert written_in(non_ascii_letters(text), codepage) is expected


def test_language_letters_hold_the_latin_letters_of_languages_without_a_codepage() -> None:
    letters, others = language_letters(), other_language_letters()
    # Esperanto, Maltese, Belarusian in Latin letters: written in no codepage textfix reads
    assert {"ŝ", "Ŝ", "ĝ", "ħ", "Ħ", "ċ", "ŭ"} <= others <= letters
    # the codepages' own languages' letters are not "other" ones
    assert not {"ž", "ä", "ę", "ğ", "ж", "ω"} & others and {"ž", "ä", "ж", "ω"} <= letters
    # letters of other scripts of such languages are left out: clean Cyrillic "дД" is
    # Armenian "Դ" through ISO-8859-5
    assert "Դ" not in letters and "ހ" not in letters
    assert all(char.isalpha() and not char.isascii() for char in letters)


def test_language_letters_hold_the_letters_of_everyday_words_the_catalogs_seldom_show() -> None:
    # French "œ", Macedonian "џ", Greek "ϊ": rare in software strings, common in words
    assert {"œ", "Œ", "џ", "Џ", "ϊ", "Ϊ"} <= language_letters()
    # a word list's mojibake is no letter of the language: Romanian words show "ã" where
    # cp1250's "ă" was read as cp1252, and cp1250 writes no "ã"
    romanian = alphabet(("ro",))
    assert romanian is not None and "ă" in romanian and "ã" not in romanian


def test_thai_letters_no_text_has_any_more_are_unwritten() -> None:
    # ("ฃ" and "ฅ" are obsolete; Korean EUC-KR text read through cp874 gives them)
    assert has_unwritten_letters("ฟภธฅยส")
    assert has_unwritten_letters("ฃ")
    assert not has_unwritten_letters("กรุงเทพมหานครเป็นเมืองหลวง")


def test_korean_text_is_not_read_as_thai_into_letters_no_text_has() -> None:
    # EUC-KR read as cp1252: through cp874 it reads as "ลฐธฆ ฟภธฅยส"; a miss, not a false repair
    damaged = "Menu 키를 오른쪽 Ctrl 키로".encode("euc_kr").decode("cp1252")
    assert "ฅ" not in fix_text(damaged)


_UNWRITTEN = re.compile("[\u0460-\u0481\u03e2-\u03ef\u03f3\u03f7-\u03fb\u07c0-\u07ff\u0e03\u0e05]")


@given(st.text(st.characters(min_codepoint=0x3D0, max_codepoint=0xE10) | st.sampled_from("aé\u0e03\u0e05"), max_size=8))
def test_unwritten_letters_are_those_of_the_ranges(text: str) -> None:
    assert has_unwritten_letters(text) == (_UNWRITTEN.search(text) is not None)


_SOME_LETTERS = "".join(sorted(language_letters()))[::9]


@given(st.text(st.sampled_from(_SOME_LETTERS + "aµº€\u1ef1\u1ef2\U0001d400ж"), max_size=6))
def test_language_letters_only_is_the_test_of_each_char_against_the_letters(chars: str) -> None:
    assert language_letters_only(chars) == all(char in language_letters() for char in chars)
