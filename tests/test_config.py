"""Config: validation, the optional steps (which reuse ftfy's fixers), and what the defaults leave alone."""

from __future__ import annotations

import unicodedata

import pytest
from ftfy import fixes

import textfix
from textfix import STEP_ORDER, Config, detect, fix_and_explain, fix_text
from textfix.codecs import SINGLE_BYTE_CODECS

THAI_DASH = "a dashโ€”here"  # UTF-8 em dash read as cp874
TWO_LAYERS = "cafÃƒÂ©"  # "café" damaged twice through cp1252
QUOTES = "“Hello,” she said, ‘it’s fine’ — isn’t it?"
FULLWIDTH = "ＡＢＣ１２３ ｶﾀｶﾅ and ＴＥＸＴ"
LIGATURES = "ﬁnal ﬂow of the oﬃce"
DECOMPOSED = "cafe\u0301 and nai\u0308ve"

# --- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize("threshold", [-0.01, 1.01, 2, float("nan")])
def test_bad_threshold(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold"):
        Config(threshold=threshold)


@pytest.mark.parametrize("max_layers", [0, -1, 9])
def test_bad_max_layers(max_layers: int) -> None:
    with pytest.raises(ValueError, match="max_layers"):
        Config(max_layers=max_layers)


def test_bad_normalization() -> None:
    with pytest.raises(ValueError, match="normalization"):
        Config(normalization="NFX")  # type: ignore[arg-type]


def test_unknown_codec() -> None:
    with pytest.raises(ValueError, match="codec"):
        Config(codecs=("cp1252", "no-such-codec"))


@pytest.mark.parametrize("codec", ["utf-8", "shift_jis", "utf-16"])
def test_codec_that_is_not_single_byte(codec: str) -> None:
    with pytest.raises(ValueError, match="codec"):
        Config(codecs=(codec,))


def test_codec_aliases_become_canonical_names() -> None:
    config = Config(codecs=("windows-1252", "latin-1", "KOI8_R", "macintosh"))
    assert config.codecs == ("cp1252", "iso8859-1", "koi8-r", "mac-roman")


def test_default_codecs_are_the_supported_ones() -> None:
    assert Config().codecs == SINGLE_BYTE_CODECS


def test_unknown_setting_in_with_() -> None:
    with pytest.raises(TypeError, match="no_such_setting"):
        Config().with_(no_such_setting=True)


def test_unknown_keyword_setting_in_fix_text() -> None:
    with pytest.raises(TypeError):
        fix_text("text", no_such_setting=True)


def test_with_validates_values() -> None:
    with pytest.raises(ValueError):
        Config().with_(threshold=5)


def test_with_returns_a_copy() -> None:
    config = Config()
    default_threshold = config.threshold
    changed = config.with_(uncurl_quotes=True, threshold=0.5)
    assert changed.uncurl_quotes and changed.threshold == 0.5
    assert not config.uncurl_quotes and config.threshold == default_threshold
    assert changed != config


def test_config_is_frozen() -> None:
    config = Config()
    with pytest.raises(AttributeError):
        config.threshold = 0.5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        config.not_a_setting = 1  # type: ignore[attr-defined]


def test_changing_a_config_checks_it_again() -> None:
    with pytest.raises(ValueError):
        Config().with_(threshold=2.0)
    with pytest.raises(ValueError):
        Config()._replace(codecs=("utf-16",))
    with pytest.raises(TypeError):
        Config(not_a_setting=True)  # type: ignore[call-arg]
    assert Config(codecs=("CP1252", "latin-1")).codecs == ("cp1252", "iso8859-1")


def test_config_must_be_a_config() -> None:
    with pytest.raises(TypeError):
        fix_text("text", {"uncurl_quotes": True})  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [b"caf\xc3\xa9", bytearray(b"abc"), None, 42])
def test_fix_text_takes_only_str(value: object) -> None:
    with pytest.raises(TypeError):
        fix_text(value)  # type: ignore[arg-type]


def test_default_steps() -> None:
    assert Config().enabled_steps() == ("mojibake", "c1_controls")
    every_bool_step = {name for name, value in Config()._asdict().items() if isinstance(value, bool)}
    assert every_bool_step | {"normalization"} == set(STEP_ORDER)


# --- optional steps: off by default, ftfy's behaviour when on -----------------------------------


