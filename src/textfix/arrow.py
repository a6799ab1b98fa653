"""pyarrow: fix_array() for string and large_string arrays, chunked or not.

    import pyarrow as pa
    from textfix.arrow import fix_array

    fix_array(pa.array(["cafÃ©", None, "cafÃ©"]))    # ["café", None, "café"]; nulls stay null

The array is dictionary-encoded in C, so each distinct value is repaired once, and the
result has the type of the input.
"""

from __future__ import annotations

from typing import TypeVar

import pyarrow as pa

from textfix.columns import fix_values
from textfix.config import Config, resolve

ArrayLike = TypeVar("ArrayLike", pa.Array, pa.ChunkedArray)


def fix_array(array: ArrayLike, config: Config | None = None, **settings: object) -> ArrayLike:
    """The array with every string repaired (textfix.fix_text); nulls and the type kept."""
    chosen = resolve(config, settings)
    if isinstance(array, pa.ChunkedArray):
        return pa.chunked_array([_fix_chunk(chunk, chosen) for chunk in array.chunks], type=array.type)
    return _fix_chunk(array, chosen)


def _fix_chunk(array: pa.Array, config: Config) -> pa.Array:
    if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
        raise TypeError(f"fix_array takes string or large_string arrays, not {array.type}")
    encoded = array.dictionary_encode()
    fixed = pa.array(fix_values(encoded.dictionary.to_pylist(), config), type=array.type)
    return fixed.take(encoded.indices)
