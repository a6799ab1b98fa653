"""The letter-trigram models of the languages each Latin codepage was written in."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textfix.model.latin_grams import log_likelihood, reading_fit, trigrams
from textfix.model.tables import table


def misread(text: str, original: str) -> str:
    return text.encode(original).decode("cp1252")


def test_trigrams_keep_letters_and_symbols_beyond_ascii() -> None:
    assert trigrams("Ab, 12") == [" ab", "ab "]
    # a symbol misread for a letter stays, to cost what no language has
    assert trigrams("Pow³oka") == [" po", "pow", "ow³", "w³o", "³ok", "oka", "ka "]
    assert trigrams("") == [] and trigrams("%d, 42!") == []


@pytest.mark.parametrize(
    ("original", "codepage"),
    [
        ("Plėtiklio stulpelis", "cp1257"),
        ("Laiko limitas sekundėmis", "cp1257"),
        ("Velikost zakřivení karty", "cp1250"),
        ("Numaralarını Göster", "cp1254"),
    ],
)
def test_misread_text_read_back_fits_its_languages(original: str, codepage: str) -> None:
    assert reading_fit(misread(original, codepage), original, codepage, "cp1252") > 0.2


@pytest.mark.parametrize(
    ("text", "codepage"),
    [
        ("Clicatz sus la pipeta, puèi clicatz", "cp1250"),  # Occitan
        ("Guhartoya %s di pergalê de %s e.", "cp1257"),  # Kurdish
        ("Le nœud est très léger", "cp1250"),
    ],
)
def test_clean_text_read_as_another_codepage_fits_worse(text: str, codepage: str) -> None:
    read = text.encode("cp1252").decode(codepage)
    assert read != text
    assert reading_fit(text, read, codepage, "cp1252") < 0


def test_codepages_without_a_model_give_no_evidence() -> None:
    assert log_likelihood("Привет", "cp1251") == (0.0, 0)
    assert reading_fit("Ïðèâåò", "Привет", "cp1251", "cp1252") == 0.0


def test_every_model_has_the_same_floor() -> None:
    # a larger model must not win by knowing more rare trigrams
    models = table("latin_grams")["models"]
    assert len({model["unseen"] for model in models.values()}) == 1
    assert all(len(model["grams"]) == 3 * len(model["logps"]) for model in models.values())


@given(st.text(max_size=60))
def test_any_text_is_scored(text: str) -> None:
    logp, count = log_likelihood(text, "cp1257")
    assert count == len(trigrams(text)) and logp <= 0.0
