"""`Document`: what every reader produces: normalised text plus a page map."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import NamedTuple

from inspextract.char_boxes import BoxMap


class BlockSpan(NamedTuple):
    """A block as a structured reader (HTML, DOCX) knew it: "heading", "paragraph", "item" or "row"."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """Normalised text that every `Evidence` offset refers to.

    The text is plain and uniform whatever the input format: blocks (paragraphs, headings, list items)
    are separated by a blank line or a newline, list items start with a bullet marker ("•", "-", "–") or a
    number, and no layout markup remains. `page_starts[i]` is the offset where page i+1 begins.
    `blocks` holds the blocks of readers that know them (HTML, DOCX); text and PDF leave them to
    segmentation to find. `char_boxes` maps the text's offsets to the characters' boxes on a PDF's
    pages; the PDF reader keeps it only when asked for.
    """

    text: str
    format: str
    page_starts: tuple[int, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    blocks: tuple[BlockSpan, ...] = ()
    char_boxes: BoxMap | None = field(default=None, compare=False, repr=False)

    @property
    def pages(self) -> int | None:
        return len(self.page_starts) if self.page_starts else None

    def page_of(self, offset: int) -> int | None:
        """1-based page holding `offset`, or None for formats without pages."""
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))
