"""Generate src/textfix/model/charmodel.json: the character models of clean text.

Source: the "train" half of the gettext catalogs (benchmarks/corpora.py), at most
PER_LANGUAGE strings per language so that no script dominates, and the English source
strings. Deterministic: the same catalogs give the same file.
Run: python scripts/build_model.py
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from corpora import gettext_strings  # noqa: E402

from textfix.model.charmodel import CLASS_NAMES, EDGE, class_of  # noqa: E402
from textfix.model.tables import packed_char_ints, packed_ints, table, write  # noqa: E402

OUT = ROOT / "src" / "textfix" / "model" / "charmodel.json"
PER_LANGUAGE = 3000
ENGLISH_SOURCE = 30000
MIN_CHAR_COUNT = 3
MIN_PAIR_COUNT = 3
SMOOTHING = 2.0  # pseudo-count spread over following classes by their overall frequency
SCALE = 100


def class_sizes() -> list[int]:
    sizes = [0] * len(CLASS_NAMES)
    classes = table("charclass")
    starts = list(classes["run_starts"]) + [0x110000]
    for start, end, class_id in zip(starts, starts[1:], classes["run_classes"]):
        sizes[class_id] += end - start
    return sizes


def main() -> None:
    strings = gettext_strings(half="train", per_language=PER_LANGUAGE)
    strings["en_source"] = gettext_strings(half="train", per_language=ENGLISH_SOURCE)["en_source"]
    width = EDGE + 1
    pairs: Counter[tuple[int, int]] = Counter()
    chars: Counter[str] = Counter()
    char_pairs: Counter[str] = Counter()
    lefts: Counter[str] = Counter()
    all_pairs: set[str] = set()
    for texts in strings.values():
        for text in texts:
            previous = EDGE
            for char in text:
                current = class_of(char)
                pairs[previous, current] += 1
                chars[char] += 1
                previous = current
            pairs[previous, EDGE] += 1
            for left, right in zip(text, text[1:]):
                lefts[left] += 1
                all_pairs.add(left + right)
                # Mojibake never changes a pair of ASCII characters, so those pairs are not needed.
                if not (left.isascii() and right.isascii()):
                    char_pairs[left + right] += 1

    followers: Counter[str] = Counter(pair[0] for pair in all_pairs)
    from_totals: Counter[int] = Counter()
    to_totals: Counter[int] = Counter()
    for (previous, current), count in pairs.items():
        from_totals[previous] += count
        to_totals[current] += count
    grand_total = sum(to_totals.values())
    # Unseen classes still get a little mass, so a never-seen transition is unlikely, not impossible.
    prior = [(to_totals[c] + 0.5) / (grand_total + 0.5 * width) for c in range(width)]
    transition = []
    for previous in range(width):
        total = from_totals[previous]
        for current in range(width):
            p = (pairs[previous, current] + SMOOTHING * prior[current]) / (total + SMOOTHING)
            transition.append(round(math.log(p) * SCALE))

    class_char_totals: Counter[int] = Counter()
    for char, count in chars.items():
        class_char_totals[class_of(char)] += count
    sizes = class_sizes()
    emission = {}
    for char, count in sorted(chars.items()):
        if count >= MIN_CHAR_COUNT:
            class_id = class_of(char)
            emission[char] = round(math.log(count / (class_char_totals[class_id] + sizes[class_id])) * SCALE)
    unseen = [
        round(math.log(1.0 / (class_char_totals[c] + sizes[c] + 1)) * SCALE) for c in range(len(CLASS_NAMES))
    ]
    unseen.append(0)  # EDGE emits nothing

    write(
        OUT,
        {
            "generated_by": "scripts/build_model.py",
            "transition": packed_ints(transition),
            "emission": packed_char_ints(emission),
            "unseen": unseen,
            "left_counts": packed_char_ints({c: n for c, n in sorted(lefts.items()) if n >= MIN_PAIR_COUNT}),
            "followers": packed_char_ints({c: n for c, n in sorted(followers.items()) if lefts[c] >= MIN_PAIR_COUNT}),
            "pairs": pairs_by_first_char({p: n for p, n in char_pairs.items() if n >= MIN_PAIR_COUNT}),
        },
    )
    print(f"{sum(len(t) for t in strings.values())} strings, {len(emission)} chars -> {OUT}")


def pairs_by_first_char(counts: dict[str, int]) -> dict[str, str]:
    """The pairs grouped by first char: the first chars, how many followers each has, the
    followers of each in a row, and their counts (ints packed, see tables.packed_ints).

    Forty thousand pairs load twenty times faster so than as a JSON object of their
    own, and the model only unpacks the groups it meets.
    """
    grouped: dict[str, dict[str, int]] = {}
    for pair, count in sorted(counts.items()):
        grouped.setdefault(pair[0], {})[pair[1]] = count
    return {
        "firsts": "".join(grouped),
        "sizes": packed_ints(len(after) for after in grouped.values()),
        "followers": "".join("".join(after) for after in grouped.values()),
        "counts": packed_ints(count for after in grouped.values() for count in after.values()),
    }


if __name__ == "__main__":
    main()
