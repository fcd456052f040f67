"""Page furniture: running headers, footers and page numbers, found by repetition and position.

The one home of these rules: the PDF reader drops furniture by position (`find_furniture`) and by text
(`is_numbered_repeat`), the text normaliser drops running headers (`strip_text_furniture`), segmentation
marks what is left (`find_text_furniture`) and the title finder skips page numbers (`is_page_number`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from inspextract.lines import Line

# Running headers and footers sit in these bands at the top and bottom of a page (share of its height);
# report templates put them within the outer ~8 %, so 12 % leaves room without reaching body text.
FURNITURE_BAND_SHARE = 0.12
# Only the first/last few lines of a page are candidates (a header can be two lines: title + rule text).
FURNITURE_LINES_PER_EDGE = 2
# A band line is running furniture when its digit-masked text recurs on at least this share of pages
# (odd/even headers each appear on half the pages)...
REPEAT_MIN_SHARE = 0.3
# ... and on at least this many pages.
REPEAT_MIN_PAGES = 2
PAGE_LABEL = re.compile(r"^page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_DIGITS = re.compile(r"\d+")
# A line that labels a date ("Inspection dates: 4 to 8 May 2015", "Date of publication: May 2015") states
# content: a PDF holding two reports prints it at the top of each, where it looks like a running header.
DATE_LABEL_LINE = re.compile(r"^[^:]{0,40}\b(?:dates?|published|publication)\b[^:]{0,40}:\s*\S", re.I)
# A line ending in a month and year ends in a date, not in a page number.
ENDS_WITH_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d\d$", re.I
)
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", re.I
)


def furniture_key(text: str) -> str:
    """The text with digits masked and case and spacing folded, so "Page 3 of 9" matches "Page 4 of 9"."""
    return " ".join(_DIGITS.sub("#", text.translate(_SUPERSCRIPT_DIGITS)).lower().split())


def is_page_number(text: str) -> bool:
    """A line that is only a page number ("12", "Page 3 of 9", "- 4 -", "iv")."""
    return bool(PAGE_NUMBER.match(text.translate(_SUPERSCRIPT_DIGITS).strip()))


def edge_lines(lines: Sequence[Line], height: float) -> list[int]:
    """Indexes of the lines at the top or bottom of a page that lie within the furniture bands."""
    top = list(range(min(FURNITURE_LINES_PER_EDGE, len(lines))))
    bottom = list(range(max(0, len(lines) - FURNITURE_LINES_PER_EDGE), len(lines)))
    candidates = []
    for i in sorted(set(top) | set(bottom)):
        line = lines[i]
        in_band = line.top < height * FURNITURE_BAND_SHARE or line.bottom > height * (
            1 - FURNITURE_BAND_SHARE
        )
        # "Page 3 of 9" is a page label wherever a short page leaves it; a bare "3" only in the bands.
        if in_band or PAGE_LABEL.match(line.text.strip()):
            candidates.append(i)
    return candidates


def find_furniture(pages: Sequence[tuple[Sequence[Line], float]]) -> list[set[int]]:
    """For each page (its lines by vertical position, page height), the indexes of furniture lines.

    The first page (the title page) loses only footers and page numbers: its title often repeats as
    later pages' running header, and there it is the title, not furniture. A line that labels a date keeps
    its first copy: the dates of an inspection must not be lost with their repeats.
    """
    by_position = [sorted(range(len(lines)), key=lambda i: lines[i].top) for lines, _ in pages]
    candidates: list[list[int]] = []
    seen: Counter[str] = Counter()
    for (lines, height), order in zip(pages, by_position, strict=True):
        ordered = [lines[i] for i in order]
        found = [order[i] for i in edge_lines(ordered, height)]
        candidates.append(found)
        seen.update({furniture_key(lines[i].text) for i in found})
    threshold = max(REPEAT_MIN_PAGES, REPEAT_MIN_SHARE * len(pages))
    furniture: list[set[int]] = []
    stated: set[str] = set()  # labelled date lines already kept once
    for number, ((lines, height), found) in enumerate(zip(pages, candidates, strict=True), start=1):
        drop = set()
        for i in found:
            line = lines[i]
            key = furniture_key(line.text)
            if DATE_LABEL_LINE.match(line.text) and key not in stated:
                stated.add(key)
                continue
            repeated = seen[key] >= threshold
            if number == 1 and line.top < height * FURNITURE_BAND_SHARE and not is_page_number(line.text):
                continue  # the title page's top is its title, not a running header
            if (repeated and len(pages) > 1) or is_page_number(line.text):
                drop.add(i)
        if len(drop) == len(lines):  # a page of nothing but "furniture" is a page of repeated content
            drop = {i for i in drop if is_page_number(lines[i].text)}
        furniture.append(drop)
    return furniture


_LEADING_NUMBER = re.compile(r"^([0-9⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})\s+(\S.*)$")
_TRAILING_NUMBER = re.compile(r"^(\S.*?)\s+([0-9]{1,4})$")
# A running header repeats a title: at least this many words, so "4 Findings" (a heading) is never taken.
TEXT_FURNITURE_MIN_WORDS = 4


def is_numbered_repeat(line: str, whole: Counter[str], masked: Counter[str]) -> bool:
    """A page number plus a title repeated elsewhere: `whole`/`masked` count the document's lines."""
    stripped = " ".join(line.split())
    m = _LEADING_NUMBER.match(stripped) or _TRAILING_NUMBER.match(stripped)
    if not m:
        return False
    rest = m.group(2) if m.re is _LEADING_NUMBER else m.group(1)
    if len(rest.split()) < TEXT_FURNITURE_MIN_WORDS:
        return False
    if m.re is _TRAILING_NUMBER and ENDS_WITH_DATE.search(stripped):  # "… 8 May 2015" ends in a year
        return False
    # A trailing number alone could be a contents entry ("Area for improvement 1: ... 5"), so there the
    # whole line must recur with other numbers.
    return (m.re is _LEADING_NUMBER and whole[rest] >= 1) or masked[furniture_key(stripped)] >= 2


def line_counts(lines: Sequence[str]) -> tuple[Counter[str], Counter[str]]:
    """How often each line occurs, as is and with digits masked."""
    whole = Counter(" ".join(line.split()) for line in lines if line.strip())
    masked = Counter(furniture_key(line) for line in lines if line.strip())
    return whole, masked


def find_text_furniture(lines: Sequence[str]) -> set[int]:
    """Indexes of the lines that are lone page numbers or running headers (`is_numbered_repeat`)."""
    whole, masked = line_counts(lines)
    return {
        i
        for i, line in enumerate(lines)
        if (is_page_number(line) and len(lines) > 1) or is_numbered_repeat(line, whole, masked)
    }


def strip_text_furniture(text: str) -> str:
    """Remove running-header lines left in text converted from a PDF: a page number plus a repeated line.

    "14 Services for children ... area" is furniture when "Services for children ... area" (the title)
    is a line elsewhere in the document, or when the line recurs with other page numbers.
    """
    lines = text.split("\n")
    whole, masked = line_counts(lines)
    return "\n".join(line for line in lines if not is_numbered_repeat(line, whole, masked))
