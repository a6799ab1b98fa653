"""Build the vocabulary of common words with non-ASCII letters in Latin-script languages
(src/textfix/model/vocabulary.json).

A legacy misreading between two Latin codepages changes one or two letters a word
("značka" shown as "znaèka" through cp1250 read as cp1252). The character model scores
letters by class, so it hardly tells those apart; whether the word before or after is a
word at all does. For each of wordfreq's Latin-script languages, its most common words
that have a non-ASCII letter, in lower case (ASCII words read the same in every
codepage). Deterministic. Run: python scripts/build_vocabulary.py (needs wordfreq)
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import wordfreq

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "scripts")]

# the same languages as the misread grams, Romanian in the same cedilla forms
from build_misread_grams import LATIN_LANGUAGES, LEGACY_FORMS  # noqa: E402

from textfix.model.tables import write  # noqa: E402

OUT = ROOT / "src" / "textfix" / "model" / "vocabulary.json"
WORDS = 30_000  # of each language's list: the words with a non-ASCII letter among them


def main() -> None:
    words: set[str] = set()
    for language in LATIN_LANGUAGES:
        found = {
            word.lower()
            for word in wordfreq.top_n_list(language, WORDS)
            # cased letters only: the lists hold some mojibake ("ºi" for Romanian "şi")
            if not word.isascii() and all(unicodedata.category(c) in ("Ll", "Lu") for c in word)
        }
        found |= {word.translate(LEGACY_FORMS) for word in found}
        print(f"{language}: {len(found)} words")
        words |= found
    # one sorted, newline-separated string: textfix.model.vocabulary searches it in place
    write(OUT, {"generated_by": "scripts/build_vocabulary.py", "words": "\n".join(sorted(words))})
    print(f"{len(words)} words -> {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
