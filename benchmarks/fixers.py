"""The functions under test, called the same way in every benchmark."""

from __future__ import annotations

from collections.abc import Callable

import ftfy

import textfix
from textfix.codecs import SINGLE_BYTE_CODECS, codepage

Fixer = Callable[[str], str]

TEXTFIX = "textfix.fix_text"
FTFY = "ftfy.fix_text"
FTFY_ENCODING = "ftfy.fix_encoding"
FTFY_PREBUILT = "ftfy.fix_text (prebuilt config)"

# ftfy's defaults also change quotes, widths, ligatures and line breaks; textfix by default
# repairs only damage. These four switches make ftfy.fix_text as close to that as it gets
# (it still unescapes HTML in text without "<", removes control chars and applies NFC).
FTFY_SETTINGS = "uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False, fix_line_breaks=False"
_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False, fix_line_breaks=False
)


# ftfy has no type hints; these aliases give its two entry points a return type.
_ftfy_text: Callable[..., str] = ftfy.fix_text
_ftfy_encoding: Callable[[str], str] = ftfy.fix_encoding


def textfix_fix_text(text: str) -> str:
    return textfix.fix_text(text)


def ftfy_fix_text(text: str) -> str:
    return _ftfy_text(
        text, uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False, fix_line_breaks=False
    )


def ftfy_fix_text_prebuilt(text: str) -> str:
    return _ftfy_text(text, _FTFY_CONFIG)


def ftfy_fix_encoding(text: str) -> str:
    return _ftfy_encoding(text)


# The three compared everywhere; the prebuilt-config variant only in the throughput table.
FIXERS: dict[str, Fixer] = {TEXTFIX: textfix_fix_text, FTFY: ftfy_fix_text, FTFY_ENCODING: ftfy_fix_encoding}

# plsfix, ftfy ported to Rust, joins every table when it is installed (`pip install '.[bench]'`),
# with its default steps, as ftfy's own defaults are compared in its documentation.
PLSFIX = "plsfix.fix_text"
try:
    import plsfix

    _plsfix_text: Callable[[str], str] = plsfix.fix_text
    FIXERS[PLSFIX] = _plsfix_text
except ImportError:
    pass

WARM_UP_TEXTS = (
    "café au lait — “quoted” naïve façade",
    "Привет, мир! Ελληνικά, עברית, العربية, ภาษาไทย, Tiếng Việt, Łódź",
    "â€" * 5,
    "".join(map(chr, range(0x80, 0xA0))),
)


def warm_up() -> None:
    """Call every fixer on damage through every codepage, so lazy tables are loaded before timing."""
    texts = list(WARM_UP_TEXTS)
    for name in SINGLE_BYTE_CODECS:
        for clean in WARM_UP_TEXTS[:2]:
            once = codepage(name).decode(clean.encode("utf-8"))
            texts += [once, codepage("cp1252").decode(once.encode("utf-8"))]
    for fixer in (*FIXERS.values(), ftfy_fix_text_prebuilt):
        for text in texts:
            fixer(text)
