"""The vocabulary of common Latin-script words, searched in place."""

from __future__ import annotations

import re
from bisect import bisect_left

from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.model.tables import table
from textfix.model.vocabulary import (
    CODEPAGES,
    MARK_BASE,
    _block_bounds,
    _block_index,
    _may_be_listed,
    _without_edges,
    _words,
    has_common_stem,
    is_common_word,
    language_fit,
)

LINES = table("vocabulary")["words"].split("\n")
MARKS = {word: ord(mark) - MARK_BASE for word, mark in (line.split("\t") for line in LINES)}
WORDS = list(MARKS)
VOCABULARY = frozenset(WORDS)
CODEPAGE = st.sampled_from([None, *CODEPAGES, "cp1251"])


def _bit(codepage: str | None) -> int:
    if codepage is None:
        return -1
    return 1 << CODEPAGES.index(codepage) if codepage in CODEPAGES else 0


def test_every_word_is_found_and_the_table_is_sorted() -> None:
    assert sorted(LINES) == LINES
    assert all(is_common_word(word) for word in WORDS[:: max(1, len(WORDS) // 5000)])
    assert is_common_word(WORDS[0]) and is_common_word(WORDS[-1])
    assert all(MARKS.values())


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(st.sampled_from(WORDS), st.text(alphabet="aąbcčeęéilłnoóprsśštuůzżž", min_size=1, max_size=8)),
    CODEPAGE,
)
def test_lookup_agrees_with_a_set(word: str, codepage: str | None) -> None:
    assert is_common_word(word) == (word in VOCABULARY)
    assert is_common_word(word, codepage) == bool(MARKS.get(word, 0) & _bit(codepage))
    # case and punctuation around a word do not matter
    assert is_common_word(f"«{word.upper()},") == (word.upper().lower() in VOCABULARY)


def test_words_at_the_edges_of_the_blocks_searched_first_are_found() -> None:
    # A lookup bisects the first lines of blocks of the table, then searches one block:
    # the first line of each block, the line before it and words sorting between them
    # are where an off-by-one would lose a word.
    heads, starts = _block_index()
    assert len(heads) > 1000 and starts == sorted(starts)
    text = _words()
    for head, start in zip(heads[::7], starts[::7]):
        word = head.split("\t")[0]
        before = text[text.rfind("\n", 0, start - 1) + 1 : start - 1].split("\t")[0]
        for probe in (word, before, word[:-1], before + "a", word + "a"):
            assert is_common_word(probe) == (probe in VOCABULARY), probe


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.sampled_from(WORDS).flatmap(lambda word: st.sampled_from([word, word[:1], word[:2] + "\t"])), st.text()
    )
)
def test_a_words_block_is_bisected_among_those_of_its_first_two_characters(word: str) -> None:
    # (as among all the blocks: the heads with its first two characters lie together,
    # and a word whose first two no head has is bisected among all)
    heads, starts = _block_index()
    for probe in (word, word + "\U0010ffff", "\U0010ffff" + word):
        block = bisect_left(heads, probe)
        whole = (starts[block - 1] if block else 1), (starts[block] if block < len(starts) else len(_words()))
        assert _block_bounds(probe) == whole, probe


def test_the_filter_passes_every_listed_word_and_few_others() -> None:
    # (every one: a filter built from another table would lose words, which a sample
    # of them might not show)
    assert all(_may_be_listed(word) for word in WORDS)
    # words of the table's letters that it does not list: about 3 in 100 pass
    unlisted = sorted({word + suffix for word in WORDS[::40] for suffix in ("qx", "ž")} - VOCABULARY)
    passing = sum(map(_may_be_listed, unlisted))
    assert len(unlisted) > 5000 and passing < 0.06 * len(unlisted)
    # and those that pass are still no common word
    assert not any(is_common_word(word) for word in unlisted)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab_1²½\u0301١ ,.!«»’()-\t\né"), max_size=8) | st.text(max_size=6))
def test_punctuation_around_a_word_is_cut_as_the_regex_cuts_it(word: str) -> None:
    assert _without_edges(word) == re.sub(r"^\W+|\W+$", "", word)


def test_words_that_are_not_common() -> None:
    assert is_common_word("można") and is_common_word("značka")
    # common in the languages of one codepage: Lithuanian, not Polish or Czech
    assert is_common_word("pergalę", "cp1257") and not is_common_word("pergalę", "cp1250")
    assert is_common_word("można", "cp1250") and not is_common_word("można", "cp1252")
    assert not is_common_word("mo¿na") and not is_common_word("znaèka")
    assert not is_common_word("") and not is_common_word("a\nb") and not is_common_word("!!")


@settings(max_examples=100, deadline=None)  # each example scans all 200,000 words
@given(
    st.one_of(st.sampled_from(WORDS), st.text(alphabet="aąbcčeęéilłnoóprsśštuůzżž", min_size=1, max_size=10)),
    CODEPAGE,
)
def test_stem_lookup_agrees_with_a_scan(word: str, codepage: str | None) -> None:
    # the stem runs to the last non-ASCII letter before the last two (to the only one
    # there if there is no other), four letters at least
    letters = [i for i, c in enumerate(word) if not c.isascii()]
    last = max((i for i in letters if i < len(word) - 2), default=letters[-1] if letters else -1)
    stem = word[: max(4, last + 1)]
    expected = last >= 0 and any(common.startswith(stem) for common in WORDS)
    assert has_common_stem(word) == expected
    in_codepage = last >= 0 and any(common.startswith(stem) and mark & _bit(codepage) for common, mark in MARKS.items())
    assert has_common_stem(word, codepage) == in_codepage


def test_inflected_words_have_common_stems_and_names_do_not() -> None:
    assert has_common_stem("kullanılacak") and has_common_stem("Yazı")
    assert has_common_stem("oluşturulamadı")  # "oluş", as in "oluşturmak"
    assert not has_common_stem("Tongařerne") and not has_common_stem("můltiplas")
    assert not has_common_stem("kitchen")  # no non-ASCII letter: every codepage reads it alike
    assert has_common_stem("kullanılacak", "cp1254") and not has_common_stem("kullanılacak", "cp1250")


def test_ascii_words_tell_the_language_a_codepage_writes() -> None:
    turkish = "Sağ kenar boşluğu olarak dosya yok"
    assert language_fit(turkish, "cp1254", "cp1252") > 0.5
    occitan = "Clicatz sus la pipeta, puèi clicatz sus una color ont que siá"
    assert language_fit(occitan, "cp1250", "cp1252") < -0.5
    assert language_fit("Привет, мир", "cp1251", "koi8-r") == 0.0  # no such languages
    assert language_fit("%s: 0x%lx (123)", "cp1254", "cp1252") == 0.0
