"""Spark: vectorised (Arrow / pandas) UDFs.

    from textfix.spark import fix_text_udf, detect_udf

    df = df.withColumn("title", fix_text_udf("title"))
    df = df.withColumn("damage", detect_udf("title"))   # struct<was_damaged, chains, repairs>

Each batch goes through textfix.pandas (its functions, not the accessor, which the
workers would not have registered), so each distinct value of a batch is repaired once
and results equal fix_text row by row. make_fix_text_udf(config) makes one with other
settings (a language hint, a threshold).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from pyspark.sql.functions import pandas_udf
from pyspark.sql.types import ArrayType, BooleanType, LongType, StringType, StructField, StructType

from textfix.config import Config, resolve
from textfix.pandas import detect_frame, fix_series

DETECT_TYPE = StructType(
    [
        StructField("was_damaged", BooleanType()),
        StructField("chains", ArrayType(StringType())),
        StructField("repairs", LongType()),
    ]
)


def make_fix_text_udf(config: Config | None = None, **settings: Any) -> Any:
    """A pandas UDF (string -> string) that repairs with this config."""
    chosen = resolve(config, settings)

    @pandas_udf(StringType())
    def fix_text_column(values: pd.Series) -> pd.Series:
        return fix_series(values, chosen)

    return fix_text_column


def make_detect_udf(config: Config | None = None, **settings: Any) -> Any:
    """A pandas UDF (string -> struct<was_damaged, chains, repairs>); null for null values."""
    chosen = resolve(config, settings)

    @pandas_udf(DETECT_TYPE)
    def detect_column(values: pd.Series) -> pd.DataFrame:
        found = detect_frame(values, chosen)
        missing = found["was_damaged"].isna()
        found["chains"] = [None if gone else chains for gone, chains in zip(missing, found["chains"])]
        found["repairs"] = found["repairs"].astype("Int64").mask(missing)
        return found

    return detect_column


fix_text_udf = make_fix_text_udf()
detect_udf = make_detect_udf()
