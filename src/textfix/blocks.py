"""Long text cut into blocks of whole lines (or pieces of a very long line), each read
as a text of its own.

The detectors weigh the evidence of a whole text (a legacy verdict, a double-byte
codepage's witnesses, corroboration), which costs more than linear time in its length
and lets one line vouch for another far away. A block of lines is enough text for
that evidence and short enough to be read whole (see layers.WHOLE_TEXT_LIMIT).
"""

from __future__ import annotations

from typing import Final

# The most characters a block holds (a longer line is a block alone).
BLOCK_CHARS: Final = 4096


def one_line_block(text: str) -> bool:
    """Whether `text` is one line that fits in a block: it is read whole, with no check
    line by line (what the cheap checks and the detectors must agree on)."""
    return len(text) <= BLOCK_CHARS and "\n" not in text


def blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of consecutive runs of whole lines (each with its "\\n") that cover
    `text`, as many lines a run as fit in BLOCK_CHARS. A longer line is cut after a space
    that follows an ASCII character, where no damaged sequence is cut ("Ã " is a lost
    NBSP: its space follows the lead), as late as fits; a line with no such space is a
    block alone."""
    spans: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    while start < length:
        end = start + BLOCK_CHARS
        if end >= length:
            end = length
        else:
            last_break = text.rfind("\n", start, end)
            if last_break >= 0:
                end = last_break + 1
            else:
                end = _space_to_cut_after(text, start, end)
                if end < 0:
                    next_break = text.find("\n", start + BLOCK_CHARS)
                    end = length if next_break < 0 else next_break + 1
        spans.append((start, end))
        start = end
    return spans


def _space_to_cut_after(text: str, start: int, end: int) -> int:
    """Where text[start:end] may end last at a space after an ASCII character (the
    offset after the space), or -1."""
    space = text.rfind(" ", start + 1, end)
    while space > start:
        if text[space - 1] < "\x80" and text[space - 1] != " ":
            return space + 1
        space = text.rfind(" ", start + 1, space)
    return -1
