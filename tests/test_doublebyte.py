"""UTF-8 read as a double-byte CJK codepage: pinned cases, clean CJK text, generated damage."""

from __future__ import annotations

import functools
import itertools
import re

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from test_examples import SENTENCES
from test_properties import non_ascii, phrases_around_words

from textfix import Config, detect, fix_text
from textfix.codecs import DOUBLE_BYTE_CODECS
from textfix.detect.doublebyte import (
    _NEXT_TO_A_LETTER,
    _WORD,
    MAY_BE_LONG,
    MIN_CHARS_ALONE,
    OUTPUT_CHARS,
    _all_short_among_cjk,
    _candidates,
    _glued_to_a_letter,
    _has_odd_width_chars,
    _layout,
    _Offsets,
    _promising,
    _reading_chars,
    _utf8_reading_signs,
    candidates,
    considered,
)
from textfix.detect.sequences_in_a_row import (
    FOUND,
    MOST_AUTOMATA,
    STATES,
    Automata,
    Automaton,
    automata,
    byte_class,
    may_hold_words,
    may_hold_words_in_python,
    next_state,
    state_count,
    together,
)
from textfix.findings import apply_findings


def wide_damage(text: str, codec: str) -> str:
    """`text` as UTF-8 bytes read with a double-byte codepage (lost bytes as U+FFFD)."""
    return text.encode("utf-8", "surrogatepass").decode(codec, "replace")


@pytest.mark.parametrize(
    ("damaged", "expected", "chain", "kind"),
    [
        ("鏂囧瓧", "文字", ("utf-8", "gbk"), "mojibake"),
        ("caf茅 au lait", "café au lait", ("utf-8", "gbk"), "mojibake"),
        ("袩褉懈胁械褌, 屑懈褉!", "Привет, мир!", ("utf-8", "gbk"), "mojibake"),
        ("cafﾃｩ au lait", "café au lait", ("utf-8", "shift_jis"), "mojibake"),
        # the last pair took in the "k" after the damaged stretch
        ("Peeﾅ橘u", "Peeŋku", ("utf-8", "shift_jis"), "mojibake"),
        ("caf챕 au lait", "café au lait", ("utf-8", "euc_kr"), "mojibake"),
        ("caf矇 au lait", "café au lait", ("utf-8", "big5"), "mojibake"),
        ("caf辿 au lait", "café au lait", ("utf-8", "euc_jp"), "mojibake"),
        # replacement characters that were already in the text before it was damaged
        ("锟斤拷锟斤拷", "\ufffd\ufffd\ufffd\ufffd", ("utf-8", "gbk"), "unrecoverable"),
    ],
    ids=["gbk-cjk", "gbk-latin", "gbk-cyrillic", "sjis", "sjis-swallowed", "euc-kr", "big5", "euc-jp", "lost"],
)
def test_classic_double_byte_cases(damaged: str, expected: str, chain: tuple[str, ...], kind: str) -> None:
    assert fix_text(damaged) == expected
    findings = detect(damaged)
    assert findings
    assert {f.chain for f in findings} == {chain}
    assert {f.kind for f in findings} == {kind}
    assert apply_findings(damaged, findings) == expected


@pytest.mark.parametrize("codec", DOUBLE_BYTE_CODECS)
def test_damaged_sentences_are_repaired(codec: str) -> None:
    checked = 0
    for original, _ in SENTENCES:
        damaged = wide_damage(original, codec)
        if "\ufffd" in damaged:
            continue  # bytes lost: not recoverable in principle
        checked += 1
        assert fix_text(damaged) == original, (codec, damaged)
    assert checked >= 1  # most sentences lose bytes through big5 or euc_kr


