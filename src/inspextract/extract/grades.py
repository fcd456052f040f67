"""Quality-indicator grades, stated grade counts and the number of indicators evaluated."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspextract.document import Document
from inspextract.evidence import evidence
from inspextract.extract import quality_indicators as qi
from inspextract.extract.grade_counts import TOTAL_CONTEXT, indicators_total, read_counts
from inspextract.extract.grade_cues import (
    EVALUATION_CUE,
    NOT_THIS_INSPECTION,
    SCALE,
    WINDOW_CHARS,
    is_evaluation,
)
from inspextract.extract.grade_mentions import Mention, gapped_subject, indicator_mentions, subject_names
from inspextract.extract.grade_names import (
    bracketed_name,
    dashed_items,
    describes_indicators,
    is_named_for,
    names_after,
    names_by_meaning,
    names_sharing,
)
from inspextract.extract.grade_scale import JUDGEMENT_WORDS, other_scale, other_scale_warning
from inspextract.extract.grade_tables import find_table_grades
from inspextract.extract.sentence_spans import sentence_spans
from inspextract.records import Grade, GradeWord, Report
from inspextract.segment import Block

THIS_INDICATOR = re.compile(
    r"\bthis\s+(?:quality\s+)?(?:indicator|QI)\b|^\W*(?:evaluation|grade)s?\s*[:–—-]", re.I
)
# "a grade of 'good' (to the way ...)": a rating word before the grade.
RATING_OF = re.compile(r"\b(?:grade|rating|evaluation|grading)s?\s+of\s+[‘'\"“]?$", re.IGNORECASE)
# A block without a grade word matters only if it numbers or names an indicator for a later sentence.
QI_HINT = re.compile(r"\d\.\d|\bindicators?\b|\bQIs?\b", re.IGNORECASE)
# Share of the shorter name's words (of four letters or more) two names of one grade must share to be one.
REWORDED_SHARE = 0.6
# Words many indicator names share: sharing only these says nothing about being one indicator.
COMMON_NAME_WORDS = frozenset(
    {"children", "young", "people", "services", "from", "with", "that", "their", "this"}
)
# Longest sentence read for grades: real ones are under ~600 characters; longer runs are flattened tables.
MAX_SENTENCE_CHARS = 1500
# Longest line that can be a QI heading ("Quality indicator 2.1: Impact on children and young people").
HEADING_MAX_CHARS = 120


@dataclass
class Found:
    """What one pass over the document's sentences collected."""

    grades: list[Grade]
    counts: dict[str, int]
    total: int | None = None
    pending: tuple[str, int] | None = None  # the one count the last sentence read stated: (grade, count)


def find_grades(
    doc: Document, blocks: list[Block], report: Report | None = None
) -> tuple[list[Grade], dict[str, int], int | None]:
    """(grades, grade_counts, indicators_total) stated in the document.

    With the `report` so far, its inspectorates decide the scale: a document on another inspectorate's
    scale gives none, and the report is warned.
    """
    body = other_scale(doc.text, report.inspection.bodies) if report else None
    if report is None or body is None:
        return read_grades(doc, blocks)
    # The grades are read only when no judgement word already says a warning is worth giving.
    if JUDGEMENT_WORDS.search(doc.text) or any(read_grades(doc, blocks)):
        report.warnings.append(other_scale_warning(body))
    return [], {}, None


