"""The document's own title: a headline or first heading as printed, or a committee paper's "Subject:"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from inspextract.extract.dates import DATE
from inspextract.extract.runon import recover_lines
from inspextract.extract.title_page import (
    LABEL,
    after_salutation,
    is_author_line,
    is_date_line,
    is_label,
    is_page_chrome,
    is_snippet,
    item_prefix_end,
    names_inspection,
    title_end,
)
from inspextract.lexicon import councils, inspectorates
from inspextract.normalise.furniture import is_page_number

# How many lines of the opening to read for a title: a cover page plus a committee paper's label block.
HEAD_LINES = 25
# A headline longer than this (words) is a sentence, not a title; generous for long committee-note titles.
TITLE_MAX_WORDS = 30
# Most words of a cover's organisation line above the title ("London Borough of X", "Local area partnership
# report"); a headline is longer.
NAME_LINE_MAX_WORDS = 6
# How far past a cover title cut short its fuller printing may be (characters): the next page's header.
HEAD_CHARS_FOR_COPIES = 1500
# Two printings of the same title (cover and inside page) differ by at most a typo or two.
SAME_TITLE_RATIO = 0.9

TITLE_LABELS = {"subject", "title", "report title", "title of report", "subject of report"}
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
    r"|^agenda\s+item(?:\s+(?:no\.?|number))?\.?$|^issue - meetings$"
    r"|^(?:\S+\s+){0,5}(?:council|committee|sub-committee|board|group|partnership|meeting|motion|minutes)"
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


def is_headline(line: str, *, continued: bool = False) -> bool:
    """A line that reads as a title: short, not a sentence ending in a full stop, and (unless it continues
    the line above) opening with a capital. Headlines may exclaim ("… Inspection Report!")."""
    words = line.split()
    return (
        0 < len(words) <= TITLE_MAX_WORDS
        and not line.rstrip().endswith((".", "?"))
        and (continued or line[0].isupper())
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
    # Lines read from the text with run-on lines broken back (same offsets), so a report copied as one
    # paragraph shows its title line.
    lines = list(iter_head_lines(recover_lines(text)))
    texts = [text[start:end] for start, end in lines]
    subject = labelled_title(text, lines)
    first: tuple[int, int, int] | None = None  # (line index, start, end) of the first headline-like line
    first_banner: int | None = None
    labels_follow = False  # the opening runs into a committee paper's label block
    for i in range(after_salutation(texts), len(lines)):
        line = texts[i]
        if is_banner(line) and first_banner is None:
            first_banner = i
        if is_furniture(line) or is_banner(line) or is_page_chrome(line) or is_date_line(line):
            continue
        # Running headers, title-page copies cut short ("… has identified areas of good…") and a committee
        # paper's author line ("Report of the Director of …") are skipped.
        if is_cut_copy(line, texts[i + 1 :]) or is_snippet(line, texts[i + 1 :]) or is_author_line(line):
            continue
        if is_label(line):
            labels_follow = True
            break
        if is_headline(line):
            first = (i, lines[i][0] + item_prefix_end(line), lines[i][1])
        break
    if subject is not None:
        # A committee paper's labelled subject is its title, unless the paper opens with a fuller headline
        # that repeats it (a technical note's "Technical Notes 2023, Issue 64 - <subject>").
        if first is not None and repeats(text[first[1] : first[2]], subject.text):
            return best_printing(text, Title(" ".join(text[first[1] : first[2]].split()), first[1], first[2]))
        return subject
    if first is None:
        # A page headed only by the council's name and labels ("Highland Council" / "Date: …").
        if labels_follow and first_banner is not None and is_place_line(texts[first_banner]):
            start, end = lines[first_banner]
            return Title(" ".join(texts[first_banner].split()), start, end)
        return None
    i, start, end = first
    # A cover's organisation line above the line naming the inspection ("London Borough of X" /
    # "Inspection of children's services"): the inspection's name is the title.
    if is_name_line(texts[i]) and i + 1 < len(lines) and is_inspection_title(texts[i + 1]):
        i, (start, end) = i + 1, lines[i + 1]
    end = start + title_end(text[start:end])
    # A title broken over lines: continue while the line ends open, the next begins in lower case, or the
    # next is only the place the title is about (a cover's "Joint inspection of …" / "Dumfries and Galloway").
    while i + 1 < len(lines) and end == lines[i][1]:
        nxt_start, nxt = lines[i + 1][0], texts[i + 1]
        open_end = OPEN_ENDING.search(text[start:end]) is not None
        joins = open_end or nxt[:1].islower() or is_place_line(nxt)
        ends = (
            not is_headline(nxt, continued=True) or is_furniture(nxt) or is_label(nxt) or is_page_chrome(nxt)
        )
        if not joins or ends:
            break
        end, i = nxt_start + title_end(nxt), i + 1
    title = Title(" ".join(text[start:end].split()), start, end)
    return best_printing(text, completed(text, title))


def is_name_line(line: str) -> bool:
    """A short cover line that names no inspection: an organisation or a report series above the title."""
    return len(line.split()) <= NAME_LINE_MAX_WORDS and not names_inspection(line)


def is_inspection_title(line: str) -> bool:
    """A headline naming an inspection ("Inspection of Westshire children's services")."""
    return names_inspection(line) and is_headline(line)


def completed(text: str, title: Title) -> Title:
    """A title left open on the cover ("Services for older people in") from its fuller printing nearby."""
    if not OPEN_ENDING.search(title.text):
        return title
    pattern = r"\s+".join(re.escape(word) for word in title.text.split()) + r"\s+(?=\S)"
    for m in re.finditer(pattern, text[: title.end + HEAD_CHARS_FOR_COPIES]):
        if m.start() == title.start:
            continue
        line_end = text.find("\n", m.end())
        rest = text[m.start() : line_end if line_end >= 0 else len(text)]
        end = m.start() + title_end(rest)
        if end > m.end() and is_headline(text[m.start() : end]):
            return Title(" ".join(text[m.start() : end].split()), m.start(), end)
    return title


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