@pytest.mark.parametrize(
    "clean",
    [
        "未知状态",  # GBK bytes that read as "δ֪״̬"
        "圆",
        "GPG_TTY が設定されていません - 少々疑問のデフォルトを使います",
        "restart_after_crashがoffであるためシャットダウンします",
        "클라이언트의 GSSAPI 패킷이 너무 큼 (%zu > %zu)",
        "%lld年",
        "結束(_Q)",
        "日本語のテキスト、中文文本、한국어 텍스트",
        # one CJK character beside one letter: a word only if the reading makes one of
        # some language's letters, in regular case ("CȺ" and "eŹ" are none)
        "Vitamin C群",
        "e店",
        # beside two letters or more: in regular case ("abŹ" is not), with no caseless
        # letter of no language ("AAƾ", found by hypothesis)
        "ab店",
        "AA鴇",
        "Ver鴇",
        # Chinese words alone (wordfreq's list): readings into rarer ideographs, which only
        # their fewer characters made likelier, and into letters no text has
        "网上商城",
        "魏先生",
        "范比藤",
        "德川氏",
        "笑一笑",
        "小学校 1990",
        "血液学",
    ],
)
def test_clean_cjk_text_is_unchanged(clean: str) -> None:
    assert fix_text(clean) == clean
    assert detect(clean) == []


@pytest.mark.parametrize(
    ("original", "codec"),
    [
        ("tilstand må kun angive bit for filrettigheder", "euc_jp"),
        ('referensarkivet "%s" är grunt', "big5"),
        ("Tysk (Bone, tyskt s på hemrad)", "gbk"),
        # A text is damaged through one codepage: a letter that a sure reading elsewhere
        # repairs through EUC-JP ("巽脹" is "çı") is that letter again alone ("hakk脹nda"),
        # whatever a codepage nothing vouches for makes of it (GBK reads "脹" as "Û").
        ("Program hakkında açıklamalar", "euc_jp"),
        ('%s bir "-d dizin" uygulanmasını gerektiriyor', "euc_jp"),
        ("Bu komut sadece 2. sürüm kartlar için kullanılabilir", "euc_jp"),
    ],
)
def test_a_short_word_of_one_damaged_letter_is_repaired(original: str, codec: str) -> None:
    damaged = wide_damage(original, codec)
    assert damaged != original
    assert fix_text(damaged) == original
    assert apply_findings(damaged, detect(damaged)) == original


def test_double_byte_repair_can_be_switched_off() -> None:
    assert fix_text("鏂囧瓧", double_byte_codecs=()) == "鏂囧瓧"
    assert fix_text("鏂囧瓧", double_byte_codecs=("big5",)) == "鏂囧瓧"
    assert Config(double_byte_codecs=("GBK", "sjis")).double_byte_codecs == ("gbk", "shift_jis")


def test_unsupported_double_byte_codec_is_refused() -> None:
    with pytest.raises(ValueError, match="double_byte_codecs"):
        Config(double_byte_codecs=("gb2312",))
    with pytest.raises(ValueError, match="unknown codec"):
        Config(double_byte_codecs=("no-such-codec",))


def test_candidates_are_aligned_to_whole_characters() -> None:
    # Python's euc_kr spells Hangul outside KS X 1001 with eight bytes: no reading may
    # straddle such a character.
    found = candidates("Po훾찼te훾n챠 stav", ("euc_kr",))
    assert [(c.start, c.end, c.replacement) for c in found] == [(8, 9, "í")]


# --- generated damage -------------------------------------------------------------------------

@st.composite
def wide_damaged_pieces(draw: st.DrawFn) -> tuple[list[tuple[str, str]], str]:
    """([(original piece, damaged piece)], codec): ASCII phrases around real words, some damaged."""
    codec = draw(st.sampled_from(DOUBLE_BYTE_CODECS))

    def damaged(word: str) -> str | None:
        broken = wide_damage(word, codec)
        return broken if non_ascii(word) >= 1 and "\ufffd" not in broken else None

    pieces, hurt = phrases_around_words(draw, damaged)
    assume(hurt > 0)
    return pieces, codec


def _wide_readings(word: str, codec: str) -> set[str]:
    try:
        return {word.encode(codec).decode("utf-8")}
    except UnicodeError:
        return set()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(wide_damaged_pieces())
