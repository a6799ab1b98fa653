"""Build the alphabets of the hinted languages (src/textfix/model/alphabets.json).

For each language textfix knows single-byte legacy codepages of
(textfix.languages.LANGUAGES), the non-ASCII letters its translations use: those making
up at least 1 in 5,000 of its letters in the "train" half of the gettext catalogs, in
both cases; and those its everyday words use, which software strings seldom show
(French "œ", Macedonian "џ", Greek "ϊ"): at least 1 in 50,000 of the letters of
wordfreq's 30,000 commonest words of the language, each counted as often as the word is
used, where the language's codepage writes them. (Chinese, Japanese and Korean have
thousands of letters: no alphabet.) A letter outside every hinted language's alphabet
("ð" in Turkish, "ê" in Polish) is what a legacy misreading leaves.

Without a hint, the same counts over every language of the catalogs give the letter sets
of the languages written in each codepage of the Latin legacy pairs ("letter_sets"): a
language is written in a codepage when at most 3% of its non-ASCII letters fall outside
it. For an original codepage (cp1254) only the languages its shown codepage (cp1252)
cannot write count: Turkish, Kurdish, not French. The shown codepage's languages keep
their rarer letters too (1 in 50,000: French "ç" is 1 in 5,300 letters of the catalogs),
and those of their everyday words, as the alphabets (French "œ", in "cœur" and "œuvre",
is too rare in the catalogs: without it every French line with one was read through
every legacy pair), so that clean text is seldom taken for letters no language has. Only the largest sets
are kept, as the question asked of them is whether some set holds all of a text's letters.

The catalogs' other languages, written in no codepage textfix reads (Esperanto, Maltese,
Belarusian in Latin letters...), get alphabets of their Latin letters, by the same
measure among those ("other_alphabets"): a reading into "ŝ" or "ħ" is into a letter
people write. Their letters of other scripts are left out: those are what clean text of
a codepage's own script reads into by chance ("дД" is Armenian "Դ" as UTF-8 through
ISO-8859-5).
Deterministic. Run: python scripts/build_alphabets.py (needs wordfreq)
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

import wordfreq  # noqa: E402
from corpora import gettext_strings  # noqa: E402

from textfix.codecs import LEGACY_PAIRS, SINGLE_BYTE_CODECS, canonical_name  # noqa: E402
from textfix.detect.legacy import LATIN_ORIGINALS  # noqa: E402
from textfix.languages import LANGUAGES, base_language  # noqa: E402
from textfix.model.tables import write  # noqa: E402

OUT = ROOT / "src" / "textfix" / "model" / "alphabets.json"
MIN_SHARE = 1 / 5000
MIN_SHARE_SHOWN = 1 / 50000
MAX_UNWRITABLE = 0.03
MIN_SHARE_IN_WORDS = 1 / 50000
COMMON_WORDS = 30_000


def kept_letters(letters: Counter[str], min_share: float) -> Counter[str]:
    """The language's non-ASCII letters with a case, in lower case, those frequent enough
    to be its own."""
    total = sum(letters.values())
    lower: Counter[str] = Counter()
    for char, count in letters.items():
        if not char.isascii() and char.lower() != char.upper():
            folded = char.lower()
            lower[folded if len(folded) == 1 else char] += count
    return Counter({char: count for char, count in lower.items() if count >= max(5, total * min_share)})


def writable(text: str, name: str) -> bool:
    try:
        text.encode(name)
    except UnicodeEncodeError:
        return False
    return True


def writes(name: str, letters: Counter[str]) -> bool:
    """Whether codepage `name` writes a language with these letters (see kept_letters)."""
    unwritable = sum(count for char, count in letters.items() if not writable(char, name))
    return unwritable <= MAX_UNWRITABLE * sum(letters.values())


def letter_sets(by_language: dict[str, Counter[str]]) -> dict[str, list[str]]:
    """The largest letter sets of the languages written in each codepage of the Latin pairs."""
    pairs = [pair for pair in LEGACY_PAIRS if pair[0] in LATIN_ORIGINALS]
    shown = sorted({shown_as for _, shown_as in pairs})
    written: dict[str, dict[str, frozenset[str]]] = {}
    for name in sorted({name for pair in pairs for name in pair}):
        written[name] = {}
        for language, letters in by_language.items():
            # whether the codepage writes the language is judged on its own letters only
            kept = kept_letters(letters, MIN_SHARE)
            if writes(name, kept):
                everyday: set[str] = set()
                if name in shown:
                    kept = kept_letters(letters, MIN_SHARE_SHOWN)
                    everyday = {c.lower() for c in letters_in_words(language) if c.lower() != c.upper()}
                written[name][language] = frozenset(char for char in {*kept, *everyday} if writable(char, name))
    sets: dict[str, list[str]] = {}
    for name, languages in written.items():
        native = {
            language: letters
            for language, letters in languages.items()
            if name in shown or not any(language in written[other] for other in shown)
        }
        distinct = set(native.values())
        largest = [letters for letters in distinct if not any(letters < other for other in distinct)]
        sets[name] = sorted("".join(sorted(letters)) for letters in largest)
        print(f"{name}: {len(native)} languages ({' '.join(sorted(native))[:100]}), {len(largest)} letter sets")
    return sets


def latin_only(letters: Counter[str]) -> Counter[str]:
    return Counter({char: count for char, count in letters.items() if unicodedata.name(char, "").startswith("LATIN ")})


def letters_in_words(code: str) -> set[str]:
    """The non-ASCII letters of at least MIN_SHARE_IN_WORDS of the letters of the
    language's commonest words, weighted by use (none where wordfreq has no list)."""
    if code not in wordfreq.available_languages() or code in ("ja", "ko", "zh"):
        return set()
    weights: Counter[str] = Counter()
    for word in wordfreq.top_n_list(code, COMMON_WORDS):
        frequency = wordfreq.word_frequency(word, code)
        for char in word:
            if char.isalpha():
                weights[char] += frequency
    total = sum(weights.values())
    return {c for c, weight in weights.items() if not c.isascii() and weight >= total * MIN_SHARE_IN_WORDS}


