"""Whether text certainly holds no damage: the cheap checks that run before the detectors.

One screen pass (see screen.py) tells which of the detectors' searches may match; only
those run, and only the costlier readings they ask for. Long text is checked block by
block and line by line (see blocks.py): a block all of whose lines are clean is clean,
unless its lines together show legacy damage that none is sure of alone ("Äà", "Íåò"
and "Ôàéë", cp1251 read as cp1252, in a list of words).
"""

from __future__ import annotations

from typing import Final

from textfix.blocks import BLOCK_CHARS, blocks, one_line_block
from textfix.config import DEFAULT_CONFIG, Config
from textfix.detect.controls import C1_RUN
from textfix.detect.doublebyte import OUTPUT_CHARS, detect_double_byte
from textfix.detect.legacy import ALL_SEARCHES, detect_legacy, legacy_readings, misread_signs
from textfix.detect.suspects import cased_oddity_needs, may_hold_mojibake, stage_zero, stage_zero_needs
from textfix.screen import COMPILED, Need, Screen
from textfix.utf8 import IS_ASCII

# The searches the screen answers for, as bits: the legacy ones first, as
# MisreadSigns.found numbers them, then these. may_hold_mojibake needs both of the first
# two (stage_zero, then an oddity in the text's Cyrillic or Greek, or a character beyond them).
MOJIBAKE_SEARCH: Final = ALL_SEARCHES + 1
ODD_CASED_SEARCH: Final = MOJIBAKE_SEARCH << 1
CONTROLS_SEARCH: Final = ODD_CASED_SEARCH << 1
WIDE_CHARS_SEARCH: Final = CONTROLS_SEARCH << 1
MAY_HOLD_MOJIBAKE: Final = MOJIBAKE_SEARCH | ODD_CASED_SEARCH
EVERY_SEARCH: Final = ALL_SEARCHES | MAY_HOLD_MOJIBAKE | CONTROLS_SEARCH | WIDE_CHARS_SEARCH

# (what the screen's legacy searches look for)
DEFAULT_LEGACY_PAIRS: Final = DEFAULT_CONFIG.effective_legacy_pairs

# The screen of the default configuration, made on first use. (Kept in a Final list, not
# behind functools.cache: compiled, reading it is then no call through a Python object,
# which cost a tenth of a microsecond a line.)
_SCREEN: Final[list[Screen]] = []


# A text read whole and the screen's answer for it (see screened_may_hold_mojibake; one
# entry, replaced whole: a thread reads it at once, as another may replace it).
_last_screened: Final[list[tuple[str, int]]] = [("", 0)]


def screen() -> Screen:
    """The screen of the default configuration's searches."""
    if _SCREEN:
        return _SCREEN[0]
    needs = [
        *misread_signs(DEFAULT_LEGACY_PAIRS).needs(),
        stage_zero_needs(DEFAULT_CONFIG.codecs),
        cased_oddity_needs(),
        [Need("\x80-\x9f")],
        # (the characters a double-byte reading shows: most non-ASCII text has none, and
        # the costliest check of clean CJK text need not run without them)
        [Need(OUTPUT_CHARS)],
    ]
    _SCREEN[:] = [Screen(needs)]
    return _SCREEN[0]


