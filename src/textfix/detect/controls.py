"""Detector: C1 control characters left by Windows-1252 text decoded as Latin-1.

Clean text has no use for U+0080-U+009F; where one appears, the byte was almost
always a cp1252 character (curly quotes, dashes, the euro sign) that a Latin-1 decoder
turned into a control. Bytes that cp1252 itself leaves undefined are left alone, and so
are controls next to other non-ASCII characters: those are part of mojibake through
Latin-1 or an ISO-8859 codepage ("×\x9c" is Hebrew "ל"), and turning them into cp1252
characters would mix two codepages in one damaged word.
"""

from __future__ import annotations

from typing import Final

from textfix.findings import Finding, new_finding
from textfix.patterns import compiled
from textfix.utf8 import IS_ASCII

C1_RUN: Final = compiled("[\x80-\x9f]+")
CONFIDENCE: Final = 0.99
LATIN1_CHAIN: Final = ("cp1252", "iso8859-1")  # cp1252 text decoded as Latin-1


def _cp1252_char(control: str) -> str | None:
    try:
        return bytes([ord(control)]).decode("cp1252")
    except UnicodeDecodeError:
        return None


# Controls cp1252 leaves undefined map to themselves and stay as they are.
_TO_CP1252: Final = str.maketrans({chr(b): _cp1252_char(chr(b)) or chr(b) for b in range(0x80, 0xA0)})


def cp1252_view(text: str) -> str:
    """`text` with its C1 controls read as the cp1252 characters of their bytes."""
    return text.translate(_TO_CP1252)


def detect_c1_controls(text: str) -> list[Finding]:
    """One finding per run of C1 controls between ASCII characters."""
    if IS_ASCII(text):
        return []
    findings = []
    for match in C1_RUN.finditer(text):
        before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
        if not (IS_ASCII(before) and IS_ASCII(after)):
            continue
        run = match.group()
        replacement = run.translate(_TO_CP1252)
        if replacement == run:
            continue
        findings.append(
            new_finding(match.start(), match.end(), run, "c1_control", LATIN1_CHAIN, replacement, CONFIDENCE)
        )
    return findings
