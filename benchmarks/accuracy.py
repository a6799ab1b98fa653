"""Repair accuracy per codepage chain, and false positives on clean text per language."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from corpora import half_of
from fixers import FIXERS, TEXTFIX, Fixer
from settings import Settings
from textsets import Chain, Corpus, damage_losslessly, test_half_pool

import textfix
from textfix.codecs import DOUBLE_BYTE_CODECS, LEGACY_PAIRS, SINGLE_BYTE_CODECS, codepage, encode
from textfix.languages import LANGUAGES, base_language

LEGACY_GROUP = "legacy codepages, no hint"
LEGACY_ANY_GROUP = "legacy codepages, no hint, any string the codepage encodes"
HINTED_GROUP = "legacy codepages with a language hint"
BENEATH_GROUP = "legacy text beneath a mojibake layer"
LATIN1_GROUP = "legacy codepages read as latin-1, no hint"

# Two-layer chains met in the wild (the first codepage is applied first), plus random pairs.
TWO_LAYER_CHAINS: tuple[Chain, ...] = (
    ("cp1252", "cp1252"),
    ("cp1252", "iso8859-1"),
    ("iso8859-1", "cp1252"),
    ("cp1250", "cp1252"),
    ("cp1251", "cp1252"),
    ("cp1252", "cp1251"),
    ("mac-roman", "cp1252"),
    ("cp874", "cp1252"),
    ("cp437", "cp1252"),
    ("cp1253", "cp1252"),
)
RANDOM_PAIRS = "random pairs"
MAX_FAILURE_EXAMPLES = 2
MAX_FP_EXAMPLES = 2000
MIN_WORDS = 4  # for the one-damaged-word test
MIN_DOUBLE_BYTE_CHARS = 12


@dataclass(frozen=True)
class Failure:
    original: str
    damaged: str
    output: str


@dataclass
class AccuracyRow:
    group: str
    chain: str
    count: int = 0
    exact: dict[str, int] = field(default_factory=dict)
    crashes: dict[str, int] = field(default_factory=dict)
    wrong: dict[str, int] = field(default_factory=dict)  # changed, but not back to the original
    textfix_failures: list[Failure] = field(default_factory=list)  # the shortest few


def safe_call(fixer: Fixer, text: str) -> str | None:
    """The fixer's output, or None if it raised."""
    try:
        return fixer(text)
    except Exception:  # noqa: BLE001 - a crash is a result here
        return None


def score(row: AccuracyRow, cases: Sequence[tuple[str, str]], textfix_fixer: Fixer | None = None) -> AccuracyRow:
    """Run every fixer on the damaged text of each (original, damaged) case.

    `textfix_fixer` stands in for textfix.fix_text with its defaults (for opt-in steps).
    """
    row.count = len(cases)
    failures: list[Failure] = []
    fixers = dict(FIXERS)
    if textfix_fixer is not None:
        fixers[TEXTFIX] = textfix_fixer
    for name, fixer in fixers.items():
        exact = crashes = wrong = 0
        for original, damaged in cases:
            output = safe_call(fixer, damaged)
            exact += output == original
            crashes += output is None
            wrong += output not in (None, original, damaged)
            if name == TEXTFIX and output != original:
                failures.append(Failure(original, damaged, "<crash>" if output is None else output))
        row.exact[name] = exact
        row.crashes[name] = crashes
        row.wrong[name] = wrong
    row.textfix_failures = sorted(failures, key=lambda f: (len(f.original), f.original))[:MAX_FAILURE_EXAMPLES]
    return row


def whole_string_cases(pool: Sequence[str], chain: Chain, count: int) -> list[tuple[str, str]]:
    cases = []
    for text in pool:
        damaged = damage_losslessly(text, chain)
        if damaged is not None:
            cases.append((text, damaged))
            if len(cases) == count:
                break
    return cases


