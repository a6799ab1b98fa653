"""Bytes of unknown, possibly mixed, encoding to text: decode() and the incremental Decoder.

The evidence is read in order: a byte order mark; a 7-bit encoding (ISO-2022, HZ) told
by its shift sequences; strict UTF-8 (most data, and the fast path); UTF-16 or UTF-32
without a mark, told by where the NUL bytes fall; then line by line. A line that is
valid UTF-8 is UTF-8. The other lines are legacy text, whose codepage chardet names from
a sample of them (within the hinted languages' codepages, when there is a hint; beyond
the supported ones only for a multi-byte encoding it is surer of), or UTF-8 lines with
a few stray legacy bytes: files concatenated from a UTF-8 export and a cp1252 one come
out right on both sides. Finally the core repairs the mojibake in the decoded text,
line by line.

A line is UTF-8 with stray bytes when more of its non-ASCII bytes sit in well-formed
UTF-8 sequences than outside them, and its legacy reading looks like mojibake. Legacy
text holds such sequences by chance ("Ві" in cp1251 is 0xC2 0xB3, a valid "³"; Thai in
cp874 is full of them), but its legacy reading is clean text. The same test keeps a
line that is UTF-8 by chance in a legacy file legacy.

Nothing is dropped: bytes no candidate decodes are handled by the `errors` policy
("replace" puts U+FFFD, "surrogateescape" keeps them as lone surrogates, which encode
back to the same bytes, "strict" raises UnicodeDecodeError) and counted. (An ASCII byte
that UTF-16 or UTF-32 leaves over, at an odd end or in a broken pair, has no such
escape: it is U+FFFD under "surrogateescape" too, counted all the same.) A single-byte
codepage's undefined bytes 0x80-0x9F decode to the C1 controls of the same value, as
browsers do, so those are never lost.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

from textfix import detect  # (this module loads after the package, which defines it)
from textfix.blocks import blocks
from textfix.codecs import DOUBLE_BYTE_CODECS, SINGLE_BYTE_CODECS
from textfix.config import DEFAULT_CONFIG, Config
from textfix.detect.doublebyte import detect_double_byte
from textfix.detect.suspects import may_hold_mojibake
from textfix.findings import Finding, apply_findings
from textfix.languages import LANGUAGES, check_languages
from textfix.utf8 import MULTIBYTE_SEQUENCE, ONE_SEQUENCE

ERRORS = ("replace", "surrogateescape", "strict")
# How many bytes the Decoder reads before it decides between UTF-8, UTF-16/32 and the rest,
# and how much of the non-UTF-8 lines chardet sees.
SAMPLE_BYTES = 1 << 16
CHUNK_BYTES = 1 << 20
# A line longer than this is cut (after a byte below 0x40, which no supported multi-byte
# encoding uses inside a character) so that memory stays bounded.
MAX_LINE_BYTES = 1 << 20
# Offsets of undecodable bytes are reported for the first ones only; all are counted.
MAX_REPORTED_OFFSETS = 100

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16-LE, whose mark it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# ASCII and well-formed multi-byte sequences: the UTF-8 pieces of a line.
_UTF8_PIECE = re.compile(rb"(?:[\x00-\x7f]|" + MULTIBYTE_SEQUENCE + rb")+")
# Bytes no candidate decoded, as lone surrogates: U+DC80-U+DCFF as surrogateescape makes
# them, and U+DC00-U+DC7F for the ASCII bytes a UTF-16/32 decoder leaves over (see
# _keep_bytes), which no escape encodes back: U+FFFD even under "surrogateescape".
_ESCAPED = re.compile("[\udc00-\udcff]")
_REPLACE_UNESCAPABLE = dict.fromkeys(range(0xDC00, 0xDC80), "\ufffd")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_C1_FROM_ESCAPED = {0xDC80 + byte: chr(0x80 + byte) for byte in range(0x20)}
_REPLACE_ESCAPED = dict.fromkeys(range(0xDC00, 0xDD00), "\ufffd")
# What chardet names -> the codec that reads the same text and more: Latin-1 and ASCII
# (and UTF-8 with stray bytes) as cp1252, as browsers do, since cp1252 only adds
# characters where Latin-1 has C1 controls; the CJK standards as Microsoft's supersets.
_SUPERSET = {
    "ascii": "cp1252",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "utf-8": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
}


@dataclass(frozen=True)
class Decoded:
    """What decode() made of some bytes.

    `encoding` is the main encoding (a Python codec name), the one that decoded most of
    the bytes; `encodings` counts the bytes each encoding decoded (more than one for
    mixed input; ASCII lines count for the encoding of the text around them). `findings` are the mojibake repairs
    made after decoding, with offsets into the text as decoded, before the repairs.
    `undecodable` counts the bytes no candidate decoded (kept by the errors policy);
    `undecodable_offsets` gives the offsets in that text of the first of them.
    """

    text: str
    encoding: str
    confidence: float
    encodings: dict[str, int] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    undecodable: int = 0
    undecodable_offsets: tuple[int, ...] = ()


def decode(
    data: bytes | bytearray | memoryview,
    encoding: str | None = None,
    *,
    errors: str = "replace",
    repair: bool = True,
    languages: Iterable[str] = (),
    config: Config | None = None,
) -> Decoded:
    """The text in `data`, with its encoding found (or given) and its mojibake repaired.

    `encoding` skips detection ("auto" or None detects). `languages` (e.g. ["ru"])
    narrows the legacy codepages considered and is passed to the repair. `repair=False`
    only decodes.
    """
    decoder = Decoder(encoding, errors=errors, repair=repair, languages=languages, config=config)
    view = memoryview(data).cast("B")
    # in chunks, so that the bytes held at once stay small beside the text
    pieces = [decoder.decode(bytes(view[start : start + CHUNK_BYTES])) for start in range(0, len(view), CHUNK_BYTES)]
    pieces.append(decoder.decode(b"", final=True))
    return decoder.result("".join(pieces))


def looks_binary(data: bytes) -> bool:
    """NUL bytes in a sample that is not UTF-16 or UTF-32: not text."""
    sample = data[:SAMPLE_BYTES]
    return b"\x00" in sample and _bom_encoding(sample) is None and _wide_encoding(sample) is None


class Decoder:
    """Decodes bytes that arrive in chunks, with the same decisions as decode().

        decoder = textfix.Decoder()
        for chunk in chunks:
            out.write(decoder.decode(chunk))
        out.write(decoder.decode(b"", final=True))

    Text comes out by whole lines; up to SAMPLE_BYTES are held back at the start, until
    the encoding is decided, and the last block of lines (up to 4,096 characters, see
    textfix.blocks) until it is whole: its lines are repaired together, as fix_text
    repairs them in one text. `encoding`, `encodings`, `findings`, `repairs` and
    `undecodable` tell what happened so far. With keep_findings=False only the repairs
    are counted, so that memory stays flat on a file of any size.
    """

    def __init__(
        self,
        encoding: str | None = None,
        *,
        errors: str = "replace",
        repair: bool = True,
        languages: Iterable[str] = (),
        config: Config | None = None,
        keep_findings: bool = True,
    ) -> None:
        if errors not in ERRORS:
            raise ValueError(f"errors must be one of {', '.join(ERRORS)}, not {errors!r}")
        hint = check_languages(tuple(languages))
        if config is None:
            config = DEFAULT_CONFIG if not hint else Config(languages=hint)
        elif config == DEFAULT_CONFIG:
            config = DEFAULT_CONFIG  # the one whose clean text takes the fast path
        self.errors = errors
        self.repair = repair
        self.config = config
        self.keep_findings = keep_findings
        self._given = None if encoding in (None, "auto") else codecs.lookup(str(encoding)).name
        self._hinted_codepages = tuple(dict.fromkeys(name for code in hint for name in LANGUAGES[code]))
        self._pending = b""
        self._block = b""  # the lines being decoded, which the legacy guess samples first
        self._bytes_seen = 0  # offset of _pending in the input
        self._chars_in = 0  # length of the decoded text so far, before repairs
        # The decoded lines not yet repaired: the last block of lines (see textfix.blocks),
        # which the next lines may join, is read when it is whole. (Where it starts in the
        # decoded text, and the number of its first line.)
        self._held = ""
        self._held_at = 0
        self._held_line = 1
        self._mode: str | None = None  # "lines", or the codec of a whole-stream decoder
        self._stream: codecs.IncrementalDecoder | None = None
        self._text_tail = ""  # text of a whole-stream decoder after its last newline
        self._legacy: str | None = self._given
        self._legacy_confidence = 1.0 if self._given else 0.0
        self.utf8_bom = False  # the input started with the UTF-8 byte order mark (not in the text)
        self.encodings: Counter[str] = Counter()
        self.findings: list[Finding] = []
        self.located: list[tuple[int, int, Finding]] = []  # (line, column, finding in that line), 1-based
        self.lines = 0
        self.repairs = 0
        self.undecodable = 0
        self.undecodable_offsets: list[int] = []

    @property
    def encoding(self) -> str | None:
        """The encoding that decoded most of the bytes so far (None before any)."""
        if self._mode not in (None, "lines"):
            return self._mode
        if self.encodings:
            return self.encodings.most_common(1)[0][0]
        return self._given or ("utf-8" if self.lines else None)

    @property
    def confidence(self) -> float:
        main = self.encoding
        if main is None:
            return 0.0
        return self._legacy_confidence if main == self._legacy else 1.0

    def decode(self, data: bytes, final: bool = False) -> str:
        self._pending += data
        if self._mode is None:
            if not final and len(self._pending) < SAMPLE_BYTES:
                return ""
            self._decide(self._pending)
        text = self._decode_stream(final) if self._stream is not None else self._decode_lines(final)
        return self._repaired(text, final) if self.repair else text

    def result(self, text: str) -> Decoded:
        """A Decoded for `text`, everything this decoder put out."""
        return Decoded(
            text=text,
            encoding=self.encoding or "utf-8",
            confidence=self.confidence,
            encodings=dict(self.encodings),
            findings=tuple(self.findings),
            undecodable=self.undecodable,
            undecodable_offsets=tuple(self.undecodable_offsets),
        )

    def _decide(self, sample: bytes) -> None:
        if self._given is None:
            escaped = _escape_encoding(sample)
            if escaped is not None:
                # (read as a given encoding would be: block by block, line by line)
                self._given = self._legacy = escaped[0]
                self._legacy_confidence = escaped[1]
        mode = self._given or _bom_encoding(sample) or _wide_encoding(sample) or "utf-8"
        if mode == "utf-8" and sample.startswith(codecs.BOM_UTF8):
            self._pending = self._pending[len(codecs.BOM_UTF8) :]
            self._bytes_seen = len(codecs.BOM_UTF8)
            self.utf8_bom = True
        if _reads_by_lines(mode):
            self._mode = "lines"
        else:
            self._mode = mode
            # "utf-16"/"utf-32" without an order take the byte order mark and drop it
            stream_codec = mode[:-3] if not self._given and _bom_encoding(sample) == mode else mode
            self._stream = codecs.getincrementaldecoder(stream_codec)(_KEEP_BYTES)

    def _decode_stream(self, final: bool) -> str:
        assert self._stream is not None and self._mode is not None
        self.encodings[self._mode] += len(self._pending)
        text = self._text_tail + self._stream.decode(self._pending, final)
        self._pending = b""
        cut = len(text) if final else text.rfind("\n") + 1
        self._text_tail = text[cut:]
        return "".join(self._finish_line(line, self._mode) for line in _lines(text[:cut]))

    def _decode_lines(self, final: bool) -> str:
        pending = self._pending
        cut = len(pending) if final else pending.rfind(b"\n") + 1
        if not cut and len(pending) > MAX_LINE_BYTES:
            cut = _safe_cut(pending)
        if not cut:
            return ""
        self._block, self._pending = pending[:cut], pending[cut:]
        self._bytes_seen += cut
        whole: tuple[str, str] | None = None
        escaped = False
        if self._given is not None:
            whole = _decode_legacy(self._block, self._given), self._given
            escaped = _ESCAPED.search(whole[0]) is not None
        else:
            with suppress(UnicodeDecodeError):
                whole = self._block.decode("utf-8"), "utf-8"  # most input: every line UTF-8 at once
        if whole is not None:
            self.encodings[whole[1]] += cut
            if not escaped:
                self._block = b""
                return self._finish_block(whole[0])
        lines = _lines_of(whole) if whole is not None else list(self._decoded_lines(self._block, final))
        self._block = b""
        return "".join(self._finish_line(text, name) for text, name in lines)

    def _finish_block(self, text: str) -> str:
        """_finish_line for every line of a block decoded whole, without escapes: counted."""
        self.lines += text.count("\n") + (bool(text) and not text.endswith("\n"))
        self._chars_in += len(text)
        return text

    def _decoded_lines(self, block: bytes, final: bool) -> Iterator[tuple[str, str]]:
        raw_lines = _lines(block)
        last = len(raw_lines) - 1 if final else -1
        for index, line in enumerate(raw_lines):
            if line.isascii():
                text, encoding = line.decode("ascii"), self._legacy or "utf-8"
            elif index != last and 4 * _continuation_bytes(line) <= _non_ascii_bytes(line):
                # Too few continuation bytes for most of the line to be UTF-8 (see _utf8_share):
                # legacy text, the common case of a legacy file, told in C.
                encoding = self._legacy_codec()
                text = _decode_legacy(line, encoding)
            else:
                text, encoding = self._decode_line(line, index == last)
            self.encodings[encoding] += len(line)
            yield text, encoding

    def _decode_line(self, line: bytes, at_end: bool) -> tuple[str, str]:
        """One line of a block that is not all UTF-8: UTF-8, legacy text, or UTF-8 with stray bytes.

        Legacy text holds well-formed UTF-8 sequences by chance (Thai in cp874 is full of
        them), so the legacy reading decides: a UTF-8 line read as a single-byte codepage
        is mojibake that the suspect regex sees ("cafÃ©"), legacy text read so is not.
        """
        legacy = self._legacy_codec()
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as error:
            if at_end and error.reason == "unexpected end of data" and _is_utf8_until(line, error.start):
                # the input ends inside a character: UTF-8 cut short, not another encoding
                return line.decode("utf-8", "surrogateescape"), "utf-8"
        else:
            if self.encodings[legacy] <= self.encodings["utf-8"]:
                return text, "utf-8"
            legacy_text = _decode_legacy(line, legacy)
            # among legacy lines, a line that is UTF-8 by chance reads as clean legacy text
            return (text, "utf-8") if _reads_as_mojibake(legacy_text, legacy) else (legacy_text, legacy)
        legacy_text = _decode_legacy(line, legacy)
        if _single_byte_table(legacy) is not None:
            # (in double-byte text, stray UTF-8 is too easily chance: such lines stay legacy)
            inside, outside = _utf8_share(line)
            if inside > outside and _reads_as_mojibake(legacy_text, legacy):
                return _decode_stray_bytes(line, legacy), "utf-8"
        return legacy_text, legacy

    def _legacy_codec(self) -> str:
        if self._legacy is None:
            sample = b"".join(_not_utf8_lines(self._block, self._pending))
            self._legacy, self._legacy_confidence = _guess_legacy(sample, self._hinted_codepages)
        return self._legacy

    def _finish_line(self, text: str, encoding: str) -> str:
        """Count one decoded line and apply the errors policy to it (which keeps its length)."""
        self.lines += 1
        if not text.isascii() and _ESCAPED.search(text) is not None:
            text = self._apply_policy(text, encoding)
        self._chars_in += len(text)
        return text

    def _apply_policy(self, text: str, encoding: str) -> str:
        escaped = [match.start() for match in _ESCAPED.finditer(text)]
        if self.errors == "strict":
            first = escaped[0]
            raise UnicodeDecodeError(
                encoding,
                bytes([ord(text[first]) - 0xDC00]),
                0,
                1,
                f"no candidate decodes this byte (character {self._chars_in + first} of the text)",
            )
        self.undecodable += len(escaped)
        room = MAX_REPORTED_OFFSETS - len(self.undecodable_offsets)
        self.undecodable_offsets.extend(self._chars_in + index for index in escaped[: max(room, 0)])
        return text.translate(_REPLACE_UNESCAPABLE if self.errors == "surrogateescape" else _REPLACE_ESCAPED)

    def _repaired(self, text: str, final: bool) -> str:
        """The blocks of lines (see textfix.blocks) that `text`, decoded after the lines
        held, completes, repaired as fix_text repairs them in a text; the last is held
        unless `final`, as more lines may join it."""
        held = self._held + text
        spans = blocks(held)
        pieces = []
        repaired_to = 0
        for start, end in spans if final else spans[:-1]:
            pieces.append(self._repaired_block(held[start:end]))
            self._held_at += end - start
            self._held_line += held.count("\n", start, end)
            repaired_to = end
        self._held = held[repaired_to:]
        return "".join(pieces)

    def _repaired_block(self, block: str) -> str:
        """`block`, the first lines held, repaired; its findings counted and kept."""
        if block.isascii():
            return block
        findings = detect(block, self.config)
        if not findings:
            return block
        self.repairs += len(findings)
        if self.keep_findings:
            line_starts = [0] + [match.end() for match in _NEWLINE.finditer(block)]
            for f in findings:
                index = bisect_right(line_starts, f.start) - 1
                line_start = line_starts[index]
                self.findings.append(f._replace(start=f.start + self._held_at, end=f.end + self._held_at))
                in_line = f._replace(start=f.start - line_start, end=f.end - line_start)
                self.located.append((self._held_line + index, in_line.start + 1, in_line))
        return apply_findings(block, findings)


_NEWLINE = re.compile("\n")


AnyStr = TypeVar("AnyStr", str, bytes)


def _lines(text: AnyStr) -> list[AnyStr]:
    """The lines of `text`, each with its "\\n"; only "\\n" ends a line (U+0085 may be part
    of mojibake, and line numbers are those of editors)."""
    newline = "\n" if isinstance(text, str) else b"\n"
    lines = text.split(newline)
    last = lines.pop()
    joined = [line + newline for line in lines]
    if last:
        joined.append(last)
    return joined


def _keep_bytes(error: UnicodeError) -> tuple[str, int]:
    """Every byte as a lone surrogate (see _ESCAPED): surrogateescape's where it can; a
    UTF-16/32 decoder may also leave over ASCII bytes, which it cannot escape."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(chr(0xDC00 + byte) for byte in bad), error.end


