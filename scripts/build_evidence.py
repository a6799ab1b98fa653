"""Learn the evidence weights (src/textfix/model/evidence.json) from generated damage.

Clean strings come from the "train" half of the gettext catalogs. Each is used twice:
as it is (every candidate found in it is wrong) and damaged (whole, a few words, or
only its non-ASCII punctuation) through a random chain of one or two layers. A
candidate in damaged text is right when its span covers whole damaged characters and
its replacement is what they were before the outermost layer. A logistic regression
on the evidence features is fitted to those labels, and its calibration is reported on
the "test" half. Deterministic: fixed seeds.
Run: python scripts/build_evidence.py [--per-language N]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from corpora import gettext_strings  # noqa: E402

from textfix.codecs import PRIOR_SHARE, SINGLE_BYTE_CODECS, codepage  # noqa: E402
from textfix.detect.candidates import distinct_candidates, suspect_windows  # noqa: E402
from textfix.detect.layers import score_candidates  # noqa: E402
from textfix.detect.readings import sequences_in, whole_window_reading  # noqa: E402
from textfix.model.evidence import FEATURE_NAMES  # noqa: E402
from textfix.model.tables import write  # noqa: E402
from textfix.utf8 import MULTIBYTE_RUN  # noqa: E402

OUT = ROOT / "src" / "textfix" / "model" / "evidence.json"
L2 = 1e-3


def _lose_bytes(chars: str, page_name: str, mark: str) -> str:
    """What a lossy pipeline leaves: NBSP collapsed to a space, undefined bytes to `mark`."""
    undefined = {chr(b) for b in range(0x80, 0xA0) if codepage(page_name).decoding_table[b] == chr(b)}
    if not mark:  # only NBSP collapsed to a space, the commonest loss
        undefined = set()
    return "".join(" " if c == "\xa0" else mark if c in undefined else c for c in chars)


def _damage_piece(piece: str, codec: str, lost_mark: str | None = None) -> tuple[str, list[tuple[int, int, str]]]:
    """The damaged piece and, per original non-ASCII char, its damaged span and the char.

    With `lost_mark`, bytes are lost on the way, as in many real pipelines.
    """
    page = codepage(codec)
    damaged = []
    spans = []
    position = 0
    for char in piece:
        if char.isascii():
            damaged.append(char)
            position += 1
            continue
        chars = page.decode(char.encode("utf-8", "surrogatepass"))
        if lost_mark is not None:
            chars = _lose_bytes(chars, codec, lost_mark)
        damaged.append(chars)
        spans.append((position, position + len(chars), char))
        position += len(chars)
    return "".join(damaged), spans


def make_example(text: str, rng: random.Random) -> tuple[str, dict[tuple[int, int], str], bool]:
    """Damaged text, the right repair of each damaged span (start, end), and whether bytes were lost."""
    codec = rng.choices(SINGLE_BYTE_CODECS, weights=[PRIOR_SHARE[c] for c in SINGLE_BYTE_CODECS])[0]
    roll = rng.random()
    lost_mark = "" if roll < 0.15 else "?" if roll < 0.22 else "\ufffd" if roll < 0.3 else None
    mode = rng.random()
    words = text.split(" ")
    if mode < 0.4:
        chosen = set(range(len(words)))
    elif mode < 0.8:
        chosen = {i for i in range(len(words)) if rng.random() < 0.3} or {rng.randrange(len(words))}
    else:
        chosen = set()  # only punctuation and symbols are damaged, as in the seed file
    pieces: list[str] = []
    truth: dict[tuple[int, int], str] = {}
    position = 0
    for index, word in enumerate(words):
        if index:
            pieces.append(" ")
            position += 1
        if index in chosen:
            damaged, spans = _damage_piece(word, codec, lost_mark)
        elif mode >= 0.8:
            kept = "".join(c if c.isascii() or c.isalnum() else "\0" for c in word)
            damaged, spans = _damage_piece(word, codec)
            # undo the damage on letters: only the punctuation stays damaged
            if any(c == "\0" for c in kept):
                rebuilt, rebuilt_spans, shift = [], [], 0
                cursor = 0
                for start, end, char in spans:
                    rebuilt.append(damaged[cursor:start])
                    if char.isalnum():
                        rebuilt.append(char)
                        shift += (end - start) - 1
                    else:
                        rebuilt.append(damaged[start:end])
                        rebuilt_spans.append((start - shift, end - shift, char))
                    cursor = end
                rebuilt.append(damaged[cursor:])
                damaged, spans = "".join(rebuilt), rebuilt_spans
            else:
                damaged, spans = word, []
        else:
            damaged, spans = word, []
        for start, end, char in spans:
            truth[(position + start, position + end)] = char
        pieces.append(damaged)
        position += len(damaged)
    return "".join(pieces), truth, lost_mark is not None


def is_right(
    text: str, start: int, end: int, replacement: str, truth: dict[tuple[int, int], str], starts: dict[int, int]
) -> bool:
    """True when [start, end) is whole damaged chars (and ASCII between them) and `replacement` restores them."""
    expected = []
    position = start
    while position < end:
        span_end = starts.get(position)
        if span_end is None:
            if not text[position].isascii():
                return False
            expected.append(text[position])
            position += 1
            continue
        if span_end > end:
            return False
        expected.append(truth[(position, span_end)])
        position = span_end
    return bool(truth) and "".join(expected) == replacement


def whole_window_outcomes(text: str, truth: dict[tuple[int, int], str]) -> list[tuple[int, bool]]:
    """(sequences, right) for every whole-window reading the fast path would accept in `text`."""
    starts = {start: end for start, end in truth}
    windows = suspect_windows(text, SINGLE_BYTE_CODECS)
    regions = ([(windows[0][0], windows[-1][1])] if len(windows) > 1 else []) + windows
    outcomes = []
    for start, end in regions:
        reading = whole_window_reading(text[start:end], SINGLE_BYTE_CODECS)
        if reading is None:
            continue
        _, data = reading
        right = all(
            is_right(text, start + run.start(), start + run.end(), run.group().decode("utf-8"), truth, starts)
            for run in MULTIBYTE_RUN.finditer(data)
        )
        outcomes.append((sequences_in(data), right))
    return outcomes


WINDOW_OUTCOMES: list[tuple[int, bool]] = []


def rows_for(texts: list[str], seed: int) -> tuple[np.ndarray, np.ndarray, list[tuple[str, str, str, float]]]:
    rng = random.Random(seed)
    features: list[list[float]] = []
    labels: list[float] = []
    notes: list[tuple[str, str, str, float]] = []
    for text in texts:
        if text.isascii():
            continue
        candidates = distinct_candidates(text, SINGLE_BYTE_CODECS)
        for candidate, row in zip(candidates, score_candidates(text, candidates)):
            features.append(row)
            labels.append(0.0)
            notes.append(("clean", text, candidate.replacement, 0.0))
        WINDOW_OUTCOMES.extend(whole_window_outcomes(text, {}))
        damaged, truth, lossy = make_example(text, rng)
        # Bytes a codepage cannot decode at all (not even sloppily) leave U+FFFD: not recoverable.
        if not truth or ("\ufffd" in damaged and "\ufffd" not in text and not lossy):
            continue
        starts = {start: end for start, end in truth}
        WINDOW_OUTCOMES.extend(whole_window_outcomes(damaged, truth))
        candidates = distinct_candidates(damaged, SINGLE_BYTE_CODECS)
        for candidate, row in zip(candidates, score_candidates(damaged, candidates)):
            right = is_right(damaged, candidate.start, candidate.end, candidate.replacement, truth, starts)
            features.append(row)
            labels.append(1.0 if right else 0.0)
            notes.append(("damaged", damaged, candidate.replacement, float(right)))
    return np.array(features), np.array(labels), notes


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """L2-regularised logistic regression by Newton's method."""
    design = np.hstack([np.ones((len(x), 1)), x])
    weights = np.zeros(design.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ weights, -30, 30)))
        gradient = design.T @ (p - y) + L2 * len(y) * np.r_[0.0, weights[1:]]
        penalty = L2 * len(y) * np.diag(np.r_[0.0, np.ones(len(weights) - 1)])
        hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(weights[0]), weights[1:]


