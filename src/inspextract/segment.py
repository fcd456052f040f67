"""Segmentation: the normalised text as a list of blocks (headings, paragraphs, list items) with sections."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspextract.document import Document

BULLET = re.compile(r"^(?:[-•–*▪◦·●○■]|\(?[a-z]\)|\(?[ivx]+\))\s+")
NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=\S)")
CONTENTS_ENTRY = re.compile(r"\s\d{1,3}$")
# Longest line that can be a heading without closing punctuation (words).
HEADING_MAX_WORDS = 16


@dataclass(frozen=True)
class Block:
    """One block of the normalised text; `start`/`end` are offsets of `text` (marker excluded)."""

    kind: str  # "heading", "paragraph", "bullet", "numbered", "contents"
    text: str
    start: int
    end: int
    level: int = 0  # heading depth from numbering ("4" -> 1, "4.5" -> 2); bullets: 0
    number: str | None = None
    section: tuple[str, ...] = ()  # the titles of the headings above this block, outermost first


def iter_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def is_heading_line(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= HEADING_MAX_WORDS and line[-1] not in ".,;:!?\"”’'" and line[0].isupper()


def segment(doc: Document) -> list[Block]:
    """Split a document into blocks, each knowing the headings it sits under."""
    blocks: list[Block] = []
    path: list[tuple[int, str]] = []
    for start, end in iter_lines(doc.text):
        line = doc.text[start:end]
        kind, level, number, offset = "paragraph", 0, None, 0
        if m := BULLET.match(line):
            kind, offset = "bullet", m.end()
        elif m := NUMBERED.match(line):
            number, offset = m["num"], m.end()
            level = number.count(".") + 1
            kind = "heading" if is_heading_line(line[offset:]) else "numbered"
        elif is_heading_line(line):
            kind, level = "heading", len(path) + 1 if path else 1
        body = line[offset:]
        if kind == "heading" and CONTENTS_ENTRY.search(body) and "\t" not in body and len(body.split()) > 2:
            kind = "contents"
        section = tuple(title for _, title in path)
        blocks.append(Block(kind, body, start + offset, end, level, number, section))
        if kind == "heading":
            while path and path[-1][0] >= level:
                path.pop()
            path.append((level, body))
    return blocks
