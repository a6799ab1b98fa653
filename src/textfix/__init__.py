"""textfix: find and repair mojibake and other encoding damage in text.

    >>> import textfix
    >>> textfix.fix_text("cafÃ© au lait")
    'café au lait'
    >>> [(f.text, f.replacement, f.chain) for f in textfix.detect("a dashโ€”here")]
    [('โ€”', '—', ('utf-8', 'cp874'))]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textfix.config import DEFAULT_CONFIG, STEP_ORDER, Config, resolve
from textfix.fastpath import clean_by_default, quick_fix
from textfix.findings import Alternative, Finding
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


def _check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError("fix_text takes str; decode bytes first (e.g. data.decode('utf-8'))")
    raise TypeError(f"expected str, not {type(text).__name__}")


def fix_text(text: str, config: Config | None = None, **settings: object) -> str:
    """The text with its encoding damage repaired; clean text comes back unchanged.

    `config` (a textfix.Config) or keyword settings (e.g. uncurl_quotes=True,
    threshold=0.8) choose the steps; by default only damage is repaired.
    """
    if config is None and not settings and type(text) is str:
        # (ASCII text is clean by default: answered before any call, as most lines are)
        if text.isascii():
            return text
        fixed = quick_fix(text)
        if fixed is not None:
            return fixed
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
    if config is DEFAULT_CONFIG and min_confidence is None and clean_by_default(text):
        return []
    return _damage_findings(text, config, min_confidence)
