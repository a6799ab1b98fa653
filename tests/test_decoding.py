"""Bytes in, text out: textfix.decode, the incremental Decoder, fix_lines and fix_file."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from test_properties import texts_of_lines

import textfix
from textfix.blocks import BLOCK_CHARS
from textfix.codecs import DOUBLE_BYTE_CODECS, SINGLE_BYTE_CODECS
from textfix.streams import AtomicWriter

RUSSIAN = "Съешь же ещё этих мягких французских булок, да выпей чаю. Широкая электрификация.\n"
SAMPLES = {
    "cp1251": RUSSIAN,
    "koi8-r": RUSSIAN,
    "cp1253": "Η γρήγορη καφέ αλεπού πηδάει πάνω από τον σκύλο που κοιμάται στον κήπο.\n",
    "cp1255": "זהו טקסט בעברית לבדיקה של זיהוי הקידוד, והוא ארוך מספיק כדי להיות ברור.\n",
    "cp1256": "هذا نص عربي طويل بما فيه الكفاية لاختبار اكتشاف الترميز بشكل صحيح.\n",
    "cp874": "นี่คือข้อความภาษาไทยที่ยาวพอสำหรับการทดสอบการตรวจจับการเข้ารหัส\n",
    "gb18030": "这是一段足够长的中文文本，用来测试编码检测是否正确。我们再多写一些内容。\n",
    "big5": "這是一段足夠長的中文文本，用來測試編碼檢測是否正確。我們再多寫一些內容。\n",
    "cp932": "これは文字コードの判定をテストするための、十分に長い日本語の文章です。\n",
    "euc_jp": "これは文字コードの判定をテストするための、十分に長い日本語の文章です。\n",
    "cp949": "이것은 인코딩 감지를 시험하기 위한 충분히 긴 한국어 문장입니다. 조금 더 씁니다.\n",
    "cp1252": "Größere Änderungen: Straße, Café, naïve Übersetzung, « français » — déjà vu.\n",
}
# codecs that decode the same bytes the same way, for these samples
SAME_TEXT = {"cp1252": {"cp1252", "iso8859-15", "cp1254", "cp1258"}, "cp932": {"cp932", "shift_jis"}}


def test_utf8_is_the_fast_path() -> None:
    decoded = textfix.decode("naïve café, Привет, 東京\n".encode())
    assert decoded.text == "naïve café, Привет, 東京\n"
    assert (decoded.encoding, decoded.confidence, decoded.undecodable) == ("utf-8", 1.0, 0)


@pytest.mark.parametrize("codec", sorted(SAMPLES))
def test_legacy_documents_are_detected(codec: str) -> None:
    text = SAMPLES[codec] * 3
    decoded = textfix.decode(text.encode(codec))
    assert decoded.text == text
    supersets = {codecs.lookup(codec).name, "gb18030", "big5hkscs", "euc_jis_2004", "shift_jis_2004"}
    assert decoded.encoding in SAME_TEXT.get(codec, supersets)


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        # 7-bit encodings, all ASCII bytes, told by their shift sequences
        ("iso2022_jp", "これは日本語の文章です。テキストの例。\n"),
        ("iso2022_kr", "한국어 텍스트를 예로 듭니다.\n"),
        ("hz", "这是一个中文的例子，用来测试编码。\n"),
        # a multi-byte encoding beyond the candidates, which chardet is unsure of but
        # surer than of any candidate, and which decodes the text strictly
        ("johab", "한국어 텍스트를 예로 듭니다. 문자 인코딩을 알아냅니다.\n"),
        # EUC-KR's eight-byte syllables, which its own decoder joins and CP949 does not
        ("euc_kr", "한국어 텍스트를 예로 듭니다. 똠방각하 이야기\n"),
    ],
)
def test_encodings_beyond_the_legacy_candidates(codec: str, text: str) -> None:
    decoded = textfix.decode((text * 3).encode(codec))
    assert (decoded.text, decoded.encoding) == (text * 3, codec)


@pytest.mark.parametrize(
    ("mark", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks_decide_and_are_dropped(mark: bytes, codec: str) -> None:
    decoded = textfix.decode(mark + RUSSIAN.encode(codec))
    assert decoded.text == RUSSIAN


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_mark(codec: str) -> None:
    for text in (RUSSIAN, "Plain English, with spaces.\n" * 3):
        decoded = textfix.decode(text.encode(codec))
        assert (decoded.text, decoded.encoding) == (text, codec)


def test_mixed_utf8_and_cp1252_exports() -> None:
    utf8_part = "naïve café — “déjà vu”; Привет\n" * 3
    cp1252_part = "Grüße aus Köln, schöne Straße, Größe\n" * 3
    decoded = textfix.decode(utf8_part.encode() + cp1252_part.encode("cp1252") + utf8_part.encode())
    assert decoded.text == utf8_part + cp1252_part + utf8_part
    assert decoded.encodings == {"utf-8": 2 * len(utf8_part.encode()), "cp1252": len(cp1252_part)}
    assert decoded.encoding == "utf-8"


def test_big5_file_with_utf8_lines_inserted() -> None:
    big5 = SAMPLES["big5"] * 4
    comment = "# UTF-8 註解：修改於 2024 年\n"
    decoded = textfix.decode(big5.encode("big5") + comment.encode() + big5.encode("big5"))
    assert decoded.text == big5 + comment + big5


def test_stray_cp1252_bytes_in_a_utf8_line() -> None:
    data = "naïve — résumé and a stray ".encode() + "é".encode("cp1252") + b" here\n"
    assert textfix.decode(data).text == "naïve — résumé and a stray é here\n"


def test_a_cp1251_line_with_chance_utf8_pairs_stays_cp1251() -> None:
    # "Ві" is 0xC2 0xB3 in cp1251: a well-formed UTF-8 "³" by chance
    text = "Він сказав, що відповідь буде завтра, і всі погодилися.\n" * 3
    assert textfix.decode(text.encode("cp1251"), languages=["uk"]).text == text


def test_input_cut_inside_a_character_stays_utf8() -> None:
    data = "日本語のテキスト".encode()[:-1]
    decoded = textfix.decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text == "日本語のテキス\ufffd\ufffd"
    assert (decoded.undecodable, decoded.undecodable_offsets) == (2, (7, 8))


def test_errors_policy() -> None:
    data = b"caf\xe9 ok\n"
    assert textfix.decode(data, "utf-8").text == "caf\ufffd ok\n"
    kept = textfix.decode(data, "utf-8", errors="surrogateescape").text
    assert kept.encode("utf-8", "surrogateescape") == data
    with pytest.raises(UnicodeDecodeError):
        textfix.decode(data, "utf-8", errors="strict")
    with pytest.raises(ValueError, match="errors"):
        textfix.decode(data, errors="ignore")


def test_undefined_bytes_of_a_codepage_become_c1_controls() -> None:
    assert textfix.decode(b"x\x81y\n", "cp1252", repair=False).text == "x\x81y\n"


def test_mojibake_is_repaired_after_decoding_and_reported() -> None:
    decoded = textfix.decode("cafÃ© and a dashโ€”here\n".encode())
    assert decoded.text == "café and a dash—here\n"
    assert [(f.start, f.text, f.replacement) for f in decoded.findings] == [(3, "Ã©", "é"), (16, "โ€”", "—")]
    assert textfix.decode("cafÃ©\n".encode(), repair=False).text == "cafÃ©\n"


def test_language_hint_narrows_the_legacy_codepages() -> None:
    text = "Příliš žluťoučký kůň úpěl ďábelské ódy.\n"
    assert textfix.decode(text.encode("cp1250"), languages=["cs"]).text == text


def test_binary_detection() -> None:
    from textfix.decoding import looks_binary

    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert not looks_binary("text\n".encode("utf-16-le") * 10)
    assert not looks_binary(b"plain text\n")


@given(text=st.text(min_size=0, max_size=200), codec=st.sampled_from([*SINGLE_BYTE_CODECS, *DOUBLE_BYTE_CODECS]))
@settings(max_examples=300, deadline=None)
def test_round_trip_through_any_supported_codec(text: str, codec: str) -> None:
    data = text.encode(codec, "replace")
    # (what the codec reads back: encoders map some chars to near ones, "¢" to "￠" in cp932)
    assert textfix.decode(data, codec, repair=False).text == data.decode(codec)


@given(text=st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_utf8_round_trip_and_never_raises(text: str) -> None:
    decoded = textfix.decode(text.encode("utf-8", "surrogatepass"), repair=False)
    # (text with NUL bytes in it may be read as UTF-16: text files hold none)
    if "\x00" not in text and not any("\ud800" <= c <= "\udfff" for c in text):
        assert decoded.text == text


@given(data=st.binary(max_size=400))
@settings(max_examples=300, deadline=None)
@example(data=b"\xfe\xff\x00")  # UTF-16 with a byte over: ASCII, which no escape holds
def test_any_bytes_decode_and_nothing_is_lost(data: bytes) -> None:
    decoded = textfix.decode(data, errors="surrogateescape", repair=False)
    # every byte is decoded or kept as an escape: a U+FFFD that was not in the input is
    # an undecodable byte no escape holds (ASCII left over by UTF-16), and counted
    in_input = sum(data.count("\ufffd".encode(name)) for name in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le"))
    assert decoded.text.count("\ufffd") - in_input <= decoded.undecodable
    if decoded.encodings.keys() == {"utf-8"} and _is_utf8(data.removeprefix(codecs.BOM_UTF8)):
        assert decoded.text.encode("utf-8") == data.removeprefix(codecs.BOM_UTF8)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@given(cuts=st.lists(st.integers(min_value=0, max_value=5000), max_size=8))
@settings(max_examples=60, deadline=None)
def test_chunks_give_the_same_text_as_one_call(cuts: list[int]) -> None:
    data = (SAMPLES["cp1251"] * 20 + "cafÃ©\n").encode("utf-8") + (SAMPLES["cp1252"] * 5).encode("cp1252")
    whole = textfix.decode(data)
    decoder = textfix.Decoder()
    pieces, start = [], 0
    for cut in sorted(cuts):
        pieces.append(decoder.decode(data[start:cut]))
        start = max(start, cut)
    pieces.append(decoder.decode(data[start:], final=True))
    assert "".join(pieces) == whole.text
    assert decoder.encodings == whole.encodings
    assert tuple(decoder.findings) == whole.findings


def test_fix_lines_keeps_line_endings() -> None:
    lines = ["cafÃ©\r\n", "plain\n", "dashโ€”end"]
    assert list(textfix.fix_lines(lines)) == ["café\r\n", "plain\n", "dash—end"]


def test_fix_file_in_place_and_to_another_file(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_bytes("line one cafÃ©\r\nno newline at end".encode())
    os.chmod(source, 0o640)
    target = tmp_path / "out.txt"
    report = textfix.fix_file(source, target)
    assert target.read_bytes() == "line one café\r\nno newline at end".encode()
    assert (report.encoding, report.lines, report.repairs) == ("utf-8", 2, 1)
    textfix.fix_file(source)
    assert source.read_bytes() == target.read_bytes()
    assert source.stat().st_mode & 0o777 == 0o640


def test_fix_file_failure_leaves_no_output_and_keeps_the_input(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_bytes(b"fine\ncaf\xe9\n")
    with pytest.raises(UnicodeDecodeError):
        textfix.fix_file(source, tmp_path / "out.txt", encoding="utf-8", errors="strict")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]
    assert source.read_bytes() == b"fine\ncaf\xe9\n"


def test_atomic_writer_removes_its_temporary_file_on_error(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with pytest.raises(RuntimeError), AtomicWriter(target) as out:
        out.write(b"partial")
        raise RuntimeError("interrupted")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("errors", ["surrogateescape", "replace"])
def test_an_ascii_byte_utf16_leaves_over_is_replaced_and_counted(errors: str) -> None:
    # (a byte of a broken pair at 0x80 or above stays an escape under surrogateescape)
    decoded = textfix.decode(b"\xfe\xff\x00A\xd8\x00\x00B\x00", errors=errors, repair=False)
    kept = "\udcd8" if errors == "surrogateescape" else "\ufffd"
    assert decoded.text == f"A{kept}\ufffdB\ufffd"
    assert (decoded.undecodable, decoded.undecodable_offsets) == (3, (1, 2, 4))
    with pytest.raises(UnicodeDecodeError, match="byte 0x00"):
        textfix.decode(b"\xfe\xff\x00", errors="strict", repair=False)


# Short Russian words of cp1251 read as cp1252, a line each: none is sure alone, together
# they are (see textfix.blocks); then a line with two damaged words.
MISREAD_WORDS = ["Да", "Нет", "Файл"]
MISREAD_LINES = "".join(word.encode("cp1251").decode("cp1252") + "\n" for word in MISREAD_WORDS)
DAMAGED_LINE = "один cafÃ© и ещё cafÃ©\n"


def test_lines_are_repaired_in_blocks_as_fix_text_repairs_them(tmp_path: Path) -> None:
    text = MISREAD_LINES + "plain\n" * 2000 + DAMAGED_LINE
    decoded = textfix.decode(text.encode("utf-8"))
    assert decoded.text == textfix.fix_text(text)
    assert decoded.text.startswith("Да\nНет\nФайл\n")
    assert decoded.text.endswith("один café и ещё café\n")
    # offsets into the text as decoded, before the repairs
    assert all(text[f.start : f.end] == f.text for f in decoded.findings)
    source = tmp_path / "in.txt"
    source.write_bytes(text.encode("utf-8"))
    report = textfix.fix_file(source, tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == decoded.text
    assert report.repairs == len(decoded.findings) == 5


def test_findings_are_located_by_line_and_column() -> None:
    decoder = textfix.Decoder()
    text = MISREAD_LINES + "plain\n" * 2000 + DAMAGED_LINE
    decoder.decode(text.encode("utf-8"), final=True)
    located = [(line, column, finding.text) for line, column, finding in decoder.located]
    assert located == [(1, 1, "Äà"), (2, 1, "Íåò"), (3, 1, "Ôàéë"), (2004, 9, "Ã©"), (2004, 21, "Ã©")]
    for line, column, finding in decoder.located:
        assert text.split("\n")[line - 1][column - 1 : column - 1 + len(finding.text)] == finding.text


def test_the_decoder_holds_back_no_more_than_a_block_of_lines() -> None:
    decoder = textfix.Decoder()
    data = ("plain line, ещё одна\n" * 10_000).encode("utf-8")
    out = decoder.decode(data)
    assert 0 < len(data.decode("utf-8")) - len(out) <= BLOCK_CHARS
    assert out + decoder.decode(b"", final=True) == data.decode("utf-8")


@given(texts_of_lines())
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
def test_utf8_bytes_are_decoded_and_repaired_as_fix_text_repairs_their_text(text: str) -> None:
    """Lines of damaged and clean text, some a block or more apart (see test_properties)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # (lone surrogates)
        return
    decoded = textfix.decode(data)
    assume(decoded.encoding == "utf-8" and not decoded.undecodable)
    assert decoded.text == textfix.fix_text(text)
