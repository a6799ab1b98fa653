"""The build: installed from a wheel, textfix runs its hot modules compiled by mypyc (setup.py)."""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import textfix

PACKAGE = Path(textfix.__file__).resolve().parent
SOURCE_TREE = Path(__file__).resolve().parent.parent / "src" / "textfix"
HOT_MODULES = [
    "textfix.api",
    "textfix.blocks",
    "textfix.codecs",
    "textfix.fastpath",
    "textfix.findings",
    "textfix.languages",
    "textfix.memo",
    "textfix.repair",
    "textfix.screen",
    "textfix.spans",
    "textfix.utf8",
    "textfix._scan",  # (C, not mypyc: src/textfix/_scan.c)
] + [
    f"textfix.{package}.{module.name}"
    for package in ("detect", "model")
    for module in pkgutil.iter_modules([str(PACKAGE / package)])
]


@pytest.mark.skipif(
    PACKAGE == SOURCE_TREE or bool(os.environ.get("TEXTFIX_PURE_PYTHON")),
    reason="the source tree (or an editable or pure-Python install) runs as Python",
)
@pytest.mark.parametrize("name", HOT_MODULES)
def test_an_installed_textfix_runs_its_hot_modules_compiled(name: str) -> None:
    origin = importlib.import_module(name).__file__
    assert origin is not None
    assert origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)), f"{name} runs as Python: {origin}"


def test_the_screen_runs_exactly_where_it_is_compiled() -> None:
    # (as Python its loop costs a hundred regex searches: the fast path must not use it then)
    from textfix import screen

    origin = screen.__file__
    assert origin is not None
    assert origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)) == screen.COMPILED


def test_textfix_runs_without_mypy_extensions() -> None:
    # Compiled modules name mypyc's native integers (textfix/native.py); mypy_extensions,
    # which brings them, comes with mypy, not with textfix.
    damaged = ["cafÃ©", "Ïðèâåò, ìèð! Ýòî òåêñò.", "中文 and Ελληνικά"]
    code = (
        "import sys; sys.modules['mypy_extensions'] = None; import textfix; "
        f"print(ascii([textfix.fix_text(text) for text in {damaged!r}]))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ascii(["café", "Привет, мир! Это текст.", "中文 and Ελληνικά"])


def test_the_shipped_codepage_tables_are_pythons_codecs() -> None:
    # (model/codepages.json, made by scripts/build_codepages.py: rebuild it if this fails)
    from textfix.codecs import SINGLE_BYTE_CODECS, codepage, sloppy_table
    from textfix.model.tables import table

    shipped = table("codepages")
    assert sorted(shipped) == sorted(SINGLE_BYTE_CODECS)
    for name in SINGLE_BYTE_CODECS:
        assert shipped[name] == sloppy_table(name), name
        assert codepage(name).decoding_table == shipped[name]


def test_the_shipped_double_byte_automata_are_pythons_codecs() -> None:
    # (model/double_byte_automata.json, made by scripts/build_double_byte_automata.py:
    # rebuild it if this fails)
    from textfix.codecs import DOUBLE_BYTE_CODECS
    from textfix.detect.doublebyte import searched_codepages
    from textfix.detect.sequences_in_a_row import automata, built_automata
    from textfix.model.tables import table

    names = searched_codepages(DOUBLE_BYTE_CODECS)
    assert sorted(table("double_byte_automata")) == sorted(names)
    assert automata(names) == built_automata(names)


def test_the_records_stay_picklable() -> None:
    # Spark and multiprocessing pickle these (NamedTuples: Python classes, even where compiled)
    import pickle

    text, plan = textfix.fix_and_explain("cafÃ© â€” done")
    assert pickle.loads(pickle.dumps(plan)) == plan
    assert pickle.loads(pickle.dumps(textfix.detect("cafÃ©"))) == textfix.detect("cafÃ©")
    assert pickle.loads(pickle.dumps(textfix.Config(languages=["ru"]))) == textfix.Config(languages=["ru"])


installed_only = pytest.mark.skipif(PACKAGE == SOURCE_TREE, reason="the source tree has no record of compiled regexes")


@installed_only
def test_an_installed_textfix_ships_its_compiled_regexes_and_they_are_re_s() -> None:
    import json
    import re

    from textfix import patterns

    record = json.loads(Path(patterns.RECORD_PATH).read_bytes())
    assert record["engine"] == patterns.engine_tag()
    # (the detectors' regexes, nearly all of them: 49 in the sample as of this writing, fewer
    # as compiled loops replace regexes; a record of a handful is a recorder that failed)
    assert len(record["patterns"]) >= 40
    for entry in record["patterns"]:
        pattern = entry["pattern"].encode("latin-1") if entry["bytes"] else entry["pattern"]
        # (pattern equality compares flags and the compiled code)
        assert patterns.rebuilt(entry, pattern) == re.compile(pattern, entry["flags"]), pattern[:80]


@installed_only
def test_an_installed_textfix_builds_its_first_regexes_from_the_record() -> None:
    # A fresh process (its own string hashes: patterns built from sets must not depend on them)
    import subprocess
    import sys

    check = (
        "import textfix; from textfix import patterns; "
        "[textfix.fix_text(t) for t in ('cafÃ©', 'ÐŸÑ€Ð¸Ð²ÐµÑ‚', 'Ïðèâåò', 'ä¸­æ–‡', '中文字符', 'Zażółć')]; "
        "print(sorted(repr(k[0])[:60] for k in patterns.built if k not in patterns._recorded()))"
    )
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_regex_without_a_usable_record_is_compiled_as_usual(monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from textfix import patterns

    nonsense = patterns.packed_code([17, 99, 3])
    refused = {"engine_flags": 32, "code": nonsense, "groups": 0, "groupindex": {}, "indexgroup": [None]}
    monkeypatch.setattr(patterns, "_recorded", lambda: {("[a-c]x", 0): refused})
    monkeypatch.setattr(patterns, "built", {})
    assert patterns.compiled("[a-c]x") == re.compile("[a-c]x")
    assert patterns.compiled("[d-f]y") == re.compile("[d-f]y")
    assert patterns.compiled("[d-f]y") is patterns.compiled("[d-f]y")
