"""The normalised text as HTML, each item's span marked.

Spans overlap and nest (a finding inside an area's text, two dates on one phrase), which HTML elements
cannot do. So the text is cut at every span boundary, and each piece covered by one or more items becomes
one `<mark data-i="3 7">` listing them all: an item's span is the run of marks whose list holds it, and
these marks are contiguous and their text joined is the item's quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape

from inspextract.review.items import Item

# Characters HTML cannot carry as they are: C0 controls other than tab and line ends (a browser drops NUL,
# which PDF text in unmapped fonts holds) and lone surrogates (which UTF-8 cannot encode).
UNSHOWABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def visible(char: str) -> str:
    """One character in its place: a control as its Control Pictures symbol (NUL → ␀), else U+FFFD."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def show(text: str) -> str:
    """Text for HTML, escaped, every character kept one for one (so a span's length is its quote's)."""
    return escape(UNSHOWABLE.sub(lambda found: visible(found.group()), text))


def boundaries(items: Sequence[Item], page_starts: Iterable[int], length: int) -> list[int]:
    points = {0, length}
    for item in items:
        points.update((item.start, item.end))
    points.update(start for start in page_starts if 0 < start < length)
    return sorted(points)


def dominant(covering: Iterable[Item]) -> Item:
    """The item whose colour a piece takes: the shortest (most specific) span, first in the list on ties."""
    return min(covering, key=lambda item: (item.end - item.start, item.index))


def mark(piece: str, covering: list[Item]) -> str:
    ids = " ".join(str(item.index) for item in covering)
    kind = dominant(covering).kind
    return f'<mark class="k-{kind}" data-i="{ids}">{show(piece)}</mark>'


def marked_text(text: str, items: Sequence[Item], page_starts: Sequence[int] = ()) -> str:
    """The text as HTML: marks for the items' spans, an empty page-break element where each page starts."""
    starts_at: dict[int, list[Item]] = {}
    for item in items:
        starts_at.setdefault(item.start, []).append(item)
    page_at = {start: page for page, start in enumerate(page_starts, start=1) if page > 1}
    active: dict[int, Item] = {}
    out: list[str] = []
    points = boundaries(items, page_starts, len(text))
    for here, there in zip(points, [*points[1:], len(text)], strict=True):
        for index in [i for i, item in active.items() if item.end <= here]:
            del active[index]
        if here in page_at:
            out.append(f'<span class="pb" data-page="{page_at[here]}"></span>')
        opening = starts_at.get(here, [])
        for item in opening:
            if item.end == here:  # an empty span still gets its own (empty) mark, so it can be found
                out.append(mark("", [item]))
            else:
                active[item.index] = item
        if here >= there:
            continue
        piece = text[here:there]
        if active:
            out.append(mark(piece, sorted(active.values(), key=lambda item: item.index)))
        else:
            out.append(show(piece))
    return "".join(out)
