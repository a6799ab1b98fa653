"""Generate src/textfix/model/double_byte_automata.json: for each double-byte codepage the
check searches (textfix.detect.doublebyte), what each character's bytes do to the
automaton of textfix.detect.sequences_in_a_row, and its moves.

Built from Python's own codecs, which take about 40 ms for all of them: shipped, they
spare the first CJK text that wait. tests/test_build.py checks that they still match the
running Python's codecs. Run: python scripts/build_double_byte_automata.py
"""

from __future__ import annotations

import base64
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "textfix" / "model" / "double_byte_automata.json"
sys.path.insert(0, str(ROOT / "src"))
if not OUT.exists():
    OUT.write_text("{}\n")  # (an empty table makes textfix build the automata itself)

from textfix.codecs import DOUBLE_BYTE_CODECS  # noqa: E402
from textfix.detect.doublebyte import searched_codepages  # noqa: E402
from textfix.detect.sequences_in_a_row import built_automata  # noqa: E402
from textfix.model.tables import write  # noqa: E402


def main() -> None:
    names = searched_codepages(DOUBLE_BYTE_CODECS)
    packed = {
        name: {
            "plane": base64.b64encode(zlib.compress(found.plane, 9)).decode("ascii"),
            "moves": base64.b64encode(found.moves).decode("ascii"),
        }
        for name, found in zip(names, built_automata(names))
        if found is not None
    }
    write(OUT, packed)
    print(f"{len(packed)} codepages -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
