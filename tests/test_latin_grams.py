"""The letter-trigram models of the Latin-script languages, and what they say of a reading."""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.model import latin_grams
from textfix.model.latin_grams import reading_fit, trigrams
from textfix.model.tables import table, unpacked_ints


def misread(text: str, original: str) -> str:
    return text.encode(original).decode("cp1252")


def test_trigrams_keep_letters_and_symbols_beyond_ascii() -> None:
    assert trigrams("Ab, 12") == [" ab", "ab "]
    # a symbol misread for a letter stays, to cost what no language has
    assert trigrams("Pow³oka") == [" po", "pow", "ow³", "w³o", "³ok", "oka", "ka "]
    assert trigrams("") == [] and trigrams("%d, 42!") == []


# What the text is made before its trigrams are taken, as a regex substitution says it
# (the implementation reads the characters one by one)
_PRINTF = re.compile(r"%[-+ #0'.\d*]*(?:hh|ll|[hlqjzt])?[a-z]")
_NOT_LETTERS = re.compile(r"[\s\x00-\x40\x5b-\x60\x7b-\x7f]+")


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("aZk ,.1%sd-\t\n\xa0\u3000\u2028éŁþ³ß\u0130ﬁ·"), max_size=30))
def test_the_normal_text_is_the_lower_case_letters_with_one_space_for_each_run_of_others(text: str) -> None:
    lowered = text.lower()
    if "%" in lowered:
        lowered = _PRINTF.sub(" ", lowered)
    assert latin_grams._normal(text) == " " + _NOT_LETTERS.sub(" ", lowered).strip() + " "


@pytest.mark.parametrize(
    ("original", "codepage"),
    [
        ("Plėtiklio stulpelis", "cp1257"),
        # a language no one wrote in the codepage, but that it encodes
        ("Błędna liczba bajtów", "cp1257"),
        ("Laiko limitas sekundėmis", "cp1257"),
        ("Velikost zakřivení karty", "cp1250"),
        ("Numaralarını Göster", "cp1254"),
    ],
)
def test_misread_text_read_back_fits_its_languages(original: str, codepage: str) -> None:
    assert reading_fit(misread(original, codepage), original, codepage) > 0.2


@pytest.mark.parametrize(
    ("text", "codepage"),
    [
        ("Clicatz sus la pipeta, puèi clicatz", "cp1250"),  # Occitan
        ("Guhartoya %s di pergalê de %s e.", "cp1257"),  # Kurdish
        ("Le nœud est très léger", "cp1250"),
        ("messaç in diviers formâts", "cp1257"),  # Friulian, which no codepage was made for
    ],
)
def test_clean_text_read_as_another_codepage_fits_worse(text: str, codepage: str) -> None:
    read = text.encode("cp1252").decode(codepage)
    assert read != text
    assert reading_fit(text, read, codepage) < 0


def test_codepages_without_a_model_give_no_evidence() -> None:
    assert reading_fit("Ïðèâåò", "Привет", "cp1251") == 0.0
    assert reading_fit("", "", "cp1257") == 0.0


def test_the_original_codepages_languages_do_not_explain_the_text_as_shown() -> None:
    # "Plëtiklio" is Lithuanian but for its "ë": read as Lithuanian, it is not clean text
    originals = table("latin_grams")["originals"]
    assert {"lt", "lv", "et"} <= set(originals["cp1257"]) and "da" not in originals["cp1257"]
    assert {"cs", "pl"} <= set(originals["cp1250"]) and {"tr", "az"} <= set(originals["cp1254"])


def test_every_model_has_the_same_floor() -> None:
    # a larger model must not win by knowing more rare trigrams: one UNSEEN, below them all
    data = table("latin_grams")
    assert len(data["languages"]) >= 40
    for model in data["languages"].values():
        logps = unpacked_ints(model["logps"], "b")
        assert len(model["grams"]) == 3 * len(logps)
        assert max(logps) <= 0 and min(logps) > data["unseen"]


