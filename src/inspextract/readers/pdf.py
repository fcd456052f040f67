"""PDF: positioned words from an engine, page furniture removed, lines reflowed into plain-text blocks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from inspextract.char_boxes import AS_SHOWN, BoxMap, PlacedLine, Placement, build_box_map, realign
from inspextract.document import Document
from inspextract.errors import DamagedInput, NoText, TooLarge
from inspextract.limits import Limits
from inspextract.lines import Block, Line
from inspextract.normalise import normalise_whitespace
from inspextract.normalise.furniture import find_furniture, is_numbered_repeat, line_counts
from inspextract.normalise.hyphens import Vocabulary, join_broken_line
from inspextract.normalise.pagebreaks import runs_on
from inspextract.normalise.reflow import body_size, line_pitch, reflow_page
from inspextract.pdf_engines import DEFAULT_PDF_ENGINE
from inspextract.readers.pdf_engine import PdfEngine, open_engine
from inspextract.readers.pdf_layout import PageWords, page_lines
from inspextract.readers.pdf_rebuild import CUT_SHORT, rebuild_cut_pdf
from inspextract.readers.sniff import PDF_HEADER_WINDOW_BYTES, PDF_MAGIC

# Kinds of block listed one per line (no blank line between neighbours of the same kind).
LIST_KINDS = ("bullet", "contents")


class PageOcr(Protocol):
    """Hook for a future OCR stage: words for a page that has no text layer, or None."""

    def __call__(self, data: bytes, page: PageWords) -> PageWords | None: ...


@dataclass
class PageText:
    number: int
    height: float
    lines: list[Line]
    placement: Placement = AS_SHOWN  # see PageWords.placement


def read_pdf(
    data: bytes,
    *,
    limits: Limits,
    engine: str = DEFAULT_PDF_ENGINE,
    ocr: PageOcr | None = None,
    boxes: bool = False,
) -> Document:
    """Read a PDF into normalised text with a page map; `ocr` is consulted for pages without text;
    `boxes` also keeps the map from the text's offsets to the characters' boxes on the pages."""
    if PDF_MAGIC not in data[:PDF_HEADER_WINDOW_BYTES]:
        raise DamagedInput("not a PDF (no %PDF header)")
    pages, count, warnings = read_pages(data, limits, engine, ocr, boxes)
    textless = [p.number for p in pages if not p.lines]
    if len(textless) == len(pages):
        if warnings:  # every page was left out for a reason the engine gave
            if any("inflates" in w for w in warnings):
                raise TooLarge(f"PDF content too large: {warnings[0]}")
            reason = warnings[0]
            raise DamagedInput(reason if reason.startswith("damaged PDF") else f"damaged PDF: {reason}")
        raise NoText("no extractable text (scanned PDF?); OCR not supported")
    if textless:
        label = "page" if len(textless) == 1 else "pages"
        warnings.append(f"no text layer on {label} {page_ranges(textless)} (scanned?); OCR not supported")
    text, page_starts, box_map = assemble(pages, count, boxes)
    return Document(
        text=text, format="pdf", page_starts=page_starts, warnings=tuple(warnings), char_boxes=box_map
    )


def open_or_rebuild(engine: str, data: bytes, limits: Limits, boxes: bool) -> tuple[PdfEngine, list[str]]:
    """The engine open on `data`, or on its rebuilt objects if the file was cut short (pdf_rebuild.py),
    with a warning saying so; a file that cannot be rebuilt keeps its first error."""
    try:
        return open_engine(engine, data, limits, boxes=boxes), []
    except DamagedInput as damaged:
        rebuilt = rebuild_cut_pdf(data)
        if rebuilt is None:
            raise
        try:
            return open_engine(engine, rebuilt, limits, boxes=boxes), [CUT_SHORT]
        except DamagedInput:
            raise damaged from None


def read_pages(
    data: bytes, limits: Limits, engine: str, ocr: PageOcr | None, boxes: bool = False
) -> tuple[list[PageText], int, list[str]]:
    """Every readable page's lines in reading order, the page count, and the engine's warnings."""
    pdf, warnings = open_or_rebuild(engine, data, limits, boxes)
    try:
        count = pdf.page_count()
        if count == 0:
            raise DamagedInput("PDF has no pages")
        limits.check_pages(count)
        pages = []
        for page in pdf.iter_pages():
            if ocr is not None and not any(w.text.strip() for w in page.words):
                page = ocr(data, page) or page
            lines = page_lines(page)
            for line in lines:
                line.page = page.number
                text = normalise_whitespace(line.text)
                if line.boxes is not None and text != line.text:
                    line.boxes = realign(line.text, text, line.boxes)
                line.text = text
            kept = [line for line in lines if line.text]
            pages.append(PageText(page.number, page.height, kept, page.placement))
        return pages, count, [*warnings, *pdf.skipped()]
    except RecursionError:
        raise DamagedInput("damaged PDF: nesting too deep") from None
    finally:
        pdf.close()


def page_ranges(numbers: Sequence[int]) -> str:
    """1, 2, 3, 5 -> "1-3, 5"."""
    ranges: list[list[int]] = []
    for n in numbers:
        if ranges and n == ranges[-1][1] + 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)


def assemble(
    pages: list[PageText], count: int, boxes: bool = False
) -> tuple[str, tuple[int, ...], BoxMap | None]:
    """The document's text, where each page starts in it, and (if asked for) its box map."""
    furniture = find_furniture([(p.lines, p.height) for p in pages])
    for page, drop in zip(pages, furniture, strict=True):
        page.lines = [line for i, line in enumerate(page.lines) if i not in drop]
    all_lines = [line for page in pages for line in page.lines]
    size = body_size(all_lines)
    pitch = line_pitch(all_lines, size)
    vocab = Vocabulary.from_lines(line.text for line in all_lines)
    blocks: list[Block] = []
    in_contents = False
    for page in pages:
        page_blocks, in_contents = reflow_page(page.lines, size, pitch, in_contents)
        if blocks and page_blocks and runs_on(blocks[-1], page_blocks[0], across_pages=True):
            blocks[-1].lines.extend(page_blocks.pop(0).lines)
        for block in page_blocks:
            if blocks and runs_on(blocks[-1], block, across_pages=False):
                blocks[-1].lines.extend(block.lines)
            else:
                blocks.append(block)
    text, page_starts, placed = render(blocks, vocab, count, boxes)
    if placed is None:
        return text, page_starts, None
    return text, page_starts, build_box_map(text, placed, {page.number: page.placement for page in pages})


