"""The export's tables, in one place: their columns, keys, indexes and full-text indexes, and how a record
becomes their rows. The SQLite writer, the CSV writer, `export --describe` and the README's table all read
these definitions.

sqlite-utils' convention, which Datasette and llm users know: one table per record type, each list of a
record a child table keyed by its document and an ordinal (its place in the list), the record's JSON kept
beside in `documents.record`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from inspextract.records import Evidence, Report

# The layout of the tables (stored as the database's PRAGMA user_version): raise it when a table or column
# changes, so a database written with another layout is refused instead of mixed.
LAYOUT_VERSION = 1
# PRAGMA application_id of an inspextract export ("IXEX"), so another program's database is refused too.
APPLICATION_ID = 0x49584558

Row = tuple[object, ...]


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # SQLite column type: TEXT or INTEGER
    meaning: str
    in_csv: bool = True  # documents.record is left out of CSV: Excel cells hold at most 32,767 characters


@dataclass(frozen=True)
class Table:
    name: str
    one_row_per: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    # A child table's rows of one record, given the document's id (its first column); documents and errors
    # rows are made by the writer itself.
    rows: Callable[[Report, int], Iterable[Row]] | None = None
    indexes: tuple[str, ...] = ()  # columns analysts filter by
    full_text: tuple[str, ...] = ()  # columns in the FTS5 index <name>_fts

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def is_child(self) -> bool:
        """Rows belong to a document (`document` references documents.id)."""
        return self.columns[0].name == "document"


def evidence_of(evidence: Evidence) -> Row:
    return (evidence.quote, evidence.page, evidence.start, evidence.end)


DOCUMENT = Column("document", "INTEGER", "documents.id of the record the row comes from")
ORDINAL = Column("ordinal", "INTEGER", "place in the record's list, from 0")
EVIDENCE = (
    Column("quote", "TEXT", "evidence: exact words of the normalised text"),
    Column("page", "INTEGER", "evidence: 1-based page, empty for formats without pages"),
    Column("start", "INTEGER", "evidence: character offset of the quote in the normalised text"),
    Column("end", "INTEGER", 'evidence: offset just after the quote (quote it in SQL: "end")'),
)


def document_row(report: Report) -> Row:
    """The documents row of a record, without its id and its JSON (the writer adds both)."""
    source, inspection = report.source, report.inspection
    return (
        source.sha256,
        source.path,
        source.format,
        source.pages,
        report.document_type,
        report.title,
        report.partnership,
        inspection.kind,
        int(inspection.is_progress_review),
        inspection.lead_body,
        inspection.fieldwork_start,
        inspection.fieldwork_end,
        inspection.published,
        report.indicators_total,
        source.extractor_version,
        report.schema_version,
    )


DOCUMENTS = Table(
    "documents",
    "record (document converted)",
    (
        Column("id", "INTEGER", "the document's number in this database; child tables' `document`"),
        Column("sha256", "TEXT", "source.sha256: hex digest of the input's bytes (key, with path)"),
        Column("path", "TEXT", "source.path: the input's path as given to inspextract (key, with sha256)"),
        Column("format", "TEXT", "pdf, text, markdown, html or docx"),
        Column("pages", "INTEGER", "pages of a PDF, else empty"),
        Column("document_type", "TEXT", "inspection_report, progress_review, press_release, ..."),
        Column("title", "TEXT", "the document's own title"),
        Column("partnership", "TEXT", "the partnership named"),
        Column("inspection_kind", "TEXT", "inspection.kind: children_and_young_people, ..."),
        Column("is_progress_review", "INTEGER", "1 if about a progress review after an inspection, else 0"),
        Column("lead_body", "TEXT", "the inspectorate that led it"),
        Column("fieldwork_start", "TEXT", "partial date: YYYY, YYYY-MM or YYYY-MM-DD"),
        Column("fieldwork_end", "TEXT", "partial date"),
        Column(
            "published", "TEXT", "partial date the report was published (its year: substr(published, 1, 4))"
        ),
        Column("indicators_total", "INTEGER", "stated number of quality indicators evaluated"),
        Column("extractor_version", "TEXT", "version of inspextract that wrote the record"),
        Column("schema_version", "TEXT", "the record's schema version"),
        Column("record", "TEXT", "the whole record as JSON (json_extract works on it)", in_csv=False),
    ),
    key=("id",),
    indexes=("document_type", "inspection_kind", "published"),
)

TABLES: tuple[Table, ...] = (
    DOCUMENTS,
    Table(
        "document_areas",
        "council area a document is about",
        (DOCUMENT, ORDINAL, Column("area", "TEXT", "canonical council area name")),
        key=("document", "ordinal"),
        rows=lambda report, document: ((document, i, area) for i, area in enumerate(report.areas)),
        indexes=("area",),
    ),
    Table(
        "document_bodies",
        "inspectorate taking part",
        (DOCUMENT, ORDINAL, Column("body", "TEXT", "canonical inspectorate name (the lead included)")),
        key=("document", "ordinal"),
        rows=lambda report, document: (
            (document, i, body) for i, body in enumerate(report.inspection.bodies)
        ),
        indexes=("body",),
    ),
    Table(
        "grades",
        "evaluation of a quality indicator",
        (
            DOCUMENT,
            ORDINAL,
            Column("indicator", "TEXT", 'quality indicator number, e.g. "2.1"'),
            Column("indicator_name", "TEXT", "indicator name, lower case as printed"),
            Column("grade", "TEXT", "excellent, very good, good, adequate, weak or unsatisfactory"),
            Column("value", "INTEGER", "the grade as a number: 6 (excellent) to 1 (unsatisfactory)"),
            *EVIDENCE,
        ),
        key=("document", "ordinal"),
        rows=lambda report, document: (
            (document, i, g.indicator, g.indicator_name, g.grade, g.value, *evidence_of(g.evidence))
            for i, g in enumerate(report.grades)
        ),
        indexes=("grade", "indicator"),
    ),
    Table(
        "grade_counts",
        "grade word counted in a summary",
        (
            DOCUMENT,
            Column("grade", "TEXT", "the grade word"),
            Column("count", "INTEGER", "how many indicators the summary gives that grade"),
        ),
        key=("document", "grade"),
        rows=lambda report, document: ((document, grade, n) for grade, n in report.grade_counts.items()),
        indexes=("grade",),
    ),
    Table(
        "areas_for_improvement",
        "area for improvement a report or review is organised around",
        (
            DOCUMENT,
            ORDINAL,
            Column("number", "INTEGER", "the area's number as printed"),
            Column("title", "TEXT", "the area's statement (full-text indexed)"),
            Column("progress", "TEXT", "significant, considerable, good, reasonable, some, limited or no"),
            Column("text", "TEXT", "the body that discusses the area"),
            *EVIDENCE,
        ),
        key=("document", "ordinal"),
        rows=lambda report, document: (
            (document, i, a.number, a.title, a.progress, a.text, *evidence_of(a.evidence))
            for i, a in enumerate(report.areas_for_improvement)
        ),
        indexes=("progress",),
        full_text=("title",),
    ),
    Table(
        "findings",
        "strength, improvement, recommendation or progress statement",
        (
            DOCUMENT,
            ORDINAL,
            Column("kind", "TEXT", "strength, improvement, recommendation or progress"),
            Column("text", "TEXT", "the statement (full-text indexed)"),
            Column("progress", "TEXT", "degree of progress, for kind = progress"),
            Column("area_number", "INTEGER", "number of the area for improvement it belongs to"),
            *EVIDENCE,
        ),
        key=("document", "ordinal"),
        rows=lambda report, document: (
            (document, i, f.kind, f.text, f.progress, f.area_number, *evidence_of(f.evidence))
            for i, f in enumerate(report.findings)
        ),
        indexes=("kind",),
        full_text=("text",),
    ),
    Table(
        "people",
        "person named, with role and organisation",
        (
            DOCUMENT,
            ORDINAL,
            Column("name", "TEXT", "name as printed"),
            Column("role", "TEXT", "role as printed"),
            Column("organisation", "TEXT", "organisation as printed"),
            *EVIDENCE,
        ),
        key=("document", "ordinal"),
        rows=lambda report, document: (
            (document, i, p.name, p.role, p.organisation, *evidence_of(p.evidence))
            for i, p in enumerate(report.people)
        ),
        indexes=("name",),
    ),
    Table(
        "warnings",
        "warning about a document (no text layer on a page, area not found, ...)",
        (DOCUMENT, ORDINAL, Column("warning", "TEXT", "the warning")),
        key=("document", "ordinal"),
        rows=lambda report, document: ((document, i, w) for i, w in enumerate(report.warnings)),
    ),
    Table(
        "errors",
        "document that failed to convert (from errors.jsonl)",
        (
            Column("path", "TEXT", "the input's path as given to the batch (key, with sha256)"),
            Column("sha256", "TEXT", "hex digest of the input's bytes; empty if it could not be read"),
            Column("kind", "TEXT", "not_found, unsupported, damaged, encrypted, no_text, timeout, ..."),
            Column("message", "TEXT", "the error message"),
        ),
        key=("path", "sha256"),
        indexes=("kind",),
    ),
)

TABLES_BY_NAME = {table.name: table for table in TABLES}
CHILD_TABLES = tuple(table for table in TABLES if table.is_child)
