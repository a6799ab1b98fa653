"""Generate src/textfix/model/codepages.json: the sloppy table of each single-byte codepage
textfix reads by default (textfix.codecs: undefined bytes 0x80-0x9F decode to their C1
control, as browsers do).

Built from Python's own codecs: shipped, they spare the first fix_text the import of
twenty codec modules (about 7 ms). tests/test_build.py checks that they still match the
running Python's codecs. Run: python scripts/build_codepages.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "textfix" / "model" / "codepages.json"
sys.path.insert(0, str(ROOT / "src"))
if not OUT.exists():
    OUT.write_text("{}\n")  # (textfix reads the table at import: an empty one makes it use Python's codecs)

from textfix.codecs import SINGLE_BYTE_CODECS, sloppy_table  # noqa: E402
from textfix.model.tables import write  # noqa: E402


def main() -> None:
    write(OUT, {name: sloppy_table(name) for name in SINGLE_BYTE_CODECS})
    print(f"{len(SINGLE_BYTE_CODECS)} codepages -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
