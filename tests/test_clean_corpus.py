"""Zero false positives on real clean text: every translation in ~40 gettext catalogs.

The catalogs are chosen to cover many scripts and languages (about 110,000 strings); the
whole module runs in well under a minute. A catalog that is missing on this machine is
skipped. A few catalog strings are real mojibake; they are excluded here by exact string
and kept as positive cases in test_examples.py.
"""

from __future__ import annotations

import pytest
from mojibake_support import catalog_path, catalog_translations

from textfix import fix_text

# (language, gettext domain)
CATALOGS = (
    ("ru", "postgres-15"),
    ("ru", "git"),
    ("uk", "iso_639-3"),
    ("bg", "git"),
    ("sr", "binutils"),
    ("be", "iso_3166-2"),
    ("el", "gtk20-properties"),
    ("el", "psql-15"),
    ("he", "gtk20-properties"),
    ("he", "glib20"),
    ("ar", "gtk20-properties"),
    ("ar", "xkeyboard-config"),
    ("fa", "glib20"),
    ("th", "dpkg"),
    ("th", "iso_3166-2"),
    ("zh_CN", "git"),
    ("zh_TW", "coreutils"),
    ("ja", "postgres-15"),
    ("ko", "git"),
    ("vi", "git"),
    ("tr", "iso_639-3"),
    ("pl", "git"),
    ("cs", "gnupg2"),
    ("hu", "coreutils"),
    ("ro", "binutils"),
    ("fr", "iso_639-3"),
    ("de", "postgres-15"),
    ("es", "git"),
    ("pt_BR", "coreutils"),
    ("pt", "binutils"),
    ("is", "iso_639-3"),
    ("sv", "gas"),
    ("fi", "gas"),
    ("nb", "gnupg2"),
    ("nb", "tar"),
    ("nl", "python-apt"),
    ("cy", "gtk20"),
    ("ka", "postgres-15"),
    ("hi", "gtk20-properties"),
    ("ga", "gtk20"),
    ("lt", "gtk20-properties"),
    ("ca", "git"),
)

# Catalog strings that are themselves mojibake (UTF-8 read as cp1252 by a translator's tool).
# They are not clean text, so they are left out here; test_examples.py checks their repair.
KNOWN_MOJIBAKE = frozenset(
    {
        "Blokkstørrelse må vÃ¦re delbart på %d.",  # nb/tar
        "Er is al een nieuwere versie geÃ¯nstalleerd",  # nl/python-apt
        # cy/gtk20
        "Clicwch y dewiswr lliw, yna cliciwch ar liw unrhywle ar eich sgrÃ®n er mwyn dewis y lliw hwnnw.",
    }
)


@pytest.mark.parametrize(("language", "domain"), CATALOGS, ids=[f"{lang}/{dom}" for lang, dom in CATALOGS])
def test_catalog_translations_are_unchanged(language: str, domain: str) -> None:
    strings = catalog_translations(language, domain)
    if not strings:
        pytest.skip(f"{catalog_path(language, domain)} is not on this machine")
    changed = [(s, fixed) for s in strings if s not in KNOWN_MOJIBAKE and (fixed := fix_text(s)) != s]
    report = "\n".join(f"  [{language}] {s!r}\n       -> {fixed!r}" for s, fixed in changed[:20])
    assert not changed, f"{len(changed)} of {len(strings)} clean strings changed in {language}/{domain}:\n{report}"


def test_known_mojibake_is_still_in_the_catalogs() -> None:
    """The exclusions above are exact strings of the chosen catalogs, not stale guesses."""
    present = {s for language, domain in CATALOGS for s in catalog_translations(language, domain)}
    if not present:
        pytest.skip("no gettext catalogs on this machine")
    stale = KNOWN_MOJIBAKE - present
    assert not stale, stale


@pytest.mark.parametrize(("language", "domain"), CATALOGS, ids=[f"{lang}/{dom}" for lang, dom in CATALOGS])
def test_a_catalog_as_one_text_is_unchanged(language: str, domain: str) -> None:
    """The catalog's strings as the lines of one long text, read block by block (see
    textfix.blocks): the lines around a line, which look misread together more often
    than one alone, change nothing either."""
    strings = [s for s in catalog_translations(language, domain) if s not in KNOWN_MOJIBAKE]
    if not strings:
        pytest.skip(f"{catalog_path(language, domain)} is not on this machine")
    text = "\n".join(strings)
    fixed = fix_text(text)
    if fixed != text:
        changed = [(a, b) for a, b in zip(text.split("\n"), fixed.split("\n")) if a != b]
        pytest.fail(f"{len(changed)} lines of {language}/{domain} changed as one text: {changed[:5]}")
