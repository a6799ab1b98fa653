"""Test the installed textfix (compiled, as users get it, after `pip install '.[test]'`),
or else the source tree, so `python -m pytest` runs anywhere."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from hypothesis import Phase, settings

ROOT = Path(__file__).resolve().parent.parent
for folder in ([] if importlib.util.find_spec("textfix") else [ROOT / "src"]) + [ROOT / "tests"]:
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

# No "explain" phase: on a failure it re-runs the example many times to annotate it, which
# costs more than the rest of the suite; the shrunk example is reported either way.
settings.register_profile(
    "textfix", deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink)
)
# CI runs the same examples every time, so a landing never depends on the draw; local
# runs keep exploring new ones (and replay any failure from .hypothesis/).
settings.register_profile("ci", parent=settings.get_profile("textfix"), derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "textfix")
