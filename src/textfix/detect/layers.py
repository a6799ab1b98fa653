"""Mojibake detection over up to `max_layers` layers of damage.

Each layer is read with every configured codepage; the evidence model scores each
distinct candidate, and the best non-overlapping ones are kept. The text with those
repairs applied is read again, so "ÃƒÂ©" becomes "Ã©" and then "é". Findings of the
later layers are mapped back onto the original text, with their chains joined.
"""

from __future__ import annotations

from dataclasses import dataclass

from textfix.codecs import SINGLE_BYTE_CODECS
from textfix.config import Config
from textfix.detect.mojibake import Candidate, candidates_for
from textfix.detect.suspects import may_hold_mojibake
from textfix.findings import Alternative, Finding, apply_findings
from textfix.model.evidence import confidence, layer_features, reading

_PRIOR = {name: rank for rank, name in enumerate(SINGLE_BYTE_CODECS)}

# Below this, a candidate is noise rather than a doubtful finding, and is not reported.
REPORT_FLOOR = 0.05


@dataclass(frozen=True)
class _Scored:
    start: int
    end: int
    replacement: str
    codec: str
    lossy: bool
    confidence: float


def distinct_candidates(text: str, codecs: tuple[str, ...]) -> list[Candidate]:
    """One candidate per distinct (span, replacement), named after the first codec giving it."""
    grouped: dict[tuple[int, int, str], Candidate] = {}
    for name in codecs:
        for candidate in candidates_for(text, name):
            grouped.setdefault((candidate.start, candidate.end, candidate.replacement), candidate)
    return list(grouped.values())


def score_candidates(text: str, candidates: list[Candidate]) -> list[list[float]]:
    readings = [reading(text, c.start, c.end, c.replacement, c.codec, c.lossy, c.guesses) for c in candidates]
    return layer_features(text, readings)


def _score_layer(text: str, codecs: tuple[str, ...]) -> list[_Scored]:
    candidates = distinct_candidates(text, codecs)
    rows = score_candidates(text, candidates)
    return [
        _Scored(c.start, c.end, c.replacement, c.codec, c.lossy, confidence(row)) for c, row in zip(candidates, rows)
    ]


def _overlaps(a: _Scored | Finding, start: int, end: int) -> bool:
    return a.start < end and start < a.end


def _select(scored: list[_Scored], floor: float) -> list[Finding]:
    ranked = sorted(scored, key=lambda s: (-s.confidence, _PRIOR.get(s.codec, len(_PRIOR)), s.start, s.end))
    chosen: list[_Scored] = []
    for item in ranked:
        if item.confidence < floor:
            break
        if not any(_overlaps(other, item.start, item.end) for other in chosen):
            chosen.append(item)
    findings = []
    for item in chosen:
        rival = next(
            (
                other
                for other in ranked
                if other.replacement != item.replacement
                and _overlaps(other, item.start, item.end)
                and other.confidence >= REPORT_FLOOR
            ),
            None,
        )
        findings.append(
            Finding(
                start=item.start,
                end=item.end,
                text="",
                kind="lossy_mojibake" if item.lossy else "mojibake",
                chain=("utf-8", item.codec),
                replacement=item.replacement,
                confidence=item.confidence,
                runner_up=None
                if rival is None
                else Alternative(("utf-8", rival.codec), rival.replacement, rival.confidence),
            )
        )
    findings.sort(key=lambda f: f.start)
    return findings


def _detect_layer(text: str, config: Config, floor: float) -> list[Finding]:
    if not may_hold_mojibake(text, config.codecs):
        return []
    findings = _select(_score_layer(text, config.codecs), floor)
    return [_with_text(f, text) for f in findings]


def _with_text(finding: Finding, text: str) -> Finding:
    return Finding(
        finding.start,
        finding.end,
        text[finding.start : finding.end],
        finding.kind,
        finding.chain,
        finding.replacement,
        finding.confidence,
        finding.runner_up,
    )


def _compose(original: str, outer: list[Finding], current: str, inner: list[Finding]) -> list[Finding]:
    """Map findings made on `current` (= original with `outer` applied) back onto `original`."""
    placed = []  # where each outer replacement sits in `current`
    shift = 0
    for finding in outer:
        start = finding.start + shift
        placed.append((start, start + len(finding.replacement), finding))
        shift += len(finding.replacement) - (finding.end - finding.start)

    def to_original(position: int) -> int:
        offset = 0
        for _, end, finding in placed:
            if end > position:
                break
            offset += len(finding.replacement) - (finding.end - finding.start)
        return position - offset

    # An inner finding swallows every outer one it touches; findings that share an
    # outer one become one finding.
    groups: list[tuple[int, int, list[Finding], list[Finding]]] = []
    for finding in inner:
        touched = [f for start, end, f in placed if start < finding.end and finding.start < end]
        spans = [(s, e) for s, e, f in placed if f in touched]
        current_start = min([finding.start] + [s for s, _ in spans])
        current_end = max([finding.end] + [e for _, e in spans])
        if groups and groups[-1][1] > current_start:
            last_start, last_end, last_inner, last_outer = groups.pop()
            groups.append(
                (last_start, max(last_end, current_end), last_inner + [finding], last_outer + touched)
            )
        else:
            groups.append((current_start, current_end, [finding], touched))

    merged: list[Finding] = []
    swallowed: set[int] = set()
    for current_start, current_end, inner_findings, outer_findings in groups:
        pieces = []
        position = current_start
        for finding in inner_findings:
            pieces.append(current[position : finding.start])
            pieces.append(finding.replacement)
            position = finding.end
        pieces.append(current[position:current_end])
        original_start, original_end = to_original(current_start), to_original(current_end)
        kinds = {f.kind for f in inner_findings + outer_findings}
        merged.append(
            Finding(
                original_start,
                original_end,
                original[original_start:original_end],
                "lossy_mojibake" if "lossy_mojibake" in kinds else "mojibake",
                inner_findings[0].chain + (outer_findings[0].chain if outer_findings else ()),
                "".join(pieces),
                min(f.confidence for f in inner_findings + outer_findings),
            )
        )
        swallowed.update(id(f) for f in outer_findings)
    merged.extend(f for f in outer if id(f) not in swallowed)
    merged.sort(key=lambda f: f.start)
    return merged


def detect_mojibake(text: str, config: Config, min_confidence: float | None = None) -> list[Finding]:
    """Mojibake findings in `text` with confidence >= min_confidence (default: the threshold).

    Only findings at or above `config.threshold` are peeled to deeper layers; doubtful
    ones are reported as read on the surface.
    """
    threshold = config.threshold
    floor = threshold if min_confidence is None else min(max(min_confidence, REPORT_FLOOR), threshold)
    surface = _detect_layer(text, config, floor)
    applied = [f for f in surface if f.confidence >= threshold]
    doubtful = [f for f in surface if f.confidence < threshold]
    current = apply_findings(text, applied)
    for _ in range(config.max_layers - 1):
        if not applied:
            break
        deeper = [f for f in _detect_layer(current, config, threshold) if f.confidence >= threshold]
        if not deeper:
            break
        applied = _compose(text, applied, current, deeper)
        current = apply_findings(text, applied)
    return sorted(applied + doubtful, key=lambda f: f.start)
