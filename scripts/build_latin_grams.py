"""Build the letter-trigram models of the languages each Latin codepage was written in
(src/textfix/model/latin_grams.json; see textfix.model.latin_grams).

Each language's text is the train half of its gettext catalogs (software text, what
the library meets) and wordfreq's list of its words, each counted as often as it is
used. The two sources weigh the same within a language, and every language the same
within its codepage: Estonian, which wordfreq lacks, counts as much as Lithuanian among
Baltic text, Slovak as much as Polish among Central European text. The languages of an original codepage are
those textfix.languages says were written in it; those of cp1252, where misread text is
shown, also every other language whose letters it encodes (Albanian, Estonian): text
shown in it may be any of them, as it is. Only trigrams of probability
MIN_PROBABILITY or more are kept; any other gets UNSEEN in every model alike, so that
no model gains by its size. Deterministic. Run: python scripts/build_latin_grams.py
(needs wordfreq)
"""

from __future__ import annotations

import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

import wordfreq

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "scripts"), str(ROOT / "benchmarks")]

from build_alphabets import MIN_SHARE, kept_letters, writes  # noqa: E402
from build_misread_grams import LATIN_LANGUAGES, LEGACY_FORMS  # noqa: E402
from build_vocabulary import WORDS  # noqa: E402
from corpora import gettext_strings  # noqa: E402

from textfix.languages import LANGUAGES, base_language  # noqa: E402
from textfix.model.latin_grams import LOGP_SCALE, trigrams  # noqa: E402
from textfix.model.tables import write  # noqa: E402
from textfix.model.vocabulary import CODEPAGES  # noqa: E402

OUT = ROOT / "src" / "textfix" / "model" / "latin_grams.json"
MIN_PROBABILITY = 5e-6
SHOWN = "cp1252"
UNSEEN = math.log(MIN_PROBABILITY / 10)


def shares(counts: Counter[str]) -> dict[str, float]:
    total = sum(counts.values())
    return {gram: count / total for gram, count in counts.items()} if total else {}


def catalog_grams() -> tuple[dict[str, dict[str, float]], dict[str, Counter[str]]]:
    """Each catalog language's trigram shares, and its own letters (build_alphabets)."""
    texts: dict[str, list[str]] = defaultdict(list)
    for language, strings in gettext_strings("train").items():
        texts[base_language(language)].extend(strings)
    grams = {
        language: shares(Counter(gram for text in strings for gram in trigrams(text)))
        for language, strings in texts.items()
    }
    letters = {
        language: kept_letters(Counter(c for text in strings for c in text if c.isalpha()), MIN_SHARE)
        for language, strings in texts.items()
    }
    return grams, letters


def wordfreq_grams(language: str) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for word in wordfreq.top_n_list(language, WORDS):
        frequency = wordfreq.word_frequency(word, language)
        for gram in trigrams(word.translate(LEGACY_FORMS)):
            counts[gram] += frequency  # type: ignore[assignment]
    return shares(counts)


def main() -> None:
    catalogs, letters = catalog_grams()
    models = {}
    for name in CODEPAGES:
        members = sorted(
            language
            for language, codepages in LANGUAGES.items()
            if name in codepages or (name == SHOWN and bool(letters.get(language)) and writes(name, letters[language]))
        )
        total: Counter[str] = Counter()
        for language in members:
            sources = [catalogs[language]] if language in catalogs else []
            if language in LATIN_LANGUAGES:
                sources.append(wordfreq_grams(language))
            for grams in sources:
                for gram, share in grams.items():
                    total[gram] += share / len(sources) / len(members)  # type: ignore[assignment]
        kept = sorted((gram, share) for gram, share in total.items() if share >= MIN_PROBABILITY)
        models[name] = {
            "grams": "".join(gram for gram, _ in kept),
            "logps": [round(math.log(share) * LOGP_SCALE) for _, share in kept],
            "unseen": round(UNSEEN * LOGP_SCALE),
        }
        print(f"{name}: {len(members)} languages ({' '.join(members)}), {len(kept)} trigrams")
    write(OUT, {"generated_by": "scripts/build_latin_grams.py", "models": models})
    print(f"-> {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
