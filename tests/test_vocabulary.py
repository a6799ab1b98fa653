"""The vocabulary of common Latin-script words, searched in place."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.model.tables import table
from textfix.model.vocabulary import has_common_stem, is_common_word, language_fit

WORDS = table("vocabulary")["words"].split("\n")
VOCABULARY = frozenset(WORDS)


def test_every_word_is_found_and_the_table_is_sorted() -> None:
    assert sorted(WORDS) == WORDS
    assert all(is_common_word(word) for word in WORDS[:: max(1, len(WORDS) // 5000)])
    assert is_common_word(WORDS[0]) and is_common_word(WORDS[-1])


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.sampled_from(WORDS), st.text(alphabet="aąbcčeęéilłnoóprsśštuůzżž", min_size=1, max_size=8)))
def test_lookup_agrees_with_a_set(word: str) -> None:
    assert is_common_word(word) == (word in VOCABULARY)
    # case and punctuation around a word do not matter
    assert is_common_word(f"«{word.upper()},") == (word.upper().lower() in VOCABULARY)


def test_words_that_are_not_common() -> None:
    assert is_common_word("można") and is_common_word("značka")
    assert not is_common_word("mo¿na") and not is_common_word("znaèka")
    assert not is_common_word("") and not is_common_word("a\nb") and not is_common_word("!!")


@settings(max_examples=100, deadline=None)  # each example scans all 200,000 words
@given(st.one_of(st.sampled_from(WORDS), st.text(alphabet="aąbcčeęéilłnoóprsśštuůzżž", min_size=1, max_size=10)))
def test_stem_lookup_agrees_with_a_scan(word: str) -> None:
    # the stem runs to the last non-ASCII letter before the last two (to the only one
    # there if there is no other), four letters at least
    letters = [i for i, c in enumerate(word) if not c.isascii()]
    last = max((i for i in letters if i < len(word) - 2), default=letters[-1] if letters else -1)
    stem = word[: max(4, last + 1)]
    expected = last >= 0 and any(common.startswith(stem) for common in WORDS)
    assert has_common_stem(word) == expected


def test_inflected_words_have_common_stems_and_names_do_not() -> None:
    assert has_common_stem("kullanılacak") and has_common_stem("Yazı")
    assert has_common_stem("oluşturulamadı")  # "oluş", as in "oluşturmak"
    assert not has_common_stem("Tongařerne") and not has_common_stem("můltiplas")
    assert not has_common_stem("kitchen")  # no non-ASCII letter: every codepage reads it alike


def test_ascii_words_tell_the_language_a_codepage_writes() -> None:
    turkish = "Sağ kenar boşluğu olarak dosya yok"
    assert language_fit(turkish, "cp1254", "cp1252") > 0.5
    occitan = "Clicatz sus la pipeta, puèi clicatz sus una color ont que siá"
    assert language_fit(occitan, "cp1250", "cp1252") < -0.5
    assert language_fit("Привет, мир", "cp1251", "koi8-r") == 0.0  # no such languages
    assert language_fit("%s: 0x%lx (123)", "cp1254", "cp1252") == 0.0
