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
