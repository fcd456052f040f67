"""Document-level metadata: type, title, areas, partnership and the inspection."""

from __future__ import annotations

from inspextract.document import Document
from inspextract.records import Report
from inspextract.segment import Block


def find_metadata(doc: Document, blocks: list[Block], report: Report) -> None:
    """Fill the document-level fields of `report`."""
