"""Long text cut into blocks of whole lines, each read as a text of its own.

The detectors weigh the evidence of a whole text (a legacy verdict, a double-byte
codepage's witnesses, corroboration), which costs more than linear time in its length
and lets one line vouch for another far away. A block of lines is enough text for
that evidence and short enough to be read whole (see layers.WHOLE_TEXT_LIMIT).
"""

from __future__ import annotations

from typing import Final

# The most characters a block holds (a longer line is a block alone).
BLOCK_CHARS: Final = 4096


def blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of consecutive runs of whole lines (each with its "\\n") that cover
    `text`, as many lines a run as fit in BLOCK_CHARS."""
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
                next_break = text.find("\n", end)
                end = length if next_break < 0 else next_break + 1
        spans.append((start, end))
        start = end
    return spans
