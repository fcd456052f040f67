"""Format detection from the bytes themselves; the file name only breaks ties between text and Markdown."""

from __future__ import annotations

import re

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
# PDF readers accept junk before the header; so do we, within this many bytes.
PDF_HEADER_WINDOW_BYTES = 1024
HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)[\s>]", re.I | re.S
)
HTML_TAG = re.compile(rb"<(p|div|h[1-6]|article|section|br|li|span|a)\b[^>]*>", re.I)
MARKDOWN_SUFFIXES = (".md", ".markdown")


def sniff(data: bytes, name: str | None = None) -> str:
    """Return "pdf", "docx", "html", "markdown" or "text" for these bytes."""
    head = data[:PDF_HEADER_WINDOW_BYTES]
    if PDF_MAGIC in head:
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return "docx"
    probe = _ascii_probe(data[:4096])
    if HTML_START.match(probe) or len(HTML_TAG.findall(probe)) >= 3:
        return "html"
    if name and name.lower().endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    return "text"


def _ascii_probe(head: bytes) -> bytes:
    """The first bytes with a BOM and UTF-16 zero bytes removed, enough to spot markup."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head[2:].replace(b"\x00", b"")
    return head.removeprefix(b"\xef\xbb\xbf")
