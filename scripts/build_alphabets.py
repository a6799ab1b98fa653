"""Build the alphabets of the hinted languages (src/textfix/model/alphabets.json).

For each language textfix knows single-byte legacy codepages of
(textfix.languages.LANGUAGES), the non-ASCII letters its translations use: those making
up at least 1 in 5,000 of its letters in the "train" half of the gettext catalogs, in
both cases. (Chinese, Japanese and Korean have thousands of letters: no alphabet.) A letter outside every hinted
language's alphabet ("ð" in Turkish, "ê" in Polish) is what a legacy misreading leaves.
Deterministic. Run: python scripts/build_alphabets.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from corpora import gettext_strings  # noqa: E402

from textfix.codecs import SINGLE_BYTE_CODECS, canonical_name  # noqa: E402
from textfix.languages import LANGUAGES, base_language  # noqa: E402
from textfix.model.tables import write  # noqa: E402

OUT = ROOT / "src" / "textfix" / "model" / "alphabets.json"
MIN_SHARE = 1 / 5000


def main() -> None:
    single_byte = {canonical_name(name) for name in SINGLE_BYTE_CODECS}
    counts: dict[str, Counter[str]] = {
        code: Counter()
        for code, names in LANGUAGES.items()
        if all(canonical_name(name) in single_byte for name in names)
    }
    for language, texts in gettext_strings("train").items():
        code = base_language(language)
        if code in counts:
            for text in texts:
                counts[code].update(c for c in text if c.isalpha())
    alphabets = {}
    for code, letters in sorted(counts.items()):
        total = sum(letters.values())
        if not total:
            continue
        kept = {c for c, n in letters.items() if not c.isascii() and n >= max(5, total * MIN_SHARE)}
        kept |= {other for c in kept for other in (c.upper(), c.lower()) if len(other) == 1 and not other.isascii()}
        alphabets[code] = "".join(sorted(kept))
        print(f"{code}: {total:,} letters, {len(kept)} non-ASCII: {alphabets[code][:80]}")
    write(OUT, {"generated_by": "scripts/build_alphabets.py", "alphabets": alphabets})
    print(f"-> {OUT}")


if __name__ == "__main__":
    main()
