"""Review pages of the dev fixtures in every format and of a hostile HTML document, made once per session
for the review tests (browser and not)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from inspextract.document import Document
from inspextract.pipeline import parse_with_document
from inspextract.records import Evidence, Report
from inspextract.review import review_html

from .conftest import corpus_documents

FORMAT_CORPORA = ("dev", "dev-pdf", "dev-pdf2col", "dev-html", "dev-docx")

# Invented text whose words would be markup if anything were left unescaped: a script, a closing tag that
# would end the page's text container, an element with an event handler, a javascript: link.
HOSTILE_HTML = """<!DOCTYPE html>
<html><head><title>Joint inspection &lt;/div&gt; of services</title>
<script>alert("from the source page")</script></head>
<body>
<h1>Joint inspection of services for children in Fife
&lt;/div&gt;&lt;img src=x onerror=alert(3)&gt;</h1>
<p>The Care Inspectorate published its report on 3 March 2020. Fieldwork took place between 6 January and
14 February 2020.</p>
<p>Inspectors found that staff knew children well and worked together effectively
&lt;script&gt;alert(1)&lt;/script&gt; in every team.</p>
<p>Partners should ensure that records are kept up to date, see javascript:alert(2) for details
&amp; more.</p>
<p>Scope for improvement was identified in the timeliness of chronologies &lt;/mark&gt;&lt;/div&gt;
and plans.</p>
<p>Evaluation: leadership of improvement and change was evaluated as good.</p>
<p>Jane Smith, Chief Inspector, Care Inspectorate, said the report was clear.</p>
</body></html>
"""
# How far a drawn box may lie from the union of pdfium's boxes of the characters under it, in PDF points.
BOX_TOLERANCE_PT = 2.0
HOSTILE_WORDS = ("<script>alert(1)</script>", "</div>", "javascript:alert(2)", "<img src=x onerror=alert(3)>")


@dataclass(frozen=True)
class Reviewed:
    source: Path
    report: Report
    document: Document
    page: Path  # the review page written to disk

    @property
    def name(self) -> str:
        return f"{self.source.parent.parent.name}/{self.source.name}"


def review(source: Path, outdir: Path) -> Reviewed:
    report, document, data = parse_with_document(source, boxes=True)  # as `inspextract review` reads
    html = review_html(report, document, pdf=data if document.format == "pdf" else None)
    page = outdir / f"{source.parent.parent.name}-{source.name}.review.html"
    page.write_text(html, encoding="utf-8")
    return Reviewed(source, report, document, page)


def fixture_sources() -> list[Path]:
    return [doc for corpus in FORMAT_CORPORA for doc in corpus_documents(corpus)]


def evidence_by_ref(report: Report) -> dict[str, Evidence]:
    """Every evidence of the record, named as the page's items name them: `findings[3]`, `metadata:title`."""
    found: dict[str, Evidence] = {f"metadata:{key}": ev for key, ev in report.metadata_evidence.items()}
    for field in ("grades", "areas_for_improvement", "findings", "people"):
        for n, item in enumerate(getattr(report, field)):
            found[f"{field}[{n}]"] = item.evidence
    return found


Rect = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points from the page's top-left


def pdfium_chars(pdf: Path, page_number: int) -> list[tuple[str, Rect, Rect]]:
    """Each character of the page with pdfium's two boxes of it: the glyph's tight box and the loose one (the
    font's box: advance width by line height)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        page = document[page_number - 1]
        left0, _, _, top0 = page.get_cropbox()
        textpage = page.get_textpage()
        chars = []
        for i in range(textpage.count_chars()):
            boxes = []
            for loose in (False, True):
                left, bottom, right, top = textpage.get_charbox(i, loose=loose)
                boxes.append((left - left0, top0 - top, right - left0, top0 - bottom))
            chars.append((textpage.get_text_range(i, 1), boxes[0], boxes[1]))
        return chars
    finally:
        document.close()


def union(rects: list[Rect]) -> Rect:
    return (
        min(r[0] for r in rects),
        min(r[1] for r in rects),
        max(r[2] for r in rects),
        max(r[3] for r in rects),
    )


def near(a: Rect, b: Rect) -> bool:
    return all(abs(x - y) <= BOX_TOLERANCE_PT for x, y in zip(a, b, strict=True))


def letters(text: str) -> str:
    return re.sub(r"[\W_]", "", text)
