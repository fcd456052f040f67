"""The pdfplumber (pdfminer.six) engine: positioned words page by page, with its errors made readable."""

from __future__ import annotations

import io
import logging
import re
import zlib
from collections.abc import Iterator
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect, PDFXRefFallback
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, dict_value, resolve1
from pdfplumber.utils.exceptions import PdfminerException

from inspextract.char_boxes import AS_SHOWN, Placement, WordEnds
from inspextract.errors import DamagedInput, EncryptedInput, InspextractError, TooLarge
from inspextract.limits import Limits, MiB
from inspextract.readers.pdf_layout import PageWords, Word
from inspextract.readers.pdf_xref import XREF_DAMAGED

# A single page whose content streams inflate past this is skipped: real pages, even detailed maps,
# stay well under 20 MiB, while decompression bombs inflate to hundreds of MiB.
MAX_PAGE_CONTENT_BYTES = 64 * MiB
# Inflate in chunks of this size when measuring a stream, so measuring never holds a bomb in memory.
INFLATE_CHUNK_BYTES = 1 * MiB
MAX_MESSAGE_CHARS = 160
# Characters with the same text this close together (pt) are one glyph drawn twice (pdfplumber's default).
DUPLICATE_TOLERANCE_PT = 1.0
PDF_LOGGERS = ("pdfminer", "pdfplumber")
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page\b(?!s)")


def pdf_error(err: BaseException) -> InspextractError:
    """The user-facing error for an exception pdfminer raised while opening or reading a PDF."""
    cause = err.args[0] if isinstance(err, PdfminerException) and err.args else err
    if isinstance(cause, PDFPasswordIncorrect):
        return EncryptedInput("password-protected PDF")
    if isinstance(cause, PDFEncryptionError):
        return EncryptedInput(f"encrypted PDF with unsupported encryption ({one_line(cause)})")
    if isinstance(cause, RecursionError):
        return DamagedInput("damaged PDF: nesting too deep")
    if isinstance(cause, InspextractError):
        return cause
    return DamagedInput(f"damaged PDF: {one_line(cause)}")


def one_line(err: BaseException | str) -> str:
    """An exception as a short single line."""
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= MAX_MESSAGE_CHARS else text[: MAX_MESSAGE_CHARS - 1] + "…"


def inflated_size(stream: PDFStream, cap: int) -> int:
    """Bytes a Flate-compressed stream inflates to, counting no further than `cap`."""
    filters = stream.get_filters()
    if not filters or filters[0][0] not in LITERALS_FLATE_DECODE:
        return len(stream.rawdata or stream.data or b"")
    raw = stream.rawdata
    if raw is None:  # already decoded
        return len(stream.data or b"")
    if stream.decipher is not None and stream.objid is not None and stream.genno is not None:
        raw = stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
    inflater, total = zlib.decompressobj(), 0
    try:
        chunk = inflater.decompress(raw, INFLATE_CHUNK_BYTES)
        total += len(chunk)
        while inflater.unconsumed_tail and total <= cap:
            chunk = inflater.decompress(inflater.unconsumed_tail, INFLATE_CHUNK_BYTES)
            total += len(chunk)
    except zlib.error:
        pass  # pdfminer copes with corrupt streams itself; only their size matters here
    return total


def content_streams(page: Any) -> list[PDFStream]:
    """The page's content streams (a /Contents reference or array of them)."""
    streams = []
    for item in page.page_obj.contents:
        obj = resolve1(item)
        if isinstance(obj, PDFStream):
            streams.append(obj)
    return streams


def unique_chars(page: Any) -> Any:
    """The page without duplicate characters (fake bold overprints a glyph at the same spot).

    pdfplumber's own `dedupe_chars` does the same but sorts per character group: ~1.5 s a page here.
    """
    seen: set[tuple[str, int, int]] = set()
    duplicates: set[int] = set()
    for char in page.chars:
        key = (
            char["text"],
            round(char["x0"] / DUPLICATE_TOLERANCE_PT),
            round(char["top"] / DUPLICATE_TOLERANCE_PT),
        )
        if key in seen:
            duplicates.add(id(char))
        seen.add(key)
    if not duplicates:
        return page
    return page.filter(lambda obj: id(obj) not in duplicates)


def word_ends(first: dict[str, Any], last: dict[str, Any]) -> WordEnds:
    """The end characters' edges of a word from its first and last pdfplumber characters."""
    return WordEnds(
        float(first["x1"]), float(first["top"]), float(first["bottom"]),
        float(last["x0"]), float(last["top"]), float(last["bottom"]),
    )  # fmt: skip


