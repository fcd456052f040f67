"""Entities: statistical NER plus the project's rules (inspectorates, areas, grades, QIs, progress)."""

from __future__ import annotations

from inspextract.document import Document
from inspextract.records import Entity


def find_entities(doc: Document) -> list[Entity]:
    """Every entity found in the normalised text, with offsets."""
    return []
