"""Timers: best-of-N over a list of lines, a time-limited child process, subprocess start-up."""

from __future__ import annotations

import gc
import math
import multiprocessing
import os
import statistics
import subprocess
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

T = TypeVar("T")


def time_pass(function: Callable[[str], object], lines: Sequence[str], loops: int = 1) -> float:
    """Seconds for one call per line, with the garbage collector off (as timeit does): the
    mean over `loops` passes in a row."""
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        started = time.perf_counter()
        for _ in range(loops):
            for line in lines:
                function(line)
        return (time.perf_counter() - started) / loops
    finally:
        if enabled:
            gc.enable()


def loops_for(function: Callable[[str], object], lines: Sequence[str], min_seconds: float) -> int:
    """How many passes in a row one timing needs to last `min_seconds`, as timeit's
    autorange finds: a pass of a few milliseconds, timed alone, is timed cold (the
    collector's sweep of the heap and the other functions' passes before it evict its
    tables from the processor's caches), which a job calling it line after line is not."""
    if min_seconds <= 0:
        return 1
    return max(1, math.ceil(min_seconds / max(time_pass(function, lines), 1e-9)))


def timings(
    functions: Mapping[str, Callable[[str], object]], lines: Sequence[str], repeats: int, min_seconds: float = 0.0
) -> dict[str, list[float]]:
    """Each function's time of a pass, once a repeat; the functions take turns each repeat,
    so the i-th times of all of them come from the same few seconds. With `min_seconds`,
    each timing loops over the lines until it lasts that long (see loops_for), and is the
    time of one pass."""
    loops = {name: loops_for(function, lines, min_seconds) for name, function in functions.items()}
    times: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeats):
        for name, function in functions.items():
            times[name].append(time_pass(function, lines, loops[name]))
    return times


def best_of(
    functions: Mapping[str, Callable[[str], object]], lines: Sequence[str], repeats: int, min_seconds: float = 0.0
) -> dict[str, float]:
    """Best time of `repeats` passes for each function (see timings)."""
    return {name: min(times) for name, times in timings(functions, lines, repeats, min_seconds).items()}


def paired_ratio(numerators: Sequence[float], denominators: Sequence[float]) -> float:
    """The median of the ratios of times taken in the same repeat (see timings). This
    machine's speed changes by up to half for seconds at a time (ftfy's best of seven
    passes over the same lines: 52 to 94 ms in runs minutes apart): a ratio of two best
    times taken at different moments mixes those states, one of the same moment does not."""
    if len(numerators) != len(denominators) or not numerators:
        raise ValueError("paired_ratio needs as many times on each side, at least one")
    return statistics.median(top / bottom for top, bottom in zip(numerators, denominators))


def timed_call(function: Callable[[str], T], text: str) -> tuple[float, T]:
    """Seconds for one call (garbage collector off) and what it returned."""
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        started = time.perf_counter()
        result = function(text)
        return time.perf_counter() - started, result
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True)
class Guarded(Generic[T]):
    """What a time-limited call gave: a value, or why not ("timeout" or an error)."""

    value: T | None
    problem: str | None = None


def _child(function: Callable[[], object], sender: Connection) -> None:
    try:
        sender.send(Guarded(function()))
    except BaseException:  # report anything, including MemoryError, to the parent
        sender.send(Guarded(None, traceback.format_exc(limit=3).strip().splitlines()[-1]))
    finally:
        sender.close()


def run_guarded(function: Callable[[], T], timeout: float) -> Guarded[T]:
    """function() in a forked child (which inherits the warm libraries), killed after `timeout` s.

    Where fork is unavailable the call runs in this process, unguarded.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        try:
            return Guarded(function())
        except Exception as error:  # noqa: BLE001 - reported, not hidden
            return Guarded(None, f"{type(error).__name__}: {error}")
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(function, sender), daemon=True)
    child.start()
    sender.close()
    try:
        if receiver.poll(timeout):
            result: Guarded[T] = receiver.recv()
            return result
        return Guarded(None, f"timeout (> {timeout:.0f} s)")
    except EOFError:
        return Guarded(None, f"child died (exit code {child.exitcode})")
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()  # only the child started above, by its own handle
        child.join()


def subprocess_median(argv: Sequence[str], env: Mapping[str, str], runs: int) -> tuple[float | None, list[float], str]:
    """Median wall time of `runs` fresh runs of a command, the times, and the error if one run failed."""
    times: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(list(argv), env=dict(env), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode:
            lines = done.stderr.strip().splitlines() or [f"exit code {done.returncode}"]
            return None, times, lines[-1]
        times.append(time.perf_counter() - started)
    return statistics.median(times), times, ""


def child_env(extra_path: str) -> dict[str, str]:
    """This environment with `extra_path` first on PYTHONPATH."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (extra_path, env.get("PYTHONPATH", "")) if p)
    return env
