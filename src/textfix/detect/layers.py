"""Mojibake detection over up to `max_layers` layers of damage.

Each layer is read with every configured codepage; the evidence model scores each
distinct candidate, and the best non-overlapping ones are kept. The text with those
repairs applied is read again, so "ÃƒÂ©" becomes "Ã©" and then "é". Findings of the
later layers are mapped back onto the original text, with their chains joined.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Final

from textfix.blocks import BLOCK_CHARS, blocks, one_line_block
from textfix.codecs import SINGLE_BYTE_CODECS, codepage
from textfix.config import Config
from textfix.detect.candidates import distinct_candidates, read_alike, suspect_windows
from textfix.detect.clean import Checks, checks, may_show_a_sequence, screened_may_hold_mojibake
from textfix.detect.controls import C1_RUN, LATIN1_CHAIN, cp1252_view
from textfix.detect.controls import CONFIDENCE as C1_CONFIDENCE
from textfix.detect.doublebyte import detect_double_byte
from textfix.detect.legacy import (
    ALL_SEARCHES,
    all_explained,
    legacy_readings,
    may_hold_legacy_mojibake,
    non_ascii_covered,
)
from textfix.detect.mojibake import Candidate
from textfix.detect.readings import complete_readings, sequences_in
from textfix.detect.suspects import may_hold_mojibake, suspect_within
from textfix.findings import (
    DisjointSpans,
    Finding,
    apply_findings,
    compose_findings,
    new_alternative,
    new_finding,
    placed_spans,
)
from textfix.languages import effective_legacy_pairs
from textfix.model.charmodel import category_of, char_model, script_of
from textfix.model.evidence import (
    WHOLE_WINDOW_MIN_SEQUENCES,
    agree,
    confidence,
    layer_features,
    letter_script,
    letter_scripts,
    reading,
    whole_window_confidence,
)
from textfix.model.letters import has_unwritten_letters, language_letters_only, other_language_letters
from textfix.native import i64
from textfix.spans import gaps, union_of
from textfix.utf8 import chars_of, next_ascii, next_beyond_ascii, sequence_end

_PRIOR: Final = {name: rank for rank, name in enumerate(SINGLE_BYTE_CODECS)}

# Readings at least this likely on their own vouch for others of their chain nearby.
CORROBORATION_FLOOR: Final = 0.5
CORROBORATION_REACH: Final = 200
# Texts up to this long are first tried as one whole-window reading (every block of
# lines is: see blocks.py).
WHOLE_TEXT_LIMIT: Final = BLOCK_CHARS
# Below this, a candidate is noise rather than a doubtful finding, and is not reported.
REPORT_FLOOR: Final = 0.05
# How sure a UTF-8 reading of a whole legacy word must be for the two to be rival stories.
CONTESTED: Final = 0.5


class _Scored:
    """A candidate repair and how sure the evidence is of it. (A plain class, not a
    NamedTuple: compiled, it is made and read as a C struct.)"""

    def __init__(
        self,
        start: int,
        end: int,
        replacement: str,
        codec: str,
        lossy: bool,
        confidence: float,
        chain: tuple[str, ...],
        parts: tuple[Candidate, ...] = (),
    ) -> None:
        self.start = start
        self.end = end
        self.replacement = replacement
        self.codec = codec
        self.lossy = lossy
        self.confidence = confidence
        self.chain = chain
        self.parts = parts

    def _fields(self) -> tuple[object, ...]:
        return (self.start, self.end, self.replacement, self.codec, self.lossy, self.confidence, self.chain, self.parts)

    # (equal by value, as the NamedTuple it was: a layer scored again is scored alike)
    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Scored) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"_Scored{self._fields()!r}"

    def with_confidence(self, confidence: float) -> _Scored:
        return _Scored(
            self.start, self.end, self.replacement, self.codec, self.lossy, confidence, self.chain, self.parts
        )

    def named(self, codec: str, chain: tuple[str, ...]) -> _Scored:
        return _Scored(self.start, self.end, self.replacement, codec, self.lossy, self.confidence, chain, self.parts)


def score_candidates(text: str, candidates: list[Candidate]) -> list[list[float]]:
    readings = [
        reading(text, c.start, c.end, c.replacement, c.codec, c.lossy, c.guesses, c.stranded) for c in candidates
    ]
    return layer_features(text, readings)


def _reads_into_no_text(text: str, start: int, replacement: str) -> bool:
    """Whether a reading gives what chance readings of clean text give and damage hardly
    ever does: letters no text has (see has_unwritten_letters), or a mark of one script
    on a letter of another or none ("q" and an Arabic Quranic stop from "q\x80\x99", the
    remains of a quote). Marks of no one script (accents) combine with anything."""
    return has_unwritten_letters(replacement) or _a_mark_of_another_script(text, start, replacement)


def _a_mark_of_another_script(text: str, start: int, replacement: str) -> bool:
    """Whether the replacement begins with a mark of one script, and the letter before it
    (if any) is not of that script (see _reads_into_no_text)."""
    mark = replacement[:1]
    if not mark or category_of(mark) != "M":
        return False
    script = script_of(mark)
    return script != "COMBINING" and (start == 0 or letter_script(text[start - 1]) != script)


# The pipeline scores some layers twice: _explaining and _read_layers read the same
# repaired text one layer down, _read_better_as_utf8 reads the surface again at the
# reporting floor; a repair's later round reads again the text its first round peeled a
# layer of. The scoring is most of the cost of a layer, and the same each time: the last
# few of one detect_mojibake call, or of the calls of one repair, are kept (as a list
# replaced whole: another thread may read it meanwhile).
_SCORED_KEPT: Final = 4
_scored: list[tuple[str, tuple[str, ...], list[tuple[int, int]], int, list[Finding], list[_Scored]]] = []


def _score_layer(
    text: str,
    codecs: tuple[str, ...],
    windows: list[tuple[int, int]],
    max_layers: int,
    witnesses: Sequence[Finding] = (),
) -> list[_Scored]:
    """The candidates of the windows, each with its confidence (see _scored_layer)."""
    known = list(witnesses)
    kept = list(_scored)
    for seen_text, seen_codecs, seen_windows, seen_layers, seen_witnesses, scored in kept:
        if (
            seen_codecs is codecs
            and seen_layers == max_layers
            and seen_windows == windows
            and seen_text == text
            and seen_witnesses == known
        ):
            return list(scored)
    scored = _scored_layer(text, codecs, windows, max_layers, known)
    _scored[:] = [*kept[1 - _SCORED_KEPT :], (text, codecs, list(windows), max_layers, known, scored)]
    return list(scored)


def _scored_layer(
    text: str,
    codecs: tuple[str, ...],
    windows: list[tuple[int, int]],
    max_layers: int,
    witnesses: Sequence[Finding],
) -> list[_Scored]:
    candidates = distinct_candidates(text, codecs, windows, max_layers)
    rows = score_candidates(text, candidates)
    scored = [
        _Scored(
            c.start,
            c.end,
            c.replacement,
            c.codec,
            c.lossy,
            0.0 if _reads_into_no_text(text, c.start, c.replacement) else confidence(row),
            c.chain,
            c.parts,
        )
        for c, row in zip(candidates, rows)
    ]
    known = [_Scored(f.start, f.end, f.replacement, f.chain[-1], False, f.confidence, f.chain) for f in witnesses]
    # (after corroboration: a hyphenation point in one word vouches for none in another)
    return [
        s.with_confidence(min(s.confidence, HYPHENATION_CAP))
        if _a_break_inside_a_word(text, s.start, s.end, s.replacement)
        else s
        for s in _corroborated(text, scored, known)
    ]


# The most a reading of a soft hyphen or no-break space inside a word may score.
HYPHENATION_CAP: Final = 0.5
_BREAKS: Final = "\xad\xa0"
_SPACED_PUNCTUATION: Final = "!?:;%»"  # set off by a no-break space in French and others' typography


def _a_break_inside_a_word(text: str, start: int, end: int, replacement: str) -> bool:
    """A letter and a soft hyphen or no-break space between letters of its script: a
    hyphenation point ("Бума\xadны", "Та\xadңбашаны") or a bound space ("الصفوف\xa0الصفوف",
    or before spaced punctuation: "محیط\xa0!"), which read as "Э" through ISO-8859-5 (whose
    leads are the commonest Cyrillic letters) or as "ݠ" through cp1256. A cased lead must
    be in lower case, unless the reading is a letter no language writes ("С\xadледить"
    would be "ѭледить" through cp1251): damage shows capitals there ("Ã\xad" is "í",
    "Р\xad" is "Э"), and shows C1 controls and capitals around. (Three letters and a soft
    hyphen are Vietnamese damage as often: "nhįŗ\xadn" is "nhận" through cp1257.)"""
    if end - start != 2 or end >= len(text):
        return False
    lead, space, after = text[start], text[start + 1], text[end]
    if space not in _BREAKS:
        return False
    if lead.isupper() and not (replacement.isalpha() and not language_letters_only(replacement)):
        return False
    before = text[start - 1] if start else " "
    script = letter_script(lead)
    if script is None:
        return False
    if letter_script(before) != script:
        # at the start of a word, only a soft hyphen (hyphenation software keeps two
        # letters before one, hand-made ones may not: "д\xadруку")
        return space == "\xad" and not before.isalpha() and letter_script(after) == script
    return letter_script(after) == script or (space == "\xa0" and after in _SPACED_PUNCTUATION)


def _corroborated(text: str, scored: list[_Scored], witnesses: list[_Scored]) -> list[_Scored]:
    """Two likely readings through the same chain, close together, vouch for each other.

    Each is evidence that this stretch of text went through that chain; the chance that
    both are wrong is about the product of their doubts (noisy-or). Only the best
    neighbour counts, and only readings that are likely on their own take part, so
    that noise cannot add up. This keeps pairs like "Â«%sÂ»" from being half repaired.
    The same letters read the same way again are no second witness (as for support in
    layer_features): "НаН" twice, whose "аН" is "н" through ISO-8859-5, would vouch for
    itself.
    """
    scored = _named_as_witnessed(text, scored, witnesses)
    by_chain: dict[tuple[str, ...], list[_Scored]] = {}
    for item in scored + witnesses:
        # single layers only: a deeper peel is a guess about more than one codepage
        if item.confidence >= CORROBORATION_FLOOR and len(item.chain) == 2:
            by_chain.setdefault(item.chain, []).append(item)
    letters = {id(item): text[item.start : item.end].isalpha() for item in scored + witnesses}
    lifted: dict[int, float] = {}
    for items in by_chain.values():
        items.sort(key=lambda s: s.start)
        for position, item in enumerate(items):
            best = 0.0
            for other in items[max(0, position - 8) : position + 9]:
                near = abs(other.start - item.start) <= CORROBORATION_REACH
                apart = other.end <= item.start or other.start >= item.end
                if near and apart and not (letters[id(item)] and other.replacement == item.replacement):
                    best = max(best, other.confidence)
            if best:
                lifted[id(item)] = 1.0 - (1.0 - item.confidence) * (1.0 - best)
    return [s.with_confidence(lifted[id(s)]) if id(s) in lifted else s for s in scored]


def _named_as_witnessed(text: str, scored: list[_Scored], witnesses: list[_Scored]) -> list[_Scored]:
    """The readings, each of one layer named after a chain the sure findings around it
    (the witnesses) take, where its own chain has no other reading and theirs reads its
    characters alike.

    A candidate is named after the first codepage that gives it: "ΠΈ" is "и" through
    cp1253 and ISO-8859-7 alike, and named cp1253, it would have no witness among the
    sure ISO-8859-7 words around it (see _corroborated)."""
    witnessed: dict[tuple[str, ...], int] = {}
    for item in witnesses:
        if item.confidence >= CORROBORATION_FLOOR and len(item.chain) == 2:
            witnessed[item.chain] = witnessed.get(item.chain, 0) + 1
    if not witnessed:
        return scored
    others: dict[tuple[str, ...], int] = {}
    for item in scored:
        if item.confidence >= CORROBORATION_FLOOR:
            others[item.chain] = others.get(item.chain, 0) + 1
    by_witnesses = [chain for chain, _ in sorted(witnessed.items(), key=lambda pair: -pair[1])]
    renamed = []
    for item in scored:
        alone = others.get(item.chain, 0) <= (item.confidence >= CORROBORATION_FLOOR)
        if len(item.chain) == 2 and item.chain not in witnessed and alone:
            chars = set(text[max(0, item.start - 1) : item.end])
            for chain in by_witnesses:
                if read_alike(chars, item.codec, chain[1]):
                    item = item.named(chain[1], chain)
                    break
        renamed.append(item)
    return renamed


def _rank(item: _Scored) -> tuple[float, int, int, int]:
    return (-item.confidence, _PRIOR.get(item.codec, len(_PRIOR)), item.start, item.end)


def _select(text: str, scored: list[_Scored], floor: float) -> list[Finding]:
    """The best non-overlapping candidates of `text`, each with its best rival as runner-up."""
    by_start = sorted(scored, key=lambda s: (s.start, s.end))
    rival: dict[int, _Scored] = {}
    for position, item in enumerate(by_start):
        for following in range(position + 1, len(by_start)):  # (by index, as in layer_features)
            other = by_start[following]
            if other.start >= item.end:
                break
            if agree(item.start, item.end, item.replacement, other.start, other.end, other.replacement):
                continue
            for a, b in ((item, other), (other, item)):
                best = rival.get(id(a))
                if best is None or _rank(b) < _rank(best):
                    rival[id(a)] = b
    taken = DisjointSpans()
    chosen: list[_Scored] = []
    for item in sorted(scored, key=_rank):
        if item.confidence < floor:
            break
        if taken.take(item.start, item.end):
            chosen.append(item)
    findings = []
    for item in chosen:
        runner_up = rival.get(id(item))
        alternative = (
            None
            if runner_up is None or runner_up.confidence < REPORT_FLOOR
            else new_alternative(runner_up.chain, runner_up.replacement, runner_up.confidence)
        )
        # A word read whole is reported piece by piece: the ASCII letters between
        # its damaged pieces were never damaged.
        pieces = item.parts if item.parts and len(item.chain) == 2 else (item,)
        for piece in pieces:
            findings.append(
                new_finding(
                    piece.start,
                    piece.end,
                    text[piece.start : piece.end],
                    "lossy_mojibake" if piece.lossy else "mojibake",
                    item.chain,
                    piece.replacement,
                    item.confidence,
                    alternative if len(pieces) == 1 else None,
                )
            )
    findings.sort(key=lambda f: f.start)
    return findings


class _WholeReading:
    """A stretch of text read whole through one codepage (see whole_window_reading).

    (A plain class, not a NamedTuple: compiled, it is made and read as a C struct, where
    a NamedTuple is made through its Python __new__; every damaged line makes one or more.)
    """

    def __init__(
        self,
        codec: str,
        data: bytes,
        certainty: float,
        runs: list[tuple[int, int]],
        deferred: list[tuple[int, int]],
        inner: _WholeReading | None,
        decoded: str,
        damaged_beneath: bool,
    ) -> None:
        self.codec = codec
        self.data = data
        self.certainty = certainty
        self.runs = runs  # offsets of the damaged runs, odd enough to trust
        self.deferred = deferred  # spans of runs without an odd pair of their own
        self.inner = inner  # the reading of the text this one reads to, if not clean
        self.decoded = decoded  # the text it reads to
        self.damaged_beneath = damaged_beneath  # whether that text, read by no inner reading, still looks damaged


def _enough_for_a_whole_reading(text: str, start: i64, end: i64) -> bool:
    """Whether text[start:end] holds twice as many non-ASCII characters as the sequences
    a whole reading needs: a sequence is two bytes or more, and every codepage gives a
    non-ASCII character a byte beyond ASCII, so a window with fewer cannot have enough
    of them, whatever it reads as. (Compiled, a loop: a regex match cost more.)"""
    wanted: i64 = 2 * WHOLE_WINDOW_MIN_SEQUENCES
    for index in range(start, min(end, len(text))):
        if ord(text[index]) >= 0x80:
            wanted -= 1
            if wanted == 0:
                return True
    return False


# fix_text reads a damaged text whole before the full analysis, which begins by reading
# the same text whole: the last few readings are remembered (they are never changed), by
# text, a few a text. (Through an lru_cache each call made and hashed a tuple of its
# arguments, the codepages' names among them, and was a call through Python's protocol.)
_WHOLE_TEXTS_KEPT: Final = 8
_WHOLE_READINGS_A_TEXT: Final = 8
_whole_readings: dict[str, list[tuple[int, int, tuple[str, ...], int, float, bool, _WholeReading | None]]] = {}


def _read_whole(
    text: str, start: int, end: int, codecs: tuple[str, ...], layers: int, threshold: float, few: bool = False
) -> _WholeReading | None:
    """text[start:end] read whole through one codepage, if that reading is sure (see
    _read_whole_afresh)."""
    entries = _whole_readings.get(text)
    if entries is None:
        if len(_whole_readings) >= _WHOLE_TEXTS_KEPT:
            _whole_readings.clear()
        entries = _whole_readings[text] = []
    else:
        for seen_start, seen_end, seen_codecs, seen_layers, seen_threshold, seen_few, reading in entries:
            if (
                seen_start == start
                and seen_end == end
                and seen_layers == layers
                and seen_few == few
                and seen_threshold == threshold
                and seen_codecs == codecs
            ):
                return reading
    reading = _read_whole_afresh(text, start, end, codecs, layers, threshold, few)
    if len(entries) >= _WHOLE_READINGS_A_TEXT:
        del entries[0]
    entries.append((start, end, codecs, layers, threshold, few, reading))
    return reading


def _read_whole_afresh(
    text: str, start: int, end: int, codecs: tuple[str, ...], layers: int, threshold: float, few: bool
) -> _WholeReading | None:
    """text[start:end] read whole through one codepage, if that reading is sure.

    The text it reads to must be clean or, with layers to spare, read whole and sure
    once more, down to clean text.
    Runs without an odd pair of their own ("แจก", clean Thai, inside damaged cp874
    text) are not taken on trust: they are returned as spans for the full evidence.
    With `few` (a whole text), one or two sequences are read too, on stricter terms
    (see _few_sequences_reading).
    """
    enough = _enough_for_a_whole_reading(text, start, end)
    if not (enough or few):
        return None
    readings = complete_readings(text[start:end], codecs)
    reading = _one_reading(readings, codecs) if enough else None
    sequences = 0 if reading is None else sequences_in(reading[1])
    few_only = sequences < WHOLE_WINDOW_MIN_SEQUENCES
    # (the one reading of a layer over another is no text in place but mojibake itself:
    # "PΡ†β•£lva" is "Pц╣lva" through cp1253, "Põlva" through koi8-r beneath; it is judged
    # by the sure reading beneath)
    over_a_layer = False
    if few_only:
        reading = _few_sequences_reading(readings) if few else None
        if reading is None and few and layers > 1 and len(readings) == 1:
            decoded, (name, data) = next(iter(readings.items()))
            reading, over_a_layer = (name, data, decoded), True
    if reading is None:
        return None
    name, data, decoded = reading
    # too few sequences to be sure of: decided before the costlier tests of the layers
    if few_only:
        # (of the few-sequence reading, which may be another than the whole one counted above)
        sequences = sequences_in(data)
        certainty = whole_window_confidence(sequences, 1) if sequences < WHOLE_WINDOW_MIN_SEQUENCES else None
    else:
        certainty = _whole_reading_certainty(text[start:end], data, sequences)
    if certainty is None:
        return None
    inner = None
    looks_damaged = screened_may_hold_mojibake(decoded, codecs)
    if looks_damaged:
        if layers <= 1:
            return None
        inner = _read_whole(decoded, 0, len(decoded), codecs, layers - 1, threshold, few)
        if over_a_layer and not _sure(inner, threshold):
            return None
        # (a sure reading beneath with runs deferred to the full evidence vouches for this
        # layer all the same: the next layer's analysis reads those runs, and the whole
        # text is not scored sequence by sequence for a few of them)
        if not _sure_of_its_own(inner, threshold):
            # A text that reads as UTF-8 whole through no codepage has no UTF-8 layer
            # beneath as a whole: what is there (legacy text, a damaged word) is for the
            # next layer's own analysis ("ÌÝãåèïò óÞìáíóçò" is Greek through cp1253).
            if inner is not None or complete_readings(decoded, codecs):
                return None
            inner = None
    elif over_a_layer or _reads_whole_again(decoded, codecs):
        # Clean-looking, yet one layer short ("ГЋВіГЋВ»" is Greek through cp1252, cp1251
        # and cp1252 again): the full evidence decides where the layers end.
        return None
    runs, deferred = [], []
    # (each run reads into no text if its letters are unwritten: the whole reading is
    # searched for those once, not run by run)
    unwritten = has_unwritten_letters(decoded)
    # A run the sure reading beneath reads in turn reads into mojibake here, no text: it
    # is judged as text a layer down ("à¸±â\x80\x93" reads into Thai marks, which are
    # cp874 for "і"). (A run of the text is a run of what it reads into, one for one.)
    # So is a run it defers to the full evidence: that reading reads it as UTF-8 all the
    # same, and the next layer's analysis judges it in its place (a deferred span is its
    # run and a character either side).
    read_beneath = set(inner.runs) if inner is not None else set()
    deferred_beneath = inner.deferred if inner is not None else []
    decoded_at = 0  # where the run begins in `decoded`
    read_up_to = 0  # the end of the last run, in `data`
    first = next_beyond_ascii(data, 0)
    while first >= 0:
        last = next_ascii(data, first)
        run_start, run_end = start + first, start + last
        shown = text[run_start:run_end]
        # (the run's sequences are whole, between ASCII bytes: what they decode to lies
        # in `decoded` after the ASCII characters since the last run, one a byte)
        decoded_at += first - read_up_to
        read_up_to = last
        run_at = decoded_at
        run_end_at = decoded_at + chars_of(data, first, last)
        decoded_run = decoded[run_at:run_end_at]
        beneath = (bool(read_beneath) and (decoded_at, run_end_at) in read_beneath) or any(
            s <= decoded_at and run_end_at <= e for s, e in deferred_beneath
        )
        decoded_at = run_end_at
        if _a_break_inside_a_word(text, run_start, run_end, decoded_run) or (
            not beneath
            and (
                (language_letters_only(shown) and _glued_to_another_script(text, run_start, run_end, decoded_run))
                or (unwritten and has_unwritten_letters(decoded_run))
                or _a_mark_of_another_script(text, run_start, decoded_run)
            )
        ):
            return None
        around = (max(0, run_start - 1), min(len(text), run_end + 1))
        if suspect_within(text, around[0], around[1], codecs):
            runs.append((run_start, run_end))
        elif few_only:
            return None
        elif not beneath and _each_in_place(decoded, run_at, decoded_run):
            runs.append((run_start, run_end))
        else:
            deferred.append(around)
        first = next_beyond_ascii(data, last)
    return _WholeReading(name, data, certainty, runs, deferred, inner, decoded, looks_damaged and inner is None)


def _each_in_place(decoded: str, at: int, run: str) -> bool:
    """Whether each character of a run, at `at` in the text it reads into, is what clean
    text holds there (see _reads_into_place)."""
    return all(_reads_into_place(decoded, at + offset, char, one_side=True) for offset, char in enumerate(run))


def _glued_to_another_script(text: str, start: int, end: int, replacement: str) -> bool:
    """Whether text[start:end] would become letters of a script other than the letters it
    is glued to: clean Vietnamese "đúng" is "Уng" through cp852. Where the run is letters
    of some language as shown, which clean text may be, a reading that makes such a word
    is no whole reading: the full evidence decides, run by run. (Mojibake with a symbol
    in it, or a letter no language writes, may well read so: legacy text beneath,
    "ylimÐ´Ð´rÐ´inen" into "ylimддrдinen", "Ðµ" into the "е" of "Hеllo".)"""
    scripts = letter_scripts(replacement)
    if not scripts:
        return False
    for neighbour in (text[start - 1 : start] if start else "", text[end : end + 1]):
        script = letter_script(neighbour) if neighbour else None
        if script is not None and script not in scripts:
            return True
    return False


# How much likelier (in nats, by the character model) one whole reading of a window must
# be than every other to be taken over them. On "train" half strings damaged whole
# through each codepage (400 a codepage), the likeliest of several clean readings was the
# original in 595 of 596 cases at 3 nats or more, and in 28 of 45 below (held out: 610
# of 611, and 28 of 42).
RIVAL_READING_MARGIN: Final = 3.0


def _one_reading(readings: dict[str, tuple[str, bytes]], codecs: tuple[str, ...]) -> tuple[str, bytes, str] | None:
    """(codec, bytes, decoded) of the only whole reading of a window, or of the clearly
    likeliest of several.

    Codepages that differ in a few letters read one damaged text into texts that differ
    in those letters ("Γ€" is "ä" through ISO-8859-7, "À" through cp1253): the text was
    damaged through one of them, and read piece by piece, the letters they disagree on
    split their likelihood and stay, half the text repaired. The text decides between
    the whole readings.
    """
    if len(readings) == 1:
        decoded, (name, data) = next(iter(readings.items()))
        return name, data, decoded
    if not readings:
        return None
    model = char_model()
    scored = sorted(((model.pair_logp_beyond_ascii(decoded), decoded) for decoded in readings), reverse=True)
    (best_logp, best), (runner_up_logp, _) = scored[0], scored[1]
    if best_logp - runner_up_logp < RIVAL_READING_MARGIN or may_hold_mojibake(best, codecs):
        return None
    name, data = readings[best]
    return name, data, best


def _reads_whole_again(text: str, codecs: tuple[str, ...]) -> bool:
    """Whether `text` would itself read whole, with enough sequences to be trusted."""
    # (UTF-8 beyond ASCII needs a lead byte before a continuation: where no codepage
    # shows such a pair, the screen or one search says so, without a conversion through each)
    if not may_show_a_sequence(text, codecs):
        return False
    return any(
        _whole_reading_certainty(text, data, sequences_in(data)) is not None
        for _, data in complete_readings(text, codecs).values()
    )


def _whole_reading_certainty(shown: str, data: bytes, sequences: int) -> float | None:
    """How sure a whole reading of `shown` into these bytes (one a char) is, by how many
    sequences agree on it (`sequences`, as many as `data` holds), or None for too few. A
    sequence shown as letters may be clean text, and repeated it proves no more: clean
    Vietnamese "đích đích đích" holds "đí" thrice, which is "С" through cp852 ("Ð´"
    thrice, a letter and an accent, is "д")."""
    certainty = whole_window_confidence(sequences)
    if certainty is None:
        return None
    # (a second distinct sequence, or one not shown as letters, settles it: most texts
    # are settled by their first two)
    first = next_beyond_ascii(data, 0)
    first_end = sequence_end(data, first) if first >= 0 else 0
    start = first
    while start >= 0:
        end = sequence_end(data, start)
        if not _same_bytes(data, first, first_end, start, end) or not shown[start:end].isalpha():
            return certainty
        start = next_beyond_ascii(data, end)
    return None


def _same_bytes(data: bytes, start: i64, end: i64, other_start: i64, other_end: i64) -> bool:
    """Whether data[start:end] == data[other_start:other_end], without making either."""
    if end - start != other_end - other_start:
        return False
    return all(data[start + offset] == data[other_start + offset] for offset in range(end - start))


def _few_sequences_reading(readings: dict[str, tuple[str, bytes]]) -> tuple[str, bytes, str] | None:
    """(codec, bytes, decoded) of a whole text's reading of one or two sequences, where it
    is sure.

    Damage that leaves a word or two in a line ("ficheiro nĂ£o encontrado", "Â«%sÂ»") is
    read whole as surely as longer damage, with the measured precision of whole readings
    of that many sequences, where each sequence reads into what clean text holds there
    (see _reads_into_place). A sequence or two seldom tell codepages apart ("ÂĄ" is "¡"
    through ISO-8859-2 and "¥" through cp1250, "Γ΅" is "á" through cp1253 and "õ" through
    ISO-8859-7): where several readings are in place, the character model must prefer one
    by a margin wider than whole readings need (see _one_reading). Where a rival reads into a
    letter no language of the catalogs writes, or one only a language written in no
    codepage textfix reads does, the model is no judge: it prefers the commoner letter
    ("┼¥" is Esperanto "ŝ" through cp437, "ž" through cp852). Each run must also be odd
    where it stands (see _read_whole). Anything else is for the full evidence, which
    weighs the runs against clean text.
    """
    # (_read_whole turns away a reading of three sequences or more here)
    placed: list[tuple[str, bytes, str]] = []
    for decoded, (name, data) in readings.items():
        if _in_place(decoded, data, True):
            placed.append((name, data, decoded))
        elif _in_place(decoded, data, False):
            return None  # (a rival into a letter the tables lack)
    if not placed:
        return None
    if len(placed) == 1:
        return placed[0]
    model = char_model()
    # (readings of one text: they differ where it is beyond ASCII, see pair_logp_beyond_ascii)
    scored = sorted(
        ((model.pair_logp_beyond_ascii(decoded), index) for index, (_, _, decoded) in enumerate(placed)), reverse=True
    )
    if scored[0][0] - scored[1][0] < FEW_SEQUENCES_RIVAL_MARGIN:
        return None
    best = scored[0][1]
    # The model's preference for the commoner letter says little against a letter of a
    # language with little text (cp852's "ž" over cp437's Esperanto "ŝ"); a preference
    # for such a letter, against that pull, says much ("ĝ" of cp1257 over cp1252's "į").
    if any(_holds_letters_of_other_languages(placed[index][2]) for _, index in scored[1:]):
        return None
    return placed[best]


# How much likelier (natural log) the character model must find one of a few sequences'
# readings than every other. A character alone is weighed by how common it is more than
# by its neighbours: "Γ€" is French "À" and Swedish "ä" (through cp1253 and ISO-8859-7),
# and the model prefers "ä" by about 4.5 either way ("¥" over "¡" by 4.3). Above this
# margin no reading of the benchmarks' comparison lines (84,423, a third of them
# damaged) was wrong.
FEW_SEQUENCES_RIVAL_MARGIN: Final = 5.0


def _holds_letters_of_other_languages(text: str) -> bool:
    """Whether the text holds a letter only languages written in no codepage textfix reads
    use (Esperanto "ŝ"; see other_language_letters)."""
    others = other_language_letters()
    for index in range(len(text)):
        char = text[index]
        if ord(char) >= 0x80 and char in others:
            return True
    return False


def _in_place(decoded: str, data: bytes, written: bool) -> bool:
    """Whether each sequence of `data` reads into what clean text holds there (see
    _reads_into_place; `written`: as a letter some language writes, too)."""
    at = 0
    start = next_beyond_ascii(data, 0)
    while start >= 0:
        end = sequence_end(data, start)
        char = data[start:end].decode("utf-8")
        at = decoded.find(char, at)
        if not _reads_into_place(decoded, at, char, written):
            return False
        at += len(char)
        start = next_beyond_ascii(data, end)
    return True


# What a sequence may read into beside clean text, where it is no letter: punctuation, a
# space (NBSP), a currency sign, a Latin-1 symbol ("©", "°") or "™"; and inside a word,
# between two letters, only an apostrophe, a middle dot, a hyphen or NBSP.
_PLACED_ALONE: Final = frozenset(("Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Zs", "Sc"))
_INSIDE_A_WORD: Final = "’‘ʼ·‐‑\xa0"


def _reads_into_place(decoded: str, at: int, char: str, written: bool = True, one_side: bool = False) -> bool:
    """Whether `char`, at `at` in the repaired text, is what clean text holds there.

    A letter must be one some language writes (if `written`), of the script of the
    nearest letters on either side (clean Vietnamese "Mon-đô-va" is "Mon-Г-va" through
    cp852), and not a capital after a small letter ("kaŻmemoran" is "kaŝmemoran" read
    through ISO-8859-2 where cp1250 was right). Letters of three bytes and more are not
    taken alone: a CJK or Yi letter is what many a pair of legacy letters reads into by
    chance ("Âèä", Russian through cp1252, is "及" through mac-roman). Nor is a mark ("Ã©" is "̩"
    through mac-roman), nor a symbol inside a word ("fi»ôier" is a layer short of
    "fișier"). With `one_side`, the script of the nearest letters on one side will do.
    """
    point = ord(char)
    category = unicodedata.category(char)
    before_char = decoded[at - 1 : at]
    after_char = decoded[at + 1 : at + 2]
    if category in _PLACED_ALONE or (category[0] == "S" and point < 0x100) or char == "™":
        return char in _INSIDE_A_WORD or not (before_char.isalpha() and after_char.isalpha())
    if category[0] != "L" or point >= 0x800 or (written and not language_letters_only(char)):
        return False
    if char.isupper() and before_char.islower():
        return False
    script = letter_script(char)
    before = at - 1
    while before >= 0 and not decoded[before].isalpha():
        before -= 1
    after = at + 1
    while after < len(decoded) and not decoded[after].isalpha():
        after += 1
    before_agrees = before < 0 or letter_script(decoded[before]) == script
    after_agrees = after == len(decoded) or letter_script(decoded[after]) == script
    return (before_agrees or after_agrees) if one_side else (before_agrees and after_agrees)


def _sure(read: _WholeReading | None, threshold: float) -> bool:
    """Whether a whole reading repairs all of its text (and its inner layers, all of theirs)."""
    if read is None:
        return False
    layer: _WholeReading | None = read
    while layer is not None:
        if layer.deferred or layer.certainty < threshold:
            return False
        layer = layer.inner
    return True


def _sure_of_its_own(read: _WholeReading | None, threshold: float) -> bool:
    """Whether a whole reading is sure of the runs it reads itself (some may be deferred)."""
    return read is not None and read.certainty >= threshold


def _whole_window(
    text: str, start: int, end: int, config: Config, layers: int, few: bool = False
) -> tuple[list[Finding], list[tuple[int, int]]] | None:
    """Findings for text[start:end] read whole, and the spans left to the full evidence
    (`few`: see _read_whole)."""
    read = _read_whole(text, start, end, config.codecs, layers, config.threshold, few)
    if read is None:
        return None
    chain = ("utf-8", read.codec)
    findings = [
        # one byte per character: offsets in the window are offsets in its bytes
        new_finding(
            s, e, text[s:e], "mojibake", chain, read.data[s - start : e - start].decode("utf-8"), read.certainty
        )
        for s, e in read.runs
    ]
    return findings, list(read.deferred)


def repair_whole_text(text: str, settings: Checks) -> str | None:
    """What detect_mojibake's repairs make of a text damaged from end to end, or None,
    with the settings of a configuration's Checks (read as a C struct's, where a
    Config's are attributes of a Python object).

    The common shape of damaged text, repaired at C speed and without findings; the
    decisions are those of the whole-window readings in _detect_layer, layer by layer.
    None means the text needs the full analysis (or holds no damage at all).
    """
    if len(text) > WHOLE_TEXT_LIMIT:
        return None
    if not may_hold_mojibake(text, settings.codecs):
        return None
    read = _read_whole(text, 0, len(text), settings.codecs, settings.max_layers, settings.threshold, True)
    if read is None or not _sure(read, settings.threshold):
        return None
    innermost = read
    while innermost.inner is not None:
        innermost = innermost.inner
    # (what still looks damaged beneath is for the full analysis)
    return None if innermost.damaged_beneath else innermost.decoded


# Where sure surface findings end in C1 controls, _explaining reads the layer beneath them,
# which _read_layers then reads as its next layer: the same text, with the same settings.
# The last layer read is kept (one entry, replaced whole: threads may share it).
_last_layer_read: list[tuple[str, Config, float, int, tuple[Finding, ...]] | None] = [None]


def _detect_layer(text: str, config: Config, floor: float, layers: int) -> list[Finding]:
    """Findings in one layer of `text`, under which `layers` - 1 more may lie."""
    last = _last_layer_read[0]
    if last is not None and last[1] is config and last[2] == floor and last[3] == layers and last[0] == text:
        return list(last[4])
    findings = _read_one_layer(text, config, floor, layers)
    _last_layer_read[0] = (text, config, floor, layers, tuple(findings))
    return findings


def _read_one_layer(text: str, config: Config, floor: float, layers: int) -> list[Finding]:
    if not may_hold_mojibake(text, config.codecs):
        return []
    fast = None
    if len(text) <= WHOLE_TEXT_LIMIT:
        # A line damaged from end to end reads whole, in a few C-level conversions,
        # through all its layers: the next layer reads the same text whole again.
        fast = _whole_window(text, 0, len(text), config, layers, True)
    windows: list[tuple[int, int]] = []
    if fast is None:
        windows = suspect_windows(text, config.codecs)
        if len(windows) > 1:
            # Most damaged text is damaged throughout: read everything between the first
            # and the last window at once, where many sequences agreeing make it sure.
            # One layer only: the next layer's windows, found in the repaired text, may
            # be cut differently and not read whole again, which would leave a layer
            # half peeled.
            fast = _whole_window(text, windows[0][0], windows[-1][1], config, 1)
    findings: list[Finding] = []
    slow_windows: list[tuple[int, int]] = []
    if fast is not None:
        findings, slow_windows = fast
    else:
        for start, end in windows:
            found = _whole_window(text, start, end, config, 1)
            if found is None:
                slow_windows.append((start, end))
            else:
                findings.extend(found[0])
                slow_windows.extend(found[1])
    if slow_windows:
        taken = [(f.start, f.end) for f in findings]
        slow = _select(text, _score_layer(text, config.codecs, slow_windows, config.max_layers, findings), floor)
        findings.extend(f for f in slow if not any(f.start < e and s < f.end for s, e in taken))
    findings.sort(key=lambda f: f.start)
    return findings


def _surface_readings(text: str, config: Config, floor: float, found: list[Finding]) -> list[Finding]:
    """The surface findings plus double-byte and legacy readings.

    A sure legacy reading is a verdict on the whole text (it was written in one legacy
    codepage), so its words stay and the UTF-8 readings of the same characters go: in
    legacy text, a few pairs of characters read as UTF-8 by chance ("Ø§" in Thai read
    as cp1252). Without a language hint, UTF-8 read wrongly is the likelier story, so
    legacy readings are only looked for when the sure UTF-8 and double-byte readings
    explain less than half of the text's non-ASCII characters, leave it looking misread,
    or are chance letters (see _legacy_story). Elsewhere, where two readings overlap,
    the surer one stays.
    """
    wide = detect_double_byte(text, config.double_byte_codecs, floor, config.threshold)
    hinted = bool(config.languages)
    legacy: list[Finding] = []
    if hinted:
        legacy = legacy_readings(text, config, floor)
    else:
        sure = _explaining(text, found + wide, config)
        explained = [(f.start, f.end) for f in sure]
        unexplained = _mostly_unexplained(text, sure)
        # (where the sure readings explain every non-ASCII character, the legacy
        # reading counts no word: it is not looked for)
        if not all_explained(text, explained) and (unexplained or _may_be_misread_legacy(text, sure, config)):
            # doubtful readings without a hint are not even reported: most text that looks
            # misread to the cheap test is clean
            legacy = _screened_legacy_readings(text, config, floor, explained)
            if legacy and not unexplained and not _reads_better(text, legacy, sure):
                legacy = []
            if legacy and _read_better_as_utf8(text, legacy, config):
                legacy = []
        if not legacy and _chance_characters(sure) and _may_be_misread_legacy(text, sure, config):
            legacy = _legacy_story(text, config, floor, sure)
    if not wide and not legacy:
        return found
    verdict = [f for f in legacy if f.confidence >= config.threshold]
    rest = sorted(
        [f for f in legacy if f.confidence < config.threshold] + wide + found, key=lambda f: -f.confidence
    )
    taken = DisjointSpans()
    kept = [finding for finding in verdict + rest if taken.take(finding.start, finding.end)]
    return sorted(kept, key=lambda f: f.start)


# Text repaired into C1 controls is only ever a layer on the way to more repair ("â\x80\x99"
# reads on to "’"): where the repair ends in them, the reading was wrong. Legacy text
# misread as UTF-8 through a codepage with "¬" (0xC2) as a letter does that: "¬Ò¬í" is
# Cyrillic in EUC-KR shown as cp1252, not UTF-8 shown as mac-roman ("\x8e\x84"). So
# does a reading that leaves a C1 control right beside it, where UTF-8 read as a
# codepage would have taken it in: "\x8f«±" is "é" in EUC-JP shown as cp1252.
def _ends_clean(finding: Finding, text: str) -> bool:
    return not (
        _holds_c1(finding.replacement, 0, len(finding.replacement))
        or _holds_c1(text, finding.start - 1, finding.start)
        or _holds_c1(text, finding.end, finding.end + 1)
    )


def _holds_c1(text: str, start: i64, end: i64) -> bool:
    """Whether text[start:end] (clipped to the text) holds a C1 control. (Compiled, a loop
    over a few characters: a regex search cost ten times as much.)"""
    return any(0x80 <= ord(text[index]) <= 0x9F for index in range(max(start, 0), min(end, len(text))))


def _explaining(text: str, found: list[Finding], config: Config) -> list[Finding]:
    """The sure surface findings that explain their characters: those that end in C1
    controls do not, unless the next layer reads the text they make into text without."""
    sure = [f for f in found if f.confidence >= config.threshold]
    if all(_ends_clean(f, text) for f in sure):
        return sure
    current = apply_findings(text, sure)
    if config.max_layers > 1:
        deeper = _detect_layer(current, config, config.threshold, config.max_layers - 1)
        current = apply_findings(current, [f for f in deeper if f.confidence >= config.threshold])
    if C1_RUN.search(current) is None:
        return sure
    return [f for f in sure if _ends_clean(f, text)]


def _chance_characters(sure: list[Finding]) -> bool:
    """Whether the sure readings are each one letter of three bytes or more, all the UTF-8
    that letters of a legacy text make by chance ("Âèä" is "及" through mac-roman):
    damaged text shows runs of sequences, the two bytes of Latin and Cyrillic letters,
    or punctuation ("â€™" is "’")."""
    return bool(sure) and all(
        len(f.replacement) == 1 and f.replacement >= "\u0800" and f.replacement.isalpha() for f in sure
    )


def _legacy_story(text: str, config: Config, floor: float, sure: list[Finding]) -> list[Finding]:
    """The legacy reading of the whole text, where it takes in every sure UTF-8 reading
    and makes the text clearly more plausible than they do: two stories of the same
    characters. "Âèä Äà Íåò" is Russian "Вид Да Нет" read as cp1252, not "及 Äà ꌘ"
    (two chance UTF-8 readings through mac-roman, of a CJK and a Yi character, which
    vouch for each other). Else none."""
    story = _screened_legacy_readings(text, config, floor)
    if not story or not all(any(w.start <= f.start and f.end <= w.end for w in story) for f in sure):
        return []
    if not _reads_better(text, story, sure) or _read_better_as_utf8(text, story, config):
        return []
    return story


def _may_be_misread_legacy(text: str, sure: list[Finding], config: Config) -> bool:
    """Whether sure UTF-8 readings may yet be chance ones in legacy text: their repairs
    read as no further layer, and the text looks misread. (What they leave unrepaired
    may look like mojibake still: "«®" between "в®ў" read as "⮢" in cp866 text.)"""
    return (
        bool(sure)
        and may_hold_legacy_mojibake(text, effective_legacy_pairs(config.languages, config.legacy_pairs))
        and not any(may_hold_mojibake(f.replacement, config.codecs) for f in sure)
    )


# How much more plausible (in nats) the text repaired as legacy must be than the text
# repaired as UTF-8 for the legacy verdict to win where UTF-8 explains most of it.
LEGACY_OVER_UTF8: Final = 10.0


def _reads_better(text: str, legacy: list[Finding], sure: list[Finding]) -> bool:
    """Whether the legacy repair makes the text clearly more plausible than the UTF-8 one:
    "ɥᥤ" (UTF-8 read as cp1252, twice by chance) against "ドメイン" (EUC-JP read so)."""
    model = char_model()
    as_legacy, as_utf8 = apply_findings(text, legacy), apply_findings(text, sure)
    return model.pair_logp(as_legacy) > model.pair_logp(as_utf8) + LEGACY_OVER_UTF8


def _utf8_word(word: str, codecs: tuple[str, ...]) -> bool:
    """Whether a word reads whole as UTF-8 into clean text of several multi-byte characters
    that take four bytes or more beyond one a character (two of three bytes, an emoji):
    chance UTF-8 in legacy text is a pair of bytes or two."""
    return any(
        sequences_in(data) >= 2 and len(data) >= len(decoded) + 4 and not may_hold_mojibake(decoded, codecs)
        for decoded, (_, data) in complete_readings(word, codecs).items()
    )


def _read_better_as_utf8(text: str, legacy: list[Finding], config: Config) -> bool:
    """Whether doubtful UTF-8 readings of the legacy words make them more plausible than
    the legacy reading: "хМЧф║м" is "北京" through cp866 (0.91 sure), not "ИнюЖЎН".

    Or whether each legacy word is read whole as UTF-8, at least even odds: UTF-8 misread
    is the likelier story, and chance UTF-8 in legacy text ("Ä±" in GBK) covers a pair or
    two, not whole words. "ÔØñ´©Å" is "❤️" through cp850 (0.78 sure), not Big5 "婥騑怵":
    the character model never saw the emoji, so it cannot say which reads better. Doubts
    on fewer than half of the legacy words leave it as it is.
    """
    # (words the suspect filter lets pass, all capitals of one script, may still be
    # UTF-8 whole: "ЁЯОЙЁЯОВ" is "🎉🎂" through cp866, not "іспкіспч" through koi8-r)
    if all(_utf8_word(text[word.start : word.end], config.codecs) for word in legacy):
        return True
    surface = _detect_layer(text, config, REPORT_FLOOR, config.max_layers)
    doubtful = [f for f in surface if any(_overlap(f, word) for word in legacy)]
    if not doubtful:
        return False
    if all(
        any(f.confidence >= CONTESTED and f.start <= word.start and word.end <= f.end for f in doubtful)
        for word in legacy
    ):
        return True
    rivals = [word for word in legacy if any(_overlap(f, word) for f in doubtful)]
    # a doubt on a word or two of many is chance UTF-8 in legacy text: "ðá" is "Р"
    # through cp850 (0.72 sure) in twelve Lithuanian words read through cp1257
    if len(rivals) * 2 < len(legacy):
        return False
    model = char_model()
    return model.pair_logp(apply_findings(text, doubtful)) > model.pair_logp(apply_findings(text, rivals))


def _overlap(a: Finding, b: Finding) -> bool:
    return a.start < b.end and b.start < a.end


def _mostly_unexplained(text: str, sure: list[Finding]) -> bool:
    """Whether most non-ASCII characters of `text` lie outside these findings."""
    explained = sum(len(f.text) - len(f.text.encode("ascii", "ignore")) for f in sure)
    total = len(text) - len(text.encode("ascii", "ignore"))
    return explained * 2 < total


def _within_one_layer(finding: Finding, spans: tuple[list[int], list[int]]) -> bool:
    """A deeper finding must re-read whole outer repairs (one, or several side by side), or none.

    One that reads only part of an outer repair, or straddles it and untouched text,
    would mix layers in one replacement, and no chain of codecs explains it.
    """
    starts, ends = spans
    low, high = bisect_right(ends, finding.start), bisect_left(starts, finding.end)
    if low == high:
        return True
    if starts[low] != finding.start or ends[high - 1] != finding.end:
        return False
    return all(ends[i] == starts[i + 1] for i in range(low, high - 1))


def detect_mojibake(
    text: str,
    config: Config,
    min_confidence: float | None = None,
    blocks_read: dict[str, list[Finding]] | None = None,
    keep_scorings: bool = False,
) -> list[Finding]:
    """Mojibake findings in `text` with confidence >= min_confidence (default: the threshold).

    Text of several lines, or a line longer than a block, is read block by block (see
    blocks.py), and only the blocks whose lines the cheap checks do not all find clean
    (see clean.Checks.needs_reading).
    `blocks_read` keeps the findings of each block read with the same settings before,
    by its text: a block of long text that a repair elsewhere left as it was is not
    read again. With `keep_scorings` (a later call of one repair) the layers the last
    call scored are not scored again.
    """
    # (else the scorings kept are this call's: a text read again is scored again, as it
    # was before they were kept, and timing repeated calls measures what one call costs)
    if not keep_scorings:
        _scored[:] = []
    if one_line_block(text):
        return _detect_in(text, config, min_confidence)
    cheap = checks(config, config.threshold if min_confidence is None else min_confidence)
    found: list[Finding] = []
    for start, end in blocks(text):
        block = text[start:end]
        in_block = blocks_read.get(block) if blocks_read is not None else None
        if in_block is None:
            in_block = _detect_in(block, config, min_confidence) if cheap.needs_reading(block) else []
            if blocks_read is not None:
                blocks_read[block] = in_block
        found.extend(f._replace(start=f.start + start, end=f.end + start) if start else f for f in in_block)
    return found


def _detect_in(text: str, config: Config, min_confidence: float | None) -> list[Finding]:
    """detect_mojibake's findings in `text` read as one text.

    Only findings at or above `config.threshold` are peeled to deeper layers; doubtful
    ones are reported as read on the surface. Text with C1 controls may have been read
    as Latin-1 rather than cp1252: it is also read as the cp1252 it shows (see
    _read_through_latin1).
    """
    found = _read_layers(text, config, min_confidence)
    if C1_RUN.search(text) is None:
        return found
    through_latin1 = _read_through_latin1(text, found, config, min_confidence)
    if through_latin1 is not None:
        return through_latin1
    sure = [f for f in found if f.confidence >= config.threshold]
    beneath = _beside_repairs_through_latin1(text, sure, config)
    if beneath is None:
        return found
    return sorted(
        beneath + [f for f in found if f.confidence < config.threshold and not any(_overlap(f, g) for g in beneath)],
        key=lambda f: f.start,
    )


def _read_through_latin1(
    text: str, found: list[Finding], config: Config, min_confidence: float | None
) -> list[Finding] | None:
    """The findings in `text` read as the cp1252 text it was before a Latin-1 decoder
    turned cp1252's symbols into C1 controls, where that is the better story; else None.

    Legacy text is read as Latin-1 as often as as cp1252: "Szeroko\x9cæ" is Polish
    cp1250 "Szerokość", "\x9fo·¨" GBK "無法". As they stand, the controls beside
    letters read as nothing, or as chance UTF-8 ("Ì\x96" is a combining mark), and the
    letters around them as something else. Read as cp1252, the text is the misread
    legacy text the legacy readings know. (The view changes only controls, one
    character for one: its offsets are the text's.)
    """
    if max(text) > "\xff":
        return None
    view = cp1252_view(text)
    if view == text:
        return None
    threshold = config.threshold
    runs = [match.span() for match in C1_RUN.finditer(text)]
    sure = [f for f in found if f.confidence >= threshold]
    explained = not _uncovered(runs, sure)
    # (where UTF-8 readings explain the controls, a legacy reading can do better only
    # where they leave text that looks misread: "Ì\x96" is chance UTF-8 in GBK text)
    pairs = effective_legacy_pairs(config.languages, config.legacy_pairs)
    if explained and not may_hold_legacy_mojibake(apply_findings(text, sure), pairs):
        return None
    seen = _read_layers(view, config, min_confidence)
    sure_view = [f for f in seen if f.confidence >= threshold]
    if not sure_view:
        return None
    if explained:
        # both explain the controls: the legacy reading of the view must read clearly better
        if _uncovered(runs, sure_view) or all(f.chain[0] == "utf-8" for f in sure_view):
            return None
        if not _reads_better_than(view, sure_view, text, sure):
            return None
    findings = _controls_read_beside(text, view, runs, sure_view)
    for f in seen:
        if any(_overlap(f, control) for control in findings):
            continue
        shown = text[f.start : f.end]
        if shown == f.text:
            findings.append(f)
        elif f.chain[-1] == "cp1252":
            runner_up = f.runner_up
            if runner_up is not None:
                runner_up = (
                    runner_up._replace(chain=(*runner_up.chain[:-1], "iso8859-1"))
                    if runner_up.chain[-1] == "cp1252"
                    else None
                )
            findings.append(f._replace(text=shown, chain=(*f.chain[:-1], "iso8859-1"), runner_up=runner_up))
        elif f.confidence >= threshold:
            return None
    # A story told once: what the view's repairs leave must read as no further damage
    # (a word of GBK text beside UTF-8 ones, "cz臋艣ci", would be read again as "części").
    repaired = apply_findings(text, [f for f in findings if f.confidence >= threshold])
    if any(f.confidence >= threshold for f in _read_layers(repaired, config, None)):
        return None
    return sorted(findings, key=lambda f: f.start)


def _beside_repairs_through_latin1(text: str, sure: list[Finding], config: Config) -> list[Finding] | None:
    """The sure findings with text read through Latin-1 beside them, once they are
    applied, else None: "naÃ¯ve\x84Ïðèâåò\x93" is UTF-8 "ï" in cp1251 text read as
    Latin-1, and the text read through Latin-1 whole reads two stories at once, so
    none; read beside the repair, the rest is "„Привет“". (Left to a second pass, it
    would be repaired there.)"""
    if not sure:
        return None
    current = apply_findings(text, sure)
    beneath = _read_through_latin1(current, [], config, None)
    if beneath is None:
        return None
    return compose_findings(text, sure, current, beneath)


def _uncovered(runs: list[tuple[int, int]], findings: list[Finding]) -> list[tuple[int, int]]:
    """The parts of the runs outside every finding (a run may end inside one: "ç\x84¡æ³\x95\x93")."""
    covered = union_of((f.start, f.end) for f in findings)
    return [part for start, end in runs for part in gaps(covered, start, end)]


def _reads_better_than(view: str, view_findings: list[Finding], text: str, findings: list[Finding]) -> bool:
    model = char_model()
    as_view = apply_findings(view, view_findings)
    return model.pair_logp(as_view) > model.pair_logp(apply_findings(text, findings)) + LEGACY_OVER_UTF8


def _controls_read_beside(text: str, view: str, runs: list[tuple[int, int]], sure_view: list[Finding]) -> list[Finding]:
    """Findings for the controls no repair of the view takes in ("pou\x9eít" beside
    "buï": "použít" reads as cp1252 too), read through the legacy codepage the view's
    repairs agree on (cp1250 reads 0x9C as "ś", not cp1252's "œ"), else as cp1252."""
    originals = {f.chain[0] for f in sure_view if f.chain[0] != "utf-8"}
    original = originals.pop() if len(originals) == 1 else None
    confidence = min((f.confidence for f in sure_view), default=C1_CONFIDENCE)
    controls = []
    for start, end in _uncovered(runs, sure_view):
        if original is not None and original not in SINGLE_BYTE_CODECS:
            continue  # (half of a double-byte character, which no repair read: left as it is)
        if original is not None:
            replacement = codepage(original).decode(text[start:end].encode("latin-1"))
            chain: tuple[str, ...] = (original, "iso8859-1")
            sure_of = C1_CONFIDENCE if replacement == view[start:end] else confidence
        else:
            replacement, chain, sure_of = view[start:end], LATIN1_CHAIN, C1_CONFIDENCE
        if replacement != text[start:end]:
            controls.append(new_finding(start, end, text[start:end], "c1_control", chain, replacement, sure_of))
    return controls


def _read_layers(text: str, config: Config, min_confidence: float | None) -> list[Finding]:
    threshold = config.threshold
    floor = threshold if min_confidence is None else min(max(min_confidence, REPORT_FLOOR), threshold)
    surface = _surface_readings(text, config, floor, _detect_layer(text, config, floor, config.max_layers))
    applied = [f for f in surface if f.confidence >= threshold]
    doubtful = [f for f in surface if f.confidence < threshold]
    current = apply_findings(text, applied)
    peeled = 1
    looked: tuple[str, tuple[list[Finding], bool] | None] | None = None  # (text looked beneath, what was there)
    for layers_left in range(config.max_layers - 1, 0, -1):
        if not applied:
            break
        spans = placed_spans(applied)
        deeper: list[Finding] = []
        straddling: list[Finding] = []
        for found in _detect_layer(current, config, threshold, layers_left) or _clean_looking_layer(
            current, config, layers_left
        ):
            if found.confidence >= threshold:
                (deeper if _within_one_layer(found, spans) else straddling).append(found)
        if peeled == 1:
            # Legacy text right beneath the surface, read from repaired text alone, wins
            # over UTF-8 readings a layer down that explain less than half of it: those
            # are chance ("Êàê", cp1251 for "Как", is "成" through mac-roman). (One that
            # mixes layers may be a chance reading of text with UTF-8 layers to peel.)
            beneath = _legacy_beneath(text, applied, current, config)
            looked = (current, beneath)
            if beneath is not None and beneath[1] and _mostly_unexplained(current, deeper + straddling):
                break  # (taken below, from `looked`)
        if straddling:
            # The outer repairs these touch are doubtful too: whether the text was one
            # layer or two there, no chain explains both readings. Leave them alone, so
            # that reading the result again finds nothing new.
            applied = [
                outer
                for outer, start, end in zip(applied, *spans)
                if not any(f.start < end and start < f.end for f in straddling)
            ]
            current = apply_findings(text, applied)
            break
        if not deeper:
            break
        applied = compose_findings(text, applied, current, deeper)
        current = apply_findings(text, applied)
        peeled += 1
    # (a legacy layer counts as one more)
    if applied and peeled < config.max_layers:
        if looked is None or looked[0] != current:
            looked = (current, _legacy_beneath(text, applied, current, config))
        if looked[1] is not None:
            applied = looked[1][0]
    return sorted([f for f in applied if _ends_clean(f, text)] + doubtful, key=lambda f: f.start)


def _clean_looking_layer(text: str, config: Config, layers: int) -> list[Finding]:
    """The findings of a repaired text that looks clean yet reads whole, surely and from
    end to end, through one codepage, down to clean text.

    A layer's reading stops at text that looks clean, and most repaired text is clean;
    but a layer the full evidence peeled may leave text of a script of its own, which is
    one layer short: French "«\xa0%pA\xa0»" through cp874 and cp1252 is peeled to Thai
    "ยซย\xa0%pAย\xa0ยป", which is "«\xa0%pA\xa0»" through cp874 again. Clean text
    seldom reads whole so (every lead byte needs its continuations, see
    _whole_reading_certainty), and text the layer above was sure it repaired the less.
    """
    if not may_show_a_sequence(text, config.codecs) or may_hold_mojibake(text, config.codecs):
        return []  # (what looks damaged was the layer's own reading)
    whole = _whole_window(text, 0, len(text), config, layers, True)
    if whole is None or whole[1]:
        return []
    return whole[0]


def _screened_legacy_readings(
    text: str, config: Config, floor: float, explained: Sequence[tuple[int, int]] = ()
) -> list[Finding]:
    """legacy_readings, looking only for the misread signs the screen lets match (see
    Checks.searches: for the default configuration, compiled, one pass over the text
    rules most out); none where none may."""
    searches = checks(config, floor).searches(text) & ALL_SEARCHES
    return legacy_readings(text, config, floor, explained, searches) if searches else []


def _legacy_beneath(
    text: str, applied: list[Finding], current: str, config: Config
) -> tuple[list[Finding], bool] | None:
    """The repairs with a legacy layer read beneath them, if the repaired text shows one
    (else None), and whether the legacy reading was of repaired text alone.

    Legacy text misread, saved as UTF-8 and misread again ("ÃŽÃ¸Ã¨Ã¡ÃªÃ\xa0" is
    "Îøèáêà", cp1251 read as cp1252, is "Ошибка") is one text through four codepages:
    its legacy words lie wholly within the UTF-8 repairs. A legacy reading that also
    takes in characters no repair touched ("À¼à" from "Ã\x80¼à") mixes layers, and no
    chain explains it: the repairs it touches are left alone, so that reading the
    result again finds nothing new.
    """
    beneath = _screened_legacy_readings(current, config, config.threshold)
    if not beneath:
        return None
    starts, ends = placed_spans(applied)
    repaired = list(zip(starts, ends))
    mixed = [f for f in beneath if not non_ascii_covered(current, f.start, f.end, repaired)]
    if not mixed:
        return compose_findings(text, applied, current, beneath), True
    kept = [
        outer
        for outer, start, end in zip(applied, starts, ends)
        if not any(f.start < end and start < f.end for f in mixed)
    ]
    return kept, False
