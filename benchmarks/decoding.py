"""Bytes of unknown encoding: textfix.decode against chardet, charset-normalizer and cchardet.

Documents are built from the gettext catalogs of languages written in each legacy
encoding (20 strings per document, fixed seed) and encoded with it; a decoder is right
when its text equals the original exactly. Mixed documents join a UTF-8 export and a
legacy one, as CSV files appended to each other. Speed is measured on UTF-8 documents,
the common case, and on the legacy ones, as a ratio to chardet.detect + decode. Peak memory of fix_file on a
large generated file is read from a child process.
"""

from __future__ import annotations

import random
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from speed import textfix_path
from textsets import Corpus
from timing import child_env

import textfix

# encoding -> the languages whose catalogs give its documents
DOCUMENT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "cp1250": ("pl", "cs", "hu", "sk", "hr", "sl", "ro"),
    "cp1251": ("ru", "uk", "bg", "sr", "be", "mk"),
    "cp1252": ("fr", "de", "es", "pt", "it", "nl", "da", "sv"),
    "cp1253": ("el",),
    "cp1254": ("tr",),
    "cp1255": ("he",),
    "cp1256": ("ar", "fa"),
    "cp1257": ("lt", "lv", "et"),
    "cp874": ("th",),
    "koi8-r": ("ru",),
    "cp866": ("ru",),
    "iso8859-2": ("pl", "cs", "hu"),
    "iso8859-7": ("el",),
    "gb18030": ("zh_CN",),
    "big5": ("zh_TW",),
    "shift_jis": ("ja",),
    "euc_jp": ("ja",),
    "euc_kr": ("ko",),
}
STRINGS_PER_DOCUMENT = 20


@dataclass(frozen=True)
class DecodeRow:
    encoding: str
    documents: int
    exact: dict[str, int]  # decoder -> documents decoded exactly


@dataclass(frozen=True)
class DecodeSpeed:
    decoder: str
    seconds: float
    megabytes: float


@dataclass(frozen=True)
class DecodeResults:
    rows: list[DecodeRow]
    mixed: DecodeRow
    real_files: DecodeRow
    speed: list[DecodeSpeed]  # on UTF-8 documents
    legacy_speed: list[DecodeSpeed]  # on the legacy documents of the rows
    memory_file_bytes: int
    memory_peak_bytes: int | None


def _decoders() -> dict[str, Callable[[bytes], str | None]]:
    import chardet

    def with_chardet(data: bytes) -> str | None:
        name = chardet.detect(data)["encoding"]
        return data.decode(name, "replace") if name else None

    found: dict[str, Callable[[bytes], str | None]] = {
        "textfix.decode": lambda data: textfix.decode(data, repair=False).text,
        "chardet.detect + decode": with_chardet,
    }
    try:
        import charset_normalizer

        def with_normalizer(data: bytes) -> str | None:
            best = charset_normalizer.from_bytes(data).best()
            return None if best is None else str(best)

        found["charset-normalizer"] = with_normalizer
    except ImportError:
        pass
    try:
        import cchardet  # type: ignore[import-untyped]

        def with_cchardet(data: bytes) -> str | None:
            name = cchardet.detect(data)["encoding"]
            return data.decode(name, "replace") if name else None

        found["cchardet"] = with_cchardet
    except ImportError:
        pass
    return found


def _documents(corpus: Corpus, encoding: str, count: int, rng: random.Random) -> list[tuple[str, bytes]]:
    pool = [
        s.replace("\n", " ")
        for language, strings in corpus.by_language.items()
        if language in DOCUMENT_LANGUAGES[encoding] or language.split("_")[0] in DOCUMENT_LANGUAGES[encoding]
        for s in strings
        if not s.isascii()
    ]
    documents: list[tuple[str, bytes]] = []
    attempts = 0
    while pool and len(documents) < count and attempts < count * 20:
        attempts += 1
        text = "\n".join(rng.sample(pool, min(STRINGS_PER_DOCUMENT, len(pool)))) + "\n"
        try:
            documents.append((text, text.encode(encoding)))
        except UnicodeEncodeError:
            continue
    return documents


Decoders = dict[str, Callable[[bytes], "str | None"]]


