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
from typing import Any, Final, NamedTuple

from textfix.config import DAMAGE_STEPS, Config
from textfix.detect import detect_c1_controls, detect_mojibake
from textfix.findings import Alternative, Finding, apply_findings, compose_findings, new_record, placed_spans
from textfix.memo import Remembered
from textfix.spans import ascii_outside, union_of


class PlanStep(NamedTuple):
    """The edits one step made; each edit is a Finding in that step's input."""

    step: str
    edits: tuple[Finding, ...]


class Plan(NamedTuple):
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


def _make_steps(config: Config) -> tuple[tuple[str, ...], tuple[str, ...]]:
    steps = config.enabled_steps()
    return steps, tuple(step for step in steps if step in DAMAGE_STEPS)


# A configuration's enabled steps and its damage steps among them, asked for each text:
# Config's method is Python (config.py is not compiled), a call through the interpreter.
_STEPS: Final = Remembered(_make_steps)


# Repairing one kind of damage can uncover another (a C1 control inside mojibake, a
# cp1252 character that completes a sequence), so the damage steps run in rounds until
# nothing changes. Every repair shortens the text or removes a C1 control, so this ends.
DAMAGE_ROUNDS: Final = 4


def _run_step(
    step: str, text: str, config: Config, blocks_read: dict[str, list[Finding]] | None = None, later_round: bool = False
) -> tuple[Finding, ...]:
    if step == "mojibake":
        return tuple(detect_mojibake(text, config, blocks_read=blocks_read, keep_scorings=later_round))
    if step == "c1_controls":
        return tuple(f for f in detect_c1_controls(text) if f.confidence >= config.threshold)
    if step == "normalization":
        assert config.normalization is not None
        return _whole_text_edit(step, text, unicodedata.normalize(config.normalization, text))
    return _whole_text_edit(step, text, _ftfy_fixer(step)(text))


def damage_rounds(text: str, config: Config) -> tuple[str, list[PlanStep]]:
    """Run the damage-repair steps until the text stops changing."""
    steps: list[PlanStep] = []
    damage_steps = _STEPS.of(config)[1]
    repaired: list[tuple[int, int]] = []  # where earlier edits put their replacements, in `text`
    # (the blocks of long text a round reads, for the next: most are as they were)
    blocks_read: dict[str, list[Finding]] = {}
    for round_number in range(DAMAGE_ROUNDS):
        changed: list[str] = []
        for step in damage_steps:
            if step == "mojibake" and round_number:
                # The mojibake step peels its own layers (up to max_layers): a later round
                # reads only what lies beside earlier repairs, another story of the text
                # that shows once the first is repaired ("cafÃ© ¡ª", UTF-8 then GBK read
                # as cp1252), not into them; there is none where all beside is ASCII.
                if ascii_outside(text, repaired):
                    continue
                edits = tuple(
                    e
                    for e in _run_step(step, text, config, blocks_read, later_round=True)
                    if not any(e.start < end and start < e.end for start, end in repaired)
                )
            else:
                edits = _run_step(step, text, config, blocks_read)
            if edits:
                text = apply_findings(text, list(edits))
                # (a C1 control turned into cp1252's character may complete a sequence
                # another round reads: only the mojibake step's repairs are kept out)
                repaired = _placed_after(repaired, edits, step == "mojibake")
                steps.append(new_record(PlanStep, (step, edits)))
                changed.append(step)
        if not changed:
            break
    return text, steps


def _placed_after(spans: list[tuple[int, int]], edits: tuple[Finding, ...], own: bool) -> list[tuple[int, int]]:
    """The spans (of replacements, in the text before `edits`), and the edits' own
    replacements if `own`, where they lie once the edits are applied; as a union."""
    ordered = sorted(edits, key=lambda e: e.start)
    starts, ends = placed_spans(ordered) if own else ([], [])

    def moved(position: int) -> int:
        # (by the length change of every edit that ends at or before it)
        return position + sum(len(e.replacement) - (e.end - e.start) for e in ordered if e.end <= position)

    return union_of([(moved(start), moved(end)) for start, end in spans] + list(zip(starts, ends)))


def fix_and_explain(text: str, config: Config) -> tuple[str, Plan]:
    steps: list[PlanStep] = []
    damage_done = False
    for step in _STEPS.of(config)[0]:
        if step in DAMAGE_STEPS:
            if not damage_done:
                text, rounds = damage_rounds(text, config)
                steps.extend(rounds)
                damage_done = True
            continue
        edits = _run_step(step, text, config)
        if edits:
            text = apply_findings(text, list(edits))
            steps.append(new_record(PlanStep, (step, edits)))
    return text, new_record(Plan, (tuple(steps),))


def damage_findings(text: str, config: Config, min_confidence: float | None) -> list[Finding]:
    """Every damage repair, as findings on `text` itself, plus doubtful spans if asked.

    The rounds of fix_and_explain are composed back onto the input, so applying the
    findings gives what the damage steps give.
    """
    _, steps = damage_rounds(text, config)
    findings: list[Finding] = []
    current = text
    for step in steps:
        edits = list(step.edits)
        findings = compose_findings(text, findings, current, edits) if findings else edits
        current = apply_findings(text, findings)
    if config.mojibake and min_confidence is not None and min_confidence < config.threshold:
        doubtful = [
            f
            for f in detect_mojibake(text, config, min_confidence, keep_scorings=True)
            if f.confidence < config.threshold and not any(f.start < g.end and g.start < f.end for g in findings)
        ]
        findings = sorted(findings + doubtful, key=lambda f: f.start)
    return findings


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
