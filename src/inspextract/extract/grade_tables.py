"""Grades laid out as a table: one indicator per line, its evaluation at the end of the line (or the next)."""

from __future__ import annotations

import re

from inspextract.document import Document
from inspextract.evidence import evidence
from inspextract.extract import quality_indicators as qi
from inspextract.records import Grade, GradeWord

# "2.1 Impact on children and young people – Good", "| 9.4 | Leadership of change | Adequate |",
# "Quality indicator 2.2: Impact on families: Very good". Markdown emphasis and pipes count as separators.
_SEPARATORS = r"\s|:–—|*\t-"
# A list item's marker: "- ", "• ", "1. ", "(a) " (never a QI number: "2.1" has no space after the dot).
_LIST_MARKER = r"(?:[-•]\s+|\(?(?:\d{1,2}|[a-h])[.)]\s+)?"
INDICATOR_ROW = re.compile(
    rf"^[{_SEPARATORS}]*{_LIST_MARKER}(?:(?:QI|quality\s+indicator)\s*)?(?P<num>\d{{1,2}}\.\d{{1,2}})?[{_SEPARATORS}.]*"
    rf"(?P<name>[A-Za-z][^|:–—\t*]{{2,120}}?)(?P<rest>[{_SEPARATORS}]*)$",
    re.IGNORECASE,
)
GRADE_ALONE = re.compile(r"^[\s|*]*[‘'\"“]?(?P<grade>[A-Za-z ]+?)[’'\"”]?[\s|.*]*$")
# Words that make a row a sentence of prose rather than a table row ("Leadership was good").
VERBS = re.compile(
    r"\b(?:was|were|is|are|as|be|been|has|have|had|found|rated|graded|evaluated)\b", re.IGNORECASE
)
# Indicator names may state an outcome in the present ("Children are helped to keep safe"); a row in the
# past tense or with an evaluation verb is a sentence.
ROW_PROSE_VERBS = re.compile(
    r"\b(?:was|were|as|be|been|has|have|had|found|rated|graded|evaluated)\b", re.IGNORECASE
)
# A row with a name the lexicon does not know needs a capitalised cell and a real separator before the grade.
UNKNOWN_ROW = re.compile(
    rf"^[\s|*]*{_LIST_MARKER}(?P<name>[A-Z][\w’',()\- ]{{2,120}}?)\s*(?:\||:|–|—|\s-)[\s|*]*$"
)


def _cell_grade() -> str:
    """The lexicon's grade words as a table cell prints them: capitalised ("Very good", "Very Good") or in
    capitals ("VERY GOOD"), never in lower case as prose does."""
    forms = []
    for word in [*qi.grade_values(), *qi.grade_aliases()]:
        first, *rest = word.split()
        forms.append(r"\s+".join([first.capitalize(), *(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in rest)]))
        forms.append(r"\s+".join(word.upper().split()))
    return f"(?:{'|'.join(forms)})"


# A flattened row: "5.2 Assessing and responding to risks and needs Adequate" before the next row's number,
# a full stop or the end of the line. The grade is capitalised, as in a table cell, never in prose.
_CELL_GRADE = _cell_grade()
FLATTENED_ROW = re.compile(
    rf"(?<![\w.])(?P<num>\d{{1,2}}\.\d{{1,2}})\s+(?P<name>[A-Z][A-Za-z’',()\s-]{{3,140}}?)\s*[–—:-]?\s*"
    rf"(?P<grade>{_CELL_GRADE})(?=\s+\d{{1,2}}\.\d{{1,2}}\s|\s*[.;]?\s*$|\s*[.;]\s)",
    re.MULTILINE,
)
# A known indicator name (three words or more, printed capitalised as a cell) followed by a grade cell and
# then the next row's capital or the end: "Children's needs are met Good Leadership of people ...".
KNOWN_ROW_MIN_WORDS = 3
KNOWN_ROW_GRADE = re.compile(
    rf"\s*[–—:-]?\s*(?P<grade>{_CELL_GRADE})(?=\s+[A-Z0-9]|\s*[.;]?\s*$)", re.MULTILINE
)
# Longest table row (characters): a number, a name of up to ROW_NAME_MAX_WORDS words, separators, a grade.
ROW_MAX_CHARS = 300
# Longest indicator name in a table row (words).
ROW_NAME_MAX_WORDS = 16


