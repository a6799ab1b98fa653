"""Legacy text read with the wrong legacy codepage: "Ïðèâåò" (cp1251 read as cp1252) for "Привет".

No UTF-8 here to lean on: the bytes of the original codepage decode as something in
any other. What tells damage apart is how text looks: "Ïðèâåò" is three or more
Latin-1 letters in a row, which Western text almost never has; koi8-r read as cp1251
("рТЙЧЕФ") flips letter case inside words. Only text that looks like that goes on to
the candidates, each word re-read through every pair of codepages, and the evidence
model (model/legacy.json) weighs how much more plausible the character model finds the
word afterwards, and how many other words of the text the same pair improves.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from textfix.codecs import LEGACY_PAIRS, codepage
from textfix.findings import Finding
from textfix.model.charmodel import char_model
from textfix.model.evidence import UNUSUAL_OR_MARK, calibrated, has_rare_chars, weights

PAIR_SHARE = {pair: share for pair, share in zip(LEGACY_PAIRS, (0.2, 0.08, 0.04, 0.04, 0.08, 0.05, 0.04, 0.04,
                                                                 0.03, 0.04, 0.03, 0.05, 0.08, 0.04, 0.06,
                                                                 0.03, 0.03))}

# What each codepage's view of misread text shows (see the module docstring).
_LOOKS_MISREAD = {
    "cp1252": re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]{3}"),
    "cp1251": re.compile("[\u0430-\u045f\u0491][\u0400-\u042f\u0490]"),
    "koi8-r": re.compile("[\u0430-\u045f][\u0400-\u042f]"),
}
# Whitespace never falls inside a character of these codepages, ASCII punctuation can
# (the second byte of a GBK or Shift_JIS character): words run from space to space.
_WORD = re.compile(r"\S*[^\x00-\x7f]\S*")


class LegacyCandidate(NamedTuple):
    start: int
    end: int
    original: str  # the codepage the text was written in
    shown_as: str  # the codepage it was read with
    replacement: str


def may_hold_legacy_mojibake(text: str, pairs: tuple[tuple[str, str], ...]) -> bool:
    return any(_LOOKS_MISREAD[shown].search(text) for shown in {shown for _, shown in pairs})


_MULTI_BYTE = frozenset({"gbk", "big5", "shift_jis", "euc_jp", "euc_kr"})


def reread(word: str, original: str, shown_as: str) -> str | None:
    """`word` as the text it was in `original` before it was read with `shown_as`, if it decodes."""
    data = codepage(shown_as).encode(word)
    if data is None:
        return None
    if original in _MULTI_BYTE:
        try:
            return data.decode(original)
        except UnicodeDecodeError:
            return None
    decoded = codepage(original).decode(data)
    # bytes the original codepage leaves undefined: it was not that codepage
    return None if any("\x80" <= c <= "\x9f" or c == "\ufffd" for c in decoded) else decoded


def candidates(text: str, pairs: tuple[tuple[str, str], ...], hinted: bool = False) -> list[LegacyCandidate]:
    """Every word re-read through every pair whose shown codepage the text looks misread in
    (every pair, when the pairs come from a language hint)."""
    shown = {name for _, name in pairs if hinted or _LOOKS_MISREAD[name].search(text)}
    found = []
    for match in _WORD.finditer(text):
        word = match.group()
        for original, shown_as in pairs:
            if shown_as not in shown:
                continue
            replacement = reread(word, original, shown_as)
            if replacement is not None and replacement != word:
                found.append(LegacyCandidate(match.start(), match.end(), original, shown_as, replacement))
    return found


FEATURE_NAMES = (
    "total_gain",
    "gain_per_char",
    "improved_share",
    "words",
    "margin",
    "looks_misread_share",
    "replacement_is_rare",
    "all_caps_share",
    "worsened_share",
    "pair_prior",
    "alphabet_fixed_share",
    "alphabet_broken_share",
)


class PairReading(NamedTuple):
    """One pair of codepages read over the whole text: the words it improves, and how much."""

    original: str
    shown_as: str
    words: list[LegacyCandidate]  # the words whose re-reading is more plausible
    features: list[float]


def pair_readings(
    text: str, pairs: tuple[tuple[str, str], ...], hinted: bool = False, alphabet: frozenset[str] | None = None
) -> list[PairReading]:
    """Every pair's reading of the text, with its FEATURE_NAMES row.

    Legacy damage hits a whole text (a file, a field) through one pair, so the pair is
    judged on all the words it re-reads together; only the words it makes more
    plausible are repaired. With the `alphabet` of the hinted languages, a word in lower
    case whose letters come into that alphabet ("öðesi" into Turkish "öğesi") is improved
    whatever the character model says, and one whose letters leave it is not.
    """
    items = candidates(text, pairs, hinted)
    if not items:
        return []
    model = char_model()
    by_pair: dict[tuple[str, str], list[tuple[LegacyCandidate, float, float]]] = {}
    fixed: dict[tuple[str, str], int] = {}
    broken: dict[tuple[str, str], int] = {}
    for item in items:
        span = text[item.start : item.end]
        left, right = text[max(0, item.start - 1) : item.start], text[item.end : item.end + 1]
        gain = model.pair_logp(item.replacement, left, right) - model.pair_logp(span, left, right)
        evidence = min(gain, 0.0) if _no_evidence(span, item.replacement) else gain
        pair = (item.original, item.shown_as)
        if alphabet is not None:
            before, after = _foreign(span, alphabet), _foreign(item.replacement, alphabet)
            # (a capitalised word with foreign letters is most often a name: "São", "Liège";
            # a Latin word in Cyrillic text is a Latin word: "bépo" is not "bйpo")
            if before and not after and not _capitalised(span) and not _mixes_scripts(item.replacement):
                fixed[pair] = fixed.get(pair, 0) + 1
                gain, evidence = max(gain, ALPHABET_GAIN), max(evidence, ALPHABET_GAIN)
            elif after and not before:
                broken[pair] = broken.get(pair, 0) + 1
                gain, evidence = min(gain, 0.0), min(evidence, 0.0)
        by_pair.setdefault(pair, []).append((item, evidence, gain))
    words = len(_WORD.findall(text))
    # A language hint stands in for the pairs' overall shares: among the pairs it names,
    # each keeps its share of their total.
    scale = sum(PAIR_SHARE.get(pair, 0.01) for pair in pairs) if hinted else 1.0
    prior = {pair: PAIR_SHARE.get(pair, 0.01) / scale for pair in by_pair}
    totals = {pair: sum(max(evidence, 0.0) for _, evidence, _ in found) for pair, found in by_pair.items()}
    ranked = sorted(totals.values(), reverse=True)
    readings = []
    for pair, found in by_pair.items():
        improved = [item for item, _, gain in found if gain > 0]
        if not totals[pair]:
            continue
        total = totals[pair]
        rival = ranked[1] if ranked[0] == total and len(ranked) > 1 else ranked[0] if ranked[0] != total else 0.0
        chars = sum(item.end - item.start for item in improved)
        looks = sum(1 for item in improved if _LOOKS_MISREAD[item.shown_as].search(text, item.start, item.end))
        rare = sum(
            1
            for item in improved
            if has_rare_chars(item.replacement, UNUSUAL_OR_MARK)
        )
        # clean all-caps words (abbreviations) read through koi8-r as lower case
        caps = sum(1 for item in improved if _all_caps(text[item.start : item.end]))
        row = [
            math.asinh(total),
            total / chars,
            len(improved) / max(words, 1),
            math.log(len(improved)),
            math.asinh(total - rival),
            looks / len(improved),
            rare / len(improved),
            caps / len(improved),
            # clean text has words the pair makes worse ("документ" through koi8-r), damage hardly
            sum(1 for _, _, gain in found if gain < 0) / len(found),
            math.log(prior[pair]),
            fixed.get(pair, 0) / len(found),
            broken.get(pair, 0) / len(found),
        ]
        readings.append(PairReading(pair[0], pair[1], improved, row))
    return readings


# What a word brought into the hinted alphabet counts for, in nats, at least: about a
# clear character-model improvement of one letter.
ALPHABET_GAIN = 3.0


def _foreign(word: str, alphabet: frozenset[str]) -> bool:
    """Whether the word has a non-ASCII letter outside the alphabet."""
    return any(c.isalpha() and not c.isascii() and c not in alphabet for c in word)


def _mixes_scripts(word: str) -> bool:
    """ASCII letters beside letters of another script than Latin ("bйpo" from "bépo")."""
    return any(c.isascii() and c.isalpha() for c in word) and any(c.isalpha() and c > "\u024f" for c in word)


def _capitalised(word: str) -> bool:
    first = next((c for c in word if c.isalpha()), "")
    return first.isupper()


def _no_evidence(word: str, replacement: str) -> bool:
    """A word whose re-reading is repaired along with the rest, but proves nothing itself:
    a short word in capitals ("ГБ", "ЦХМ": an abbreviation as often as damage), a symbol
    read as a letter ("×" as "Ч"), or a word in lower case read as one in capitals."""
    letters = [c for c in word if c.isalpha()]
    if not letters or (len(letters) <= 3 and _all_caps(word)):
        return True
    return all(c.islower() for c in letters) and _all_caps(replacement)


def _all_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 1 and all(c.isupper() for c in letters)


def detect_legacy(
    text: str,
    pairs: tuple[tuple[str, str], ...],
    floor: float,
    hinted: bool = False,
    alphabet: frozenset[str] | None = None,
) -> list[Finding]:
    """The words the surest pair of codepages improves, if it is sure enough (>= floor).

    With `hinted` (the pairs come from the caller's languages), text that does not look
    misread is read too: the caller has said which codepages to expect, and `alphabet`
    which letters (see pair_readings).
    """
    if not pairs or text.isascii() or not (hinted or may_hold_legacy_mojibake(text, pairs)):
        return []
    readings = pair_readings(text, pairs, hinted, alphabet)
    if not readings:
        return []
    model = weights("legacy")
    confidence, best = max(((calibrated(r.features, model), r) for r in readings), key=lambda pair: pair[0])
    if confidence < floor:
        return []
    return [
        Finding(
            item.start,
            item.end,
            text[item.start : item.end],
            "legacy_mojibake",
            (item.original, item.shown_as),
            item.replacement,
            round(confidence, 4),
        )
        for item in best.words
    ]
