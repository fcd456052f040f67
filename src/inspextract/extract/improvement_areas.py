"""Areas for improvement: "Area for improvement N: ..." headings and press-release progress bullets."""

from __future__ import annotations

from inspextract.document import Document
from inspextract.records import Area
from inspextract.segment import Block


def find_improvement_areas(doc: Document, blocks: list[Block]) -> list[Area]:
    """The areas for improvement a report or review is organised around."""
    return []
