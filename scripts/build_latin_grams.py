"""Build the letter-trigram models of the Latin-script languages
(src/textfix/model/latin_grams.json; see textfix.model.latin_grams).

Each language's text is the train half of its gettext catalogs (software text, what
the library meets) and, where wordfreq has the language, its list of words, each counted
as often as it is used; the two sources weigh the same. A language is Latin when nine
of ten letters of its catalogs are; it is kept when its catalogs give MIN_TRIGRAMS or
more (a small language's model knows little beyond its catalogs' words, but those are
clean text it explains). Each language has its own model: a text is judged by the language it reads most
like, so that a small language (Friulian "formâts", Kurdish "Maldîvan") is not outweighed
by the big ones its codepage shares. Each original codepage names the languages that
are no explanation of text shown misread from it: those written in it
(textfix.languages), and those whose letters it writes and cp1252 does not. Only
trigrams of probability MIN_PROBABILITY or more are kept; any other gets UNSEEN in
every model alike, so that no model gains by its size.
The table also holds the models flat, as the library reads them at once (see
flat_tables). Deterministic. Run: python scripts/build_latin_grams.py (needs wordfreq);
with --flat-only, the flat tables are written again from the models the table holds,
without reading the corpora.
"""

from __future__ import annotations

import base64
import json
import math
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path

import wordfreq

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "scripts"), str(ROOT / "benchmarks")]

from build_alphabets import MIN_SHARE, kept_letters, writes  # noqa: E402
from build_misread_grams import LATIN_LANGUAGES, LEGACY_FORMS  # noqa: E402
from build_vocabulary import WORDS  # noqa: E402
from corpora import gettext_strings  # noqa: E402

from textfix.detect.legacy import LATIN_ORIGINALS, MISREAD_GRAMS_SHOWN_AS  # noqa: E402
from textfix.languages import LANGUAGES, base_language  # noqa: E402
from textfix.model.evidence import letter_script  # noqa: E402
from textfix.model.latin_grams import LOGP_SCALE, trigrams  # noqa: E402
from textfix.model.tables import packed_ints, unpacked_ints, write  # noqa: E402

OUT = ROOT / "src" / "textfix" / "model" / "latin_grams.json"
MIN_PROBABILITY = 1e-5
UNSEEN = math.log(MIN_PROBABILITY / 10)
MIN_TRIGRAMS = 2_000  # (Turkmen and Kashubian, read as Turkish and Polish, need models of their own)
MIN_LATIN_SHARE = 0.9


def shares(counts: Counter[str]) -> dict[str, float]:
    total = sum(counts.values())
    return {gram: count / total for gram, count in counts.items()} if total else {}


def catalog_grams() -> tuple[dict[str, Counter[str]], dict[str, Counter[str]]]:
    """The trigram counts of each Latin-script catalog language with text enough, and
    its own letters (build_alphabets)."""
    texts: dict[str, list[str]] = defaultdict(list)
    for language, strings in gettext_strings("train").items():
        texts[base_language(language)].extend(strings)
    found = {}
    own_letters = {}
    for language, strings in sorted(texts.items()):
        # ("en@quot" is English with other quotes; "sr@latin" a script of its own)
        if "@" in language and language.split("@")[0] in texts and not language.endswith("@latin"):
            continue
        letters = Counter(c for text in strings for c in text if c.isalpha())
        latin = sum(count for letter, count in letters.items() if letter_script(letter) == "LATIN")
        if latin < MIN_LATIN_SHARE * sum(letters.values()):
            continue
        counts = Counter(gram for text in strings for gram in trigrams(text))
        if sum(counts.values()) >= MIN_TRIGRAMS:
            found[language] = counts
            own_letters[language] = kept_letters(letters, MIN_SHARE)
    return found, own_letters


def wordfreq_grams(language: str) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for word in wordfreq.top_n_list(language, WORDS):
        frequency = wordfreq.word_frequency(word, language)
        for gram in trigrams(word.translate(LEGACY_FORMS)):
            counts[gram] += frequency  # type: ignore[assignment]
    return shares(counts)


def flat_tables(models: dict[str, dict[str, str]]) -> dict[str, str]:
    """The models as textfix.model.latin_grams reads them without a loop over them: every
    trigram of any model, in code point order, one after another; and for each a row of
    a byte per model, in the table's order of the models (the JSON's: by name), its
    log-probability as stored plus 128, or 255 where the model lacks it; compressed."""
    names = sorted(models)
    stored = {
        name: dict(zip(_cut(models[name]["grams"]), unpacked_ints(models[name]["logps"], "b"))) for name in names
    }
    grams = sorted({gram for logps in stored.values() for gram in logps})
    rows = bytes(
        255 if gram not in stored[name] else stored[name][gram] + 128 for gram in grams for name in names
    )
    return {
        "characters": "".join(sorted({char for gram in grams for char in gram})),
        "grams": "".join(grams),
        "rows": base64.b64encode(zlib.compress(rows, 9)).decode("ascii"),
    }


def _cut(grams: str) -> list[str]:
    return [grams[index : index + 3] for index in range(0, len(grams), 3)]


def main() -> None:
    if sys.argv[1:] == ["--flat-only"]:
        data = json.loads(OUT.read_text("utf-8"))
        data["flat"] = flat_tables(data["languages"])
        write(OUT, data)
        print(f"-> {OUT} ({OUT.stat().st_size // 1024} KB, flat tables of {len(data['languages'])} models)")
        return
    catalogs, letters = catalog_grams()
    models = {}
    for language, counts in catalogs.items():
        sources = [shares(counts)]
        if language in LATIN_LANGUAGES:
            sources.append(wordfreq_grams(language))
        total: Counter[str] = Counter()
        for grams in sources:
            for gram, share in grams.items():
                total[gram] += share / len(sources)  # type: ignore[assignment]
        kept = sorted((gram, share) for gram, share in total.items() if share >= MIN_PROBABILITY)
        models[language] = {
            "grams": "".join(gram for gram, _ in kept),
            "logps": packed_ints((round(math.log(share) * LOGP_SCALE) for _, share in kept), "b"),
        }
        print(f"{language}: {len(kept)} trigrams")
    # The languages that cannot explain text shown in cp1252 that reads through the
    # original: those written in it, and those whose letters it has and cp1252 lacks.
    originals = {
        name: sorted(
            language
            for language in models
            if name in LANGUAGES.get(language, ())
            or (writes(name, letters[language]) and not writes(MISREAD_GRAMS_SHOWN_AS, letters[language]))
        )
        for name in sorted(LATIN_ORIGINALS)
    }
    for name, members in originals.items():
        print(f"{name}: {' '.join(members)}")
    write(
        OUT,
        {
            "generated_by": "scripts/build_latin_grams.py",
            "languages": models,
            "flat": flat_tables(models),
            "originals": originals,
            "unseen": round(UNSEEN * LOGP_SCALE),
        },
    )
    print(f"-> {OUT} ({OUT.stat().st_size // 1024} KB, {len(models)} languages)")


if __name__ == "__main__":
    main()
