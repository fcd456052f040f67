"""Helpers shared by the markup readers (HTML, DOCX): assembling blocks into the plain normalised shape."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from inspextract.document import BlockSpan
from inspextract.normalise import normalise_whitespace
from inspextract.normalise.pagebreaks import continues

# A table's first cell that is a label ("Report by:", "TN Number:") is joined to its value with a space,
# so that committee papers' header tables read as the same "Label: value" line a text export gives.
LABEL_CELL = re.compile(r"[:：]\s*$")
CELL_SEPARATOR = " | "
_SPACE_RUN = re.compile(r"[ \t\r\n\f\v]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Block kinds that sit on consecutive lines (a list, a table); every other block has a blank line around it.
LINE_KINDS = frozenset({"item", "row"})


def join_cells(cells: list[str]) -> str:
    """One table row as one line: "Label: value" for label/value rows, else cells joined with " | "."""
    cells = [c for c in (" ".join(cell.split()) for cell in cells) if c]
    if len(cells) == 2 and LABEL_CELL.search(cells[0]):
        return f"{cells[0]} {cells[1]}"
    return CELL_SEPARATOR.join(cells)


@dataclass
class BlockWriter:
    """Collects blocks (heading, paragraph, list item, table row) and renders the normalised text."""

    blocks: list[tuple[str, str]] = field(default_factory=list)

    def add(self, kind: str, text: str, prefix: str = "") -> None:
        """Add one block; inline whitespace is collapsed, line breaks kept, empty blocks dropped."""
        lines = [_SPACE_RUN.sub(" ", _CONTROL.sub("", line)).strip() for line in text.split("\n")]
        body = "\n".join(line for line in lines if line)
        if body:
            self.blocks.append((kind, prefix + body))

    def render(self) -> tuple[str, tuple[BlockSpan, ...]]:
        """The blocks as normalised text, and where each block lies in it.

        Each block is normalised on its own: the readers know where blocks start and end, so no running
        header is looked for and only a paragraph that `continues` another is joined to it.
        """
        text, previous = "", ""
        spans: list[BlockSpan] = []
        for kind, body in self.blocks:
            body = "\n".join(line for line in normalise_whitespace(body).split("\n") if line)
            if not body:
                continue
            if kind == previous == "paragraph" and body[0].islower() and continues(text, body):
                # A paragraph broken mid-sentence (a manual page break in Word) is one paragraph.
                text += f" {body}"
                spans[-1] = spans[-1]._replace(end=len(text))
                continue
            if text:
                text += "\n" if kind == previous and kind in LINE_KINDS else "\n\n"
            spans.append(BlockSpan(kind, len(text), len(text) + len(body)))
            text += body
            previous = kind
        return text, tuple(spans)

    @property
    def word_count(self) -> int:
        return sum(len(text.split()) for _, text in self.blocks)
