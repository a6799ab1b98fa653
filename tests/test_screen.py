"""The screen (textfix/screen.py) lets the fast path skip searches: it must never skip
one that would have matched."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from textfix import screen as screen_module
from textfix.config import DEFAULT_CONFIG
from textfix.detect import clean, legacy, suspects
from textfix.detect.controls import C1_RUN
from textfix.detect.doublebyte import has_double_byte_output
from textfix.screen import MAX_SEARCHES, Need, Screen, class_points, outside


def test_class_points_reads_literals_escapes_and_ranges() -> None:
    assert class_points("A-Za-zø") == [(0x41, 0x5A), (0x61, 0x7A), (0xF8, 0xF8)]
    assert class_points(r"a\-c") == [(0x61, 0x61), (0x2D, 0x2D), (0x63, 0x63)]
    assert class_points("-a-") == [(0x2D, 0x2D), (0x61, 0x61), (0x2D, 0x2D)]
    assert class_points(re.escape("€]^")) == [(0x20AC, 0x20AC), (0x5D, 0x5D), (0x5E, 0x5E)]


@pytest.mark.parametrize("body", [r"\s", r"\W", "^a", "a]", r"a\d"])
def test_class_points_refuses_what_it_cannot_enumerate(body: str) -> None:
    with pytest.raises(ValueError):
        class_points(body)


def test_outside_is_every_other_non_ascii_character() -> None:
    pattern = re.compile(f"[{outside('а-я«')}]")
    assert pattern.fullmatch("а") is None and pattern.fullmatch("«") is None and pattern.fullmatch("a") is None
    assert all(pattern.fullmatch(char) for char in "é€中😀\x80\U0010ffff")


def test_needs_of_one_to_four_characters_in_a_row() -> None:
    screen = Screen([[Need("x")], [Need("a", "b", 2)], [Need("c", "", 3)], [Need("d", "e", 4)], [Need("yz")]])
    assert screen.may_match("") == 0
    assert screen.may_match("x") == 0b00001
    assert screen.may_match("ba ab") == 0b00010
    assert screen.may_match("cc c ccc") == 0b00100
    assert screen.may_match("deed deee") == 0b01000
    assert screen.may_match("z") == 0b10000
    assert screen.may_match("a b cc dee") == 0


def test_characters_beyond_the_bmp_fire_the_classes_that_hold_any_of_them() -> None:
    screen = Screen([[Need("\U0001f600-\U0001f64f")], [Need("a")]])
    assert screen.may_match("\U0001f600") == 0b01
    assert screen.may_match("\U0001f680") == 0b01  # (allowed: a need may fire where it is not met)
    assert screen.may_match("\U0001f680a") == 0b11


def test_a_need_shared_by_two_searches_fires_for_both() -> None:
    shared = Need("a", "b", 2)
    screen = Screen([[shared], [Need("q"), shared]])
    assert screen.may_match("ab") == 0b11
    assert screen.may_match("q") == 0b10


def test_too_many_needs_are_refused() -> None:
    with pytest.raises(ValueError, match="too many needs"):
        Screen([[Need(chr(0x100 + index), chr(0x200 + index), 2)] for index in range(17)])


def test_a_need_longer_than_four_characters_is_refused() -> None:
    with pytest.raises(ValueError):
        Screen([[Need("a", "a", 5)]])


def test_more_searches_than_an_answer_has_bits_are_refused() -> None:
    # (searches of no needs: they take no bits of the tables)
    assert Screen([[]] * (MAX_SEARCHES - 1) + [[Need("a")]]).may_match("a") == 1 << (MAX_SEARCHES - 1)
    with pytest.raises(ValueError, match="up to"):
        Screen([[]] * (MAX_SEARCHES + 1))


# Characters of every class the fast path's searches start from, and their neighbours:
# Latin-1 and cp1252 symbols, Cyrillic of both cases, box drawing, CJK, C1 controls.
_ALPHABET = (
    "adeiknprzAZ ?.-\xa0«»–—…’“”„№ÃÂÐÑÎÅàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿÀÉÏÝØÞŠšŽžŒœŸƒˆ˜"
    "€‚„†‡‰‹›•™¡¢£¤¥¦§¨©ª¬®¯°±²³´µ¶·¸¹º¼½¾¿×÷"
    "абвгдежзийклмнопрстуфхцчшщъыьэюяёіїєґАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЁІЇЄҐ"
    "─│┌┐└┘├┤┬┴┼═║▀▄█▌▐░▒▓■√≈≤≥⌠⌡"
    "αβγΑΒΓ中文字日本語ひらカタ한국ｱ\x80\x81\x8d\x9d\x9f\ufffd😀"
)


def _legacy_search_finds(text: str, search: int) -> bool:
    return legacy.misread_signs(clean.DEFAULT_LEGACY_PAIRS).found(text, 0, sys.maxsize, searches=search)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(alphabet=_ALPHABET, max_size=24))
@example("Ïðèâåò")
@example("рТЙЧЕФ")
@example("ТБДПЛ")
@example("caféй")
@example("cafÃ©")
@example("Ã ")
@example("лmn")
@example("Привет »")
@example("—№")
@example("eáp")  # a gram of an anchor screened for by its grams' pairs
@example("dåže")
def test_the_fast_path_screen_never_skips_a_search_that_matches(text: str) -> None:
    searches = clean.screen().may_match(text)
    for search in (legacy.SIGN_SEARCH, legacy.GATED_SEARCH, legacy.GRAM_SEARCH, legacy.COMMON_SEARCH):
        if not searches & search:
            assert not _legacy_search_finds(text, search), search
    codecs = DEFAULT_CONFIG.codecs
    if not searches & clean.MOJIBAKE_SEARCH:
        assert suspects.stage_zero(codecs).search(text) is None
    if not searches & clean.ODD_CASED_SEARCH:
        assert not suspects._holds_impure_cased(text) and suspects._CASED_ODDITY.search(text) is None
    if not searches & clean.CONTROLS_SEARCH:
        assert C1_RUN.search(text) is None
    # (exact, in both directions: the fast path then skips the double-byte search for it)
    assert bool(searches & clean.WIDE_CHARS_SEARCH) == has_double_byte_output(text)


# The loop in C (textfix/_scan.c), where it is built, must answer as the Python loop does:
# on texts of each width (Latin-1, the BMP, astral), for the fast path's own screen and a
# screen of needs of every length.
try:
    from textfix import _scan
except ImportError:
    _scan = None  # type: ignore[assignment]
built_only = pytest.mark.skipif(_scan is None, reason="textfix._scan is built only with the compiled modules")
_SMALL_SCREEN = Screen(
    [[Need("x")], [Need("a", "b", 2)], [Need("c", "", 3)], [Need("d", "e", 4)], [Need("é😀")]]
    + [[Need("\u0100-\uffff", "ÿ", 2)]]
)


@built_only


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(alphabet=st.one_of(st.sampled_from(_ALPHABET + "abcdexyzé"), st.characters()), max_size=40))
@example("")
@example("deee")
@example("é\U0001f600\U0010ffff")
@example("\uffffÿ")
def test_the_c_loop_answers_as_the_python_loop(text: str) -> None:
    assert screen_module._SCAN_MAY_MATCH is _scan.screen_may_match
    for screen in (clean.screen(), _SMALL_SCREEN):
        assert _scan.screen_may_match(text, screen._scan_tables) == screen.may_match_in_python(text)
        assert screen.may_match(text) == screen.may_match_in_python(text)


@built_only
def test_the_c_loop_refuses_tables_of_another_layout_and_other_arguments() -> None:
    tables = _SMALL_SCREEN._scan_tables
    for wrong in (b"", tables[:-1], tables + b"\0", b"\xff" * 48 + tables[48:]):
        with pytest.raises(ValueError, match="layout"):
            _scan.screen_may_match("abc", wrong)
    for arguments in ((b"abc", tables), ("abc", bytearray(tables)), ("abc",), ("abc", tables, 1)):
        with pytest.raises(TypeError):
            _scan.screen_may_match(*arguments)


@built_only
def test_four_byte_tables_as_one_of_32_bit_words() -> None:
    planes = [bytes([index + 1]) * 0x10000 for index in range(4)]
    words = _scan.words_of_planes(*planes)
    assert len(words) == 4 * 0x10000
    assert int.from_bytes(words[4 * 0x4E2D : 4 * 0x4E2D + 4], sys.byteorder) == 0x04030201
    for wrong in (planes[:3], [*planes[:3], b"\0"], [*planes[:3], bytearray(planes[3])], [*planes, planes[0]]):
        with pytest.raises(TypeError):
            _scan.words_of_planes(*wrong)