def one_word_cases(pool: Sequence[str], chain: Chain, count: int) -> list[tuple[str, str]]:
    """Strings of MIN_WORDS+ words with one non-ASCII word (chosen at random) damaged."""
    rng = random.Random(f"one-word:{'>'.join(chain)}")
    cases = []
    for text in pool:
        words = list(re.finditer(r"\S+", text))
        if len(words) < MIN_WORDS:
            continue
        foreign = [word for word in words if not word.group().isascii()]
        if not foreign:
            continue
        word = rng.choice(foreign)
        damaged_word = damage_losslessly(word.group(), chain)
        if damaged_word is None:
            continue
        cases.append((text, text[: word.start()] + damaged_word + text[word.end() :]))
        if len(cases) == count:
            break
    return cases


def random_pair_cases(pool: Sequence[str], count: int) -> list[tuple[str, str]]:
    rng = random.Random("two-layer-random")
    cases = []
    for text in pool:
        damaged = damage_losslessly(text, (rng.choice(SINGLE_BYTE_CODECS), rng.choice(SINGLE_BYTE_CODECS)))
        if damaged is not None:
            cases.append((text, damaged))
            if len(cases) == count:
                break
    return cases


def double_byte_cases(pool: Sequence[str], name: str, count: int) -> list[tuple[str, str]]:
    """Strings of MIN_DOUBLE_BYTE_CHARS+ chars whose UTF-8 reads through a CJK codepage with no byte lost."""
    cases = []
    for text in pool:
        if len(text) < MIN_DOUBLE_BYTE_CHARS:
            continue
        data = text.encode("utf-8", "surrogatepass")
        damaged = data.decode(name, "replace")
        try:
            lossless = damaged.encode(name) == data
        except UnicodeEncodeError:
            lossless = False
        if damaged == text or not lossless:
            continue
        cases.append((text, damaged))
        if len(cases) == count:
            break
    return cases


def legacy_cases(pool: Sequence[str], original: str, shown_as: str, count: int) -> list[tuple[str, str]]:
    """Strings of MIN_DOUBLE_BYTE_CHARS+ chars written in `original`, read with `shown_as`."""
    cases = []
    for text in pool:
        if len(text) < MIN_DOUBLE_BYTE_CHARS:
            continue
        try:
            damaged = codepage(shown_as).decode(text.encode(original))
        except UnicodeEncodeError:
            continue
        if damaged != text:
            cases.append((text, damaged))
            if len(cases) == count:
                break
    return cases


def latin1_cases(legacy: Sequence[tuple[str, str]], original: str, count: int) -> list[tuple[str, str]]:
    """Legacy cases read as Latin-1 rather than cp1252, where the two differ: C1 controls
    for the bytes cp1252 shows as symbols ("\x9fo·¨" is GBK "無法")."""
    cases = []
    for text, misread in legacy:
        damaged = text.encode(original).decode("latin-1")
        if damaged != misread:
            cases.append((text, damaged))
            if len(cases) == count:
                break
    return cases


def beneath_utf8_cases(legacy: Sequence[tuple[str, str]], count: int) -> list[tuple[str, str]]:
    """Legacy cases whose misread text was then saved as UTF-8 and read as cp1252:
    "ÃŽÃ¸Ã¨" is "Îøè" is "Оши" (cp1251 read as cp1252)."""
    cases = []
    for text, misread in legacy:
        damaged = codepage("cp1252").decode(misread.encode("utf-8"))
        if encode(codepage("cp1252"), damaged) is not None:  # (no undefined byte in the way)
            cases.append((text, damaged))
            if len(cases) == count:
                break
    return cases