def test_double_byte_damage_is_never_repaired_wrongly(case: tuple[list[tuple[str, str]], str]) -> None:
    """Each damaged word comes back as it was or stays damaged; nothing else changes."""
    pieces, codec = case
    damaged = " ".join(d for _, d in pieces)
    fixed = fix_text(damaged)
    # A clean word that the codepage reads as other text ("谢谢" is GBK for "лл") cannot
    # be told from damage beside damage through the same codepage: either is allowed.
    choices = [{o, d} | _wide_readings(o, codec) if o == d else {o, d} for o, d in pieces]
    allowed = {" ".join(choice) for choice in itertools.product(*choices)}
    assert fixed in allowed, (codec, damaged, fixed, [(f.text, f.replacement, f.chain) for f in detect(damaged)])
    assert apply_findings(damaged, detect(damaged)) == fixed


# --- bytes lost on the way --------------------------------------------------------------------

def _pattern(repair: str) -> str:
    """A regex for what a repair claims: its characters, each U+FFFD one or more unknown ones."""
    return ".+?".join(re.escape(piece) for piece in repair.split("\ufffd"))


def test_lost_bytes_keep_what_is_proven() -> None:
    damaged = wide_damage("Привет, как дела сегодня?", "big5")
    assert "\ufffd" in damaged
    assert fix_text(damaged) == "\ufffdиве\ufffd, как дела \ufffdегодн\ufffd?"
    assert "unrecoverable" in {f.kind for f in detect(damaged)}


@pytest.mark.parametrize("codec", DOUBLE_BYTE_CODECS)
def test_lost_bytes_are_never_guessed(codec: str) -> None:
    """Each repair of lossy damage claims only characters the original has, in that order."""
    checked = 0
    for original, _ in SENTENCES:
        damaged = wide_damage(original, codec)
        for finding in detect(damaged):
            checked += "\ufffd" in finding.replacement
            assert re.search(_pattern(finding.replacement), original, re.DOTALL), (codec, finding)
    assert checked or codec in ("gbk", "cp932", "shift_jis"), "no lossy repair made at all"


def test_a_reading_cut_short_by_the_base_codepage_gives_way_to_its_superset() -> None:
    # Shift_JIS reads "हिन्द" and stops; cp932 reads the last pair too (found by hypothesis)
    damaged = "the हिन्दी the " + "हिन्दी".encode().decode("cp932")
    assert fix_text(damaged) == "the हिन्दी the हिन्दी"


# The byte scanner's reference: what it replaced, regexes over the bytes decoded with
# their stray bytes kept as surrogates.
_WIDE = r"[^\x00-\u07ff\ud800-\udfff\U00040000-\U0010ffff]"
_LATIN = "\u00c0-\u017f"
_SCRIPTS = [_LATIN, "\u0370-\u03ff", "\u0400-\u052f", "\u0531-\u058f", "\u0590-\u05ff",
            "\u0600-\u06ff\u0750-\u077f", "\u0700-\u074f", "\u0780-\u07bf"]
_WORD_REGEX = re.compile(
    r"[^\x00-\xbf\ud800-\udfff](?=[^\x00-\xbf\ud800-\udfff])(?:"
    + "|".join(
        [
            f"(?<={_WIDE}){_WIDE}",
            *(f"(?<=[{letters}])[{letters}]{{2}}" for letters in _SCRIPTS),
            f"(?<=[\u1e00-\u1eff])[{_LATIN}ƠơƯư]|(?<=[{_LATIN}ƠơƯư])[\u1e00-\u1eff]",
        ]
    )
    + ")"
)
_GLUED = re.compile(r"[A-Za-z][^\x00-\x7f\udc80-\udcff]|[^\x00-\x7f\udc80-\udcff](?=[A-Za-z])")
# (the first and last character each lead byte of two bytes begins, and the edges of the
# two-byte scripts: where the automaton's classes of lead bytes part)
_LEAD_EDGES = [chr(point) for lead in range(0xC2, 0xE0) for point in ((lead & 0x1F) << 6, (lead & 0x1F) << 6 | 0x3F)]
_SCRIPT_EDGES = [chr(point) for point in (0x36F, 0x370, 0x52F, 0x530, 0x531, 0x58F, 0x590, 0x74F, 0x750, 0x77F, 0x7BF)]
_INTERESTING = st.sampled_from(
    [*map(chr, range(0xC0, 0x180)), *map(chr, range(0x370, 0x7C0, 7)), *map(chr, range(0x1E00, 0x1F00, 5)),
     *_LEAD_EDGES, *_SCRIPT_EDGES,
     "Ơ", "ơ", "Ư", "ư", "\u0800", "\uffff", "\U00010000", "\U0003ffff", "\U00040000", "\x80", "\xbf", "a", "Z", " "]
)
_BYTES = st.one_of(
    st.binary(max_size=16),
    st.lists(_INTERESTING, max_size=6).map(lambda chars: "".join(chars).encode()),
    st.tuples(st.lists(_INTERESTING, min_size=1, max_size=6), st.integers(0, 255), st.integers(0, 30)).map(
        # one byte of well-formed text changed: a sequence cut, a stray lead
        lambda case: (lambda data: data[: case[2] % len(data)] + bytes([case[1]]) + data[case[2] % len(data) + 1 :])(
            "".join(case[0]).encode()
        )
    ),
)


