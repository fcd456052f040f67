"""The record contract of ../shared/SCHEMA.md as pydantic models: field names and enums are binding."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    StringConstraints,
    model_serializer,
)

SCHEMA_VERSION = "1"

PartialDate = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]


class DocumentType(StrEnum):
    inspection_report = "inspection_report"
    progress_review = "progress_review"
    press_release = "press_release"
    committee_report = "committee_report"
    other = "other"


class InspectionKind(StrEnum):
    children_and_young_people = "children_and_young_people"
    children_at_risk_of_harm = "children_at_risk_of_harm"
    children_in_need_of_care_and_protection = "children_in_need_of_care_and_protection"
    adult_support_and_protection = "adult_support_and_protection"
    other = "other"


class GradeWord(StrEnum):
    excellent = "excellent"
    very_good = "very good"
    good = "good"
    adequate = "adequate"
    weak = "weak"
    unsatisfactory = "unsatisfactory"


GRADE_VALUES: dict[str, int] = {
    "excellent": 6,
    "very good": 5,
    "good": 4,
    "adequate": 3,
    "weak": 2,
    "unsatisfactory": 1,
}


class Progress(StrEnum):
    significant = "significant"
    considerable = "considerable"
    good = "good"
    reasonable = "reasonable"
    some = "some"
    limited = "limited"
    no = "no"


class FindingKind(StrEnum):
    strength = "strength"
    improvement = "improvement"
    recommendation = "recommendation"
    progress = "progress"


class SourceFormat(StrEnum):
    pdf = "pdf"
    text = "text"
    markdown = "markdown"
    html = "html"
    docx = "docx"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Box(_Record):
    """A rectangle on a PDF page in points, from the top-left corner of the page as shown (its crop box)."""

    page: int = Field(ge=1)
    x0: float
    top: float
    x1: float
    bottom: float


class Evidence(_Record):
    """Where an item came from: `quote == text[start:end]` of the normalised text."""

    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = Field(default=None, ge=1)
    # Added field (asked for with --boxes, PDFs only): the quote on the page, one box per printed line it
    # runs over; absent from the output when not asked for, so records made without it stay as they were.
    boxes: list[Box] | None = Field(
        default=None,
        description="PDF only, with --boxes: the quote's boxes on the page, one per printed line it runs "
        "over (page, x0, top, x1, bottom in points from the page's top-left corner).",
    )

    @model_serializer(mode="wrap")
    def leave_out_absent_boxes(self, serialize: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = serialize(self)
        if data.get("boxes", ()) is None:
            del data["boxes"]
        return data


class Source(_Record):
    path: str
    sha256: str
    format: SourceFormat
    pages: int | None = None
    chars: int = Field(ge=0)
    extractor_version: str


class Inspection(_Record):
    kind: InspectionKind | None = None
    is_progress_review: bool = False
    lead_body: str | None = None
    bodies: list[str] = Field(default_factory=list)
    fieldwork_start: PartialDate | None = None
    fieldwork_end: PartialDate | None = None
    published: PartialDate | None = None


class Grade(_Record):
    indicator: str | None = None
    indicator_name: str | None = None
    grade: GradeWord
    value: int = Field(ge=1, le=6)
    evidence: Evidence


class Area(_Record):
    number: int | None = None
    title: str
    progress: Progress | None = None
    text: str = ""
    evidence: Evidence


class Finding(_Record):
    kind: FindingKind
    text: str
    progress: Progress | None = None
    area_number: int | None = None
    evidence: Evidence


class Person(_Record):
    name: str
    role: str | None = None
    organisation: str | None = None
    evidence: Evidence


class Entity(_Record):
    label: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Report(_Record):
    schema_version: str = SCHEMA_VERSION
    source: Source
    document_type: DocumentType = DocumentType.other
    title: str | None = None
    areas: list[str] = Field(default_factory=list)
    partnership: str | None = None
    inspection: Inspection = Field(default_factory=Inspection)
    grades: list[Grade] = Field(default_factory=list)
    grade_counts: dict[GradeWord, int] = Field(default_factory=dict)
    indicators_total: int | None = Field(default=None, ge=0)
    areas_for_improvement: list[Area] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    # Added field (SCHEMA.md allows additions): evidence for the document-level values, keyed by field path
    # ("title", "areas", "partnership", "inspection.published", ...).
    metadata_evidence: dict[str, Evidence] = Field(default_factory=dict)
