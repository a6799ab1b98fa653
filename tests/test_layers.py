"""One layer of mojibake read through every codepage (textfix.detect.layers)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.codecs import codepage
from textfix.config import DEFAULT_CONFIG
from textfix.detect import layers
from textfix.detect.candidates import suspect_windows
from textfix.detect.layers import _score_layer, _scored_layer, detect_mojibake
from textfix.detect.readings import complete_readings, sequences_in
from textfix.model.evidence import whole_window_confidence


def test_a_layer_scored_again_is_scored_as_the_first_time_and_apart_from_what_callers_do() -> None:
    # (twice through cp1252: peeled to "été" with three layers to go, to "Ã©tÃ©" with one)
    text = "Le cafÃ© est prÃªt, lÃ¢â‚¬â„¢ÃƒÂ©tÃƒÂ© aussi."
    codecs = DEFAULT_CONFIG.codecs
    windows = suspect_windows(text, codecs)
    expected = _scored_layer(text, codecs, windows, 3, [])
    first = _score_layer(text, codecs, windows, 3)
    assert first == expected
    first.clear()
    assert _score_layer(text, codecs, list(windows), 3) == expected
    # another text, or the same with fewer layers to peel, is scored anew
    assert _score_layer(text + " Ã©", codecs, windows, 3) == _scored_layer(text + " Ã©", codecs, windows, 3, [])
    assert _score_layer(text, codecs, windows, 1) == _scored_layer(text, codecs, windows, 1, [])



def test_the_scorings_kept_are_those_of_one_call() -> None:
    # (a text read again is scored again: repeated calls cost what one call does)
    sparse = "Dأ©finit des variables locales."
    assert detect_mojibake(sparse, DEFAULT_CONFIG)
    assert any(seen[0] == sparse for seen in layers._scored)
    detect_mojibake("Ainsi de suite, cafÃ©.", DEFAULT_CONFIG)
    assert not any(seen[0] == sparse for seen in layers._scored)


# Characters that UTF-8 read through the codepages shows, and ASCII between them.
_SHOWN = "ÃÂâ€™©¤Ð°Ñ\x81ÎÏ╨╧ΓΘσ€ЮЁдабвใยเ ab"


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(_SHOWN), max_size=14))
def test_a_window_too_short_of_non_ascii_for_a_whole_reading_has_no_reading_with_enough_sequences(text: str) -> None:
    # _read_whole turns such a window away before reading it: each sequence takes two
    # non-ASCII characters or more, so none of its readings could be trusted whole
    codecs = DEFAULT_CONFIG.codecs
    enough = layers._ENOUGH_FOR_A_WHOLE_READING.match(text) is not None
    assert enough == (sum(not c.isascii() for c in text) >= 2 * layers.WHOLE_WINDOW_MIN_SEQUENCES)
    if not enough:
        for _, data in complete_readings(text, codecs).values():
            assert whole_window_confidence(sequences_in(data)) is None
        assert layers._read_whole(text, 0, len(text), codecs, 3, DEFAULT_CONFIG.threshold) is None


def test_a_whole_reading_needs_its_sequences_and_no_more() -> None:
    codecs, threshold = DEFAULT_CONFIG.codecs, DEFAULT_CONFIG.threshold
    three, two = "le cafÃ© et le thÃ© sont prÃªts", "le cafÃ© et le thÃ© sont prets"
    assert layers._read_whole(three, 0, len(three), codecs, 3, threshold) is not None
    assert layers._read_whole(two, 0, len(two), codecs, 3, threshold) is None


def test_every_codepage_gives_a_non_ascii_character_a_byte_beyond_ascii() -> None:
    # (what the count of non-ASCII characters before a whole reading rests on)
    for name in DEFAULT_CONFIG.codecs:
        page = codepage(name)
        for byte in range(256):
            shown = page.decode(bytes([byte]))
            assert shown is None or shown.isascii() == (byte < 0x80), (name, byte)


def test_a_whole_reading_with_a_run_into_letters_no_text_has_is_no_whole_reading() -> None:
    # ("Ϸ", an archaic Greek letter, is what chance readings give: the runs are searched
    # for such letters through the whole reading once, and each run where it has any)
    codecs, threshold = DEFAULT_CONFIG.codecs, DEFAULT_CONFIG.threshold
    for original, whole in [
        ("été côté déjà", True),
        ("Ϸ été côté déjà", False),
        ("été côté déjà Ϸ", False),
    ]:
        damaged = original.encode("utf-8").decode("cp1252")
        assert (layers._read_whole(damaged, 0, len(damaged), codecs, 3, threshold) is not None) == whole
