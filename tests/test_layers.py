"""One layer of mojibake read through every codepage (textfix.detect.layers)."""

from __future__ import annotations

from textfix.config import DEFAULT_CONFIG
from textfix.detect import layers
from textfix.detect.candidates import suspect_windows
from textfix.detect.layers import _score_layer, _scored_layer, detect_mojibake


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
