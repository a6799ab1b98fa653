"""Benchmark textfix against ftfy: speed, start-up, linear time, accuracy, false positives, memory.

    PYTHONPATH=src python benchmarks/run.py --quick            # about 2 minutes
    PYTHONPATH=src python benchmarks/run.py --smoke            # seconds: checks the harness only
    PYTHONPATH=src python benchmarks/run.py --full             # about 5-20 minutes
    python benchmarks/run.py --quick --sections throughput,startup --out /tmp/bench.md

Writes a Markdown report (default docs/benchmarks.md), a PNG chart next to it when
matplotlib is installed, and prints the report. Progress goes to stderr. textfix is
imported from PYTHONPATH when it is there, else from this checkout's src/.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.machinery
import importlib.util
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
if importlib.util.find_spec("textfix") is None:
    sys.path.insert(0, str(ROOT / "src"))

import ftfy  # noqa: E402
from accuracy import chain_accuracy, false_positives  # noqa: E402
from decoding import decode_benchmark  # noqa: E402
from fixers import warm_up  # noqa: E402
from integrations import IntegrationRow, column, integration_throughput  # noqa: E402
from report import Results, render, write_chart  # noqa: E402
from settings import FULL, QUICK, SMOKE, Settings  # noqa: E402
from speed import clean_text, footprint, linear_time, memory, scaling, startup, throughput  # noqa: E402
from textsets import (  # noqa: E402
    damaged_lines,
    english_prose,
    load_corpus,
    multilingual_lines,
    unseen_multilingual_sets,
)
from wild import wild_changes  # noqa: E402

import textfix  # noqa: E402

SECTIONS = (
    "throughput", "startup", "linear", "scaling", "accuracy", "fp", "wild", "memory", "footprint", "decode",
    "integrations",
)
T = TypeVar("T")
INTEGRATION_DISTINCT = 20_000  # distinct values in the column the integrations repair


def progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def source_digest() -> str:
    """A short hash of the imported textfix package's .py files, to tell engine versions apart."""
    package = Path(textfix.__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=6)
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def build_kind() -> str:
    """Whether the textfix measured runs compiled (see setup.py): an extension module
    beside a module's source is what Python imports."""
    package = Path(textfix.__file__).resolve().parent
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    compiled = [path for path in package.rglob("*") if path.name.endswith(suffixes)]
    if not compiled:
        return "pure Python"
    return f"{len(compiled)} modules compiled by mypyc (setup.py), the rest Python"


def git_state() -> str:
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "src"], capture_output=True, text=True, check=True
        ).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    modified = [line for line in changed if line.strip()]
    return f"{commit}" + (f", with {len(modified)} uncommitted change(s) under src/" if modified else ", src/ clean")


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def environment(settings: Settings) -> list[tuple[str, str]]:
    textfix_file = Path(textfix.__file__).resolve()
    shown = textfix_file.relative_to(ROOT) if textfix_file.is_relative_to(ROOT) else textfix_file
    return [
        ("date (UTC)", datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M")),
        ("textfix", f"{textfix.__version__} from `{shown}`"),
        ("checkout", git_state() if textfix_file.is_relative_to(ROOT / "src") else "textfix is not this checkout's"),
        ("textfix source digest", f"`{source_digest()}` (blake2b of the package's .py files)"),
        ("textfix build", build_kind()),
        ("ftfy", ftfy.__version__),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()}), `{sys.executable}`"),
        ("machine", f"{cpu_name()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}"),
        ("mode", f"{settings.mode}: {settings}"),
    ]


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="small samples, about 2 minutes (the default)")
    mode.add_argument("--smoke", action="store_true", help="tiny samples, seconds: checks the harness, not the figures")
    mode.add_argument("--full", action="store_true", help="bigger samples and the whole corpus, up to ~20 minutes")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md", help="Markdown report path")
    parser.add_argument("--sections", default=",".join(SECTIONS), help=f"comma-separated subset of {SECTIONS}")
    parser.add_argument("--no-chart", action="store_true", help="do not write the PNG chart")
    args = parser.parse_args(argv)
    args.sections = [name.strip() for name in args.sections.split(",") if name.strip()]
    unknown = sorted(set(args.sections) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}")
    return args


