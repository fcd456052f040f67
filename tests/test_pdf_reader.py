"""The PDF reader on the rendered fixture corpora and on hostile PDFs."""

from __future__ import annotations

import difflib
import io
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

import pypdfium2
import pytest

from inspextract.document import Document
from inspextract.errors import DamagedInput, EncryptedInput, InspextractError, NoText, TooLarge
from inspextract.limits import Limits, MiB
from inspextract.pipeline import read_document
from inspextract.readers.pdf import page_ranges, read_pdf
from inspextract.readers.pdf_engine import ENGINES
from inspextract.readers.pdf_layout import PageWords, Word
from inspextract.readers.pdf_pdfium import (
    WORD_CHARS,
    check_inflated_size,
    group_words,
    per_character_text,
    split_word,
)
from inspextract.readers.pdf_rebuild import CUT_SHORT, rebuild_cut_pdf
from inspextract.readers.pdf_xref import XREF_DAMAGED, xref_warning

from .conftest import FIXTURES

PDFS = sorted(FIXTURES.glob("dev-pdf*/docs/*.pdf"))
# Measured word-level similarity to the text version is 0.986-1.000 (`pytest -k similar -rA` prints it);
# what is missing is the renderer's: glyphs its fonts lack, and a title page that repeats a sentence.
MIN_WORD_SIMILARITY = 0.98
WORDS = re.compile(r"\w+(?:[-'’]\w+)*")
PAGE_LABEL = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$", re.I)


def text_version(pdf: Path) -> str:
    return read_document(FIXTURES / "dev" / "docs" / f"{pdf.stem}.txt")[0].text


ENGINE_NAMES = ("pdfplumber", "pdfium")


@pytest.fixture(scope="module", params=ENGINE_NAMES)
def documents(request: pytest.FixtureRequest) -> dict[Path, Document]:
    return {pdf: read_document(pdf, pdf_engine=request.param)[0] for pdf in PDFS}


