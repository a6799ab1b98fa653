"""textfix: find and repair mojibake and other encoding damage in text.

    >>> import textfix
    >>> textfix.fix_text("cafÃ© au lait")
    'café au lait'
    >>> [(f.text, f.replacement, f.chain) for f in textfix.detect("a dashโ€”here")]
    [('โ€”', '—', ('utf-8', 'cp874'))]
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from textfix.config import DEFAULT_CONFIG, STEP_ORDER, Config, resolve
from textfix.detect.controls import C1_RUN
from textfix.detect.doublebyte import OUTPUT_CHARS, detect_double_byte
from textfix.detect.layers import repair_whole_text
from textfix.detect.legacy import MisreadSigns, detect_legacy, misread_signs
from textfix.detect.suspects import may_hold_mojibake
from textfix.findings import Alternative, Finding
from textfix.patterns import compiled
from textfix.repair import Plan, PlanStep
from textfix.repair import apply_plan as _apply_plan
from textfix.repair import damage_findings as _damage_findings
from textfix.repair import fix_and_explain as _fix_and_explain

__all__ = [
    "Alternative",
    "Config",
    "Decoded",
    "Decoder",
    "FileReport",
    "Finding",
    "Plan",
    "PlanStep",
    "STEP_ORDER",
    "apply_plan",
    "decode",
    "detect",
    "fix_and_explain",
    "fix_file",
    "fix_lines",
    "fix_text",
]
__version__ = "0.1.0"

# Bytes and files are loaded on first use: `import textfix` stays quick for str work.
_LAZY = {
    "Decoded": "textfix.decoding",
    "Decoder": "textfix.decoding",
    "decode": "textfix.decoding",
    "FileReport": "textfix.streams",
    "fix_file": "textfix.streams",
    "fix_lines": "textfix.streams",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'textfix' has no attribute {name!r}")


if TYPE_CHECKING:
    from textfix.decoding import Decoded, Decoder, decode
    from textfix.streams import FileReport, fix_file, fix_lines

_DEFAULT_CODECS = DEFAULT_CONFIG.codecs
_DEFAULT_DOUBLE_BYTE_CODECS = DEFAULT_CONFIG.double_byte_codecs


@cache
def _default_misread_signs() -> MisreadSigns:
    # compiled on first use (import stays quick), then not rebuilt or hashed per text
    return misread_signs(DEFAULT_CONFIG.legacy_pairs)


def _check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError("fix_text takes str; decode bytes first (e.g. data.decode('utf-8'))")
    raise TypeError(f"expected str, not {type(text).__name__}")


@cache
def _controls_or_wide_chars() -> re.Pattern[str]:
    # C1 controls and the characters a double-byte reading shows, found in one search:
    # most non-ASCII text has neither, and neither check need run then.
    return compiled(f"[\x80-\x9f{OUTPUT_CHARS}]")


def _clean_by_default(text: str) -> bool:
    """True when the default steps (mojibake, C1 controls) would certainly leave `text` unchanged."""
    if text.isascii():
        return True
    if may_hold_mojibake(text, _DEFAULT_CODECS):
        return False
    rare = _controls_or_wide_chars().search(text)
    if rare is not None and C1_RUN.search(text, rare.start()) is not None:
        return False
    # Only double-byte and legacy damage are left to look for: when none is sure, nothing
    # changes (clean CJK text, clean text that merely looks misread), and the rest of the
    # pipeline need not run. The legacy floor is the one the pipeline reads with.
    if _default_misread_signs().found(text) and detect_legacy(
        text, DEFAULT_CONFIG.effective_legacy_pairs, max(DEFAULT_CONFIG.threshold, DEFAULT_CONFIG.legacy_threshold)
    ):
        return False
    return rare is None or not detect_double_byte(
        text, _DEFAULT_DOUBLE_BYTE_CODECS, DEFAULT_CONFIG.threshold, DEFAULT_CONFIG.threshold
    )


def fix_text(text: str, config: Config | None = None, **settings: object) -> str:
    """The text with its encoding damage repaired; clean text comes back unchanged.

    `config` (a textfix.Config) or keyword settings (e.g. uncurl_quotes=True,
    threshold=0.8) choose the steps; by default only damage is repaired.
    """
    if config is None and not settings and type(text) is str:
        if _clean_by_default(text):
            return text
        whole = repair_whole_text(text, DEFAULT_CONFIG)
        # (a repair that looks misread may have legacy text beneath it: the full pipeline reads it)
        if whole is not None and C1_RUN.search(whole) is None and not _default_misread_signs().found(whole):
            return whole
    return _fix_and_explain(_check_text(text), resolve(config, settings))[0]


def fix_and_explain(text: str, config: Config | None = None, **settings: object) -> tuple[str, Plan]:
    """The repaired text and the Plan of every edit made, step by step."""
    return _fix_and_explain(_check_text(text), resolve(config, settings))


def apply_plan(text: str, plan: Plan) -> str:
    """Replay a Plan from fix_and_explain on the same input; raises ValueError if it does not fit."""
    return _apply_plan(_check_text(text), plan)


def detect(
    text: str, config: Config | None = None, *, min_confidence: float | None = None, **settings: object
) -> list[Finding]:
    """Damaged spans in `text`, one Finding each, in order.

    By default only the repairs fix_text makes are returned, so applying all of them
    gives fix_text(text) (with the default steps; style steps are not findings). A
    `min_confidence` below the threshold also reports doubtful spans, which fix_text
    leaves alone.
    """
    text = _check_text(text)
    config = resolve(config, settings)
    if config is DEFAULT_CONFIG and min_confidence is None and _clean_by_default(text):
        return []
    return _damage_findings(text, config, min_confidence)
