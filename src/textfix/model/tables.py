"""Generated tables (JSON files beside this module), each read once, on first use.

JSON loads in a few milliseconds even without a bytecode cache, where a Python module
of the same data takes a third of a second to compile. Long runs of numbers are packed
(see packed_ints): JSON parses a list of twenty thousand numbers ten times slower than
one string of their bytes.
"""

from __future__ import annotations

import base64
import json
import os
import sys
from array import array
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any


@cache
def table(name: str) -> dict[str, Any]:
    # A plain path, not importlib.resources, which costs more to import than the table to read.
    # (bytes, decoded in one call: a text-mode read decodes piece by piece, twice as slowly)
    with open(os.path.join(os.path.dirname(__file__), f"{name}.json"), "rb") as file:
        data: dict[str, Any] = json.loads(file.read())
    return data


def write(path: Any, data: dict[str, Any]) -> None:
    """Write a table compactly and deterministically (for the scripts that build them)."""
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")


def packed_ints(values: Iterable[int], typecode: str = "i") -> str:
    """Ints (of an array typecode: 32-bit signed by default) as base64 of their
    little-endian bytes: a JSON string that loads at once."""
    data = array(typecode, values)
    if sys.byteorder == "big":
        data.byteswap()
    return base64.b64encode(data.tobytes()).decode("ascii")


def unpacked_ints(packed: str, typecode: str = "i") -> list[int]:
    data = array(typecode)
    data.frombytes(base64.b64decode(packed))
    if sys.byteorder == "big":
        data.byteswap()
    return data.tolist()


def packed_char_ints(values: Mapping[str, int]) -> dict[str, str]:
    """{char: int} as its chars in one string and their ints packed in the same order."""
    return {"chars": "".join(values), "ints": packed_ints(values.values())}


def unpacked_char_ints(packed: Mapping[str, str]) -> dict[str, int]:
    return dict(zip(packed["chars"], unpacked_ints(packed["ints"])))
