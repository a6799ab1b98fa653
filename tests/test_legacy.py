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


@pytest.mark.parametrize(
    ("language", "original", "codec"),
    [
        ("ru", "Съешь же ещё этих мягких французских булок, да выпей чаю.", "koi8-r"),
        ("pl", "Zażółć gęślą jaźń to znane polskie zdanie testowe.", "cp1250"),
        ("lt", "Lietuvių kalba yra viena seniausių kalbų pasaulyje.", "cp1257"),
        ("ja", "日本語のテキストを表示します", "shift_jis"),
        ("zh", "中文文本没有问题，谢谢你的帮助", "gbk"),
        ("ko", "한국어 텍스트를 표시합니다", "euc_kr"),
    ],
)
def test_language_hint_turns_on_its_legacy_codepages(language: str, original: str, codec: str) -> None:
    shown_as = "cp1251" if codec == "koi8-r" else "cp1252"
    damaged = misread(original, codec, shown_as)
    # no hint: legacy readings stay off (the UTF-8 readings may still touch pairs such
    # as "Ä±" in GBK read as cp1252: a known gap, see the README)
    assert fix_text(damaged) != original
    assert fix_text(damaged, languages=[language]) == original
    assert fix_text(original, languages=[language]) == original


def test_language_hint_is_checked() -> None:
    assert Config(languages=["pt_BR", "ru-RU"]).languages == ("pt", "ru")
    with pytest.raises(ValueError, match="unknown language"):
        Config(languages=["xx"])
    with pytest.raises(ValueError, match="list of codes"):
        Config(languages="ru")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("original", "codec", "language"),
    [
        ("Geçersiz kök öğesi: '%s'", "cp1254", "tr"),  # one word, one letter: "ð" is no Turkish letter
        ("przeniesienie klucza na kartę procesorową", "cp1250", "pl"),  # "ê" is no Polish letter
        ("Tikai ignorēta visa datne.", "cp1257", "lv"),
    ],
)
def test_the_hinted_alphabet_repairs_words_the_character_model_finds_plausible(
    original: str, codec: str, language: str
) -> None:
    damaged = codepage("cp1252").decode(original.encode(codec))
    assert fix_text(damaged, languages=[language]) == original


@pytest.mark.parametrize(
    ("clean", "language"),
    [
        ("São Lourenço dos Órgãos", "pl"),  # names keep their letters
        ("Liège i Huíla", "pl"),
        ("френска — bépo, само латиница", "bg"),  # a Latin word in Cyrillic text stays Latin
    ],
)
def test_foreign_names_stay_under_a_hint(clean: str, language: str) -> None:
    assert fix_text(clean, languages=[language]) == clean


def test_alphabets_of_hinted_languages() -> None:
    from textfix.languages import alphabet

    baltic = alphabet(("lt",))
    assert baltic is not None and {"ė", "ē", "š"} <= baltic  # Latvian shares cp1257
    turkish = alphabet(("tr",))
    assert turkish is not None and "ğ" in turkish and "ð" not in turkish
    assert alphabet(("zh",)) is None
