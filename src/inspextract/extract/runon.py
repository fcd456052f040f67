"""Line structure recovered from run-on text: a report copied as one paragraph, headings and all.

Copies of report PDFs on document-sharing sites arrive without line breaks ("Services for children in X
April 2018 Report of a joint inspection Contents 1. Introduction 2. How we conducted …"): the title, the
title page's date, the contents page and the numbered headings run into the prose. `recover_lines` puts
the breaks back where the words and numbering show a line ended, replacing one space by one newline, so the
result has the same length and every offset in it is an offset in the original text.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A line this long (characters) is not one printed line but a paragraph or page run together; the longest
# paragraphs of news articles and committee papers in the corpora stay under it.
RUN_ON_LINE_CHARS = 1000
# Lines are restored in the opening only (characters): their readers (title, type, kind, cover date) read
# the opening.
RECOVER_CHARS = 60_000

# Month names in full; patterns that use them read them in any case.
MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# A title-page date: "November 2008", "30 May 2014", "19 NOVEMBER 2019". A date after a preposition or a
# lower-case word ("carried out in March 2012") is inside a sentence and breaks nothing.
TITLE_DATE = re.compile(
    rf"(?<=[A-Za-z)]) (?=(?:\d{{1,2}}(?:st|nd|rd|th)? )?(?i:{MONTH_NAME}) (?:19|20)\d\d\b)"
)
SENTENCE_WORD_BEFORE_DATE = re.compile(
    r"\b(?:in|on|of|from|to|since|until|between|and|by|during|before|after|at|the|[a-z]+ed)$"
)
TITLE_DATE_END = re.compile(rf"(?i:\b{MONTH_NAME}) (?:19|20)\d\d(?= [A-Z0-9])")
# Words that open a line of a title page, contents page or committee paper's label block ("Subject: …").
LINE_OPENERS = re.compile(
    r"(?<!\d\.) (?=(?:Contents|CONTENTS)\b"
    r"|(?:Report|REPORT) (?:of a|of the|on a|by|BY|OF A|OF THE|NO\b|No\b|to the|TO THE)"
    r"|(?:Agenda|AGENDA) (?:Item|ITEM)\b"
    r"|(?:Progress|PROGRESS) (?:review|Review|REVIEW) (?:following|FOLLOWING)\b"
    r"|(?:ABSTRACT|SUMMARY|PURPOSE|BACKGROUND|RECOMMENDATIONS?|Appendix \d|APPENDIX \d)\b"
    r"|(?i:subject|report title|title|heading|date of meeting|date|report to|report by|meeting"
    r"|wards? affected|contact officer|author)\s*:)"
)
# "Contents Page" and a label's own reference ("AGENDA ITEM NO. 11", "REPORT NO 388/19") end their line.
LABEL_ENDS = re.compile(
    r"\b(?:Contents(?: Page)?|CONTENTS(?: PAGE)?"
    r"|(?i:agenda item|report) (?i:no\.?|number) ?[\w/.-]*\d[\w/.-]*)(?= [A-Z])"
)
# A numbered heading: "2. How we conducted", "3.1 The partnership", "1. RECOMMENDATION" (not "in 2012. The").
NUMBERED_HEADING = re.compile(r"(?<!,) (?=(?:[1-9]\d?\.(?: |\d{1,2} )|[1-9]\d?\.\d{1,2} )[A-Z(])")
# The last capitals of a heading set in capitals, before the sentence it heads ("ABSTRACT This report …").
CAPITALS_THEN_SENTENCE = re.compile(r"\b[A-Z]{3,}(?= (?:This|The|It|In|A|An|We|Our)\b [a-z])")


def is_run_on(line: str) -> bool:
    """A line too long to be one printed line: a paragraph or a whole page run together."""
    return len(line) >= RUN_ON_LINE_CHARS


def break_positions(line: str) -> set[int]:
    """Offsets of the spaces in a run-on line where a printed line ended."""
    spaces: set[int] = set()
    for pattern in (LINE_OPENERS, NUMBERED_HEADING):
        spaces.update(m.start() for m in pattern.finditer(line))
    spaces.update(
        m.start()
        for m in TITLE_DATE.finditer(line)
        if not SENTENCE_WORD_BEFORE_DATE.search(line[max(0, m.start() - 20) : m.start()])
    )
    for pattern in (TITLE_DATE_END, LABEL_ENDS, CAPITALS_THEN_SENTENCE):
        spaces.update(m.end() for m in pattern.finditer(line))
    return {pos for pos in spaces if pos < len(line) and line[pos] == " "}


@lru_cache(maxsize=4)  # title, document type, inspection kind and cover date read the same document in turn
def recover_lines(text: str) -> str:
    """The text with line breaks restored inside run-on lines of its opening; same length, same offsets."""
    chars = list(text)
    pos = 0
    for line in text[:RECOVER_CHARS].split("\n"):
        if is_run_on(line):
            for offset in break_positions(line):
                chars[pos + offset] = "\n"
        pos += len(line) + 1
    return "".join(chars)
