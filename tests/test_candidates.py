"""Candidate repairs of suspect windows (textfix.detect.candidates)."""

from __future__ import annotations

import codecs
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from textfix.codecs import INVALID_BYTE_HANDLER, SINGLE_BYTE_CODECS, UNDEFINED, codepage, encode_marking
from textfix.config import DEFAULT_CONFIG
from textfix.detect.candidates import (
    _ASCII,
    _NON_ASCII_RUN,
    _WORD_GAP,
    WINDOW_REACH,
    _differences,
    distinct_candidates,
    read_alike,
    suspect_windows,
)
from textfix.detect.charsets import char_class
from textfix.detect.mojibake import SPACE_LEADS, STAND_INS, candidates_for, scanner, stretches
from textfix.detect.readings import paired, role_masks
from textfix.detect.suspects import stage_zero, suspect_pattern


def _without_codec(text: str, name: str) -> list[tuple[object, ...]]:
    return [
        (c.start, c.end, c.replacement, c.lossy, c.guesses, c.stranded, c.deeper, c.parts, c.alternatives)
        for c in candidates_for(text, name)
    ]


# Mojibake of a few words through several codepages, stand-ins for lost bytes and the
# characters around: what windows hold.
_PIECES = [
    "Größe €5 café ž ğ ė ő".encode().decode(name, "replace")
    for name in ("cp1252", "iso8859-15", "cp1250", "cp1254", "cp1257", "iso8859-2", "cp1251", "cp437")
]
_WINDOW = st.text(st.sampled_from("".join(_PIECES) + " ?\ufffd\xa0a"), min_size=1, max_size=10)


@given(_WINDOW, st.sampled_from(SINGLE_BYTE_CODECS), st.sampled_from(SINGLE_BYTE_CODECS))
def test_codepages_that_read_a_window_alike_give_the_same_candidates(text: str, first: str, second: str) -> None:
    if read_alike(set(text), first, second):
        assert _without_codec(text, first) == _without_codec(text, second)


def test_codepages_read_alike_only_where_they_agree_on_every_character() -> None:
    assert read_alike(set("Ã©"), "cp1252", "iso8859-15")
    # "€" is 0x80 in cp1252 and 0xA4 in ISO-8859-15
    assert not read_alike(set("â€œ"), "cp1252", "iso8859-15")
    # a stand-in for a lost byte is read through the bytes each leaves undefined
    assert not read_alike(set("Ã?"), "cp1252", "iso8859-1")
    assert not read_alike(set("Ð°"), "cp1252", "cp1251")


def test_one_candidate_per_reading_named_after_the_first_codepage_giving_it() -> None:
    text = "cafÃ© au lait"
    found = distinct_candidates(text, SINGLE_BYTE_CODECS, [(3, 6)])
    assert [(c.start, c.end, c.replacement, c.codec) for c in found if c.replacement == "é"] == [(3, 5, "é", "cp1252")]


def _pair(name: str) -> re.Pattern[str]:
    """A lead of the codepage followed by one of its continuations or a stand-in."""
    page = codepage(name)
    return re.compile(f"{char_class(page.chars(0xC2, 0xF4))}{char_class(page.chars(0x80, 0xBF) + STAND_INS)}")


@given(st.sampled_from(SINGLE_BYTE_CODECS), st.data())
@settings(max_examples=500, deadline=None)
def test_a_stretch_is_a_longest_run_of_the_codepages_characters_and_stand_ins_after_them(
    name: str, data: st.DataObject
) -> None:
    page = codepage(name)
    space_leads = "".join(page.decoding_table[byte] for byte in SPACE_LEADS)
    text = data.draw(st.text(st.sampled_from(page.chars(0x80, 0xFF) + space_leads + "?\ufffd ab中"), max_size=14))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    upper = char_class(page.chars(0x80, 0xFF))
    marks = f"(?<={upper})[?\ufffd]" + (f"|(?<={char_class(space_leads)}) " if scanner(name).space_stands_in else "")
    runs = re.compile(f"(?:{upper}|{marks})+").finditer(text, start, end)
    # (worth reading: a lead in it before a continuation or stand-in)
    pair = _pair(name)
    expected = [run.span() for run in runs if run.end() - run.start() >= 2 and pair.search(text, *run.span())]
    assert stretches(text, scanner(name), start, end) == expected


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_codepages_paired_in_a_window_are_those_whose_scanner_finds_a_pair(data: st.DataObject) -> None:
    # distinct_candidates reads a window only through these: the others read nothing there
    alphabet = "".join(sorted({c for name in SINGLE_BYTE_CODECS for c in codepage(name).chars(0x80, 0xFF)}))
    text = data.draw(st.text(st.sampled_from(alphabet[::7] + "?\ufffd ab"), max_size=12))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    leads, continuations = role_masks(SINGLE_BYTE_CODECS)
    found = paired(text, start, end, leads, continuations)
    for index, name in enumerate(SINGLE_BYTE_CODECS):
        assert bool(found >> index & 1) == (_pair(name).search(text, start, end) is not None), name


