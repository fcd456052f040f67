"""Review pages in a real browser: Debian's headless Chromium, driven by Playwright (scripts/test.sh installs
Chromium when it is missing; these tests never skip)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from inspextract.batch import BatchOptions, run_batch
from inspextract.review.index import COLUMNS

from .conftest import corpus_documents
from .review_pages import (
    HOSTILE_HTML,
    HOSTILE_WORDS,
    Reviewed,
    evidence_by_ref,
    fixture_sources,
    letters,
    near,
    pdfium_chars,
    review,
    union,
)

CHROMIUM = "/usr/bin/chromium"
# Playwright gives every launch a fresh temporary profile (its own --user-data-dir); the rest keep a
# headless run off the network and free of first-run work.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Reviewed]:
    outdir = tmp_path_factory.mktemp("review-pages")
    hostile = outdir / "hostile" / "docs" / "hostile.html"
    hostile.parent.mkdir(parents=True)
    hostile.write_text(HOSTILE_HTML, encoding="utf-8")
    pages = [review(source, outdir) for source in [*fixture_sources(), hostile]]
    return {page.name: page for page in pages}


class Visit:
    """A page opened from file://, with everything it did recorded."""

    def __init__(self, browser: Any, page_path: Path) -> None:
        self.page = browser.new_page(viewport=VIEWPORT)
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self.on_dialog)
        self.url = page_path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def on_dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if url != self.url and not url.startswith("data:")]


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    opened: list[Visit] = []

    def open_page(page_path: Path) -> Visit:
        opened.append(Visit(browser, page_path))
        return opened[-1]

    yield open_page
    for done in opened:
        done.page.close()


# Per item of the page's data: the text of its marks joined, and the text of the DOM range from its first
# mark to its last (the same only when its marks are contiguous: nothing unmarked between them).
SPANS_JS = """() => {
  const data = JSON.parse(document.getElementById("review-data").textContent);
  const marks = new Map();
  document.querySelectorAll("#doc mark").forEach((m) => m.dataset.i.split(" ").forEach((i) => {
    if (!marks.has(i)) marks.set(i, []);
    marks.get(i).push(m);
  }));
  const spans = {};
  marks.forEach((list, i) => {
    const range = document.createRange();
    range.setStartBefore(list[0]);
    range.setEndAfter(list[list.length - 1]);
    spans[data.items[Number(i)].ref] = [list.map((m) => m.textContent).join(""), range.toString()];
  });
  return { items: data.items.length, spans: spans };
}"""


@pytest.mark.parametrize(
    "name", [*(f"{p.parent.parent.name}/{p.name}" for p in fixture_sources()), "hostile/hostile.html"]
)
def test_page_loads_offline_and_marks_every_item_once(
    browser: Any, visit: Any, reviewed: dict, name: str
) -> None:
    done = reviewed[name]
    page = visit(done.page)
    assert page.errors == []
    assert page.outside_requests() == []
    found = page.page.evaluate(SPANS_JS)
    expected = evidence_by_ref(done.report)
    assert found["items"] == len(expected) > 0
    # One marked span per evidence item, its text the item's quote (joined marks and the DOM range alike).
    assert set(found["spans"]) == set(expected)
    for ref, (joined, ranged) in found["spans"].items():
        assert joined == ranged == expected[ref].quote, ref


