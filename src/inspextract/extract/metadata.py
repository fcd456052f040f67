"""Document-level metadata: type, title, areas, partnership and the inspection."""

from __future__ import annotations

from inspextract.document import Document
from inspextract.evidence import evidence
from inspextract.extract.doctype import classify
from inspextract.extract.inspection import find_bodies, find_kind, find_lead, is_progress_review
from inspextract.extract.places import find_areas, find_partnership
from inspextract.extract.timing import find_fieldwork, find_published
from inspextract.extract.title import find_title
from inspextract.records import DocumentType, Report
from inspextract.segment import Block

AREA_NOT_FOUND = "inspected council area not found"


def find_metadata(doc: Document, blocks: list[Block], report: Report) -> None:
    """Fill the document-level fields of `report`."""
    text = doc.text
    found = report.metadata_evidence

    def note(field: str, start: int, end: int) -> None:
        if end > start and text[start:end].strip():
            found[field] = evidence(doc, start, end)

    title = find_title(text)
    if title is not None:
        report.title = title.text
        note("title", title.start, title.end)

    verdict = classify(text, report.title)
    report.document_type = verdict.type
    if verdict.span:
        note("document_type", *verdict.span)

    areas = find_areas(text, (title.start, title.end) if title else None)
    report.areas = areas.areas
    if areas.mention:
        note("areas", areas.mention.start, areas.mention.end)
    else:
        report.warnings.append(AREA_NOT_FOUND)

    partnership = find_partnership(text, report.areas)
    if partnership is not None:
        report.partnership = partnership.name
        note("partnership", partnership.start, partnership.end)

    inspection = report.inspection
    kind, kind_span = find_kind(text, (title.start, title.end) if title else None)
    inspection.kind = kind
    if kind_span:
        note("inspection.kind", kind_span.start, kind_span.end)
    review = is_progress_review(text, report.title)
    inspection.is_progress_review = verdict.type == DocumentType.progress_review or review is not None
    if review is not None:
        note("inspection.is_progress_review", review.start, review.end)

    bodies, bodies_span = find_bodies(text)
    lead, lead_span = find_lead(text, bodies)
    if lead and lead not in bodies:
        bodies.insert(0, lead)
    inspection.bodies, inspection.lead_body = bodies, lead
    if bodies_span:
        note("inspection.bodies", bodies_span.start, bodies_span.end)
    if lead_span:
        note("inspection.lead_body", lead_span.start, lead_span.end)

    fieldwork = find_fieldwork(text, is_review=inspection.is_progress_review)
    if fieldwork is not None:
        inspection.fieldwork_start, inspection.fieldwork_end = fieldwork.first, fieldwork.last
        note("inspection.fieldwork_start", fieldwork.start, fieldwork.end)
        note("inspection.fieldwork_end", fieldwork.start, fieldwork.end)
    published = find_published(
        text,
        report.document_type,
        inspection.fieldwork_end,
        inspection.fieldwork_start,
        is_review=inspection.is_progress_review,
    )
    if published is not None:
        inspection.published = published.value
        note("inspection.published", published.start, published.end)
