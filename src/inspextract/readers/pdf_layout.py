"""Page layout: what a PDF engine hands over (positioned words) and how words become reading-order lines."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

# Words whose tops differ by less than this share of the font size sit on the same line (pdfplumber's
# own default y tolerance is 3 pt at ~10 pt type; a ratio keeps it right for large headings too).
SAME_LINE_RATIO = 0.35
# Where a gutter between two columns is looked for, as shares of the page width.
GUTTER_SEARCH = (0.3, 0.7)
# A gutter must be at least this wide (pt) and have at least this many lines on each side.
GUTTER_MIN_WIDTH_PT = 6.0
GUTTER_MIN_LINES = 6
# At most this share of a page's words may cross the gutter (running headers, footers, full-width titles).
GUTTER_MAX_CROSSING_SHARE = 0.08


@dataclass(frozen=True)
class Word:
    """A word on a page; positions in PDF points from the top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False


@dataclass(frozen=True)
class PageWords:
    """One page as an engine sees it: its size and its words (any order)."""

    number: int  # 1-based
    width: float
    height: float
    words: tuple[Word, ...]


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


def group_lines(words: list[Word]) -> list[Line]:
    """Words of one column grouped into lines, top to bottom and left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w.top, 1), w.x0)):
        if lines:
            current = lines[-1]
            anchor = current[0]
            if abs(word.top - anchor.top) <= SAME_LINE_RATIO * max(anchor.size, word.size, 1.0):
                current.append(word)
                continue
        lines.append([word])
    return [make_line(sorted(group, key=lambda w: w.x0)) for group in lines]


def make_line(words: list[Word]) -> Line:
    """One line from its words (already left to right)."""
    sizes = [round(w.size, 1) for w in words]
    return Line(
        text=" ".join(w.text for w in words),
        x0=min(w.x0 for w in words),
        x1=max(w.x1 for w in words),
        top=min(w.top for w in words),
        bottom=max(w.bottom for w in words),
        size=statistics.mode(sizes),
        bold=sum(len(w.text) for w in words if w.bold) * 2 > sum(len(w.text) for w in words),
    )


def find_gutter(page: PageWords) -> float | None:
    """The x of a vertical gap that splits the page's body into two columns, or None for one column."""
    if len(page.words) < 2 * GUTTER_MIN_LINES:
        return None
    lo, hi = int(page.width * GUTTER_SEARCH[0]), int(page.width * GUTTER_SEARCH[1])
    # Difference array: +1 where a word starts, -1 after it ends; the running sum counts crossings.
    delta = [0] * (hi - lo + 2)
    for w in page.words:
        start, end = max(lo, int(w.x0)), min(hi, int(w.x1))
        if start <= end:
            delta[start - lo] += 1
            delta[end - lo + 1] -= 1
    crossing, running = [], 0
    for step in delta[:-1]:
        running += step
        crossing.append(running)
    allowed = GUTTER_MAX_CROSSING_SHARE * len(page.words)
    best: tuple[int, int] | None = None  # widest run of x positions few words cross
    run_start = None
    for i, count in enumerate([*crossing, allowed + 1]):
        if count <= allowed and run_start is None:
            run_start = i
        elif count > allowed and run_start is not None:
            if best is None or i - run_start > best[1] - best[0]:
                best = (run_start, i)
            run_start = None
    if best is None or best[1] - best[0] < GUTTER_MIN_WIDTH_PT:
        return None
    gutter = lo + (best[0] + best[1]) / 2
    left = {round(w.top) for w in page.words if w.x1 <= gutter}
    right = {round(w.top) for w in page.words if w.x0 >= gutter}
    if len(left) < GUTTER_MIN_LINES or len(right) < GUTTER_MIN_LINES:
        return None
    return gutter


def page_lines(page: PageWords) -> list[Line]:
    """The page's lines in reading order: spanning lines above, left column, right column, spanning below."""
    words = [w for w in page.words if w.text.strip()]
    gutter = find_gutter(page)
    if gutter is None:
        return group_lines(words)
    left = [w for w in words if w.x1 <= gutter]
    right = [w for w in words if w.x0 >= gutter]
    spanning_words = [w for w in words if w.x0 < gutter < w.x1]
    spanning_tops = {round(w.top) for w in spanning_words}
    # A whole line is spanning when any of its words crosses the gutter (titles, running headers).
    spanning = group_lines([w for w in words if round(w.top) in spanning_tops])
    left_lines = group_lines([w for w in left if round(w.top) not in spanning_tops])
    right_lines = group_lines([w for w in right if round(w.top) not in spanning_tops])
    for line in left_lines:
        line.column = 0
    for line in right_lines:
        line.column = 1
    for line in spanning:
        line.column = -1
    body = left_lines + right_lines
    body_top = min((line.top for line in body), default=0.0)
    above = [line for line in spanning if line.top < body_top]
    below = [line for line in spanning if line.top >= body_top]
    return above + body + below
