"""Text and files in constant memory: fix_lines() and fix_file().

fix_lines() repairs each line (or any string) alone; fix_file() repairs blocks of lines
as fix_text() repairs them in one text (see decoding.Decoder). Memory stays flat
whatever the size of the input; line endings and the final newline are kept exactly. fix_file() writes its output to a
temporary file next to the destination and renames it into place: a failure leaves no
partial output, and the input is never written to until the rename.
"""

from __future__ import annotations

import codecs
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from textfix.config import Config
from textfix.decoding import Decoder

CHUNK_BYTES = 1 << 20


def fix_lines(lines: Iterable[str], config: Config | None = None, **settings: object) -> Iterator[str]:
    """Each line repaired (as textfix.fix_text), lazily, in order."""
    from textfix import fix_text

    for line in lines:
        yield fix_text(line, config, **settings)


@dataclass(frozen=True)
class FileReport:
    """What fix_file() did: the encoding(s) read, lines, repairs and undecodable bytes."""

    source: str
    encoding: str
    confidence: float
    encodings: dict[str, int]
    lines: int
    repairs: int
    undecodable: int


def decode_chunks(chunks: Iterable[bytes], decoder: Decoder) -> Iterator[str]:
    """The text of a stream of byte chunks, through `decoder`, piece by piece."""
    for chunk in chunks:
        text = decoder.decode(chunk)
        if text:
            yield text
    text = decoder.decode(b"", final=True)
    if text:
        yield text


def encoded(texts: Iterable[str], decoder: Decoder) -> Iterator[bytes]:
    """The texts as UTF-8, after the UTF-8 byte order mark if the input had one (spreadsheet
    programs need it to read a CSV file as UTF-8), so a clean file comes back identical."""
    marked = False
    for text in texts:
        if not marked and decoder.utf8_bom:
            marked = True
            yield codecs.BOM_UTF8
        yield text.encode("utf-8", "surrogateescape")
    if not marked and decoder.utf8_bom:
        yield codecs.BOM_UTF8


def read_chunks(handle: BinaryIO, on_progress: Callable[[int], None] | None = None) -> Iterator[bytes]:
    while chunk := handle.read(CHUNK_BYTES):
        if on_progress is not None:
            on_progress(len(chunk))
        yield chunk


def fix_file(
    source: str | os.PathLike[str],
    destination: str | os.PathLike[str] | None = None,
    *,
    encoding: str | None = None,
    errors: str = "replace",
    languages: Iterable[str] = (),
    config: Config | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> FileReport:
    """Repair `source` into `destination` (UTF-8), or in place when destination is None.

    The encoding is detected unless given (see textfix.decode). The output is written
    atomically; on any error it is not there at all, and `source` is untouched.
    """
    source_path = Path(source)
    target = Path(destination) if destination is not None else source_path
    decoder = Decoder(encoding, errors=errors, languages=languages, config=config, keep_findings=False)
    with open(source_path, "rb") as reader, AtomicWriter(target, like=source_path) as writer:
        for data in encoded(decode_chunks(read_chunks(reader, on_progress), decoder), decoder):
            writer.write(data)
    return FileReport(
        source=str(source_path),
        encoding=decoder.encoding or "utf-8",
        confidence=decoder.confidence,
        encodings=dict(decoder.encodings),
        lines=decoder.lines,
        repairs=decoder.repairs,
        undecodable=decoder.undecodable,
    )


class AtomicWriter:
    """A binary file at a temporary name beside `path`, renamed onto `path` on success.

    The new file takes the permission bits of `like` (or of `path` if it exists), so an
    in-place repair keeps the file's mode.
    """

    def __init__(self, path: Path, like: Path | None = None) -> None:
        self.path = path
        self.like = like
        self._handle: BinaryIO | None = None
        self._name = ""

    def __enter__(self) -> BinaryIO:
        directory = self.path.parent if str(self.path.parent) else Path(".")
        descriptor, self._name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".textfix", dir=directory)
        self._handle = os.fdopen(descriptor, "wb")
        return self._handle

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        assert self._handle is not None
        try:
            if error is None:
                self._handle.flush()
                os.fsync(self._handle.fileno())
            self._handle.close()
            if error is not None:
                return
            model = self.path if self.path.exists() else self.like
            if model is not None and model.exists():
                shutil.copymode(model, self._name)
            os.replace(self._name, self.path)
        finally:
            if os.path.exists(self._name):
                os.unlink(self._name)
