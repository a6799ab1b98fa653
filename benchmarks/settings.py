"""How big each benchmark is in --smoke, --quick and --full mode."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    mode: str
    lines: int  # lines per text class in the throughput benchmark
    repeats: int  # best of this many passes (big inputs, scaling)
    # best of this many passes over each throughput class, and as many sets of unseen lines
    # for the first passes: a pass over 2,000 clean lines takes a few milliseconds, which
    # this machine's noise moves by half (three best-of-7 timings of ftfy over the same
    # lines, in one process: 78, 58 and 52 ms)
    throughput_repeats: int
    # each timing of a throughput pass over seen lines lasts at least this long, in passes
    # in a row (see timing.loops_for)
    min_pass_seconds: float
    startup_runs: int  # median of this many fresh interpreters
    linear_bytes: int  # size of each adversarial input
    scaling_max_bytes: int  # scaling runs 1 KB, 10 KB, ... up to this
    accuracy_per_codec: int  # damaged strings per single-layer chain
    partial_per_codec: int  # strings with one damaged word, per chain
    two_layer_per_chain: int  # strings per two-layer chain
    fp_per_language: int | None  # clean strings per language for false positives; None: all of them
    composed_texts: int  # clean texts composed of catalog words (repeats, two languages, symbols)
    guard_seconds: float  # a single big-input measurement is abandoned after this
    memory_string_bytes: int  # size of the one-string memory workload (tracemalloc slows textfix a lot)
    documents_per_encoding: int  # documents per legacy encoding in the decode benchmark
    decode_file_bytes: int  # size of the file fix_file's peak memory is measured on
    integration_rows: int  # rows of the column the dataframe integrations repair
    wild_lines: int | None  # lines of this machine's other text (benchmarks/wild.py); None: all of them


QUICK = Settings(
    mode="quick",
    lines=2000,
    repeats=3,
    throughput_repeats=7,
    min_pass_seconds=0.2,
    startup_runs=5,
    linear_bytes=200_000,
    scaling_max_bytes=1_000_000,
    accuracy_per_codec=150,
    partial_per_codec=100,
    two_layer_per_chain=100,
    fp_per_language=300,
    composed_texts=4000,
    guard_seconds=30.0,
    memory_string_bytes=50_000,
    documents_per_encoding=30,
    decode_file_bytes=20_000_000,
    integration_rows=100_000,
    wild_lines=50_000,
)

FULL = Settings(
    mode="full",
    lines=20_000,
    repeats=3,
    throughput_repeats=5,
    min_pass_seconds=0.2,
    startup_runs=5,
    linear_bytes=1_000_000,
    scaling_max_bytes=100_000_000,
    accuracy_per_codec=1000,
    partial_per_codec=500,
    two_layer_per_chain=500,
    fp_per_language=None,
    composed_texts=40_000,
    guard_seconds=120.0,
    memory_string_bytes=1_000_000,
    documents_per_encoding=200,
    decode_file_bytes=500_000_000,
    integration_rows=1_000_000,
    wild_lines=None,
)

# Seconds, not minutes: every section runs end to end on tiny samples, so the test suite
# can check that the harness works (tests/test_benchmarks.py). Its figures mean nothing.
SMOKE = Settings(
    mode="smoke",
    lines=50,
    repeats=1,
    throughput_repeats=1,
    min_pass_seconds=0.0,
    startup_runs=1,
    linear_bytes=5_000,
    scaling_max_bytes=10_000,
    accuracy_per_codec=3,
    partial_per_codec=3,
    two_layer_per_chain=3,
    fp_per_language=3,
    composed_texts=50,
    guard_seconds=10.0,
    memory_string_bytes=2_000,
    documents_per_encoding=2,
    decode_file_bytes=200_000,
    integration_rows=500,
    wild_lines=200,
)
