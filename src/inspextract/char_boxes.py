"""Where the normalised text's characters sit on the PDF's pages: offsets back to character boxes.

A neutral module (it imports nothing of the package): the PDF reader builds a `BoxMap`, `Document` holds it,
and grounding asks it for a quote's boxes. It is built only when asked for (`parse(..., boxes=True)`).

The map is kept per printed line and word, not per character: a word's box and the boxes of its first and
last characters, which the engines read anyway. A quote's boxes are then exact where it starts or
ends at a word's edge or one character inside it (after a quotation mark, before a full stop); deeper inside
a word the characters are taken to share the width between those edges evenly. Reading every character's
box instead costs a library call per character (~300,000 for a 100-page report) and a Python object each.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

# Boxes are given to a hundredth of a point: finer than any screen or print shows.
BOX_DECIMALS = 2


class WordEnds(NamedTuple):
    """What a word's box does not say about its end characters: where the first ends and the last begins,
    and how high each is (a footnote mark at a word's end sits higher than its letters)."""

    first_right: float
    first_top: float
    first_bottom: float
    last_left: float
    last_top: float
    last_bottom: float


class WordBox(NamedTuple):
    """A word's place in a text (`start`, `end`) and on its page, in points in the engine's coordinates
    (x from the left, top and bottom from the top; `Placement` maps them onto the page as shown)."""

    start: int
    end: int
    x0: float
    x1: float
    ends: WordEnds


class QuoteBox(NamedTuple):
    """One line-run of a quote: the union of its characters' boxes."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


class Placement(NamedTuple):
    """How an engine's page coordinates map onto the page as shown: moved by (`dx`, `dy`) onto the crop
    box's top-left corner, then turned by the page's `rotation` (degrees clockwise) within the unturned crop
    box of `width` x `height` points."""

    dx: float = 0.0
    dy: float = 0.0
    rotation: int = 0
    width: float = 0.0
    height: float = 0.0

    def place(self, x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
        """A box (x0, top, x1, bottom) as shown."""
        x0, top, x1, bottom = x0 + self.dx, top + self.dy, x1 + self.dx, bottom + self.dy
        width, height = self.width, self.height
        if self.rotation == 90:  # the top edge turns to the right
            return height - bottom, x0, height - top, x1
        if self.rotation == 180:
            return width - x1, height - bottom, width - x0, height - top
        if self.rotation == 270:  # the top edge turns to the left
            return top, width - x1, bottom, width - x0
        return x0, top, x1, bottom


# The placement of an engine whose coordinates are those of the page as shown already.
AS_SHOWN = Placement()


class PlacedLine(NamedTuple):
    """A printed line as the text holds it: where its text starts, its page, text and words' boxes."""

    start: int
    page: int
    text: str
    words: Sequence[WordBox]


class MappedLine(NamedTuple):
    """A line of the map: `text[start:end]` is the line as printed (less a hyphen a re-joined word lost)."""

    start: int
    end: int
    page: int
    words: Sequence[WordBox]  # `start`, `end` relative to the line's start


def char_left(box: WordBox, k: int) -> float:
    """Left edge of character `k` of a word."""
    length, ends = box.end - box.start, box.ends
    if k == 0:
        return box.x0
    if k == length - 1 or length <= 2:
        return ends.last_left
    return ends.first_right + (k - 1) * (ends.last_left - ends.first_right) / (length - 2)


def char_right(box: WordBox, k: int) -> float:
    """Right edge of character `k` of a word."""
    length, ends = box.end - box.start, box.ends
    if k == length - 1:
        return box.x1
    if k == 0 or length <= 2:
        return ends.first_right
    return ends.first_right + k * (ends.last_left - ends.first_right) / (length - 2)


def run_height(box: WordBox, first: int, last: int) -> tuple[float, float]:
    """Top and bottom of characters `first` to `last` (inclusive) of a word: those of its end characters
    among them; characters inside the word are taken to be as high as its first."""
    ends = box.ends
    if last < box.end - box.start - 1:
        return ends.first_top, ends.first_bottom
    if first > 0:
        return ends.last_top, ends.last_bottom
    return min(ends.first_top, ends.last_top), max(ends.first_bottom, ends.last_bottom)


class BoxMap:
    """The printed lines of the normalised text with their words' boxes, in text order."""

    def __init__(self, lines: list[MappedLine], placements: dict[int, Placement]) -> None:
        self.lines = lines
        self.starts = [line.start for line in lines]
        self.placements = placements

    def quote_boxes(self, start: int, end: int) -> list[QuoteBox]:
        """The boxes of `text[start:end]`, one per printed line it runs over, in text order."""
        boxes = []
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        j = bisect.bisect_left(self.starts, end, lo=i)
        for line in self.lines[i:j]:
            first, last = max(start, line.start) - line.start, min(end, line.end) - line.start
            box = line_run(line.words, first, last)
            if box is not None:
                edges = self.placements.get(line.page, AS_SHOWN).place(*box)
                boxes.append(QuoteBox(line.page, *(round(value, BOX_DECIMALS) for value in edges)))
        return boxes


def line_run(words: Sequence[WordBox], first: int, last: int) -> tuple[float, float, float, float] | None:
    """The box (x0, top, x1, bottom) of characters `first` to `last` (exclusive) of a line, or None if
    they hold no word."""
    inside = [word for word in words if word.start < last and word.end > first]
    if not inside:
        return None
    heights = [
        run_height(word, max(first, word.start) - word.start, min(last, word.end) - 1 - word.start)
        for word in inside
    ]
    head, tail = inside[0], inside[-1]
    x0 = char_left(head, max(first, head.start) - head.start)
    x1 = char_right(tail, min(last, tail.end) - 1 - tail.start)
    return x0, min(top for top, _ in heights), x1, max(bottom for _, bottom in heights)


def realign(original: str, normalised: str, words: Sequence[WordBox]) -> list[WordBox]:
    """`words` of a line moved from `original` onto `normalised`, a copy of it with characters dropped and
    white space unified; a word whose characters all went is dropped."""
    moved: dict[int, int] = {}  # original index -> normalised index
    j = 0
    for i, char in enumerate(normalised):
        while j < len(original) and not (original[j] == char or (char.isspace() and original[j].isspace())):
            j += 1
        if j == len(original):
            break
        moved[j] = i
        j += 1
    out = []
    for word in words:
        kept = [moved[k] for k in range(word.start, word.end) if k in moved]
        if kept:
            out.append(word._replace(start=kept[0], end=kept[-1] + 1))
    return out


def build_box_map(text: str, lines: Sequence[PlacedLine], placements: dict[int, Placement]) -> BoxMap:
    """The map of `text` from the lines placed in it, in text order.

    A line is placed where the text holds it; its last character may have gone: the hyphen of a word
    re-joined with the next line. A line the text does not hold there gets no boxes rather than wrong ones.
    """
    mapped = []
    for line in lines:
        end = line.start + len(line.text)
        if text[line.start : end] != line.text:
            end -= 1
            if not line.text.endswith("-") or text[line.start : end] != line.text[:-1]:
                continue
        mapped.append(MappedLine(line.start, end, line.page, line.words))
    return BoxMap(mapped, placements)
