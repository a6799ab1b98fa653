"""Build the Bloom filter of the vocabulary's words (src/textfix/model/vocabulary_filter.json)
from the vocabulary table (run scripts/build_vocabulary.py first when that changes).

Two bits a word, at textfix.model.vocabulary.filter_positions: a lookup of a word whose
two bits are not both set is answered without searching the table. FILTER_BITS bits for
about 207,000 words leave about 3% of unlisted words passing.
Deterministic. Run: python scripts/build_vocabulary_filter.py
"""

from __future__ import annotations

import base64
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src")]

from textfix.model.tables import table, write  # noqa: E402
from textfix.model.vocabulary import FILTER_BITS, filter_positions  # noqa: E402

OUT = ROOT / "src" / "textfix" / "model" / "vocabulary_filter.json"


def main() -> None:
    bits = bytearray(FILTER_BITS // 8)
    lines = table("vocabulary")["words"].split("\n")
    for line in lines:
        for position in filter_positions(line.split("\t", 1)[0]):
            bits[position >> 3] |= 1 << (position & 7)
    write(OUT, {"bits": base64.b64encode(bytes(bits)).decode("ascii")})
    share = sum(bin(byte).count("1") for byte in bits) / FILTER_BITS
    print(f"{len(lines):,} words, {share:.1%} of {FILTER_BITS:,} bits set -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
