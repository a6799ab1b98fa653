"""The benchmark harness runs end to end (--smoke: tiny samples, so its figures mean nothing)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import textfix

ROOT = Path(__file__).resolve().parent.parent
TEXTFIX_FOLDER = str(Path(textfix.__file__).resolve().parent.parent)  # the textfix the suite tests
# Spark's column section starts a JVM; tests/test_integrations.py covers the integrations.
SECTIONS = "throughput,startup,linear,scaling,accuracy,fp,wild,memory,footprint,decode"


def _run(*arguments: str) -> subprocess.CompletedProcess[str]:
    """A benchmark script run with the textfix the suite tests."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [TEXTFIX_FOLDER, env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, *arguments], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


def test_benchmark_smoke_run_writes_every_section(tmp_path: Path) -> None:
    out = tmp_path / "bench.md"
    result = _run("benchmarks/run.py", "--smoke", "--sections", SECTIONS, "--out", str(out), "--no-chart")
    assert result.returncode == 0, result.stderr[-2000:]
    report = out.read_text(encoding="utf-8")
    assert "Sections that failed" not in report, report[-2000:]
    for heading in ("## 1. Throughput", "## 2. Start-up", "## 3. Linear time", "## 4. Repair accuracy",
                    "### Changes to other real text on this machine", "## 5. Memory",
                    "## 7. Bytes of unknown encoding"):
        assert heading in report, heading
    # each repeat of the first-pass row runs over lines no function has seen
    assert "| (b) clean multilingual, first pass over unseen lines |" in report
    assert "| (c) damaged multilingual, first pass over unseen lines |" in report


def test_the_costliest_lines_are_listed_with_their_share() -> None:
    result = _run(
        "benchmarks/costliest.py", "--text", "damaged", "--lines", "60", "--passes", "1", "--top", "3", "--ftfy"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    header, *shares_and_lines = result.stdout.splitlines()
    assert header.split()[1:3] == ["damaged", "lines:"]
    assert shares_and_lines[0].startswith("  the 10 costliest: ")
    # every line is in one of the two groups, each timed for ftfy as well
    groups = [line for line in shares_and_lines if line.startswith(("  settled at once: ", "  full analysis: "))]
    assert len(groups) == 2
    assert sum(int(line.split(": ")[1].split()[0]) for line in groups) == int(header.split()[0])
    assert all("; ftfy " in line for line in groups if not line.split(": ")[1].startswith("0 lines"))
    listed = [line for line in shares_and_lines if line.endswith("'") and " us  '" in line]
    assert len(listed) == 3
    costs = [float(line.split()[0]) for line in listed]
    assert costs == sorted(costs, reverse=True)


def test_a_short_pass_is_timed_in_passes_in_a_row_and_reported_per_pass() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from timing import best_of
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    calls = {"instant": 0, "slow": 0}

    def instant(line: str) -> None:
        calls["instant"] += 1

    def slow(line: str) -> None:
        calls["slow"] += 1
        time.sleep(0.002)

    lines = ["a", "b"]
    best = best_of({"instant": instant, "slow": slow}, lines, 3, min_seconds=0.02)
    # an instant pass loops many times, one of 4 ms a few; each timing is of one pass
    assert calls["instant"] > 100 * len(lines)
    assert len(lines) * (1 + 3 * 2) <= calls["slow"] <= len(lines) * (1 + 3 * 6)
    assert 0.004 <= best["slow"] < 0.015
    # without a minimum, each repeat is one pass
    calls.update(instant=0, slow=0)
    best_of({"instant": instant, "slow": slow}, lines, 3)
    assert calls == {"instant": 3 * len(lines), "slow": 3 * len(lines)}


def test_speed_ratios_pair_the_times_of_each_repeat() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from speed import ThroughputRow
        from timing import paired_ratio, timings
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    # the machine ran at half speed in the middle repeat: the ratio of the best times
    # (0.1 / 0.01 = 10) mixes the states, the median of each repeat's ratio does not
    slow = [0.1, 0.2, 0.1]
    fast = [0.02, 0.01, 0.02]
    assert paired_ratio(slow, fast) == 5.0 and min(slow) / min(fast) == pytest.approx(10.0)
    row = ThroughputRow("class", 3, 3, 3, {"slow": slow, "fast": fast})
    assert row.speed_ratio("slow", "fast") == 5.0 and row.speed_ratio("fast", "slow") == pytest.approx(0.2)
    assert row.seconds == {"slow": 0.1, "fast": 0.01}
    with pytest.raises(ValueError):
        paired_ratio([0.1], [])
    calls: list[str] = []
    times = timings({"a": lambda line: calls.append("a"), "b": lambda line: calls.append("b")}, ["x"], 3)
    assert calls == ["a", "b"] * 3 and [len(times["a"]), len(times["b"])] == [3, 3]
