"""Format detection from the content: names are not trusted."""

from __future__ import annotations

import io
import zipfile

import pytest

from inspextract.errors import UnsupportedFormat
from inspextract.pipeline import read_document
from inspextract.readers.sniff import sniff

from .conftest import FIXTURES


def zipped(*names: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in names:
            z.writestr(name, "<x/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"<!DOCTYPE html><html><body><p>%PDF-1.4 is a version</p>", "html"),
        (b"\xef\xbb\xbf<html><head><title>x</title></head></html>", "html"),
        (b"junk before header %PDF-1.4", "pdf"),
        (zipped("[Content_Types].xml", "word/document.xml"), "docx"),
        (zipped("readme.txt"), "docx"),  # left to the DOCX reader, which says "not a valid DOCX"
        (b"PK\x03\x04" + b"\x00" * 100, "docx"),
        (b"Plain report text.", "text"),
    ],
)
def test_format_comes_from_the_bytes(data: bytes, expected: str) -> None:
    assert sniff(data, "whatever.pdf") == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (zipped("[Content_Types].xml", "xl/workbook.xml"), "Excel"),
        (zipped("mimetype", "content.xml"), "OpenDocument"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".doc"),
    ],
)
def test_other_office_files_are_refused_by_name(data: bytes, message: str) -> None:
    with pytest.raises(UnsupportedFormat, match=message):
        sniff(data, "report.docx")


def test_html_saved_as_pdf_is_read_as_html(tmp_path) -> None:
    page = (FIXTURES / "dev-html" / "docs" / "004_5bd155181e1959c4.html").read_bytes()
    fake = tmp_path / "report.pdf"
    fake.write_bytes(page)
    doc = read_document(fake)[0]
    assert doc.format == "html" and doc.text.startswith("An inspection of services")
    assert doc.warnings[0] == "named .pdf but the content is HTML: read as HTML"


@pytest.mark.parametrize("name", ["report.txt", "report.md", "report", "report.PDF.txt"])
def test_a_name_that_does_not_claim_another_format_gives_no_warning(name: str, tmp_path) -> None:
    path = tmp_path / name
    path.write_text("An inspection report.\n", encoding="utf-8")
    assert read_document(path)[0].warnings == ()


def test_text_named_docx_is_read_with_a_warning(tmp_path) -> None:
    path = tmp_path / "report.docx"
    path.write_text("An inspection report.\n", encoding="utf-8")
    doc = read_document(path)[0]
    assert doc.format == "text" and doc.warnings == ("named .docx but the content is text: read as text",)


def test_sniffing_and_cli_start_leave_markup_parsers_unloaded() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from inspextract.cli import main\n"
        "from inspextract.readers import read\n"
        "from inspextract.readers.sniff import sniff\n"
        "sniff(b'<html><body><p>x</p></body></html>')\n"
        "print(sorted(m for m in ('lxml', 'selectolax', 'docx') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
