"""Rebuilding the cross-reference table of a PDF that was cut short (a broken download or copy).

A PDF ends with its cross-reference table and trailer, so a file cut anywhere loses both, and PDFium and
pdfminer then refuse it whole. The complete objects before the cut are still there: found by their
`N G obj` headers and listed in a new table, they give back the pages whose objects survived; the others
fail one by one and are reported as unreadable. Writers often put the catalog and page tree last (ReportLab
does): when they are gone too, a new catalog lists the page objects found, in file order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CUT_SHORT = "damaged PDF: cross-reference table missing (file cut short?); pages rebuilt from what is left"
OBJECT_HEADER = re.compile(rb"(?<![0-9])(\d{1,7})[ \t\r\n]+(\d{1,5})[ \t\r\n]+obj\b")
CATALOG = re.compile(rb"/Type\s*/Catalog\b")
PAGES_REFERENCE = re.compile(rb"/Pages\s+(\d+)\s+(\d+)\s+R")
PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")
END_OBJECT = b"endobj"
# Object numbers above this are not valid PDF (the format's own limit); such headers are ignored.
MAX_OBJECT_NUMBER = 8_388_607
# A 5,000-page report has some 50,000 objects; a file with this many headers is not rebuilt (memory).
MAX_OBJECTS = 500_000


@dataclass(frozen=True)
class Found:
    number: int
    generation: int
    offset: int
    end: int  # where the next object starts (or the body ends)

    @property
    def reference(self) -> bytes:
        return b"%d %d R" % (self.number, self.generation)


def rebuild_cut_pdf(data: bytes) -> bytes | None:
    """`data` up to its last complete object, with a new cross-reference table and trailer (and a new
    catalog if the file's own is lost); None if no page object survived (nothing a reader could open)."""
    end = data.rfind(END_OBJECT)
    if end < 0:
        return None
    body = data[: end + len(END_OBJECT)]
    found = find_objects(body)
    pages = [f for f in found.values() if PAGE.search(body, f.offset, f.end)]
    if not pages:
        return None
    root = next((f for f in found.values() if CATALOG.search(body, f.offset, f.end)), None)
    tree = PAGES_REFERENCE.search(body, root.offset, root.end) if root else None
    tail = Tail(len(body))  # what is written after the body: the body itself is not copied to append
    if root is None or tree is None or int(tree.group(1)) not in found:
        root = add_catalog(tail, found, sorted(pages, key=lambda f: f.offset))
    return body + with_table(tail, found, root)


def find_objects(body: bytes) -> dict[int, Found]:
    """Every object header in `body` by number (a later copy of an object, an update, wins); none at all
    past MAX_OBJECTS headers, which no real report has: such a file is not rebuilt."""
    headers: list[tuple[int, int, int]] = []
    for match in OBJECT_HEADER.finditer(body):
        if len(headers) == MAX_OBJECTS:
            return {}
        if int(match.group(1)) <= MAX_OBJECT_NUMBER:
            headers.append((int(match.group(1)), int(match.group(2)), match.start()))
    if not headers:
        return {}
    ends = [start for _, _, start in headers[1:]] + [len(body)]
    return {
        number: Found(number, generation, start, end)
        for (number, generation, start), end in zip(headers, ends, strict=True)
    }


class Tail(bytearray):
    """Bytes to append to a body of `base` bytes, knowing the file offset each new byte will have."""

    def __init__(self, base: int) -> None:
        super().__init__()
        self.base = base

    @property
    def offset(self) -> int:
        return self.base + len(self)


def add_catalog(tail: Tail, found: dict[int, Found], pages: list[Found]) -> Found:
    """Append a catalog and a page tree listing `pages`; returns the catalog."""
    catalog, tree = max(found) + 1, max(found) + 2
    kids = b" ".join(page.reference for page in pages)
    for number, content in (
        (catalog, b"<</Type/Catalog/Pages %d 0 R>>" % tree),
        (tree, b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, len(pages))),
    ):
        tail += b"\n"
        start = tail.offset
        tail += b"%d 0 obj\n%s\nendobj" % (number, content)
        found[number] = Found(number, 0, start, tail.offset)
    return found[catalog]


def with_table(tail: Tail, found: dict[int, Found], root: Found) -> bytes:
    """`tail` with a classic cross-reference table (a subsection per object) and a trailer after it."""
    tail += b"\n"
    table = tail.offset
    tail += b"xref\n0 1\n0000000000 65535 f \n"
    for number in sorted(found):
        tail += b"%d 1\n%010d %05d n \n" % (number, found[number].offset, found[number].generation)
    tail += b"trailer\n<</Size %d/Root %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        max(found) + 1,
        root.reference,
        table,
    )
    return bytes(tail)
