"""Columns: textfix.columns, and the pandas, polars, pyarrow and Spark integrations.

Each integration must give fix_text's result row by row, keep nulls and non-str values,
and repair each distinct value once. The Spark tests run a real local session (Java 17),
read a CSV and write Parquet.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from unittest import mock

import pytest

import textfix
from textfix.columns import detect_values, fix_values

DAMAGED = ["cafÃ© au lait", "a dashโ€”here", "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "鏂囧瓧鏂囧瓧", "plain", "Привет, 東京"]
ROWS = [*DAMAGED, None, "cafÃ© au lait", "", "cafÃ© au lait"]


def expected(values: list[object]) -> list[object]:
    return [textfix.fix_text(v) if isinstance(v, str) else v for v in values]


def test_fix_values_repairs_each_distinct_value_once() -> None:
    with mock.patch("textfix.fix_text", wraps=textfix.fix_text) as spy:
        result = fix_values([*ROWS, 3, math.nan])
    assert result[: len(ROWS)] == expected(ROWS)
    assert result[len(ROWS)] == 3 and math.isnan(result[-1])  # type: ignore[arg-type]
    assert spy.call_count == len({v for v in ROWS if isinstance(v, str)})


def test_detect_values_summarises_each_row() -> None:
    rows = detect_values(["cafÃ©", "plain", None, "ÃƒÂ©"])
    assert rows[0] is not None and rows[0].was_damaged and rows[0].chains == ["utf-8->cp1252"]
    assert rows[1] is not None and not rows[1].was_damaged and rows[1].chains == []
    assert rows[2] is None
    assert rows[3] is not None and rows[3].chains == ["utf-8->cp1252->utf-8->cp1252"]


# --- pandas -------------------------------------------------------------------------------------


def test_pandas_accessor() -> None:
    pd = pytest.importorskip("pandas")
    import textfix.pandas  # noqa: F401

    series = pd.Series(ROWS, index=[f"r{i}" for i in range(len(ROWS))], name="title", dtype=object)
    fixed = series.textfix.fix()
    assert fixed.tolist() == expected(ROWS)
    assert fixed.index.equals(series.index) and fixed.name == "title"
    found = series.textfix.detect()
    assert list(found.columns) == ["was_damaged", "chains", "repairs"]
    assert found.loc["r0", "was_damaged"] == True  # noqa: E712 - a numpy/pandas bool
    assert found.loc["r4", "was_damaged"] == False  # noqa: E712
    assert pd.isna(found.loc["r6", "was_damaged"])
    assert found.loc["r1", "chains"] == ["utf-8->cp874"]


def test_pandas_keeps_nan_numbers_and_string_dtype() -> None:
    pd = pytest.importorskip("pandas")
    import textfix.pandas  # noqa: F401

    mixed = pd.Series(["cafÃ©", float("nan"), 7, None])
    fixed = mixed.textfix.fix()
    assert fixed[0] == "café" and math.isnan(fixed[1]) and fixed[2] == 7 and fixed[3] is None
    strings = pd.Series(["cafÃ©", None], dtype="string")
    assert strings.textfix.fix().dtype == strings.dtype
    assert strings.textfix.fix().tolist()[0] == "café"


# --- polars -------------------------------------------------------------------------------------


def test_polars_namespace_in_eager_and_lazy_frames() -> None:
    pl = pytest.importorskip("polars")
    import textfix.polars  # noqa: F401

    frame = pl.DataFrame({"title": ROWS, "n": list(range(len(ROWS)))})
    eager = frame.with_columns(pl.col("title").textfix.fix())
    assert eager["title"].to_list() == expected(ROWS)
    lazy = frame.lazy().with_columns(fixed=pl.col("title").textfix.fix()).collect()
    assert lazy["fixed"].to_list() == expected(ROWS)
    assert lazy["title"].to_list() == ROWS
    found = frame.select(pl.col("title").textfix.detect()).unnest("title")
    assert found["was_damaged"].to_list()[:6] == [True, True, True, True, False, False]
    assert found["was_damaged"][6] is None
    assert found["chains"][1].to_list() == ["utf-8->cp874"]


# --- pyarrow ------------------------------------------------------------------------------------


def test_arrow_fix_array_keeps_type_and_nulls() -> None:
    pa = pytest.importorskip("pyarrow")
    from textfix.arrow import fix_array

    for kind in (pa.string(), pa.large_string()):
        array = pa.array(ROWS, type=kind)
        fixed = fix_array(array)
        assert fixed.type == kind
        assert fixed.to_pylist() == expected(ROWS)
    chunked = pa.chunked_array([ROWS[:4], ROWS[4:]], type=pa.string())
    assert fix_array(chunked).to_pylist() == expected(ROWS)
    assert fix_array(pa.array([], type=pa.string())).to_pylist() == []
    with pytest.raises(TypeError, match="string"):
        fix_array(pa.array([1, 2]))


# --- Spark --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    pytest.importorskip("pyspark")
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from pyspark.sql import SparkSession

    # the workers must run this interpreter, which has textfix, pandas and pyarrow
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[1]")
        .appName("textfix-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    yield session
    session.stop()
    monkeypatch.undo()


def test_spark_udfs_read_csv_and_write_parquet(spark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from textfix.spark import detect_udf, fix_text_udf, make_fix_text_udf

    source = tmp_path / "in.csv"
    values = [v for v in ROWS if v]  # a CSV has no None/"" distinction
    source.write_text("id,title\n" + "".join(f'{i},"{v}"\n' for i, v in enumerate(values)), encoding="utf-8")
    frame = spark.read.option("header", True).csv(str(source))
    fixed = frame.withColumn("fixed", fix_text_udf("title")).withColumn("damage", detect_udf("title"))
    target = tmp_path / "out.parquet"
    fixed.write.parquet(str(target))
    rows = sorted(spark.read.parquet(str(target)).collect(), key=lambda row: int(row["id"]))
    assert [row["fixed"] for row in rows] == expected(values)
    assert [row["damage"]["was_damaged"] for row in rows] == [bool(textfix.detect(v)) for v in values]
    assert rows[0]["damage"]["chains"] == ["utf-8->cp1252"]
    hinted = spark.createDataFrame([("Ïðèâåò, ìèð!",), (None,)], "title string")
    result = hinted.select(make_fix_text_udf(languages=["ru"])("title").alias("t")).collect()
    assert [row["t"] for row in result] == ["Привет, мир!", None]
