"""Review pages: a record drawn over its document, every item marked in the text (and boxed on the PDF
page), in one self-contained HTML file."""

from __future__ import annotations

from inspextract.review.build import RecordMismatch, review_file, review_html

__all__ = ["RecordMismatch", "review_file", "review_html"]