def predict(intercept: float, weights: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(intercept + x @ weights, -30, 30)))


def isotonic(p: np.ndarray, y: np.ndarray, min_count: int = 60) -> tuple[list[float], list[float]]:
    """Pool-adjacent-violators fit of accuracy against raw probability, as knots for interpolation.

    Bins are spaced evenly in log-odds, where the regression spreads its doubts, and
    merged until each holds at least `min_count` candidates.
    """
    logit = np.log(np.clip(p, 1e-9, 1 - 1e-9) / np.clip(1 - p, 1e-9, 1))
    edges = np.arange(-10.0, 10.5, 0.5)
    bins: list[list[float]] = []  # [accuracy, count, sum of p]
    for low, high in zip(edges[:-1], edges[1:]):
        mask = (logit >= low) & (logit < high) if high < 10 else logit >= low
        if mask.any():
            bins.append([float(y[mask].mean()), float(mask.sum()), float(p[mask].sum())])
    merged: list[list[float]] = []
    for accuracy, count, total in bins:
        if merged and merged[-1][1] < min_count:
            a, c, t = merged.pop()
            accuracy, count, total = (a * c + accuracy * count) / (c + count), c + count, t + total
        merged.append([accuracy, count, total])
    pooled: list[list[float]] = []
    for accuracy, count, total in merged:
        pooled.append([accuracy, count, total])
        while len(pooled) > 1 and pooled[-2][0] > pooled[-1][0]:
            a2, c2, t2 = pooled.pop()
            a1, c1, t1 = pooled.pop()
            pooled.append([(a1 * c1 + a2 * c2) / (c1 + c2), c1 + c2, t1 + t2])
    xs = [0.0] + [total / count for _, count, total in pooled] + [1.0]
    ys = [0.0] + [accuracy for accuracy, _, _ in pooled] + [1.0]
    return [round(float(x), 6) for x in xs], [round(float(v), 6) for v in ys]