def read_grades(doc: Document, blocks: list[Block]) -> tuple[list[Grade], dict[str, int], int | None]:
    """(grades, grade_counts, indicators_total) the document states on the six-point scale."""
    found = Found([], {})
    heading: Mention | None = None  # the QI a section is about ("Quality indicator 2.1: Impact on ...")
    printed_names: dict[str, str] = {}  # QI number -> its name where the document prints both
    for block in blocks:
        if block.kind == "contents":
            continue
        carry: list[Mention] = []
        # From the start of the line: segmentation strips a leading "5.2" that may be the QI's number.
        line_start = doc.text.rfind("\n", 0, block.start) + 1
        has_grade_word = qi.grade_regex().search(doc.text, line_start, block.end) is not None
        is_long = block.end - line_start > HEADING_MAX_CHARS
        says_nothing = not has_grade_word and is_long and not QI_HINT.search(doc.text, line_start, block.end)
        if says_nothing and found.pending is None:
            continue  # most paragraphs say nothing about grades: skip the name matching
        spans = sentence_spans(doc.text, line_start, block.end)
        for start, end in spans:
            mentions = indicator_mentions(doc.text, start, end)
            for mention in mentions:
                if mention.number and mention.name:
                    printed_names.setdefault(mention.number, mention.name)
            has_grade = qi.grade_regex().search(doc.text, start, end) is not None
            if mentions and not has_grade and len(spans) == 1 and end - start < HEADING_MAX_CHARS:
                heading = mentions[0]
            used = read_sentence(doc, start, end, mentions, carry, heading, found)
            carry = [m for m in carry + mentions if m not in used]
    for grade in find_table_grades(doc):
        add_grade(found.grades, grade)
    for grade in found.grades:
        # "QI 2.1 was evaluated as good" takes the name the document prints for 2.1 elsewhere.
        if grade.indicator and not grade.indicator_name:
            grade.indicator_name = printed_names.get(grade.indicator)
    # A grade with no indicator that repeats a named one ("the first to receive an 'excellent' rating")
    # is the headline of that grade, not a grade of the services as a whole.
    named_words = {g.grade for g in found.grades if g.indicator or g.indicator_name}
    grades = [g for g in found.grades if g.indicator or g.indicator_name or g.grade not in named_words]
    return grades, found.counts, found.total


def read_sentence(
    doc: Document,
    start: int,
    end: int,
    mentions: list[Mention],
    carry: list[Mention],
    heading: Mention | None,
    found: Found,
) -> list[Mention]:
    """Collect the grades, counts and total one sentence states; return the mentions it graded."""
    text = doc.text
    sentence = text[start:end]
    if end - start > MAX_SENTENCE_CHARS:
        return []  # a run of text with no sentence ends (a table or list flattened into one line)
    occurrences = list(qi.grade_regex().finditer(text, start, end))
    pending, found.pending = found.pending, None
    if pending and not occurrences:
        for name in names_by_meaning(sentence, *pending):
            add_named(found.grades, doc, name, pending[0], start, end)
    distinct = {qi.grade_word(m["grade"]) for m in occurrences}
    if (SCALE.search(sentence) and len(distinct) >= 3) or NOT_THIS_INSPECTION.search(sentence):
        return []
    counted, counts, named = read_counts(text, start, end, occurrences)
    if found.total is None and (occurrences or TOTAL_CONTEXT.search(sentence)):
        found.total = indicators_total(sentence, counts)
    for word, count in counts.items():
        found.counts.setdefault(word, count)  # a summary repeated later is counted once
    if len(counts) == 1 and not named:
        found.pending = next(iter(counts.items()))
    for mention, word in named:
        add_grade(found.grades, make_grade(doc, mention, word, start, end))
    used: list[Mention] = []
    dashed = dashed_items(text, start, end)  # "Leadership – good; Impact on families – very good."
    for name, word in dashed.values():
        add_named(found.grades, doc, name, word, start, end)
    evaluated = False  # whether an earlier grade of the sentence stated an evaluation
    for occurrence in occurrences:
        if occurrence.start() in dashed:
            continue
        word = qi.grade_word(occurrence["grade"])
        window = text[max(start, occurrence.start() - WINDOW_CHARS) : occurrence.start()]
        # "A was rated 'good', and B 'very good'": B shares the verb of the evaluation before it.
        shares_verb = evaluated and bool(gapped_subject(window))
        evaluation = occurrence.start() not in counted and (
            is_evaluation(text, start, end, occurrence) or shares_verb
        )
        evaluated = evaluated or evaluation
        listed = stated_names(text, start, end, occurrence, evaluation, occurrence.start() in counted)
        sharing = names_sharing(text, occurrence.end(), end) if evaluation else []  # "A was 'good', as was B"
        for name in listed + sharing:
            add_named(found.grades, doc, name, word, start, end)
        if listed or not evaluation:
            continue
        before = [m for m in mentions if m.end <= occurrence.start() and m not in used]
        after = [
            m
            for m in mentions
            if m.start >= occurrence.end()
            and m not in used
            and not qi.grade_regex().search(text, occurrence.end(), m.start)
        ]
        ev_start = start
        subjects = subject_names(window)
        if subjects is not None and len(subjects) != 1:
            for name in subjects:  # "A and B are both 'good'"; none when people were rated
                add_named(found.grades, doc, name, word, start, end)
            continue
        if before:
            mention = before[-1]
        elif subjects:  # the subject of "X was evaluated as" before a name printed after the grade
            mention = Mention(None, subjects[0], start, occurrence.start())
        elif after:
            mention = after[0]
        elif len(set(carry)) == 1:
            mention = carry[0]
            ev_start = min(start, mention.start)
        elif heading is not None and THIS_INDICATOR.search(sentence):
            mention = heading
        elif EVALUATION_CUE.search(sentence):  # "rated the partnership as 'very good'": the whole service
            mention = Mention(None, None, start, start)
        else:
            continue  # "services are 'good'" names nothing and grades nothing by itself
        used.append(mention)
        add_grade(found.grades, make_grade(doc, mention, word, ev_start, end))
    return used


