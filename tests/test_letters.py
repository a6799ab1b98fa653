"""The letter sets of the languages each codepage of the Latin legacy pairs writes."""

from __future__ import annotations

import pytest

from textfix.model.letters import non_ascii_letters, written_in


def test_letters_are_the_cased_non_ascii_ones_in_lower_case() -> None:
    assert non_ascii_letters("Ça VA, Ýý? ªº 12 ab") == frozenset("çý")
    assert non_ascii_letters("İstanbul") == frozenset("İ")  # it lowers into two characters


@pytest.mark.parametrize(
    ("text", "codepage", "expected"),
    [
        ("Þetta er íslenska, með ð", "cp1252", True),
        ("français, garçon, où", "cp1252", True),
        ("seçeneðini kullanýr", "cp1252", False),  # misread Turkish: "ç" beside "ð" and "ý"
        ("seçeneğini kullanır", "cp1254", True),
        ("où, à", "cp1254", False),  # cp1254 writes French, but so does cp1252: not its own
        ("žinyno puslapis, ąžuolas", "cp1257", True),
        ("veličinu prozora", "cp1250", True),
    ],
)
def test_written_in(text: str, codepage: str, expected: bool) -> None:
    assert written_in(non_ascii_letters(text), codepage) is expected