def _score(decoders: Decoders, documents: Sequence[tuple[str, bytes]]) -> dict[str, int]:
    exact = dict.fromkeys(decoders, 0)
    for text, data in documents:
        for name, decode in decoders.items():
            with suppress(Exception):  # a peer that raises scores a miss
                exact[name] += decode(data) == text
    return exact


def decode_benchmark(corpus: Corpus, documents_per_encoding: int, memory_bytes: int) -> DecodeResults:
    rng = random.Random("decode")
    decoders = _decoders()
    rows = []
    legacy_documents: list[bytes] = []
    for encoding in DOCUMENT_LANGUAGES:
        documents = _documents(corpus, encoding, documents_per_encoding, rng)
        rows.append(DecodeRow(encoding, len(documents), _score(decoders, documents)))
        legacy_documents.extend(data for _, data in documents)
    mixed_documents = []
    utf8_documents = _documents(corpus, "cp1252", documents_per_encoding, rng)
    for encoding in ("cp1252", "cp1251", "cp1250", "gb18030", "big5"):
        for (utf8_text, _), (legacy_text, legacy_data) in zip(
            utf8_documents, _documents(corpus, encoding, documents_per_encoding // 5 or 1, rng)
        ):
            mixed_documents.append((utf8_text + legacy_text, utf8_text.encode() + legacy_data))
    mixed = DecodeRow("mixed: UTF-8 + a legacy export", len(mixed_documents), _score(decoders, mixed_documents))
    files = _cjk_test_files()
    real_files = DecodeRow("CPython's `test/cjkencodings` files", len(files), _score(decoders, files))
    utf8_data = [text.encode() for text, _ in utf8_documents for _ in range(5)]
    file_bytes, peak = _fix_file_memory(corpus, memory_bytes)
    return DecodeResults(
        rows, mixed, real_files, _speed(decoders, utf8_data), _speed(decoders, legacy_documents), file_bytes, peak
    )


def _cjk_test_files() -> list[tuple[str, bytes]]:
    """(text, bytes) of the legacy files CPython tests its CJK codecs with, each beside
    its UTF-8 twin (name-utf8.txt): written by people, in 15 encodings, 7-bit ones and
    Johab included; none if this Python has no test package."""
    folder = Path(sysconfig.get_paths()["stdlib"]) / "test" / "cjkencodings"
    found = []
    for twin in sorted(folder.glob("*-utf8.txt")):
        legacy = twin.with_name(twin.name.replace("-utf8", ""))
        if legacy.exists():
            found.append((twin.read_bytes().decode("utf-8"), legacy.read_bytes()))
    return found


def _speed(decoders: Decoders, documents: Sequence[bytes]) -> list[DecodeSpeed]:
    speed = []
    for name, decode in decoders.items():
        started = time.perf_counter()
        for data in documents:
            with suppress(Exception):  # (chardet may name a codec Python lacks: "VISCII")
                decode(data)
        speed.append(DecodeSpeed(name, time.perf_counter() - started, sum(map(len, documents)) / 1e6))
    return speed


def _fix_file_memory(corpus: Corpus, size: int) -> tuple[int, int | None]:
    """Peak RSS of a child that runs textfix.fix_file on a generated file of `size` bytes."""
    strings = [s.replace("\n", " ") for strings in corpus.by_language.values() for s in strings[:200]]
    with tempfile.TemporaryDirectory(prefix="textfix-decode-") as scratch:
        source = Path(scratch) / "big.txt"
        written = 0
        with open(source, "wb") as handle:
            rng = random.Random("memory")
            while written < size:
                block = ("\n".join(rng.sample(strings, 1000)) + "\n").encode()
                handle.write(block)
                written += len(block)
        # VmHWM, not ru_maxrss: the latter keeps the parent's peak across fork and exec
        child = (
            "import sys, textfix; textfix.fix_file(sys.argv[1], sys.argv[2]); "
            "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))"
        )
        result = subprocess.run(
            [sys.executable, "-c", child, str(source), str(Path(scratch) / "out.txt")],
            capture_output=True,
            text=True,
            env=child_env(textfix_path()),
        )
        peak = int(result.stdout.strip()) * 1024 if result.returncode == 0 else None
    return written, peak
