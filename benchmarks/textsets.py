"""The texts the benchmarks run on, all built reproducibly from fixed seeds.

The gettext corpus (benchmarks/corpora.py) is loaded once per run and kept in memory;
every sample is drawn with a random.Random seeded by a fixed string, so two runs on the
same machine measure the same lines.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from corpora import gettext_strings, half_of

from textfix.codecs import SINGLE_BYTE_CODECS, codepage, encode

ROOT = Path(__file__).resolve().parent.parent
SEED_FILE = ROOT / "tests" / "data" / "000_2a10f8a404692c78.txt"
# The seed file is English news with four spans of cp874 mojibake; these put them back.
SEED_REPAIRS = {"โ€”": "—", "โ€บ": "›", "ย\xa0": "\xa0"}
ENGLISH = "en_source"  # corpora.gettext_strings() files the msgids under this name
MIN_PROSE_CHARS = 40
THAI_SAMPLE = (
    "ภาษาไทยเป็นภาษาที่มีระดับเสียงของคำแน่นอนหรือวรรณยุกต์เช่นเดียวกับภาษาจีน "
    "และออกเสียงแยกคำต่อคำ เป็นที่สับสนของชาวต่างชาติเนื่องจากการออกเสียง "
)

Chain = tuple[str, ...]  # codepages applied in order, each to the UTF-8 bytes of the text so far


@dataclass(frozen=True)
class Corpus:
    by_language: dict[str, list[str]]
    load_seconds: float

    @property
    def string_count(self) -> int:
        return sum(len(strings) for strings in self.by_language.values())


@cache
def load_corpus() -> Corpus:
    """The whole gettext corpus, loaded once per process (it takes 10-20 s)."""
    started = time.perf_counter()
    by_language = gettext_strings()
    return Corpus(by_language, time.perf_counter() - started)


def seed_lines() -> list[str]:
    """The English lines of the seed file, with its damaged spans repaired."""
    text = SEED_FILE.read_text(encoding="utf-8")
    for damaged, clean in SEED_REPAIRS.items():
        text = text.replace(damaged, clean)
    if re.search("[\u0e00-\u0e7f]", text):
        raise RuntimeError(f"{SEED_FILE} still holds Thai mojibake after repair; update SEED_REPAIRS")
    return [line for line in text.splitlines() if line.strip()]


def as_read(lines: Iterable[str]) -> list[str]:
    """New strings equal to `lines`, made one after another, as a job reading them from a
    file or a column holds them. A line sampled from the corpus is the corpus's own
    object, far in memory from the next one: a pass over such lines misses the
    processor's caches at each line's first touch, which costs a library that spends a
    few microseconds a line (textfix on clean text: a quarter of its time, measured) and
    not one that spends thirty (ftfy)."""
    return [line.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass") for line in lines]


def english_prose(corpus: Corpus, count: int) -> list[str]:
    """Msgid lines of at least MIN_PROSE_CHARS chars (a fixed sample), plus the seed file's lines."""
    lines = sorted(
        {
            line
            for msgid in corpus.by_language.get(ENGLISH, [])
            for line in msgid.splitlines()
            if len(line.strip()) >= MIN_PROSE_CHARS
        }
    )
    seed = seed_lines()
    wanted = max(0, count - len(seed))
    if len(lines) > wanted:
        lines = random.Random("prose").sample(lines, wanted)
    return as_read(lines + seed)


def translations(corpus: Corpus) -> list[str]:
    """Every translated string (msgids left out), in a fixed order."""
    return [text for language, texts in corpus.by_language.items() if language != ENGLISH for text in texts]


def multilingual_lines(corpus: Corpus, count: int) -> list[str]:
    """Non-empty lines of a fixed random sample of translated strings across all languages."""
    pool = translations(corpus)
    rng = random.Random("multilingual")
    lines: list[str] = []
    for text in rng.sample(pool, min(len(pool), count)):
        lines.extend(line for line in text.splitlines() if line.strip())
        if len(lines) >= count:
            break
    return as_read(lines[:count])


def unseen_multilingual_sets(corpus: Corpus, count: int, sets: int, seen: Sequence[str]) -> list[list[str]]:
    """`sets` lists of `count` lines like multilingual_lines', none in `seen` nor in another
    list: a first pass over each measures what a library does with text it has not met."""
    pool = translations(corpus)
    rng = random.Random("unseen multilingual")
    taken = set(seen)
    lines: list[str] = []
    for text in rng.sample(pool, min(len(pool), 2 * count * sets)):
        for line in text.splitlines():
            if line.strip() and line not in taken:
                taken.add(line)
                lines.append(line)
        if len(lines) >= count * sets:
            break
    return [as_read(lines[index * count : (index + 1) * count]) for index in range(sets)]