def calibration_table(p: np.ndarray, y: np.ndarray) -> list[str]:
    lines = ["confidence  candidates  right"]
    edges = [0.0, 0.05, 0.2, 0.5, 0.8, 0.9, 0.95, 0.99, 1.0001]
    for low, high in zip(edges, edges[1:]):
        mask = (p >= low) & (p < high)
        if mask.any():
            lines.append(f"{low:.2f}-{min(high, 1):.2f}  {int(mask.sum()):10d}  {y[mask].mean():.3f}")
    return lines


def fit_and_report(
    label: str,
    feature_names: tuple[str, ...],
    train: tuple[np.ndarray, np.ndarray],
    test: tuple[np.ndarray, np.ndarray],
    notes: list[tuple[str, ...]],
    worst_count: int = 15,
) -> dict[str, object]:
    """Fit the regression on `train`, calibrate it on half of `test` and report on the other half.

    Returns the model table (intercept, weights, isotonic knots) for the caller to write.
    `notes` are (kind, text, replacement, ...) per test row, for the worst mistakes.
    """
    x, y = train
    x_test, y_test = test
    print(f"{label}: {len(y)} candidates, {int(y.sum())} right")
    intercept, weights = fit(x, y)
    for name, weight in zip(feature_names, weights):
        print(f"  {name:22s} {weight:+.4f}")
    print(f"  {'intercept':22s} {intercept:+.4f}")
    raw = predict(intercept, weights, x_test)
    fitting = np.arange(len(raw)) % 2 == 0
    knots_x, knots_y = isotonic(raw[fitting], y_test[fitting])
    p_test = np.interp(raw, knots_x, knots_y)
    print("calibration on held-out strings not used for fitting:")
    print("\n".join(calibration_table(p_test[~fitting], y_test[~fitting])))
    worst = sorted((r for r in zip(p_test, y_test, notes) if r[1] == 0), key=lambda r: -r[0])[:worst_count]
    print("most confident wrong candidates (held out):")
    for p, _, (kind, text, replacement, *_) in worst:
        print(f"  {p:.3f} {kind} {text[:60]!r} -> {replacement!r}")
    return {
        "intercept": round(intercept, 5),
        "weights": [round(float(w), 5) for w in weights],
        # isotonic map from the regression's probability to held-out accuracy
        "calibration_x": knots_x,
        "calibration_y": knots_y,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-language", type=int, default=300)
    args = parser.parse_args()
    train = [t for texts in gettext_strings("train", args.per_language).values() for t in texts]
    test = [t for texts in gettext_strings("test", args.per_language // 2).values() for t in texts]
    x, y, _ = rows_for(train, seed=1)
    x_test, y_test, notes = rows_for(test, seed=2)
    model = fit_and_report("train", FEATURE_NAMES, (x, y), (x_test, y_test), notes)
    whole_window = {}
    for sequences in (1, 2, 3, 4):
        outcomes = [right for count, right in WINDOW_OUTCOMES if min(count, 4) == sequences]
        # one imagined failure keeps a small bucket from claiming certainty
        whole_window[sequences] = round(sum(outcomes) / (len(outcomes) + 1), 4)
        print(f"whole-window readings with {sequences}{'+' if sequences == 4 else ''} sequences: "
              f"{len(outcomes)}, right {sum(outcomes)}")
    write(
        OUT,
        {
            "generated_by": "scripts/build_evidence.py",
            **model,
            # precision of whole-window readings by number of UTF-8 sequences (4: 4 or more)
            "whole_window": {str(k): v for k, v in whole_window.items()},
        },
    )
    print(f"-> {OUT}")


if __name__ == "__main__":
    main()
