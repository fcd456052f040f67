"""Positioned lines and the blocks they form: what the PDF reader and the normalisers hand each other.

A neutral module (it imports neither), so that normalise/ never imports readers/.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from inspextract.char_boxes import WordBox


@dataclass
class Line:
    """A line of text in reading order, with the geometry the normalisers use."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # the commonest font size on the line
    bold: bool
    column: int = 0  # 0 single column / left, 1 right column, -1 spanning both columns
    page: int = 0  # 1-based page number, set by the reader
    # The boxes of the line's words, placed in `text`: kept only when asked for.
    boxes: list[WordBox] | None = None


@dataclass
class Block:
    """Lines that read as one unit; `kind` is "paragraph", "heading", "bullet", "numbered" or "contents"."""

    kind: str
    lines: list[Line] = field(default_factory=list)
