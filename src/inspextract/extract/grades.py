"""Quality-indicator grades, stated grade counts and the number of indicators evaluated."""

from __future__ import annotations

from inspextract.document import Document
from inspextract.records import Grade
from inspextract.segment import Block


def find_grades(doc: Document, blocks: list[Block]) -> tuple[list[Grade], dict[str, int], int | None]:
    """(grades, grade_counts, indicators_total) stated in the document."""
    return [], {}, None
