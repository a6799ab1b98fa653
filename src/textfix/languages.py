"""Language hints: what a caller knows the text should be written in.

A hint names languages (ISO 639-1 codes, as in locale names: "ru", "pt_BR" counts as
"pt"). It narrows the repair of legacy text read with the wrong legacy codepage to the
codepages those languages were written in (in place of Config.legacy_pairs), and reads
every text through them, not only text that looks misread: "Yazý tipi" is read back as
Turkish "Yazı tipi" when the text should be Turkish, without risking that reading on
every text.
"""

from __future__ import annotations

from functools import cache
from typing import Final

from textfix.codecs import LEGACY_PAIRS

# language -> the legacy codepages it was written in
_WESTERN: Final = ("cp1252",)
LANGUAGES: dict[str, tuple[str, ...]] = {
    **{code: _WESTERN for code in (
        "en", "fr", "de", "es", "it", "pt", "nl", "da", "sv", "nb", "nn", "no", "fi", "is", "ca", "gl",
        "eu", "ga", "cy", "af", "id", "ms", "sw", "oc", "br", "fy", "lb", "fo", "ast", "an", "fil",
    )},
    **{code: ("cp1250",) for code in ("pl", "cs", "sk", "hu", "ro", "hr", "sl", "bs", "sq", "sh")},
    **{code: ("cp1257",) for code in ("lt", "lv", "et")},
    **{code: ("cp1254",) for code in ("tr", "az")},
    "vi": ("cp1258",),
    "ru": ("cp1251", "koi8-r", "cp866"),
    "uk": ("cp1251", "koi8-u", "cp866"),
    **{code: ("cp1251",) for code in ("be", "bg", "sr", "mk", "kk", "ky", "tg", "mn")},
    "el": ("cp1253",),
    "he": ("cp1255",),
    "yi": ("cp1255",),
    **{code: ("cp1256",) for code in ("ar", "fa", "ur", "ps", "ug")},
    "th": ("cp874",),
    "zh": ("gbk", "big5"),
    "ja": ("shift_jis", "euc_jp"),
    "ko": ("euc_kr",),
}


def base_language(code: str) -> str:
    return code.replace("-", "_").split("_", 1)[0].lower()


def check_languages(codes: tuple[str, ...]) -> tuple[str, ...]:
    """The base codes, or ValueError naming the ones textfix does not know."""
    unknown = [code for code in codes if base_language(code) not in LANGUAGES]
    if unknown:
        raise ValueError(f"unknown language(s): {', '.join(unknown)} (known: {', '.join(sorted(LANGUAGES))})")
    return tuple(dict.fromkeys(base_language(code) for code in codes))


def legacy_pairs_for(codes: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The supported legacy pairs whose original codepage serves one of the languages."""
    wanted = {name for code in codes for name in LANGUAGES[code]}
    return tuple(pair for pair in LEGACY_PAIRS if pair[0] in wanted)


def effective_legacy_pairs(
    languages: tuple[str, ...], legacy_pairs: tuple[tuple[str, str], ...]
) -> tuple[tuple[str, str], ...]:
    """A Config's effective_legacy_pairs from its `languages` and `legacy_pairs`: those of
    the hinted languages, or else `legacy_pairs`. (Compiled code asks here for each text:
    the property is Python, config.py not being compiled.)"""
    return legacy_pairs_for(languages) if languages else legacy_pairs


@cache
def alphabet(codes: tuple[str, ...]) -> frozenset[str] | None:
    """The non-ASCII letters of the languages written in the same codepages as these
    (model/alphabets.json): a hint of Lithuanian still admits Latvian, also cp1257 text.
    None when a hinted language has no alphabet there (the CJK languages)."""
    from textfix.model.tables import table

    known: dict[str, str] = table("alphabets")["alphabets"]
    if not codes or any(not known.get(code) for code in codes):
        return None
    codepages = {name for code in codes for name in LANGUAGES[code]}
    kin = [code for code, names in LANGUAGES.items() if codepages.intersection(names)]
    return frozenset("".join(known.get(code, "") for code in kin))
