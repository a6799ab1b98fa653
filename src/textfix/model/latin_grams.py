"""Which Latin codepage's languages a text reads like: letter-trigram models of the
languages each Latin codepage was written in (latin_grams.json, built by
scripts/build_latin_grams.py from the catalogs and wordfreq's lists).

Between two Latin codepages a misreading changes a letter or two a word, and the
character model, which scores letters by class, hardly tells "Plëtiklio stulpelis" from
"Plėtiklio stulpelis". The languages do: "ėti", "lis " and " stu" are Lithuanian, and
the words a misreading leaves alone are of the text's own language too.
"""

from __future__ import annotations

from functools import cache

from textfix.model.tables import table
from textfix.patterns import compiled

# Letters are kept, in lower case, and so are symbols beyond ASCII: a letter misread as
# one ("ž" as "˛" through cp1257) or one misread as a letter ("³" for "ł") must cost
# what no language has. Any run of spaces, ASCII digits and punctuation, and printf
# directives ("%s", "%-2d": of no language either) is one space.
_NOT_LETTERS = compiled(r"(?:%[-+ #0'.\d*]*(?:hh|ll|[hlqjzt])?[a-z]|[\s\x00-\x40\x5b-\x60\x7b-\x7f])+")
LOGP_SCALE = 10.0  # the table holds natural-log probabilities times this, as ints


@cache
def _model(codepage: str) -> tuple[dict[str, float], float] | None:
    found = table("latin_grams")["models"].get(codepage)
    if found is None:
        return None
    grams: str = found["grams"]
    logps = [value / LOGP_SCALE for value in found["logps"]]
    return {grams[3 * index : 3 * index + 3]: logp for index, logp in enumerate(logps)}, found["unseen"] / LOGP_SCALE


def trigrams(text: str) -> list[str]:
    """The text's letter trigrams, in lower case, with a space for the edges of words."""
    normal = " " + _NOT_LETTERS.sub(" ", text.lower()).strip() + " "
    return [normal[index : index + 3] for index in range(len(normal) - 2)]


def log_likelihood(text: str, codepage: str) -> tuple[float, int]:
    """The text's log-probability (natural) under the trigram model of the languages
    `codepage` writes, and the number of trigrams it was summed over."""
    model = _model(codepage)
    grams = trigrams(text)
    if model is None:
        return 0.0, 0
    logps, unseen = model
    return sum(logps.get(gram, unseen) for gram in grams), len(grams)


# A text of this many trigrams counts half: a name or two fit one model or the other by
# a letter, "Puèi Domat" Croatian as well as Occitan.
HALF_WEIGHT_TRIGRAMS = 20


def reading_fit(shown: str, read: str, original: str, shown_as: str) -> float:
    """How much better, per trigram, the text as read fits the languages `original`
    writes than the text as shown fits those `shown_as` writes (0 without models),
    weighed down for a short text."""
    read_logp, read_count = log_likelihood(read, original)
    shown_logp, shown_count = log_likelihood(shown, shown_as)
    if not read_count or not shown_count:
        return 0.0
    weight = read_count / (read_count + HALF_WEIGHT_TRIGRAMS)
    return weight * (read_logp / read_count - shown_logp / shown_count)
