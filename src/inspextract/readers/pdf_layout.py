"""Page layout: what a PDF engine hands over (positioned words) and how words become reading-order lines."""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from inspextract.char_boxes import AS_SHOWN, Placement, WordBox, WordEnds
from inspextract.lines import Line

# Words whose tops differ by less than this share of the font size sit on the same line (pdfplumber's
# own default y tolerance is 3 pt at ~10 pt type; a ratio keeps it right for large headings too).
SAME_LINE_RATIO = 0.35
# Pieces of a line closer than this share of the font size are one word (a space is ~0.25-0.3 em).
WORD_JOIN_GAP_RATIO = 0.1
# Where a gutter between two columns is looked for, as shares of the page width.
GUTTER_SEARCH = (0.3, 0.7)
# A gutter must be at least this wide (pt) and have at least this many lines on each side.
GUTTER_MIN_WIDTH_PT = 12.0
GUTTER_MIN_LINES = 6
# The gutter line is drawn this far left of the right column's edge (pt).
GUTTER_MARGIN_PT = 3.0
# Lines of a column start at its edge or indented up to this much (bullets, their hanging text).
COLUMN_INDENT_PT = 24.0
# At most this share of a page's lines may cross the gutter (running headers, footers, full-width titles).
GUTTER_MAX_CROSSING_SHARE = 0.08


class Word(NamedTuple):
    """A word on a page; positions in PDF points from the top-left corner (a tuple: pages hold thousands)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    ends: WordEnds | None = None  # when the reader was asked for boxes


@dataclass(frozen=True)
class PageWords:
    """One page as an engine sees it: its size and its words (any order)."""

    number: int  # 1-based
    width: float
    height: float
    words: tuple[Word, ...]
    # How the words' coordinates map onto the page as shown (its crop box, turned as the page says).
    placement: Placement = AS_SHOWN


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
    pieces = [words[0].text]
    for before, word in itertools.pairwise(words):
        # Engines split words where the font changes ("9527" bold, "." regular); touching pieces rejoin.
        if word.x0 - before.x1 >= WORD_JOIN_GAP_RATIO * word.size:
            pieces.append(" ")
        pieces.append(word.text)
    boxes = word_boxes(words) if words[0].ends is not None else None
    sizes = [round(w.size, 1) for w in words]
    bold_chars = sum(len(w.text) for w in words if w.bold)
    return Line(
        text="".join(pieces),
        x0=min(w.x0 for w in words),
        x1=max(w.x1 for w in words),
        top=min(w.top for w in words),
        bottom=max(w.bottom for w in words),
        # Most lines are set in one size; mode() is only needed when they are not.
        size=sizes[0] if sizes.count(sizes[0]) == len(sizes) else statistics.mode(sizes),
        bold=bold_chars * 2 > sum(len(w.text) for w in words),
        boxes=boxes,
    )


def word_boxes(words: list[Word]) -> list[WordBox]:
    """The boxes of `words`, placed in the text `make_line` builds from them (by the same rule, kept apart
    so that reading without boxes pays nothing for them)."""
    boxes = []
    position = 0
    for before, word in zip([None, *words], words, strict=False):
        if before is not None and word.x0 - before.x1 >= WORD_JOIN_GAP_RATIO * word.size:
            position += 1
        ends = word.ends or WordEnds(word.x1, word.top, word.bottom, word.x0, word.top, word.bottom)
        end = position + len(word.text)
        boxes.append(WordBox(position, end, word.x0, word.x1, ends))
        position = end
    return boxes


def find_gutter(page: PageWords) -> float | None:
    """The x just left of a second column's aligned left edge, or None for a single-column page.

    A right column shows as many lines starting at the same x mid-page, each after a wide gap (or
    nothing) to its left; the gutter is accepted only if few lines (headers, footers) cross it.
    """
    lo, hi = page.width * GUTTER_SEARCH[0], page.width * GUTTER_SEARCH[1]
    rows: dict[int, list[Word]] = {}
    for w in page.words:
        rows.setdefault(round(w.top), []).append(w)
    starts: Counter[int] = Counter()
    for row in rows.values():
        row.sort(key=lambda w: w.x0)
        for before, word in zip([None, *row], row, strict=False):
            if lo <= word.x0 <= hi and (before is None or word.x0 - before.x1 >= GUTTER_MIN_WIDTH_PT):
                starts[round(word.x0)] += 1
    if not starts:
        return None
    core, count = max(starts.items(), key=lambda item: (item[1], -item[0]))
    if count < GUTTER_MIN_LINES:
        return None
    # The commonest start may be indented text (bullets); the column edge is the leftmost start near it
    # that no body line crosses.
    for edge in sorted(x for x in starts if core - COLUMN_INDENT_PT <= x <= core):
        gutter = edge - GUTTER_MARGIN_PT
        crossing = sum(1 for w in page.words if w.x0 < gutter < w.x1)
        left = {round(w.top) for w in page.words if w.x1 <= gutter}
        if crossing <= GUTTER_MAX_CROSSING_SHARE * len(rows) and len(left) >= GUTTER_MIN_LINES:
            return gutter
    return None


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
