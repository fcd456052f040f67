"""From a document (and optionally a record made earlier) to its review page."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import ValidationError

from inspextract.document import Document
from inspextract.errors import DamagedInput, ExitCode, InputNotFound, InspextractError
from inspextract.limits import DEFAULT_LIMITS, Limits
from inspextract.pdf_engines import DEFAULT_PDF_ENGINE
from inspextract.pipeline import Input, parse_with_document, read_document
from inspextract.records import Report
from inspextract.review.items import collect_items, with_boxes
from inspextract.review.page import PageView, build_page

# Most page images one review page holds: at ~90 KB a page (100 dpi, 4-bit gray PNG as base64), 200 pages
# keep a page near 18 MB, as much as a browser opens without a long wait; the text still marks everything.
MAX_PAGE_IMAGES = 200


class RecordMismatch(InspextractError):
    """A record given to `review --record` was made from another file (its source.sha256 differs)."""

    exit_code = ExitCode.USAGE
    kind = "record_mismatch"


def evidence_pages(report: Report, document: Document) -> list[int]:
    """The pages that hold evidence: where an item's boxes are, else its page."""
    pages: set[int] = set()
    for item in with_boxes(collect_items(report), document):
        pages.update(int(box["page"]) for box in item.boxes)
        if item.page is not None and not item.boxes:
            pages.add(item.page)
    return sorted(pages)


def page_views(report: Report, document: Document, pdf: bytes) -> tuple[list[PageView], list[str]]:
    """The evidence pages' images (the first MAX_PAGE_IMAGES of them) and a note when some are left out."""
    from inspextract.review.page_images import render_pages

    pages = evidence_pages(report, document)
    notes = []
    if len(pages) > MAX_PAGE_IMAGES:
        notes.append(f"{len(pages)} pages hold evidence: the first {MAX_PAGE_IMAGES} are shown as images")
        pages = pages[:MAX_PAGE_IMAGES]
    images = render_pages(pdf, pages)
    return [images[page] for page in sorted(images)], notes


def review_html(report: Report, document: Document, *, pdf: bytes | None = None) -> str:
    """The review page of `report` over the `document` it was made from, as one HTML string.

    Given the PDF's bytes as well, the pages holding evidence are shown as images with the items' boxes.
    """
    if pdf is None or report.source.format != "pdf":
        return build_page(report, document)
    views, notes = page_views(report, document, pdf)
    return build_page(report, document, views, notes)


def load_record(path: Path) -> Report:
    try:
        return Report.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        raise InputNotFound(f"no such record: {path}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputNotFound(f"cannot read record {path}: {err}") from None
    except ValidationError as err:
        raise DamagedInput(f"not an inspextract record: {path} ({err.error_count()} errors)") from None


def review_file(
    source: Input,
    *,
    record: Path | None = None,
    limits: Limits = DEFAULT_LIMITS,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
) -> str:
    """The review page of a document: parsed now, or drawn from `record` (a record of this very file)."""
    if record is None:
        report, document, data = parse_with_document(source, limits=limits, pdf_engine=pdf_engine, boxes=True)
    else:
        report = load_record(record)
        document, data, _ = read_document(source, limits=limits, pdf_engine=pdf_engine, boxes=True)
        if hashlib.sha256(data).hexdigest() != report.source.sha256:
            raise RecordMismatch(f"{record} was made from another file (source.sha256 differs)")
    return review_html(report, document, pdf=data if document.format == "pdf" else None)
