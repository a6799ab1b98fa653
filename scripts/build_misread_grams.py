"""Build the letter pairs and triples that mark Central European, Turkish and Baltic text
read as cp1252 (src/textfix/model/misread_grams.json).

Such text stays Latin: "znaèka" is "značka" (cp1250), "deðiþtir" is "değiştir" (cp1254),
"ið" is "iš" (cp1257). No symbol or case oddity gives it away, only letters in company
that Western text never keeps: "aè", "¿n", "ièi". For each of those codepages and each
language whose words it writes, the words of the language's wordfreq list are encoded
with it and read as cp1252; a gram (two letters with a non-ASCII one, or three with a
non-ASCII one in the middle) is kept when it is common in that misread text and clean
text hardly has it: in no language's wordfreq list above a small fraction of its
misread share, and at most once in the "train" half of the gettext catalogs.
Deterministic. Run: python scripts/build_misread_grams.py (needs wordfreq)
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import wordfreq

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from corpora import gettext_strings  # noqa: E402

from textfix.codecs import codepage  # noqa: E402
from textfix.detect.legacy import MISREAD_GRAM_LETTERS, MISREAD_GRAMS_SHOWN_AS  # noqa: E402
from textfix.model.tables import write  # noqa: E402

OUT = ROOT / "src" / "textfix" / "model" / "misread_grams.json"
ORIGINALS = ("cp1250", "cp1254", "cp1257")
# wordfreq's languages in Latin script: the clean side, and the misread side where a
# codepage writes them
LATIN_LANGUAGES = ("ca", "cs", "da", "de", "en", "es", "fi", "fil", "fr", "hu", "id", "is", "it", "lt", "lv", "ms",
                   "nb", "nl", "pl", "pt", "ro", "sh", "sk", "sl", "sv", "tr", "vi")
WORDS = 50_000
# Romanian written in cp1250 has the cedilla forms; wordfreq has the comma-below ones
LEGACY_FORMS = str.maketrans("șțȘȚ", "şţŞŢ")
MIN_PAIR_SHARE = 1e-5  # of a misread language's grams, weighted by word frequency
MIN_TRIPLE_SHARE = 5e-5
MAX_CLEAN_RATIO = 0.01  # clean share in any language, against the misread share
MAX_GETTEXT_COUNT = 1  # in about 4.7 million grams of the train half


def is_letter(char: str) -> bool:
    return char.isalpha() or char in MISREAD_GRAM_LETTERS


def grams(word: str) -> Iterator[str]:
    for first, second in zip(word, word[1:]):
        if is_letter(first) and is_letter(second) and not (first.isascii() and second.isascii()):
            yield first + second
    for first, middle, last in zip(word, word[1:], word[2:]):
        if not middle.isascii() and is_letter(first) and is_letter(middle) and is_letter(last):
            yield first + middle + last


def shares(words: list[tuple[str, float]]) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for word, frequency in words:
        for gram in grams(word):
            counts[gram] += frequency
    total = sum(counts.values()) or 1.0
    return {gram: count / total for gram, count in counts.items()}


def misread(word: str, original: str) -> str | None:
    try:
        data = word.translate(LEGACY_FORMS).encode(original)
    except UnicodeEncodeError:
        return None
    return codepage(MISREAD_GRAMS_SHOWN_AS).decode(data)


def written_in(words: list[tuple[str, float]], original: str) -> bool:
    """Whether the codepage writes the language: most of its common words, some changed by misreading."""
    common = [word for word, _ in words[:5000]]
    read = [(word, misread(word, original)) for word in common]
    encoded = [(word, shown) for word, shown in read if shown is not None]
    return len(encoded) >= 0.8 * len(common) and sum(word != shown for word, shown in encoded) >= 0.05 * len(common)


def main() -> None:
    words = {
        language: [(word, wordfreq.word_frequency(word, language)) for word in wordfreq.top_n_list(language, WORDS)]
        for language in LATIN_LANGUAGES
    }
    clean = {language: shares(found) for language, found in words.items()}
    in_gettext: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    for texts in gettext_strings("train").values():
        for text in texts:
            chars.update(text)
            for word in text.split():
                in_gettext.update(grams(word))
    kept: set[str] = set()
    for original in ORIGINALS:
        for language in LATIN_LANGUAGES:
            if not written_in(words[language], original):
                continue
            shown = [(word, misread(word, original), frequency) for word, frequency in words[language]]
            changed = [(read, frequency) for word, read, frequency in shown if read is not None and read != word]
            found = 0
            for gram, share in shares(changed).items():
                floor = MIN_PAIR_SHARE if len(gram) == 2 else MIN_TRIPLE_SHARE
                clean_share = max(table.get(gram, 0.0) for table in clean.values())
                if share >= floor and clean_share < share * MAX_CLEAN_RATIO and in_gettext[gram] <= MAX_GETTEXT_COUNT:
                    kept.add(gram)
                    found += 1
            print(f"{original} {language}: {found} grams")
    # Each gram is looked up from its rarest non-ASCII character in clean text, so
    # that the lookups start at few characters ("è" in "éè", not "é").
    anchored: dict[str, list[str]] = {}
    for gram in sorted(kept):
        anchor = min((c for c in gram if not c.isascii()), key=lambda c: (chars[c], c))
        anchored.setdefault(anchor, []).append(gram)
    write(OUT, {"generated_by": "scripts/build_misread_grams.py", "grams_by_anchor": anchored})
    print(f"{len(kept)} grams, {len(anchored)} anchors ({''.join(sorted(anchored))}) -> {OUT}")


if __name__ == "__main__":
    main()
