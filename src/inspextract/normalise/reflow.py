"""Reflow: a PDF's positioned lines become blocks (paragraphs, headings, list items, contents entries)."""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Sequence

from inspextract.lines import Block, Line
from inspextract.normalise.pagebreaks import BULLET, FINISHED, continues

# A line this much larger than the body text is a heading (render engines use >= 1.1x for subheadings).
HEADING_SIZE_RATIO = 1.08
# A vertical gap between lines above this multiple of the body line pitch starts a new paragraph;
# paragraph spacing in reports is ~1.4x the pitch, line spacing ~1.0x.
PARAGRAPH_GAP_RATIO = 1.25
# A line ending this far (share of the column width) short of the right edge ends its paragraph if it
# also ends a sentence.
SHORT_LINE_SHARE = 0.15
# Lines of one heading are closer than this multiple of its font size (heading leading ~1.3x).
HEADING_LINE_GAP_RATIO = 0.5
# Headings longer than this are body text set large (pull quotes), not headings (words).
HEADING_MAX_WORDS = 20
NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+\S")
CONTENTS_TITLE = re.compile(r"^(?:table of )?contents$", re.I)
CONTENTS_PAGE_NUMBER = re.compile(r"\s\d{1,3}$")


def body_size(lines: Sequence[Line]) -> float:
    """The font size of most of the document's characters."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size, 1)] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def line_pitch(lines: Sequence[Line], size: float) -> float:
    """The usual distance between baselines of consecutive body lines."""
    steps = [
        b.top - a.top
        for a, b in itertools.pairwise(lines)
        if abs(a.size - size) < 0.5 and abs(b.size - size) < 0.5 and 0 < b.top - a.top < 3 * size
    ]
    return statistics.median(steps) if steps else 1.2 * size


def line_kind(line: Line, size: float) -> str:
    """What a line starts: "heading", "bullet", "numbered" or "text"."""
    if line.size > size * HEADING_SIZE_RATIO and len(line.text.split()) <= HEADING_MAX_WORDS:
        return "heading"
    if BULLET.match(line.text):
        return "bullet"
    if NUMBERED.match(line.text):
        return "numbered"
    return "text"


def reflow_page(
    lines: Sequence[Line], size: float, pitch: float, in_contents: bool
) -> tuple[list[Block], bool]:
    """Group one page's lines (reading order, furniture removed) into blocks; also says if contents go on."""
    blocks: list[Block] = []
    right_edge: dict[int, float] = {}
    left_edge: dict[int, float] = {}
    for line in lines:
        right_edge[line.column] = max(right_edge.get(line.column, 0.0), line.x1)
        left_edge[line.column] = min(left_edge.get(line.column, line.x0), line.x0)
    prev: Line | None = None
    for line in lines:
        kind = line_kind(line, size)
        if kind == "heading":
            in_contents = bool(CONTENTS_TITLE.match(line.text.strip()))
        current = blocks[-1] if blocks else None
        if (
            current is None
            or prev is None
            or starts_block(line, kind, prev, current, size, pitch, right_edge)
        ):
            block_kind = {"text": "paragraph"}.get(kind, kind)
            if in_contents and kind != "heading":
                block_kind = "contents"
            elif kind == "text" and line.bold and not FINISHED.search(line.text):
                block_kind = "heading"  # a bold run-in heading at body size
            elif kind == "numbered" and line.x0 > left_edge[line.column] + size:
                block_kind = "paragraph"  # an indented number is inside the text, not a new item
            blocks.append(Block(block_kind, [line]))
        else:
            current.lines.append(line)
        prev = line
    return blocks, in_contents


def starts_block(
    line: Line, kind: str, prev: Line, current: Block, size: float, pitch: float, right_edge: dict[int, float]
) -> bool:
    """Whether `line` begins a new block rather than continuing `current`."""
    if current.kind == "contents":
        # An entry ends at its page number, or at a short line when the next starts like a new entry.
        if CONTENTS_PAGE_NUMBER.search(prev.text) or kind != "text":
            return True
        return is_short(prev, right_edge, size) and not line.text[:1].islower()
    if (kind == "heading") != (current.kind == "heading"):
        return True
    if current.kind == "heading":
        return abs(line.size - prev.size) > 0.5 or line.top - prev.bottom > HEADING_LINE_GAP_RATIO * line.size
    if line.column != prev.column:  # text flowing into the next column: joined if the sentence runs on
        return kind == "bullet" or not continues(prev.text, line.text)
    if kind == "bullet" or (kind == "numbered" and not continues(prev.text, line.text)):
        return True  # a number after an open sentence ("... and the / 15 most recent") is just text
    gap = line.top - prev.top
    if gap > PARAGRAPH_GAP_RATIO * pitch or gap < 0:
        return True
    if current.kind == "bullet" and line.x0 <= current.lines[0].x0 + 1:
        return True  # back at the bullet's own margin: the list item has ended
    if line.bold and not prev.bold and current.kind == "paragraph" and FINISHED.search(prev.text):
        return True
    if not is_short(prev, right_edge, size):
        return False
    if FINISHED.search(prev.text):
        return True
    # A lone short line before a capitalised one is a heading at body size ("1. Introduction").
    return len(current.lines) == 1 and line.text[:1].isupper() and not continues(prev.text, line.text)


def is_short(line: Line, right_edge: dict[int, float], size: float) -> bool:
    """Whether the line stops well short of its column's right edge (the last line of a paragraph)."""
    edge = right_edge.get(line.column, line.x1)
    return edge - line.x1 > max(2 * size, SHORT_LINE_SHARE * (edge - line.x0))
