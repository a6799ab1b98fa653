"""textfix: find and repair mojibake and other encoding damage in text.

    >>> import textfix
    >>> textfix.fix_text("cafÃ© au lait")
    'café au lait'
    >>> [(f.text, f.replacement, f.chain) for f in textfix.detect("a dashโ€”here")]
    [('โ€”', '—', ('utf-8', 'cp874'))]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textfix.api import apply_plan, detect, fix_and_explain, fix_text
from textfix.config import STEP_ORDER, Config
from textfix.findings import Alternative, Finding
from textfix.repair import Plan, PlanStep

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