@settings(max_examples=1000, deadline=None)
@given(_BYTES)
# (encoded surrogates, overlong forms and code points past U+10FFFF are no UTF-8)
@example(b"\xed\xa0\x80\xed\xa0\x80")
@example(b"a\xe0\x82\x80")
@example(b"a\xf4\x90\x80\x80")
@example(b"\xc1\x81\xc3\xa9")
@example("a\u0800\u0800".encode())
def test_the_byte_scanner_reads_as_the_decoder_and_regex_do(data: bytes) -> None:
    decoded = data.decode("utf-8", "surrogateescape")
    signs = _utf8_reading_signs(data)
    assert bool(signs & _WORD) == (_WORD_REGEX.search(decoded) is not None)
    # (the scan stops at a word: a letter beside a character beyond ASCII counts only without one)
    if not signs & _WORD:
        assert bool(signs & _NEXT_TO_A_LETTER) == (_GLUED.search(decoded) is not None)


def test_readings_kept_for_the_next_call_are_the_callers_own_copy() -> None:
    # fix_text's quick check and the pipeline after it get the same readings of a text,
    # computed once: what one caller does with its list does not reach the other
    from textfix.detect.doublebyte import detect_double_byte

    damaged = "Привет, мир".encode().decode("gbk", "replace") + " 文字"
    first = detect_double_byte(damaged, DOUBLE_BYTE_CODECS, 0.5, 0.9)
    assert first
    expected = list(first)
    first.clear()
    assert detect_double_byte(damaged, DOUBLE_BYTE_CODECS, 0.5, 0.9) == expected
    assert detect_double_byte(damaged, DOUBLE_BYTE_CODECS, 0.5, 0.9) == expected


# Characters of one, two and three bytes in the double-byte codepages: half-width
# katakana (one in Shift_JIS, two in EUC-JP), JIS X 0212 kanji (three in EUC-JP), the
# commonest ideographs and kana.
_MIXED_WIDTHS = "ｱｲｳ丂丄丅丌中文日本語かなカナ한국어"


@given(st.sampled_from(DOUBLE_BYTE_CODECS), st.data())
def test_a_byte_offset_maps_to_the_character_that_starts_there(name: str, data: st.DataObject) -> None:
    alphabet = [char for char in _MIXED_WIDTHS if char.encode(name, "replace") != b"?"]
    assume(alphabet)
    run = data.draw(st.text(st.sampled_from(alphabet), min_size=1, max_size=12))
    starts, offset = {}, 0
    for index, char in enumerate(run):
        starts[offset] = index
        offset += len(char.encode(name))
    starts[offset] = len(run)
    offsets = _Offsets(run, _layout(name))
    for byte in range(offset + 1):
        assert offsets.char_index(byte) == starts.get(byte, -1)


@pytest.mark.parametrize("clean", ["crème朿afé", "x 朿a y", "Seite朿b"])
def test_a_lone_character_glued_to_letters_is_no_digit_of_another_script(clean: str) -> None:
    # "朿" is Persian "۳" through EUC-JP: a digit makes no word with letters around it,
    # so the short reading needs a witness like any other that is not glued
    assert fix_text(clean) == clean
    assert not detect(clean)


