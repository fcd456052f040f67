"""Grounding: build `Evidence` for a span of the normalised text."""

from __future__ import annotations

from inspextract.document import Document
from inspextract.records import Evidence


def evidence(doc: Document, start: int, end: int) -> Evidence:
    """Evidence for `doc.text[start:end]`, trimmed of surrounding white space."""
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return Evidence(quote=doc.text[start:end], start=start, end=end, page=doc.page_of(start))