class ProblemCounter(logging.Handler):
    """Counts pdfminer's log warnings (syntax it repaired) instead of letting them reach stderr."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class PdfplumberEngine:
    """`PdfEngine` over pdfplumber: opens with the empty password, recovers broken xref tables."""

    def __init__(self, data: bytes, limits: Limits, *, boxes: bool = False) -> None:
        self.limits = limits
        self.boxes = boxes
        self.warnings: list[str] = []
        self.inflated_total = 0
        # pdfminer logs each repair on stderr; the user gets one warning in the record instead.
        self.problems = ProblemCounter()
        self.loggers = [(logger, logger.propagate) for logger in map(logging.getLogger, PDF_LOGGERS)]
        for logger, _ in self.loggers:
            logger.addHandler(self.problems)
            logger.propagate = False
        try:
            self.pdf = pdfplumber.open(io.BytesIO(data), password="")
            self.pages = self.pdf.pages
            if not self.pages and _PAGE_OBJECT.search(data):
                self.recover_xref()
        except InspextractError:
            self.release_logger()
            raise
        except Exception as err:  # pdfminer raises many kinds (syntax, EOF, key, type, recursion)
            self.release_logger()
            raise pdf_error(err) from None

    def recover_xref(self) -> None:
        """Rebuild the cross-reference table by scanning the file when the stated one finds no pages."""
        doc = self.pdf.doc
        parser = doc._parser
        assert parser is not None
        parser.fallback = True
        xref = PDFXRefFallback()
        xref.load(parser)
        trailer = xref.get_trailer()
        if "Root" not in trailer:
            return
        doc.xrefs = [xref]
        doc._cached_objs.clear()
        doc.catalog = dict_value(trailer["Root"])
        del self.pdf._pages
        self.pages = self.pdf.pages
        if self.pages:
            self.warnings.append(XREF_DAMAGED)

    def page_count(self) -> int:
        return len(self.pages)

    def skipped(self) -> list[str]:
        if self.problems.count:
            return [
                *self.warnings,
                f"damaged PDF: the reader worked around {self.problems.count} syntax problem(s)",
            ]
        return self.warnings

    def iter_pages(self) -> Iterator[PageWords]:
        for page in self.pages:
            try:
                if self.is_too_large(page):
                    continue
                yield self.read_page(page, boxes=self.boxes)
            except InspextractError:
                raise
            except Exception as err:
                if isinstance(pdf_error(err), EncryptedInput) or isinstance(err, RecursionError):
                    raise pdf_error(err) from None
                self.warnings.append(f"page {page.page_number} could not be read: {one_line(err)}")
            finally:
                page.close()

    def is_too_large(self, page: Any) -> bool:
        """Whether the page's content inflates past the page budget (the page is then skipped)."""
        size = sum(inflated_size(s, MAX_PAGE_CONTENT_BYTES) for s in content_streams(page))
        self.inflated_total += size
        if self.inflated_total > self.limits.max_inflated_bytes:
            raise TooLarge(
                f"PDF content inflates past {self.limits.max_inflated_bytes // MiB} MiB "
                f"(decompression bomb?) by page {page.page_number}"
            )
        if size > MAX_PAGE_CONTENT_BYTES:
            self.warnings.append(
                f"page {page.page_number} skipped: its content inflates past "
                f"{MAX_PAGE_CONTENT_BYTES // MiB} MiB (decompression bomb?)"
            )
            return True
        return False

    @staticmethod
    def read_page(page: Any, *, boxes: bool = False) -> PageWords:
        """One page's words, duplicates (fake bold by overprinting) removed; with the boxes of their end
        characters when asked for boxes."""
        raw = unique_chars(page).extract_words(extra_attrs=["size", "fontname"], return_chars=boxes)
        words = tuple(
            Word(
                text=w["text"],
                x0=float(w["x0"]),
                x1=float(w["x1"]),
                top=float(w["top"]),
                bottom=float(w["bottom"]),
                size=float(w["size"]),
                bold="bold" in str(w["fontname"]).lower(),
                ends=word_ends(w["chars"][0], w["chars"][-1]) if boxes else None,
            )
            for w in raw
        )
        # Boxes are measured from the crop box's top-left corner: the part of the page a renderer shows
        # (pdfminer has turned the page as its rotation says already).
        placement = Placement(-float(page.cropbox[0]), -float(page.cropbox[1])) if boxes else AS_SHOWN
        return PageWords(page.page_number, float(page.width), float(page.height), words, placement)

    def release_logger(self) -> None:
        for logger, propagates in self.loggers:
            logger.removeHandler(self.problems)
            logger.propagate = propagates

    def close(self) -> None:
        self.release_logger()
        self.pdf.close()
