"""The cheap first pass: does this text hold anything that could be mojibake at all?

Mojibake of UTF-8 through a single-byte codepage always contains a character the
codepage gives to a lead byte (0xC2-0xF4) followed by one it gives to a continuation
byte (0x80-0xBF), or by a stand-in for a lost byte. One compiled regex over the union
of those characters for the configured codepages answers the question in C; text
without a match, which is most text, needs no further work.
"""

from __future__ import annotations

import re
from functools import cache

from textfix.codecs import codepage
from textfix.detect.mojibake import STAND_INS


def _char_class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


@cache
def suspect_pattern(codecs: tuple[str, ...]) -> re.Pattern[str]:
    leads: set[str] = set()
    continuations: set[str] = set(STAND_INS)
    for name in codecs:
        page = codepage(name)
        leads.update(page.chars(0xC2, 0xF4))
        continuations.update(page.chars(0x80, 0xBF))
    return re.compile(_char_class(leads) + _char_class(continuations))


def may_hold_mojibake(text: str, codecs: tuple[str, ...]) -> bool:
    if text.isascii():
        return False
    return suspect_pattern(codecs).search(text) is not None
