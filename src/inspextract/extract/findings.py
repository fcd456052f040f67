"""Findings: strengths, improvements needed, recommendations and progress statements."""

from __future__ import annotations

from inspextract.document import Document
from inspextract.records import Area, Finding
from inspextract.segment import Block


def find_findings(doc: Document, blocks: list[Block], areas: list[Area]) -> list[Finding]:
    """Every finding the inspectors state, linked to its area for improvement where the section says."""
    return []
