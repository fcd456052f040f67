"""Hostile inputs (../shared/tools/make_bad.py): never a crash, hang, memory blow-up or half-written file.

Each file is parsed by the real command in a child process under an address-space cap and a time limit.
The outcome must be either a valid record (with warnings where something was wrong) or a one-line error on
stderr with a documented exit code — and the specific outcome each kind of damage calls for.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from inspextract.errors import ExitCode

# Each case is a child process loading the model: seconds apiece.
pytestmark = pytest.mark.slow

# Address-space cap for each child: spaCy, numpy and the PDF libraries map about 1 GiB of virtual memory
# at rest; 3 GiB is the cap make_bad.md's measurements used.
MEMORY_CAP_BYTES = 3 * 1024**3
# The CLI's default per-document limit: "ends within its time limit" means the limit users get.
PER_DOCUMENT_TIMEOUT_S = 120
# The child's own limit plus interpreter and model start-up.
CHILD_TIMEOUT_S = PER_DOCUMENT_TIMEOUT_S + 40

OK = {ExitCode.OK}
DAMAGED = {ExitCode.DAMAGED}
# file -> the exit codes that are right for it (make_bad.md's "a good extractor should" column)
EXPECTED: dict[str, set[ExitCode]] = {
    "empty.pdf": {ExitCode.NO_TEXT, ExitCode.DAMAGED},
    "not-a-pdf.pdf": {ExitCode.OK, ExitCode.DAMAGED},  # read as the text it is (with a warning), or refused
    "truncated.pdf": OK,  # the pages before the cut, with a warning
    "garbage.pdf": DAMAGED,
    "encrypted.pdf": {ExitCode.ENCRYPTED},
    "encrypted-owner-only.pdf": OK,
    "image-only.pdf": {ExitCode.NO_TEXT},
    "many-pages.pdf": OK,
    "deep-nesting.pdf": {ExitCode.OK, ExitCode.DAMAGED},
    "cyclic-pages.pdf": {ExitCode.OK, ExitCode.DAMAGED},
    "no-pages.pdf": {ExitCode.DAMAGED, ExitCode.NO_TEXT},
    "bad-xref.pdf": OK,
    "flate-bomb.pdf": {ExitCode.OK, ExitCode.TOO_LARGE, ExitCode.TIMEOUT, ExitCode.DAMAGED},
    "really-a-pdf.txt": OK,
    "empty.txt": {ExitCode.NO_TEXT},
    "binary.txt": {ExitCode.UNSUPPORTED},
    "latin1.txt": OK,
    "cp1252.txt": OK,
    "utf16.txt": OK,
    "utf8-bom-crlf.txt": OK,
    "long-line.txt": {ExitCode.OK, ExitCode.TOO_LARGE},
    "nul-bytes.txt": OK,
    "broken.docx": DAMAGED,
    "truncated.docx": DAMAGED,
    "not-a-zip.docx": DAMAGED,
    "zip-bomb.docx": {ExitCode.TOO_LARGE},
    "malformed.html": OK,
}
# Records that must say what was wrong, and words their warning must hold.
MUST_WARN = {
    "latin1.txt": "not UTF-8",
    "cp1252.txt": "not UTF-8",
    "nul-bytes.txt": "NUL byte",
    "bad-xref.pdf": "cross-reference table was wrong",
    "malformed.html": "malformed HTML",
    "not-a-pdf.pdf": "named .pdf but the content is text",
    "truncated.pdf": "file cut short",
}


def cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP_BYTES, MEMORY_CAP_BYTES))


def run_parse(path: Path, out: Path, pdf_engine: str | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "inspextract", "parse", str(path), "-o", str(out)]
    cmd += ["--timeout", str(PER_DOCUMENT_TIMEOUT_S)]
    if pdf_engine:
        cmd += ["--pdf-engine", pdf_engine]
    return subprocess.run(
        cmd, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S, preexec_fn=cap_memory, check=False
    )


# Every file with the default engine; the PDFs with the other engine too.
CASES = [(name, None) for name in sorted(EXPECTED)] + [
    (name, "pdfplumber") for name in sorted(EXPECTED) if name.endswith(".pdf")
]


@pytest.mark.parametrize(("name", "pdf_engine"), CASES, ids=[f"{n}-{e or 'default'}" for n, e in CASES])
def test_bad_file(name: str, pdf_engine: str | None, bad_inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "record.json"
    result = run_parse(bad_inputs / name, out, pdf_engine)
    assert "Traceback" not in result.stderr
    assert result.returncode in EXPECTED[name], result.stderr
    if result.returncode == ExitCode.OK:
        record = json.loads(out.read_text(encoding="utf-8"))
        if name in MUST_WARN:
            assert any(MUST_WARN[name] in w for w in record["warnings"]), record["warnings"]
    else:
        assert result.stderr.startswith("inspextract: error: ")
        assert result.stderr.count("\n") == 1, result.stderr
        assert not out.exists(), "a failed parse wrote its output file"
        assert list(tmp_path.iterdir()) == [], "a failed parse left a temporary file"


def normalised_text(path: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "inspextract", "text", str(path)],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        check=True,
    )
    return result.stdout


def test_legacy_encodings_survive_intact(bad_inputs: Path) -> None:
    latin1 = normalised_text(bad_inputs / "latin1.txt")
    assert "£250,000" in latin1 and "Renée Müller-Østergaard" in latin1
    cp1252 = normalised_text(bad_inputs / "cp1252.txt")
    assert "€" in cp1252 and "\u0080" not in cp1252 and "\u0093" not in cp1252


def test_bom_and_nul_bytes_do_not_shift_offsets(bad_inputs: Path) -> None:
    assert not normalised_text(bad_inputs / "utf8-bom-crlf.txt").startswith("\ufeff")
    assert "\r" not in normalised_text(bad_inputs / "utf8-bom-crlf.txt")
    assert "\x00" not in normalised_text(bad_inputs / "nul-bytes.txt")


def test_malformed_html_keeps_only_visible_text(bad_inputs: Path) -> None:
    text = normalised_text(bad_inputs / "malformed.html")
    assert "MUST NOT APPEAR" not in text
    assert "£" in text
