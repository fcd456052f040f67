"""Lines of a title page or web page above the title that are not it, and where a printed title ends.

Kinds of document that motivate these: copies on document-sharing sites (page labels "Page 1: …", snippets
cut with "…"), web pages (image descriptions left by screen-reader text), letters (the address block above
"Dear …"), committee papers (agenda item numbers, a meeting's own line), and report covers that print the
title, its date and "Report of a joint inspection" on one line.
"""

from __future__ import annotations

import re

from inspextract.extract.runon import MONTH_NAME, SENTENCE_WORD_BEFORE_DATE, TITLE_DATE

# "Subject:", "Report by:", "TN Number:" ... a short label ending in a colon, value on the line or the next.
LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z.'’/&() -]{0,38}?)\s*:\s*(?P<value>.*)$")
REPORT_BY = re.compile(r"^(?:report|paper|note) (?:by|from)\b", re.IGNORECASE)
# Last words of the labels committee papers print; a headline such as "Fife: inspectors praise …" is no label.
LABEL_WORDS = {
    "by",
    "subject",
    "title",
    "heading",
    "matter",
    "date",
    "meeting",
    "committee",
    "number",
    "no",
    "no.",
    "officer",
    "officers",
    "author",
    "contact",
    "purpose",
    "item",
    "ward",
    "wards",
    "publication",
    "details",
    "group",
    "board",
    "classification",
    "status",
    "version",
    "from",
    "to",
    "ref",
    "reference",
    "council",
    "cabinet",
    "forum",
    "panel",
    "partnership",
    "report",
    "summary",
    "department",
    "service",
    "directorate",
    "appendices",
    "agenda",
}
# A document-sharing site's label before each page's text ("Page 1: Joint inspection of …").
PAGE_LABEL = re.compile(r"^page \d+\s*:", re.IGNORECASE)
# A snippet's cut ("joint inspection of services to … · to assess …") and the least it must keep (characters)
# to be recognised as the start of a later line.
SNIPPET_CUT = re.compile(r"\s*(?:…|\.\.\.)")
SNIPPET_MIN_CHARS = 20
# A web page's picture left as its description ("Council logo", "Description automatically generated").
IMAGE_TEXT = re.compile(
    r"\blogo\b|\bplaceholder image\b|^(?:image|photo|picture)\b|description automatically generated"
    r"|\bpdf icon\b|^image (?:copyright|caption)",
    re.IGNORECASE,
)
# A date alone on its line, in any case ("19 NOVEMBER 2019", "November 2008").
DATE_LINE = re.compile(
    rf"^(?:\w+day,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_NAME},?\s+(?:19|20)\d\d$", re.IGNORECASE
)
# A letter's salutation: its title is the first heading after it, not a line of the address block.
SALUTATION = re.compile(r"^dear\s+\S", re.IGNORECASE)
# A committee paper's item number before the title on the same line ("Item 8.2 External audit of …").
ITEM_PREFIX = re.compile(
    r"^(?:agenda\s+)?item\s+(?:no\.?\s*)?\d+(?:\.\d+)*[a-z]?\s*[:.–-]?\s+", re.IGNORECASE
)
# A line that names an inspection or its report: on a report cover it is the title, not the council's name.
NAMES_INSPECTION = re.compile(
    r"^(?:\S+\s+){0,3}(?:(?:re-?)?inspection|focused visit|progress review|review)\s+(?:of|to|on)\b"
    r"|^report\s+(?:of|on)\b",
    re.IGNORECASE,
)
# A committee paper's author line ("Report of the Cabinet Member for …"): it sits above the title.
INSPECTION_WORD = re.compile(r"inspect|review|visit", re.IGNORECASE)
HEADING_MAX_WORDS = 30  # a longer line is a sentence (as for a headline)
AUTHOR_LINE = re.compile(r"^(?:report|paper|note)\s+(?:of|by|from)\s+(?:the\s+)?[A-Z]", re.IGNORECASE)


def is_label(line: str) -> bool:
    """A committee paper's label line ("Report by …", "Meeting: 28 September 2022", "Subject:")."""
    if REPORT_BY.match(line):
        return True
    m = LABEL.match(line)
    return m is not None and (not m["value"].strip() or m["label"].split()[-1].lower() in LABEL_WORDS)


# A web page's navigation: a breadcrumb trail ("Home > News > …") and sharing links ("Share this page").
WEB_CHROME = re.compile(
    r"^home\s*(?:[>/»|›]|$)|\s[>»›]\s|^share (?:this|on)\b"
    r"|^(?:facebook|twitter|x|linkedin|whatsapp|email|print|share|tweet)$",
    re.IGNORECASE,
)


