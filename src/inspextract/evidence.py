"""Grounding: build `Evidence` for a span of the normalised text."""

from __future__ import annotations

from inspextract.document import Document
from inspextract.records import Box, Evidence


def evidence(doc: Document, start: int, end: int) -> Evidence:
    """Evidence for `doc.text[start:end]`, trimmed of surrounding white space (with its boxes on the page
    when the document keeps them)."""
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    boxes = None
    if doc.char_boxes is not None:  # a PDF read with boxes: the quote's place on the page too
        boxes = [Box(**run._asdict()) for run in doc.char_boxes.quote_boxes(start, end)]
    return Evidence(quote=doc.text[start:end], start=start, end=end, page=doc.page_of(start), boxes=boxes)