def chain_accuracy(settings: Settings, corpus: Corpus) -> list[AccuracyRow]:
    pool = test_half_pool(corpus)
    rows = []
    for name in SINGLE_BYTE_CODECS:
        cases = whole_string_cases(pool, (name,), settings.accuracy_per_codec)
        rows.append(score(AccuracyRow("whole string", f"utf-8 → {name}"), cases))
    for name in SINGLE_BYTE_CODECS:
        cases = one_word_cases(pool, (name,), settings.partial_per_codec)
        rows.append(score(AccuracyRow("one damaged word", f"utf-8 → {name}"), cases))
    for chain in TWO_LAYER_CHAINS:
        cases = whole_string_cases(pool, chain, settings.two_layer_per_chain)
        rows.append(score(AccuracyRow("two layers", " → ".join(("utf-8", *chain))), cases))
    cases = random_pair_cases(pool, settings.two_layer_per_chain * 2)
    rows.append(score(AccuracyRow("two layers", RANDOM_PAIRS), cases))
    for name in DOUBLE_BYTE_CODECS:
        cases = double_byte_cases(pool, name, settings.accuracy_per_codec)
        rows.append(score(AccuracyRow("double-byte codepages", f"utf-8 → {name}"), cases))
    hinted, any_language, beneath, latin1 = [], [], [], []
    count = settings.accuracy_per_codec
    for original, shown_as in LEGACY_PAIRS:
        legacy_chain = f"{original} read as {shown_as}"
        # the text of each chain is in the languages written in its original codepage,
        # read without a hint and with one, and beneath a UTF-8 layer (more strings than
        # that needs: some misread texts hold a byte cp1252 leaves undefined); then any
        # text the codepage encodes (Danish in cp1257), which no one wrote in it
        own_cases, hints = hinted_legacy_cases(corpus, original, shown_as, max(count, settings.partial_per_codec * 10))
        rows.append(score(AccuracyRow(LEGACY_GROUP, legacy_chain), own_cases[:count]))
        row = AccuracyRow(HINTED_GROUP, f"{legacy_chain}, languages=[its own]")
        hinted.append(score(row, own_cases[:count], textfix_fixer=_with_languages(hints)))
        cases = latin1_cases(own_cases, original, count) if shown_as == "cp1252" else []
        if cases:  # (Big5, EUC and cp874 text has no byte 0x80-0x9F)
            latin1.append(score(AccuracyRow(LATIN1_GROUP, f"{original} read as latin-1"), cases))
        cases = beneath_utf8_cases(own_cases, settings.partial_per_codec)
        beneath.append(score(AccuracyRow(BENEATH_GROUP, f"{legacy_chain} → utf-8 → cp1252"), cases))
        cases = legacy_cases(pool, original, shown_as, count)
        any_language.append(score(AccuracyRow(LEGACY_ANY_GROUP, legacy_chain), cases))
    return rows + hinted + any_language + latin1 + beneath


def hinted_legacy_cases(
    corpus: Corpus, original: str, shown_as: str, count: int
) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """Held-out strings of the languages written in `original`, read with `shown_as`, and
    each damaged text's language: the hint a caller who knows the data would give."""
    languages = {code for code, names in LANGUAGES.items() if original in names}
    texts = sorted(
        (base_language(language), text)
        for language, strings in corpus.by_language.items()
        if base_language(language) in languages
        for text in strings
        if len(text) >= MIN_DOUBLE_BYTE_CHARS and not text.isascii() and half_of(text) == "test"
    )
    random.Random(f"hinted {original} {shown_as}").shuffle(texts)
    cases: list[tuple[str, str]] = []
    hints: dict[str, str] = {}
    for language, text in texts:
        try:
            damaged = codepage(shown_as).decode(text.encode(original))
        except UnicodeEncodeError:
            continue
        if damaged != text and damaged not in hints:
            cases.append((text, damaged))
            hints[damaged] = language
            if len(cases) == count:
                break
    return cases, hints


def _with_languages(hints: dict[str, str]) -> Fixer:
    configs = {language: textfix.Config(languages=(language,)) for language in set(hints.values())}
    return lambda text: textfix.fix_text(text, configs[hints[text]])


# ---------------------------------------------------------------- false positives


@dataclass
class LanguageFP:
    language: str
    count: int = 0
    changed: dict[str, int] = field(default_factory=dict)
    crashes: dict[str, int] = field(default_factory=dict)
    test_count: int = 0  # strings of the held-out half (the model never saw them)
    test_changed: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class FalsePositive:
    language: str
    original: str
    output: str


@dataclass
class ComposedFP:
    """Clean texts composed of catalog words: what real strings seldom are, but data is."""

    count: int
    changed: dict[str, int]
    textfix_examples: list[FalsePositive]


