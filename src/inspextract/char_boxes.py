"""Where the normalised text's characters sit on the PDF's pages: offsets back to character boxes.

A neutral module (it imports nothing of the package): the PDF reader builds a `BoxMap`, `Document` holds it,
and grounding asks it for a quote's boxes. It is built only when asked for (`parse(..., boxes=True)`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

# x0, top, x1, bottom in PDF points, `top`/`bottom` measured down from the top edge of the page.
CharBox = tuple[float, float, float, float]
# Boxes are given to a hundredth of a point: finer than any screen or print shows.
BOX_DECIMALS = 2


class PlacedChar(NamedTuple):
    """A character of the normalised text on its page; `line` tells the printed lines apart."""

    page: int
    line: int
    x0: float
    top: float
    x1: float
    bottom: float


class QuoteBox(NamedTuple):
    """One line-run of a quote: the union of its characters' boxes."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


class BoxMap:
    """One entry per character of the normalised text: its place on the page, or None (a space or line
    break the normalisers put in, which the page does not print)."""

    def __init__(self, entries: Sequence[PlacedChar | None]) -> None:
        self.entries = entries

    def quote_boxes(self, start: int, end: int) -> list[QuoteBox]:
        """The boxes of `text[start:end]`, one per printed line it runs over, in text order."""
        runs: list[list[float]] = []  # page, line, x0, top, x1, bottom
        for char in self.entries[start:end]:
            if char is None:
                continue
            run = runs[-1] if runs else None
            if run is not None and run[0] == char.page and run[1] == char.line:
                run[2], run[3] = min(run[2], char.x0), min(run[3], char.top)
                run[4], run[5] = max(run[4], char.x1), max(run[5], char.bottom)
            else:
                runs.append([char.page, char.line, char.x0, char.top, char.x1, char.bottom])
        return [
            QuoteBox(int(page), *(round(value, BOX_DECIMALS) for value in (x0, top, x1, bottom)))
            for page, _, x0, top, x1, bottom in runs
        ]


def align_boxes(original: str, boxes: Sequence[CharBox | None], normalised: str) -> list[CharBox | None]:
    """The boxes of `original`'s characters carried over to `normalised`, a copy of it with characters
    dropped and white space unified: each character takes the box of the next original character that
    matches it (white space matches white space); one that matches none gets None."""
    out: list[CharBox | None] = []
    j = 0
    for char in normalised:
        while j < len(original) and not (original[j] == char or (char.isspace() and original[j].isspace())):
            j += 1
        if j == len(original):
            out.extend([None] * (len(normalised) - len(out)))
            break
        out.append(boxes[j])
        j += 1
    return out


class PlacedLine(NamedTuple):
    """A printed line as the text holds it: where its text starts, its page, text and character boxes."""

    start: int
    page: int
    text: str
    chars: Sequence[CharBox | None]


def build_box_map(text: str, lines: Sequence[PlacedLine]) -> BoxMap:
    """The map of `text` from the lines placed in it, in text order.

    A later line may overwrite the last character of the one before: the hyphen a re-joined word lost.
    Only characters that are the same in the text and on the line are placed, so a normaliser that changed
    a line can leave a character without a box, never give it a wrong one.
    """
    entries: list[PlacedChar | None] = [None] * len(text)
    for number, line in enumerate(lines):
        for offset, (char, box) in enumerate(zip(line.text, line.chars, strict=False), start=line.start):
            if box is not None and offset < len(text) and text[offset] == char:
                entries[offset] = PlacedChar(line.page, number, *box)
    return BoxMap(entries)
