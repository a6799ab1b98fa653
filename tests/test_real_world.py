"""Pinned lines of real text from outside the gettext catalogs: man pages, changelogs,
keyboard maps and source files of a Debian machine (see benchmarks/wild.py).

The catalogs are short interface strings; text in the wild has trees, tables and
frames drawn with box characters, code that quotes single characters, listings of
letters, footnote marks and units. None of that is damage. The same files hold real
mojibake too, which is repaired.
"""

from __future__ import annotations

import pytest

from textfix import detect, fix_text


@pytest.mark.parametrize(
    "clean",
    [
        # trees and tables drawn with box characters (systemd-analyze, tree, console.table)
        "  └─pmcd\\&.service @33\\&.715s +2\\&.247s",
        "                  └─session\\-5\\&.scope",
        "                 │  └──StringLeaf(\"'a'\")",
        "// ├─────────┼─────┼─────┤",
        "// └─────────┴─────┘</span></code>",
        ".\n├── mew\n└── mewtwo -> ./mew",
        "// ├───┼───┼───┤TL │",
        "ffffffff816250b8:│  mov    0x8(%r14),%rdi",
        # a box or block character quoted in code
        "depth = exc_line.rindex('─')",
        'indent=f"[{colour}]│[/] ",',
        'yield Segment("▄", Style(color=color, bgcolor=bgcolor))',
        "    177: 192,  # '▒'",
        "    200: 215,  # '╚'",
        "Example: ['-', '|', '-', '|', '┌', '┐', '┘', '└']",
        # listings of letters ("Å " would be "Š" with its no-break space lost)
        "    // Q W F P G   J L U Y Ø Å ¨",
        "\tMAP eéëêè ~",
        "\tMAP uüùúû ~",
        "self.wordchars += ('ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ'",
        "'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ')",
        "               + (last ? chr('└') : chr('├')) + chr('─')",
        # a footnote mark after a word
        "from those in attachment #4122².  The post³ on xorg resulted in only",
        # characters a Mac keyboard types, listed: "œ∑" is UTF-8 for an archaic Greek
        # letter through mac-roman, "ßµ" for an N'Ko mark through cp1252
        'pd.DataFrame({"a": ["µasd", "Ωœ∑`"], "b": ["øπ∆˚¬", "œ∑`®"]})',
        " libs/wave/test/testwave/testfiles/utf8-test-ßµ™∃/file.hpp",
    ],
)
def test_clean_text_from_outside_the_catalogs_is_unchanged(clean: str) -> None:
    assert fix_text(clean) == clean
    assert all(finding.confidence < 0.9 for finding in detect(clean))


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        # a Spanish man page (fakeroot) whose UTF-8 was read as Latin-1 before it was packaged
        (
            "superusuario para la manipulaciÃ³n de ficheros. Ã\x9atil para",
            "superusuario para la manipulación de ficheros. Útil para",
        ),
        (".SH \"VÃ\x89ASE ADEMÃ\x81S\"", ".SH \"VÉASE ADEMÁS\""),
        # a German man page (ps) with an English sentence whose dash went the same way
        (
            "Number of read I/O operationsâ\x80\x94that is, system calls such as",
            "Number of read I/O operations—that is, system calls such as",
        ),
        # a Polish commit message in a changelog, through ISO-8859-2
        ("\ts/twĂłĹź/twĂłrz/ (fix by Michał Łomnicki)", "\ts/twóż/twórz/ (fix by Michał Łomnicki)"),
        # a comment in an X keyboard map
        ("grave  ] };  // Ñ‘, Ð\x81", "grave  ] };  // ё, Ё"),
    ],
)
def test_real_mojibake_from_outside_the_catalogs_is_repaired(damaged: str, repaired: str) -> None:
    assert fix_text(damaged) == repaired


def test_a_quote_whose_first_byte_was_lost_is_no_mark_of_another_script() -> None:
    # a German man page (pslog) where roff's "\(cq" took the place of the lead byte of "’":
    # the two continuation bytes are C1 controls, which read as cp1252 characters, not as
    # an Arabic Quranic stop on the "q" (UTF-8 through three layers of codepages)
    assert fix_text("Vito Mule\\(cq\x80\x99") == "Vito Mule\\(cq€™"


@pytest.mark.xfail(strict=True, reason="known gap: see the README")
@pytest.mark.parametrize(
    "clean",
    [
        # a Cyrillic "с" typed for a Latin "c" reads as Spanish "ñ" through cp1251: telling
        # a mistyped English word from a misread one needs English words, which the
        # vocabulary lacks
        "\tio_uring: deсode IORING_REGISTER_RESTRICTIONS io_uring_register op.",
        # a keyboard map's letter pairs; "вВ" is UTF-8 "Ҳ" through ISO-8859-5
        "// фФ ыЫ вВ аА пП рР оОёЁ лЛ дД ;: '\"",
    ],
)
def test_clean_text_from_outside_the_catalogs_still_changed(clean: str) -> None:
    assert fix_text(clean) == clean
