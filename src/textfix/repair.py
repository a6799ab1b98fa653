"""The repair pipeline: ordered steps, each recorded as edits that can be replayed.

A Plan lists, for every step that changed something, the edits it made, in the
coordinates of the text as that step saw it. apply_plan replays them on the same input
and checks every edit against the text, so a plan applied to other text fails loudly
instead of corrupting it.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textfix.config import Config
from textfix.detect import detect_c1_controls, detect_mojibake
from textfix.findings import Alternative, Finding, apply_findings


@dataclass(frozen=True)
class PlanStep:
    """The edits one step made; each edit is a Finding in that step's input."""

    step: str
    edits: tuple[Finding, ...]


@dataclass(frozen=True)
class Plan:
    steps: tuple[PlanStep, ...]

    @property
    def changed(self) -> bool:
        return any(step.edits for step in self.steps)

    def findings(self) -> list[Finding]:
        return [edit for step in self.steps for edit in step.edits]

    def to_json(self) -> str:
        return json.dumps(
            [{"step": s.step, "edits": [e.to_dict() for e in s.edits]} for s in self.steps], ensure_ascii=False
        )

    @classmethod
    def from_json(cls, data: str) -> Plan:
        return cls(tuple(PlanStep(s["step"], tuple(_finding(e) for e in s["edits"])) for s in json.loads(data)))


def _finding(data: dict[str, Any]) -> Finding:
    runner_up = data.get("runner_up")
    return Finding(
        start=data["start"],
        end=data["end"],
        text=data["text"],
        kind=data["kind"],
        chain=tuple(data["chain"]),
        replacement=data["replacement"],
        confidence=data["confidence"],
        runner_up=None
        if runner_up is None
        else Alternative(tuple(runner_up["chain"]), runner_up["replacement"], runner_up["confidence"]),
    )


def _whole_text_edit(step: str, before: str, after: str) -> tuple[Finding, ...]:
    """One edit covering everything a whole-text function changed."""
    if before == after:
        return ()
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    end_before, end_after = len(before) - suffix, len(after) - suffix
    return (Finding(prefix, end_before, before[prefix:end_before], step, (), after[prefix:end_after], 1.0),)


def _ftfy_fixer(name: str) -> Callable[[str], str]:
    from ftfy import fixes

    fixer: Callable[[str], str] = getattr(fixes, name)
    return fixer


def _run_step(step: str, text: str, config: Config) -> tuple[Finding, ...]:
    if step == "mojibake":
        return tuple(detect_mojibake(text, config))
    if step == "c1_controls":
        return tuple(detect_c1_controls(text))
    if step == "normalization":
        assert config.normalization is not None
        return _whole_text_edit(step, text, unicodedata.normalize(config.normalization, text))
    return _whole_text_edit(step, text, _ftfy_fixer(step)(text))


def fix_and_explain(text: str, config: Config) -> tuple[str, Plan]:
    steps = []
    for step in config.enabled_steps():
        edits = _run_step(step, text, config)
        if edits:
            text = apply_findings(text, list(edits))
            steps.append(PlanStep(step, edits))
    return text, Plan(tuple(steps))


def apply_plan(text: str, plan: Plan) -> str:
    for step in plan.steps:
        for edit in step.edits:
            if text[edit.start : edit.end] != edit.text:
                raise ValueError(
                    f"plan does not fit this text: step {step.step!r} expects {edit.text!r} "
                    f"at {edit.start}, found {text[edit.start : edit.end]!r}"
                )
        text = apply_findings(text, list(step.edits))
    return text