@settings(max_examples=1000, deadline=None)
@given(
    st.text(st.sampled_from("".join(codepage("cp1251").chars(0x80, 0xFF)) + "ÿ˙ÃĂ a?\ufffd\uffff€я中"), max_size=12),
    st.sampled_from(SINGLE_BYTE_CODECS),
)
@example("Ã\ufffdя ÿ", "cp1251")  # stand-ins, and the char cp1251 gives 0xFF
@example("Î\ufffd?", "iso8859-7")  # a codepage that leaves 0xFF undefined
def test_marking_encodes_marks_and_what_the_codepage_lacks_as_0xff(text: str, name: str) -> None:
    # (what the error handler alone gives: marks made unencodable first)
    unencodable = text.translate(str.maketrans(dict.fromkeys(STAND_INS, "\uffff")))
    expected = codecs.charmap_encode(unencodable, INVALID_BYTE_HANDLER, codepage(name).charmap)[0]
    assert encode_marking(codepage(name), text, STAND_INS) == expected


def test_two_codepages_differ_in_the_characters_their_tables_put_in_different_places() -> None:
    for first in SINGLE_BYTE_CODECS:
        for second in SINGLE_BYTE_CODECS:
            tables = zip(codepage(first).decoding_table, codepage(second).decoding_table)
            expected = {char for one, other in tables if one != other for char in (one, other)} - {UNDEFINED}
            assert _differences(first, second)[0] == expected


def _windows_around_every_odd_pair(text: str, codecs: tuple[str, ...]) -> list[tuple[int, int]]:
    """suspect_windows as first written: every odd pair found first, then the runs near each."""
    windows: list[tuple[int, int]] = []
    position = 0
    for centre in [match.start() for match in suspect_pattern(codecs).finditer(text)]:
        if centre + WINDOW_REACH < position:
            continue
        low = max(position, centre - WINDOW_REACH)
        for run in _NON_ASCII_RUN.finditer(text, low, centre + WINDOW_REACH):
            run_start, run_end = run.span()
            if run_start == low:
                while run_start > position and ord(text[run_start - 1]) >= 0x80:
                    run_start -= 1
            if run_end < len(text) and ord(text[run_end]) >= 0x80:
                after = _ASCII.search(text, run_end)
                run_end = len(text) if after is None else after.start()
            start, end = max(0, run_start - 1), min(len(text), run_end + 1)
            position = max(position, run_end)
            if not stage_zero(codecs).search(text, start, end):
                continue
            if windows and (
                windows[-1][1] >= start or _WORD_GAP.fullmatch(text, windows[-1][1] - 1, run_start) is not None
            ):
                windows[-1] = (windows[-1][0], max(windows[-1][1], end))
            else:
                windows.append((start, end))
            position = end
    return windows


_LONG_GAP = "x" * (WINDOW_REACH + 20) + " "


@settings(max_examples=300)
@given(st.lists(st.sampled_from([*_PIECES, "a ", "Größe", "été", _LONG_GAP, " ", "Ã"]), max_size=12))
@example(["Ã©", _LONG_GAP, "Ã©", "été"])
def test_suspect_windows_stop_where_no_run_is_left_as_reading_every_odd_pair_did(pieces: list[str]) -> None:
    # (the odd pairs are found one by one, and the search stops where the text holds no
    # run beyond those read: the windows are those that the reading of every pair gave)
    text = "".join(pieces)
    codecs = DEFAULT_CONFIG.codecs
    assert suspect_windows(text, codecs) == _windows_around_every_odd_pair(text, codecs)
