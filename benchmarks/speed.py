"""Throughput, start-up time, linear time on adversarial input, scaling and memory."""

from __future__ import annotations

import json
import random
import shlex
import statistics
import subprocess
import sys
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from fixers import (
    FIXERS,
    FTFY,
    FTFY_ENCODING,
    FTFY_PREBUILT,
    PLSFIX,
    TEXTFIX,
    WARM_UP_TEXTS,
    Fixer,
    ftfy_fix_text_prebuilt,
)
from settings import Settings
from textsets import ROOT, Corpus, adversarial_units, first_difference, sized_text, translations
from timing import Guarded, child_env, paired_ratio, run_guarded, subprocess_median, timed_call, timings

import textfix

FLOOR = "line.encode('utf-8')"


def utf8_size(lines: Sequence[str]) -> int:
    return sum(len(line.encode("utf-8")) for line in lines)


# ---------------------------------------------------------------- throughput


@dataclass(frozen=True)
class ThroughputRow:
    text_class: str
    lines: int
    chars: int
    utf8_bytes: int
    # each function's time in each repeat (the functions took turns), over all lines
    times: dict[str, list[float]]
    min_pass_seconds: float = 0.0  # each timing lasted at least this, in passes in a row

    @property
    def seconds(self) -> dict[str, float]:
        """Each function's best time."""
        return {name: min(times) for name, times in self.times.items()}

    def speed_ratio(self, slower: str, faster: str) -> float:
        """How many times `faster` runs as fast as `slower`: the median of the repeats'
        ratios (timing.paired_ratio)."""
        return paired_ratio(self.times[slower], self.times[faster])


def throughput(
    settings: Settings, classes: dict[str, list[str]], first_passes: dict[str, list[list[str]]]
) -> list[ThroughputRow]:
    """Best of the repeats over each class's lines, and over each of `first_passes`' sets
    of lines, one set a repeat (see first_pass)."""
    functions: dict[str, Callable[[str], object]] = {
        TEXTFIX: FIXERS[TEXTFIX],
        FTFY: FIXERS[FTFY],
        FTFY_PREBUILT: ftfy_fix_text_prebuilt,
        FTFY_ENCODING: FIXERS[FTFY_ENCODING],
        **{name: fixer for name, fixer in FIXERS.items() if name == PLSFIX},
        FLOOR: _encode,
    }
    rows = []
    for name, lines in classes.items():
        times = timings(functions, lines, settings.throughput_repeats, settings.min_pass_seconds)
        rows.append(
            ThroughputRow(name, len(lines), sum(map(len, lines)), utf8_size(lines), times, settings.min_pass_seconds)
        )
    rows.extend(first_pass(functions, name, sets) for name, sets in first_passes.items())
    return rows


def first_pass(functions: Mapping[str, Callable[[str], object]], name: str, sets: list[list[str]]) -> ThroughputRow:
    """Each function's best first pass over a set of lines: each repeat, the functions
    take turns over a set none has seen (the caches of words and readings that a pass
    over the same lines fills are cold for it), its time scaled to the first set's size."""
    first = sets[0]
    size_of_first = utf8_size(first)
    times: dict[str, list[float]] = {function_name: [] for function_name in functions}
    for lines in sets:
        scale = size_of_first / utf8_size(lines)
        for function_name, [seconds] in timings(functions, lines, 1).items():
            times[function_name].append(seconds * scale)
    return ThroughputRow(name, len(first), sum(map(len, first)), size_of_first, times)


def _encode(line: str) -> bytes:
    return line.encode("utf-8")


# ---------------------------------------------------------------- start-up


@dataclass(frozen=True)
class StartupRow:
    bytecode: str  # which ChildEnv
    label: str
    command: str  # as typed in a shell
    median: float | None  # None when a run failed
    runs: list[float]
    problem: str = ""


def textfix_path() -> str:
    """The folder textfix is imported from, for PYTHONPATH in child processes."""
    return str(Path(textfix.__file__).resolve().parent.parent)


@dataclass(frozen=True)
class ChildEnv:
    """An environment for fresh interpreters, and how to type it in a shell."""

    name: str
    env: dict[str, str]
    shown: str  # the variables that differ, as shell assignments


NO_BYTECODE = "no bytecode cache"
CACHED_BYTECODE = "bytecode cached"


