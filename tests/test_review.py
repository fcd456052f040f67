"""Review pages without a browser: marking overlapping spans, escaping, the CSP, sizes, the commands."""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import pickle
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import inspextract
from inspextract.batch.worker import Outcome
from inspextract.cli import app
from inspextract.document import Document
from inspextract.errors import ExitCode
from inspextract.output import to_json
from inspextract.pipeline import parse_with_document
from inspextract.review.items import Item
from inspextract.review.page import safe_json
from inspextract.review.text_marks import marked_text

from .conftest import ROOT, corpus_documents
from .review_pages import HOSTILE_HTML, fixture_sources

runner = CliRunner()
OFSTED_PDFS = sorted((ROOT.parent / "shared" / "corpus" / "ofsted-pdf" / "docs").glob("*.pdf"))
# The limits: a text document's page at most twice its text plus 250 KB; a 100-page report PDF's
# page at most 15 MB, so 150 KB a page for a PDF of any length (plus the same 250 KB for the page's frame).
FRAME_BYTES = 250_000
PDF_PAGE_BYTES = 150_000


class Marks(HTMLParser):
    """The text of a marked-up fragment, and for each item id the text of every mark listing it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.open: list[str] | None = None
        self.by_item: dict[int, list[tuple[int, str]]] = {}
        self.marks = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in ("mark", "span"), tag
        if tag == "mark":
            self.open = (dict(attrs)["data-i"] or "").split()
            self.marks += 1
            self.here = len("".join(self.text))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self.open is not None:
            piece = "".join(self.text)[self.here :]
            for i in self.open:
                self.by_item.setdefault(int(i), []).append((self.here, piece))
            self.open = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def item(index: int, start: int, end: int, text: str, kind: str = "strength") -> Item:
    return Item(index, kind, f"findings[{index}]", "label", start, end, text[start:end], None)


def check_marked(text: str, items: list[Item]) -> Marks:
    parsed = Marks()
    parsed.feed(marked_text(text, items))
    parsed.close()
    assert "".join(parsed.text) == text  # every character once, in order, unescaped by the parser
    for it in items:
        pieces = parsed.by_item.get(it.index, [])
        # The item's marks are contiguous and hold exactly its span.
        assert pieces and pieces[0][0] == it.start, it
        assert "".join(piece for _, piece in pieces) == text[it.start : it.end]
        assert all(a + len(p) == b for (a, p), (b, _) in itertools.pairwise(pieces))
    return parsed


def test_overlapping_and_nested_spans_each_keep_their_exact_text() -> None:
    text = "Staff <b>knew</b> children & families well; plans were late."
    items = [
        item(0, 0, 44, text),
        item(1, 6, 17, text),
        item(2, 10, 35, text),
        item(3, 45, 61, text),
        item(4, 45, 61, text),
        item(5, 20, 20, text),
    ]
    parsed = check_marked(text, items)
    assert set(parsed.by_item) == {0, 1, 2, 3, 4, 5}


@given(
    st.text(alphabet="ab <>&\"'\n\u2028", max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=8),
)
def test_any_spans_over_any_text_mark_exactly(text: str, spans: list[tuple[int, int]]) -> None:
    items = [item(n, min(a, b, len(text)), min(max(a, b), len(text)), text) for n, (a, b) in enumerate(spans)]
    check_marked(text, items)


def test_characters_html_cannot_carry_are_shown_one_for_one() -> None:
    # PDF text in fonts without a character map holds NULs, which a browser would drop from the page.
    text = "a\x00b\x07c\udc80d"
    parsed = Marks()
    parsed.feed(marked_text(text, [item(0, 0, len(text), text)]))
    assert "".join(parsed.text) == "a\u2400b\u2407c\ufffdd"
    assert marked_text(text, []).encode("utf-8")


def test_json_in_a_script_element_cannot_end_it() -> None:
    value = {"q": "</script><script>alert(1)</script><!-- & \u2028\u2029 >"}
    embedded = safe_json(value)
    assert not set("<>&\u2028\u2029") & set(embedded)
    assert json.loads(embedded) == value


def review_of(path: Path) -> tuple[str, inspextract.records.Report, Document]:
    report, document, data = parse_with_document(path)
    return (
        inspextract.review_html(report, document, pdf=data if document.format == "pdf" else None),
        report,
        document,
    )


def test_the_page_allows_nothing_external_and_only_its_own_script(tmp_path: Path) -> None:
    source = tmp_path / "hostile.html"
    source.write_text(HOSTILE_HTML, encoding="utf-8")
    page, _, _ = review_of(source)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    rules = dict(rule.strip().split(" ", 1) for rule in policy.group(1).split(";"))
    assert rules["default-src"] == "'none'" and rules["img-src"] == "data:"
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert rules["script-src"] == f"'sha256-{digest}'"
    assert "'unsafe-inline'" not in policy.group(1)
    assert not re.search(r'(src|href)="(?!data:)', page)  # nothing is loaded from anywhere
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_items_not_at_their_offsets_are_not_marked_but_reported(tmp_path: Path) -> None:
    doc = corpus_documents("dev")[0]
    report, document, _ = parse_with_document(doc)
    shifted = Document(text="x" + document.text, format=document.format)
    page = inspextract.review_html(report, shifted)
    assert "its quote is not at its offsets" in page
    assert "<mark" not in page.split('id="doc"')[1].split("</div>")[0]


def size_limit(report: inspextract.records.Report, document: Document) -> int:
    if document.format == "pdf":
        return FRAME_BYTES + PDF_PAGE_BYTES * (report.source.pages or 1)
    return 2 * len(document.text.encode("utf-8")) + FRAME_BYTES


@pytest.mark.slow
@pytest.mark.parametrize(
    "source", fixture_sources() + OFSTED_PDFS, ids=lambda p: f"{p.parent.parent.name}/{p.name}"
)
def test_review_writes_a_page_within_the_size_limits(tmp_path: Path, monkeypatch, source: Path) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["review", str(source)])
    assert result.exit_code == 0, result.output
    page = tmp_path / f"{source.stem}.review.html"
    report, document, _ = parse_with_document(source)
    assert 0 < page.stat().st_size <= size_limit(report, document)


def test_the_corpus_pdfs_are_there() -> None:
    assert len(OFSTED_PDFS) >= 10  # the size test above must not pass by finding nothing


def test_review_command_outputs(tmp_path: Path, monkeypatch) -> None:
    doc = corpus_documents("dev")[4]
    monkeypatch.chdir(tmp_path)
    to_stdout = runner.invoke(app, ["review", str(doc), "-o", "-"])
    assert to_stdout.exit_code == 0 and to_stdout.stdout.startswith("<!DOCTYPE html>")
    assert runner.invoke(app, ["review", str(doc), "-o", "sub/page.html"]).exit_code == 0
    assert (tmp_path / "sub" / "page.html").read_text(encoding="utf-8") == to_stdout.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["sub"]  # no temporary file left beside it


def test_review_of_a_record_made_earlier_checks_it_is_of_this_file(tmp_path: Path) -> None:
    doc, other = corpus_documents("dev")[3:5]
    record = tmp_path / "rec.json"
    assert runner.invoke(app, ["parse", str(doc), "-o", str(record)]).exit_code == 0
    drawn = runner.invoke(app, ["review", "--record", str(record), str(doc), "-o", "-"])
    assert drawn.exit_code == 0
    assert drawn.stdout == runner.invoke(app, ["review", str(doc), "-o", "-"]).stdout
    page = tmp_path / "page.html"
    wrong = runner.invoke(app, ["review", "--record", str(record), str(other), "-o", str(page)])
    assert wrong.exit_code == ExitCode.USAGE and "source.sha256 differs" in wrong.output
    assert not page.exists()
    (tmp_path / "bad.json").write_text('{"not": "a record"}', encoding="utf-8")
    bad = runner.invoke(app, ["review", "--record", str(tmp_path / "bad.json"), str(doc), "-o", str(page)])
    assert bad.exit_code == ExitCode.DAMAGED and "not an inspextract record" in bad.output
    gone = runner.invoke(app, ["review", "--record", str(tmp_path / "gone.json"), str(doc), "-o", str(page)])
    assert gone.exit_code == ExitCode.NOT_FOUND
    assert (
        runner.invoke(app, ["review", str(tmp_path / "nope.txt"), "-o", str(page)]).exit_code
        == ExitCode.NOT_FOUND
    )
    assert not page.exists()


def test_outcome_with_its_page_travels_by_pickle() -> None:
    outcome = Outcome(3, "{}", 2, review_html="<!DOCTYPE html><p>x</p>")
    assert pickle.loads(pickle.dumps(outcome)) == outcome


@pytest.mark.slow
def test_batch_review_writes_a_page_beside_each_record_and_an_index(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for source in corpus_documents("dev")[:2]:
        (docs / source.name).write_bytes(source.read_bytes())
    clash = corpus_documents("dev-html")[0]  # same stem as a text, sorted first: the text gets a.txt.json
    (docs / clash.name).write_bytes(clash.read_bytes())
    pdf = corpus_documents("dev-pdf")[4]
    (docs / "sub").mkdir()
    (docs / "sub" / pdf.name).write_bytes(pdf.read_bytes())
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    out = tmp_path / "out"
    first = runner.invoke(app, ["batch", str(docs), "-o", str(out), "-j", "1"])
    assert first.exit_code == ExitCode.PARTIAL_FAILURE
    assert not list(out.glob("*.html"))
    again = runner.invoke(app, ["batch", str(docs), "-o", str(out), "-j", "1", "--review"])
    assert again.exit_code == ExitCode.PARTIAL_FAILURE  # the records lacked pages: converted again
    records = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.review.html"))
    assert pages == sorted(name.removesuffix(".json") + ".review.html" for name in records)
    assert len(pages) == 4 and "000_ec44523ad50dec88.txt.review.html" in pages
    # The records are those of a batch without --review: the page's boxes stay out of them.
    pdf_record = (out / "sub" / f"{pdf.stem}.json").read_text(encoding="utf-8")
    assert pdf_record == to_json(parse_with_document(docs / "sub" / pdf.name)[0]) + "\n"
    assert 'class="bx' in (out / "sub" / f"{pdf.stem}.review.html").read_text(encoding="utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{page}"' in index for page in pages)
    assert "broken.pdf" in index  # the failure is listed too
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_batch_review_needs_an_output_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["batch", str(corpus_documents("dev")[0]), "--jsonl", "-", "--review"])
    assert result.exit_code == ExitCode.USAGE and "--review" in result.output


def test_a_page_holds_at_most_max_page_images_and_says_so(monkeypatch) -> None:
    from inspextract.review import build

    monkeypatch.setattr(build, "MAX_PAGE_IMAGES", 2)
    page, report, _ = review_of(corpus_documents("dev-pdf")[1])
    assert page.count('<div class="pg"') == 2
    assert "pages hold evidence: the first 2 are shown as images" in page
    assert report.source.pages and report.source.pages > 2
