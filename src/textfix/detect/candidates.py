"""Candidate repairs of the suspect stretches of a text, through every codepage.

Around each odd pair, the non-ASCII runs are read through the codepages that can have
produced them. Words are read whole across the ASCII letters inside them, further
layers are peeled where they come off whole, and pieces of longer readings are dropped.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Final

from textfix.codecs import PRIOR_SHARE, UNDEFINED, codepage
from textfix.detect.mojibake import Candidate, candidates_for, scanner
from textfix.detect.readings import complete_readings, paired, role_masks
from textfix.detect.suspects import LOST_MARKS, may_hold_mojibake, stage_zero, suspect_pattern
from textfix.model.charmodel import char_model
from textfix.patterns import compiled

# Readings of a deeper layer within this many nats of the best count as rival guesses.
CLOSE_READINGS: Final = 2.0

# How far from an odd pair the reader still looks for damaged runs, in characters.
WINDOW_REACH: Final = 200

_NON_ASCII_RUN: Final = compiled("[^\x00-\x7f]+")
_ASCII: Final = compiled("[\x00-\x7f]")

def suspect_windows(text: str, codecs: tuple[str, ...]) -> list[tuple[int, int]]:
    """Stretches of text worth reading: the non-ASCII runs near an odd pair, with one char around.

    A run is taken when it holds a lead-continuation pair and lies within WINDOW_REACH
    characters of an odd pair, so a damaged text is read whole while a long clean text
    with one odd pair costs only the few runs around it. A run is always taken whole,
    even where it reaches past WINDOW_REACH: a window that ended inside a damaged word
    would leave its tail unread, to be repaired only when the text is read again.
    """
    pairs = stage_zero(codecs)
    windows: list[tuple[int, int]] = []
    position = 0  # the text before this has been read
    runs_end = len(text)  # no run begins at or after this
    while runs_end > 0 and ord(text[runs_end - 1]) < 0x80:
        runs_end -= 1
    # (the odd pairs are found one by one, as they are needed: a damaged line is read
    # to its end from its first, and finding the rest cost more than the reading)
    for match in suspect_pattern(codecs).finditer(text):
        if position >= runs_end:
            break
        centre = match.start()
        if centre + WINDOW_REACH < position:
            continue
        low = max(position, centre - WINDOW_REACH)
        for run in _NON_ASCII_RUN.finditer(text, low, centre + WINDOW_REACH):
            run_start, run_end = run.span()
            # the reach cuts runs, not words: each is read from its first character to its last
            if run_start == low:
                while run_start > position and ord(text[run_start - 1]) >= 0x80:
                    run_start -= 1
            if run_end < len(text) and ord(text[run_end]) >= 0x80:
                after = _ASCII.search(text, run_end)
                run_end = len(text) if after is None else after.start()
            start, end = max(0, run_start - 1), min(len(text), run_end + 1)
            # a run without a pair is not read again for the next odd pair
            position = max(position, run_end)
            if not pairs.search(text, start, end):
                continue
            # Runs of one word ("Ăś" and "Ă¤Ăź" in "ĂśbermĂ¤Ăźig") share a window.
            if windows and (
                windows[-1][1] >= start or _WORD_GAP.fullmatch(text, windows[-1][1] - 1, run_start) is not None
            ):
                windows[-1] = (windows[-1][0], max(windows[-1][1], end))
            else:
                windows.append((start, end))
            position = end
    return windows

def distinct_candidates(
    text: str, codecs: tuple[str, ...], windows: list[tuple[int, int]] | None = None, max_layers: int = 3
) -> list[Candidate]:
    """One candidate per distinct (span, replacement), named after the first codec giving it."""
    found: list[Candidate] = []
    leads, continuations = role_masks(codecs)
    for start, end in [(0, len(text))] if windows is None else windows:
        # Only codepages that show a lead before a continuation or stand-in in the window:
        # the others read nothing there (see candidates_for).
        relevant = paired(text, start, end, leads, continuations)
        if not relevant:
            continue
        # (the scanner's lookbehinds see the character before the window too)
        seen = set(text[max(0, start - 1) : end])
        read: list[str] = []  # the codepages whose candidates for this window are taken
        for index, name in enumerate(codecs):
            if not relevant >> index & 1 or any(read_alike(seen, other, name) for other in read):
                continue
            read.append(name)
            readings = _with_compounds(text, candidates_for(text, name, start, end), codecs)
            found.extend(_peeled(text, c, codecs, max_layers) for c in readings)
    found = _settle_deeper_layers(found)
    grouped: dict[tuple[int, int, str], Candidate] = {}
    for candidate in found:
        grouped.setdefault((candidate.start, candidate.end, candidate.replacement), candidate)
    return _drop_fragments(list(grouped.values()))

def read_alike(chars: set[str], first: str, second: str) -> bool:
    """Whether codepage `second` reads a window with these characters as `first` does.

    Codepages of one family share most of their upper halves (cp1252, ISO-8859-1,
    ISO-8859-15 and cp1254 all give "Ã©"): where they give every character of a window
    the same byte, their candidates for it are the same but for the codec named, and
    only the first one's are kept (see distinct_candidates).
    """
    differing, stand_ins_differ, spaces_differ = _differences(first, second)
    if stand_ins_differ and not chars.isdisjoint(LOST_MARKS):
        return False
    if spaces_differ and " " in chars:
        return False
    return chars.isdisjoint(differing)


@cache
def _differences(first: str, second: str) -> tuple[frozenset[str], bool, bool]:
    """The characters two codepages give different bytes (or only one of them has), and
    whether their scanners read a lost byte's stand-in ("?", U+FFFD) or a lost NBSP's
    (a space) differently."""
    # (a character's bytes differ exactly where the two tables put different characters;
    # each table's characters are made and hashed once, in _table_chars: made for each
    # pair, in a generator over the zipped tables, they cost 70 µs a pair)
    first_chars, second_chars = _table_chars(first), _table_chars(second)
    differing: set[str] = set()
    for index in range(len(first_chars)):
        one, other = first_chars[index], second_chars[index]
        if one != other:
            differing.add(one)
            differing.add(other)
    differing.discard(UNDEFINED)
    first_scanner, second_scanner = scanner(first), scanner(second)
    return (
        frozenset(differing),
        first_scanner.undefined != second_scanner.undefined,
        first_scanner.space_stands_in != second_scanner.space_stands_in,
    )


@cache
def _table_chars(name: str) -> tuple[str, ...]:
    """The 256 characters of the codepage's decoding table, each a string object of its own."""
    return tuple(codepage(name).decoding_table)


