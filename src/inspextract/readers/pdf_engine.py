"""The contract a PDF text engine meets, and the registry `read_pdf` picks engines from."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from inspextract.errors import UnsupportedFormat
from inspextract.limits import Limits
from inspextract.readers.pdf_layout import PageWords


class PdfEngine(Protocol):
    """An open PDF: its page count, then its pages one at a time, so memory stays flat on long documents.

    Engines raise the exceptions of errors.py (DamagedInput, EncryptedInput, TooLarge) themselves, since only
    they know their library's exceptions. A page the engine cannot read is reported by `skipped`.
    """

    def page_count(self) -> int:
        """Number of pages in the document."""
        ...

    def iter_pages(self) -> Iterator[PageWords]:
        """Each page's words, in page order; a page's resources are released before the next is read."""
        ...

    def skipped(self) -> list[str]:
        """Warnings about pages the engine had to leave out (damaged, over the size limit)."""
        ...

    def close(self) -> None:
        """Release the document."""
        ...


class EngineOpener(Protocol):
    """Opens a PDF; with `boxes`, the engine's words carry their characters' boxes (`Word.chars`)."""

    def __call__(self, data: bytes, limits: Limits, *, boxes: bool = False) -> PdfEngine: ...


def open_pdfplumber(data: bytes, limits: Limits, *, boxes: bool = False) -> PdfEngine:
    from inspextract.readers.pdf_plumber import PdfplumberEngine

    return PdfplumberEngine(data, limits, boxes=boxes)


def open_pdfium(data: bytes, limits: Limits, *, boxes: bool = False) -> PdfEngine:
    from inspextract.readers.pdf_pdfium import PdfiumEngine

    return PdfiumEngine(data, limits, boxes=boxes)


ENGINES: dict[str, EngineOpener] = {"pdfplumber": open_pdfplumber, "pdfium": open_pdfium}


def open_engine(name: str, data: bytes, limits: Limits, *, boxes: bool = False) -> PdfEngine:
    """Open `data` with the named engine; `boxes` asks for character boxes."""
    try:
        opener = ENGINES[name]
    except KeyError:
        raise UnsupportedFormat(f"unknown PDF engine {name!r} (choose {', '.join(ENGINES)})") from None
    return opener(data, limits, boxes=boxes)
