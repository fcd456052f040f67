"""`evidence.boxes`: each quote's boxes lie over its characters as PDFium itself places them.

The check is independent of the reader: the quote is looked up in PDFium's own characters of its page
(white space aside, and a line-end hyphen the normalised text dropped when it re-joined a word), and the
boxes of the characters found, grouped by printed line, must match the record's boxes within 2 pt on every
edge.
"""

from __future__ import annotations

import base64
import functools
import io
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from inspextract.limits import Limits
from inspextract.output import to_json
from inspextract.pipeline import parse, read_document
from inspextract.records import Box, Evidence, Report
from inspextract.review.page_images import PageImage

from .conftest import corpus_documents

PDFS = corpus_documents("dev-pdf") + corpus_documents("dev-pdf2col")
ENGINES = ("pdfium", "pdfplumber")
# How far a record's box may be from PDFium's boxes of the same characters (issue 20's bound).
TOLERANCE_PT = 2.0
# Characters whose centres are this close vertically, with no gap wider than this between them, share a line.
SAME_LINE_PT = 3.0
COLUMN_GAP_PT = 20.0
# Left out when matching a quote with the page: spaces and line breaks (and NUL, PDFium's "no character").
IGNORED = frozenset(" \t\r\n\x00")
# PDFium's marks for a hyphen at a line end, read as the hyphen they are.
HYPHENS = str.maketrans({0x02: "-", 0xFFFE: "-", 0xAD: "-"})

Rect = tuple[float, float, float, float]  # x0, top, x1, bottom


@functools.cache
def parsed(path: Path, engine: str, boxes: bool = True) -> Report:
    return parse(path, pdf_engine=engine, boxes=boxes, limits=Limits(timeout_s=None))


@functools.cache
def page_starts(path: Path, engine: str) -> tuple[int, ...]:
    return read_document(path, pdf_engine=engine)[0].page_starts


def every_evidence(report: Report) -> Iterator[Evidence]:
    for items in (report.grades, report.areas_for_improvement, report.findings, report.people):
        for item in items:
            yield item.evidence
    yield from report.metadata_evidence.values()


@functools.cache
def pdfium_page(path: Path, number: int) -> tuple[str, tuple[Rect, ...]]:
    """PDFium's characters of a page, compacted (see IGNORED; ligatures spelt out), each with its loose box
    from the top-left corner of the crop box."""
    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[number - 1]
        left, _, _, top = page.get_cropbox()
        textpage = page.get_textpage()
        chars, boxes = [], []
        for index in range(textpage.count_chars()):
            char = textpage.get_text_range(index, 1)
            spelt = unicodedata.normalize("NFKC", char.translate(HYPHENS)) if char else ""
            x0, bottom, x1, upper = textpage.get_charbox(index, loose=True)
            for letter in spelt:
                if letter not in IGNORED:
                    chars.append(letter)
                    boxes.append((x0 - left, top - upper, x1 - left, top - bottom))
        return "".join(chars), tuple(boxes)
    finally:
        pdf.close()


def compact(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c not in IGNORED)


def find_quote(page_text: str, quote: str, begin: int = 0) -> tuple[int, list[int]] | None:
    """Where the compacted `quote` is in the page's compacted text, and which page characters are its own:
    a hyphen of the page that the quote lacks (a word re-joined across a line end) is skipped."""
    pattern = "-?".join(re.escape(char) for char in quote)
    match = re.compile(pattern).search(page_text, begin)
    if match is None:
        return None
    own, k = [], 0
    for index in range(match.start(), match.end()):
        if k < len(quote) and page_text[index] == quote[k]:
            own.append(index)
            k += 1
    return match.start(), own


def line_rects(boxes: list[Rect]) -> list[Rect]:
    """Character boxes (in reading order) merged per printed line."""
    lines: list[list[float]] = []
    for x0, top, x1, bottom in boxes:
        line = lines[-1] if lines else None
        centre = (top + bottom) / 2
        if line and abs(centre - (line[1] + line[3]) / 2) <= SAME_LINE_PT and x0 - line[2] <= COLUMN_GAP_PT:
            line[0], line[1], line[2], line[3] = (
                min(line[0], x0),
                min(line[1], top),
                max(line[2], x1),
                max(line[3], bottom),
            )
        else:
            lines.append([x0, top, x1, bottom])
    return [(a, b, c, d) for a, b, c, d in lines]


def close(mine: list[Box], theirs: list[Rect]) -> bool:
    if len(mine) != len(theirs):
        return False
    return all(
        abs(edge - other) <= TOLERANCE_PT
        for box, rect in zip(mine, theirs, strict=True)
        for edge, other in zip((box.x0, box.top, box.x1, box.bottom), rect, strict=True)
    )


def pdfium_lines(path: Path, page: int, quote: str, mine: list[Box]) -> list[Rect] | None:
    """PDFium's line boxes of `quote` on `page`: of the occurrence that matches `mine`, else of the first."""
    text, boxes = pdfium_page(path, page)
    needle = compact(quote)
    found = None
    occurrence = find_quote(text, needle) if needle else None
    while occurrence is not None:
        start, own = occurrence
        rects = line_rects([boxes[index] for index in own])
        if close(mine, rects):
            return rects
        found = found or rects
        occurrence = find_quote(text, needle, start + 1)
    return found


