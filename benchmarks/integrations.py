"""Column throughput of the integrations: pandas, polars, pyarrow and Spark.

One column of `rows` values drawn (fixed seed) from a pool of distinct strings, clean
multilingual lines and the same lines damaged, as columns repeat values. Each
integration repairs the whole column; the baseline is textfix.fix_text called on every
row in a Python loop. Spark runs a local session on this machine's cores and is timed
from the DataFrame to a count of the repaired column, after a warm-up job.
"""

from __future__ import annotations

import importlib
import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textfix import fix_text


@dataclass(frozen=True)
class IntegrationRow:
    name: str
    rows: int
    distinct: int
    seconds: float | None
    note: str = ""


def column(pool: Sequence[str], damaged: Sequence[str], rows: int, distinct: int) -> list[str]:
    rng = random.Random("integrations")
    values = rng.sample(list(pool), min(distinct // 2, len(pool))) + rng.sample(
        list(damaged), min(distinct // 2, len(damaged))
    )
    return [rng.choice(values) for _ in range(rows)]


def _timed(job: Callable[[], object]) -> float:
    started = time.perf_counter()
    job()
    return time.perf_counter() - started


def integration_throughput(values: list[str]) -> list[IntegrationRow]:
    distinct = len(set(values))
    loop = _timed(lambda: [fix_text(v) for v in values])
    rows = [IntegrationRow("fix_text in a Python loop", len(values), distinct, loop)]
    try:
        import pandas as pd

        importlib.import_module("textfix.pandas")  # registers the accessor

        series = pd.Series(values)
        elapsed = _timed(lambda: series.textfix.fix())
        rows.append(IntegrationRow("pandas: s.textfix.fix()", len(values), distinct, elapsed))
    except ImportError:
        rows.append(IntegrationRow("pandas", len(values), distinct, None, "not installed"))
    try:
        import polars as pl

        importlib.import_module("textfix.polars")  # registers the namespace

        frame = pl.DataFrame({"c": values})
        rows.append(
            IntegrationRow(
                "polars: pl.col(c).textfix.fix()",
                len(values),
                distinct,
                _timed(lambda: frame.lazy().select(pl.col("c").textfix.fix()).collect()),  # type: ignore[attr-defined]
            )
        )
    except ImportError:
        rows.append(IntegrationRow("polars", len(values), distinct, None, "not installed"))
    try:
        import pyarrow as pa

        from textfix.arrow import fix_array

        array = pa.array(values, type=pa.string())
        rows.append(IntegrationRow("pyarrow: fix_array(arr)", len(values), distinct, _timed(lambda: fix_array(array))))
    except ImportError:
        rows.append(IntegrationRow("pyarrow", len(values), distinct, None, "not installed"))
    rows.append(_spark_row(values, distinct))
    return rows


def _spark_row(values: list[str], distinct: int) -> IntegrationRow:
    name = "Spark: fix_text_udf (local session)"
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        return IntegrationRow(name, len(values), distinct, None, "not installed")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from textfix.spark import fix_text_udf

    cores = os.cpu_count() or 1
    session = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("textfix-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    try:
        frame = session.createDataFrame([(v,) for v in values], "c string").repartition(cores).cache()
        frame.count()
        job = frame.select(fix_text_udf("c").alias("f"))
        job.limit(1000).count()  # warm-up: workers start, textfix loads
        seconds = _timed(lambda: job.agg({"f": "count"}).collect())
    finally:
        session.stop()
    return IntegrationRow(name, len(values), distinct, seconds, f"{cores} local cores")