@given(st.text(max_size=60), st.sampled_from(["cp1250", "cp1254", "cp1257"]))
def test_any_text_is_scored(text: str, codepage: str) -> None:
    read = text.encode(codepage, "replace").decode("cp1252", "replace")
    fit = reading_fit(text, read, codepage)
    assert isinstance(fit, float) and (fit == 0.0 or trigrams(read))


@pytest.mark.parametrize(
    "shown",
    ["HOIATUS: teade on krüptitud sümmeetrilise šifri nõrga võtmega.", "Gjerësia më e vogël", "Bùædna dane", "x"],
)
def test_the_text_as_shown_fits_as_the_models_of_other_languages_say(shown: str) -> None:
    # (each model's mean worked out once for every original codepage: the same best fit
    # as over the other languages' models alone)
    models = latin_grams._models()
    for original, own in models.originals.items():
        others = [column for column, name in enumerate(models.languages) if name not in own]
        assert latin_grams._shown_fit(shown, original) == latin_grams._best_fit(rows_of(shown), others)


def rows_of(text: str) -> list[int]:
    return latin_grams._rows_in(latin_grams._normal(text))


@cache
def stored_logps() -> dict[str, dict[int, int]]:
    """Each trigram's log-probabilities (as stored) by the column of each model that has
    it, read from the table as it is written: the reference for the models' flat tables."""
    found: dict[str, dict[int, int]] = {}
    for column, model in enumerate(table("latin_grams")["languages"].values()):
        for index, logp in enumerate(unpacked_ints(model["logps"], "b")):
            found.setdefault(model["grams"][3 * index : 3 * index + 3], {})[column] = logp
    return found


def _sum_afresh(grams: list[str], column: int) -> float:
    unseen = latin_grams._models().unseen
    total = 0.0
    for gram in grams:
        stored = stored_logps().get(gram, {}).get(column)
        total += unseen if stored is None else stored / latin_grams.LOGP_SCALE
    return total


def test_the_flat_tables_find_every_trigram_of_the_models_and_no_other() -> None:
    # (the flat tables as written by the build script, against each model as written)
    models = latin_grams._models()
    assert len(models.thirds) == len(stored_logps())
    for gram, logps in stored_logps().items():
        row = latin_grams._rows_at(gram, [0])[0]
        assert row != latin_grams._NO_ROW
        for column in range(models.width):
            stored = logps.get(column)
            assert latin_grams._logp(row, column, models.rows, models.unseen) == (
                models.unseen if stored is None else stored / latin_grams.LOGP_SCALE
            )
    for gram in ("qqq", "zzx", "a\U0001f600b", "\u2265ab", " \u0430z"):
        assert (gram in stored_logps()) == (latin_grams._rows_at(gram, [0])[0] != latin_grams._NO_ROW)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab éłşą\u2264\u2265\u0430\uffff\U0001f600"), max_size=12))
def test_a_text_s_rows_are_those_of_its_trigrams_one_by_one(text: str) -> None:
    normal = latin_grams._normal(text)
    rows = latin_grams._rows_at(normal, list(range(len(normal) - 2)))
    assert latin_grams._rows_in(normal) == rows
    assert [row != latin_grams._NO_ROW for row in rows] == [gram in stored_logps() for gram in trigrams(text)]


@given(
    st.lists(
        st.text(st.sampled_from("aeiklnorstuyzàäåæçèéëíñóöøúüýþăąćčęěğıłńőřśşšţůűźżž "), min_size=1, max_size=40),
        min_size=1,
        max_size=4,
    )
)
def test_the_best_fit_is_the_best_models_mean_whichever_is_tried_first(texts: list[str]) -> None:
    # (texts in turn: each starts from the model the one before fit best)
    models = latin_grams._models()
    for text in texts:
        grams = trigrams(text)
        if not grams:
            continue
        rows = rows_of(text)
        columns = range(len(models.languages))
        means = [_sum_afresh(grams, column) / len(grams) for column in columns]
        assert latin_grams._best_fit(rows, columns) == max(means)
        assert latin_grams._best_fit(rows, [3, 1, 2]) == max(means[3], means[1], means[2])
        assert latin_grams._best_fit(rows, []) == models.unseen


