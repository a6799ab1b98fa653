"""Command line: `textfix fix|scan|decode FILE...`.

Input is read as bytes, in chunks, and decoded like textfix.decode (the encoding found
or given by --encoding), so files of any size stream through in constant memory.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, NoReturn, TextIO

import textfix
from textfix.decoding import Decoder, looks_binary
from textfix.streams import AtomicWriter, decode_chunks, encoded, read_chunks

EXIT_USAGE = 2
# Files at least this large get a progress line on stderr, when it is a terminal.
PROGRESS_BYTES = 16 << 20


class _CliError(Exception):
    """A problem worth one line on stderr and exit code 2."""


def _open(path: str) -> tuple[BinaryIO, int]:
    """A binary handle on the file (stdin for "-") and its size (0 if unknown)."""
    if path == "-":
        return sys.stdin.buffer, 0
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by _chunks
        return handle, os.fstat(handle.fileno()).st_size
    except FileNotFoundError:
        raise _CliError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise _CliError(f"{path}: is a directory") from None
    except PermissionError:
        raise _CliError(f"{path}: permission denied") from None
    except OSError as error:
        raise _CliError(f"{path}: {error.strerror or error}") from None


def _chunks(path: str) -> Iterator[bytes]:
    """The bytes of the file, chunk by chunk, refusing binary files, with progress on a terminal."""
    handle, size = _open(path)
    progress = _Progress(path, size) if size >= PROGRESS_BYTES and sys.stderr.isatty() else None
    try:
        first = True
        for chunk in read_chunks(handle, progress.advance if progress else None):
            if first and looks_binary(chunk):
                raise _CliError(f"{path}: looks like a binary file (NUL bytes); not text")
            first = False
            yield chunk
    except OSError as error:
        raise _CliError(f"{path}: {error.strerror or error}") from None
    finally:
        if progress is not None:
            progress.done()
        if handle is not sys.stdin.buffer:
            handle.close()


class _Progress:
    """A one-line progress report on stderr, redrawn at most 10 times a second."""

    def __init__(self, path: str, size: int) -> None:
        self.path, self.size, self.seen, self.shown = path, size, 0, 0.0

    def advance(self, count: int) -> None:
        self.seen += count
        now = time.monotonic()
        if now - self.shown >= 0.1:
            self.shown = now
            sys.stderr.write(f"\rtextfix: {self.path} {100 * self.seen // self.size}% ({self.seen >> 20} MiB)")
            sys.stderr.flush()

    def done(self) -> None:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()


def _decoder(args: argparse.Namespace, keep_findings: bool, repair: bool = True) -> Decoder:
    config = textfix.Config(threshold=args.threshold, languages=args.languages)
    return Decoder(args.encoding, errors=args.errors, repair=repair, config=config, keep_findings=keep_findings)


def _decoded(path: str, decoder: Decoder) -> Iterator[str]:
    try:
        yield from decode_chunks(_chunks(path), decoder)
    except UnicodeDecodeError as error:
        raise _CliError(f"{path}: {error.reason}") from None


def _fix(args: argparse.Namespace) -> int:
    if args.in_place and (args.output or "-" in args.files):
        raise _CliError("--in-place rewrites each FILE: it takes no -o and no stdin")
    if args.in_place:
        for path in args.files:
            decoder = _decoder(args, keep_findings=args.explain)
            with AtomicWriter(Path(path)) as out:
                _write_fixed(path, decoder, out, args.explain)
        return 0
    if args.output:
        with AtomicWriter(Path(args.output)) as out:
            for path in args.files:
                _write_fixed(path, _decoder(args, keep_findings=args.explain), out, args.explain)
        return 0
    for path in args.files:
        _write_fixed(path, _decoder(args, keep_findings=args.explain), sys.stdout.buffer, args.explain)
    return 0


def _check_readable(path: str) -> None:
    """Fail before any output is written when an input cannot be read."""
    if path != "-":
        handle, _ = _open(path)
        handle.close()


def _write_fixed(path: str, decoder: Decoder, out: BinaryIO, explain: bool) -> None:
    for data in encoded(_decoded(path, decoder), decoder):
        out.write(data)
        if explain:
            _explain(path, decoder, sys.stderr)
    if explain:
        _explain(path, decoder, sys.stderr)


def _explain(path: str, decoder: Decoder, stream: TextIO) -> None:
    for line, column, finding in decoder.located:
        stream.write(_describe(path, line, column, finding) + "\n")
    decoder.located.clear()
    decoder.findings.clear()


def _describe(path: str, line: int, column: int, finding: textfix.Finding) -> str:
    chain = "->".join(finding.chain) or "-"
    return (
        f"{path}:{line}:{column}: {finding.kind} {chain} {finding.text!r} -> {finding.replacement!r} "
        f"({finding.confidence:.2f})"
    )


def _scan(args: argparse.Namespace) -> int:
    found = 0
    records: list[dict[str, object]] = []
    for path in args.files:
        decoder = _decoder(args, keep_findings=True)
        for _ in _decoded(path, decoder):
            for line, column, finding in decoder.located:
                found += 1
                if args.format == "text":
                    sys.stdout.write(_describe(path, line, column, finding) + "\n")
                elif args.format == "jsonl":
                    sys.stdout.write(json.dumps(_record(path, line, column, finding), ensure_ascii=False) + "\n")
                else:
                    records.append(_record(path, line, column, finding))
            decoder.located.clear()
            decoder.findings.clear()
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 1 if found else 0


def _decode(args: argparse.Namespace) -> int:
    for path in args.files:
        decoder = _decoder(args, keep_findings=False, repair=not args.no_repair)
        for text in _decoded(path, decoder):
            sys.stdout.buffer.write(text.encode("utf-8", "surrogateescape"))
        sys.stdout.buffer.flush()
        sys.stderr.write(_report(path, decoder) + "\n")
    return 0


def _report(path: str, decoder: Decoder) -> str:
    encodings = ", ".join(f"{name} {count}" for name, count in decoder.encodings.most_common())
    return (
        f"{path}: {decoder.encoding or 'utf-8'} (confidence {decoder.confidence:.2f}); "
        f"bytes by encoding: {encodings or 'none'}; {decoder.repairs} repaired spans; "
        f"{decoder.undecodable} undecodable bytes"
    )


def _record(path: str, line: int, column: int, finding: textfix.Finding) -> dict[str, object]:
    return {
        "path": path,
        "line": line,
        "column": column,
        "kind": finding.kind,
        "chain": list(finding.chain),
        "text": finding.text,
        "replacement": finding.replacement,
        "confidence": round(finding.confidence, 4),
    }


LANGUAGES_HELP = "what the text should be written in, e.g. ru,tr: reads every text through those legacy codepages"


def _threshold(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {value}")
    return number


def _languages(value: str) -> tuple[str, ...]:
    codes = tuple(code.strip() for code in value.split(",") if code.strip())
    try:
        textfix.Config(languages=codes)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return codes


def _encoding(value: str) -> str | None:
    if value == "auto":
        return None
    import codecs

    try:
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding: {value!r}") from None


def _common(command: argparse.ArgumentParser, threshold_help: str) -> None:
    command.add_argument("files", nargs="+", metavar="FILE", help="files to read; - reads stdin")
    command.add_argument(
        "--encoding", type=_encoding, default=None, metavar="auto|NAME", help="input encoding (default: detect)"
    )
    command.add_argument(
        "--errors",
        choices=("replace", "surrogateescape", "strict"),
        default="replace",
        help="bytes no encoding decodes: U+FFFD, kept as escapes, or an error (default: replace)",
    )
    command.add_argument("--threshold", type=_threshold, default=textfix.Config().threshold, help=threshold_help)
    command.add_argument("--languages", type=_languages, default=(), metavar="CODES", help=LANGUAGES_HELP)


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line (and exit code 2), as every other error of the command."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="textfix", description="Find and repair mojibake in text.")
    parser.add_argument("--version", action="version", version=f"textfix {textfix.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    fix = commands.add_parser("fix", help="write the repaired UTF-8 text of each FILE")
    _common(fix, "confidence to repair")
    target = fix.add_mutually_exclusive_group()
    target.add_argument("-o", "--output", metavar="OUT", help="write to OUT (atomically) instead of stdout")
    target.add_argument("--in-place", action="store_true", help="replace each FILE (atomically)")
    fix.add_argument("--explain", action="store_true", help="list every repair on stderr")
    fix.set_defaults(run=_fix)
    scan = commands.add_parser("scan", help="list damaged spans; exit 1 if any, 0 if clean")
    _common(scan, "confidence to report")
    scan.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    scan.set_defaults(run=_scan)
    decode = commands.add_parser("decode", help="bytes of unknown encoding to UTF-8, with a report on stderr")
    _common(decode, "confidence to repair")
    decode.add_argument("--no-repair", action="store_true", help="only decode; leave mojibake as it is")
    decode.set_defaults(run=_decode)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        for path in args.files:
            _check_readable(path)
        code: int = args.run(args)
    except _CliError as error:
        sys.stderr.write(f"textfix: {error}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    sys.stdout.flush()
    return code


if __name__ == "__main__":
    sys.exit(main())