def find_table_grades(doc: Document) -> list[Grade]:
    """Grades of table rows: an indicator (numbered, or a known name) followed by a grade word.

    A row whose name is not in the lexicon counts only beside another row: a table, not a stray line.
    """
    rows: list[tuple[int, Grade, bool]] = []  # (line number among non-blank lines, grade, is known indicator)
    pending: tuple[str | None, str, int] | None = None  # an indicator row whose grade is on the next line
    pos, line_no = 0, 0
    for line in doc.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        line_no += 1
        if len(line) > ROW_MAX_CHARS:
            pending = None
            continue
        alone = GRADE_ALONE.fullmatch(line)
        if pending and alone and qi.grade_regex().fullmatch(alone["grade"].strip()):
            number, name, row_start = pending
            rows.append((line_no, _grade(doc, number, name, alone["grade"], row_start, end), True))
            pending = None
            continue
        pending = None
        last = [m for m in qi.grade_regex().finditer(line) if not m["plural"]][-1:]
        if last and re.fullmatch(r"[’'\"”\s|.*()\d]*", line[last[0].end() :]):
            cell = line[: last[0].start()].rstrip("‘'\"“ ")
            row = indicator_row(cell)
            if row:
                rows.append((line_no, _grade(doc, row[0], row[1], last[0]["grade"], start, end), True))
            elif unknown := unknown_row_name(cell):
                rows.append((line_no, _grade(doc, None, unknown, last[0]["grade"], start, end), False))
            continue
        row = indicator_row(line)
        if row:
            pending = (row[0], row[1], start)
    numbers = {n for n, _, _ in rows}
    return [g for n, g, known in rows if known or n - 1 in numbers or n + 1 in numbers] + find_flattened_rows(
        doc
    )


def find_flattened_rows(doc: Document) -> list[Grade]:
    """Rows of a table flattened into running text (a report PDF copied as one paragraph):
    "2.1 Impact on families Good 2.2 Leadership of people Very good", each a number, a capitalised name
    and a capitalised grade that ends the row."""
    out = []
    for match in FLATTENED_ROW.finditer(doc.text):
        name = " ".join(match["name"].lower().split()).strip(" .,–—-:")
        if VERBS.search(name) or qi.grade_regex().search(name) or len(name.split()) > ROW_NAME_MAX_WORDS:
            continue
        out.append(_grade(doc, match["num"], name, match["grade"], match.start(), match.end()))
    for known in qi.find_indicator_names(doc.text, min_words=KNOWN_ROW_MIN_WORDS):
        # Tables of the 2005-2012 child-protection reports name their indicators without numbers.
        grade = KNOWN_ROW_GRADE.match(doc.text, known.end)
        if grade and doc.text[known.start].isupper():
            printed = re.search(
                r"(?<![\w.])(\d{1,2}\.\d{1,2})\s*$", doc.text[max(0, known.start - 8) : known.start]
            )
            start = known.start - len(printed.group()) if printed else known.start
            number = printed[1] if printed else None  # as printed, never the lexicon's number
            out.append(_grade(doc, number, known.name, grade["grade"], start, grade.end()))
    return out


def unknown_row_name(cell: str) -> str | None:
    """The name of a table row not in the lexicon ("Joint self-evaluation arrangements |"), if it is one."""
    match = UNKNOWN_ROW.fullmatch(cell)
    if not match or ROW_PROSE_VERBS.search(match["name"]) or len(match["name"].split()) > ROW_NAME_MAX_WORDS:
        return None
    return " ".join(match["name"].lower().split())


def indicator_row(cell: str) -> tuple[str | None, str] | None:
    """(number, name) when `cell` is an indicator's number and name, or a known name alone."""
    match = INDICATOR_ROW.fullmatch(cell)
    if not match:
        return None
    name = " ".join(match["name"].lower().split()).strip(" .,")
    if qi.is_indicator_name(name):
        return match["num"], name  # "Children are listened to, ...": a known name, verb and all
    if (
        not name
        or len(name.split()) > ROW_NAME_MAX_WORDS
        or VERBS.search(name)
        or qi.grade_regex().search(name)
    ):
        return None
    if match["num"]:
        return match["num"], name
    return None


def _grade(doc: Document, number: str | None, name: str, spelling: str, start: int, end: int) -> Grade:
    word = qi.grade_word(spelling)
    return Grade(
        indicator=number,
        indicator_name=name,
        grade=GradeWord(word),
        value=qi.grade_values()[word],
        evidence=evidence(doc, start, end),
    )
