"""The command line, run as a subprocess: `python -m textfix fix|scan FILE...`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import textfix
from textfix import Config

ROOT = Path(__file__).resolve().parent.parent
TEXTFIX_FOLDER = str(Path(textfix.__file__).resolve().parent.parent)  # the textfix the suite tests
NEWS = ROOT / "examples" / "news-cp874.txt"
NEWS_DAMAGE = (("โ€”", "—"), ("ย\xa0", "\xa0"), ("ย\xa0", "\xa0"), ("โ€บ", "›"))
CLEAN_TEXT = "Plain text, “curly quotes”, naïve café, Привет, Καλημέρα, 東京.\n"
DAMAGED_LINE = "a dashโ€”here\n"
THRESHOLD = round(Config().threshold, 4)  # the JSON rounds confidences to 4 places


def run(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [TEXTFIX_FOLDER, env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "textfix", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def news_spans(text: str) -> list[tuple[int, int, str, str]]:
    spans, position = [], 0
    for damaged, repaired in NEWS_DAMAGE:
        start = text.index(damaged, position)
        spans.append((start, start + len(damaged), damaged, repaired))
        position = start + len(damaged)
    return spans


def line_column(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def repaired_news() -> str:
    text = NEWS.read_text(encoding="utf-8")
    pieces, position = [], 0
    for start, end, _, repaired in news_spans(text):
        pieces += [text[position:start], repaired]
        position = end
    return "".join(pieces) + text[position:]


@pytest.fixture
def clean_file(tmp_path: Path) -> Path:
    path = tmp_path / "clean.txt"
    path.write_bytes(CLEAN_TEXT.encode("utf-8"))
    return path


@pytest.fixture
def damaged_file(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.txt"
    path.write_bytes(("first line is fine\n" + DAMAGED_LINE).encode("utf-8"))
    return path


def assert_usage_error(result: subprocess.CompletedProcess[bytes], name: str) -> None:
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert stderr.endswith("\n") and stderr.count("\n") == 1, repr(stderr)
    assert stderr.startswith("textfix: "), repr(stderr)
    assert name in stderr, repr(stderr)
    assert result.stdout == b""


# --- fix -------------------------------------------------------------------------------------


def test_fix_repairs_the_example_file() -> None:
    result = run("fix", "examples/news-cp874.txt")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == repaired_news()
    assert result.stderr == b""


def test_fix_reads_stdin() -> None:
    result = run("fix", "-", stdin=DAMAGED_LINE.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == "a dash—here\n"


def test_fix_leaves_clean_bytes_identical(tmp_path: Path) -> None:
    data = "CRLF line endings\r\nno final newline, “quotes” and café".encode()
    path = tmp_path / "crlf.txt"
    path.write_bytes(data)
    result = run("fix", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == data


def test_fix_explain_lists_every_repair_on_stderr() -> None:
    text = NEWS.read_text(encoding="utf-8")
    result = run("fix", "--explain", "examples/news-cp874.txt")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == repaired_news()
    lines = result.stderr.decode("utf-8").splitlines()
    assert len(lines) == len(NEWS_DAMAGE), lines
    for line, (start, _, damaged, repaired) in zip(lines, news_spans(text), strict=True):
        number, column = line_column(text, start)
        assert line.startswith(f"examples/news-cp874.txt:{number}:{column}: "), line
        assert "utf-8->cp874" in line
        assert repr(damaged) in line and repr(repaired) in line, line


def test_fix_with_a_missing_file_fails_cleanly() -> None:
    assert_usage_error(run("fix", "no/such/file.txt"), "no/such/file.txt")


# --- scan ------------------------------------------------------------------------------------


def test_scan_clean_file_exits_0(clean_file: Path) -> None:
    result = run("scan", str(clean_file))
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""


def test_scan_damaged_file_exits_1(damaged_file: Path) -> None:
    result = run("scan", str(damaged_file))
    assert result.returncode == 1, result.stderr
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{damaged_file}:2:7: "), lines


def test_scan_exits_1_when_any_file_is_damaged(clean_file: Path, damaged_file: Path) -> None:
    assert run("scan", str(clean_file), str(damaged_file)).returncode == 1
    assert run("scan", str(clean_file), str(clean_file)).returncode == 0


def test_scan_reads_stdin() -> None:
    assert run("scan", "-", stdin=DAMAGED_LINE.encode("utf-8")).returncode == 1
    assert run("scan", "-", stdin=CLEAN_TEXT.encode("utf-8")).returncode == 0


def test_scan_empty_file_is_clean(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert run("scan", str(path)).returncode == 0


def test_scan_json_schema() -> None:
    text = NEWS.read_text(encoding="utf-8")
    result = run("scan", "--format", "json", "examples/news-cp874.txt")
    assert result.returncode == 1, result.stderr
    records = json.loads(result.stdout.decode("utf-8"))
    assert isinstance(records, list)
    assert len(records) == len(NEWS_DAMAGE)
    keys = {"path", "line", "column", "kind", "chain", "text", "replacement", "confidence"}
    for record, (start, _, damaged, repaired) in zip(records, news_spans(text), strict=True):
        assert set(record) == keys, record
        assert record["path"] == "examples/news-cp874.txt"
        assert (record["line"], record["column"]) == line_column(text, start)
        assert isinstance(record["line"], int) and isinstance(record["column"], int)
        assert record["kind"] == "mojibake"
        assert record["chain"] == ["utf-8", "cp874"]
        assert record["text"] == damaged
        assert record["replacement"] == repaired
        assert isinstance(record["confidence"], float) and THRESHOLD <= record["confidence"] <= 1.0


def test_scan_json_on_clean_file_is_an_empty_list(clean_file: Path) -> None:
    result = run("scan", "--format", "json", str(clean_file))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode("utf-8")) == []


# --- bad input: exit 2, one line on stderr, no traceback ---------------------------------------


def test_scan_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    assert_usage_error(run("scan", missing), missing)


def test_scan_missing_file_beats_findings(damaged_file: Path, tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    assert_usage_error(run("scan", str(damaged_file), missing), missing)


def test_scan_directory(tmp_path: Path) -> None:
    assert_usage_error(run("scan", str(tmp_path)), str(tmp_path))


def test_scan_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.bin"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_usage_error(run("scan", str(path)), str(path))


def test_strict_errors_on_bytes_no_encoding_decodes_fail_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Crème brûlée à la carte\n".encode("latin-1"))
    assert_usage_error(run("scan", "--encoding", "utf-8", "--errors", "strict", str(path)), str(path))


# --- bytes of any encoding --------------------------------------------------------------------


def test_fix_decodes_legacy_files(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.txt"
    path.write_bytes("Привет, мир! Это файл в кодировке Windows-1251.\n".encode("cp1251") * 3)
    result = run("fix", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == "Привет, мир! Это файл в кодировке Windows-1251.\n" * 3


def test_fix_decodes_a_mixed_file_line_by_line(tmp_path: Path) -> None:
    utf8_part = "naïve café — “déjà vu”\n"
    cp1252_part = "Grüße aus Köln, schöne Straße\n"
    path = tmp_path / "mixed.csv"
    path.write_bytes(utf8_part.encode("utf-8") + cp1252_part.encode("cp1252"))
    result = run("fix", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == utf8_part + cp1252_part


def test_fix_output_file_and_in_place(tmp_path: Path, damaged_file: Path) -> None:
    out = tmp_path / "out.txt"
    result = run("fix", "-o", str(out), str(damaged_file))
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    repaired = out.read_text(encoding="utf-8")
    assert "โ€”" not in repaired and "—" in repaired
    before = damaged_file.read_bytes()
    assert run("fix", "--in-place", str(damaged_file)).returncode == 0
    assert damaged_file.read_text(encoding="utf-8") == repaired
    assert damaged_file.read_bytes() != before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".textfix")] == []


def test_fix_output_is_not_written_when_an_input_is_missing(tmp_path: Path, damaged_file: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("previous\n", encoding="utf-8")
    assert_usage_error(run("fix", "-o", str(out), str(damaged_file), str(tmp_path / "missing")), "missing")
    assert out.read_text(encoding="utf-8") == "previous\n"


def test_fix_failure_midway_leaves_no_partial_output(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"good line\n" * 1000 + b"caf\xe9\n")
    out = tmp_path / "out.txt"
    result = run("fix", "--encoding", "utf-8", "--errors", "strict", "-o", str(out), str(path))
    assert result.returncode == 2
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["bad.txt"]


def test_in_place_with_output_is_a_usage_error(damaged_file: Path) -> None:
    result = run("fix", "--in-place", "-o", "x", str(damaged_file))
    assert result.returncode == 2 and b"Traceback" not in result.stderr


def test_scan_jsonl_has_one_object_per_line() -> None:
    result = run("scan", "--format", "jsonl", "examples/news-cp874.txt")
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [r["text"] for r in records] == [damaged for damaged, _ in NEWS_DAMAGE]
    assert all(r["chain"] == ["utf-8", "cp874"] for r in records)


def test_decode_reports_what_it_found(tmp_path: Path) -> None:
    path = tmp_path / "koi8.txt"
    text = "Съешь же ещё этих мягких французских булок, да выпей чаю.\n" * 4
    path.write_bytes(text.encode("koi8-r"))
    result = run("decode", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == text
    report = result.stderr.decode("utf-8")
    assert report.startswith(f"{path}: koi8-r (confidence ") and f"koi8-r {len(text)};" in report, report


def test_decode_utf16_from_stdin() -> None:
    text = "Hello, wörld: UTF-16 without a byte order mark.\n" * 3
    result = run("decode", "-", stdin=text.encode("utf-16-le"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == text
    assert "utf-16-le" in result.stderr.decode("utf-8")


def test_fix_repairs_legacy_text_that_looks_misread(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_text("Ïðèâåò, ìèð! Êàê ó òåáÿ äåëà?\n", encoding="utf-8")
    result = run("fix", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == "Привет, мир! Как у тебя дела?\n"


def test_fix_with_a_language_hint_repairs_legacy_text_that_looks_like_latin(tmp_path: Path) -> None:
    # one word, one misread letter: too little to go on without a hint
    path = tmp_path / "legacy.txt"
    path.write_text("Taraflý\n", encoding="utf-8")
    assert run("fix", str(path)).stdout.decode("utf-8") == "Taraflý\n"
    result = run("fix", "--languages", "tr", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == "Taraflı\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [(("scan", "--languages", "xx"), "unknown language"), (("fix", "--encoding", "no-such-codec"), "unknown encoding")],
)
def test_unknown_setting_is_a_usage_error(clean_file: Path, args: tuple[str, ...], message: str) -> None:
    result = run(*args, str(clean_file))
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "Traceback" not in stderr and message in stderr


def test_fix_keeps_a_utf8_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    clean = "\ufeffname,city\r\nJosé,Zürich\r\n".encode()
    path.write_bytes(clean)
    assert run("fix", str(path)).stdout == clean
    path.write_bytes("\ufeffname\r\ncafÃ©\r\n".encode())
    assert run("fix", "--in-place", str(path)).returncode == 0
    assert path.read_bytes() == "\ufeffname\r\ncafé\r\n".encode()
    assert run("decode", str(path)).stdout == "name\r\ncafé\r\n".encode()


@pytest.mark.parametrize(
    "args",
    [(), ("fix",), ("scan", "--format", "xml", "x"), ("fix", "--threshold", "2", "x"), ("bogus",)],
)
def test_usage_errors_are_one_line(args: tuple[str, ...]) -> None:
    result = run(*args)
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "Traceback" not in stderr
    assert stderr.count("\n") == 1 and stderr.startswith("textfix"), repr(stderr)