# Characters whose bytes through the double-byte codepages are leads, continuations, both
# or ASCII: CJK, kana, Hangul, Latin, Cyrillic and Greek letters, symbols, half-width kana.
_ANY_BYTES = (
    "中文字体是的一不了人我在有他这为之大来以个们到说国和地也子时道出而要于就下得可你年生自会"
    "あいうかきアイウカキ한국어는다éàçüöß¿¡жзиыяΩαβλ“”—…·°±²ｱｲｳ a1%"
)


@functools.cache
def _automata_of(codecs: tuple[str, ...]) -> Automata:
    found = automata(codecs)
    assert None not in found, codecs
    return together(found)


def _may_hold_a_word(text: str, codec: str) -> bool:
    return may_hold_words(text, _automata_of((codec,))) == 1


@settings(max_examples=600, deadline=None)
@given(st.text(st.sampled_from(_ANY_BYTES), max_size=30), st.sampled_from(DOUBLE_BYTE_CODECS))
def test_bytes_the_automaton_rules_out_hold_no_word_of_utf8(text: str, codec: str) -> None:
    # (the double-byte check encodes and scans only through the codepages it cannot rule out)
    if not _may_hold_a_word(text, codec):
        assert not _utf8_reading_signs(text.encode(codec, "replace")) & _WORD


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(_ANY_BYTES + "\U00020000"), max_size=30))
def test_automata_run_together_answer_as_each_alone(text: str) -> None:
    together_ = may_hold_words(text, _automata_of(DOUBLE_BYTE_CODECS))
    alone = [_may_hold_a_word(text, codec) for codec in DOUBLE_BYTE_CODECS]
    assert [bool(together_ >> index & 1) for index in range(len(DOUBLE_BYTE_CODECS))] == alone


def _runs_into_a_word(text: str, automaton: Automaton) -> bool:
    """One automaton run alone, character by character, from its tables."""
    states = len(automaton.moves) // (max(automaton.plane) + 1)
    state = 0
    for char in text:
        if ord(char) >= len(automaton.plane):
            return True
        state = automaton.moves[automaton.plane[ord(char)] * states + state]
        if state == FOUND:
            return True
    return False


# gbk's automaton, but with "a" making the move "一" makes (0xD2 0xBB, a lead and a
# continuation: three in a row may be a word of UTF-8, two not): ASCII no longer resets
# the automata, and the pass that runs them together must read it through the tables
_GBK = automata(("gbk",))[0]
assert _GBK is not None
_A_AS_CJK = _GBK._replace(
    plane=_GBK.plane[: ord("a")] + _GBK.plane[ord("一") : ord("一") + 1] + _GBK.plane[ord("a") + 1 :]
)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(_ANY_BYTES), max_size=30))
def test_automata_run_together_answer_as_their_tables_say(text: str) -> None:
    for found in (automata(DOUBLE_BYTE_CODECS), (_A_AS_CJK, _GBK)):
        together_ = together(found)
        assert together_.ascii_resets == (_A_AS_CJK not in found)
        answer = may_hold_words(text, together_)
        assert [bool(answer >> index & 1) for index in range(len(found))] == [
            automaton is None or _runs_into_a_word(text, automaton) for automaton in found
        ]
    assert may_hold_words("a一一", together((_A_AS_CJK,))) == 1 and may_hold_words("a一一", together((_GBK,))) == 0


try:
    from textfix import _scan
except ImportError:
    _scan = None  # type: ignore[assignment]
scan_built_only = pytest.mark.skipif(_scan is None, reason="textfix._scan is built only with the compiled modules")


@scan_built_only
@settings(max_examples=400, deadline=None)
@given(st.text(st.one_of(st.sampled_from(_ANY_BYTES + "\U00020000"), st.characters()), max_size=30))
def test_the_c_loop_of_the_automata_answers_as_the_python_loop(text: str) -> None:
    assert (_scan.STATES, _scan.FOUND, _scan.MOST_AUTOMATA) == (STATES, FOUND, MOST_AUTOMATA)
    for together_ in (_automata_of(DOUBLE_BYTE_CODECS), together((_A_AS_CJK, None, _GBK))):
        assert _scan.automata_may_hold_words(text, *together_) == may_hold_words_in_python(text, together_)
        assert may_hold_words(text, together_) == may_hold_words_in_python(text, together_)


