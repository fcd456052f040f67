"""The pypdfium2 (PDFium) engine: characters with boxes grouped into positioned words, page by page."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from inspextract.errors import DamagedInput, EncryptedInput, InspextractError, TooLarge
from inspextract.limits import Limits, MiB
from inspextract.readers.pdf_layout import PageWords, Word

# Font weight from which text counts as bold (CSS scale: 400 regular, 700 bold).
BOLD_WEIGHT = 600
# A gap wider than this share of the font size between two characters splits a word (a space is ~0.25 em;
# justified text never closes letter gaps this far).
WORD_GAP_RATIO = 0.15
LINE_END_HYPHENS = (0x02, 0xFFFE, 0xAD)
STREAM_START = re.compile(rb"(?<!end)stream\r?\n")
INFLATE_CHUNK = 1 * MiB
# A single stream is looked at up to this many compressed bytes (zlib stops at the stream's end anyway).
MAX_STREAM_SCAN_BYTES = 64 * MiB


def pdfium_error(err: Exception, data: bytes) -> InspextractError:
    """The user-facing error for a PdfiumError raised while opening a document."""
    message = " ".join(str(err).split())
    # PDFium's last-error code is process-wide and can be stale after an earlier encrypted file, so a
    # password error counts only for a file that has an encryption dictionary.
    if "password" in message.lower() and b"/Encrypt" in data:
        return EncryptedInput("password-protected PDF")
    return DamagedInput(f"damaged PDF: {message or type(err).__name__}")


def check_inflated_size(data: bytes, cap: int) -> None:
    """Refuse a PDF whose Flate streams inflate past `cap` in all (PDFium would inflate a bomb in memory).

    PDFium gives no access to stream sizes, so the file's streams are found by their keywords and inflated
    chunk by chunk, keeping only a count: linear in the file, bounded in memory, stopping at the cap.
    """
    total = 0
    view = memoryview(data)  # slices of a view are not copies
    for match in STREAM_START.finditer(data):
        inflater = zlib.decompressobj()
        pending: bytes | memoryview = view[match.end() : match.end() + MAX_STREAM_SCAN_BYTES]
        try:
            # Output is capped per call; the loop ends at the stream's end, at the cap, or when a call
            # neither has input left nor gives output.
            while total <= cap and not inflater.eof:
                chunk = inflater.decompress(pending, INFLATE_CHUNK)
                total += len(chunk)
                pending = inflater.unconsumed_tail
                if not chunk and not pending:
                    break
        except zlib.error:
            continue  # not Flate data (or damaged): PDFium copes with it
        if total > cap:
            raise TooLarge(f"PDF content inflates past {cap // MiB} MiB (decompression bomb?)")


class PdfiumEngine:
    """`PdfEngine` over pypdfium2: fast, tolerant of broken cross-reference tables."""

    def __init__(self, data: bytes, limits: Limits) -> None:
        self.limits = limits
        self.warnings: list[str] = []
        check_inflated_size(data, limits.max_inflated_bytes)
        try:
            self.pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as err:
            raise pdfium_error(err, data) from None

    def page_count(self) -> int:
        return len(self.pdf)

    def skipped(self) -> list[str]:
        return self.warnings

    def iter_pages(self) -> Iterator[PageWords]:
        for index in range(len(self.pdf)):
            try:
                page = self.pdf[index]
            except pdfium.PdfiumError as err:
                self.warnings.append(f"page {index + 1} could not be read: {err}")
                continue
            try:
                yield self.read_page(page, index + 1)
            finally:
                page.close()

    @staticmethod
    def read_page(page: Any, number: int) -> PageWords:
        """One page's words: PDFium's characters in content order, split at spaces and wide gaps."""
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            words = list(group_words(textpage, height))
        finally:
            textpage.close()
        return PageWords(number, float(width), float(height), tuple(words))

    def close(self) -> None:
        self.pdf.close()


def group_words(textpage: Any, height: float) -> Iterator[Word]:
    """Words from a text page's characters (boxes in PDF space, turned to top-left origin)."""
    chars: list[tuple[str, float, float, float, float, float, bool]] = []

    def flush() -> Iterator[Word]:
        if chars:
            text = "".join(c[0] for c in chars)
            yield Word(
                text=text,
                x0=min(c[1] for c in chars),
                x1=max(c[2] for c in chars),
                top=min(c[3] for c in chars),
                bottom=max(c[4] for c in chars),
                size=chars[0][5],
                bold=chars[0][6],
            )
            chars.clear()

    for i in range(textpage.count_chars()):
        code = pdfium_raw.FPDFText_GetUnicode(textpage.raw, i)
        # PDFium reports a hyphen it thinks ends a line as U+0002 / U+FFFE: keep it as the "-" on the page,
        # and let the hyphen normaliser decide, as for every engine.
        char = "-" if code in LINE_END_HYPHENS else chr(code) if code else ""
        if not char or char.isspace():
            yield from flush()
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        size = round(pdfium_raw.FPDFText_GetFontSize(textpage.raw, i), 1)
        bold = pdfium_raw.FPDFText_GetFontWeight(textpage.raw, i) >= BOLD_WEIGHT
        entry = (char, left, right, height - top, height - bottom, size, bold)
        if chars:
            last = chars[-1]
            new_line = abs(entry[3] - last[3]) > 0.5 * size
            if new_line or left - last[2] > WORD_GAP_RATIO * size or right < last[1]:
                yield from flush()
        chars.append(entry)
    yield from flush()
