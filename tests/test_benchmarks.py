"""The benchmark harness runs end to end (--smoke: tiny samples, so its figures mean nothing)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import textfix

ROOT = Path(__file__).resolve().parent.parent
TEXTFIX_FOLDER = str(Path(textfix.__file__).resolve().parent.parent)  # the textfix the suite tests
# Spark's column section starts a JVM; tests/test_integrations.py covers the integrations.
SECTIONS = "throughput,startup,linear,scaling,accuracy,fp,wild,memory,footprint,decode"


def test_benchmark_smoke_run_writes_every_section(tmp_path: Path) -> None:
    out = tmp_path / "bench.md"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [TEXTFIX_FOLDER, env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--smoke", "--sections", SECTIONS, "--out", str(out), "--no-chart"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = out.read_text(encoding="utf-8")
    assert "Sections that failed" not in report, report[-2000:]
    for heading in ("## 1. Throughput", "## 2. Start-up", "## 3. Linear time", "## 4. Repair accuracy",
                    "### Changes to other real text on this machine", "## 5. Memory",
                    "## 7. Bytes of unknown encoding"):
        assert heading in report, heading
