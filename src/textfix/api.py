"""The public functions on str: fix_text, fix_and_explain, apply_plan and detect.

Compiled with the detectors: fix_text is called once per line, and most lines are
answered by its quick check, where the cost of the call itself counts (a Python
function taking **settings costs about twice as much to call as a compiled one).
"""

from __future__ import annotations

from textfix.config import DEFAULT_CONFIG, Config, resolve
from textfix.detect.clean import clean_by_default
from textfix.fastpath import quick_fix
from textfix.findings import Finding
from textfix.repair import Plan
from textfix.repair import apply_plan as _apply_plan
from textfix.repair import damage_findings as _damage_findings
from textfix.repair import fix_and_explain as _fix_and_explain
from textfix.utf8 import IS_ASCII


def _check_text(text: object) -> str:
    # (compiled, a str parameter turns away other types before this: this check serves
    # the plain Python modules)
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
        if IS_ASCII(text):
            return text
        fixed = quick_fix(text)
        if fixed is not None:
            return fixed
        # (resolve is Python, config.py not being compiled: the default needs no call)
        return _fix_and_explain(text, DEFAULT_CONFIG)[0]
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
