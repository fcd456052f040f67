"""Helpers shared by the markup readers (HTML, DOCX): assembling blocks into the plain normalised shape."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from inspextract.normalise import normalise_text

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

    def render(self) -> tuple[str, list[str]]:
        """The blocks as normalised text (and the normaliser's warnings)."""
        parts: list[str] = []
        previous = ""
        for kind, text in self.blocks:
            if parts:
                parts.append("\n" if kind == previous and kind in LINE_KINDS else "\n\n")
            parts.append(text)
            previous = kind
        return normalise_text("".join(parts))

    @property
    def word_count(self) -> int:
        return sum(len(text.split()) for _, text in self.blocks)
