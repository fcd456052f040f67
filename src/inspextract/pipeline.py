"""The library's front door: `parse` reads any supported input and returns a `Report`."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path
from typing import IO

from inspextract.document import Document
from inspextract.errors import InputNotFound, NoText
from inspextract.limits import DEFAULT_LIMITS, Limits
from inspextract.pdf_engines import DEFAULT_PDF_ENGINE
from inspextract.readers import read
from inspextract.records import GradeWord, Report, Source
from inspextract.segment import segment
from inspextract.timeout import time_limit
from inspextract.version import __version__

Input = str | os.PathLike[str] | bytes | IO[bytes]


def load_bytes(source: Input, limits: Limits) -> tuple[bytes, str]:
    """The input's bytes and the path to report ("-" for bytes and streams)."""
    if isinstance(source, bytes):
        limits.check_bytes(len(source))
        return source, "-"
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise InputNotFound(f"not a file: {path}")
            limits.check_bytes(size)
            return path.read_bytes(), str(source)
        except FileNotFoundError:
            raise InputNotFound(f"no such file: {path}") from None
        except PermissionError:
            raise InputNotFound(f"cannot read file (permission denied): {path}") from None
        except IsADirectoryError:
            raise InputNotFound(f"not a file: {path}") from None
    data = source.read(limits.max_bytes + 1)
    limits.check_bytes(len(data))
    return data, getattr(source, "name", "-") if isinstance(getattr(source, "name", None), str) else "-"


def read_document(
    source: Input,
    *,
    limits: Limits = DEFAULT_LIMITS,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
    name: str | None = None,
    boxes: bool = False,
) -> tuple[Document, bytes, str]:
    """Read the input into a `Document` (no extraction): what `inspextract text` prints; `boxes` keeps a
    PDF's map from offsets to character boxes (`Document.char_boxes`)."""
    with time_limit(limits.timeout_s):
        data, path = load_bytes(source, limits)
        if not data.strip():
            raise NoText("empty file")
        doc = read(data, name=name or path, limits=limits, pdf_engine=pdf_engine, boxes=boxes)
    if not doc.text.strip():
        raise NoText("no extractable text")
    return doc, data, path


def parse(
    source: Input,
    *,
    limits: Limits = DEFAULT_LIMITS,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
    name: str | None = None,
    all_entities: bool = False,
    boxes: bool = False,
) -> Report:
    """Parse a document (path, bytes or binary stream) into a validated, grounded `Report`.

    The statistical NER reads only the sentences that may name a person unless `all_entities` is set;
    then `entities` holds every organisation, place and date too, at several times the cost. With `boxes`,
    every evidence of a PDF also gives its quote's boxes on the page (`Evidence.boxes`).
    """
    report, _, _ = parse_with_document(
        source, limits=limits, pdf_engine=pdf_engine, name=name, all_entities=all_entities, boxes=boxes
    )
    return report


def parse_with_document(
    source: Input,
    *,
    limits: Limits = DEFAULT_LIMITS,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
    name: str | None = None,
    all_entities: bool = False,
    boxes: bool = False,
    box_map: bool = False,
) -> tuple[Report, Document, bytes]:
    """`parse`, also returning the `Document` read and the input's bytes (what `review` draws on).

    With `box_map`, the returned `Document` of a PDF keeps its map from offsets to character boxes (a review
    page draws the quotes' boxes from it) while the record gets `Evidence.boxes` only with `boxes`.
    """
    # Imported here, not at the top: `inspextract text` needs only the readers.
    from inspextract.extract.entities import find_entities
    from inspextract.extract.findings import find_findings
    from inspextract.extract.grades import find_grades
    from inspextract.extract.improvement_areas import find_improvement_areas
    from inspextract.extract.metadata import find_metadata
    from inspextract.extract.people import find_people

    with time_limit(limits.timeout_s):
        document, data, path = read_document(
            source, limits=limits, pdf_engine=pdf_engine, name=name, boxes=boxes or box_map
        )
        # Evidence takes boxes from the document it is built on (evidence.py): none unless asked for.
        doc = document if boxes else replace(document, char_boxes=None)
        record = Source(
            path=path,
            sha256=hashlib.sha256(data).hexdigest(),
            format=doc.format,
            pages=doc.pages,
            chars=len(doc.text),
            extractor_version=__version__,
        )
        blocks = segment(doc)
        report = Report(source=record, warnings=list(doc.warnings))
        find_metadata(doc, blocks, report)
        report.areas_for_improvement = find_improvement_areas(doc, blocks)
        report.grades, counts, report.indicators_total = find_grades(doc, blocks, report)
        report.grade_counts = {GradeWord(word): count for word, count in counts.items()}
        report.findings = find_findings(doc, blocks, report.areas_for_improvement)
        report.entities = find_entities(doc, all_entities=all_entities)
        report.people = find_people(doc, blocks, report.entities)
        # Validate the assembled record once, so nothing invalid ever reaches the output.
        return Report.model_validate(report.model_dump()), document, data
