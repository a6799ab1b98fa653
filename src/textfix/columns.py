"""Columns of values, as dataframe libraries hold them: each distinct string repaired once.

Repeated values are the rule in columns (categories, names, statuses), so a batch is
repaired value by distinct value, and anything that is not a str (None, NaN, numbers)
passes through untouched. The integrations (textfix.pandas, textfix.polars,
textfix.arrow, textfix.spark) are thin layers over these two functions, so their
results equal fix_text and detect row by row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from textfix.config import Config


class RowFindings(NamedTuple):
    """The compact summary of one value's damage: whether any, and through which chains."""

    was_damaged: bool
    chains: list[str]  # each chain as "utf-8->cp1252", in the order of the findings, once each
    repairs: int


def fix_values(values: Iterable[object], config: Config | None = None) -> list[object]:
    """fix_text of every str value, each distinct one computed once; other values as they are."""
    from textfix import fix_text

    done: dict[str, str] = {}
    result: list[object] = []
    for value in values:
        if isinstance(value, str):
            fixed = done.get(value)
            if fixed is None:
                fixed = done[value] = fix_text(value, config)
            result.append(fixed)
        else:
            result.append(value)
    return result


def detect_values(values: Iterable[object], config: Config | None = None) -> list[RowFindings | None]:
    """A RowFindings for every str value (each distinct one computed once), None for the rest."""
    from textfix import detect

    done: dict[str, RowFindings] = {}
    result: list[RowFindings | None] = []
    for value in values:
        if not isinstance(value, str):
            result.append(None)
            continue
        found = done.get(value)
        if found is None:
            findings = detect(value, config)
            chains = list(dict.fromkeys("->".join(f.chain) for f in findings if f.chain))
            found = done[value] = RowFindings(bool(findings), chains, len(findings))
        result.append(found)
    return result
