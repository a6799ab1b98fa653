"""The build: installed from a wheel, textfix runs its hot modules compiled by mypyc (setup.py)."""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import pkgutil
from pathlib import Path

import pytest

import textfix

PACKAGE = Path(textfix.__file__).resolve().parent
SOURCE_TREE = Path(__file__).resolve().parent.parent / "src" / "textfix"
HOT_MODULES = ["textfix.codecs", "textfix.languages", "textfix.utf8"] + [
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


def test_the_frozen_dataclasses_stay_picklable() -> None:
    # mypyc's frozen dataclasses cannot be unpickled: Spark and multiprocessing need these
    import pickle

    text, plan = textfix.fix_and_explain("cafÃ© â€” done")
    assert pickle.loads(pickle.dumps(plan)) == plan
    assert pickle.loads(pickle.dumps(textfix.detect("cafÃ©"))) == textfix.detect("cafÃ©")
    assert pickle.loads(pickle.dumps(textfix.Config(languages=["ru"]))) == textfix.Config(languages=["ru"])