def is_page_chrome(line: str) -> bool:
    """A document-sharing page label, a picture's description or a web page's navigation: never the title."""
    return any(pattern.search(line) for pattern in (PAGE_LABEL, IMAGE_TEXT, WEB_CHROME))


def is_snippet(line: str, later: list[str]) -> bool:
    """A search or sharing site's snippet of a later line, cut with an ellipsis ("joint inspection of
    services to … · to assess …"), or the next line cut and ended by a stray word ("… and young advert")."""
    if (cut := SNIPPET_CUT.search(line)) is not None:
        start, candidates = line[: cut.start()].strip().lower(), later
    else:
        start, candidates = " ".join(line.split()[:-1]).lower(), later[:1]
    return len(start) >= SNIPPET_MIN_CHARS and any(
        other.lower().startswith(start) and other.lower() != line.lower() for other in candidates
    )


# A web page's date stamp: "Published 3 May 2031 | 10:15", "Posted: Tue 3 May 2031", "3 May 2031 at 10:15".
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"
_SHORT_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATE_STAMP = re.compile(
    rf"^(?:(?:first |last )?(?:published|posted|updated|modified)(?: on)?:?\s+)?(?:{_DAY})?"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_SHORT_MONTH},?\s+(?:19|20)\d\d"
    r"(?:\s*(?:,|\||at|-|–)?\s*\d{1,2}[:.]\d\d(?:\s*[ap]m)?(?:\s*(?:bst|gmt))?)?$",
    re.IGNORECASE,
)
# A news item's byline above its headline: "By Jane Smith", "Staff reporter", "Jo Bell, Health Correspondent".
BYLINE = re.compile(
    r"^(?i:by)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}(?:\s*[,|].*)?$"
    r"|^[^.!?]{0,50}\b(?i:reporter|correspondent)$"
)


def is_date_line(line: str) -> bool:
    """A line holding only a date, capitals included, or a web page's date stamp."""
    return DATE_LINE.match(line.strip()) is not None or DATE_STAMP.match(line.strip()) is not None


def is_author_line(line: str) -> bool:
    """A committee paper's "Report of/by …" line naming who reports, not what about, or a news byline."""
    names_author = AUTHOR_LINE.match(line) is not None and not INSPECTION_WORD.search(line)
    return names_author or BYLINE.match(line) is not None


def heading_after_labels(lines: list[str], start: int) -> int | None:
    """Index of the line below a committee paper's label block that names an inspection, review or visit
    ("Joint inspection of …" under "To:" / "On:" / "Report by:"), or None when another line comes first."""
    for i in range(start, len(lines)):
        line = lines[i]
        if is_label(line) or is_date_line(line) or is_page_chrome(line):
            continue
        is_heading = 0 < len(line.split()) <= HEADING_MAX_WORDS and not line.rstrip().endswith((".", "?"))
        return i if is_heading and line[0].isupper() and INSPECTION_WORD.search(line) else None
    return None


def names_inspection(line: str) -> bool:
    """The line names an inspection or a report of one ("Inspection of …", "Focused visit to …")."""
    return NAMES_INSPECTION.match(line) is not None


def after_salutation(lines: list[str]) -> int:
    """Index of the first line after a letter's "Dear …" line, or 0 when there is none."""
    for i, line in enumerate(lines):
        if SALUTATION.match(line):
            return i + 1
    return 0


def item_prefix_end(line: str) -> int:
    """Length of an agenda item number opening the line ("Item 8.2 "), 0 when there is none."""
    m = ITEM_PREFIX.match(line)
    return m.end() if m and m.end() < len(line) else 0


# A news page's picture credit run into the headline's line by reflow ("… services image copyrightGetty").
IMAGE_CREDIT = re.compile(r"\s+image (?:copyright|caption)", re.IGNORECASE)
# A page's running footer run into a title printed as a header ("… in Northtown Page 2 of 40").
PAGE_FOOTER = re.compile(r"\s+page \d+ of \d+\b", re.IGNORECASE)
# A footnote's mark glued to a title's last word ("… children board1").
FOOTNOTE_MARK = re.compile(r"(?<=[a-z]{2})\d$")


def title_end(line: str) -> int:
    """Where a title printed on one line with its cover date ends ("… in Fife 30 May 2014 Report of …")."""
    for furniture in (IMAGE_CREDIT, PAGE_FOOTER, FOOTNOTE_MARK):
        if cut := furniture.search(line):
            line = line[: cut.start()]
    for m in TITLE_DATE.finditer(line):
        # A date after a preposition or a verb ("published 14 June") is part of a headline's sentence; a
        # range ("Report on HMP X 6-17 August 2018") is not a cover date and does not match.
        if not SENTENCE_WORD_BEFORE_DATE.search(line[max(0, m.start() - 20) : m.start()]):
            return m.start()
    return len(line)
