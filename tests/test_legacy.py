"""Legacy text read with the wrong legacy codepage (opt-in: Config.legacy_pairs)."""

from __future__ import annotations

import pytest

from textfix import Config, detect, fix_text
from textfix.codecs import LEGACY_PAIRS, codepage
from textfix.findings import apply_findings

LEGACY = Config(legacy_pairs=LEGACY_PAIRS)


def misread(text: str, original: str, shown_as: str) -> str:
    return codepage(shown_as).decode(text.encode(original))


@pytest.mark.parametrize(
    ("original", "pair"),
    [
        ("Привет, мир! Как у тебя дела сегодня вечером?", ("cp1251", "cp1252")),
        ("Η Αθήνα είναι η πρωτεύουσα και η μεγαλύτερη πόλη της Ελλάδας.", ("cp1253", "cp1252")),
        ("القاهرة هي أكبر مدينة في العالم العربي وأفريقيا.", ("cp1256", "cp1252")),
        ("กรุงเทพมหานครเป็นเมืองหลวงและเมืองที่ใหญ่ที่สุดของประเทศไทย", ("cp874", "cp1252")),
        ("ירושלים היא עיר עתיקה עם היסטוריה ארוכה ומרתקת.", ("cp1255", "cp1252")),
    ],
    ids=lambda value: "-".join(value) if isinstance(value, tuple) else None,
)
def test_legacy_text_is_repaired_when_asked(original: str, pair: tuple[str, str]) -> None:
    damaged = misread(original, *pair)
    assert damaged != original
    assert fix_text(damaged, LEGACY) == original
    findings = detect(damaged, LEGACY)
    assert findings and {f.chain for f in findings} == {pair}
    assert {f.kind for f in findings} == {"legacy_mojibake"}
    assert apply_findings(damaged, findings) == original


def test_legacy_repair_is_off_by_default() -> None:
    damaged = misread("Привет, мир! Как у тебя дела сегодня вечером?", "cp1251", "cp1252")
    assert fix_text(damaged) == damaged


@pytest.mark.parametrize(
    "clean",
    [
        "Le café de la gare propose une crème brûlée délicieuse.",
        "Die Größe der Straße überrascht viele Besucher aus München.",
        "Вчера в Москве шёл сильный дождь, а сегодня светит солнце.",
        "Zażółć gęślą jaźń to znane polskie zdanie testowe.",
    ],
)
def test_clean_text_is_unchanged_with_legacy_pairs(clean: str) -> None:
    assert fix_text(clean, LEGACY) == clean


def test_unknown_legacy_pair_is_refused() -> None:
    with pytest.raises(ValueError, match="legacy_pairs"):
        Config(legacy_pairs=(("cp1252", "cp1253"),))
