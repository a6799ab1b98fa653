"""Which lines take textfix's time: the throughput benchmark's lines, each timed alone.

    python benchmarks/costliest.py                     # clean multilingual lines
    python benchmarks/costliest.py --text damaged --top 30
    python benchmarks/costliest.py --text damaged --ftfy   # and ftfy's time on each group

The lines are those of run.py's throughput section (same seeds, same count). Each pass
calls fix_text once on every line in order, timing each call, and a line's cost is its
best of the passes: as in the benchmark, where other lines run in between. Timing one
line over and over instead hides what the full analysis costs on a first call after
other work (2-3 times its cost on a repeat; lines of clean text that look misread cost
hundreds of microseconds each and can be a third of the total).

The lines are also split by the path that settles them: at once (textfix's quick path,
fastpath.quick_fix: clean, or damaged from end to end) or by the full analysis, with each
group's share of the time and, with --ftfy, ftfy.fix_text's time on the same lines: a
speed target is met only if both groups allow it.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if importlib.util.find_spec("textfix") is None:
    sys.path.insert(0, str(ROOT / "src"))

from fixers import ftfy_fix_text  # noqa: E402
from settings import QUICK  # noqa: E402
from textsets import damaged_lines, english_prose, load_corpus, multilingual_lines  # noqa: E402

import textfix  # noqa: E402
from textfix.fastpath import quick_fix  # noqa: E402

TEXTS = ("multilingual", "damaged", "english")


def line_costs(lines: list[str], passes: int, fix: Callable[[str], str] = textfix.fix_text) -> list[float]:
    """Each line's best time (seconds) over the passes of `fix`, after one pass of warm-up."""
    for line in lines:
        fix(line)
    best = [float("inf")] * len(lines)
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(passes):
            for index, line in enumerate(lines):
                started = time.perf_counter()
                fix(line)
                best[index] = min(best[index], time.perf_counter() - started)
    finally:
        if enabled:
            gc.enable()
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--text", choices=TEXTS, default="multilingual", help="which benchmark lines")
    parser.add_argument("--lines", type=int, default=QUICK.lines, help="how many (default: the quick benchmark's)")
    parser.add_argument("--passes", type=int, default=3, help="timed passes over the lines")
    parser.add_argument("--top", type=int, default=20, help="how many of the costliest lines to list")
    parser.add_argument("--ftfy", action="store_true", help="time ftfy.fix_text on each group of lines too")
    args = parser.parse_args()
    if args.lines < 1 or args.passes < 1 or args.top < 0:
        parser.error("--lines and --passes must be at least 1, --top at least 0")
    corpus = load_corpus()
    if args.text == "english":
        lines = english_prose(corpus, args.lines)
    else:
        lines = multilingual_lines(corpus, args.lines)
        if args.text == "damaged":
            lines = damaged_lines(lines)
    costs = line_costs(lines, args.passes)
    total = sum(costs)
    ranked = sorted(range(len(lines)), key=lambda index: -costs[index])
    print(f"{len(lines)} {args.text} lines: {total * 1e3:.2f} ms, {total / len(lines) * 1e6:.2f} us a line")
    for count in (10, 20, 50, 100):
        if count < len(lines):
            share = sum(costs[index] for index in ranked[:count]) / total
            print(f"  the {count} costliest: {share:.0%} of the time")
    rival = line_costs(lines, args.passes, ftfy_fix_text) if args.ftfy else None
    settled = [quick_fix(line) is not None for line in lines]
    for name, at_once in (("settled at once", True), ("full analysis", False)):
        group = [index for index in range(len(lines)) if settled[index] == at_once]
        spent = sum(costs[index] for index in group)
        summary = f"  {name}: {len(group)} lines, {spent * 1e3:.2f} ms ({spent / total:.0%} of the time)"
        if rival is not None:
            theirs = sum(rival[index] for index in group)
            summary += f"; ftfy {theirs * 1e3:.2f} ms" + (f", {theirs / spent:.2f}x textfix's" if spent else "")
        print(summary)
    for index in ranked[: args.top]:
        print(f"{costs[index] * 1e6:9.1f} us  {lines[index][:100]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
