"""Byte patterns of well-formed multi-byte UTF-8 (textfix.utf8)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from textfix.utf8 import (
    MULTIBYTE_RUN,
    MULTIBYTE_SEQUENCE,
    ONE_SEQUENCE,
    chars_of,
    next_ascii,
    next_beyond_ascii,
    scanned_utf8_stretches,
    sequence_end,
    space_at,
)

_BYTES = st.lists(st.sampled_from(list(range(0x70, 0x100))), max_size=14).map(bytes) | st.text(max_size=6).map(
    lambda text: text.encode("utf-8", "surrogatepass")
)


@given(_BYTES, st.data())
def test_one_sequence_finds_each_well_formed_sequence_and_runs_decode(data: bytes, draw: st.DataObject) -> None:
    start = draw.draw(st.integers(0, len(data)))
    end = draw.draw(st.integers(start, len(data)))
    sequences = re.compile(MULTIBYTE_SEQUENCE)
    assert [m.span() for m in ONE_SEQUENCE.finditer(data, start, end)] == [
        m.span() for m in sequences.finditer(data, start, end)
    ]
    for match in MULTIBYTE_RUN.finditer(data, start, end):
        match.group().decode("utf-8")  # (raises if not well formed)


def test_text_beyond_ascii_is_one_run_of_its_sequences() -> None:
    data = "café — 😀".encode()
    assert [m.group().decode() for m in MULTIBYTE_RUN.finditer(data)] == ["é", "—", "😀"]
    assert MULTIBYTE_RUN.search(b"caf\xc3") is None


@given(st.text(max_size=12))
def test_a_walk_over_well_formed_utf8_finds_its_sequences_and_runs(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    sequences, runs = [], []
    start = next_beyond_ascii(data, 0)
    while start >= 0:
        end = sequence_end(data, start)
        sequences.append((start, end))
        start = next_beyond_ascii(data, end)
    start = next_beyond_ascii(data, 0)
    while start >= 0:
        end = next_ascii(data, start)
        runs.append((start, end))
        start = next_beyond_ascii(data, end)
    assert sequences == [m.span() for m in ONE_SEQUENCE.finditer(data)]
    assert runs == [m.span() for m in re.finditer(rb"[\x80-\xff]+", data)]


@settings(max_examples=1000, deadline=None)
@given(_BYTES)
@example(b"\xe4\xe4\xb8\xad\xc3\xa9a\xf0\x90\x80\x80")
def test_the_stretches_of_utf8_are_those_the_regex_finds(data: bytes) -> None:
    assert scanned_utf8_stretches(data) == [match.span() for match in MULTIBYTE_RUN.finditer(data)]


def test_space_at_is_isspace_for_every_character() -> None:
    # (space_at tells most characters by their code point: that must hold for every one)
    text = "".join(map(chr, range(0x110000)))
    assert [index for index in range(len(text)) if space_at(text, index) != text[index].isspace()] == []


@given(st.text(max_size=12), st.text(max_size=12), st.text(max_size=12))
def test_the_characters_of_whole_sequences_are_counted_by_their_first_bytes(before: str, text: str, after: str) -> None:
    data = (before + text + after).encode("utf-8", "surrogatepass")
    start = len(before.encode("utf-8", "surrogatepass"))
    assert chars_of(data, start, start + len(text.encode("utf-8", "surrogatepass"))) == len(text)