def _settle_deeper_layers(candidates: list[Candidate]) -> list[Candidate]:
    """Where a deeper layer reads several ways, take the chain the rest of the text shows.

    A text is damaged by one chain: if "Größe" peels through cp1250 without doubt, so
    does "spaß", though ISO-8859-2 reads its bytes as "spaü". Without such a witness
    the guess is not made and the candidate stays at the layer it reached.
    """
    witnessed = {c.deeper for c in candidates if c.deeper and not c.alternatives}
    result = []
    for candidate in candidates:
        if candidate.deeper in witnessed:
            result.append(candidate)
            continue
        for replacement, deeper, _ in candidate.alternatives:
            if deeper in witnessed:
                candidate = candidate.peeled_to(replacement, deeper, ())
                break
        result.append(candidate)
    return result

def _peeled(text: str, candidate: Candidate, codecs: tuple[str, ...], max_layers: int) -> Candidate:
    """The candidate with further layers peeled off its replacement, when they come off whole.

    "Р“В©" reads through cp1251 as "Г©", which is itself mojibake: judged by how
    plausible "Г©" is, the first layer looks like a poor repair; judged by "é", which
    is what the text said, it is a very good one.
    """
    replacement = candidate.replacement
    deeper: list[str] = []
    alternatives: list[tuple[str, tuple[str, ...], float]] = []
    model = char_model()
    left, right = text[max(0, candidate.start - 1) : candidate.start], text[candidate.end : candidate.end + 1]

    def plausibility(decoded: str, name: str) -> float:
        return model.pair_logp(decoded, left, right) + math.log(PRIOR_SHARE.get(name, 0.01))

    pairs = stage_zero(codecs)
    settled = False  # whether the text reached reads no better once more: it is the text
    while len(deeper) + 1 < max_layers and pairs.search(replacement):
        readings = complete_readings(replacement, codecs)
        if not readings:
            break
        # Several codepages may read the layer whole; the likeliest text decides, and it
        # must be likelier than the layer as it stands.
        scores = {decoded: plausibility(decoded, name) for decoded, (name, _) in readings.items()}
        best = max(scores, key=scores.__getitem__)
        if scores[best] <= model.pair_logp(replacement, left, right):
            settled = bool(deeper)
            break
        if len(readings) > 1:
            # Kept in case the rest of the text shows which chain it was.
            alternatives = [(decoded, (*deeper, name), scores[decoded]) for decoded, (name, _) in readings.items()]
        if sum(1 for score in scores.values() if score >= scores[best] - CLOSE_READINGS) > 1:
            break  # a guess between readings nearly as likely: peel no further
        deeper.append(readings[best][0])
        replacement = best
    kept = tuple(a for a in alternatives if not may_hold_mojibake(a[0], codecs))
    if not deeper and not kept:
        return candidate
    # A peel that ends in text still looking misread has not come off whole, unless that
    # text reads no better again: "Ă”" (Romanian "COMANDĂ”") would be "Ô" through cp1250.
    if deeper and not settled and may_hold_mojibake(replacement, codecs):
        return candidate.peeled_to(candidate.replacement, candidate.deeper, kept) if kept else candidate
    return candidate.peeled_to(replacement, tuple(deeper), kept)

