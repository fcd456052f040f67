"""The command line: version, help, errors and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from typer.testing import CliRunner

from inspextract import __version__
from inspextract.cli import app
from inspextract.errors import ExitCode
from inspextract.pipeline import read_document

from .conftest import corpus_documents

runner = CliRunner()
# Longest a test waits for the command in a child process: far beyond what it needs, short of a hung CI.
CHILD_TIMEOUT_S = 120


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"inspextract {__version__}"


def test_missing_file_is_one_line_error(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "inspextract", "parse", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )
    assert result.returncode == ExitCode.NOT_FOUND
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "no such file" in result.stderr
    assert "Traceback" not in result.stderr


# stdout as users have it: block-buffered when it is a pipe, whatever this machine's PYTHONUNBUFFERED says.
BUFFERED = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}


def test_the_command_ends_with_its_exit_code_and_all_its_output() -> None:
    # What sits in stdout's buffer at the end (all of a text under 8 KB) is flushed before the exit.
    doc = min(corpus_documents("dev"), key=lambda path: path.stat().st_size)
    command = [sys.executable, "-m", "inspextract", "text", str(doc)]
    done = subprocess.run(command, capture_output=True, env=BUFFERED, timeout=CHILD_TIMEOUT_S)
    assert done.returncode == 0 and done.stderr == b""
    assert done.stdout.decode() == read_document(doc)[0].text
    usage = subprocess.run(
        [sys.executable, "-m", "inspextract", "parse"],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )
    assert usage.returncode == ExitCode.USAGE and "Missing argument" in usage.stderr


def test_a_reader_gone_before_the_final_flush_gives_141_quietly() -> None:
    # Under 8 KB of text stays in stdout's buffer until the end, when the pipe has no reader any more.
    doc = min(corpus_documents("dev"), key=lambda path: path.stat().st_size)
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "inspextract", "text", str(doc)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=BUFFERED,
            timeout=CHILD_TIMEOUT_S,
        )
    finally:
        os.close(write_end)
    assert done.returncode == ExitCode.BROKEN_PIPE
    assert done.stderr == b""


def test_parse_prints_a_record() -> None:
    doc = corpus_documents("dev")[0]
    result = runner.invoke(app, ["parse", str(doc)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["schema_version"] == "1"
    assert record["source"]["format"] == "text"


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from inspextract.cli import main\n"
        "sys.argv = ['inspextract', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('spacy', 'pdfplumber', 'pypdfium2', 'pydantic') if m in sys.modules]\n"
        "sys.stderr.write(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=CHILD_TIMEOUT_S
    )
    assert result.stderr == ""


def test_schema_errors_go_through_the_error_boundary(monkeypatch) -> None:
    from inspextract.records import Report

    def broken(*args, **kwargs):
        raise RuntimeError("no schema today")

    monkeypatch.setattr(Report, "model_json_schema", broken)
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == ExitCode.INTERNAL
    assert result.output.startswith("inspextract: error: internal error (RuntimeError: no schema today)")
    assert "Traceback" not in result.output


def test_schema_is_the_records_json_schema() -> None:
    from inspextract.records import Report

    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == Report.model_json_schema()