def test_fixture_pdfs_exist() -> None:
    assert len(PDFS) >= 6, "run scripts/make_fixture_pdfs.py"


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_no_page_furniture(pdf: Path, documents: dict[Path, Document]) -> None:
    doc = documents[pdf]
    lines = [line for line in doc.text.split("\n") if line.strip()]
    assert not [line for line in lines if PAGE_LABEL.match(line)]
    # The renderer's running header (pages 2+) is the title cut short with an ellipsis.
    after_title_page = doc.text[doc.page_starts[1] :].split("\n")
    assert not [line for line in after_title_page if line.endswith("…")]
    assert doc.format == "pdf" and doc.pages and doc.pages > 1


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_no_word_broken_by_a_line_end_hyphen(pdf: Path, documents: dict[Path, Document]) -> None:
    source = text_version(pdf)
    source_compounds = set(re.findall(r"\w+-\w+", source))
    invented = {c for c in re.findall(r"\w+-\w+", documents[pdf].text) if c not in source_compounds}
    assert not invented
    # A hyphen left dangling before a space ("improve- ment"), beyond those the source has ("three- to").
    assert len(re.findall(r"\w- \w", documents[pdf].text)) <= len(re.findall(r"\w- \w", source))


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_words_match_the_text_version(pdf: Path, documents: dict[Path, Document]) -> None:
    ours, theirs = WORDS.findall(documents[pdf].text), WORDS.findall(text_version(pdf))
    ratio = difflib.SequenceMatcher(None, ours, theirs, autojunk=False).ratio()
    print(f"{pdf.parent.parent.name}/{pdf.name}: word similarity {ratio:.4f}")
    assert ratio >= MIN_WORD_SIMILARITY


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_page_of_finds_the_page_a_sentence_is_on(pdf: Path, documents: dict[Path, Document]) -> None:
    import pdfplumber

    doc = documents[pdf]
    checked = 0
    with pdfplumber.open(pdf) as plumber:
        for page in plumber.pages:
            lines = [ln["text"] for ln in page.extract_text_lines()]
            # A body line from the middle of the page: its first words, if they occur once in the text.
            probe = " ".join(lines[len(lines) // 2].split()[:6]) if lines else ""
            if len(probe) > 20 and doc.text.count(probe) == 1:
                assert doc.page_of(doc.text.index(probe)) == page.page_number, probe
                checked += 1
    assert checked >= len(plumber.pages) // 2


def test_contents_entries_stay_one_line(documents: dict[Path, Document]) -> None:
    doc = documents[FIXTURES / "dev-pdf" / "docs" / "001_c74d78ba285d38bd.pdf"]
    # The contents page lists five areas, each wrapped over two or three lines in the PDF.
    entries = re.findall(r"^Area for improvement \d: [^\n]+\.\s\d{1,2}$", doc.text, re.M)
    assert len(entries) == 5


def test_page_ranges() -> None:
    assert page_ranges([1, 2, 3, 5, 7, 8]) == "1-3, 5, 7-8"


def test_unknown_engine() -> None:
    with pytest.raises(InspextractError, match="unknown PDF engine"):
        read_pdf(PDFS[0].read_bytes(), limits=Limits(), engine="ghostscript")


def test_pdfium_refuses_a_decompression_bomb_before_opening() -> None:
    bomb = (
        b"%PDF-1.7\n1 0 obj << /Filter /FlateDecode >> stream\n"
        + zlib.compress(b"q Q\n" * MiB)
        + b"endstream"
    )
    with pytest.raises(TooLarge, match="decompression bomb"):
        check_inflated_size(bomb, MiB)
    check_inflated_size(bomb, 8 * MiB)  # under the cap: no error


# ---------------------------------------------------------------- hostile PDFs (shared/tools/make_bad.py)
# What each engine makes of each file: None = a record (with text), else the error class.
BAD_PDFS: dict[str, type[InspextractError] | None] = {
    "not-a-pdf.pdf": None,  # plain text named .pdf: sniffed and read as text
    "truncated.pdf": None,  # the pages before the cut, rebuilt, with a warning
    "garbage.pdf": DamagedInput,
    "encrypted.pdf": EncryptedInput,
    "encrypted-owner-only.pdf": None,
    "image-only.pdf": NoText,
    "deep-nesting.pdf": DamagedInput,
    "cyclic-pages.pdf": None,
    "no-pages.pdf": DamagedInput,
    "bad-xref.pdf": None,
    "flate-bomb.pdf": TooLarge,
    "really-a-pdf.txt": None,
}
PDFIUM_DIFFERS = {"deep-nesting.pdf": None}  # PDFium reads both pages; pdfminer's recursion gives up


@pytest.mark.parametrize("engine", ENGINE_NAMES)
@pytest.mark.parametrize("name", BAD_PDFS)
def test_bad_pdf_gives_a_clear_outcome(name: str, engine: str, bad_inputs: Path) -> None:
    expected = PDFIUM_DIFFERS.get(name, BAD_PDFS[name]) if engine == "pdfium" else BAD_PDFS[name]
    limits = Limits(timeout_s=30)
    if expected is None:
        doc = read_document(bad_inputs / name, limits=limits, pdf_engine=engine)[0]
        assert doc.text.strip()
        if name == "bad-xref.pdf":
            assert doc.pages == 3  # every page recovered, not a silent empty success
        if name == "truncated.pdf":
            assert CUT_SHORT in doc.warnings and "Page 4 of 8" in doc.text and "Page 5 of 8" not in doc.text
    else:
        with pytest.raises(expected) as caught:
            read_document(bad_inputs / name, limits=limits, pdf_engine=engine)
        assert "\n" not in str(caught.value) and str(caught.value)


class FakeEngine:
    """A `PdfEngine` with text on some pages only: the reader's contract without a PDF library."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts

    def page_count(self) -> int:
        return len(self.texts)

    def iter_pages(self) -> Iterator[PageWords]:
        for number, text in enumerate(self.texts, start=1):
            words = tuple(
                Word(w, 72 + 40 * i, 72 + 40 * i + 30, 400, 410, 10) for i, w in enumerate(text.split())
            )
            yield PageWords(number, 595, 842, words)

    def skipped(self) -> list[str]:
        return []

    def close(self) -> None:
        pass


def read_fake(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> Document:
    monkeypatch.setitem(ENGINES, "fake", lambda data, limits, boxes=False: FakeEngine(texts))
    return read_pdf(b"%PDF-1.7 fake", limits=Limits(), engine="fake")


def test_pages_without_text_are_reported_as_ranges(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = read_fake(["First page text.", "Second page text.", "", "", "", "Sixth page.", ""], monkeypatch)
    assert doc.warnings == ("no text layer on pages 3-5, 7 (scanned?); OCR not supported",)
    assert doc.page_of(doc.text.index("Sixth")) == 6
    assert list(doc.page_starts) == sorted(doc.page_starts)


def test_no_text_on_any_page_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(NoText, match="OCR not supported"):
        read_fake(["", ""], monkeypatch)


def test_page_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(ENGINES, "fake", lambda data, limits, boxes=False: FakeEngine(["text"] * 3))
    with pytest.raises(TooLarge, match="too many pages"):
        read_pdf(b"%PDF-1.7 fake", limits=Limits(max_pages=2), engine="fake")


def test_not_a_pdf() -> None:
    with pytest.raises(DamagedInput, match="not a PDF"):
        read_pdf(b"plain text", limits=Limits())


def per_character_words(textpage: object, height: float) -> list[Word]:
    """The words PDFium's characters make when every character's box is read (the slow, plain way)."""
    text = per_character_text(textpage.raw, textpage.count_chars())  # type: ignore[attr-defined]
    return [w for m in WORD_CHARS.finditer(text) for w in split_word(textpage, height, m.start(), m.group())]


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_pdfium_word_boxes_from_word_ends_match_every_character(pdf: Path) -> None:
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            height = page.get_size()[1]
            fast, slow = group_words(textpage, height), per_character_words(textpage, height)
            assert [w.text for w in fast] == [w.text for w in slow]
            for a, b in zip(fast, slow, strict=True):
                assert a[1:] == pytest.approx(b[1:], abs=0.5)  # a word's characters differ by hundredths
            textpage.close()
            page.close()
    finally:
        document.close()


def test_xref_check_passes_every_fixture_pdf() -> None:
    for pdf in PDFS:
        assert xref_warning(pdf.read_bytes()) is None, pdf.name


def test_xref_check_finds_offsets_that_point_elsewhere() -> None:
    data = PDFS[0].read_bytes()
    table = data.rindex(b"\nxref") + 1
    # Shift every in-use entry's offset by one byte: the table still parses, but points at no object.
    entries = re.sub(
        rb"(\d{10}) (\d{5}) n",
        lambda m: b"%010d %s n" % (int(m.group(1)) + 1, m.group(2)),
        data[table:],
    )
    assert xref_warning(data[:table] + entries) == XREF_DAMAGED
    assert xref_warning(b"junk before the header\n" + data) is None  # offsets from the %PDF header
    # A startxref that points nowhere.
    assert xref_warning(re.sub(rb"startxref\s+\d+", b"startxref\n7", data)) == XREF_DAMAGED


def test_pdfium_warns_about_the_table_it_rebuilt(bad_inputs: Path) -> None:
    doc = read_document(bad_inputs / "bad-xref.pdf", pdf_engine="pdfium")[0]
    assert doc.pages == 3 and XREF_DAMAGED in doc.warnings


# ---------------------------------------------------------------- PDFs cut short
def reordered(pdf: Path) -> bytes:
    """`pdf` rewritten by pypdf: catalog and page tree first, each page's objects after it (ReportLab, which
    made the fixtures, writes every content stream last, so a cut copy of its file has no text left)."""
    import pypdf

    out = io.BytesIO()
    pypdf.PdfWriter(clone_from=pdf).write(out)
    return out.getvalue()


@pytest.mark.parametrize("engine", ENGINE_NAMES)
@pytest.mark.parametrize("catalog", ["kept", "lost"])
def test_a_pdf_cut_short_gives_the_pages_before_the_cut(engine: str, catalog: str) -> None:
    data = reordered(max(PDFS, key=lambda p: p.stat().st_size))
    whole = read_document(data, name="report.pdf", pdf_engine=engine)[0]
    if catalog == "lost":  # as if written last and cut off: a new catalog lists the pages found
        data = data.replace(b"/Catalog", b"/Catalxg")  # the same length: no offset moves
    cut = read_document(data[: len(data) * 85 // 100], name="report.pdf", pdf_engine=engine)[0]
    assert cut.warnings[0] == CUT_SHORT
    first_page = whole.text[: whole.page_starts[1]].split()
    assert cut.text.split()[: len(first_page)] == first_page
    assert 0 < len(cut.text) < len(whole.text)


def test_a_rebuilt_table_points_at_every_object() -> None:
    data = PDFS[0].read_bytes()
    rebuilt = rebuild_cut_pdf(data[: len(data) // 2])
    assert rebuilt is not None and xref_warning(rebuilt) is None
    assert len(pypdfium2.PdfDocument(rebuilt)) > 0


def test_nothing_is_rebuilt_without_a_page_object() -> None:
    assert rebuild_cut_pdf(b"%PDF-1.7\n" + bytes(range(256)) * 64) is None  # no object at all
    assert rebuild_cut_pdf(b"%PDF-1.7\n1 0 obj\n<< /Type /Pages /Count 0 >>\nendobj\n") is None
    assert rebuild_cut_pdf(b"%PDF-1.7\n99999999 0 obj\n<< /Type /Page >>\nendobj\n") is None


def test_a_file_with_too_many_objects_is_not_rebuilt(monkeypatch) -> None:
    import inspextract.readers.pdf_rebuild as rebuild

    pages = b"".join(b"%d 0 obj\n<< /Type /Page >>\nendobj\n" % n for n in range(1, 4))
    assert rebuild.rebuild_cut_pdf(b"%PDF-1.7\n" + pages) is not None
    monkeypatch.setattr(rebuild, "MAX_OBJECTS", 2)
    assert rebuild.rebuild_cut_pdf(b"%PDF-1.7\n" + pages) is None