def in_viewport(page: Any, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= VIEWPORT["height"]


def test_clicking_a_finding_brings_its_span_into_view(visit: Any, reviewed: dict) -> None:
    done = reviewed["dev/001_c74d78ba285d38bd.txt"]
    last = max(range(len(done.report.findings)), key=lambda n: done.report.findings[n].evidence.start)
    page = visit(done.page).page
    refs = [
        item["ref"]
        for item in page.evaluate("JSON.parse(document.getElementById('review-data').text)").get("items")
    ]
    index = refs.index(f"findings[{last}]")
    span = f'#doc mark[data-i~="{index}"]'
    assert not in_viewport(page, span)  # the last finding of a long report starts far below the fold
    page.click(f'aside .it[data-i="{index}"]')
    assert in_viewport(page, span)
    assert "flash" in (page.locator(span).first.get_attribute("class") or "")
    assert "current" in (page.locator(f'aside .it[data-i="{index}"]').get_attribute("class") or "")


def test_j_and_k_step_through_items_in_text_order(visit: Any, reviewed: dict) -> None:
    done = reviewed["dev/000_ec44523ad50dec88.txt"]
    page = visit(done.page).page
    items = page.evaluate("JSON.parse(document.getElementById('review-data').text).items")
    by_start = sorted(range(len(items)), key=lambda n: (items[n]["start"], n))
    current = "aside .it.current"
    page.keyboard.press("j")
    assert page.locator(current).get_attribute("data-i") == str(by_start[0])
    page.keyboard.press("j")
    assert page.locator(current).get_attribute("data-i") == str(by_start[1])
    page.keyboard.press("k")
    assert page.locator(current).get_attribute("data-i") == str(by_start[0])
    assert in_viewport(page, f'#doc mark[data-i~="{by_start[0]}"]')


def test_clicking_a_span_lists_the_items_it_backs(visit: Any, reviewed: dict) -> None:
    done = reviewed["dev/000_ec44523ad50dec88.txt"]
    page = visit(done.page).page
    mark = page.locator("#doc mark").first
    backed = (mark.get_attribute("data-i") or "").split()
    mark.click()
    popup = page.locator("#popup li")
    assert popup.count() == len(backed) > 0
    assert not page.locator("#popup").get_attribute("class")


def test_filtering_a_kind_unmarks_its_spans(visit: Any, reviewed: dict) -> None:
    done = reviewed["dev/001_c74d78ba285d38bd.txt"]
    page = visit(done.page).page
    assert page.locator("#doc mark.k-strength").count() > 0
    page.uncheck('.legend input[value="strength"]')
    assert page.locator("#doc mark.k-strength").count() == 0
    page.check('.legend input[value="strength"]')
    assert page.locator("#doc mark.k-strength").count() > 0


def test_hostile_document_shows_its_markup_as_text_and_runs_nothing(visit: Any, reviewed: dict) -> None:
    done = reviewed["hostile/hostile.html"]
    quotes = " ".join(ev.quote for ev in evidence_by_ref(done.report).values())
    assert all(word in done.document.text for word in HOSTILE_WORDS)
    assert "<script>alert(1)</script>" in quotes  # the hostile words sit inside marked spans too
    opened = visit(done.page)
    page = opened.page
    page.click("aside .it.k-strength")  # the script's handlers run over the hostile spans
    page.keyboard.press("j")
    assert opened.dialogs == [] and opened.errors == [] and opened.outside_requests() == []
    text = page.inner_text("#doc")
    assert all(word in text for word in HOSTILE_WORDS)
    assert page.inner_text("header h1") == done.report.title
    assert page.locator("#doc *:not(mark):not(.pb)").count() == 0  # no element came from the text
    assert page.locator("script").count() == 2  # the page's data and its own script, nothing more
    assert page.locator("img").count() == 0


BOXES_JS = """() => Array.from(document.querySelectorAll("#pages .bx")).map((b) => {
  const pg = b.closest(".pg"), r = b.getBoundingClientRect();
  const img = pg.querySelector("img").getBoundingClientRect();
  const scale = Number(pg.dataset.w) / img.width;
  return { page: Number(pg.dataset.page), i: Number(b.dataset.i.split(" ")[0]),
           x0: (r.left - img.left) * scale, top: (r.top - img.top) * scale,
           x1: (r.right - img.left) * scale, bottom: (r.bottom - img.top) * scale };
})"""


@pytest.mark.parametrize(
    "name", [f"{p.parent.parent.name}/{p.name}" for p in fixture_sources() if p.suffix == ".pdf"]
)
def test_pdf_boxes_lie_over_the_quotes_characters(visit: Any, reviewed: dict, name: str) -> None:
    done = reviewed[name]
    page = visit(done.page).page
    page.click('.tabs button[value="pages"]')
    drawn = page.evaluate(BOXES_JS)
    items = page.evaluate("JSON.parse(document.getElementById('review-data').text).items")
    quotes = {ref: ev.quote for ref, ev in evidence_by_ref(done.report).items()}
    assert len(drawn) >= len(items) > 0  # every item has at least one box
    assert {box["i"] for box in drawn} == set(range(len(items)))
    chars_of: dict[int, list] = {}
    for box in drawn:
        chars = chars_of.setdefault(box["page"], pdfium_chars(done.source, box["page"]))
        rect = (box["x0"], box["top"], box["x1"], box["bottom"])
        # The characters under the box: their tight glyph boxes' centres inside it (a point of slack).
        under = [
            c
            for c in chars
            if not c[0].isspace()
            and rect[0] - 1 <= (c[1][0] + c[1][2]) / 2 <= rect[2] + 1
            and rect[1] - 1 <= (c[1][1] + c[1][3]) / 2 <= rect[3] + 1
        ]
        assert under, box
        # The box is their union, within 2 pt: of their glyph boxes, or of their font boxes.
        tight, loose = union([c[1] for c in under]), union([c[2] for c in under])
        assert near(rect, tight) or near(rect, loose), (box, tight, loose)
        under = [c[0] for c in under]
        assert letters("".join(under)) in letters(quotes[items[box["i"]]["ref"]])


def test_batch_index_sorts_by_a_column_and_links_every_page(visit: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run_batch(
        [str(p) for p in corpus_documents("dev")], BatchOptions(outdir=out, jobs=1, review=True)
    )
    assert summary.succeeded == 5
    opened = visit(out / "index.html")
    page = opened.page
    assert opened.errors == [] and opened.outside_requests() == []
    cells = f"#docs tbody tr td:nth-child({COLUMNS.index('strength') + 1})"
    page.click("#docs th:has-text('strength')")
    ascending = [int(text) for text in page.locator(cells).all_inner_texts()]
    assert ascending == sorted(ascending) and len(ascending) == 5
    page.click("#docs th:has-text('strength')")
    assert [int(text) for text in page.locator(cells).all_inner_texts()] == sorted(ascending, reverse=True)
    links = page.locator("#docs tbody a")
    assert links.count() == 5
    first = links.first
    target = out / (first.get_attribute("href") or "")
    assert target.is_file()
    first.click()
    page.wait_for_load_state("load")
    assert page.url == target.resolve().as_uri() and page.locator("#doc mark").count() > 0


def test_the_item_chosen_in_the_text_is_shown_on_its_page_image(visit: Any, reviewed: dict) -> None:
    done = reviewed["dev-pdf/001_c74d78ba285d38bd.pdf"]
    page = visit(done.page).page
    last = max(range(len(done.report.findings)), key=lambda n: done.report.findings[n].evidence.start)
    refs = [
        item["ref"] for item in page.evaluate("JSON.parse(document.getElementById('review-data').text).items")
    ]
    index = refs.index(f"findings[{last}]")
    page.click(f'aside .it[data-i="{index}"]')
    page.click('.tabs button[value="pages"]')
    assert in_viewport(page, f'#pages .bx[data-i="{index}"]')
