"""inspextract: inspection reports, press releases and committee papers to grounded JSON records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from inspextract.version import __version__

if TYPE_CHECKING:
    from inspextract.document import Document
    from inspextract.records import Report

__all__ = ["__version__", "parse", "review_html"]


def parse(source: Any, **options: Any) -> Report:
    """Parse a document (path, bytes or file object) into a `Report`; see `inspextract.pipeline.parse`."""
    from inspextract.pipeline import parse as _parse

    return _parse(source, **options)


def review_html(report: Report, document: Document, *, pdf: bytes | None = None) -> str:
    """The review page of a record over its `Document`, as HTML; see `inspextract.review.review_html`."""
    from inspextract.review import review_html as _review_html

    return _review_html(report, document, pdf=pdf)
