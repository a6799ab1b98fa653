"""pandas: `import textfix.pandas` registers the `textfix` Series accessor.

    import pandas as pd
    import textfix.pandas  # noqa: F401

    s = pd.Series(["cafÃ©", None, "ok"], name="title")
    s.textfix.fix()       # same index and name; None, NaN and non-str values pass through
    s.textfix.detect()    # a DataFrame: was_damaged, chains, repairs per row
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from textfix.columns import detect_values, fix_values
from textfix.config import Config, resolve


def fix_series(series: pd.Series, config: Config | None = None) -> pd.Series:
    """The repaired values (textfix.fix_text), each distinct string repaired once."""
    values = fix_values(series.tolist(), config)
    # object and string columns keep their dtype; a categorical one may gain values
    keep = series.dtype == object or pd.api.types.is_string_dtype(series)
    return pd.Series(values, index=series.index, name=series.name, dtype=series.dtype if keep else None)


def detect_frame(series: pd.Series, config: Config | None = None) -> pd.DataFrame:
    """Per row: was_damaged (nullable bool; missing for non-str values), chains, repairs."""
    rows = detect_values(series.tolist(), config)
    return pd.DataFrame(
        {
            "was_damaged": pd.array([None if r is None else r.was_damaged for r in rows], dtype="boolean"),
            "chains": [[] if r is None else r.chains for r in rows],
            "repairs": pd.array([0 if r is None else r.repairs for r in rows], dtype="int64"),
        },
        index=series.index,
    )


@pd.api.extensions.register_series_accessor("textfix")
class TextfixAccessor:
    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def fix(self, config: Config | None = None, **settings: Any) -> pd.Series:
        """See fix_series; keyword settings as for textfix.fix_text."""
        return fix_series(self._series, resolve(config, settings))

    def detect(self, config: Config | None = None, **settings: Any) -> pd.DataFrame:
        """See detect_frame; keyword settings as for textfix.detect."""
        return detect_frame(self._series, resolve(config, settings))
