"""Format detection from the bytes themselves; the file name only breaks ties between text and Markdown."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from inspextract.errors import UnsupportedFormat

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
# Compound File Binary: Word 97-2003 .doc, and any Office file saved with a password.
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Zip packages that are not Word documents, by a member that names them.
OTHER_PACKAGES = (
    ("xl/workbook.xml", "an Excel workbook (XLSX)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (PPTX)"),
    ("content.xml", "an OpenDocument file (ODT/ODS)"),
    ("META-INF/manifest.xml", "an OpenDocument or EPUB file"),
)
# PDF readers accept junk before the header; so do we, within this many bytes.
PDF_HEADER_WINDOW_BYTES = 1024
HTML_START = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)[\s>]", re.I | re.S
)
HTML_TAG = re.compile(rb"<(p|div|h[1-6]|article|section|br|li|span|a)\b[^>]*>", re.I)
MARKDOWN_SUFFIXES = (".md", ".markdown")
# The format a file name's extension claims, and how each format is named in a warning.
CLAIMED_FORMATS = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html"}
FORMAT_NAMES = {"pdf": "a PDF", "docx": "a Word document", "html": "HTML", "markdown": "text", "text": "text"}


def sniff(data: bytes, name: str | None = None) -> str:
    """Return "pdf", "docx", "html", "markdown" or "text" for these bytes (the name is not trusted)."""
    head = data[:PDF_HEADER_WINDOW_BYTES]
    if head.lstrip().startswith(PDF_MAGIC):
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return sniff_zip(data)
    if data.startswith(CFB_MAGIC):
        raise UnsupportedFormat(
            "an old-style Word .doc or a password-protected Office file: save it as .docx or PDF"
        )
    probe = _ascii_probe(data[:4096])
    if HTML_START.match(probe):
        return "html"
    if PDF_MAGIC in head:  # PDF readers accept junk before the header
        return "pdf"
    if len(HTML_TAG.findall(probe)) >= 3:
        return "html"
    if name and name.lower().endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    return "text"


def claimed_format(name: str) -> str | None:
    """The format a file name's extension claims (pdf, docx, html), if any."""
    return CLAIMED_FORMATS.get(PurePath(name).suffix.lower())


def misnamed_warning(name: str | None, fmt: str) -> str | None:
    """A warning when the name's extension claims another format than the sniffed `fmt`, else None."""
    claimed = claimed_format(name) if name else None
    if name is None or claimed is None or claimed == fmt:
        return None
    suffix = PurePath(name).suffix.lower()
    return f"named {suffix} but the content is {FORMAT_NAMES[fmt]}: read as {FORMAT_NAMES[fmt]}"


def sniff_zip(data: bytes) -> str:
    """A zip is read as DOCX unless its members show it is another kind of package.

    Damaged zips and zips with no Word parts are left to the DOCX reader, whose errors say what is wrong.
    """
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "docx"
    if "word/document.xml" in names:
        return "docx"
    for member, kind in OTHER_PACKAGES:
        if member in names:
            raise UnsupportedFormat(f"{kind}, not a Word document: only DOCX, PDF, HTML and text are read")
    return "docx"


def _ascii_probe(head: bytes) -> bytes:
    """The first bytes with a BOM and UTF-16 zero bytes removed, enough to spot markup."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head[2:].replace(b"\x00", b"")
    return head.removeprefix(b"\xef\xbb\xbf")
