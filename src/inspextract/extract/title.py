"""The document's own title: a headline or first heading as printed, or a committee paper's "Subject:"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from inspextract.extract.dates import DATE
from inspextract.lexicon import councils, inspectorates
from inspextract.normalise.furniture import is_page_number

# How many lines of the opening to read for a title: a cover page plus a committee paper's label block.
HEAD_LINES = 25
# A headline longer than this (words) is a sentence, not a title; generous for long committee-note titles.
TITLE_MAX_WORDS = 30
# Two printings of the same title (cover and inside page) differ by at most a typo or two.
SAME_TITLE_RATIO = 0.9

# "Subject:", "Report by:", "TN Number:" ... a short label ending in a colon, value on the line or the next.
LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z.'’/&() -]{0,38}?)\s*:\s*(?P<value>.*)$")
REPORT_BY = re.compile(r"^(?:report|paper|note) (?:by|from)\b", re.IGNORECASE)
TITLE_LABELS = {"subject", "title", "report title", "title of report", "subject of report"}
# Last words of the labels committee papers print; a headline such as "Fife: inspectors praise …" is no label.
LABEL_WORDS = {
    "by",
    "subject",
    "title",
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
}
# Lines of a title page that are not its title: protective markings, "Contents", news labels.
FURNITURE = re.compile(
    r"^(?:official(?:[ -]sensitive)?|not protectively marked|contents|"
    r"public|private|confidential|item \d+|agenda item \d+[a-z]?|news|latest news|news release|press release|"
    r"media release|for immediate release|embargoed(?: until)?[^a-z]*|home|skip to (?:main )?content)$",
    re.IGNORECASE,
)
# A committee paper's banner above its title: agenda item and report numbers, the council or committee name,
# a meeting line with its date ("CHILDREN AND LEARNING COMMITTEE – 5 SEPTEMBER 2023").
BANNER = re.compile(
    r"^(?:(?:agenda\s+)?item|report|paper|appendix)(?:\s+(?:no\.?|number))?\s*[\w/.-]*\d[\w/.-]*$"
    r"|^(?:\S+\s+){0,5}(?:council|committee|sub-committee|board|group|partnership|meeting)"
    r"(?:\s*[-–—,:]?\s*(?:\w+day\s+)?\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+(?:19|20)\d\d)?$",
    re.IGNORECASE,
)
# A label glued to the end of a value when a reader joins label/value lines ("… Report Responsible Officer:").
TRAILING_LABEL = re.compile(r"\s+[A-Z][a-z'’]+(?:\s+[A-Za-z'’]+)?:\s*$")
# A running header or title-page copy cut short with an ellipsis ("… has identified areas of good…").
ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*$")
# What may surround a place name on a title line of its own: "in", "the", "Council", "partnership area".
PLACE_REST = re.compile(
    r"(?:(?:in|for|across)\s+)?(?:the\s+)?(?:council|community planning partnership|partnership|cpp)?"
    r"(?:\s+area)?",
    re.IGNORECASE,
)
# Share of a subject's words a headline must repeat to be the fuller form of the same title.
SUBJECT_IN_HEADLINE_SHARE = 0.8
# A title that stops on one of these words continues on the next line ("Services for children in" / "Fife").
OPEN_ENDING = re.compile(r"(?:\b(?:in|of|for|and|the|to|at|on|with|by|from|across)|[-–—:,])$", re.IGNORECASE)


@dataclass(frozen=True)
class Title:
    """The title as printed (white space collapsed) and its span in the text."""

    text: str
    start: int
    end: int


def iter_head_lines(text: str, limit: int = HEAD_LINES) -> Iterator[tuple[int, int]]:
    """(start, end) of the first `limit` non-blank lines, trimmed."""
    pos, seen = 0, 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield pos + lead, pos + lead + len(stripped)
            seen += 1
            if seen >= limit:
                return
        pos += len(line) + 1


def is_furniture(line: str) -> bool:
    """A line of a title page that never is the title: markings, page numbers, a bare date, a logo's name."""
    if FURNITURE.match(line) or is_page_number(line):
        return True
    if DATE.fullmatch(line):
        return True
    # A dated label ("Published: 20 August 2019", "Meeting: 28 September 2022") dates the page, names nothing.
    if (m := LABEL.match(line)) and DATE.fullmatch(m["value"].strip().rstrip(".")):
        return True
    # Logos printed as text: one or more inspectorates' names and nothing else.
    rest = line
    for mention in reversed(inspectorates().find(line)):
        rest = rest[: mention.start] + rest[mention.end :]
    return rest != line and not re.sub(r"\b(?:and|the)\b|[\W_]", "", rest, flags=re.IGNORECASE)


def is_banner(line: str) -> bool:
    """A committee paper's agenda/report number, council or meeting line above its title."""
    return BANNER.match(line) is not None


