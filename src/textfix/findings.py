"""What a detector reports: one damaged span and its proposed repair."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Alternative:
    """A different repair of the same span that the evidence ranked lower."""

    chain: tuple[str, ...]
    replacement: str
    confidence: float


@dataclass(frozen=True)
class Finding:
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
        data = asdict(self)
        data["chain"] = list(self.chain)
        if self.runner_up is not None:
            data["runner_up"]["chain"] = list(self.runner_up.chain)
        return data


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
