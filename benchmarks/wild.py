"""Real text from outside the gettext catalogs: what each fixer changes in the man pages,
changelogs, keyboard maps, editor help and Python sources of this machine.

The catalogs are short interface strings. Text in the wild has trees and tables drawn
with box characters, code that quotes single characters, listings of letters, units
and footnote marks; it also has real mojibake (Spanish man pages read as Latin-1 before
they were packaged, test strings). There is no answer key: the report counts the
changes and lists textfix's, for a reader to judge. The files differ from machine to
machine, so the report names the roots and counts what it read.
"""

from __future__ import annotations

import gzip
import os
import random
import sysconfig
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from accuracy import safe_call
from fixers import FIXERS, TEXTFIX
from settings import Settings

# Roots of text files on a Debian machine: translated and English man pages, package
# documentation, editor help, keyboard maps and locale sources, and the standard library.
ROOTS = (
    "/usr/share/man",
    "/usr/share/doc",
    "/usr/share/vim",
    "/usr/share/X11",
    "/usr/share/i18n",
    sysconfig.get_paths()["stdlib"],
)
MAX_FILE_BYTES = 5_000_000
MAX_LINE_CHARS = 2000
MAX_LISTED = 60  # textfix's changes listed in the report
LISTED_PER_FILE = 2  # (a damaged man page has dozens of lines alike)


@dataclass
class WildChange:
    path: str
    original: str
    output: str


@dataclass
class WildResult:
    roots: tuple[str, ...]
    files: int
    lines: int  # distinct non-ASCII lines read
    measured: int  # of those, the ones each fixer ran on
    changed: dict[str, int] = field(default_factory=dict)
    textfix_changes: list[WildChange] = field(default_factory=list)


def _text_files(root: str) -> Iterator[Path]:
    for directory, subdirectories, names in os.walk(root):
        subdirectories.sort()
        if "site-packages" in subdirectories:
            subdirectories.remove("site-packages")  # what the benchmark installed, not the machine's text
        for name in sorted(names):
            path = Path(directory, name)
            if not path.is_symlink():
                yield path


def _read_text(path: Path) -> str | None:
    """The file's text if it is UTF-8 (gzip-compressed or not) and not binary."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile):
        return None
    if b"\0" in data[:4096]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def wild_lines(enough: int | None = None) -> tuple[int, dict[str, str]]:
    """(files read, {distinct non-ASCII line: the first file holding it}) under ROOTS,
    all of them, or about `enough` (the smoke run's few)."""
    lines: dict[str, str] = {}
    files = 0
    for root in ROOTS:
        for path in _text_files(root):
            if enough is not None and len(lines) >= enough:
                return files, lines
            text = _read_text(path)
            if text is None:
                continue
            files += 1
            for line in text.splitlines():
                if not line.isascii() and len(line) <= MAX_LINE_CHARS:
                    lines.setdefault(line, str(path))
    return files, lines


def wild_changes(settings: Settings) -> WildResult:
    files, lines = wild_lines(settings.wild_lines if settings.mode == "smoke" else None)
    chosen = sorted(lines)
    if settings.wild_lines is not None and len(chosen) > settings.wild_lines:
        chosen = sorted(random.Random("wild").sample(chosen, settings.wild_lines))
    result = WildResult(tuple(root for root in ROOTS if Path(root).is_dir()), files, len(lines), len(chosen))
    listed: dict[str, int] = {}
    for name, fixer in FIXERS.items():
        changed = 0
        for line in chosen:
            output = safe_call(fixer, line)
            if output == line:
                continue
            changed += 1
            path = lines[line]
            if name == TEXTFIX and len(result.textfix_changes) < MAX_LISTED and listed.get(path, 0) < LISTED_PER_FILE:
                listed[path] = listed.get(path, 0) + 1
                result.textfix_changes.append(WildChange(path, line, "<crash>" if output is None else output))
        result.changed[name] = changed
    return result
