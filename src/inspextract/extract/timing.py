"""When the inspection happened (fieldwork) and when its report was published."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from inspextract.extract.dates import DATE, Period, find_periods
from inspextract.extract.inspection import load_cues, sentences
from inspextract.extract.runon import recover_lines
from inspextract.extract.title import iter_head_lines
from inspextract.records import DocumentType

# How far before a date its cue may sit ("took place between …", "was published on …"), in characters:
# a clause, long enough for "inspectors looked at a wide range of services in the area between".
CUE_WINDOW_CHARS = 200
# How far after a date that opens its clause the verb may sit: past a list of inspectorates as the subject
# ("Between 6 February and 19 May 2023 the Care Inspectorate, with …, undertook"), in characters.
AFTER_WINDOW_CHARS = 220
# A year that follows a capitalised word is part of a name ("Public Services Reform (Scotland) Act 2010",
# "Technical Notes 2023"), unless the word is a preposition opening a sentence ("In 2014").
NAMED_YEAR = re.compile(
    r"\b(?!(?:In|Since|From|During|By|Until|Of|And|Before|After|Between)\s)[A-Z][\w)]*\s+$"
)
# What may precede a date that opens its clause: a paragraph number and a preposition ("2.1 On").
CLAUSE_OPENING = re.compile(r"^[\d.()\s]*(?:(?:on|in|during|by|at|from|over)\s*)?$", re.IGNORECASE)
# Inspectorate reports print their month of publication on the cover ("May 2015", "Published June 2023").
COVER_DATE = re.compile(
    rf"^(?P<label>(?:report\s+)?published(?:\s+on)?:?\s+)?(?P<date>{DATE.pattern})(?:\s|$)", re.IGNORECASE
)
COVER_LINES = 12
# A letter ("Dear …" near its top) is dated when written: that date is no publication.
SALUTATION = re.compile(r"^Dear\s+\S", re.MULTILINE)
LETTER_HEAD_CHARS = 1500
# A head line holding only a date, perhaps labelled: a web page's own dateline.
DATELINE = re.compile(
    rf"^(?:(?:published|updated|posted|last updated|date)(?:\s+on)?:?\s+)?(?:{DATE.pattern})\s*$",
    re.IGNORECASE,
)
# In a document about a progress review: wording of the original inspection, and of the review's own work.
ORIGINAL_INSPECTION = re.compile(r"\b(?:an?|the|its|our|joint)\s+inspection\b", re.IGNORECASE)
REVIEW_WORK = re.compile(
    r"\breview|\brevisit|\bre-?inspect|\bfollow[- ]?up|\bmonitoring|\breturn", re.IGNORECASE
)
INSPECTION_REPORT = re.compile(r"\binspection\s+report\b", re.IGNORECASE)
# "since 2010" starts a span of time; it dates no event.
SINCE = re.compile(r"\bsince\s*$", re.IGNORECASE)
# How much of a head line is read for a cover date: a title's length (run-on text is one long line).
COVER_LINE_CHARS = 300
# A labelled line states the fieldwork outright: "Inspection dates: 1 to 5 March 2021", "Dates of visit: …".
FIELDWORK_LABEL = re.compile(
    r"\b(?:(?:inspection|visit|fieldwork|on-?site)\s+dates?|dates?\s+of\s+(?:the\s+)?(?:inspection|visit|fieldwork))"
    r"\s*[:\u2013\u2014-]?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Dated:
    """A partial date with the span that states it."""

    value: str
    start: int
    end: int


def date_before(a: str, b: str) -> bool:
    """True when partial date `a` is certainly earlier than `b` (compared at their common precision)."""
    size = min(len(a), len(b))
    return a[:size] < b[:size]


@lru_cache(maxsize=2)  # fieldwork and publication read the same periods
def _periods_with_context(text: str) -> tuple[tuple[Period, str, str], ...]:
    """Every period with the clause before it (since the previous date in its sentence) and the text after."""
    out = []
    for span in sentences(text):
        sentence = text[span.start : span.end]
        prev_end = 0
        periods = find_periods(sentence)
        for i, period in enumerate(periods):
            p_start, p_end = period.start, period.end
            before = sentence[max(prev_end, p_start - CUE_WINDOW_CHARS) : p_start]
            after_limit = periods[i + 1].start if i + 1 < len(periods) else len(sentence)
            after = sentence[p_end:after_limit]
            prev_end = p_end
            if len(period.first or "") == 4 and period.first == period.last and NAMED_YEAR.search(before):
                continue
            shifted = Period(p_start + span.start, p_end + span.start, period.first, period.last)
            out.append((shifted, before, after))
    return tuple(out)


def _last_cue(pattern: re.Pattern[str], text: str) -> int:
    """Offset of the last match of `pattern` in `text`, or -1."""
    starts = [m.start() for m in pattern.finditer(text)]
    return starts[-1] if starts else -1


def is_cued(wanted: re.Pattern[str], other: re.Pattern[str], before: str, after: str) -> bool:
    """Does the clause around a date say `wanted` (fieldwork, publication) rather than `other`?

    The nearest cue before the date decides ("took place between …", "was published on …"); a date that
    opens its clause is decided by the first cue after it ("Between 6 February and 19 May the … undertook").
    """
    wanted_at, other_at = _last_cue(wanted, before), _last_cue(other, before)
    if wanted_at >= 0 or other_at >= 0:
        return wanted_at > other_at
    if not CLAUSE_OPENING.match(before):
        return False
    after = after[:AFTER_WINDOW_CHARS]
    wanted_match, other_match = wanted.search(after), other.search(after)
    return wanted_match is not None and (other_match is None or wanted_match.start() < other_match.start())


def find_fieldwork(text: str, *, is_review: bool = False) -> Period | None:
    """The fieldwork period of this document's inspection: the latest one the text describes.

    A progress review also recounts the original inspection; a report's own fieldwork is the most recent
    inspection activity it describes, so the latest period with fieldwork wording wins. In a document about
    a review, a period said of an inspection and not of the review ("carried out an inspection of services
    between …") is the original inspection's.
    """
    cues = load_cues()
    candidates = []
    for period, before, after in _periods_with_context(text):
        if period.first is None:
            continue
        # "The previous inspection took place in 2019", "a review will be carried out in 2025": not this one.
        if cues["superseded"].search(before) or cues["future"].search(before):
            continue
        if FIELDWORK_LABEL.search(before):
            return period
        if is_review and ORIGINAL_INSPECTION.search(before) and not REVIEW_WORK.search(before + after):
            continue
        if is_cued(cues["fieldwork"], cues["publication"], before, after):
            # Activity said to be inspecting ("the inspection took place", "inspectors visited") outranks
            # other dated activity ("a self-evaluation was carried out").
            about = cues["inspection_context"].search(before + after[:AFTER_WINDOW_CHARS]) is not None
            candidates.append((about, period))
    if not candidates:
        return _title_range(text)
    return max(candidates, key=lambda c: (c[0], c[1].first or "", -c[1].start))[1]


def _title_range(text: str) -> Period | None:
    """A report titled with the days of its inspection ("Report on X Prison 6–17 May 2019"): a range of
    days in the first line is the fieldwork (a single month there is the publication)."""
    for start, end in iter_head_lines(text, 1):
        for period in find_periods(text[start:end], start):
            if period.first and period.last and period.first != period.last and len(period.first) == 10:
                return period
    return None


def find_published(
    text: str,
    doc_type: DocumentType,
    fieldwork_end: str | None,
    fieldwork_start: str | None = None,
    *,
    is_review: bool = False,
) -> Dated | None:
    """When the report the document is about was published; None when no year is printed.

    A publication date earlier than the fieldwork belongs to an earlier inspection and is skipped; so is,
    in a document about a progress review, the date of "the inspection report" the review follows up.
    """
    floor = fieldwork_end or fieldwork_start

    def acceptable(value: str | None) -> bool:
        return value is not None and not (floor and date_before(value, floor))

    is_report = doc_type in (DocumentType.inspection_report, DocumentType.progress_review)
    if is_report and (cover := _cover_date(text, acceptable)) is not None:
        return cover
    cues = load_cues()
    # A page's own dateline ("Published: 24 May 2023" atop a news page) dates the page, not the report.
    datelines = [] if is_report else _datelines(text)
    for period, before, after in _periods_with_context(text):
        if cues["superseded"].search(before) or SINCE.search(before):
            continue
        if is_review and INSPECTION_REPORT.search(before):
            continue
        if any(start <= period.start < end for start, end in datelines):
            continue
        if is_cued(cues["publication"], cues["fieldwork"], before, after) and acceptable(period.first):
            return Dated(period.first or "", period.start, period.end)
    return None


def _datelines(text: str) -> list[tuple[int, int]]:
    """Head lines that hold only a date, possibly labelled ("Published: 24 May 2023", "19 November")."""
    return [
        (start, end) for start, end in iter_head_lines(text, COVER_LINES) if DATELINE.match(text[start:end])
    ]


def _cover_date(text: str, acceptable: Callable[[str | None], bool]) -> Dated | None:
    """A report's cover prints its month of publication: on a line of its own ("May 2015", "Published
    June 2023"), or after the title where the cover's lines ran together ("… in X May 2015 Contents")."""
    heads = list(iter_head_lines(recover_lines(text), COVER_LINES))
    is_letter = SALUTATION.search(text, 0, LETTER_HEAD_CHARS) is not None
    for start, end in heads:
        m = COVER_DATE.match(text[start:end])
        # A letter's date ("31 August 2021" above "Dear …") is when it was written, not published.
        if m and not (is_letter and not m["label"]):
            cover = find_periods(m["date"])
            if cover and acceptable(cover[0].first):
                return Dated(cover[0].first or "", start + m.start("date"), start + m.end("date"))
    fieldwork = load_cues()["fieldwork"]
    for start, end in [] if is_letter else heads:
        end = min(end, start + COVER_LINE_CHARS)
        for period in find_periods(text[start:end], start):
            before = text[start : period.start]
            # A single month or day, not a range of fieldwork nor a date the line says is fieldwork.
            if period.first != period.last or len(period.first or "") < len("YYYY-MM"):
                continue
            if fieldwork.search(before) or FIELDWORK_LABEL.search(before) or not acceptable(period.first):
                continue
            return Dated(period.first or "", period.start, period.end)
    return None