class Checks:
    """The cheap checks of one configuration at one confidence floor (the settings read
    once: a Config's are attributes of a Python object, and its legacy pairs a property,
    whose reading cost more than the check of most lines)."""

    def __init__(self, config: Config, floor: float) -> None:
        self.config = config
        self.floor = floor
        self.screened = COMPILED and config is DEFAULT_CONFIG
        self.codecs = config.codecs
        self.double_byte_codecs = config.double_byte_codecs
        self.threshold = config.threshold
        self.max_layers = config.max_layers
        self.hinted = bool(config.languages)
        self.legacy_pairs = config.effective_legacy_pairs
        self.legacy_floor = max(floor, config.legacy_threshold)

    def searches(self, text: str) -> int:
        """The searches that may match in `text`: the screen's answer for the default
        configuration, compiled; all of them otherwise."""
        if not self.screened:
            return EVERY_SEARCH
        last_text, last_found = _last_screened[0]
        return last_found if last_text is text else screen().may_match(text)

    def clean_alone(self, text: str, found: int) -> bool:
        """Whether `text`, read as a text of its own, certainly holds no mojibake, C1
        control, legacy or double-byte reading at the floor (of those the `found`
        searches leave possible)."""
        if found & MAY_HOLD_MOJIBAKE == MAY_HOLD_MOJIBAKE and may_hold_mojibake(text, self.codecs):
            return False
        if holds_controls(text, found):
            return False
        # Only double-byte and legacy damage are left to look for: when none is sure,
        # nothing changes (clean CJK text, clean text that merely looks misread), and the
        # rest of the pipeline need not run. (detect_legacy reads only text that shows a
        # misread sign.)
        legacy_searches = found & ALL_SEARCHES
        if legacy_searches and self.legacy_damage(text, legacy_searches):
            return False
        return not self.double_byte_damage(text, found)

    def legacy_damage(self, text: str, legacy_searches: int) -> bool:
        """Whether a legacy reading at the floor repairs `text` (see legacy_readings)."""
        if self.hinted:
            return bool(legacy_readings(text, self.config, self.floor))
        return bool(detect_legacy(text, self.legacy_pairs, self.legacy_floor, searches=legacy_searches))

    def double_byte_damage(self, text: str, found: int) -> bool:
        """Whether a double-byte reading at the floor repairs `text`, where the `found`
        searches let one be looked for (the text may show a character such a reading
        gives: screened, the answer is exact, as its class holds no character beyond the BMP)."""
        return bool(found & WIDE_CHARS_SEARCH) and bool(
            detect_double_byte(text, self.double_byte_codecs, self.floor, self.threshold, shows_output=self.screened)
        )

    def needs_reading(self, block: str) -> bool:
        """Whether the detectors must read `block` (whole lines): a line of it is not
        clean alone, or two or more look misread and read together as legacy text."""
        misread_lines: list[str] = []
        legacy_searches = 0
        for line in block.split("\n"):
            if IS_ASCII(line):
                continue
            found = self.searches(line)
            if not self.clean_alone(line, found):
                return True
            if found & ALL_SEARCHES:
                misread_lines.append(line)
                legacy_searches |= found & ALL_SEARCHES
        # (the other lines show no sign of legacy text to weigh)
        return len(misread_lines) >= 2 and self.legacy_damage("\n".join(misread_lines), legacy_searches)


# Up to this long, a text is checked whole about as fast as line by line; and it is one
# block, which the pipeline would read whole: found clean so, it is clean.
SHORT_TEXT: Final = 256


DEFAULT_CHECKS: Final = Checks(DEFAULT_CONFIG, DEFAULT_CONFIG.threshold)


def screened_may_hold_mojibake(text: str, codecs: tuple[str, ...]) -> bool:
    """may_hold_mojibake(text, codecs), ruled out by the screen first where it can be
    (the default codecs, compiled): a damaged text's repair is screened all the same."""
    if codecs is DEFAULT_CHECKS.codecs and DEFAULT_CHECKS.screened:
        found = DEFAULT_CHECKS.searches(text)
        # (the repair that fix_text may answer with is screened again there: the answer
        # is kept for it, as may_hold_mojibake keeps its own; not on the clean path,
        # where the keeping cost more than it saved)
        if len(text) <= BLOCK_CHARS:
            _last_screened[0] = (text, found)
        if found & MAY_HOLD_MOJIBAKE != MAY_HOLD_MOJIBAKE:
            return False
    return may_hold_mojibake(text, codecs)


def may_show_a_sequence(text: str, codecs: tuple[str, ...]) -> bool:
    """Whether some codepage of `codecs` shows a lead byte and a continuation in `text`
    (stage_zero matches), ruled out by the screen first where it can be: a text read
    whole was screened just before, and the screen's answer is kept."""
    screened = codecs is DEFAULT_CHECKS.codecs and DEFAULT_CHECKS.screened
    if screened and not DEFAULT_CHECKS.searches(text) & MOJIBAKE_SEARCH:
        return False
    return stage_zero(codecs).search(text) is not None


def checks(config: Config, floor: float) -> Checks:
    """The checks of `config` at `floor`."""
    if config is DEFAULT_CONFIG and floor == DEFAULT_CHECKS.floor:
        return DEFAULT_CHECKS
    return Checks(config, floor)


def clean_by_default(text: str) -> bool:
    """True when the default steps (mojibake, C1 controls) would certainly leave `text` unchanged."""
    if IS_ASCII(text):
        return True
    found = DEFAULT_CHECKS.searches(text)
    if not found:
        return True
    if len(text) <= SHORT_TEXT:
        # (whole, as if one line, first: only a text that fails is looked for line breaks)
        return DEFAULT_CHECKS.clean_alone(text, found) or ("\n" in text and not DEFAULT_CHECKS.needs_reading(text))
    if one_line_block(text):
        return DEFAULT_CHECKS.clean_alone(text, found)
    for start, end in blocks(text):
        block = text[start:end]
        # (a block whose lines are not all clean may be clean as a whole: the check of a
        # short text, the one the pipeline's reading would confirm)
        if DEFAULT_CHECKS.needs_reading(block) and not DEFAULT_CHECKS.clean_alone(
            block, DEFAULT_CHECKS.searches(block)
        ):
            return False
    return True


def holds_controls(text: str, found: int) -> bool:
    """Whether `text` holds a C1 control, where the `found` searches let the search run."""
    return bool(found & CONTROLS_SEARCH) and C1_RUN.search(text) is not None
