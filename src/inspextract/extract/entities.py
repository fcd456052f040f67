"""Entities: statistical NER plus the project's rules (inspectorates, areas, grades, QIs, progress, roles)."""

from __future__ import annotations

from inspextract.document import Document
from inspextract.records import Entity


def find_entities(doc: Document) -> list[Entity]:
    """Every entity found in the normalised text, with offsets, in text order."""
    from inspextract.nlp import analyse_text

    # Copies: the analysis is cached per text and records are mutable.
    return [entity.model_copy() for entity in analyse_text(doc.text)]
