"""Command line: `textfix fix FILE...` prints the repaired text; `textfix scan FILE...` lists findings."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

import textfix

EXIT_USAGE = 2


class _CliError(Exception):
    """A problem worth one line on stderr and exit code 2."""


def _read(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            raise _CliError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise _CliError(f"{path}: is a directory") from None
        except PermissionError:
            raise _CliError(f"{path}: permission denied") from None
        except OSError as error:
            raise _CliError(f"{path}: {error.strerror or error}") from None
    if b"\x00" in data[:8192]:
        raise _CliError(f"{path}: looks like a binary file (NUL bytes); not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _CliError(f"{path}: not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})") from None


def _fix(args: argparse.Namespace) -> int:
    config = textfix.Config(threshold=args.threshold, languages=args.languages)
    for path in args.files:
        text = _read(path)
        fixed, plan = textfix.fix_and_explain(text, config)
        sys.stdout.write(fixed)
        if args.explain:
            for finding in plan.findings():
                sys.stderr.write(_describe(path, text, finding) + "\n")
    return 0


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _describe(path: str, text: str, finding: textfix.Finding) -> str:
    line, column = _position(text, finding.start)
    chain = "->".join(finding.chain) or "-"
    return (
        f"{path}:{line}:{column}: {finding.kind} {chain} {finding.text!r} -> {finding.replacement!r} "
        f"({finding.confidence:.2f})"
    )


def _scan(args: argparse.Namespace) -> int:
    config = textfix.Config(threshold=args.threshold, languages=args.languages)
    records = []
    for path in args.files:
        text = _read(path)
        for finding in textfix.detect(text, config):
            line, column = _position(text, finding.start)
            records.append((path, text, line, column, finding))
    if args.format == "json":
        json.dump([_record(*r) for r in records], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for path, text, _, _, finding in records:
            sys.stdout.write(_describe(path, text, finding) + "\n")
    return 1 if records else 0


def _record(path: str, text: str, line: int, column: int, finding: textfix.Finding) -> dict[str, object]:
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


LANGUAGES_HELP = "what the text should be written in, e.g. ru,uk: also repairs it read with the wrong legacy codepage"


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="textfix", description="Find and repair mojibake in text.")
    parser.add_argument("--version", action="version", version=f"textfix {textfix.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    fix = commands.add_parser("fix", help="print the repaired text of each FILE (- for stdin)")
    fix.add_argument("files", nargs="+", metavar="FILE")
    fix.add_argument("--explain", action="store_true", help="list every repair on stderr")
    fix.add_argument("--threshold", type=_threshold, default=textfix.Config().threshold, help="confidence to repair")
    fix.add_argument("--languages", type=_languages, default=(), metavar="CODES", help=LANGUAGES_HELP)
    fix.set_defaults(run=_fix)
    scan = commands.add_parser("scan", help="list damaged spans; exit 1 if any, 0 if clean")
    scan.add_argument("files", nargs="+", metavar="FILE")
    scan.add_argument("--format", choices=("text", "json"), default="text")
    scan.add_argument("--threshold", type=_threshold, default=textfix.Config().threshold, help="confidence to report")
    scan.add_argument("--languages", type=_languages, default=(), metavar="CODES", help=LANGUAGES_HELP)
    scan.set_defaults(run=_scan)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
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
