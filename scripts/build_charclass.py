"""Generate src/textfix/model/charclass.json: every code point's (script, category) class.

Python's unicodedata has no script property, so the script is read from the first
word(s) of the character name, with a few ranges fixed by hand (box drawing, CJK).
The table is stored as run boundaries, so the file stays small and is bisected at
run time. Run: python scripts/build_charclass.py
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "textfix" / "model" / "charclass.json"
sys.path.insert(0, str(ROOT / "src"))

from textfix.model.tables import write  # noqa: E402

# Scripts that get a class of their own; every other script's letters share "RARE".
SCRIPTS = (
    "LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "HEBREW", "ARABIC", "SYRIAC", "THAANA",
    "DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL", "TELUGU",
    "KANNADA", "MALAYALAM", "SINHALA", "THAI", "LAO", "TIBETAN", "MYANMAR", "GEORGIAN",
    "HANGUL", "ETHIOPIC", "KHMER", "MONGOLIAN", "KANA", "BOPOMOFO", "HAN", "COMBINING",
    "BOX", "BRAILLE", "ASCII", "COMMON", "RARE",
)
CATEGORIES = (
    "Lu", "Ll", "Lo", "M", "N", "P", "Sc", "Sm", "Sk", "So", "Zs", "NBSP", "WS",
    "Cc", "C1", "Cf", "Co", "Cn",
)


def script_of(cp: int, name: str) -> str:
    if cp < 0x80:
        return "LATIN" if chr(cp).isalpha() else "ASCII"
    if 0x2500 <= cp <= 0x259F:
        return "BOX"
    if name.startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH")):
        return "HAN"
    if name.startswith(("HIRAGANA", "KATAKANA")):
        return "KANA"
    if name.startswith("COMBINING"):
        return "COMBINING"
    first = name.split(" ", 1)[0]
    if first in SCRIPTS:
        return first
    category = unicodedata.category(chr(cp))
    if category[0] in "LM":
        return "RARE"
    return "COMMON"


def category_of(cp: int) -> str:
    char = chr(cp)
    if char == "\xa0":
        return "NBSP"
    if char in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029":
        return "WS"
    if 0x80 <= cp <= 0x9F:
        return "C1"
    category = unicodedata.category(char)
    if category in ("Lt", "Lm", "Lo"):
        return "Lo"
    if category[0] in "MNP":
        return category[0]
    if category in ("Zl", "Zp"):
        return "WS"
    if category == "Cs":
        return "Cn"
    return category


def class_of(cp: int) -> tuple[str, str]:
    name = unicodedata.name(chr(cp), "")
    category = category_of(cp)
    script = script_of(cp, name)
    if category in ("Cc", "C1", "Cf", "Co", "Cn", "WS", "Zs", "NBSP") and script != "ASCII":
        script = "COMMON"
    return script, category


def main() -> None:
    classes: dict[tuple[str, str], int] = {}
    starts: list[int] = []
    ids: list[int] = []
    previous = -1
    for cp in range(0x110000):
        key = class_of(cp)
        class_id = classes.setdefault(key, len(classes))
        if class_id != previous:
            starts.append(cp)
            ids.append(class_id)
            previous = class_id
    names = [f"{script}.{category}" for script, category in classes]
    write(
        OUT,
        {
            "generated_by": "scripts/build_charclass.py",
            "unicode": unicodedata.unidata_version,
            "class_names": names,
            "run_starts": starts,
            "run_classes": ids,
        },
    )
    print(f"{len(names)} classes, {len(starts)} runs -> {OUT}")


if __name__ == "__main__":
    main()
