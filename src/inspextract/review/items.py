"""The evidence items of a record, in one flat list: what the review page marks, lists and steps through."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from inspextract.document import Document
from inspextract.records import Evidence, Report

# Kinds in the legend's order, with the words a reader sees. "metadata" holds the document-level values
# that are neither dates nor inspectorates (title, areas, partnership, ...).
KIND_LABELS: dict[str, str] = {
    "grade": "grade",
    "area": "area for improvement",
    "strength": "strength",
    "improvement": "improvement",
    "recommendation": "recommendation",
    "progress": "progress",
    "person": "person",
    "date": "date",
    "inspectorate": "inspectorate",
    "metadata": "other metadata",
}
DATE_FIELDS = ("inspection.fieldwork_start", "inspection.fieldwork_end", "inspection.published")
INSPECTORATE_FIELDS = ("inspection.lead_body", "inspection.bodies")
# Longest label a span's pop-up shows for an item; the side panel shows the whole text.
LABEL_CHARS = 140


@dataclass(frozen=True)
class Item:
    """One evidence item: `ref` names where it sits in the record ("findings[3]", "metadata:title")."""

    index: int
    kind: str
    ref: str
    label: str
    start: int
    end: int
    quote: str
    page: int | None
    boxes: list[dict[str, Any]] = field(default_factory=list)


def metadata_kind(key: str) -> str:
    if key in DATE_FIELDS:
        return "date"
    if key in INSPECTORATE_FIELDS:
        return "inspectorate"
    return "metadata"


def short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def evidence_boxes(evidence: Evidence) -> list[dict[str, Any]]:
    """The optional `evidence.boxes` (PDF records made with boxes), as plain dicts."""
    return [box.model_dump() for box in evidence.boxes or []]


def metadata_label(report: Report, key: str) -> str:
    """`inspection.lead_body` → "lead body: Care Inspectorate"."""
    value: Any = report
    for part in key.split("."):
        value = getattr(value, part, None)
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    name = key.rsplit(".", 1)[-1].replace("_", " ")
    return short(f"{name}: {value}" if value not in (None, "") else name)


def collect_items(report: Report) -> list[Item]:
    """Every evidence item of the record, in the side panel's order."""
    found: list[tuple[str, str, str, Evidence]] = []
    for key, ev in report.metadata_evidence.items():
        found.append((metadata_kind(key), f"metadata:{key}", metadata_label(report, key), ev))
    for n, grade in enumerate(report.grades):
        name = grade.indicator_name or "overall"
        label = f"{grade.indicator + ' ' if grade.indicator else ''}{name}: {grade.grade}"
        found.append(("grade", f"grades[{n}]", short(label), grade.evidence))
    for n, area in enumerate(report.areas_for_improvement):
        number = f"{area.number}. " if area.number is not None else ""
        found.append(("area", f"areas_for_improvement[{n}]", short(number + area.title), area.evidence))
    for n, finding in enumerate(report.findings):
        found.append((str(finding.kind), f"findings[{n}]", short(finding.text), finding.evidence))
    for n, person in enumerate(report.people):
        role = f" ({person.role})" if person.role else ""
        found.append(("person", f"people[{n}]", short(person.name + role), person.evidence))
    return [
        Item(index, kind, ref, label, ev.start, ev.end, ev.quote, ev.page, evidence_boxes(ev))
        for index, (kind, ref, label, ev) in enumerate(found)
    ]


def with_boxes(items: list[Item], document: Document) -> list[Item]:
    """The items, those without boxes given their boxes from the document's map (a PDF read with boxes)."""
    if document.char_boxes is None:
        return items
    return [
        item
        if item.boxes
        else replace(
            item, boxes=[box._asdict() for box in document.char_boxes.quote_boxes(item.start, item.end)]
        )
        for item in items
    ]


def is_grounded(item: Item, text: str) -> bool:
    """The item's offsets hold its quote in this text (false for a record of another document)."""
    return 0 <= item.start <= item.end <= len(text) and text[item.start : item.end] == item.quote
