"""Record the regexes textfix compiles, for an install to ship (see textfix/patterns.py).

Runs textfix (pure Python, from src/) over a sample of its work with the default
settings: clean text in several scripts, text damaged through every supported
codepage, two layers, CJK and legacy damage. Every pattern textfix.patterns.compiled
was asked for is compiled again while the regex engine's input is recorded; a record
that does not rebuild into the very same pattern (re.Pattern equality compares the
compiled code) is left out. setup.py runs this at install time; by hand:
    python scripts/record_patterns.py OUT.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import textfix  # noqa: E402
from textfix import patterns  # noqa: E402
from textfix.codecs import DOUBLE_BYTE_CODECS, LEGACY_PAIRS, SINGLE_BYTE_CODECS, codepage  # noqa: E402

CLEAN = (
    "The café down the street — “open” until 10 p.m.",
    "Привет, как дела? Всё хорошо, спасибо.",
    "Γειά σου κόσμε, τι κάνεις;",
    "שלום עולם, מה שלומך?",
    "مرحبا بالعالم، كيف حالك؟",
    "สวัสดีชาวโลก ยินดีต้อนรับ",
    "中文字符和日本語の文字、한국어 문자",
    "Zażółć gęślą jaźń; Příliš žluťoučký kůň; Ağaç ılık şölen",
    "Tiếng Việt có dấu: người, đường, được",
)


def sample_texts() -> list[str]:
    texts = list(CLEAN)
    for text in CLEAN:
        data = text.encode("utf-8")
        for name in SINGLE_BYTE_CODECS:
            once = codepage(name).decode(data)
            texts += [once, f"plain words then {once} and more", codepage("cp1252").decode(once.encode("utf-8"))]
        for name in DOUBLE_BYTE_CODECS:
            texts.append(data.decode(name, "replace"))
        for original, shown_as in LEGACY_PAIRS:
            try:
                texts.append(text.encode(original).decode(shown_as))
            except UnicodeError:
                continue
    return texts


def record(out: Path) -> int:
    for text in sample_texts():
        textfix.fix_text(text)
        textfix.detect(text, min_confidence=0.1)
    _sre = patterns.engine()
    given: list[tuple[Any, ...]] = []
    build = _sre.compile

    def recording(*args: Any) -> Any:
        given.append(args)
        return build(*args)

    entries = []
    _sre.compile = recording
    try:
        for pattern, flags in sorted(patterns.built, key=repr):
            re.purge()
            given.clear()
            expected = re.compile(pattern, flags)
            if len(given) != 1:
                continue
            source, engine_flags, code, groups, groupindex, indexgroup = given[0]
            entry = {
                "pattern": pattern.decode("latin-1") if isinstance(pattern, bytes) else pattern,
                "bytes": isinstance(pattern, bytes),
                "flags": flags,
                "engine_flags": engine_flags,
                "code": patterns.packed_code(list(code)),
                "groups": groups,
                "groupindex": dict(groupindex),
                "indexgroup": list(indexgroup),
            }
            if patterns.rebuilt(entry, pattern) == expected:
                entries.append(entry)
    finally:
        _sre.compile = build
    out.write_text(json.dumps({"engine": patterns.engine_tag(), "patterns": entries}, ensure_ascii=False), "utf-8")
    return len(entries)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(f"{record(Path(sys.argv[1]))} patterns recorded")