def _reads_better_afresh(shown: str, read: str, languages: tuple[str, ...], original: str, margin: float) -> bool:
    models = latin_grams._models()
    read_grams, shown_grams = trigrams(read), trigrams(shown)
    if not read_grams or not shown_grams:
        return False
    likeliest = max(_sum_afresh(read_grams, models.column_of[name]) for name in languages)
    own = models.originals.get(original, frozenset())
    return not any(
        _sum_afresh(shown_grams, models.column_of[name]) > likeliest - margin
        for name in models.languages
        if name not in own
    )


@pytest.mark.parametrize(
    "shown",
    [
        "Ef þetta er stillt sem satt, mun Nautilus tengjast diskum",  # Icelandic, clean
        "Gjerësia më e vogël e dëshiruar e elementit të menusë, në gërma",  # Albanian, clean
        "Negalima pakeisti failø pavadinimø, nes failas uþrakintas",  # Lithuanian through cp1252
        "Yazý tipi seçilemedi, dosya açýlamadý.",  # Turkish through cp1252
    ],
)
def test_a_text_read_whole_through_pair_after_pair_is_weighed_as_afresh(shown: str) -> None:
    # (the text as shown is weighed once for all the pairs that read it, in turn)
    for original, languages in (("cp1257", ("lt", "lv", "et")), ("cp1254", ("tr", "az")), ("cp1250", ("pl", "cs"))):
        read = shown.encode("cp1252").decode(original)
        expected = _reads_better_afresh(shown, read, languages, original, 10.0)
        assert latin_grams.reads_better_by(shown, read, languages, original, 10.0) == expected


_LATIN_LETTERS = "aeiklnorstuyz àäåæçèéëíñóöøúüýþăąćčęěğıłńőřśşšţůűźżžİ"


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from(_LATIN_LETTERS), min_size=1, max_size=60),
    st.lists(st.tuples(st.integers(0, 59), st.sampled_from(_LATIN_LETTERS)), max_size=6),
    st.sampled_from([("cp1257", ("lt", "lv", "et")), ("cp1254", ("tr", "az")), ("cp1250", ("pl", "cs"))]),
)
def test_a_reading_is_weighed_from_the_changes_as_afresh(
    shown: str, changes: list[tuple[int, str]], pair: tuple[str, tuple[str, ...]]
) -> None:
    # (the read text's totals come from the shown text's and the trigrams it changes)
    letters = list(shown)
    for index, letter in changes:
        letters[index % len(letters)] = letter
    read = "".join(letters)
    original, languages = pair
    models = latin_grams._models()
    weighed = latin_grams._shown_weighed(shown)
    columns = [models.column_of[name] for name in languages]
    totals = latin_grams._totals_as_changed(
        weighed, latin_grams._normal(read), columns, lambda column: _sum_afresh(trigrams(shown), column)
    )
    if totals is not None:
        for total, column in zip(totals, columns):
            assert abs(total - _sum_afresh(trigrams(read), column)) < latin_grams._ROUNDING / 1000
    expected = _reads_better_afresh(shown, read, languages, original, 10.0)
    assert latin_grams.reads_better_by(shown, read, languages, original, 10.0) == expected


def test_a_reading_must_be_likelier_by_the_margin() -> None:
    shown = "Negalima pakeisti failø pavadinimø, nes failas uþrakintas"
    read = shown.encode("cp1252").decode("cp1257")
    for margin, expected in ((10.0, True), (1e6, False)):
        assert latin_grams.reads_better_by(shown, read, ("lt", "lv", "et"), "cp1257", margin) == expected
        assert _reads_better_afresh(shown, read, ("lt", "lv", "et"), "cp1257", margin) == expected