def stated_names(
    text: str, start: int, end: int, occurrence: re.Match[str], evaluation: bool, counted: bool
) -> list[str]:
    """Names a grade is stated for around it: after it ("'good' ratings were for A and B", "'excellent'
    rating for X") or as a bracketed list item ("A (very good); B (good)")."""
    in_brackets = text[occurrence.start() - 1 : occurrence.start()] == "("
    bracketed = in_brackets and EVALUATION_CUE.search(text, start, end) is not None
    if evaluation or counted or bracketed or is_named_for(text, occurrence.end(), end):
        described = describes_indicators(text, start, occurrence.start())
        noun_before = RATING_OF.search(text, start, occurrence.start()) is not None
        names = names_after(
            text, occurrence.end(), end, plural=counted, described=described, noun_before=noun_before
        )
        if names:
            return names
    if bracketed:
        name = bracketed_name(text, start, occurrence.start())
        return [name] if name else []
    return []


def add_named(grades: list[Grade], doc: Document, name: str, word: str, start: int, end: int) -> None:
    """Add `word` as the grade of the indicator `name` a sentence (`doc.text[start:end]`) states it for."""
    add_grade(grades, make_grade(doc, Mention(None, name, start, end), word, start, end))


def make_grade(doc: Document, mention: Mention, word: str, start: int, end: int) -> Grade:
    """A Grade for `word` on `mention`, grounded on `doc.text[start:end]`."""
    values = qi.grade_values()
    return Grade(
        indicator=mention.number,
        indicator_name=mention.name,
        grade=GradeWord(word),
        value=values[word],
        evidence=evidence(doc, start, end),
    )


def add_grade(grades: list[Grade], grade: Grade) -> None:
    """Append unless the same indicator (or the whole service) is graded already: one grade per indicator."""
    for other in grades:
        if grade.indicator and other.indicator == grade.indicator:
            if other.indicator_name is None and grade.indicator_name:
                other.indicator_name = grade.indicator_name
            return
        if not grade.indicator and grade.indicator_name and other.indicator_name == grade.indicator_name:
            return
        if same_name_reworded(grade, other):
            # A headline and the body name one indicator in two wordings: keep the fuller one.
            if len(grade.indicator_name or "") > len(other.indicator_name or ""):
                other.indicator_name, other.evidence = grade.indicator_name, grade.evidence
            return
        unnamed = not (grade.indicator or grade.indicator_name or other.indicator or other.indicator_name)
        if unnamed and other.grade == grade.grade:
            return
    grades.append(grade)


def same_name_reworded(grade: Grade, other: Grade) -> bool:
    """Whether two grades give the same grade to names sharing most of their words (neither numbered)."""
    if grade.indicator or other.indicator or grade.grade != other.grade:
        return False
    words = [set(re.findall(r"[a-z]{4,}", g.indicator_name or "")) for g in (grade, other)]
    shared = words[0] & words[1]
    shorter = min(words, key=len)
    return bool(shared - COMMON_NAME_WORDS) and len(shared) >= REWORDED_SHARE * len(shorter)
