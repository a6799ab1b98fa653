"""One layer of mojibake read through every codepage (textfix.detect.layers)."""

from __future__ import annotations

from textfix.config import DEFAULT_CONFIG
from textfix.detect.candidates import suspect_windows
from textfix.detect.layers import _score_layer, _scored_layer


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
