"""What a detector reports: one damaged span and its proposed repair.

The records here (and Config and Plan) are NamedTuples, not dataclasses: importing
dataclasses imports inspect, which would be a sixth of textfix's start-up.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any, Final, NamedTuple


class Alternative(NamedTuple):
    """A different repair of the same span that the evidence ranked lower."""

    chain: tuple[str, ...]
    replacement: str
    confidence: float


class Finding(NamedTuple):
    """A damaged span of `text[start:end]` and what it should be.

    `chain` lists the codecs that produced the damage, innermost first and outermost
    last: UTF-8 bytes read as cp874 is ("utf-8", "cp874"); two layers through cp1252 is
    ("utf-8", "cp1252", "utf-8", "cp1252"). `confidence` is the calibrated probability
    that `replacement` is what the text said before it was damaged.
    """

    start: int
    end: int
    text: str
    kind: str
    chain: tuple[str, ...]
    replacement: str
    confidence: float
    runner_up: Alternative | None = None

    def to_dict(self) -> dict[str, Any]:
        data = self._asdict()
        data["chain"] = list(self.chain)
        if self.runner_up is not None:
            data["runner_up"] = {**self.runner_up._asdict(), "chain": list(self.runner_up.chain)}
        return data


# Compiled code makes a NamedTuple through its Python __new__, an interpreted call;
# tuple.__new__ makes the same tuple in C, at half the cost: new_record(Record, (fields...)).
# The detectors make a finding for each repair (and a runner-up for most), so they use
# these; so does the pipeline for its plans.
new_record: Final = tuple.__new__


def new_finding(
    start: int,
    end: int,
    text: str,
    kind: str,
    chain: tuple[str, ...],
    replacement: str,
    confidence: float,
    runner_up: Alternative | None = None,
) -> Finding:
    """Finding(start, end, text, kind, chain, replacement, confidence, runner_up)."""
    return new_record(Finding, (start, end, text, kind, chain, replacement, confidence, runner_up))


def new_alternative(chain: tuple[str, ...], replacement: str, confidence: float) -> Alternative:
    """Alternative(chain, replacement, confidence) (see new_finding)."""
    return new_record(Alternative, (chain, replacement, confidence))


def apply_findings(text: str, findings: list[Finding]) -> str:
    """`text` with every finding's span replaced; findings must not overlap."""
    pieces = []
    position = 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < position:
            raise ValueError(f"overlapping findings at {finding.start}")
        pieces.append(text[position : finding.start])
        pieces.append(finding.replacement)
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces)


def placed_spans(findings: list[Finding]) -> tuple[list[int], list[int]]:
    """Starts and ends of each finding's replacement in the text with all of them applied.

    `findings` must be sorted and must not overlap.
    """
    starts, ends = [], []
    shift = 0
    for finding in findings:
        start = finding.start + shift
        starts.append(start)
        ends.append(start + len(finding.replacement))
        shift += len(finding.replacement) - (finding.end - finding.start)
    return starts, ends


def compose_findings(original: str, outer: list[Finding], current: str, inner: list[Finding]) -> list[Finding]:
    """Map findings made on `current` (= original with `outer` applied) back onto `original`.

    A later finding that touches earlier ones swallows them: one finding from the
    original text to the final repair, its chain the later one's followed by the
    earlier one's (innermost first).
    """
    outer = sorted(outer, key=lambda f: f.start)
    placed_starts, placed_ends = placed_spans(outer)
    placed = list(zip(placed_starts, placed_ends, outer))  # where each outer replacement sits in `current`

    def to_original(position: int) -> int:
        # Outer findings whose replacement ends at or before `position` have shifted it;
        # the last of them ends at `placed_ends[index - 1]` here and at its `.end` there.
        index = bisect_right(placed_ends, position)
        return position - (placed_ends[index - 1] - outer[index - 1].end if index else 0)

    # An inner finding swallows every outer one it touches; findings that share an
    # outer one become one finding.
    groups: list[tuple[int, int, list[Finding], list[Finding]]] = []
    for finding in inner:
        low = bisect_right(placed_ends, finding.start)
        high = bisect_left(placed_starts, finding.end)
        touched = [f for _, _, f in placed[low:high]]
        spans = [(s, e) for s, e, _ in placed[low:high]]
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
        if "lossy_mojibake" in kinds:
            kind = "lossy_mojibake"
        elif len(kinds) == 1:
            kind = kinds.pop()
        else:
            kind = "mojibake"
        merged.append(
            new_finding(
                original_start,
                original_end,
                original[original_start:original_end],
                kind,
                inner_findings[0].chain + (outer_findings[0].chain if outer_findings else ()),
                "".join(pieces),
                min(f.confidence for f in inner_findings + outer_findings),
            )
        )
        swallowed.update(id(f) for f in outer_findings)
    merged.extend(f for f in outer if id(f) not in swallowed)
    merged.sort(key=lambda f: f.start)
    return merged


class DisjointSpans:
    """Spans taken one by one, none overlapping another: the greedy choice of readings."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def take(self, start: int, end: int) -> bool:
        """Take [start, end) unless it overlaps a span already taken; whether it was taken."""
        index = bisect_left(self._starts, start)
        if index < len(self._starts) and self._starts[index] < end:
            return False
        if index > 0 and self._ends[index - 1] > start:
            return False
        self._starts.insert(index, start)
        self._ends.insert(index, end)
        return True
