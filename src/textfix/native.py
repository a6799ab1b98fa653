"""i64, mypyc's native 64-bit integer, for the compiled modules' inner loops.

Compiled, arithmetic on i64 locals is plain C; on int it checks at every step whether
the number has outgrown a machine word. Not compiled, i64 is int.
"""

try:
    from mypy_extensions import i64
except ImportError:  # (mypy_extensions, which mypy brings, is no dependency of textfix)
    i64 = int  # type: ignore[misc]

__all__ = ["i64"]
