"""Entities: statistical NER plus the project's rules (inspectorates, areas, grades, QIs, progress, roles)."""

from __future__ import annotations

from inspextract.document import Document
from inspextract.extract.names import name_windows
from inspextract.records import Entity


def find_entities(doc: Document, *, all_entities: bool = False) -> list[Entity]:
    """Every entity found in the normalised text, with offsets, in text order.

    The statistical NER reads only the sentences that may name a person (PERSON is the one label the
    extractors use it for), unless `all_entities` asks for it over the whole text: its other labels
    (organisations, places, dates) are then complete too, at several times the cost on a long report.
    """
    from inspextract.nlp import analyse_text

    ner_windows = None if all_entities else name_windows
    # Copies: the analysis is cached per text and records are mutable.
    return [entity.model_copy() for entity in analyse_text(doc.text, ner_windows)]
