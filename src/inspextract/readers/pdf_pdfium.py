"""The pypdfium2 (PDFium) engine: characters with boxes grouped into positioned words, page by page."""

from __future__ import annotations

import ctypes
import re
import sys
import zlib
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from inspextract.char_boxes import AS_SHOWN, Placement, WordEnds
from inspextract.errors import DamagedInput, EncryptedInput, InspextractError, TooLarge
from inspextract.limits import Limits, MiB
from inspextract.readers.pdf_layout import PageWords, Word
from inspextract.readers.pdf_xref import xref_warning

# Font weight from which text counts as bold (CSS scale: 400 regular, 700 bold).
BOLD_WEIGHT = 600
# A gap wider than this share of the font size between two characters splits a word (a space is ~0.25 em;
# justified text never closes letter gaps this far).
WORD_GAP_RATIO = 0.15
# Widest a character's box is taken to be (em): a wider run of characters is checked character by character.
MAX_CHAR_WIDTH_EM = 0.8
# How many words of a page are checked against PDFium's per-character codes before its bulk text is used.
SPOT_CHECKS = 32
# PDFium reports a hyphen it thinks ends a line as U+0002 / U+FFFE: it is kept as the "-" on the page, and
# the hyphen normaliser decides, as for every engine.
LINE_END_HYPHEN_MAP = str.maketrans({0x02: "-", 0xFFFE: "-", 0xAD: "-"})
# A word: a run of characters other than white space and NUL (no character).
WORD_CHARS = re.compile(r"[^\s\x00]+")
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

    def __init__(self, data: bytes, limits: Limits, *, boxes: bool = False) -> None:
        self.limits = limits
        self.boxes = boxes
        self.warnings: list[str] = []
        check_inflated_size(data, limits.max_inflated_bytes)
        try:
            self.pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as err:
            raise pdfium_error(err, data) from None
        damaged = xref_warning(data)  # PDFium rebuilds a wrong table without a word
        if damaged:
            self.warnings.append(damaged)

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
                yield self.read_page(page, index + 1, boxes=self.boxes)
            finally:
                page.close()

    @staticmethod
    def read_page(page: Any, number: int, *, boxes: bool = False) -> PageWords:
        """One page's words: PDFium's characters in content order, split at spaces and wide gaps."""
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            words = group_words(textpage, height, ends=boxes)
        finally:
            textpage.close()
        # Boxes are measured from the crop box's top-left corner: the part of the page a renderer shows.
        placement = page_placement(page, height) if boxes else AS_SHOWN
        return PageWords(number, float(width), float(height), tuple(words), placement)

    def close(self) -> None:
        self.pdf.close()


def page_placement(page: Any, height: float) -> Placement:
    """How this engine's coordinates (x, and `height` - y in the unturned page) map onto the page as shown:
    PDFium's character boxes ignore the page's rotation, which its renderer applies."""
    left, bottom, right, top = (float(edge) for edge in page.get_cropbox())
    return Placement(-left, top - height, page.get_rotation() % 360, right - left, top - bottom)


