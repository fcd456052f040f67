"""Named people with their role and organisation."""

from __future__ import annotations

from inspextract.document import Document
from inspextract.records import Entity, Person
from inspextract.segment import Block


def find_people(doc: Document, blocks: list[Block], entities: list[Entity]) -> list[Person]:
    """People named in the document (not authors of cited works)."""
    return []
