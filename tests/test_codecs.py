"""Single-byte codepages (textfix.codecs): encode, in C where textfix._scan is built."""

from __future__ import annotations

import codecs
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textfix.codecs import LEGACY_PAIRS, SINGLE_BYTE_CODECS, UNDEFINED, codepage, encode, encoding_table

try:
    from textfix import _scan
except ImportError:
    _scan = None  # type: ignore[assignment]
built_only = pytest.mark.skipif(_scan is None, reason="textfix._scan is built only with the compiled modules")

_NAMES = sorted({*SINGLE_BYTE_CODECS, *(name for pair in LEGACY_PAIRS for name in pair if name in SINGLE_BYTE_CODECS)})
# Every character some codepage has, and a few none has (or that only stand for bytes
# a codepage leaves undefined)
_CHARS = "".join(sorted({char for name in _NAMES for char in codepage(name).decoding_table} - {UNDEFINED}))
_TEXT = st.text(st.sampled_from(_CHARS + "\x00\ufffe\ufffd\ud800\U0001f600\u4e2d") | st.characters(), max_size=16)


def _charmap_encode(name: str, text: str) -> bytes | None:
    try:
        return codecs.charmap_encode(text, "strict", codepage(name).charmap)[0]
    except UnicodeEncodeError:
        return None


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(_NAMES), _TEXT)
@example("cp1252", "caf\u00e9")
@example("cp1252", "\ufffe")  # (the undefined bytes' stand-in in the decoding table, encoded by none)
@example("koi8-r", "\x00")
@example("cp874", "\U0001f600")
def test_encode_gives_the_bytes_pythons_charmap_gives(name: str, text: str) -> None:
    assert encode(codepage(name), text) == _charmap_encode(name, text)


def test_each_codepages_every_character_encodes_as_its_byte() -> None:
    for name in _NAMES:
        page = codepage(name)
        for byte, char in enumerate(page.decoding_table):
            if char != UNDEFINED and page.decoding_table.index(char) == byte:
                assert encode(page, char) == bytes([byte]), (name, char)


def _byte_in_table(table: bytes, char: str) -> int | None:
    """A character's byte as textfix._scan.encode_through reads its table (see _scan.c)."""
    point = ord(char)
    block = table[point >> 8] if point < 0x10000 else 0
    if not block:
        return None
    at = 256 + (block - 1) * 512 + (point & 0xFF) * 2
    entry = int.from_bytes(table[at : at + 2], sys.byteorder)
    return entry - 1 if entry else None


@built_only
@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_NAMES), st.sampled_from(_CHARS + "\x00\ufffe\ufffd\u4e2d") | st.characters())
def test_the_encoding_table_holds_each_characters_byte(name: str, char: str) -> None:
    expected = _charmap_encode(name, char)
    assert _byte_in_table(encoding_table(name), char) == (None if expected is None else expected[0])


@built_only
def test_the_c_encoder_refuses_tables_of_another_layout() -> None:
    scan = _scan
    table = encoding_table("cp1252")
    assert scan.encode_through("café", table) == "café".encode("cp1252")
    for wrong in (b"", table[:255], table + b"\0"):
        with pytest.raises(ValueError, match="layout"):
            scan.encode_through("café", wrong)
    # (a block number past the blocks is no block: no read beyond the table)
    assert scan.encode_through("é", b"\xff" + table[1:]) is None
    with pytest.raises(TypeError):
        scan.encode_through(b"caf", table)


@built_only
def test_an_encoding_table_is_made_of_characters_of_the_bmp_with_a_byte_each() -> None:
    assert _scan.encode_through("aé", _scan.encoding_table_of("éa", b"\xe9a")) == b"a\xe9"
    for chars, data in (("é", b""), ("\U0001f600", b"x"), ("".join(chr(high << 8) for high in range(256)), bytes(256))):
        with pytest.raises(ValueError):
            _scan.encoding_table_of(chars, data)
    with pytest.raises(TypeError):
        _scan.encoding_table_of("é", "x")
