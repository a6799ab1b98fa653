"""Shared helpers for the tests: making damage, checking findings, reading gettext catalogs."""

from __future__ import annotations

import functools
import gettext
import unicodedata
from pathlib import Path

from textfix import Finding
from textfix.codecs import SINGLE_BYTE_CODECS, codepage, encode

LOCALE_DIR = Path("/usr/share/locale")
STAND_INS = " ?\ufffd"  # what a lost byte may have become in lossy mojibake


# --- making damage -----------------------------------------------------------------------


def damage(text: str, codec: str) -> str:
    """`text` as UTF-8 bytes read with the sloppy single-byte codepage `codec`."""
    return codepage(codec).decode(text.encode("utf-8"))


def damage_through(text: str, codecs: tuple[str, ...]) -> str:
    """Damage applied once per codec, innermost first: ("cp1251", "cp1252") is two layers."""
    for codec in codecs:
        text = damage(text, codec)
    return text


def redamage(replacement: str, chain: tuple[str, ...]) -> str:
    """Replay a Finding chain (encode, decode, encode, decode, ...) on its replacement."""
    assert len(chain) % 2 == 0, chain
    current = replacement
    for encoding, decoding in zip(chain[::2], chain[1::2], strict=True):
        data = _encoded(current, encoding)
        if decoding in SINGLE_BYTE_CODECS:
            current = codepage(decoding).decode(data)
        else:  # Python's own codec; a byte lost on the way is U+FFFD
            current = data.decode(decoding, "replace")
    return current


def _encoded(text: str, encoding: str) -> bytes:
    """Strictly, except that a single-byte codepage's undefined bytes are the C1 controls of
    the same value, as in the damage textfix models (and browsers make)."""
    if encoding in SINGLE_BYTE_CODECS:
        data = encode(codepage(encoding), text)
        if data is None:
            raise UnicodeEncodeError(encoding, text, 0, len(text), "not in the sloppy codepage")
        return data
    return text.encode(encoding)


def chain_explains(finding: Finding) -> bool:
    """True when damaging the finding's replacement through its chain gives the finding's text.

    For lossy findings a byte was lost on the way, so the text may hold a stand-in (space, "?"
    or U+FFFD) where the replayed damage has some other character.
    """
    try:
        replayed = redamage(finding.replacement, finding.chain)
    except (UnicodeEncodeError, LookupError):
        return False
    if finding.kind == "lossy_mojibake":
        return len(replayed) == len(finding.text) and all(
            a == b or b in STAND_INS for a, b in zip(replayed, finding.text, strict=True)
        )
    return replayed == finding.text


# --- gettext catalogs --------------------------------------------------------------------


def catalog_path(language: str, domain: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.mo"


def _read_catalog(language: str, domain: str) -> dict[object, object]:
    try:
        with open(catalog_path(language, domain), "rb") as handle:
            return dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]
    except (OSError, UnicodeDecodeError, IndexError, ValueError):
        return {}


@functools.cache
def catalog_translations(language: str, domain: str) -> tuple[str, ...]:
    """Every distinct non-empty translated string of one catalog, sorted; () if unreadable."""
    catalog = _read_catalog(language, domain)
    return tuple(sorted({value for value in catalog.values() if isinstance(value, str) and value}))


@functools.cache
def catalog_sources(language: str, domain: str) -> tuple[str, ...]:
    """The English source strings (msgids) of one catalog."""
    catalog = _read_catalog(language, domain)
    keys = (key[0] if isinstance(key, tuple) else key for key in catalog)
    return tuple(sorted({key for key in keys if isinstance(key, str) and key}))


def script_of(char: str) -> str:
    """A coarse script name from the Unicode name: LATIN, CYRILLIC, CJK, ..."""
    name = unicodedata.name(char, "")
    if not name:
        return "UNKNOWN"
    first = name.split()[0]
    if first in {"CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "IDEOGRAPHIC"}:
        return "CJK"
    return first


def _word_scripts(word: str) -> set[str]:
    return {script_of(c) for c in word if unicodedata.category(c)[0] == "L"}


def _is_word(token: str) -> bool:
    return (
        0 < len(token) <= 24
        and unicodedata.category(token[0])[0] == "L"
        and all(unicodedata.category(c)[0] in "LM" for c in token)
    )


# Catalogs read for word lists: translated prose, common on Debian/Ubuntu systems.
WORD_DOMAINS = ("gtk20", "glib20", "coreutils", "gtk20-properties", "libc", "tar", "dpkg", "apt")


def _tokens(strings: tuple[str, ...]) -> set[str]:
    tokens = set()
    for string in strings:
        for token in string.split():
            token = token.strip(".,:;!?()[]{}\"'«»“”„‘’‚…-–—%/*<>=|_#")
            if _is_word(token):
                tokens.add(token)
    return tokens


@functools.cache
def language_words(language: str, script: str, max_catalogs: int = 3) -> tuple[str, ...]:
    """Real words of one language, written in `script` (e.g. "CYRILLIC"), from a few of its catalogs.

    Words that also occur in the English source strings are left out: they are untranslated
    identifiers ("ACCEPT", "exit") rather than words of the language.
    """
    words: set[str] = set()
    english: set[str] = set()
    read = 0
    for domain in WORD_DOMAINS:
        strings = catalog_translations(language, domain)
        if not strings:
            continue
        read += 1
        words |= _tokens(strings)
        english |= _tokens(catalog_sources(language, domain))
        if read >= max_catalogs:
            break
    return tuple(sorted(w for w in words - english if _word_scripts(w) == {script}))