def damage(text: str, chain: Chain) -> str:
    """UTF-8 bytes of `text` decoded by each codepage of `chain` in turn (lost bytes become U+FFFD)."""
    for name in chain:
        text = codepage(name).decode(text.encode("utf-8"))
    return text


def damage_losslessly(text: str, chain: Chain) -> str | None:
    """Like damage, but None unless every layer can be undone exactly and the text changes."""
    current = text
    for name in chain:
        page = codepage(name)
        data = current.encode("utf-8", "surrogatepass")
        damaged = page.decode(data)
        if encode(page, damaged) != data:
            return None
        current = damaged
    return None if current == text else current


def random_chain(rng: random.Random, two_layer_share: float) -> Chain:
    first = rng.choice(SINGLE_BYTE_CODECS)
    if rng.random() < two_layer_share:
        return (first, rng.choice(SINGLE_BYTE_CODECS))
    return (first,)


def damaged_lines(lines: Sequence[str], two_layer_share: float = 0.25) -> list[str]:
    """The non-ASCII `lines`, each damaged through a random chain of one or two codepages."""
    rng = random.Random("damaged")
    result = []
    for line in lines:
        if line.isascii():
            continue
        damaged = damage(line, random_chain(rng, two_layer_share))
        if damaged != line:
            result.append(damaged)
    return result


def sized_text(unit: str, size_bytes: int) -> str:
    """`unit` repeated to exactly `size_bytes` bytes of UTF-8 (less a partial last char)."""
    unit_bytes = len(unit.encode("utf-8"))
    repeated = unit * (size_bytes // unit_bytes + 1)
    return repeated.encode("utf-8")[:size_bytes].decode("utf-8", "ignore")


def mojibake_alphabet() -> str:
    """Every char some supported codepage gives to a byte 0x80-0xFF, in a fixed order."""
    chars = {c for name in SINGLE_BYTE_CODECS for c in codepage(name).chars(0x80, 0xFF)}
    return "".join(sorted(chars))


def adversarial_units() -> dict[str, str]:
    """Named repeat units of input that is hard for a mojibake detector (or its regexes)."""
    rng = random.Random("adversarial")
    alphabet = mojibake_alphabet()
    dense = "".join(rng.choice(alphabet) for _ in range(4096))
    sparse_words = []
    for _ in range(800):
        word = "".join(rng.choice("etaoinshrdlu") for _ in range(rng.randint(1, 8)))
        position = rng.randint(0, len(word))
        sparse_words.append(word[:position] + "".join(rng.choice(alphabet) for _ in range(2)) + word[position:])
    return {
        '"Ã" repeated': "Ã",
        '"â€" repeated': "â€",
        "Thai text repeated": THAI_SAMPLE,
        "C1 controls U+0080-U+009F": "".join(map(chr, range(0x80, 0xA0))),
        "random mojibake chars (dense)": dense,
        "random mojibake pairs in ASCII words": " ".join(sparse_words) + " ",
        # one unspaced run holding many readings: each reading's word once took a walk to
        # the run's ends (quadratic)
        "CJK without spaces, damaged words glued in": "中文" * 50 + "cafÃ©",
    }


def test_half_pool(corpus: Corpus) -> list[str]:
    """Distinct held-out ("test" half) strings with non-ASCII chars, shuffled by a fixed seed."""
    seen: set[str] = set()
    pool: list[str] = []
    for texts in corpus.by_language.values():
        for text in texts:
            if text not in seen and not text.isascii() and half_of(text) == "test":
                seen.add(text)
                pool.append(text)
    random.Random("test-pool").shuffle(pool)
    return pool


def first_difference(before: str, after: str, context: int = 20) -> tuple[str, str]:
    """The parts of `before` and `after` around their first difference, with some context."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end_before, end_after = len(before), len(after)
    while end_before > start and end_after > start and before[end_before - 1] == after[end_after - 1]:
        end_before -= 1
        end_after -= 1
    left = max(0, start - context)
    if end_before - start > 4 * context:  # many changes: show the first stretch only
        end_before, end_after = start + 2 * context, start + 2 * context
    return before[left : end_before + context], after[left : end_after + context]