_KEEP_BYTES = "textfix-keep-bytes"
codecs.register_error(_KEEP_BYTES, _keep_bytes)


def _reads_by_lines(name: str) -> bool:
    """Whether "\\n" is always the byte 0x0A in this encoding (not so in UTF-16/32)."""
    return "\n".encode(name, "ignore") == b"\n" and "\u4e00\n".encode(name, "ignore").endswith(b"\n")


def _bom_encoding(sample: bytes) -> str | None:
    for mark, name in _BOMS:
        if sample.startswith(mark):
            return name
    return None


# Shift sequences of the 7-bit encodings (ISO-2022-JP and -KR, HZ): their text is all
# ASCII bytes, which UTF-8 would take as they are.
_SHIFT_SEQUENCE = re.compile(rb"\x1b[$(][@A-Z]|\x1b\$\)C|~\{")


def _escape_encoding(sample: bytes) -> tuple[str, float] | None:
    """(codec, confidence) of an ASCII-only sample in a 7-bit encoding that chardet names
    from its shift sequences and that decodes the sample strictly into text beyond ASCII."""
    if not sample.isascii() or _SHIFT_SEQUENCE.search(sample) is None:
        return None
    codec, confidence = _chardet_guess(sample)
    if codec is None or not (codec.startswith("iso2022") or codec == "hz"):
        return None
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError:
        return None
    return (codec, confidence) if not text.isascii() else None


