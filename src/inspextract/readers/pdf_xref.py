"""A cheap look at a PDF's cross-reference table, to say when PDFium silently rebuilt a wrong one.

PDFium repairs a table whose offsets are wrong by scanning the file, and says nothing: the record is fine,
but the user should know the file is damaged (pdfplumber's engine warns as it repairs). Only a classic
table (`xref` keyword) is checked; an xref stream (PDF 1.5+) would need decoding and is taken on trust.
"""

from __future__ import annotations

import re

XREF_DAMAGED = "damaged PDF: cross-reference table was wrong; pages recovered by scanning"
# The end of the file: "startxref <offset> %%EOF", possibly followed by a little junk.
STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF")
TAIL_BYTES = 2048
# A subsection header ("0 11") and its 20-byte entries ("0000000118 00000 n \n").
SUBSECTION = re.compile(rb"\s*(\d+)\s+(\d+)\s*?[\r\n]+")
ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])[ \t]*[\r\n]+")
OBJECT_HEAD = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj\b")
# Enough in-use entries to catch a shifted or garbled table without reading a huge one.
ENTRIES_CHECKED = 32


def xref_warning(data: bytes) -> str | None:
    """XREF_DAMAGED if the classic table the file ends with points at the wrong places, else None."""
    # The last one counts: incremental updates append their own.
    match = next(reversed(list(STARTXREF.finditer(data, max(0, len(data) - TAIL_BYTES)))), None)
    if match is None:
        return None  # no trailer to check: PDFium's own errors speak for such a file
    # Offsets count from the %PDF header; readers also accept them counted from the first byte.
    bases = sorted({0, max(0, data.find(b"%PDF-"))})
    start = int(match.group(1))
    for base in bases:
        if data.startswith(b"xref", base + start):
            return None if entries_point_at_objects(data, base + start + 4, bases) else XREF_DAMAGED
    if any(OBJECT_HEAD.match(data, base + start) for base in bases):
        return None  # an xref stream object: not checked
    return XREF_DAMAGED


def entries_point_at_objects(data: bytes, pos: int, bases: list[int]) -> bool:
    """Whether the first in-use entries of the table at `pos` each point at their object's header."""
    checked = 0
    while checked < ENTRIES_CHECKED:
        header = SUBSECTION.match(data, pos)
        if header is None:
            return True  # the "trailer" keyword (or an unusual layout): nothing more to check
        first, count = int(header.group(1)), int(header.group(2))
        pos = header.end()
        for number in range(first, first + count):
            entry = ENTRY.match(data, pos)
            if entry is None:
                return False  # a table that is not what its header says
            pos = entry.end()
            if entry.group(3) != b"n":
                continue
            offset, generation = int(entry.group(1)), int(entry.group(2))
            if not any(points_at(data, base + offset, number, generation) for base in bases):
                return False
            checked += 1
            if checked >= ENTRIES_CHECKED:
                break
    return True


def points_at(data: bytes, offset: int, number: int, generation: int) -> bool:
    head = OBJECT_HEAD.match(data, offset)
    return head is not None and int(head.group(1)) == number and int(head.group(2)) == generation