def render(
    blocks: list[Block], vocab: Vocabulary, count: int, boxes: bool = False
) -> tuple[str, tuple[int, ...], list[PlacedLine] | None]:
    """Blocks as text (blank line between blocks, one line per list item), the page start offsets, and
    (if asked for) where the lines with boxes went in the text."""
    bodies = []
    for block in blocks:
        body, offsets = "", []
        for line in block.lines:
            body = join_broken_line(body, line.text, vocab) if body else line.text
            offsets.append((line, len(body) - len(line.text)))
        bodies.append((block.kind, body, offsets))
    # Running headers that the layout could not place (a page number plus the title, set as body text).
    whole, masked = line_counts([body for _, body, _ in bodies])
    text = ""
    starts: dict[int, int] = {}
    placed: list[PlacedLine] | None = [] if boxes else None
    previous_kind = None
    for kind, body, offsets in bodies:
        if is_numbered_repeat(body, whole, masked):
            continue
        if text:
            text += "\n" if kind == previous_kind and kind in LIST_KINDS else "\n\n"
        for line, offset in offsets:
            starts.setdefault(line.page, len(text) + offset)
            if placed is not None:
                placed.append(PlacedLine(len(text) + offset, line.page, line.text, line.boxes or ()))
        text += body
        previous_kind = kind
    page_starts = [0] * count
    following = len(text)
    for number in range(count, 0, -1):  # a page without text starts where the next one does
        following = starts.get(number, following)
        page_starts[number - 1] = following
    page_starts[0] = 0
    return text, tuple(page_starts), placed
