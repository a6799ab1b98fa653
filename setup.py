"""Build: the hot modules (detection, models, codecs) compiled to C with mypyc, as chardet does,
and the detectors' regexes compiled once, at install (see src/textfix/patterns.py).

mypyc turns typed Python modules into C extensions that run the same code: about 1.5x
faster on damaged text, where the work is many small Python calls (clean text is mostly
regex searches in C already). Five loops over code points are written in C outright
(src/textfix/_scan.c: the screen of the clean fast path, the double-byte automata, the
codepages that can encode a text, a codepage's encoder and the readings of a text as
UTF-8 through the codepages, with the tables they read),
where mypyc's checks of each read cost two to three times the loop's own work; the
modules that call them keep their own loop for where textfix._scan is not built. The
modules stay plain Python when
  - TEXTFIX_PURE_PYTHON=1 is set, or
  - the install is editable (`pip install -e .`): compiled modules would shadow the
    sources being edited.
A module that does not compile (no C compiler) is left out and its Python source runs;
so are all of them (and textfix._scan) if mypyc cannot type-check them.
The project's metadata is in pyproject.toml.
"""

from __future__ import annotations

import os
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

# The records (Finding, Plan) are NamedTuples: compiled, they stay Python classes, which
# Spark and multiprocessing pickle (test_build checks). config.py stays Python: a Config
# is made once per job, not once per text.
COMPILED = [
    "src/textfix/api.py",
    "src/textfix/blocks.py",
    "src/textfix/codecs.py",
    "src/textfix/fastpath.py",
    "src/textfix/findings.py",
    "src/textfix/languages.py",
    "src/textfix/memo.py",
    "src/textfix/repair.py",
    "src/textfix/screen.py",
    "src/textfix/spans.py",
    "src/textfix/utf8.py",
    *(
        f"src/textfix/detect/{name}.py"
        for name in ("candidates", "charsets", "clean", "controls", "doublebyte", "layers", "legacy", "mojibake", "readings",
                     "sequences_in_a_row", "suspects")
    ),
    *(
        f"src/textfix/model/{name}.py"
        for name in ("charmodel", "evidence", "latin_grams", "letters", "tables", "vocabulary")
    ),
]


def compiled_modules() -> list[Extension]:
    if os.environ.get("TEXTFIX_PURE_PYTHON") or "editable_wheel" in sys.argv:
        return []
    from mypyc.build import mypycify

    try:
        extensions: list[Extension] = mypycify(COMPILED, opt_level="3")
    except (Exception, SystemExit) as error:  # (mypyc exits when its type check finds fault)
        print(f"textfix: modules not compiled ({error!r}); they stay Python", file=sys.stderr)
        return []
    # The loops over code points in C (src/textfix/_scan.c); their modules keep their own
    extensions.append(Extension("textfix._scan", ["src/textfix/_scan.c"]))
    for extension in extensions:
        extension.optional = True
    return extensions


class ParallelBuildExt(build_ext):
    """Compiles on every core: the C of the modules takes about a minute on one."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if not self.parallel:
            self.parallel = os.cpu_count() or 1


class BuildPyWithPatterns(build_py):
    """Also records the regexes textfix compiles (scripts/record_patterns.py) into the
    package: without the record, each is compiled at its first use, as re does."""

    def run(self) -> None:
        super().run()
        recorder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scripts", "record_patterns.py")
        if getattr(self, "editable_mode", False) or "editable_wheel" in sys.argv or not os.path.exists(recorder):
            return
        target = os.path.join(self.build_lib, "textfix", "compiled_patterns.json")
        result = subprocess.run([sys.executable, recorder, target], capture_output=True, text=True)
        last_line = (result.stdout or result.stderr).strip().splitlines()[-1:]
        print(f"textfix: {last_line[0] if last_line else 'no output'}", file=sys.stderr)


setup(
    ext_modules=compiled_modules(),
    cmdclass={"build_ext": ParallelBuildExt, "build_py": BuildPyWithPatterns},
)