@pytest.mark.parametrize(
    ("step", "text"),
    [
        ("uncurl_quotes", QUOTES),
        ("fix_character_width", FULLWIDTH),
        ("fix_latin_ligatures", LIGATURES),
        ("fix_line_breaks", "one\r\ntwo\rthree\u2028four\u2029five"),
        ("unescape_html", "caf&eacute; &amp; cr&egrave;me &lt;b&gt;"),
        ("remove_terminal_escapes", "\x1b[31mred\x1b[0m text"),
        ("fix_surrogates", "smile \ud83d\ude00 please"),
        ("remove_control_chars", "bell\x07 and\x00 nul and \ufeffbom"),
    ],
)
def test_optional_step_matches_ftfy_only_when_enabled(step: str, text: str) -> None:
    expected = getattr(fixes, step)(text)
    assert expected != text, "the example must be something the step changes"
    assert fix_text(text) == text
    assert fix_text(text, **{step: True}) == expected
    assert fix_text(text, Config().with_(**{step: True})) == expected
    fixed, plan = fix_and_explain(text, Config().with_(**{step: True}))
    assert fixed == expected
    assert [s.step for s in plan.steps] == [step]


def test_uncurl_quotes_straightens_quotes() -> None:
    assert fix_text(QUOTES, uncurl_quotes=True) == "\"Hello,\" she said, 'it's fine' — isn't it?"


def test_fix_character_width() -> None:
    assert fix_text(FULLWIDTH, fix_character_width=True) == "ABC123 カタカナ and TEXT"


@pytest.mark.parametrize("form", ["NFC", "NFD", "NFKC", "NFKD"])
def test_normalization(form: str) -> None:
    text = DECOMPOSED + " " + LIGATURES + " café"
    assert fix_text(text, normalization=form) == unicodedata.normalize(form, text)  # type: ignore[arg-type]


def test_nfc_composes() -> None:
    assert fix_text(DECOMPOSED, normalization="NFC") == "café and naïve"
    assert fix_text(DECOMPOSED) == DECOMPOSED


def test_defaults_leave_style_alone() -> None:
    text = f"{QUOTES} {FULLWIDTH} {LIGATURES} {DECOMPOSED} … ½ ™ \u00a0non-breaking\u00a0spaces\r\n"
    assert fix_text(text) == text
    assert detect(text) == []


def test_mojibake_is_repaired_before_style_steps() -> None:
    # The repaired dash is then seen by uncurl_quotes, which leaves dashes alone; quotes are straightened.
    text = "“" + THAI_DASH + "”"
    assert fix_text(text, uncurl_quotes=True) == '"a dash—here"'


def test_html_is_unescaped_before_mojibake_repair() -> None:
    assert fix_text("a dash&#3650;&#8364;&#8221;here", unescape_html=True) == "a dash—here"


# --- damage steps and their settings ---------------------------------------------------------------


def test_mojibake_step_can_be_turned_off() -> None:
    assert fix_text(THAI_DASH) == "a dash—here"
    assert fix_text(THAI_DASH, mojibake=False) == THAI_DASH
    assert detect(THAI_DASH, mojibake=False) == []


def test_c1_controls_are_repaired_by_default() -> None:
    text = "\x93quoted\x94 and it\x92s \x80 5"
    assert fix_text(text) == "“quoted” and it’s € 5"
    assert fix_text(text, c1_controls=False) == text
    assert [f.kind for f in detect(text)] == ["c1_control"] * 4


def test_c1_controls_undefined_in_cp1252_are_left_alone() -> None:
    text = "undefined \x81 \x8d \x8f \x90 \x9d controls"
    assert fix_text(text) == text


def test_codecs_restrict_the_repair() -> None:
    assert fix_text(THAI_DASH, codecs=("cp1252", "cp1251")) == THAI_DASH
    assert fix_text(THAI_DASH, codecs=("cp874",)) == "a dash—here"


def test_max_layers_limits_peeling() -> None:
    assert fix_text(TWO_LAYERS) == "café"
    assert fix_text(TWO_LAYERS, max_layers=1) == "cafÃ©"


def test_keyword_settings_equal_a_config() -> None:
    text = QUOTES + " " + THAI_DASH + " " + FULLWIDTH
    config = Config(uncurl_quotes=True, fix_character_width=True)
    assert fix_text(text, config) == fix_text(text, uncurl_quotes=True, fix_character_width=True)
    assert fix_text(text, config, normalization="NFKC") == fix_text(text, config.with_(normalization="NFKC"))


def test_public_names() -> None:
    for name in textfix.__all__:
        assert hasattr(textfix, name), name
