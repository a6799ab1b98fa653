"""Regexes compiled once at install time, not at every start.

The detectors build large regexes (classes of hundreds of characters, dozens of
branches), and Python's re module compiles patterns in pure Python: that was most of
the time of the first fix_text call. An install (setup.py, by scripts/record_patterns.py)
runs a sample of textfix's work and records what the regex engine was given for each
pattern compiled here, in `compiled_patterns.json` beside this module. At run time, the
same Python (same version and regex engine) builds those patterns straight from the
record. The engine checks the code it is given; any other pattern, another Python, or a
record that does not load is compiled by re as usual. Either way the patterns are the
same: the recorder keeps only records that rebuild into a pattern equal to re's (pattern
equality compares the compiled code), and the tests check the shipped record again.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import sys
from array import array
from functools import cache
from typing import Any, AnyStr

from textfix.model.tables import packed_ints, unpacked_ints

CODE_TYPECODE = "I"  # the engine's code words: unsigned, as wide as its CODESIZE (the tag checks it)
RECORD_PATH = os.path.join(os.path.dirname(__file__), "compiled_patterns.json")

# Every pattern asked for, by (pattern, flags): what the recorder records.
built: dict[tuple[str | bytes, int], re.Pattern[Any]] = {}


def compiled(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """re.compile(pattern, flags), built from the install's record when it holds the pattern."""
    key = (pattern, flags)
    found = built.get(key)
    if found is not None:
        return found
    entry = _recorded().get(key)
    if entry is not None:
        try:
            found = rebuilt(entry, pattern)
        except (RuntimeError, TypeError, ValueError):  # (what the engine says of code it refuses)
            found = None
    if found is None:
        found = re.compile(pattern, flags)
    built[key] = found
    return found


def engine() -> Any:
    # (the regex engine's C module, which re.compile ends by calling; it has no type stubs)
    return importlib.import_module("_sre")


def engine_tag() -> str:
    """What a record is valid for: the Python version and the regex engine's code format."""
    _sre = engine()
    return f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}-{array(CODE_TYPECODE).itemsize}"


def rebuilt(entry: dict[str, Any], pattern: AnyStr) -> re.Pattern[AnyStr]:
    """The pattern built by the regex engine from a record (as re.compile ends by doing)."""
    code = unpacked_ints(entry["code"], CODE_TYPECODE)
    pattern_built: re.Pattern[AnyStr] = engine().compile(
        pattern, entry["engine_flags"], code, entry["groups"], entry["groupindex"], tuple(entry["indexgroup"])
    )
    return pattern_built


def packed_code(code: list[int]) -> str:
    return packed_ints(code, CODE_TYPECODE)


@cache
def _recorded() -> dict[tuple[str | bytes, int], dict[str, Any]]:
    try:
        with open(RECORD_PATH, "rb") as file:
            record = json.loads(file.read())
        if record["engine"] != engine_tag():
            return {}
        return {
            (entry["pattern"].encode("latin-1") if entry["bytes"] else entry["pattern"], entry["flags"]): entry
            for entry in record["patterns"]
        }
    except (OSError, ValueError, KeyError, TypeError, ImportError):
        return {}