def group_words(textpage: Any, height: float, *, ends: bool = False) -> list[Word]:
    """Words from a text page: PDFium's characters split at white space (its own, or generated at gaps).

    The page's text comes in one call and boxes are read for each word's two end characters only: a library
    call per character is what made this engine slow. A word whose ends disagree (a line change or a jump
    back inside it) is split character by character instead. With `ends`, words keep the boxes of their end
    characters (`Word.ends`), read anyway.
    """
    raw = textpage.raw
    count = textpage.count_chars()
    text = page_text(raw, count)
    matches = list(WORD_CHARS.finditer(text))
    # The bulk text is used only when it lines up with the character indices (PDFium may drop or add a
    # character, or give a surrogate pair for one); spot checks catch a shift.
    get_unicode = pdfium_raw.FPDFText_GetUnicode
    samples = matches[:: max(1, len(matches) // SPOT_CHECKS)]
    if len(text) != count or any(text[m.start()] != char_of(get_unicode(raw, m.start())) for m in samples):
        text = per_character_text(raw, count)
        matches = list(WORD_CHARS.finditer(text))
    box, font_size, font_weight = (
        pdfium_raw.FPDFText_GetLooseCharBox,
        pdfium_raw.FPDFText_GetFontSize,
        pdfium_raw.FPDFText_GetFontWeight,
    )
    first_box, last_box = pdfium_raw.FS_RECTF(), pdfium_raw.FS_RECTF()
    words: list[Word] = []
    for match in matches:
        first, last, word = match.start(), match.end() - 1, match.group()
        boxed = box(raw, first, first_box) and box(raw, last, last_box)
        size = round(font_size(raw, first), 1)
        # Each field read once: reading a ctypes structure's field costs as much as the arithmetic here.
        left, first_right, first_top, first_bottom = (
            first_box.left,
            first_box.right,
            first_box.top,
            first_box.bottom,
        )
        last_left, right, last_top, last_bottom = last_box.left, last_box.right, last_box.top, last_box.bottom
        # One line, left to right, and no wider than an em a character (a wider run hides a gap); other
        # runs (right-to-left script among them) are read character by character.
        if (
            boxed
            and abs(last_top - first_top) <= 0.5 * size
            and left <= right <= left + len(word) * size * MAX_CHAR_WIDTH_EM
        ):
            top = height - max(first_top, last_top)
            bottom = height - min(first_bottom, last_bottom)
            bold = font_weight(raw, first) >= BOLD_WEIGHT
            x0, x1 = min(left, last_left), max(right, first_right)
            edges = None
            if ends:
                edges = WordEnds(
                    first_right,
                    height - first_top,
                    height - first_bottom,
                    last_left,
                    height - last_top,
                    height - last_bottom,
                )
            words.append(Word(word, x0, x1, top, bottom, size, bold, edges))
        else:
            words.extend(split_word(textpage, height, first, word, ends=ends))
    return words


def page_text(raw: Any, count: int) -> str:
    """The page's characters in one call, one per character index, line-end hyphens as "-"."""
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_raw.FPDFText_GetText(raw, 0, count, buffer)
    text = ctypes.string_at(buffer, 2 * max(written - 1, 0)).decode("utf-16-le", errors="replace")
    return text.translate(LINE_END_HYPHEN_MAP)


def per_character_text(raw: Any, count: int) -> str:
    """The page's characters one library call each: slow, but always one per character index."""
    return "".join(char_of(pdfium_raw.FPDFText_GetUnicode(raw, i)) for i in range(count))


def char_of(code: int) -> str:
    """A character code as text: line-end hyphens as "-", code 0 (no character) as a space."""
    return chr(code).translate(LINE_END_HYPHEN_MAP) if 0 < code <= sys.maxunicode else " "


def loose_box(textpage: Any, index: int) -> tuple[float, float, float, float]:
    """Left, bottom, right, top of a character's font box, in PDF space."""
    rect = pdfium_raw.FS_RECTF()
    if not pdfium_raw.FPDFText_GetLooseCharBox(textpage.raw, index, rect):
        return 0.0, 0.0, 0.0, 0.0
    return rect.left, rect.bottom, rect.right, rect.top


def split_ends(first: tuple[Any, ...], last: tuple[Any, ...]) -> WordEnds:
    """A word's end characters from `split_word`'s entries (text, left, right, top, bottom, ...)."""
    return WordEnds(first[2], first[3], first[4], last[1], last[3], last[4])


def split_word(textpage: Any, height: float, first: int, text: str, *, ends: bool = False) -> Iterator[Word]:
    """A run of non-space characters split where the next character starts a new line or leaves a gap."""
    chars: list[tuple[str, float, float, float, float, float, bool]] = []

    def flush() -> Iterator[Word]:
        if chars:
            yield Word(
                text="".join(c[0] for c in chars),
                x0=min(c[1] for c in chars),
                x1=max(c[2] for c in chars),
                top=min(c[3] for c in chars),
                bottom=max(c[4] for c in chars),
                size=chars[0][5],
                bold=chars[0][6],
                ends=split_ends(chars[0], chars[-1]) if ends else None,
            )
            chars.clear()

    for index, char in enumerate(text, start=first):  # one character index per character of the word
        left, bottom, right, top = loose_box(textpage, index)
        size = round(pdfium_raw.FPDFText_GetFontSize(textpage.raw, index), 1)
        bold = pdfium_raw.FPDFText_GetFontWeight(textpage.raw, index) >= BOLD_WEIGHT
        entry = (char, left, right, height - top, height - bottom, size, bold)
        if chars:
            before = chars[-1]
            new_line = abs(entry[3] - before[3]) > 0.5 * size
            if new_line or left - before[2] > WORD_GAP_RATIO * size or right < before[1]:
                yield from flush()
        chars.append(entry)
    yield from flush()