def alphabets_of(counts: dict[str, Counter[str]], words: bool) -> dict[str, str]:
    """Each language's non-ASCII letters of at least MIN_SHARE of its letters (and, with
    `words`, of its everyday words), in both cases."""
    alphabets = {}
    for code, letters in sorted(counts.items()):
        total = sum(letters.values())
        if not total:
            continue
        kept = {c for c, n in letters.items() if not c.isascii() and n >= max(5, total * MIN_SHARE)}
        if words:
            # (wordfreq's lists hold some mojibake and some text of a neighbouring language:
            # only letters the language's own codepages write are taken, Romanian "ă" and
            # not the "ã" that cp1250 text read as cp1252 shows)
            kept |= {
                c
                for c in letters_in_words(code)
                if c.lower() != c.upper() and any(writable(c, name) for name in LANGUAGES[code])
            }
        kept |= {other for c in kept for other in (c.upper(), c.lower()) if len(other) == 1 and not other.isascii()}
        alphabets[code] = "".join(sorted(kept))
        print(f"{code}: {total:,} letters, {len(kept)} non-ASCII: {alphabets[code][:80]}")
    return alphabets


def main() -> None:
    single_byte = {canonical_name(name) for name in SINGLE_BYTE_CODECS}
    counts: dict[str, Counter[str]] = {
        code: Counter()
        for code, names in LANGUAGES.items()
        if all(canonical_name(name) in single_byte for name in names)
    }
    every_language: dict[str, Counter[str]] = {}
    for language, texts in gettext_strings("train").items():
        code = base_language(language)
        letters = every_language.setdefault(code, Counter())
        for text in texts:
            letters.update(c for c in text if c.isalpha())
    for code in counts:
        counts[code].update(every_language.get(code, Counter()))
    alphabets = alphabets_of(counts, words=True)
    others = alphabets_of(
        {code: latin_only(letters) for code, letters in every_language.items() if code not in LANGUAGES},
        words=False,
    )
    sets = letter_sets(every_language)
    tables = {"alphabets": alphabets, "other_alphabets": others, "letter_sets": sets}
    write(OUT, {"generated_by": "scripts/build_alphabets.py", **tables})
    print(f"-> {OUT}")


if __name__ == "__main__":
    main()
