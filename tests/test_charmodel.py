"""The character model's measures of a stretch of text (textfix.model.charmodel)."""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import example, given, settings
from hypothesis import strategies as st

from textfix.model import charmodel
from textfix.model.charmodel import COMMON_CHAR, COMMON_LOGP, char_model, class_of

_CHARS = st.sampled_from("aeé ÃÂ©«»€â–—\xa0Ð°ÑабвгРС€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•™šœžŸ中文ย\x80\x9d?")


def _surprises(text: str, left: str, right: str) -> int:
    # the definition: pairs clean text never showed, of characters it shows often
    model = char_model()
    chars = left[-1:] + text + right[:1]
    return sum(
        1
        for previous, char in zip(chars, chars[1:])
        if not (previous.isascii() and char.isascii())
        and not model.pair_count(previous, char)
        and model._left_counts.get(previous, 0) >= COMMON_CHAR
        and model._emission.get(char, -99.0) > COMMON_LOGP
    )


@settings(max_examples=300, deadline=None)
@given(st.text(_CHARS, max_size=8), st.text(_CHARS, max_size=2), st.text(_CHARS, max_size=2))
@example("Ã©", "", "")
@example("é", "caf", " ")
def test_pair_measures_are_the_surprises_and_the_pair_log_probability(text: str, left: str, right: str) -> None:
    model = char_model()
    assert model.pair_measures(text, left, right) == (_surprises(text, left, right), model.pair_logp(text, left, right))


def test_a_latin_letter_glued_to_cyrillic_is_a_surprise_and_ascii_pairs_never_are() -> None:
    model = char_model()
    assert model.pair_measures("б", "a", "")[0] == 1
    assert model.pair_measures("бв", "", "")[0] == 0
    assert model.pair_measures("qxzj", "", "")[0] == 0


def test_each_code_point_has_the_class_of_its_run() -> None:
    # (the table by code point of the BMP, and the runs searched beyond it)
    points = [*range(0x10000), *range(0x10000, 0x110000, 97), 0x10FFFF]
    expected = [charmodel._RUN_CLASSES[bisect_right(charmodel._RUN_STARTS, point) - 1] for point in points]
    assert [class_of(chr(point)) for point in points] == expected


def test_a_pair_of_ascii_characters_scores_as_the_class_model_scores_it() -> None:
    # (the table of ASCII pairs stands for _pair_step, which the text is scored by elsewhere)
    model = char_model()
    for previous in range(0x80):
        for char in range(0x80):
            step = model._pair_step(chr(previous), chr(char))
            assert model.pair_logp(chr(char), chr(previous)) == step
            assert model.pair_measures(chr(char), chr(previous)) == (0, step)


def _counts_by_pair() -> dict[tuple[str, str], int]:
    # the definition: the pairs table read group by group
    model = char_model()
    counts = {}
    start = 0
    for first, end in zip(model._pair_firsts, model._pair_ends):
        for char, count in zip(model._pair_followers[start:end], model._pair_counts[start:end]):
            counts[first, char] = count
        start = end
    return counts


def test_a_pair_count_is_what_the_pairs_table_holds() -> None:
    model = char_model()
    counts = _counts_by_pair()
    firsts = sorted({first for first, _ in counts})
    followers = sorted({char for _, char in counts})
    # every listed pair, and unlisted ones: each first char with followers of other groups
    for (first, char), count in counts.items():
        assert model.pair_count(first, char) == count
    for index, first in enumerate(firsts):
        for char in followers[index % 7 :: 97]:
            assert model.pair_count(first, char) == counts.get((first, char), 0)
    assert model.pair_count("\U0001f600", "a") == 0


_ASCII_STRETCH = st.text(st.characters(max_codepoint=0x7F), max_size=4)
_BEYOND_ASCII_RUN = st.text(st.sampled_from("ÃÂ©«»€â–—\xa0ÐабвгРС‚ƒ„…š中文ย\x80\x9dé"), min_size=1, max_size=3)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_ASCII_STRETCH, _BEYOND_ASCII_RUN, _BEYOND_ASCII_RUN), max_size=4), _ASCII_STRETCH)
@example([("a", "é", "Ã©")], "")
@example([("", "é", "Ã©")], " x")
def test_texts_alike_in_their_ascii_differ_beyond_it_as_by_the_whole_pair_log_probability(
    pieces: list[tuple[str, str, str]], last: str
) -> None:
    # two readings of one text: the same ASCII stretches, other runs between them
    one = "".join(ascii_stretch + run for ascii_stretch, run, _ in pieces) + last
    other = "".join(ascii_stretch + run for ascii_stretch, _, run in pieces) + last
    model = char_model()
    whole = model.pair_logp(one) - model.pair_logp(other)
    beyond = model.pair_logp_beyond_ascii(one) - model.pair_logp_beyond_ascii(other)
    assert abs(whole - beyond) < 1e-9