@scan_built_only
def test_the_c_loop_of_the_automata_refuses_tables_of_another_layout() -> None:
    planes, moves, codepages, untabled, ascii_resets = together((_GBK, None))
    wrong_layouts = [
        (planes[:-1], moves, codepages, untabled, ascii_resets),
        (planes, moves + b"\0", codepages, untabled, ascii_resets),
        (planes, moves, 0, untabled, ascii_resets),
        (planes, moves, MOST_AUTOMATA + 1, untabled, ascii_resets),
        (planes, moves, codepages, 1 << codepages, ascii_resets),
        (planes, bytes([STATES]) * len(moves), codepages, untabled, ascii_resets),  # a move to no state
    ]
    for fields in wrong_layouts:
        with pytest.raises(ValueError):
            _scan.automata_may_hold_words("中文字体", *fields)
    with pytest.raises(TypeError):
        _scan.automata_may_hold_words("中文", planes, moves, codepages, untabled)


def test_a_codepage_with_no_automaton_may_always_hold_a_word() -> None:
    [gbk] = automata(("gbk",))
    assert may_hold_words("中文", together((None, gbk))) == 0b01
    with pytest.raises(ValueError, match="at most"):
        together([gbk] * (MOST_AUTOMATA + 1))


@settings(max_examples=1000, deadline=None)
@given(_BYTES)
@example(b"\xe4\xe4\xb8\xad\xe4\xb8\xad")  # a sequence cut short by the lead of the next
@example("\U00010000\U0003ffff".encode())  # sequences of four bytes
@example("жжж".encode())  # three of two bytes
@example("ơạ".encode())  # two bytes, then three (Vietnamese)
@example("ạơ".encode())  # three bytes, then two
# a letter whose lead byte has two scripts (U+0500, Cyrillic; Armenian from U+0531) after
# a Latin one, then two Cyrillic letters: it begins their run, not the Latin one's
@example("ÀԀЀЀ".encode())
def test_the_automaton_finds_a_word_wherever_the_scan_does(data: bytes) -> None:
    if _utf8_reading_signs(data) & _WORD:
        assert _automaton_finds(data)


def _automaton_finds(data: bytes) -> bool:
    state = 0
    for byte in data:
        state = next_state(state, byte_class(byte))
    return state == FOUND


@pytest.mark.parametrize("chars", ["жαж", "ж文", "文ж", "éж文", "ạж", "ж\u0800", "жж"])
def test_the_automaton_knows_what_lead_bytes_tell(chars: str) -> None:
    # (a sequence's lead byte tells its script, whether it may be wide, Vietnamese or a
    # Latin letter with horns: two-byte letters of mixed scripts, or one beside a wide
    # character that makes no Vietnamese pair, are no word, and need no scan)
    data = chars.encode()
    assert not _utf8_reading_signs(data) & _WORD
    assert not _automaton_finds(data)


def test_the_automatons_number_of_states_is_written_down() -> None:
    # (the shipped automata and the pass that runs them use STATES, not the definitions)
    assert state_count() == STATES
    assert len(DOUBLE_BYTE_CODECS) <= MOST_AUTOMATA


# One letter of each two-byte script, one of each lead byte that begins letters of two
# scripts (or of one and no letter), and a wide, a Vietnamese and a horned letter
_ONE_OF_EACH_KIND = "ÀαжաאبܐހͰԀԱ\u0590ݐ文ạơa"


def test_the_automaton_finds_every_word_of_four_letters_of_any_kinds() -> None:
    # (every sequence of four: runs of three that begin after a letter of another kind)
    for letters in itertools.product(_ONE_OF_EACH_KIND, repeat=4):
        data = "".join(letters).encode()
        if _utf8_reading_signs(data) & _WORD:
            assert _automaton_finds(data), letters