def _wide_encoding(sample: bytes) -> str | None:
    """UTF-16 or UTF-32 without a mark, from where NUL bytes fall in a sample of text.

    Text in these encodings has NULs in the high bytes of many characters (of every
    ASCII one: spaces, digits, punctuation), and never in the low byte of a character
    other than NUL itself. The sample must also decode strictly, to text without
    control characters.
    """
    size = len(sample) - len(sample) % 4
    nuls = sample.count(0, 0, size)
    if size < 16 or nuls < max(2, size // 32):
        return None
    fours = [sample[index:size:4].count(0) for index in range(4)]
    quarter = size // 4
    candidates = []
    if fours[2] == fours[3] == quarter and fours[0] < quarter // 2:
        candidates.append("utf-32-le")
    if fours[0] == fours[1] == quarter and fours[3] < quarter // 2:
        candidates.append("utf-32-be")
    odd, even = fours[1] + fours[3], fours[0] + fours[2]
    if even <= odd // 16:
        candidates.append("utf-16-le")
    if odd <= even // 16:
        candidates.append("utf-16-be")
    for name in candidates:
        try:
            text = codecs.getincrementaldecoder(name)("strict").decode(sample[:size], False)
        except UnicodeDecodeError:
            continue
        if _CONTROL.search(text) is None:
            return name
    return None


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _lines_of(whole: tuple[str, str]) -> list[tuple[str, str]]:
    text, encoding = whole
    return [(line, encoding) for line in _lines(text)]


def _safe_cut(data: bytes) -> int:
    """Where to cut a long run without a newline: after the last byte below 0x40."""
    for position in range(len(data) - 1, max(-1, len(data) - 4096), -1):
        if data[position] < 0x40:
            return position + 1
    return len(data) - len(data) % 4


_ASCII_BYTES = bytes(range(0x80))


_NOT_CONTINUATION_BYTES = bytes(range(0x80)) + bytes(range(0xC0, 0x100))


def _continuation_bytes(data: bytes) -> int:
    """Bytes 0x80-0xBF: a multi-byte UTF-8 sequence has one or more, a two-byte one half its bytes."""
    return len(data.translate(None, _NOT_CONTINUATION_BYTES))


def _non_ascii_bytes(data: bytes) -> int:
    return len(data.translate(None, _ASCII_BYTES))


def _utf8_share(line: bytes) -> tuple[int, int]:
    """(non-ASCII bytes inside well-formed UTF-8 sequences, non-ASCII bytes outside)."""
    inside = len(b"".join(ONE_SEQUENCE.findall(line)))
    return inside, _non_ascii_bytes(line) - inside


def _is_utf8_until(line: bytes, end: int) -> bool:
    try:
        line[:end].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _reads_as_mojibake(text: str, codec: str) -> bool:
    """Whether `text`, read through `codec`, holds what UTF-8 read so looks like: the
    suspect regex for a single-byte codepage, the double-byte detector for CJK ones."""
    if _single_byte_table(codec) is not None:
        return may_hold_mojibake(text, (codec,))
    base = _DOUBLE_BYTE_BASE.get(codec, codec)
    if base not in DOUBLE_BYTE_CODECS:
        return True  # no detector for it: the line keeps its UTF-8 reading
    threshold = DEFAULT_CONFIG.threshold
    return bool(detect_double_byte(text, (base,), threshold, threshold))


# a superset codec chardet names -> the double-byte codepage the detector reads it as
_DOUBLE_BYTE_BASE = {"gb18030": "gbk", "big5hkscs": "big5", "euc_jis_2004": "euc_jp", "shift_jis_2004": "shift_jis"}


def _decode_stray_bytes(line: bytes, legacy: str) -> str:
    """A UTF-8 line whose few bytes outside well-formed sequences are legacy text."""
    pieces = []
    position = 0
    for match in _UTF8_PIECE.finditer(line):
        if match.start() > position:
            pieces.append(_decode_legacy(line[position : match.start()], legacy))
        pieces.append(match.group().decode("utf-8"))
        position = match.end()
    if position < len(line):
        pieces.append(_decode_legacy(line[position:], legacy))
    return "".join(pieces)


@cache
def _single_byte_table(name: str) -> str | None:
    """The 256 chars of a single-byte codec: C1 controls for its undefined 0x80-0x9F, lone
    surrogates (escapes) for its other undefined bytes; None for a multi-byte codec."""
    try:
        table = bytes(range(256)).decode(name, "surrogateescape")
        # bytes that UTF-8, GBK, Big5, Shift_JIS, EUC or ISO-2022 would read as fewer chars
        probes = [len(probe.decode(name, "surrogateescape")) == len(probe) for probe in _MULTI_BYTE_PROBES]
    except (LookupError, UnicodeError):
        return None
    if len(table) != 256 or not all(probes):
        return None
    return table.translate(_C1_FROM_ESCAPED)


_MULTI_BYTE_PROBES = (b"\xc3\xa9", b"\x81\x40", b"\xa4\xa4", b"\x8e\xa1", b"\xb0\xa1", b"\x1b$B0!\x1b(B")


def _decode_legacy(data: bytes, name: str) -> str:
    """`data` in a legacy encoding; what it leaves undefined comes back escaped (lone surrogates).

    A single-byte codepage's undefined 0x80-0x9F are read as the C1 controls of the same
    value, as browsers do.
    """
    table = _single_byte_table(name)
    if table is None:
        return data.decode(name, "surrogateescape")
    return codecs.charmap_decode(data, "strict", table)[0]


def _not_utf8_lines(*blocks: bytes) -> Iterator[bytes]:
    """Up to SAMPLE_BYTES of the lines that are not UTF-8, as they are (chardet reads a few
    UTF-8 characters beside stray legacy bytes as UTF-8, which then means cp1252)."""
    size = 0
    for block in blocks:
        for line in _lines(block):
            if line.isascii() or _is_utf8_until(line, len(line)):
                continue
            yield line
            size += len(line)
            if size >= SAMPLE_BYTES:
                return


# Fewer non-ASCII bytes than this outside UTF-8 are stray bytes, too few for chardet.
MIN_GUESS_BYTES = 16
# The codepages chardet chooses from: those textfix knows mojibake of, whose text is
# common enough to meet in a file (chardet alone would also offer mac-iceland and the like).
LEGACY_CANDIDATES = tuple(dict.fromkeys((*SINGLE_BYTE_CODECS, "gb18030", *DOUBLE_BYTE_CODECS)))


def _chardet_name(codec: str) -> str:
    return codec.replace("_", "-") if codec.startswith("euc_") else codec


def _guess_legacy(sample: bytes, hinted: tuple[str, ...]) -> tuple[str, float]:
    """chardet's codepage for the sample, among the hinted codepages or LEGACY_CANDIDATES."""
    candidates = hinted or LEGACY_CANDIDATES
    if _non_ascii_bytes(sample) < MIN_GUESS_BYTES:
        # a few stray bytes say nothing to chardet: take the commonest source of them
        return codecs.lookup(candidates[0] if hinted else "cp1252").name, 0.0
    named, confidence = _chardet_guess(sample, [_chardet_name(name) for name in candidates])
    codec = named or "cp1252"
    if not hinted and confidence < UNSURE:
        other = _multi_byte_beyond_candidates(sample, confidence)
        if other is not None:
            return other
    # (the superset reads what it adds, but EUC-KR's own decoder also joins the jamo
    # of its eight-byte syllables, which CP949 leaves apart)
    if not (codec == "euc_kr" and _decodes_strictly(sample, codec)):
        codec = _SUPERSET.get(codec, codec)
    if hinted and codec not in {codecs.lookup(h).name for h in hinted}:
        codec = codecs.lookup(hinted[0]).name
    return codec, confidence


# Below this, chardet's guess among the candidates is a guess; another encoding may
# fit: Korean in Johab reads as mac-cyrillic at 0.05, as Johab at 0.09.
UNSURE = 0.2


def _multi_byte_beyond_candidates(sample: bytes, confidence: float) -> tuple[str, float] | None:
    """chardet's guess among all its encodings, if it is a multi-byte one the candidates
    lack (Johab, Big5-HKSCS, the JIS X 0213 codecs), surer than the candidates' best, that
    decodes the sample strictly: a sample of single-byte text seldom does."""
    codec, other_confidence = _chardet_guess(sample)
    if (
        codec is None
        or codec in LEGACY_CANDIDATES
        or other_confidence <= confidence
        or _single_byte_table(codec) is not None
        or not _decodes_strictly(sample, codec)
    ):
        return None
    return codec, other_confidence


def _chardet_guess(sample: bytes, among: list[str] | None = None) -> tuple[str | None, float]:
    """chardet's encoding for the sample (among those named, if any), as a Python codec
    name, and its confidence."""
    import chardet

    guess = chardet.detect(sample) if among is None else chardet.detect(sample, include_encodings=among)
    return _codec_of(guess.get("encoding")), float(guess.get("confidence") or 0.0)


def _codec_of(name: str | None) -> str | None:
    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None


def _decodes_strictly(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True
