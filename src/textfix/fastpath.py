"""fix_text's quick answers with the default steps, compiled with the detectors.

Most text is clean, and most damaged text reads whole: both are settled here, with a few
searches, before the pipeline (repair.py) is needed. Compiled, the glue between those
searches costs no interpreter time either.
"""

from __future__ import annotations

from typing import Final

from textfix.config import DEFAULT_CONFIG
from textfix.detect.controls import C1_RUN
from textfix.detect.doublebyte import OUTPUT_CHARS, detect_double_byte
from textfix.detect.layers import repair_whole_text
from textfix.detect.legacy import ALL_SEARCHES, detect_legacy, misread_signs
from textfix.detect.suspects import cased_oddity_needs, may_hold_mojibake, stage_zero_needs
from textfix.screen import COMPILED, Need, Screen

# (the default configuration never changes: its settings are read once)
_CODECS: Final = DEFAULT_CONFIG.codecs
_DOUBLE_BYTE_CODECS: Final = DEFAULT_CONFIG.double_byte_codecs
_THRESHOLD: Final = DEFAULT_CONFIG.threshold
_LEGACY_PAIRS: Final = DEFAULT_CONFIG.effective_legacy_pairs
# the legacy floor the pipeline reads with
_LEGACY_FLOOR: Final = max(DEFAULT_CONFIG.threshold, DEFAULT_CONFIG.legacy_threshold)


# The searches the screen answers for, as bits: the legacy ones first, as
# MisreadSigns.found numbers them, then these. may_hold_mojibake needs both of the first
# two (stage_zero, then an oddity in the text's Cyrillic or Greek, or a character beyond them).
_MOJIBAKE_SEARCH: Final = ALL_SEARCHES + 1
_ODD_CASED_SEARCH: Final = _MOJIBAKE_SEARCH << 1
_CONTROLS_SEARCH: Final = _ODD_CASED_SEARCH << 1
_WIDE_CHARS_SEARCH: Final = _CONTROLS_SEARCH << 1
_MAY_HOLD_MOJIBAKE: Final = _MOJIBAKE_SEARCH | _ODD_CASED_SEARCH
_EVERY_SEARCH: Final = ALL_SEARCHES | _MAY_HOLD_MOJIBAKE | _CONTROLS_SEARCH | _WIDE_CHARS_SEARCH


# The screen of the default configuration, made on first use. (Kept in a Final list, not
# behind functools.cache: compiled, reading it is then no call through a Python object,
# which cost a tenth of a microsecond a line.)
_SCREEN: Final[list[Screen]] = []


def _screen() -> Screen:
    if _SCREEN:
        return _SCREEN[0]
    needs = [
        *misread_signs(_LEGACY_PAIRS).needs(),
        stage_zero_needs(_CODECS),
        cased_oddity_needs(),
        [Need("\x80-\x9f")],
        # (the characters a double-byte reading shows: most non-ASCII text has none, and
        # the costliest check of clean CJK text need not run without them)
        [Need(OUTPUT_CHARS)],
    ]
    _SCREEN[:] = [Screen(needs)]
    return _SCREEN[0]


def _searches(text: str) -> int:
    """The searches that may match in `text` (all of them where the screen is not compiled)."""
    return _screen().may_match(text) if COMPILED else _EVERY_SEARCH


def clean_by_default(text: str) -> bool:
    """True when the default steps (mojibake, C1 controls) would certainly leave `text` unchanged."""
    if text.isascii():
        return True
    searches = _searches(text)
    if searches & _MAY_HOLD_MOJIBAKE == _MAY_HOLD_MOJIBAKE and may_hold_mojibake(text, _CODECS):
        return False
    if _holds_controls(text, searches):
        return False
    # Only double-byte and legacy damage are left to look for: when none is sure, nothing
    # changes (clean CJK text, clean text that merely looks misread), and the rest of the
    # pipeline need not run. (detect_legacy reads only text that shows a misread sign.)
    legacy_searches = searches & ALL_SEARCHES
    if legacy_searches and detect_legacy(text, _LEGACY_PAIRS, _LEGACY_FLOOR, searches=legacy_searches):
        return False
    return not _double_byte_damage(text, searches)


def _holds_controls(text: str, searches: int) -> bool:
    """Whether `text` holds a C1 control, where the screen lets the search run."""
    return bool(searches & _CONTROLS_SEARCH) and C1_RUN.search(text) is not None


def _double_byte_damage(text: str, searches: int) -> bool:
    """Whether a sure double-byte reading repairs `text`, where the screen lets one be
    looked for (the text may show a character such a reading gives: compiled, the
    screen's answer is exact, as its class holds no character beyond the BMP)."""
    return bool(searches & _WIDE_CHARS_SEARCH) and bool(
        detect_double_byte(text, _DOUBLE_BYTE_CODECS, _THRESHOLD, _THRESHOLD, shows_output=COMPILED)
    )


def quick_fix(text: str) -> str | None:
    """fix_text(text) with the default steps, where it is settled without the pipeline: the
    text itself if it is certainly clean, or its repair if it is damaged from end to end
    (and looks clean once repaired); None for the pipeline to decide."""
    if clean_by_default(text):
        return text
    whole = repair_whole_text(text, DEFAULT_CONFIG)
    # A repair that looks damaged still, legacy text beneath it or another story beside
    # it, is for the pipeline, which reads the repaired text again. (repair_whole_text
    # leaves no UTF-8 mojibake; a repair through a double-byte codepage may show
    # another.)
    if whole is None:
        return None
    searches = _searches(whole)
    if _holds_controls(whole, searches):
        return None
    legacy_searches = searches & ALL_SEARCHES
    if legacy_searches and misread_signs(_LEGACY_PAIRS).found(whole, searches=legacy_searches):
        return None
    return None if _double_byte_damage(whole, searches) else whole