def test_the_automaton_rules_out_most_clean_cjk_text_and_no_damage() -> None:
    clean = ["最大SSL协议版本的值无效", "没有为选项提供目录", "新たなコピーが終了しました", "세르비아어 키릴 문자"]
    codepages = ("gbk", "cp932", "cp949")
    ruled_out = [not _may_hold_a_word(text, codec) for text in clean for codec in codepages]
    assert sum(ruled_out) >= len(ruled_out) // 2
    for codec in DOUBLE_BYTE_CODECS:
        assert _may_hold_a_word(wide_damage("Привет, мир! café", codec), codec), codec


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("aZq中文あアｱ한가ж é1 %\U00020000"), max_size=12))
def test_glued_to_a_letter_is_a_letter_beside_a_character_a_reading_shows(text: str) -> None:
    output = f"[{OUTPUT_CHARS}]"
    glued = re.search(f"[A-Za-z](?:(?={output})|(?<={output}.))", text) is not None
    assert _glued_to_a_letter(text) == glued


@pytest.mark.parametrize("codec", DOUBLE_BYTE_CODECS)
def test_characters_of_odd_width_are_those_the_layout_knows(codec: str) -> None:
    # (the bound on the readings' length counts every other character as one byte below
    # 0x80 ("¥" is a backslash in Shift_JIS) or as pairs, each led by a byte beyond it)
    layout = _layout(codec)
    for point in range(0x80, 0x10000):
        char = chr(point)
        try:
            data = char.encode(codec)
        except UnicodeEncodeError:
            continue
        below = len(data) == 1 and data[0] < 0x80
        paired = len(data) % 2 == 0 and all(lead >= 0x80 for lead in data[::2])
        odd = any(pattern is not None and pattern.match(char) for pattern in layout)
        assert below or paired or odd, (codec, char, data)


# CJK of two and three bytes, halfwidth katakana (one byte in Shift_JIS), "¥", Latin and
# Cyrillic letters, ASCII letters, and damage through each codepage
_CJK_AND_DAMAGE = st.lists(
    st.one_of(
        st.text(st.sampled_from(_ANY_BYTES + "丂丄龜﨑¥‾"), min_size=1, max_size=6),
        st.builds(
            wide_damage, st.sampled_from(["é", "ж", "文字", "ŋk", "été", "ạơ"]), st.sampled_from(DOUBLE_BYTE_CODECS)
        ),
    ),
    max_size=8,
).map("".join)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_CJK_AND_DAMAGE)
@example("ASCII 双引号代替了Unicode")
@example("最新检查点的NextXID:          %u:%u")
@example("Peeﾅ橘u 文字")
@example("caf茅")  # (as many characters a reading could show as the bound: none outside)
def test_the_bound_holds_every_reading(text: str) -> None:
    names = _promising(text, DOUBLE_BYTE_CODECS)
    found = _candidates(text, DOUBLE_BYTE_CODECS, names)
    for name in names:
        bound = _reading_chars(text.encode(name, "replace"))
        if bound != MAY_BE_LONG and not _has_odd_width_chars(text, name):
            through = [item for item in found if item.codec == name and not item.lossy]
            assert all(item.end - item.start < MIN_CHARS_ALONE for item in through)
            assert len({index for item in through for index in range(item.start, item.end)}) <= bound
    if _all_short_among_cjk(text, names):
        assert considered(text, candidates(text, DOUBLE_BYTE_CODECS)) == ([], [])


@pytest.mark.parametrize(
    "text",
    [
        "ASCII 双引号代替了Unicode",
        "最新检查点的NextXID:          %u:%u",
        # (a stretch of three Greek letters in euc_jp, begun inside a pair: two whole ones)
        "%s: 範囲の開始・終了シンボルは文字を意味しなければいけません",
        "カードURLで指定された鍵の取得",
    ],
)
def test_clean_cjk_glued_to_latin_is_settled_by_the_bound(text: str) -> None:
    assert _all_short_among_cjk(text, _promising(text, DOUBLE_BYTE_CODECS))
    assert not detect(text)
