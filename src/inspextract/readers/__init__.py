"""Readers: bytes in, `Document` out; `read` sniffs the format and dispatches."""

from __future__ import annotations

import dataclasses

from inspextract.document import Document
from inspextract.limits import DEFAULT_LIMITS, Limits
from inspextract.pdf_engines import DEFAULT_PDF_ENGINE
from inspextract.readers.sniff import misnamed_warning, sniff


def read(
    data: bytes,
    *,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
    boxes: bool = False,
) -> Document:
    """Read a document's bytes into normalised text with a page map (and for a PDF, with `boxes`, the map
    from offsets to character boxes)."""
    fmt = sniff(data, name)
    doc = read_as(fmt, data, limits=limits, pdf_engine=pdf_engine, boxes=boxes)
    warning = misnamed_warning(name, fmt)  # read for what it is, but a misnamed file is worth a word
    if warning:
        doc = dataclasses.replace(doc, warnings=(warning, *doc.warnings))
    return doc


def read_as(fmt: str, data: bytes, *, limits: Limits, pdf_engine: str, boxes: bool = False) -> Document:
    """Read bytes already sniffed as `fmt`."""
    if fmt == "pdf":
        from inspextract.readers.pdf import read_pdf

        return read_pdf(data, limits=limits, engine=pdf_engine, boxes=boxes)
    if fmt == "html":
        from inspextract.readers.html import read_html

        return read_html(data, limits=limits)
    if fmt == "docx":
        from inspextract.readers.docx import read_docx

        return read_docx(data, limits=limits)
    from inspextract.readers.text import read_text

    return read_text(data, markdown=fmt == "markdown")