def command_line(argv: list[str]) -> str:
    script = Path(sys.argv[0]).resolve()
    shown = script.relative_to(ROOT) if script.is_relative_to(ROOT) else script
    return shlex.join(["python", str(shown), *argv])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse(argv)
    settings = FULL if args.full else SMOKE if args.smoke else QUICK
    started = time.perf_counter()

    progress("loading the gettext corpus")
    corpus = load_corpus()
    progress(f"{len(corpus.by_language)} languages, {corpus.string_count:,} strings in {corpus.load_seconds:.1f} s")
    prose = english_prose(corpus, settings.lines)
    multilingual = multilingual_lines(corpus, settings.lines)
    damaged = damaged_lines(multilingual)
    results = Results(
        command=command_line(argv),
        mode=settings.mode,
        environment=environment(settings),
        corpus_summary=(
            f"Corpus: {corpus.string_count:,} distinct strings in {len(corpus.by_language)} languages from "
            f"the gettext catalogs under /usr/share/locale (msgids as `en_source`), loaded in "
            f"{corpus.load_seconds:.1f} s. All samples use fixed seeds."
        ),
    )
    results_digest = source_digest()
    progress("warming up both libraries")
    warm_up()

    def section(name: str, job: Callable[[], T]) -> T | None:
        if name not in args.sections:
            return None
        progress(f"section {name}")
        section_started = time.perf_counter()
        try:
            return job()
        except Exception as error:  # noqa: BLE001 - one broken section should not lose the others
            traceback.print_exc()
            results.failed_sections[name] = f"{type(error).__name__}: {error}"
            return None
        finally:
            results.section_seconds[name] = time.perf_counter() - section_started

    classes = {
        "(a) clean English prose": prose,
        "(b) clean multilingual": multilingual,
        "(c) damaged multilingual": damaged,
    }
    unseen = unseen_multilingual_sets(corpus, settings.lines, settings.throughput_repeats, multilingual)
    first_passes = {
        "(b) clean multilingual, first pass over unseen lines": unseen,
        "(c) damaged multilingual, first pass over unseen lines": [damaged_lines(lines) for lines in unseen],
    }
    results.throughput = section("throughput", lambda: throughput(settings, classes, first_passes)) or []
    workloads = {"(b) clean multilingual, line by line": multilingual, "(c) damaged multilingual": damaged}
    big = clean_text(corpus, settings.memory_string_bytes)
    with tempfile.TemporaryDirectory(prefix="textfix-bench-") as scratch_name:  # child interpreters' bytecode
        scratch = Path(scratch_name)
        results.startup = section("startup", lambda: startup(settings, scratch)) or []
        results.linear = section("linear", lambda: linear_time(settings, corpus, prose)) or []
        results.scaling = section("scaling", lambda: scaling(settings, corpus)) or []
        results.accuracy = section("accuracy", lambda: chain_accuracy(settings, corpus)) or []
        results.false_positives = section("fp", lambda: false_positives(settings, corpus))
        results.wild = section("wild", lambda: wild_changes(settings))
        results.memory = section("memory", lambda: memory(settings, workloads, big)) or []
        results.footprint = section("footprint", lambda: footprint(settings, scratch)) or []
    results.decode = section(
        "decode", lambda: decode_benchmark(corpus, settings.documents_per_encoding, settings.decode_file_bytes)
    )

    def integrations() -> list[IntegrationRow]:
        pool = multilingual_lines(corpus, INTEGRATION_DISTINCT)
        values = column(pool, damaged_lines(pool), settings.integration_rows, INTEGRATION_DISTINCT)
        return integration_throughput(values)

    results.integrations = section("integrations", integrations) or []

    digest = source_digest()
    if digest != results_digest:
        progress(f"warning: textfix's source changed during the run ({results_digest} -> {digest})")
        results.environment.append(
            ("warning", f"textfix's source changed during the run (digest now `{digest}`): results mix versions")
        )

    out: Path = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    chart = out.with_suffix(".png")
    has_chart = not args.no_chart and write_chart(results, chart)
    if not has_chart:
        progress("no chart (matplotlib not installed, --no-chart, or nothing to plot)")
    text = render(results, chart.name if has_chart else None)
    out.write_text(text, encoding="utf-8")
    print(text)
    progress(f"wrote {out}" + (f" and {chart}" if has_chart else "") + f" in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
