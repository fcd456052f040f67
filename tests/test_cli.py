"""The command line: version, help, errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from inspextract import __version__
from inspextract.cli import app
from inspextract.errors import ExitCode

from .conftest import corpus_documents

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"inspextract {__version__}"


def test_missing_file_is_one_line_error(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "inspextract", "parse", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == ExitCode.NOT_FOUND
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "no such file" in result.stderr
    assert "Traceback" not in result.stderr


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
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr == ""
