"""Readers: bytes in, `Document` out; `read` sniffs the format and dispatches."""

from __future__ import annotations

from inspextract.document import Document
from inspextract.errors import UnsupportedFormat
from inspextract.limits import DEFAULT_LIMITS, Limits
from inspextract.pdf_engines import DEFAULT_PDF_ENGINE
from inspextract.readers.sniff import sniff


def read(
    data: bytes,
    *,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
) -> Document:
    """Read a document's bytes into normalised text with a page map."""
    fmt = sniff(data, name)
    if fmt == "pdf":
        from inspextract.readers.pdf import read_pdf

        return read_pdf(data, limits=limits, engine=pdf_engine)
    if fmt == "html":
        try:
            from inspextract.readers.html import read_html
        except ImportError:
            raise UnsupportedFormat("HTML input is not supported yet") from None
        return read_html(data, limits=limits)
    if fmt == "docx":
        try:
            from inspextract.readers.docx import read_docx
        except ImportError:
            raise UnsupportedFormat("DOCX input is not supported yet") from None
        return read_docx(data, limits=limits)
    from inspextract.readers.text import read_text

    return read_text(data, markdown=fmt == "markdown")
