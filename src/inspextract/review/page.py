"""The review page: one self-contained HTML file (inline CSS and JS, images as data URIs) whose
Content-Security-Policy allows nothing from outside and only its own script, by hash."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from html import escape
from importlib import resources
from typing import Any, Protocol

from inspextract.document import Document
from inspextract.records import Report
from inspextract.review.items import KIND_LABELS, Item, collect_items, is_grounded, with_boxes
from inspextract.review.panel import side_panel
from inspextract.review.text_marks import marked_text, show

# JSON inside <script> must not hold "</script>", "<!--" or the line separators old parsers choke on.
JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


class PageView(Protocol):
    """One rendered page (review.page_images.PageImage): its image as a data URI, its size in points."""

    @property
    def page(self) -> int: ...
    @property
    def data_uri(self) -> str: ...
    @property
    def width_pt(self) -> float: ...
    @property
    def height_pt(self) -> float: ...
    @property
    def width_px(self) -> int: ...
    @property
    def height_px(self) -> int: ...


def asset(name: str) -> str:
    return resources.files("inspextract.review").joinpath("assets", name).read_text(encoding="utf-8")


def csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_policy(style: str, script: str, *, images: bool = False) -> str:
    """The Content-Security-Policy of a page: nothing external; only its own inline style and script (by
    hash), and with `images` data-URI images."""
    image_source = "img-src data:; " if images else ""
    return (
        f"default-src 'none'; {image_source}style-src {csp_hash(style)}; script-src {csp_hash(script)}; "
        "base-uri 'none'; form-action 'none'"
    )


def safe_json(value: Any) -> str:
    """JSON that can sit inside a <script> element whatever its strings hold."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in JSON_ESCAPES.items():
        text = text.replace(raw, escaped)
    return text


def grounded_items(report: Report, document: Document) -> tuple[list[Item], list[str]]:
    """The items whose offsets hold their quote in this text, and a warning for each that does not."""
    items, warnings = [], []
    for item in collect_items(report):
        if is_grounded(item, document.text):
            items.append(item)
        else:
            warnings.append(f"{item.ref}: its quote is not at its offsets in this text; not marked")
    return items, warnings


def legend(kinds_present: set[str]) -> str:
    labels = []
    for kind, words in KIND_LABELS.items():
        if kind in kinds_present:
            labels.append(
                f'<label class="k-{kind}"><input type="checkbox" value="{kind}" checked>'
                f"{escape(words)}</label>"
            )
    hint = '<span class="hint">click an item or a mark · j / k: next / previous item</span>'
    return f'<div class="legend">{"".join(labels) or "<i>no evidence items</i>"}{hint}</div>'


def page_views_html(views: Sequence[PageView], items: Sequence[Item]) -> str:
    """The page images, each item's boxes drawn over them (placed by the script from PDF points)."""
    boxes_on: dict[int, list[str]] = {}
    for item in items:
        for box in item.boxes:
            rect = " ".join(f"{float(box[key]):.2f}" for key in ("x0", "top", "x1", "bottom"))
            boxes_on.setdefault(int(box["page"]), []).append(
                f'<div class="bx k-{item.kind}" data-i="{item.index}" data-r="{rect}"></div>'
            )
    out = []
    for view in views:
        boxes = boxes_on.get(view.page, [])
        out.append(
            f'<div class="pg" data-page="{view.page}" '
            f'data-w="{view.width_pt:.2f}" data-h="{view.height_pt:.2f}">'
            f'<img loading="lazy" alt="page {view.page}" src="{escape(view.data_uri)}" '
            f'width="{view.width_px}" height="{view.height_px}"><span class="cap">page {view.page}</span>'
            f"{''.join(boxes)}</div>"
        )
    return "".join(out)


def build_page(
    report: Report, document: Document, views: Sequence[PageView] = (), notes: Sequence[str] = ()
) -> str:
    """The review page's HTML for a record and the `Document` it was made from."""
    items, own_warnings = grounded_items(report, document)
    items = with_boxes(items, document)
    data = {
        "kinds": KIND_LABELS,
        "items": [
            {
                "kind": it.kind,
                "ref": it.ref,
                "label": it.label,
                "start": it.start,
                "end": it.end,
                "page": it.page,
            }
            for it in items
        ],
    }
    script, style = asset("review.js"), asset("review.css")
    policy = content_policy(style, script, images=True)
    warnings = [*report.warnings, *own_warnings, *notes]
    warning_list = "".join(f"<li>{show(w)}</li>" for w in warnings)
    warnings_html = f'<ul class="warnings">{warning_list}</ul>' if warnings else ""
    title = report.title or report.source.path
    tabs = ""
    pages_html = ""
    if views:
        tabs = (
            '<div class="tabs"><button value="doc" aria-selected="true">Text</button>'
            f'<button value="pages" aria-selected="false">Pages ({len(views)})</button></div>'
        )
        pages_html = f'<div id="pages" class="hidden">{page_views_html(views, items)}</div>'
    text_html = marked_text(document.text, items, document.page_starts)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{show(title)} — inspextract review</title><style>{style}</style></head><body>"
        f"<header><h1>{show(title)}</h1>{warnings_html}{legend({it.kind for it in items})}{tabs}</header>"
        f'<main><div><div id="doc">{text_html}</div>{pages_html}</div>'
        f"<aside>{side_panel(report, items)}</aside></main>"
        '<div id="popup" class="hidden"></div>'
        f'<script type="application/json" id="review-data">{safe_json(data)}</script>'
        f"<script>{script}</script></body></html>\n"
    )
