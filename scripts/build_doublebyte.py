"""Learn the double-byte evidence weights (src/textfix/model/doublebyte.json).

Clean strings come from the "train" half of the gettext catalogs, with more of them
from the Chinese, Japanese and Korean catalogs, whose clean text holds most chance
readings. Each string is used as it is (every candidate found in it is wrong) and
damaged through a random double-byte codepage: whole, one non-ASCII word, or with a
run of U+FFFD put in first (the bytes of "锟斤拷"). A candidate in damaged text is right
when it covers whole damaged characters whose original bytes read as its replacement.
Bytes the codepage cannot decode are lost (U+FFFD): a candidate across them is right
when it keeps exactly what the surviving bytes prove. The
regression is fitted on the train half, calibrated and reported on the test half.
Deterministic: fixed seeds. Run: python scripts/build_doublebyte.py [--per-language N]
"""

from __future__ import annotations

import argparse
import codecs
import random
import re
import sys
from pathlib import Path
from typing import NamedTuple

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks"), str(ROOT / "scripts")]

from build_evidence import fit_and_report  # noqa: E402
from corpora import gettext_strings  # noqa: E402

from textfix.codecs import DOUBLE_BYTE_CODECS  # noqa: E402
from textfix.detect.doublebyte import (  # noqa: E402
    FEATURE_NAMES,
    LOST,
    PRIOR_SHARE,
    candidates,
    considered,
    features,
    has_double_byte_output,
    proven_reading,
)
from textfix.model.tables import write  # noqa: E402

OUT = ROOT / "src" / "textfix" / "model" / "doublebyte.json"
CJK_LANGUAGES = ("zh", "ja", "ko")
CJK_SHARE = 8  # clean CJK strings per language, as a multiple of --per-language
_WORD = re.compile(r"\S*[^\x00-\x7f]\S*")


def _codec(rng: random.Random) -> str:
    names = list(DOUBLE_BYTE_CODECS)
    return rng.choices(names, weights=[PRIOR_SHARE[name] for name in names])[0]


_LOST_BYTES: list[tuple[int, int]] = []


def _record_lost(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    _LOST_BYTES.append((error.start, error.end))
    return "\ufffd", error.end


codecs.register_error("textfix-build-record-lost", _record_lost)


def _damage(piece: str, codec: str) -> tuple[str, list[int], bytes]:
    """(the piece's UTF-8 read through the codepage, byte offset of each char and of the end,
    those bytes with LOST where the codepage could not decode them)."""
    data = bytearray(piece.encode("utf-8", "surrogatepass"))
    _LOST_BYTES.clear()
    damaged = bytes(data).decode(codec, "textfix-build-record-lost")
    lost = dict(_LOST_BYTES)
    offsets = [0]
    for char in damaged:
        position = offsets[-1]
        if char == "\ufffd" and position in lost:
            offsets.append(lost[position])
        else:
            offsets.append(position + len(char.encode(codec)))
    for start, end in _LOST_BYTES:
        data[start:end] = bytes([LOST]) * (end - start)
    return damaged, offsets, bytes(data)


class Damaged(NamedTuple):
    """A damaged stretch of a text: where it is and the original bytes behind its characters."""

    start: int
    end: int
    offsets: list[int]  # byte offset in `data` of each damaged char, and of the end
    data: bytes  # the original's UTF-8, LOST where the codepage could not decode a byte


def make_example(text: str, rng: random.Random) -> tuple[str, Damaged] | None:
    """(damaged text, the damaged stretch) or None."""
    codec = _codec(rng)
    mode = rng.random()
    if mode < 0.1:
        words = list(_WORD.finditer(text)) or [re.match("", text)]
        word = rng.choice(words)
        assert word is not None
        cut = rng.randint(word.start(), word.end())
        text = text[:cut] + "\ufffd" * rng.randint(1, 3) + text[cut:]
    if mode < 0.55:
        start, end = 0, len(text)
    else:
        words = list(_WORD.finditer(text))
        if not words:
            return None
        start, end = rng.choice(words).span()
    piece = text[start:end]
    damaged_piece, offsets, data = _damage(piece, codec)
    if damaged_piece == piece:
        return None
    damaged = text[:start] + damaged_piece + text[end:]
    return damaged, Damaged(start, start + len(damaged_piece), offsets, data)


def is_right(start: int, end: int, replacement: str, truth: Damaged) -> bool:
    """The candidate's characters are whole damaged characters whose bytes read as its replacement."""
    if not truth.start <= start < end <= truth.end:
        return False
    data = truth.data[truth.offsets[start - truth.start] : truth.offsets[end - truth.start]]
    if LOST in data:
        reading = proven_reading(data, 0)
        return reading is not None and reading[0] == len(data) and reading[1] == replacement
    try:
        return data.decode("utf-8") == replacement
    except UnicodeDecodeError:
        return False


def rows_for(
    texts: list[str], seed: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[tuple[str, str, str]]]:
    """Feature rows, labels, whether each candidate is lossy, and notes for the report."""
    rng = random.Random(seed)
    rows: list[list[float]] = []
    labels: list[float] = []
    lossy: list[bool] = []
    notes: list[tuple[str, str, str]] = []
    for text in texts:
        if text.isascii():
            continue
        if has_double_byte_output(text):
            items = considered(text, candidates(text, DOUBLE_BYTE_CODECS))[0]
            if items:
                rows.extend(features(text, items))
                labels.extend([0.0] * len(items))
                lossy.extend(item.lossy for item in items)
                notes.extend(("clean", text, item.replacement) for item in items)
        example = make_example(text, rng)
        if example is None:
            continue
        damaged, truth = example
        # Damage that lost bytes trains the lossy model only, damage that lost none the other.
        lost = LOST in truth.data
        items = [i for i in considered(damaged, candidates(damaged, DOUBLE_BYTE_CODECS))[0] if i.lossy == lost]
        if not items:
            continue
        rows.extend(features(damaged, items))
        for item in items:
            right = is_right(item.start, item.end, item.replacement, truth)
            labels.append(1.0 if right else 0.0)
            lossy.append(item.lossy)
            notes.append(("damaged", damaged, item.replacement))
    return np.array(rows), np.array(labels), np.array(lossy, dtype=bool), notes


def strings(half: str, per_language: int) -> list[str]:
    found = []
    for language, texts in gettext_strings(half).items():
        count = per_language * (CJK_SHARE if language.split("_")[0] in CJK_LANGUAGES else 1)
        found.extend(random.Random(language).sample(sorted(texts), min(count, len(texts))))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-language", type=int, default=300)
    args = parser.parse_args()
    x, y, lossy, _ = rows_for(strings("train", args.per_language), seed=1)
    x_test, y_test, lossy_test, notes = rows_for(strings("test", args.per_language // 2), seed=2)
    for name, keep, keep_test in (("doublebyte", ~lossy, ~lossy_test), ("doublebyte_lossy", lossy, lossy_test)):
        kept_notes = [note for note, k in zip(notes, keep_test) if k]
        train, test = (x[keep], y[keep]), (x_test[keep_test], y_test[keep_test])
        model = fit_and_report(name, FEATURE_NAMES, train, test, kept_notes, worst_count=10)
        out = OUT.with_name(f"{name}.json")
        write(out, {"generated_by": "scripts/build_doublebyte.py", **model})
        print(f"-> {out}")


if __name__ == "__main__":
    main()