_WORD_GAP: Final = compiled(r"[A-Za-z0-9]{1,12}")

def _joins_a_word(edge: str, replacement: str, codecs: tuple[str, ...]) -> bool:
    """Whether a reading can continue a word at this edge: a letter, or anything when the
    reading is itself mojibake, whose next layer decides ("Ä‚Ĺ‚" + "d" + "ÄąĹź" is "ód" + "ź")."""
    return edge.isalpha() or may_hold_mojibake(replacement, codecs)


def _with_compounds(text: str, candidates: list[Candidate], codecs: tuple[str, ...]) -> list[Candidate]:
    """The candidates of one codepage, plus one per word that several of them share.

    "aÄŸaÃ§" holds two sequences split by an ASCII letter; read together as "ağaç"
    they are far more convincing than either alone.
    """
    result = list(candidates)
    group: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: c.start) + [None]:
        if (
            candidate is not None
            and group
            and _joins_a_word(group[-1].replacement[-1:], group[-1].replacement, codecs)
            and _joins_a_word(candidate.replacement[:1], candidate.replacement, codecs)
            and _WORD_GAP.fullmatch(text, group[-1].end, candidate.start) is not None
        ):
            group.append(candidate)
            continue
        if len(group) > 1:
            pieces = []
            for previous, current in zip(group, group[1:]):
                pieces.append(previous.replacement + text[previous.end : current.start])
            pieces.append(group[-1].replacement)
            guesses = 1
            for member in group:
                guesses *= member.guesses
            result.append(
                Candidate(
                    group[0].start,
                    group[-1].end,
                    group[0].codec,
                    "".join(pieces),
                    any(member.lossy for member in group),
                    guesses,
                    sum(member.stranded for member in group),
                    parts=tuple(group),
                )
            )
        group = [] if candidate is None else [candidate]
    return result

def _drop_fragments(candidates: list[Candidate]) -> list[Candidate]:
    """Leave out a candidate that is only a piece of a longer one with the same reading.

    A codepage that cannot encode one character of a damaged word splits it into
    pieces; each piece repeats part of what another codepage reads in one go, and
    judged alone, among the damaged characters around it, it looks worse than it is.
    """
    ordered = sorted(candidates, key=lambda c: (c.start, -c.end))
    kept: list[Candidate] = []
    open_spans: list[Candidate] = []  # kept candidates that may still contain later ones
    for candidate in ordered:
        open_spans = [other for other in open_spans if other.end > candidate.start]
        if any(
            candidate.end <= other.end and candidate.replacement in other.replacement for other in open_spans
        ):
            continue
        kept.append(candidate)
        open_spans.append(candidate)
    return kept