def child_envs(scratch: Path) -> list[ChildEnv]:
    """Fresh-interpreter environments that never write into the checkout.

    Both point PYTHONPYCACHEPREFIX at a scratch folder, so neither library's (nor the
    stdlib's) existing __pycache__ is used: with writes off, everything is compiled from
    source on every run; with writes on and one priming run, everything comes from .pyc,
    as after `pip install`.
    """
    path = textfix_path()
    shown_path = Path(path).relative_to(ROOT) if Path(path).is_relative_to(ROOT) else Path(path)
    result = []
    for name, folder, no_write in ((NO_BYTECODE, "empty", "1"), (CACHED_BYTECODE, "cached", "")):
        (scratch / folder).mkdir(parents=True, exist_ok=True)
        env = child_env(path)
        env["PYTHONPYCACHEPREFIX"] = str(scratch / folder)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if no_write:
            env["PYTHONDONTWRITEBYTECODE"] = no_write
        shown = (
            f"PYTHONPATH={shlex.quote(str(shown_path))} PYTHONPYCACHEPREFIX={shlex.quote(str(scratch / folder))} "
            f"PYTHONDONTWRITEBYTECODE={no_write}"
        )
        result.append(ChildEnv(name, env, shown))
    return result


STARTUP_CODE = {
    "python (no imports)": "pass",
    "import textfix": "import textfix",
    "import ftfy": "import ftfy",
    "textfix: import + fix_text('cafÃ©')": "import textfix; textfix.fix_text('cafÃ©')",
    "ftfy: import + fix_text('cafÃ©')": "import ftfy; ftfy.fix_text('cafÃ©')",
}


UNCACHED_QUICK = ("python (no imports)", "textfix: import + fix_text('cafÃ©')", "ftfy: import + fix_text('cafÃ©')")


def startup(settings: Settings, scratch: Path) -> list[StartupRow]:
    rows = []
    for child in child_envs(scratch):
        argvs = {
            label: [sys.executable, "-c", code]
            for label, code in STARTUP_CODE.items()
            if not (child.name == NO_BYTECODE and settings.mode == "quick" and label not in UNCACHED_QUICK)
        }
        if child.name == CACHED_BYTECODE:
            for argv in argvs.values():
                subprocess_median(argv, child.env, 1)  # priming run: writes the .pyc files
        # The commands take turns, a run of each per round: a shared machine's speed drifts
        # over seconds, and the runs of one command in a row would catch another phase of
        # it than the next command's.
        times: dict[str, list[float]] = {label: [] for label in argvs}
        problems = dict.fromkeys(argvs, "")
        for _ in range(settings.startup_runs):
            for label, argv in argvs.items():
                if not problems[label]:
                    _, runs, problems[label] = subprocess_median(argv, child.env, 1)
                    times[label] += runs
        for label, argv in argvs.items():
            median = None if problems[label] else statistics.median(times[label])
            command = f"{child.shown} {shlex.join(argv)}"
            rows.append(StartupRow(child.name, label, command, median, times[label], problems[label]))
    return rows


# ---------------------------------------------------------------- linear time and scaling


def clean_text(corpus: Corpus, size_bytes: int) -> str:
    """`size_bytes` of translated strings, one per line, in a fixed shuffled order (repeated if short)."""
    pool = translations(corpus)
    order = list(range(len(pool)))
    random.Random("clean-text").shuffle(order)
    pieces: list[str] = []
    total = 0
    for index in order:
        pieces.append(pool[index])
        total += len(pool[index].encode("utf-8")) + 1
        if total >= size_bytes:
            break
    return sized_text("\n".join(pieces) + "\n", size_bytes)


@dataclass(frozen=True)
class Measured:
    seconds: float | None
    changed: bool | None
    problem: str | None = None
    first_change: tuple[str, str] | None = None  # (input, output) around the first change
    lines_changed: int | None = None  # when the output has as many lines as the input
    lines: int = 1


def measure(fixer: Fixer, text: str, repeats: int, timeout: float) -> Measured:
    """Best of `repeats` timed calls on one big string, in a child killed after `timeout` s."""

    def job() -> Measured:
        timings = [timed_call(fixer, text) for _ in range(repeats)]
        output = timings[-1][1]
        change = first_difference(text, output) if output != text else None
        before, after = text.split("\n"), output.split("\n")
        lines_changed = sum(a != b for a, b in zip(before, after, strict=True)) if len(before) == len(after) else None
        best = min(seconds for seconds, _ in timings)
        return Measured(best, output != text, None, change, lines_changed, len(before))

    result: Guarded[Measured] = run_guarded(job, timeout)
    return result.value if result.value is not None else Measured(None, None, result.problem)


@dataclass(frozen=True)
class LinearRow:
    kind: str
    size_bytes: int
    chars: int
    textfix: Measured
    textfix_tenth: Measured  # the same input at a tenth of the size, for the growth exponent
    ftfy: Measured


