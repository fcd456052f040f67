"""The parts behind `evidence.boxes`: the box map on invented lines, `--boxes` on the command line, and the
page images review pages draw the boxes over."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from inspextract.batch.worker import Converter
from inspextract.char_boxes import (
    BoxMap,
    PlacedLine,
    Placement,
    QuoteBox,
    WordBox,
    WordEnds,
    build_box_map,
    realign,
)
from inspextract.cli import app
from inspextract.errors import DamagedInput, EncryptedInput, InspextractError
from inspextract.output import to_json
from inspextract.pipeline import parse
from inspextract.review.page_images import GRAY_BITS, render_pages

from .conftest import corpus_documents
from .test_boxes import find_evidence

PDF = corpus_documents("dev-pdf")[0]
runner = CliRunner()


def word(start: int, text: str, x0: float, width_per_char: float = 5.0, top: float = 100.0) -> WordBox:
    """An invented word set in a monospaced font: every character `width_per_char` wide."""
    x1 = x0 + width_per_char * len(text)
    ends = WordEnds(x0 + width_per_char, top, top + 10, x1 - width_per_char, top, top + 10)
    return WordBox(start, start + len(text), x0, x1, ends)


def two_line_map() -> tuple[str, BoxMap]:
    """'Services im-' / 'prove well.' re-joined as 'Services improve well.' on page 3."""
    first = PlacedLine(0, 3, "Services im-", [word(0, "Services", 50), word(9, "im-", 95)])
    second = PlacedLine(11, 3, "prove well.", [word(0, "prove", 50, top=112), word(6, "well.", 80, top=112)])
    text = "Services improve well."
    return text, build_box_map(text, [first, second], {3: Placement()})


def test_a_quote_gets_one_box_per_printed_line() -> None:
    text, box_map = two_line_map()
    start = text.index("improve")
    assert box_map.quote_boxes(start, len(text)) == [
        QuoteBox(3, 95.0, 100.0, 105.0, 110.0),  # "im", not the hyphen the text dropped
        QuoteBox(3, 50.0, 112.0, 105.0, 122.0),
    ]


def test_a_quote_inside_a_word_takes_its_characters_edges() -> None:
    text, box_map = two_line_map()
    start = text.index("vices")  # three characters into the word: the width is shared evenly
    assert box_map.quote_boxes(start, start + 3) == [QuoteBox(3, 65.0, 100.0, 80.0, 110.0)]
    well = text.index("well")  # a quote ending one character short of its word's end
    assert box_map.quote_boxes(well, well + 4) == [QuoteBox(3, 80.0, 112.0, 100.0, 122.0)]


def test_spaces_and_text_outside_the_lines_have_no_boxes() -> None:
    text, box_map = two_line_map()
    assert box_map.quote_boxes(8, 9) == []
    assert box_map.quote_boxes(len(text), len(text) + 5) == []


def test_a_line_the_text_does_not_hold_gets_no_boxes() -> None:
    line = PlacedLine(0, 1, "Strengths", [word(0, "Strengths", 50)])
    box_map = build_box_map("Weaknesses", [line], {})
    assert box_map.quote_boxes(0, 10) == []


def test_boxes_move_from_the_engine_to_the_page_as_shown() -> None:
    line = PlacedLine(0, 1, "Good", [word(0, "Good", 50)])
    box_map = build_box_map("Good", [line], {1: Placement(-20.0, 5.0)})
    assert box_map.quote_boxes(0, 4) == [QuoteBox(1, 30.0, 105.0, 50.0, 115.0)]


@pytest.mark.parametrize(
    ("rotation", "shown"),
    [(0, (10, 20, 30, 25)), (90, (75, 10, 80, 30)), (180, (70, 75, 90, 80)), (270, (20, 70, 25, 90))],
)
def test_a_turned_page_turns_its_boxes(rotation: int, shown: tuple[float, float, float, float]) -> None:
    # A 100 x 100 pt page; the box 10-30 across, 20-25 down on the unturned page.
    assert Placement(0, 0, rotation, 100, 100).place(10, 20, 30, 25) == shown


def test_realign_follows_characters_the_normaliser_dropped() -> None:
    original = "co\u200bordinated care"
    words = [word(0, "co\u200bordinated", 50), word(13, "care", 120)]
    moved = realign(original, "coordinated care", words)
    assert [(w.start, w.end) for w in moved] == [(0, 11), (12, 16)]


def test_parse_boxes_on_the_command_line(tmp_path: Path) -> None:
    plain = runner.invoke(app, ["parse", str(PDF)])
    boxed = runner.invoke(app, ["parse", "--boxes", str(PDF)])
    assert plain.exit_code == boxed.exit_code == 0
    assert '"boxes"' not in plain.stdout
    record = json.loads(boxed.stdout)
    boxes = record["findings"][0]["evidence"]["boxes"]
    assert boxes and set(boxes[0]) == {"page", "x0", "top", "x1", "bottom"}


def test_batch_passes_boxes_to_its_workers(tmp_path: Path) -> None:
    assert '"boxes"' in (Converter(boxes=True)((0, str(PDF))).record_json or "")
    assert '"boxes"' not in (Converter()((0, str(PDF))).record_json or "")
    result = runner.invoke(app, ["batch", "--boxes", "--jobs", "1", "-o", str(tmp_path / "out"), str(PDF)])
    assert result.exit_code == 0, result.output
    assert '"boxes":[{"page":' in (tmp_path / "out" / f"{PDF.stem}.json").read_text(encoding="utf-8")


def decode(data_uri: str) -> Image.Image:
    prefix = "data:image/png;base64,"
    assert data_uri.startswith(prefix)
    image = Image.open(io.BytesIO(base64.b64decode(data_uri[len(prefix) :])))
    image.load()
    return image


def test_pages_render_as_gray_pngs_of_the_stated_size() -> None:
    images = render_pages(PDF.read_bytes(), [2, 1, 2, 0, 99])
    assert sorted(images) == [1, 2]
    for number, page in images.items():
        image = decode(page.data_uri)
        assert page.page == number
        assert image.mode == "L" and image.size == (page.width_px, page.height_px)
        assert abs(page.width_px - page.width_pt * 100 / 72) <= 1
        assert abs(page.height_px - page.height_pt * 100 / 72) <= 1
        assert len(image.getcolors(maxcolors=256) or ()) <= 2**GRAY_BITS


def test_evidence_boxes_cover_ink_on_the_page_image() -> None:
    report = parse(PDF, boxes=True)
    boxes = [box for finding in report.findings for box in finding.evidence.boxes or []]
    images = render_pages(PDF.read_bytes(), {box.page for box in boxes})
    for box in boxes:
        page = images[box.page]
        scale = page.width_px / page.width_pt
        image = decode(page.data_uri)
        left, right = int(box.x0 * scale), int(box.x1 * scale)
        darkest, _ = image.crop((left, int(box.top * scale), right, int(box.bottom * scale))).getextrema()
        assert darkest < 100, f"no letter under {box}"
        # The page's bottom margin below it is blank: the image is not ink all over.
        margin, _ = image.crop((left, page.height_px - 8, right, page.height_px)).getextrema()
        assert margin > 200


def test_bytes_that_are_no_pdf_are_a_damaged_input() -> None:
    with pytest.raises(DamagedInput):
        render_pages(b"%PDF-1.7 this is not really a PDF", [1])


@pytest.mark.slow
def test_hostile_pdfs_give_pages_or_a_clear_error(bad_inputs: Path) -> None:
    # A file cut short is rebuilt, as parse does; a page PDFium cannot load is left out.
    assert render_pages((bad_inputs / "truncated.pdf").read_bytes(), range(1, 9))
    assert render_pages((bad_inputs / "cyclic-pages.pdf").read_bytes(), range(1, 9)).keys() <= {1}
    with pytest.raises(EncryptedInput):
        render_pages((bad_inputs / "encrypted.pdf").read_bytes(), [1])
    for name in ("garbage.pdf", "no-pages.pdf", "not-a-pdf.pdf"):
        with pytest.raises(DamagedInput):
            render_pages((bad_inputs / name).read_bytes(), [1])


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_hostile_pdfs_read_with_boxes_as_without(bad_inputs: Path, engine: str) -> None:
    for path in sorted(bad_inputs.glob("*.pdf")):
        try:
            plain = to_json(parse(path, pdf_engine=engine))
        except InspextractError as err:
            with pytest.raises(type(err)):
                parse(path, pdf_engine=engine, boxes=True)
            continue
        record = parse(path, pdf_engine=engine, boxes=True)
        pages = record.source.pages or 0
        for evidence in [finding.evidence for finding in record.findings]:
            assert all(1 <= box.page <= pages and box.x0 <= box.x1 for box in evidence.boxes or [])
        stripped = json.loads(to_json(record))
        for evidence in find_evidence(stripped):
            evidence.pop("boxes", None)
        assert json.dumps(stripped, ensure_ascii=False, separators=(",", ":")) == plain, path.name


def test_a_quote_short_of_a_raised_footnote_mark_keeps_its_letters_height() -> None:
    # "board1": the footnote mark "1" sits 3 pt higher than the letters.
    ends = WordEnds(
        first_right=105, first_top=100, first_bottom=110, last_left=125, last_top=97, last_bottom=104
    )
    line = PlacedLine(0, 1, "board1", [WordBox(0, 6, 100, 128, ends)])
    box_map = build_box_map("board1", [line], {})
    assert box_map.quote_boxes(0, 5) == [QuoteBox(1, 100, 100, 125, 110)]
    assert box_map.quote_boxes(0, 6) == [QuoteBox(1, 100, 97, 128, 110)]
