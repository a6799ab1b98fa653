"""The cheap first pass: the suspect-pair regex and its shortcuts."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textfix import fix_text
from textfix.codecs import SINGLE_BYTE_CODECS, codepage
from textfix.config import DEFAULT_CONFIG
from textfix.detect import suspects
from textfix.detect.clean import may_show_a_sequence, screened_may_hold_mojibake
from textfix.detect.suspects import LOST_MARKS, SUSPECT_GOES_ON, suspect_pattern
from textfix.model.charmodel import char_model

# Every character a codepage shows for a byte beyond ASCII (C1 controls for undefined
# ones), stand-ins, and ASCII.
_UPPER_HALVES = sorted({c for name in SINGLE_BYTE_CODECS for c in codepage(name).chars(0x80, 0xFF)})
_FOLLOWERS = [*_UPPER_HALVES, *LOST_MARKS, *map(chr, range(0x20, 0x7F)), "\n"]


def _without_lookahead() -> tuple[re.Pattern[str], re.Pattern[str]]:
    pattern = suspect_pattern(SINGLE_BYTE_CODECS)
    assert SUSPECT_GOES_ON in pattern.pattern
    return pattern, re.compile(pattern.pattern.replace(SUSPECT_GOES_ON, "", 1))


def test_the_lookahead_turns_away_no_pair() -> None:
    # the check that a continuation, stand-in or space follows is implied by every branch:
    # without it, the pattern finds the same pairs (each character shown for a high byte,
    # then anything)
    pattern, without = _without_lookahead()
    pairs = [first + then for first in _UPPER_HALVES for then in _FOLLOWERS]
    assert [pattern.search(pair) is None for pair in pairs] == [without.search(pair) is None for pair in pairs]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_UPPER_HALVES, *_FOLLOWERS[-40:]]), max_size=12).map("".join))
def test_the_lookahead_changes_no_match_in_context(text: str) -> None:
    # (branches also look behind the pair: the same spans in longer text)
    pattern, without = _without_lookahead()
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in without.finditer(text)]


# Plain Cyrillic and Greek text: its letters, ASCII and everyday punctuation.
_PLAIN = sorted(
    {
        c
        for c in _UPPER_HALVES
        if "\u0400" <= c <= "\u045f" or "\u0490" <= c <= "\u04ff" or "\u0370" <= c <= "\u03ff"
    }
    | set("«»–—…’“”„№\xa0")
)
_CONTEXT = ["", " ", "a", "Z", "7", ".", "я", "Я", "ω", "Ω", "«"]


def _settled_as_plain(text: str) -> bool:
    return not suspects._holds_impure_cased(text) and suspects._CASED_ODDITY.search(text) is None


def test_plain_cased_text_shows_no_suspect_pair_the_oddity_misses() -> None:
    # every pair of plain characters, after each kind of character: where the small
    # regex finds nothing, the suspect pattern (all codepages) finds nothing either
    pattern = suspect_pattern(SINGLE_BYTE_CODECS)
    followers = [*_PLAIN, " ", "a", "Z", "7", "."]
    for before in _CONTEXT:
        for first in _PLAIN:
            for then in followers:
                text = before + first + then
                if _settled_as_plain(text):
                    assert pattern.search(text) is None, text


@pytest.mark.parametrize(
    "text",
    ["Барлық қалыпты терезелерді жасыру", "Өзгөртүү мүмкүн эмес", "ґанок", "Εμφάνιση ειδοποιήσεων"],
)
def test_small_letters_of_the_cyrillic_supplement_are_no_capitals(text: str) -> None:
    # ("қ", "ү" and "ө" follow their capitals in the block: a small letter before them
    # is no case oddity)
    assert _settled_as_plain(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*_PLAIN, *" aZ7.-%"]), max_size=16).map("".join))
def test_plain_cased_text_settled_by_the_oddity_holds_no_suspect_pair(text: str) -> None:
    if _settled_as_plain(text):
        assert suspect_pattern(SINGLE_BYTE_CODECS).search(text) is None


def test_a_whole_sequence_of_two_latin_letters_is_suspect_unless_clean_text_writes_it() -> None:
    # every lead letter and continuation letter of each codepage, alone between spaces
    model = char_model()
    pattern = suspect_pattern(SINGLE_BYTE_CODECS)
    checked = 0
    for name in SINGLE_BYTE_CODECS:
        page = codepage(name)
        leads = [c for c in page.chars(0xC2, 0xDF) if suspects._script(c) == "latin"]
        continuations = [c for c in page.chars(0x80, 0xBF) if suspects._script(c) == "latin"]
        for lead in leads:
            for continuation in continuations:
                written = model.pair_count(lead, continuation) > 0
                assert (pattern.search(f" {lead}{continuation} ") is None) == written, (name, lead + continuation)
                checked += 1
    assert checked > 1000


@pytest.mark.parametrize(
    ("text", "suspect"),
    [
        ("Luồng dữ liệu đó khác kiểu với luồng mà phần tử này xử lý được.", False),  # "đó" is "Т" through cp852
        ("Předběžné filtrování GhostScript", False),  # "ěž" is "ا"
        ("Bir balanıñ sağ tarafınıñ eklenecek olğanı sutun numarası", False),  # "ıñ" is "դ" through cp850
        ("GroÃŸe Dateien", True),
        ("PÅ¡enica", True),
        ("đóđŽđť", True),  # "ТЦМ" through cp852: "đŽ" is no pair clean text writes
    ],
)
def test_latin_pairs_that_clean_text_writes_are_no_sign(text: str, suspect: bool) -> None:
    assert suspects.may_hold_mojibake(text, SINGLE_BYTE_CODECS) == suspect


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("‚Äûshred‚Äú(1).", "„shred“(1)."),  # UTF-8 quotes through mac-roman, whose "‚" is 0xE2
        ("Unable to launch application ‚Äò%s‚Äô: %s", "Unable to launch application ‘%s’: %s"),
        ("saknat teckenklassnamn ‚Äù[::]‚Äù", "saknat teckenklassnamn ”[::]”"),
        # German low quotes before a capital: clean
        ("‚Äpfel‘ und „Äpfel“", None),
    ],
)
def test_a_whole_sequence_behind_everyday_punctuation_is_suspect(text: str, repaired: str | None) -> None:
    assert suspects.may_hold_mojibake(text, SINGLE_BYTE_CODECS) == (repaired is not None)
    assert fix_text(text) == (repaired or text)


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        # every pair a Cyrillic letter or "°" after one; the leads one capital, thrice and more
        ("РљР°РЅР°РіР°РІР°", "Канагава"),  # cp1251
        ("РіРЅР°Сѓ", "гнау"),
        (  # cp1253, in clean text
            "Невозможно изменить размер выходного ΠΏΠΎΡ‚ΠΎΠΊΠ° в память",
            "Невозможно изменить размер выходного потока в память",
        ),
    ],
)
def test_the_same_capital_lead_thrice_is_suspect(text: str, repaired: str) -> None:
    assert suspects.may_hold_mojibake(text, SINGLE_BYTE_CODECS)
    assert fix_text(text) == repaired


# Upper halves of the codepages mixed with letters, stand-ins and a mark: pairs of every kind.
_MISREAD_LOOKING_TEXT = st.lists(
    st.one_of(st.sampled_from(_UPPER_HALVES), st.sampled_from(list("aZ0 ?.%\ufffd\xa0éžжяΩ\u0651"))),
    max_size=24,
).map("".join)
_CODEC_SETS = st.sampled_from([SINGLE_BYTE_CODECS, ("cp1252",), ("cp1251", "koi8-r"), ("cp874", "cp1256")])


@settings(max_examples=2000, deadline=None)
@given(_MISREAD_LOOKING_TEXT, _CODEC_SETS)
@example("voilÃ le", ("cp1252",))  # a lossy lead and a space, for "à"
@example("caf\u0e23\u0e09", SINGLE_BYTE_CODECS)  # Thai glued to a Latin word
@example("ข่าว เธชเธงเธฑ", ("cp874",))  # a letter run: Thai through cp874
@example("a ًںک€", ("cp1256",))  # a combining mark at the start of a word: an emoji through cp1256
@example("x ‚Äûy", SINGLE_BYTE_CODECS)  # a whole sequence behind a low quote: "„" through mac-roman
@example("аРљР°РЅ", ("cp1251",))  # the same capital lead thrice: "Кан" through cp1251
def test_the_suspect_pattern_matches_only_where_a_pair_may_begin_it(text: str, codecs: tuple[str, ...]) -> None:
    # (compiled, may_hold_mojibake tries it only there)
    pattern = suspect_pattern(codecs)
    found = pattern.search(text) is not None
    assert any(pattern.match(text, position) for position in _pairs_that_may_begin_it(text, codecs)) == found
    assert suspects.may_hold_mojibake(text, codecs) == (
        found and (suspects._holds_impure_cased(text) or suspects._CASED_ODDITY.search(text) is not None)
    )


def _pairs_that_may_begin_it(text: str, codecs: tuple[str, ...]) -> list[int]:
    rules = suspects._pair_rules(codecs)
    found = [suspects._next_pair(text, 0, len(text), rules)]
    while found[-1] >= 0:
        found.append(suspects._next_pair(text, found[-1] + 1, len(text), rules))
    return found[:-1]


@settings(max_examples=2000, deadline=None)
@given(_MISREAD_LOOKING_TEXT, _CODEC_SETS, st.integers(0, 26), st.integers(0, 26))
@example("xcafÃ©x", SINGLE_BYTE_CODECS, 4, 6)  # the pair alone, its word around it unseen
@example("xcafÃ©x", SINGLE_BYTE_CODECS, 4, 5)  # half the pair
@example("caf\u0e23\u0e09", SINGLE_BYTE_CODECS, 2, 5)  # Thai glued to the Latin letter before the bounds
@example("а\xa0дом", SINGLE_BYTE_CODECS, 0, 5)  # a one-letter word bound to the next: no match
@example("а\xa0дом", SINGLE_BYTE_CODECS, 0, 2)  # the word after it beyond the bounds: a match
def test_suspect_within_bounds_is_the_pattern_searched_within_them(
    text: str, codecs: tuple[str, ...], start: int, end: int
) -> None:
    # (compiled, suspect_within tries the pattern only where a pair may begin it, up to the end)
    assert suspects.suspect_within(text, start, end, codecs) == (
        suspect_pattern(codecs).search(text, start, end) is not None
    )


@settings(max_examples=2000, deadline=None)
@given(_MISREAD_LOOKING_TEXT, _CODEC_SETS)
@example("Ã©", ("cp1252",))  # a Latin letter and a symbol
@example("ÃŸ", ("cp1252",))  # a pair of Latin letters clean text never writes
@example("dÄŸer", ("cp1252",))  # "ğ" through cp1252
@example("a ًںک€", ("cp1256",))  # a mark at the start of a word
@example("aًںک€", ("cp1256",))  # not at the start of a word: the pattern decides
@example("Ответ»", SINGLE_BYTE_CODECS)  # a letter before a quote: the pattern decides
@example("Π°Π\x9d", SINGLE_BYTE_CODECS)  # a lone letter before a symbol: "н" through cp1253
@example("deؤںer", SINGLE_BYTE_CODECS)  # letters glued to a Latin word: "ğ" through cp1256
@example("0aؤں", SINGLE_BYTE_CODECS)  # glued to a hex digit's letter: the pattern decides
def test_a_pair_taken_alone_is_a_match_of_the_pattern(text: str, codecs: tuple[str, ...]) -> None:
    # (compiled, suspect_within takes such a pair without trying the pattern)
    pattern = suspect_pattern(codecs)
    rules = suspects._pair_rules(codecs)
    for position in _pairs_that_may_begin_it(text, codecs):
        if suspects._begins_a_match(text, position, rules):
            assert pattern.match(text, position, position + 2) is not None


def test_most_damaged_text_is_settled_at_its_first_pair() -> None:
    rules = suspects._pair_rules(SINGLE_BYTE_CODECS)
    for damaged in ("cafÃ©", "ÃŸ", "Ð¤Ð°Ð¹Ð»", "โ€”", "Γ€ la", "├ñ", "weiÃ\x9f"):
        position = suspects._next_pair(damaged, 0, len(damaged), rules)
        assert suspects._begins_a_match(damaged, position, rules), damaged
    # (a capital lead thrice is settled by the pattern, at the first pair all the same)
    damaged = "РЅРµРґРѕРїСѓСЃС‚"
    assert suspects._next_pair(damaged, 0, len(damaged), rules) == 0
    assert suspect_pattern(SINGLE_BYTE_CODECS).match(damaged) is not None
    # a Cyrillic letter before a dash may be a word of its own: left to the pattern
    assert not suspects._begins_a_match("Ответ—", 4, rules)
    # a lone letter before a symbol, letters glued to the Latin word before them
    for damaged in ("Π°Π\x9d", "a Π°", "deؤںer"):
        position = suspects._next_pair(damaged, 0, len(damaged), rules)
        assert suspects._begins_a_match(damaged, position, rules), damaged
    # (after a digit and a letter, a hex escape's: left to the pattern)
    assert not suspects._begins_a_match("0aؤںx", 2, rules)


def test_clean_latin_text_holds_few_pairs_the_pattern_may_begin_with() -> None:
    text = "Perfil de aceleração utilizado para os painéis táteis ligados. O perfil pode ser definido"
    assert _pairs_that_may_begin_it(text, SINGLE_BYTE_CODECS) == []
    assert _pairs_that_may_begin_it("cafÃ© au lait", SINGLE_BYTE_CODECS) == [3]


@settings(max_examples=2000, deadline=None)
@given(_MISREAD_LOOKING_TEXT)
@example("Ð¤Ð°Ð¹Ð»")  # Russian through cp1252
@example("Файл")  # clean: the screen rules it out
def test_the_screen_rules_out_only_what_may_hold_mojibake_does(text: str) -> None:
    codecs = DEFAULT_CONFIG.codecs
    assert screened_may_hold_mojibake(text, codecs) == suspects.may_hold_mojibake(text, codecs)


@settings(max_examples=2000, deadline=None)
@given(_MISREAD_LOOKING_TEXT)
@example("Ð¤Ð°Ð¹Ð»")  # Russian through cp1252: a lead and a continuation
@example("été à la plage")  # clean French: no non-ASCII pair at all
def test_the_screen_rules_out_only_texts_without_a_lead_and_a_continuation(text: str) -> None:
    codecs = DEFAULT_CONFIG.codecs
    assert may_show_a_sequence(text, codecs) == (suspects.stage_zero(codecs).search(text) is not None)


_IMPURE_CASED = re.compile(f"[^\x00-\x7f{suspects._CASED}{suspects._PLAIN_PUNCTUATION}]")


_AROUND_PLAIN = ["a", "\x7f", "\x80", "é", "Ð", "\u2012", "\u045f", "\u0460", "\u2116", "\u2117", "\U0001f600"]


@given(st.text(st.sampled_from(_PLAIN + _AROUND_PLAIN)))
def test_a_character_beyond_plain_cased_text_is_found_as_its_class_finds_it(text: str) -> None:
    assert suspects._holds_impure_cased(text) == (_IMPURE_CASED.search(text) is not None)
