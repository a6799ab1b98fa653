"""Whole readings of a stretch through the codepages (textfix.detect.readings)."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.codecs import SINGLE_BYTE_CODECS, UNDEFINED, codepage, encode, encoding_table
from textfix.detect.readings import (
    _encodable_by,
    char_masks,
    complete_readings,
    complete_readings_in_python,
    encodable_by_in_loop,
    sequences_in,
)
from textfix.utf8 import ONE_SEQUENCE

# Characters of the codepages, mostly, with ASCII and a few no codepage has.
_CODEPAGE_CHARS = "".join(sorted(set("".join(codepage(name).chars(0x80, 0xFF) for name in SINGLE_BYTE_CODECS))))
_TEXT = st.text(st.sampled_from(_CODEPAGE_CHARS) | st.sampled_from("ae 1\u4e2d\U0001f600\ud800\uffff"), max_size=12)


def _encodable_by_each_char(text: str, codecs: tuple[str, ...]) -> int:
    masks = char_masks(codecs)
    mask = (1 << len(codecs)) - 1
    for char in text:
        mask &= masks.get(char, 0)
    return mask


@given(_TEXT, st.sampled_from([SINGLE_BYTE_CODECS, ("cp1252",), ("koi8-r", "cp1251", "cp874")]))
def test_the_codepages_that_encode_a_text_are_those_that_have_each_of_its_characters(
    text: str, codecs: tuple[str, ...]
) -> None:
    assert _encodable_by(text, codecs) == _encodable_by_each_char(text, codecs)
    # (and the compiled loop that runs where textfix._scan, in C, is not built)
    assert encodable_by_in_loop(text, codecs) == _encodable_by_each_char(text, codecs)


def test_the_c_loop_of_the_encodable_codepages_refuses_what_is_not_its_layout() -> None:
    scan = pytest.importorskip("textfix._scan", reason="textfix._scan is built only with the compiled modules")
    table = (0xFFFFFFFF).to_bytes(4, sys.byteorder) * 0x100
    assert scan.mask_all("aé\u00ff", table, 0b101) == 0b101
    assert scan.mask_all("a\u0100", table, 0b101) == 0  # beyond the table
    for arguments in (("é", table[:-1], 1), ("é", table, 1 << 32), ("é", table, -1)):
        with pytest.raises((ValueError, OverflowError)):
            scan.mask_all(*arguments)
    with pytest.raises(TypeError):
        scan.mask_all("é", bytearray(table), 1)


@given(_TEXT)
def test_a_complete_reading_is_the_text_encoded_through_its_codepage_and_decoded_as_utf8(text: str) -> None:
    for decoded, (name, data) in complete_readings(text, SINGLE_BYTE_CODECS).items():
        assert encode(codepage(name), text) == data
        assert data.decode("utf-8") == decoded


def test_a_text_damaged_through_one_codepage_reads_back_through_it() -> None:
    damaged = "Größe".encode().decode("cp1251")
    readings = complete_readings(damaged, SINGLE_BYTE_CODECS)
    assert "Größe" in readings
    assert readings["Größe"][0] == "cp1251"
    assert complete_readings("Größe 中", SINGLE_BYTE_CODECS) == {}
    assert complete_readings("plain", SINGLE_BYTE_CODECS) == {}


def test_a_codepage_decodes_its_bytes_by_its_table_and_undefined_bytes_as_replacement_marks() -> None:
    for name in SINGLE_BYTE_CODECS:
        page = codepage(name)
        expected = "".join(map(chr, range(0x80))) + page.decoding_table[0x80:].replace(UNDEFINED, "\ufffd")
        assert page.decode(bytes(range(256))) == expected
    assert codepage("cp1252").decode(b"caf\xe9 \x81") == "café \x81"
    assert codepage("iso8859-7").decode(b"\xae") == "\ufffd"


def _every_reading(text: str, codecs: tuple[str, ...]) -> dict[str, tuple[str, bytes]]:
    # the definition: every codepage that encodes the text into bytes that are UTF-8
    found: dict[str, tuple[str, bytes]] = {}
    if text.isascii():
        return found
    for name in codecs:
        data = encode(codepage(name), text)
        if data is None:
            continue
        try:
            found.setdefault(data.decode("utf-8"), (name, data))
        except UnicodeDecodeError:
            continue
    return found


_ORIGINALS = st.text(st.sampled_from("aé ßЖжΩω中€’😀ưđ\xa0"), max_size=8)


@settings(max_examples=300, deadline=None)
@given(_ORIGINALS, st.sampled_from(SINGLE_BYTE_CODECS), _TEXT, st.booleans())
def test_the_complete_readings_are_every_reading(original: str, name: str, other: str, damaged: bool) -> None:
    # damaged text, which reads whole, and any other: none missed, none added
    text = codepage(name).decode(original.encode()) if damaged else other
    assert complete_readings(text, SINGLE_BYTE_CODECS) == _every_reading(text, SINGLE_BYTE_CODECS)


@given(st.text(max_size=12))
def test_the_sequences_of_utf8_are_counted_by_their_lead_bytes(text: str) -> None:
    data = text.encode("utf-8")
    assert sequences_in(data) == len(ONE_SEQUENCE.findall(data))


@settings(max_examples=300, deadline=None)
@given(_ORIGINALS, st.sampled_from(SINGLE_BYTE_CODECS), _TEXT, st.booleans())
def test_the_readings_in_c_are_those_of_pythons_codecs(original: str, name: str, other: str, damaged: bool) -> None:
    text = codepage(name).decode(original.encode()) if damaged else other
    mask = _encodable_by(text, SINGLE_BYTE_CODECS)
    if mask and not text.isascii():
        assert complete_readings(text, SINGLE_BYTE_CODECS) == complete_readings_in_python(
            text, SINGLE_BYTE_CODECS, mask
        )


# Byte strings at UTF-8's edges: overlong forms, surrogates, past U+10FFFF, cut short.
_EDGES = [
    b"\xc0\x80",
    b"\xc1\xbf",
    b"\xc2\x80",
    b"\xdf\xbf",
    b"\xe0\x80\x80",
    b"\xe0\xa0\x80",
    b"\xed\x9f\xbf",
    b"\xed\xa0\x80",
    b"\xef\xbf\xbf",
    b"\xf0\x8f\xbf\xbf",
    b"\xf0\x90\x80\x80",
    b"\xf4\x8f\xbf\xbf",
    b"\xf4\x90\x80\x80",
    b"\xf5\x80\x80\x80",
    b"\xff",
    b"\x80",
    b"\xe2\x82",
    b"a\xe2\x82\xac",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.binary(max_size=6) | st.sampled_from(_EDGES), max_size=4).map(b"".join))
def test_the_c_readings_take_as_utf8_exactly_what_pythons_strict_decoder_takes(data: bytes) -> None:
    # (every byte is a Latin-1 character: the text through Latin-1 is `data`)
    scan = pytest.importorskip("textfix._scan", reason="textfix._scan is built only with the compiled modules")
    text = data.decode("latin-1")
    try:
        expected = [(0, data, data.decode("utf-8"))]
    except UnicodeDecodeError:
        expected = []
    assert scan.utf8_readings(text, 1, (encoding_table("iso8859-1"),)) == expected
    # (through another codepage, a character it lacks reads nothing; the mask picks the tables)
    through_cp1252 = encode(codepage("cp1252"), text)
    try:
        expected = [] if through_cp1252 is None else [(1, through_cp1252, through_cp1252.decode("utf-8"))]
    except UnicodeDecodeError:
        expected = []
    tables = (encoding_table("iso8859-1"), encoding_table("cp1252"))
    assert scan.utf8_readings(text, 0b10, tables) == expected
    assert scan.utf8_readings(text, 0, tables) == []


def test_the_c_readings_refuse_what_is_not_their_layout() -> None:
    scan = pytest.importorskip("textfix._scan", reason="textfix._scan is built only with the compiled modules")
    table = encoding_table("cp1252")
    assert scan.utf8_readings("cafÃ©", 1, (table,)) == [(0, b"caf\xc3\xa9", "café")]
    for arguments in (("é", 0b10, (table,)), ("é", 1, (table[:-1],)), ("é", -1, (table,)), ("é", 1 << 64, (table,))):
        with pytest.raises((ValueError, OverflowError)):
            scan.utf8_readings(*arguments)
    for arguments in ((b"e", 1, (table,)), ("é", 1, [table]), ("é", 1, (bytearray(table),))):
        with pytest.raises(TypeError):
            scan.utf8_readings(*arguments)
