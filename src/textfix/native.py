"""What the compiled modules' inner loops run on: i64, mypyc's native 64-bit integer,
and scan, textfix._scan (src/textfix/_scan.c), the loops over code points written in C.

Compiled, arithmetic on i64 locals is plain C; on int it checks at every step whether
the number has outgrown a machine word. Not compiled, i64 is int. scan is built with
the compiled modules and is None where it is not: each module that calls it keeps its
own loop for that case. (A module or None has no type of its own: each caller names the
functions it takes from scan with their types, in a Final.)
"""

from types import ModuleType

try:
    from mypy_extensions import i64
except ImportError:  # (mypy_extensions, which mypy brings, is no dependency of textfix)
    i64 = int  # type: ignore[misc]

scan: ModuleType | None
try:
    from textfix import _scan as scan
except ImportError:
    scan = None

__all__ = ["i64", "scan"]