def is_label(line: str) -> bool:
    """A committee paper's label line ("Report by …", "Meeting: 28 September 2022", "Subject:")."""
    if REPORT_BY.match(line):
        return True
    m = LABEL.match(line)
    return m is not None and (not m["value"].strip() or m["label"].split()[-1].lower() in LABEL_WORDS)


def is_headline(line: str) -> bool:
    """A line that reads as a title: short, and not a sentence ending in a full stop."""
    words = line.split()
    return (
        0 < len(words) <= TITLE_MAX_WORDS
        and not line.rstrip().endswith((".", "?", "!"))
        and line[0].isupper()
    )


def labelled_title(text: str, lines: list[tuple[int, int]]) -> Title | None:
    """The value of a "Subject:" / "Title:" label, on its line or the next."""
    for i, (start, end) in enumerate(lines):
        m = LABEL.match(text[start:end])
        if not m or m["label"].strip().lower() not in TITLE_LABELS:
            continue
        if m["value"].strip():
            v_start, v_end = start + m.start("value"), end
        elif i + 1 < len(lines):
            v_start, v_end = lines[i + 1]
        else:
            return None
        if glued := TRAILING_LABEL.search(text[v_start:v_end]):
            v_end = v_start + glued.start()
        return Title(" ".join(text[v_start:v_end].split()), v_start, v_end)
    return None


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}


def repeats(headline: str, subject: str) -> bool:
    """Does the headline carry (nearly) all of the subject's words?"""
    wanted = content_words(subject)
    return bool(wanted) and len(wanted & content_words(headline)) >= SUBJECT_IN_HEADLINE_SHARE * len(wanted)


def is_cut_copy(line: str, later: list[str]) -> bool:
    """A line cut short with an ellipsis that a later line repeats in full: a copy, not a headline."""
    cut = ELLIPSIS.search(line)
    return cut is not None and any(other.startswith(line[: cut.start()]) for other in later)


def find_title(text: str) -> Title | None:
    """The document's title; None when it opens with a sentence (a press release with no headline)."""
    lines = list(iter_head_lines(text))
    subject = labelled_title(text, lines)
    first: tuple[int, int, int] | None = None  # (line index, start, end) of the first headline-like line
    for i, (start, end) in enumerate(lines):
        line = text[start:end]
        if is_furniture(line) or is_banner(line):
            continue
        # Running headers and title-page copies cut short ("… has identified areas of good…") are skipped.
        if is_cut_copy(line, [text[s:e] for s, e in lines[i + 1 :]]):
            continue
        if is_label(line):
            break
        if is_headline(line):
            first = (i, start, end)
        break
    if subject is not None:
        # A committee paper's labelled subject is its title, unless the paper opens with a fuller headline
        # that repeats it (a technical note's "Technical Notes 2023, Issue 64 - <subject>").
        if first is not None and repeats(text[first[1] : first[2]], subject.text):
            return best_printing(text, Title(" ".join(text[first[1] : first[2]].split()), first[1], first[2]))
        return subject
    if first is None:
        return None
    i, start, end = first
    # A title broken over lines: continue while the line ends open, the next begins in lower case, or the
    # next is only the place the title is about (a cover's "Joint inspection of …" / "Dumfries and Galloway").
    while i + 1 < len(lines):
        nxt_start, nxt_end = lines[i + 1]
        nxt = text[nxt_start:nxt_end]
        open_end = OPEN_ENDING.search(text[start:end]) is not None
        joins = open_end or nxt[:1].islower() or is_place_line(nxt)
        if not joins or not is_headline(nxt) or is_furniture(nxt) or is_label(nxt):
            break
        end, i = nxt_end, i + 1
    return best_printing(text, Title(" ".join(text[start:end].split()), start, end))


def is_place_line(line: str) -> bool:
    """A line that names only a council area, perhaps with its council or partnership ("Fife Council")."""
    mentions = councils().find(line)
    if not mentions:
        return False
    rest = line[: mentions[0].start] + line[mentions[-1].end :]
    return PLACE_REST.fullmatch(rest.strip()) is not None


def best_printing(text: str, title: Title) -> Title:
    """The most often printed form of a title repeated with small differences (a cover-page typo)."""
    best, best_rank = title, printing_rank(text, text[title.start : title.end])
    for start, end in iter_head_lines(text, HEAD_LINES * 2):
        line = text[start:end]
        if (start, end) == (title.start, title.end) or abs(len(line) - len(title.text)) > len(
            title.text
        ) // 5:
            continue
        if is_furniture(line):
            continue
        if SequenceMatcher(None, line.lower(), title.text.lower()).ratio() < SAME_TITLE_RATIO:
            continue
        rank = printing_rank(text, line)
        if rank > best_rank:
            best, best_rank = Title(" ".join(line.split()), start, end), rank
    return best


def printing_rank(text: str, form: str) -> tuple[int, int]:
    """How often a form is printed, then how many of its words recur in the document (a typo does not)."""
    words = set(re.findall(r"\w+", form))
    return text.count(form), sum(1 for word in words if text.count(word) >= 2)