def linear_time(settings: Settings, corpus: Corpus, prose: Sequence[str]) -> list[LinearRow]:
    size = settings.linear_bytes
    inputs = {
        "clean multilingual text (reference)": clean_text(corpus, size),
        "clean English prose": sized_text("\n".join(prose) + "\n", size),
    }
    inputs.update({kind: sized_text(unit, size) for kind, unit in adversarial_units().items()})
    rows = []
    for kind, text in inputs.items():
        tenth = text.encode("utf-8")[: size // 10].decode("utf-8", "ignore")
        rows.append(
            LinearRow(
                kind,
                size,
                len(text),
                measure(FIXERS[TEXTFIX], text, 1, settings.guard_seconds),
                measure(FIXERS[TEXTFIX], tenth, settings.repeats, settings.guard_seconds),
                measure(FIXERS[FTFY], text, 1, settings.guard_seconds),
            )
        )
    return rows


@dataclass(frozen=True)
class ScalingRow:
    size_bytes: int
    chars: int
    textfix: Measured
    ftfy: Measured


def scaling(settings: Settings, corpus: Corpus) -> list[ScalingRow]:
    rows = []
    size = 1000
    biggest = clean_text(corpus, settings.scaling_max_bytes)
    data = biggest.encode("utf-8")
    gave_up = ""
    while size <= settings.scaling_max_bytes:
        text = data[:size].decode("utf-8", "ignore")
        repeats = settings.repeats if size <= 100_000 else 1
        if gave_up:  # a bigger input would only time out too
            mine = Measured(None, None, f"skipped: {gave_up} at a tenth of this size")
        else:
            mine = measure(FIXERS[TEXTFIX], text, repeats, settings.guard_seconds)
            gave_up = mine.problem or ""
        rows.append(ScalingRow(size, len(text), mine, measure(FIXERS[FTFY], text, repeats, settings.guard_seconds)))
        size *= 10
    return rows


# ---------------------------------------------------------------- memory


@dataclass(frozen=True)
class MemoryRow:
    workload: str
    peak_bytes: dict[str, int | None]  # per fixer: tracemalloc peak above the starting level


def traced_peak(fixer: Fixer, lines: Sequence[str]) -> int:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        start, _ = tracemalloc.get_traced_memory()
        for line in lines:
            fixer(line)
        _, peak = tracemalloc.get_traced_memory()
        return peak - start
    finally:
        tracemalloc.stop()


FOOTPRINT_CODE = """\
import json, sys, tracemalloc
tracemalloc.start()
import {module}
for text in json.loads(sys.argv[1]):
    {call}(text)
current, peak = tracemalloc.get_traced_memory()
try:
    with open("/proc/self/status") as status:
        rss = int(next(l for l in status if l.startswith("VmHWM:")).split()[1]) * 1024
except (OSError, StopIteration, ValueError):
    rss = None
print(json.dumps([current, peak, rss]))
"""


@dataclass(frozen=True)
class FootprintRow:
    label: str
    bytecode: str
    traced_after: int  # bytes still allocated after import and warm-up calls: the loaded tables
    traced_peak: int
    max_rss: int | None  # VmHWM, Linux only


def footprint(settings: Settings, scratch: Path) -> list[FootprintRow]:
    """Table memory of each library in a fresh interpreter; without bytecode only in full mode (slow)."""
    rows = []
    texts = json.dumps(list(WARM_UP_TEXTS))
    for child in child_envs(scratch):
        if child.name == NO_BYTECODE and settings.mode == "quick":
            continue
        for label, module, call in (("textfix", "textfix", "textfix.fix_text"), ("ftfy", "ftfy", "ftfy.fix_text")):
            argv = [sys.executable, "-c", FOOTPRINT_CODE.format(module=module, call=call), texts]
            if child.name == CACHED_BYTECODE:  # prime the cache without tracemalloc, which slows compiling
                prime = f"import {module}; {call}('cafÃ©')"
                subprocess.run([sys.executable, "-c", prime], env=child.env, check=True, capture_output=True)
            output = subprocess.run(argv, env=child.env, check=True, capture_output=True, text=True).stdout
            current, peak, rss = json.loads(output)
            rows.append(FootprintRow(label, child.name, current, peak, rss))
    return rows


def memory(settings: Settings, workloads: Mapping[str, Sequence[str]], big_text: str) -> list[MemoryRow]:
    rows = []
    for name, lines in workloads.items():
        rows.append(MemoryRow(name, {fixer: traced_peak(FIXERS[fixer], lines) for fixer in FIXERS}))
    peaks: dict[str, int | None] = {}
    for name, fixer in FIXERS.items():
        result = run_guarded(partial(traced_peak, fixer, [big_text]), settings.guard_seconds * 3)
        peaks[name] = result.value
    size = len(big_text.encode("utf-8"))
    rows.append(MemoryRow(f"one string of clean multilingual text, {size / 1e6:g} MB", peaks))
    return rows
