"""polars: `import textfix.polars` registers the `textfix` expression namespace.

    import polars as pl
    import textfix.polars  # noqa: F401

    df.with_columns(pl.col("title").textfix.fix())            # nulls stay null; lazy frames too
    df.select(pl.col("title").textfix.detect())               # struct: was_damaged, chains, repairs
"""

from __future__ import annotations

from typing import Any

import polars as pl

from textfix.columns import detect_values, fix_values
from textfix.config import Config, resolve

DETECT_DTYPE = pl.Struct({"was_damaged": pl.Boolean, "chains": pl.List(pl.String), "repairs": pl.Int64})


@pl.api.register_expr_namespace("textfix")
class TextfixExpr:
    def __init__(self, expr: pl.Expr) -> None:
        self._expr = expr

    def fix(self, config: Config | None = None, **settings: Any) -> pl.Expr:
        """The repaired strings (textfix.fix_text), each distinct value of a batch repaired once."""
        chosen = resolve(config, settings)
        return self._expr.map_batches(lambda series: _fix_series(series, chosen), return_dtype=pl.String)

    def detect(self, config: Config | None = None, **settings: Any) -> pl.Expr:
        """Per row a struct {was_damaged, chains, repairs}; null for null values."""
        chosen = resolve(config, settings)
        return self._expr.map_batches(lambda series: _detect_series(series, chosen), return_dtype=DETECT_DTYPE)


def _fix_series(series: pl.Series, config: Config) -> pl.Series:
    series = series.cast(pl.String)
    distinct = series.unique().drop_nulls().to_list()
    changed = {old: new for old, new in zip(distinct, fix_values(distinct, config)) if new != old}
    return series.replace(changed) if changed else series


def _detect_series(series: pl.Series, config: Config) -> pl.Series:
    rows = detect_values(series.to_list(), config)
    return pl.Series(
        series.name,
        [None if r is None else {"was_damaged": r.was_damaged, "chains": r.chains, "repairs": r.repairs} for r in rows],
        dtype=DETECT_DTYPE,
    )
