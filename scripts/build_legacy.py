"""Learn the legacy-codepage evidence weights (src/textfix/model/legacy.json, and
legacy_hinted.json for reading with a language hint).

Clean strings come from the "train" half of the gettext catalogs. Each is used as it is
(every candidate found in it is wrong) and, when some pair's original codepage can
encode it, damaged: its bytes in that codepage read with the pair's other one (whole
string, or one word). A candidate is right when it is read with the codepage the text
was shown in and its replacement is what its bytes were in the original codepage. The
regression is fitted on the train half, calibrated and reported on the test half.
Deterministic: fixed seeds. Run: python scripts/build_legacy.py [--per-language N]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks"), str(ROOT / "scripts")]

from build_evidence import fit_and_report  # noqa: E402
from corpora import gettext_strings  # noqa: E402

from textfix.codecs import LEGACY_PAIRS, codepage  # noqa: E402
from textfix.detect.legacy import (  # noqa: E402
    FEATURE_NAMES,
    LATIN_ORIGINALS,
    PAIR_SHARE,
    WORD,
    PairReading,
    may_hold_legacy_mojibake,
    pair_readings,
)
from textfix.languages import LANGUAGES, alphabet, base_language, legacy_pairs_for  # noqa: E402
from textfix.model.tables import write  # noqa: E402

OUT = ROOT / "src" / "textfix" / "model" / "legacy.json"  # and legacy_latin.json, legacy_hinted.json beside it


def make_example(
    language: str, text: str, rng: random.Random, own_codepages: bool = False
) -> tuple[str, tuple[str, str]] | None:
    """The text (or one of its words) in a pair's original codepage, read with its other
    one. With `own_codepages`, only a codepage the text's language was written in: a
    Latin codepage encodes most Latin languages, but Danish is no cp1257 text."""
    pairs = [
        pair
        for pair in LEGACY_PAIRS
        if _encodes(text, pair[0]) and (not own_codepages or pair[0] in LANGUAGES.get(language, ()))
    ]
    if not pairs:
        return None
    original, shown_as = rng.choices(pairs, weights=[PAIR_SHARE[p] for p in pairs])[0]
    start, end = 0, len(text)
    if rng.random() < 0.3:
        words = list(WORD.finditer(text))
        if words:
            start, end = rng.choice(words).span()
    damaged_piece = codepage(shown_as).decode(text[start:end].encode(original))
    if damaged_piece == text[start:end]:
        return None
    return text[:start] + damaged_piece + text[end:], (original, shown_as)


def _encodes(text: str, name: str) -> bool:
    try:
        text.encode(name)
    except UnicodeEncodeError:
        return False
    return not text.isascii()


Rows = tuple[list[list[float]], list[float], list[tuple[str, str, str, str]]]


def rows_for(
    texts: list[tuple[str, str]], seed: int, with_hints: bool = True, own_codepages: bool = False
) -> dict[bool, Rows]:
    """Rows per (text, pair), for reading without a hint (False) and with one (True).

    A row is right when repairing the words the pair improves gives the original. Each
    text is read as it is (clean) and damaged, without a hint where it looks misread,
    and (`with_hints`) with the pairs of a hint (its own language when clean, the
    damage's when damaged).
    """
    rng = random.Random(seed)
    rows: dict[bool, Rows] = {False: ([], [], []), True: ([], [], [])}

    def add(hinted: bool, text: str, original: str | None, readings: list[PairReading]) -> None:
        features, labels, notes = rows[hinted]
        for reading in readings:
            repaired = _applied(text, reading)
            features.append(reading.features)
            labels.append(1.0 if repaired == original else 0.0)
            notes.append(("clean" if original is None else "damaged", text, repaired, reading.original))

    for language, text in texts:
        if text.isascii():
            continue
        if may_hold_legacy_mojibake(text, LEGACY_PAIRS):
            add(False, text, None, pair_readings(text, LEGACY_PAIRS))
        if with_hints and language in LANGUAGES:
            add(True, text, None, pair_readings(text, legacy_pairs_for((language,)), True, alphabet((language,))))
        example = make_example(language, text, rng, own_codepages)
        if example is None:
            continue
        damaged, pair = example
        if may_hold_legacy_mojibake(damaged, LEGACY_PAIRS):
            add(False, damaged, text, pair_readings(damaged, LEGACY_PAIRS))
        if not with_hints:
            continue
        # the caller names the text's language, or else one written in the pair's codepage
        hint = language if pair[0] in LANGUAGES.get(language, ()) else next(
            code for code, names in LANGUAGES.items() if pair[0] in names
        )
        add(True, damaged, text, pair_readings(damaged, legacy_pairs_for((hint,)), True, alphabet((hint,))))
    return rows


def looks_misread(half: str) -> list[tuple[str, str]]:
    """Every clean string of the half that looks misread: few, and the hardest negatives
    for reading without a hint, so all of them are kept, not a sample."""
    return [
        (base_language(language), text)
        for language, texts in gettext_strings(half).items()
        for text in sorted(texts)
        if not text.isascii() and may_hold_legacy_mojibake(text, LEGACY_PAIRS)
    ]


def _applied(text: str, reading: PairReading) -> str:
    for item in sorted(reading.words, key=lambda w: -w.start):
        text = text[: item.start] + item.replacement + text[item.end :]
    return text


def strings(half: str, per_language: int) -> list[tuple[str, str]]:
    """(base language, text) samples."""
    found = []
    for language, texts in gettext_strings(half).items():
        sample = random.Random(language).sample(sorted(texts), min(per_language, len(texts)))
        found.extend((base_language(language), text) for text in sample)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-language", type=int, default=300)
    args = parser.parse_args()
    train_texts, test_texts = strings("train", args.per_language), strings("test", args.per_language // 2)
    misread_texts = looks_misread("train")

    def halves(own_codepages: bool, with_hints: bool) -> tuple[dict[bool, Rows], dict[bool, Rows]]:
        train = rows_for(train_texts, 1, with_hints, own_codepages)
        for part, more in zip(train[False], rows_for(misread_texts, 3, False, own_codepages)[False]):
            part.extend(more)
        return train, rows_for(test_texts, 2, with_hints, own_codepages)

    # Without a hint, readings between two Latin codepages get a model of their own
    # (model/legacy_latin.json): their evidence is a letter or two a word, and weighed
    # with the rest it would lower the bar for every other pair. It learns from damage
    # to the languages each Latin codepage was written in, the text it will meet; the
    # other models from any text a pair's codepage encodes, which gives them more.
    every_text = halves(own_codepages=False, with_hints=True)
    own_text = halves(own_codepages=True, with_hints=False)
    for hinted, name, latin in ((False, "legacy", False), (False, "legacy_latin", True), (True, "legacy_hinted", None)):
        train, test = own_text if latin else every_text
        (x, y, train_notes), (x_test, y_test, notes) = train[hinted], test[hinted]
        kept = [_fitted_by(latin, note) for note in train_notes]
        kept_test = [_fitted_by(latin, note) for note in notes]
        model = fit_and_report(
            name,
            FEATURE_NAMES,
            (np.array(x)[kept], np.array(y)[kept]),
            (np.array(x_test)[kept_test], np.array(y_test)[kept_test]),
            [note for note, keep in zip(notes, kept_test) if keep],
        )
        out = OUT.with_name(f"{name}.json")
        write(out, {"generated_by": "scripts/build_legacy.py", **model})
        print(f"-> {out}")


def _fitted_by(latin: bool | None, note: tuple[str, ...]) -> bool:
    """Whether a row belongs to the model for Latin-to-Latin readings (True), the one for
    the other pairs (False), or the hinted one, which takes every row (None)."""
    return latin is None or (note[3] in LATIN_ORIGINALS) == latin


if __name__ == "__main__":
    main()
