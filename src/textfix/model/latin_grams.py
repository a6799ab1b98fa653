"""Which language a Latin text reads like: a letter-trigram model of each Latin-script
language (latin_grams.json, built by scripts/build_latin_grams.py from the catalogs and
wordfreq's lists), and which of them are no explanation of text misread from each Latin
codepage (see reading_fit).

Between two Latin codepages a misreading changes a letter or two a word, and the
character model, which scores letters by class, hardly tells "Plëtiklio stulpelis" from
"Plėtiklio stulpelis". The languages do: "ėti", "lis " and " stu" are Lithuanian, and
the words a misreading leaves alone are of the text's own language too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache

from textfix.model.tables import table, unpacked_ints
from textfix.patterns import compiled

# Letters are kept, in lower case, and so are symbols beyond ASCII: a letter misread as
# one ("ž" as "˛" through cp1257) or one misread as a letter ("³" for "ł") must cost
# what no language has. Any run of spaces, ASCII digits and punctuation, and printf
# directives ("%s", "%-2d": of no language either) is one space.
# (two searches, each starting at one class or literal, which the engine skips to in C:
# as one alternation it was tried at every character, 1.5x as long)
_PRINTF_DIRECTIVE = compiled(r"%[-+ #0'.\d*]*(?:hh|ll|[hlqjzt])?[a-z]")
_NOT_LETTERS = compiled(r"[\s\x00-\x40\x5b-\x60\x7b-\x7f]+")
LOGP_SCALE = 10.0  # the table holds natural-log probabilities times this, as ints


Model = dict[str, float]


@cache
def _models() -> tuple[dict[str, Model], dict[str, tuple[str, ...]], float]:
    """Each language's trigram log-probabilities, the languages of each original
    codepage (see reading_fit), and the log-probability of a trigram a model lacks."""
    data = table("latin_grams")
    models = {}
    for language, found in data["languages"].items():
        grams: str = found["grams"]
        logps = unpacked_ints(found["logps"], "b")
        models[language] = {grams[3 * index : 3 * index + 3]: logp / LOGP_SCALE for index, logp in enumerate(logps)}
    originals = {name: tuple(members) for name, members in data["originals"].items()}
    return models, originals, data["unseen"] / LOGP_SCALE


def trigrams(text: str) -> list[str]:
    """The text's letter trigrams, in lower case, with a space for the edges of words."""
    lowered = text.lower()
    if "%" in lowered:
        lowered = _PRINTF_DIRECTIVE.sub(" ", lowered)
    normal = " " + _NOT_LETTERS.sub(" ", lowered).strip() + " "
    return [normal[index : index + 3] for index in range(len(normal) - 2)]


def _best_fit(grams: list[str], models: Iterable[Model]) -> float:
    """The mean log-probability (natural) of the trigrams under the model they fit best."""
    unseen = _models()[2]
    best: float | None = None
    for model in models:
        mean = _sum_of(grams, model, unseen) / len(grams)
        if best is None or mean > best:
            best = mean
    return unseen if best is None else best


def _sum_of(grams: list[str], model: Model, unseen: float) -> float:
    # (a loop, not sum() of a generator: compiled, its float adds are native, in the
    # order sum() makes them)
    total = 0.0
    for gram in grams:
        total += model.get(gram, unseen)
    return total


# A text of this many trigrams counts half: a name or two fit one model or the other by
# a letter, "Puèi Domat" Croatian as well as Occitan.
HALF_WEIGHT_TRIGRAMS = 20


@lru_cache(maxsize=64)
def _shown_fit(shown: str, original: str) -> float:
    # (the same for every pair of the original codepage that reads the text)
    models, originals, _ = _models()
    own = originals[original]
    return _best_fit(trigrams(shown), (model for language, model in models.items() if language not in own))


def reading_fit(shown: str, read: str, original: str) -> float:
    """How much better, per trigram, the text as read fits the Latin language it reads
    most like than the text as shown fits any language but those of `original` (written
    in it, or in letters it has and cp1252 lacks: see scripts/build_latin_grams.py; 0
    for a codepage without models), weighed down for a short text.

    Any language: clean text in a language no codepage of the pair was made for
    ("formâts", Friulian) is not misread, and misread text may be of any language the
    original encodes (Polish "Bùædna" is "Błędna" through cp1257). But the original's
    own languages are no explanation of the text as shown: its words are theirs, but
    not its letters ("Plëtiklio stulpelis" is Lithuanian but for "ë")."""
    models, originals, _ = _models()
    grams = trigrams(read)
    if original not in originals or not grams:
        return 0.0
    weight = len(grams) / (len(grams) + HALF_WEIGHT_TRIGRAMS)
    return weight * (_best_fit(grams, models.values()) - _shown_fit(shown, original))


def reads_better_by(shown: str, read: str, languages: Iterable[str], original: str, margin: float) -> bool:
    """Whether the text as read is likelier, by `margin` nats or more over all its
    trigrams, under the model of the language it reads most like among `languages` than
    the text as shown is under any model but those of `original` (see reading_fit).
    Summed, not averaged: the more text reads as the language, the surer; a name or two
    ("Tûvalû") weigh little.

    Clean text is turned away by the first model that explains it well enough, so the
    models are tried in the order of their last such win: text of one language meets
    that language's model first."""
    models, originals, _ = _models()
    read_grams, shown_grams = Counter(trigrams(read)), Counter(trigrams(shown))
    likeliest = _likeliest(read_grams, languages)
    if likeliest is None or not shown_grams:
        return False
    bar = likeliest[0] - margin
    own = originals.get(original, ())
    order = _refuting_order()
    for position, name in enumerate(order):
        if name not in own and _total(models[name], shown_grams) > bar:
            order.insert(0, order.pop(position))
            return False
    return True


def reads_into_unseen_letters(read: str, languages: Iterable[str], words: Iterable[tuple[str, str]]) -> bool:
    """Whether a word, read, puts its new letters where the language the text reads most
    like among `languages` never has them: every trigram the reading brings into it is
    unseen ("ýüklenip" read as Turkish "ıüklenip": Turkish has no "ıü"). `words` are
    (shown, read) pairs."""
    likeliest = _likeliest(Counter(trigrams(read)), languages)
    if likeliest is None:
        return False
    model = likeliest[1]
    for shown_word, read_word in words:
        brought = set(trigrams(read_word)) - set(trigrams(shown_word))
        if brought and not any(gram in model for gram in brought):
            return True
    return False


def _total(model: Model, grams: Counter[str]) -> float:
    """log P of the trigrams, summed, under the model."""
    unseen = _models()[2]
    # (a loop, as in _sum_of)
    total = 0.0
    for gram, count in grams.items():
        total += count * model.get(gram, unseen)
    return total


def _likeliest(grams: Counter[str], languages: Iterable[str]) -> tuple[float, Model] | None:
    """The summed log P of the trigrams under the model of `languages` that likes them
    best, and that model; None without trigrams or models."""
    models = _models()[0]
    scored = [(_total(models[name], grams), models[name]) for name in languages if name in models]
    return max(scored, key=lambda pair: pair[0]) if grams and scored else None


@cache
def _refuting_order() -> list[str]:
    """The language models, the last to explain a text as shown first (see reads_better_by)."""
    return sorted(_models()[0])
