"""Reproducible text corpora for model building, tests and benchmarks.

The clean corpus is the set of human translations in the gettext catalogs that ship
with the machine (/usr/share/locale/*/LC_MESSAGES/*.mo), plus the English source
strings (msgids). Each string is put in the "train" or "test" half by a stable hash of
its text, so model statistics and held-out measurements never share a string.
"""

from __future__ import annotations

import gettext
import glob
import hashlib
import os
import random
from collections import defaultdict
from collections.abc import Iterator

from textfix.codecs import SINGLE_BYTE_CODECS, codepage

LOCALE_GLOB = "/usr/share/locale/*/LC_MESSAGES/*.mo"


def catalog_paths() -> list[str]:
    return sorted(glob.glob(LOCALE_GLOB))


def _read_catalog(path: str) -> list[tuple[str, str]]:
    try:
        with open(path, "rb") as handle:
            catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    except (OSError, UnicodeDecodeError, IndexError, ValueError):
        return []
    pairs = []
    for key, value in catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if isinstance(value, str) and value and isinstance(msgid, str):
            pairs.append((msgid, value))
    return pairs


def half_of(text: str) -> str:
    return "train" if hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=2).digest()[0] & 1 else "test"


def gettext_strings(half: str | None = None, per_language: int | None = None) -> dict[str, list[str]]:
    """Distinct translated strings by language (the locale folder), plus "en" from msgids."""
    by_language: dict[str, set[str]] = defaultdict(set)
    for path in catalog_paths():
        language = path.split(os.sep)[-3]
        for msgid, translation in _read_catalog(path):
            by_language[language].add(translation)
            if msgid:
                by_language["en_source"].add(msgid)
    result: dict[str, list[str]] = {}
    for language, strings in sorted(by_language.items()):
        chosen = sorted(s for s in strings if half is None or half_of(s) == half)
        if per_language is not None and len(chosen) > per_language:
            chosen = random.Random(language).sample(chosen, per_language)
        result[language] = chosen
    return result


def damage(text: str, chain: tuple[str, ...]) -> str | None:
    """Apply a chain of (encode, decode) codecs; None when a step cannot encode."""
    current = text
    for encoding, decoding in zip(chain[::2], chain[1::2], strict=False):
        try:
            data = current.encode(encoding)
        except UnicodeEncodeError:
            return None
        current = codepage(decoding).decode(data) if decoding in SINGLE_BYTE_CODECS else data.decode(decoding)
    return current


def iter_lines(strings: dict[str, list[str]]) -> Iterator[tuple[str, str]]:
    for language, texts in strings.items():
        for text in texts:
            yield language, text
