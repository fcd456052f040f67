"""Partial dates ("May 2016", "8 December 2014") and periods ("between October 2022 and February 2023").

Values are partial ISO dates, only as precise as the text: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
A date printed without a year has no value: the year is never guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" + (
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)"
_SEASON = r"(?:spring|summer|autumn|winter|early|late|mid-?)"

# A date: "8 December 2014", "Tuesday 20 August", "December 8, 2014", "May 2016", "spring 2019", "2014",
# "18/04/2023". Month names must be capitalised so the verb "may" is never a month.
DATE = re.compile(
    rf"(?<![\w/])(?:{_WEEKDAY}?(?P<day>{_DAY})(?:\s+of)?\s+(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?"
    rf"|(?P<month2>{_MONTH})\s+(?P<day2>{_DAY}),?\s+(?P<year2>{_YEAR})"
    rf"|(?P<month3>{_MONTH})(?:,?\s+(?P<year3>{_YEAR}))?"
    rf"|(?P<nday>\d{{1,2}})/(?P<nmonth>\d{{1,2}})/(?P<nyear>{_YEAR})"
    rf"|(?:(?i:{_SEASON})\s+)?(?P<year4>{_YEAR}))(?![\w/])",
)
# Words that join the two ends of a period; the first end may borrow month and year from the second.
RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|and|through|through to)\s*")
LEAD_CHARS = 40  # longest lead-in before a date: "during the week commencing on " is 30 characters
RANGE_LEAD = re.compile(r"(?i:between|from|during|over)\s+$")
WEEK_LEAD = re.compile(r"(?i:(?:the\s+)?week\s+(?:beginning|commencing|starting)(?:\s+on)?)\s+$")


@dataclass(frozen=True)
class DateMention:
    """A date in the text; fields left None were not printed."""

    start: int
    end: int
    year: int | None
    month: int | None = None
    day: int | None = None

    @property
    def value(self) -> str | None:
        """Partial ISO date, or None when no year is printed."""
        return partial_date(self.year, self.month, self.day)


@dataclass(frozen=True)
class Period:
    """A stretch of time named in the text: "between October 2022 and February 2023" -> 2022-10 .. 2023-02."""

    start: int
    end: int
    first: str | None
    last: str | None


def partial_date(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; None without a year."""
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month(name: str | None) -> int | None:
    return MONTHS.get(name.lower().rstrip(".")) if name else None


def _day(text: str | None) -> int | None:
    return int(re.sub(r"\D", "", text)) if text else None


def is_real_date(year: int | None, month: int | None, day: int | None) -> bool:
    """The day exists in its month ("31 February" does not); without a year, 29 February may."""
    if month is None or day is None:
        return True
    if not 1 <= month <= 12:
        return False
    last = calendar.monthrange(year if year is not None else 2000, month)[1]  # 2000 was a leap year
    return 1 <= day <= last


def _mention(match: re.Match[str], offset: int = 0) -> DateMention | None:
    mention = _read_mention(match, offset)
    if mention is None or not is_real_date(mention.year, mention.month, mention.day):
        return None
    return mention


def _read_mention(match: re.Match[str], offset: int = 0) -> DateMention | None:
    g = match.groupdict()
    start, end = match.start() + offset, match.end() + offset
    if g["month"]:
        year = int(g["year"]) if g["year"] else None
        return DateMention(start, end, year, _month(g["month"]), _day(g["day"]))
    if g["month2"]:
        return DateMention(start, end, int(g["year2"]), _month(g["month2"]), _day(g["day2"]))
    if g["month3"]:
        return DateMention(start, end, int(g["year3"]) if g["year3"] else None, _month(g["month3"]))
    if g["nyear"]:
        month, day = int(g["nmonth"]), int(g["nday"])
        return DateMention(start, end, int(g["nyear"]), month, day)
    return DateMention(start, end, int(g["year4"]))


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Every date in `text`, left to right; offsets are shifted by `offset`."""
    out = []
    for match in DATE.finditer(text):
        if match.group().strip() and (mention := _mention(match, offset)) is not None:
            out.append(mention)
    return out


def _complete(first: DateMention, last: DateMention) -> DateMention:
    """The first end of a range borrows what it lacks from the last ("8 and 19 May 2023")."""
    year, month = first.year, first.month
    if month is None and first.day is not None:
        month = last.month
    if year is None and last.year is not None:
        year = last.year
        # "between November and January 2017": the first month falls in the year before.
        if month is not None and last.month is not None and month > last.month:
            year -= 1
    return DateMention(first.start, first.end, year, month, first.day)


_BARE_DAY = re.compile(rf"(?<!\d)(?P<day>{_DAY})(?=\s*(?:-|–|—|to|until|and)\s*{_DAY}\s+{_MONTH})")


def find_periods(text: str, offset: int = 0) -> list[Period]:
    """Periods and single dates in `text`: each date or "A and/to B" pair becomes one `Period`."""
    dates = find_dates(text)
    # "between 8 and 19 May 2023": a bare day number that opens a range is a date too.
    for match in _BARE_DAY.finditer(text):
        if not any(d.start <= match.start() < d.end for d in dates):
            dates.append(DateMention(match.start(), match.end(), None, None, _day(match["day"])))
    dates.sort(key=lambda d: d.start)
    periods: list[Period] = []
    i = 0
    while i < len(dates):
        first = dates[i]
        nxt = dates[i + 1] if i + 1 < len(dates) else None
        # Only the few words before a date can lead into it; a bounded slice keeps long texts linear.
        lead_start = max(0, first.start - LEAD_CHARS)
        lead = text[lead_start : first.start]
        if nxt and nxt.start - first.end <= LEAD_CHARS and RANGE_JOIN.fullmatch(text[first.end : nxt.start]):
            begin = _complete(first, nxt)
            start = first.start
            if m := RANGE_LEAD.search(lead):
                start = lead_start + m.start()
            periods.append(Period(start + offset, nxt.end + offset, begin.value, nxt.value))
            i += 2
            continue
        start, last = first.start, first.value
        if m := WEEK_LEAD.search(lead):
            # A week is as precise as its month: it may end on another day we are not told.
            start, last = lead_start + m.start(), partial_date(first.year, first.month)
        periods.append(Period(start + offset, first.end + offset, first.value, last))
        i += 1
    return periods
