"""`Line`: a line of positioned text, what the PDF reader hands to the normalisers (no imports of either)."""

from __future__ import annotations

from dataclasses import dataclass


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
