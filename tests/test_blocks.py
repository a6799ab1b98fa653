"""Long text is read in blocks of whole lines (textfix/blocks.py), and a block only where
a line of it is not clean alone or its lines together look misread (detect/clean.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textfix import detect, fix_and_explain, fix_text
from textfix.blocks import BLOCK_CHARS, blocks
from textfix.config import DEFAULT_CONFIG
from textfix.detect.clean import DEFAULT_CHECKS, checks, clean_by_default
from textfix.findings import apply_findings

LINE_LENGTHS = st.lists(st.integers(0, BLOCK_CHARS + 300), max_size=12)


@given(LINE_LENGTHS, st.booleans())
def test_blocks_cover_the_text_in_whole_lines_of_at_most_a_block(lengths: list[int], ends_with_a_break: bool) -> None:
    text = "\n".join("x" * length for length in lengths) + ("\n" if ends_with_a_break else "")
    spans = blocks(text)
    assert "".join(text[start:end] for start, end in spans) == text
    assert all(start < end for start, end in spans)
    for start, end in spans:
        block = text[start:end]
        # whole lines: a block ends at a line break or the end of the text (these lines
        # have no space to cut at)
        assert block.endswith("\n") or end == len(text)
        # at most a block, or one line longer than that
        assert len(block) <= BLOCK_CHARS or "\n" not in block[:-1]
    # as many lines a block as fit: the next line would not have
    for (start, end), (_, next_end) in zip(spans, spans[1:]):
        next_line_end = text.index("\n", end) + 1 if "\n" in text[end:next_end] else next_end
        assert next_line_end - start > BLOCK_CHARS


@given(st.lists(st.sampled_from(["word", "mot", "слово", "Ã", "Ã ", "  ", ".", "中文"]), min_size=1, max_size=40))
def test_a_long_line_is_cut_after_a_space_that_follows_an_ascii_character(words: list[str]) -> None:
    unit = " ".join(words) + " "
    text = unit * (3 * BLOCK_CHARS // len(unit) + 1)
    spans = blocks(text)
    assert "".join(text[start:end] for start, end in spans) == text
    for start, end in spans[:-1]:
        # (no lost NBSP is cut from its lead: "Ã " stays whole)
        assert text[end - 1] == " " and "\x21" <= text[end - 2] <= "\x7e", text[end - 3 : end + 1]
        assert end - start <= BLOCK_CHARS


def test_a_long_line_without_such_a_space_is_a_block_alone() -> None:
    line = "Ã " * 3000
    assert blocks(line + "\nnext\n") == [(0, len(line) + 1), (len(line) + 1, len(line) + 6)]


def test_blocks_of_short_and_empty_text() -> None:
    assert blocks("") == []
    assert blocks("one line") == [(0, 8)]
    assert blocks("a\nb\n") == [(0, 4)]


# Catalog strings (Czech, Russian) and a damaged one: UTF-8 read as cp1252.
CLEAN_LINES = [
    "Účet je uzamčen z důvodu %u neúspěšných pokusů o přihlášení.",
    "Користування: sotruss [ПАРАМЕТР...] [--] ВИКОНУВАНИЙ ФАЙЛ",
    "Perfil de aceleração utilizado para os painéis táteis ligados",
    "세르비아어 (키릴 문자, ZE와 ZHE 뒤바꾸기)",
]
DAMAGED = "Nenalezen Å¾Ã¡dnÃ½ soubor"
REPAIRED = "Nenalezen žádný soubor"


def long_text_with(damaged_line: str, at: int, lines: int = 400) -> str:
    body = [CLEAN_LINES[index % len(CLEAN_LINES)] for index in range(lines)]
    body.insert(at, damaged_line)
    return "\n".join(body) + "\n"


def test_a_damaged_line_in_long_text_is_repaired_where_it_is() -> None:
    text = long_text_with(DAMAGED, 250)
    assert len(blocks(text)) > 4
    fixed = fix_text(text)
    assert fixed == text.replace(DAMAGED, REPAIRED)
    findings = detect(text)
    assert findings and all(text[f.start : f.end] == f.text for f in findings)
    assert findings[0].start > BLOCK_CHARS  # (offsets are the text's, not the block's)
    assert apply_findings(text, findings) == fixed
    assert {f.chain for f in findings} == {("utf-8", "cp1252")}
    assert fix_and_explain(text)[0] == fixed


def test_clean_long_text_is_clean_line_by_line() -> None:
    text = long_text_with(CLEAN_LINES[0], 0)
    assert clean_by_default(text)
    assert fix_text(text) == text
    assert detect(text) == []
    assert detect(text, min_confidence=0.5) == []


def test_lines_that_look_misread_together_are_read_as_one_text() -> None:
    """Short words of cp1251 read as cp1252, one a line: none is sure alone, the block is."""
    words = ["Да", "Нет", "Файл"] * 2
    damaged = [word.encode("cp1251").decode("cp1252") for word in words]
    assert all(fix_text(line) == line for line in damaged)
    assert DEFAULT_CHECKS.needs_reading("\n".join(damaged))
    assert fix_text("\n".join(damaged)) == "\n".join(words)
    # past a block, the words are read with those around them only
    far_apart = "\n".join(damaged[:3] + ["x" * 80] * 60 + damaged[3:])
    assert len(blocks(far_apart)) == 2
    assert fix_text(far_apart) == "\n".join(words[:3] + ["x" * 80] * 60 + words[3:])


def test_lines_each_clean_alone_need_no_reading() -> None:
    assert not DEFAULT_CHECKS.needs_reading("\n".join(CLEAN_LINES))
    # a C1 control is a line the checks do not find clean
    assert DEFAULT_CHECKS.needs_reading("\n".join([*CLEAN_LINES, "caf\x82"]))


def test_the_checks_of_another_configuration_read_its_settings() -> None:
    assert checks(DEFAULT_CONFIG, DEFAULT_CONFIG.threshold) is DEFAULT_CHECKS
    lower = checks(DEFAULT_CONFIG, 0.3)
    assert lower is not DEFAULT_CHECKS and lower.floor == 0.3
    cyrillic_only = checks(DEFAULT_CONFIG.with_(codecs=("cp1251",)), 0.9)
    assert cyrillic_only.codecs == ("cp1251",)
    # UTF-8 read as cp1252 is no damage to a configuration without cp1252
    assert not cyrillic_only.needs_reading(DAMAGED + "\n" + CLEAN_LINES[0])
    assert DEFAULT_CHECKS.needs_reading(DAMAGED + "\n" + CLEAN_LINES[0])


def test_a_damaged_word_in_a_long_line_is_repaired_where_it_is() -> None:
    line = " ".join([*CLEAN_LINES] * 100)
    text = line + " " + DAMAGED + " " + line
    assert "\n" not in text and len(blocks(text)) > 4
    fixed = fix_text(text)
    assert fixed == line + " " + REPAIRED + " " + line
    findings = detect(text)
    assert findings[0].start > BLOCK_CHARS and apply_findings(text, findings) == fixed