@dataclass
class FPResult:
    languages: list[LanguageFP]
    textfix_examples: list[FalsePositive]
    whole_corpus: bool
    composed: ComposedFP


def fp_strings(settings: Settings, corpus: Corpus) -> Iterator[tuple[str, list[str]]]:
    for language, texts in corpus.by_language.items():
        if settings.fp_per_language is not None and len(texts) > settings.fp_per_language:
            texts = random.Random(f"fp:{language}").sample(texts, settings.fp_per_language)
        yield language, texts


def false_positives(settings: Settings, corpus: Corpus) -> FPResult:
    languages = []
    examples: list[FalsePositive] = []
    for language, texts in fp_strings(settings, corpus):
        row = LanguageFP(language, len(texts))
        held_out = [half_of(text) == "test" for text in texts]
        row.test_count = sum(held_out)
        for name, fixer in FIXERS.items():
            changed = crashes = test_changed = 0
            for text, is_test in zip(texts, held_out, strict=True):
                output = safe_call(fixer, text)
                if output == text:
                    continue
                changed += 1
                test_changed += is_test
                crashes += output is None
                if name == TEXTFIX and len(examples) < MAX_FP_EXAMPLES:
                    examples.append(FalsePositive(language, text, "<crash>" if output is None else output))
            row.changed[name] = changed
            row.crashes[name] = crashes
            row.test_changed[name] = test_changed
        languages.append(row)
    return FPResult(languages, examples, settings.fp_per_language is None, composed_false_positives(settings, corpus))


# Glued to words or between them: punctuation and symbols of every codepage's upper half.
COMPOSED_SEPARATORS = (
    " ", " ", " ", ", ", ". ", ": ", "/", "'", "-", " — ", " – ", "… ", " «", "» ", " “", "” ", " „", " (", ") ",
    "\xa0", " %s ", " № ", "° ", " © ", " · ", " • ", "’", " ½ ", " € ", " ™ ",
)
COMPOSED_EXAMPLES = 10


def composed_texts(corpus: Corpus, count: int) -> list[tuple[str, str]]:
    """(languages, text): words of one or two languages' catalogs, a few of them repeated
    (a pool of 1 to 8 words), some with a soft hyphen, joined by separators that glue
    symbols to words. Such texts
    found clean-text repairs that no catalog string shows ("đích đích đích", "НаН" thrice)."""
    rng = random.Random("composed")
    vocabularies = {}
    for language, texts in sorted(corpus.by_language.items()):
        words = sorted({word for text in texts for word in text.split() if word.isalpha() and not word.isascii()})
        if len(words) >= 200:
            vocabularies[language] = words
    languages = sorted(vocabularies)
    composed = []
    for _ in range(count):
        first, second = rng.choice(languages), rng.choice(languages)
        pool = rng.sample(vocabularies[first], 4) + rng.sample(vocabularies[second], 4)
        pool = pool[: rng.choice((1, 2, 3, 8))]
        words = [_hyphenated(rng, rng.choice(pool)) for _ in range(rng.randint(1, 10))]
        text = "".join(word + rng.choice(COMPOSED_SEPARATORS) for word in words).strip()
        composed.append((first if first == second else f"{first}+{second}", text))
    return composed


def _hyphenated(rng: random.Random, word: str) -> str:
    """Now and then a soft hyphen inside the word, as typeset text has them."""
    if len(word) < 5 or rng.random() >= 0.3:
        return word
    position = rng.randint(2, len(word) - 2)
    return word[:position] + "\xad" + word[position:]


def composed_false_positives(settings: Settings, corpus: Corpus) -> ComposedFP:
    texts = composed_texts(corpus, settings.composed_texts)
    changed = dict.fromkeys(FIXERS, 0)
    examples: list[FalsePositive] = []
    for name, fixer in FIXERS.items():
        for languages, text in texts:
            output = safe_call(fixer, text)
            if output != text:
                changed[name] += 1
                if name == TEXTFIX and len(examples) < COMPOSED_EXAMPLES:
                    examples.append(FalsePositive(languages, text, "<crash>" if output is None else output))
    return ComposedFP(len(texts), changed, examples)
