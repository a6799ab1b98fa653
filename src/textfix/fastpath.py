"""fix_text's quick answers with the default steps, compiled with the detectors.

Most text is clean, and most damaged text reads whole: both are settled here, with a few
searches, before the pipeline (repair.py) is needed. Compiled, the glue between those
searches costs no interpreter time either.
"""

from __future__ import annotations

from textfix.detect.clean import DEFAULT_CHECKS, DEFAULT_LEGACY_PAIRS, clean_by_default, holds_controls
from textfix.detect.layers import repair_whole_text
from textfix.detect.legacy import ALL_SEARCHES, misread_signs


def quick_fix(text: str) -> str | None:
    """fix_text(text) with the default steps, where it is settled without the pipeline: the
    text itself if it is certainly clean, or its repair if it is damaged from end to end
    (and looks clean once repaired); None for the pipeline to decide."""
    if clean_by_default(text):
        return text
    whole = repair_whole_text(text, DEFAULT_CHECKS)
    # A repair that looks damaged still, legacy text beneath it or another story beside
    # it, is for the pipeline, which reads the repaired text again. (repair_whole_text
    # leaves no UTF-8 mojibake; a repair through a double-byte codepage may show
    # another.)
    if whole is None:
        return None
    found = DEFAULT_CHECKS.searches(whole)
    if holds_controls(whole, found):
        return None
    legacy_searches = found & ALL_SEARCHES
    if legacy_searches and misread_signs(DEFAULT_LEGACY_PAIRS).found(whole, searches=legacy_searches):
        return None
    return None if DEFAULT_CHECKS.double_byte_damage(whole, found) else whole