def page_parts(evidence: Evidence, starts: tuple[int, ...], text_len: int) -> Iterator[tuple[int, int, int]]:
    """(page, start, end) for each page the quote runs over."""
    bounds = [*starts, text_len]
    for number in range(1, len(starts) + 1):
        start, end = max(evidence.start, bounds[number - 1]), min(evidence.end, bounds[number])
        if start < end:
            yield number, start, end


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("path", PDFS, ids=lambda p: f"{p.parent.parent.name}/{p.stem[:3]}")
def test_each_evidence_box_lies_over_its_quote_as_pdfium_places_it(path: Path, engine: str) -> None:
    report = parsed(path, engine)
    doc_text = read_document(path, pdf_engine=engine)[0].text
    starts = page_starts(path, engine)
    checked = 0
    for evidence in every_evidence(report):
        assert evidence.boxes, f"no boxes for {evidence.quote[:60]!r}"
        for page, start, end in page_parts(evidence, starts, len(doc_text)):
            quote = doc_text[start:end]
            if not compact(quote):
                continue
            mine = [box for box in evidence.boxes if box.page == page]
            theirs = pdfium_lines(path, page, quote, mine)
            assert theirs is not None, f"page {page} of {path.name} has no {quote[:60]!r}"
            assert close(mine, theirs), f"{quote[:60]!r} on page {page}: {mine} against PDFium's {theirs}"
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("engine", ENGINES)
def test_boxes_change_nothing_else_in_the_record(engine: str) -> None:
    path = PDFS[-1]
    plain = to_json(parsed(path, engine, boxes=False))
    assert '"boxes"' not in plain
    with_boxes = json.loads(to_json(parsed(path, engine)))
    for evidence in find_evidence(with_boxes):
        del evidence["boxes"]
    assert json.dumps(with_boxes, ensure_ascii=False, separators=(",", ":")) == plain


def find_evidence(record: object) -> Iterator[dict[str, object]]:
    """The evidence objects of a record as JSON data (any dict holding quote, start, end)."""
    if isinstance(record, dict):
        if {"quote", "start", "end"} <= record.keys():
            yield record
        for value in record.values():
            yield from find_evidence(value)
    elif isinstance(record, list):
        for value in record:
            yield from find_evidence(value)


@pytest.mark.parametrize("corpus", ["dev", "dev-html", "dev-docx"])
def test_other_formats_have_no_boxes(corpus: str) -> None:
    path = corpus_documents(corpus)[0]
    report = parse(path, boxes=True)
    assert all(evidence.boxes is None for evidence in every_evidence(report))
    assert '"boxes"' not in to_json(report)


def test_a_record_with_boxes_reads_back_and_fits_the_schema() -> None:
    import jsonschema

    record = to_json(parsed(PDFS[0], "pdfium"))
    assert '"boxes":[{"page":' in record
    jsonschema.validate(json.loads(record), Report.model_json_schema())
    assert to_json(Report.model_validate_json(record)) == record


def test_boxes_on_turned_pages_frame_what_the_unturned_page_shows_there(tmp_path: Path) -> None:
    """PDFium's character boxes ignore a page's rotation, its renderer applies it: the box map turns the
    boxes. Each box on a turned page, cut from its image and turned back, shows what the same quote's box
    shows on the page unturned (compared at a sixth of the size: rendering turned text moves pixels)."""
    import pypdf
    from PIL import ImageChops, ImageStat

    from inspextract.review.page_images import render_pages

    source = PDFS[1]  # ten pages, evidence on pages of each rotation
    writer = pypdf.PdfWriter()
    for number, page in enumerate(pypdf.PdfReader(source).pages):
        writer.add_page(page)
        writer.pages[-1].rotate((90 * number) % 360)
    turned = tmp_path / "turned.pdf"
    with turned.open("wb") as out:
        writer.write(out)
    upright = {(e.start, e.end): e.boxes or [] for e in every_evidence(parsed(source, "pdfium"))}
    before_images = render_pages(source.read_bytes(), range(1, 40))
    turned_images = render_pages(turned.read_bytes(), range(1, 40))
    rotations = set()
    for evidence in every_evidence(parse(turned, boxes=True)):
        for box, before in zip(evidence.boxes or [], upright[evidence.start, evidence.end], strict=True):
            rotation = (box.page - 1) % 4 * 90
            expected = cut(before_images[before.page], before)
            got = cut(turned_images[box.page], box).rotate(rotation, expand=True)
            small = (max(1, expected.width // 6), max(1, expected.height // 6))
            difference = ImageChops.difference(
                expected.resize(small, Image.BOX), got.resize(small, Image.BOX)
            )
            # Measured: at most 12 of 255 here; boxes left unturned differ by 22 to 213.
            assert ImageStat.Stat(difference).mean[0] < 18, f"{evidence.quote[:40]!r} turned {rotation}"
            rotations.add(rotation)
    assert rotations == {0, 90, 180, 270}


def cut(page: PageImage, box: Box) -> Image.Image:
    """The part of a page image under a box."""
    scale = page.width_px / page.width_pt
    image = Image.open(io.BytesIO(base64.b64decode(page.data_uri.split(",", 1)[1])))
    edges = (box.x0 * scale, box.top * scale, box.x1 * scale, box.bottom * scale)
    left, top, right, bottom = (round(edge) for edge in edges)
    return image.crop((left, top, right, bottom))
