"""Generated tables (JSON files beside this module), each read once, on first use.

JSON loads in a few milliseconds even without a bytecode cache, where a Python module
of the same data takes a third of a second to compile.
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import Any


@cache
def table(name: str) -> dict[str, Any]:
    # A plain path, not importlib.resources, which costs more to import than the table to read.
    with open(os.path.join(os.path.dirname(__file__), f"{name}.json"), encoding="utf-8") as file:
        data: dict[str, Any] = json.load(file)
    return data


def write(path: Any, data: dict[str, Any]) -> None:
    """Write a table compactly and deterministically (for the scripts that build them)."""
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
