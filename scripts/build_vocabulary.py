"""Build the vocabulary of common words with non-ASCII letters in Latin-script languages
(src/textfix/model/vocabulary.json).

A legacy misreading between two Latin codepages changes one or two letters a word
("značka" shown as "znaèka" through cp1250 read as cp1252). The character model scores
letters by class, so it hardly tells those apart; whether the word before or after is a
word at all does. For each of wordfreq's Latin-script languages, its most common words
that have a non-ASCII letter, in lower case (ASCII words read the same in every
codepage).

wordfreq has no list for many languages of the catalogs (Occitan, Asturian, Irish,
Albanian...), and its lists miss the words of software. So the words of the "train" half
of the gettext catalogs join them: those with a non-ASCII letter, three letters or more,
found in at least CATALOG_STRINGS strings of a language written in a Latin codepage, all
of their letters the language's own (the catalogs hold some mojibake too: "dosyasý" is
no Turkish word). "puèi" is common Occitan: no reason to read it as Croatian "puči".

Each word is marked with the Latin codepages its languages were written in (see
textfix.languages; for a language not there, those that encode it): "pergalę" is a
Lithuanian word, evidence for a cp1257 reading, none for a cp1250 one.

Beside them, the most common ASCII words of the languages each Latin codepage writes
("ascii_words"): the words a misreading leaves alone tell which language, and so which
codepage, the text is in ("kenar", "dizin" are Turkish, "sus", "que" are not).
Deterministic. Run: python scripts/build_vocabulary.py (needs wordfreq)
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache, partial
from pathlib import Path

import wordfreq

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "scripts"), str(ROOT / "benchmarks")]

# the same languages as the misread grams, Romanian in the same cedilla forms
from build_alphabets import MIN_SHARE, kept_letters, writable, writes  # noqa: E402
from build_misread_grams import LATIN_LANGUAGES, LEGACY_FORMS, ORIGINALS, written_in  # noqa: E402
from corpora import gettext_strings  # noqa: E402

from textfix.languages import LANGUAGES, base_language  # noqa: E402
from textfix.model.tables import write  # noqa: E402
from textfix.model.vocabulary import CODEPAGES, MARK_BASE, vocabulary_mark  # noqa: E402

OUT = ROOT / "src" / "textfix" / "model" / "vocabulary.json"
WORDS = 30_000  # of each language's list: the words with a non-ASCII letter among them
ASCII_WORDS = 10_000  # of each language's list: its ASCII words of two letters or more
WESTERN = "cp1252"
# English words are everywhere, in technical text of every language: they tell nothing
NOT_TELLING = ("en",)
CATALOG_STRINGS = 3
_CATALOG_WORD = re.compile(r"\w+")


def codepages_writing(language: str, writes_it: Callable[[str], bool]) -> frozenset[str]:
    """The codepages of vocabulary.CODEPAGES the language was written in: those
    textfix.languages names, or for a language it does not know, those `writes_it`."""
    named = set(LANGUAGES.get(language, ())) & set(CODEPAGES)
    if language in LANGUAGES:
        return frozenset(named)
    if writes_it(WESTERN):
        return frozenset({WESTERN})
    return frozenset(name for name in ORIGINALS if writes_it(name))


def catalog_words() -> dict[str, tuple[frozenset[str], set[str]]]:
    """The words of the catalogs' train half (see the module's docstring), by language,
    with the codepages the language was written in."""
    texts: dict[str, list[str]] = {}
    for language, strings in gettext_strings("train").items():
        texts.setdefault(base_language(language), []).extend(strings)
    found: dict[str, tuple[frozenset[str], set[str]]] = {}
    for language, strings in sorted(texts.items()):
        letters = kept_letters(Counter(c for text in strings for c in text if c.isalpha()), MIN_SHARE)
        if not letters or not any(writes(name, letters) for name in (WESTERN, *ORIGINALS)):
            continue
        codepages = codepages_writing(language, partial(writes, letters=letters))
        seen: Counter[str] = Counter()
        for text in set(strings):
            seen.update(
                {
                    word.lower()
                    for word in _CATALOG_WORD.findall(text)
                    if not word.isascii()
                    and len(word) >= 3
                    and all((c.isascii() and c.isalpha()) or c.lower() in letters for c in word)
                }
            )
        words = {word for word, count in seen.items() if count >= CATALOG_STRINGS}
        print(f"{language} ({' '.join(sorted(codepages)) or '-'}): {len(words)} catalog words")
        found[language] = codepages, words
    return found


def ascii_words_by_codepage() -> dict[str, str]:
    """For cp1252 and each Latin original, the common ASCII words of the languages
    written in it (see codepages_writing)."""
    lists = {
        language: [word for word in wordfreq.top_n_list(language, ASCII_WORDS) if word.isascii()]
        for language in LATIN_LANGUAGES
        if language not in NOT_TELLING
    }
    found = {}
    for name in (WESTERN, *ORIGINALS):
        languages = [language for language in lists if name in wordfreq_codepages(language)]
        words = {
            word.lower() for language in languages for word in lists[language] if word.isalpha() and len(word) >= 2
        }
        print(f"{name}: {' '.join(sorted(languages))}: {len(words)} ASCII words")
        found[name] = "\n".join(sorted(words))
    return found


def main() -> None:
    marks: dict[str, int] = {}

    def add(words: Iterable[str], codepages: frozenset[str]) -> None:
        mark = vocabulary_mark(codepages)
        for word in words:
            marks[word] = marks.get(word, 0) | mark

    for language in LATIN_LANGUAGES:
        found = {
            word.lower()
            for word in wordfreq.top_n_list(language, WORDS)
            # cased letters only: the lists hold some mojibake ("ºi" for Romanian "şi")
            if not word.isascii() and all(unicodedata.category(c) in ("Ll", "Lu") for c in word)
        }
        found |= {word.translate(LEGACY_FORMS) for word in found}
        codepages = wordfreq_codepages(language)
        print(f"{language} ({' '.join(sorted(codepages)) or '-'}): {len(found)} words")
        add(found, codepages)
    for codepages, words in catalog_words().values():
        add(words, codepages)
    # one sorted string of "word<TAB>mark" lines: textfix.model.vocabulary searches it in place
    lines = sorted(f"{word}\t{chr(MARK_BASE + mark)}" for word, mark in marks.items())
    table = {"generated_by": "scripts/build_vocabulary.py", "words": "\n".join(lines)}
    table["ascii_words"] = ascii_words_by_codepage()
    write(OUT, table)
    print(f"{len(lines)} words -> {OUT} ({OUT.stat().st_size // 1024} KB)")


@cache  # (asked once per codepage for the ASCII words, and again for the marks)
def wordfreq_codepages(language: str) -> frozenset[str]:
    """The codepages a language of wordfreq was written in (see codepages_writing)."""
    listed = wordfreq.top_n_list(language, 5000)
    return codepages_writing(language, lambda name: _written(listed, name))


def _written(words: list[str], name: str) -> bool:
    """Whether codepage `name` writes the language of these common words: cp1252 those
    it encodes whole, an original those it writes differently (build_misread_grams)."""
    if name == WESTERN:
        return sum(writable(word, name) for word in words) >= 0.99 * len(words)
    return written_in([(word, 0.0) for word in words], name)


if __name__ == "__main__":
    main()
