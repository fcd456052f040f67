"""Quality-indicator grades, stated grade counts and the number of indicators evaluated."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspextract.document import Document
from inspextract.evidence import evidence
from inspextract.extract import quality_indicators as qi
from inspextract.extract.grade_tables import find_table_grades
from inspextract.extract.sentence_spans import sentence_spans
from inspextract.records import Grade
from inspextract.segment import Block

# Words that make a grade word an evaluation rather than an adjective ("evaluated as", "graded", "QI").
EVALUATION_CUE = re.compile(
    r"(?<![\w-])(?:evaluat(?:ed|es?|ions?|ing)|grad(?:e|ed|es|ing)|rated|rating|scored|awarded)\b",
    re.IGNORECASE,
)
# What sits right before a grade word used as a predicate: "as 'good'", "to be good", "graded good", ": Good".
LINK_BEFORE = re.compile(
    r"(?:\b(?:as|be|being|was|were|is|are|of|graded|rated|evaluated|assessed|judged|scored)|[:–—-])\s*$",
    re.IGNORECASE,
)
FOUND_TO_BE = re.compile(
    r"\b(?:found|judged|considered|deemed|assessed)\b[^.;]{0,80}\b(?:to\s+be|as)\s*$", re.I
)
# "rated as good or better in regulated care inspections" is a threshold, not an evaluation.
THRESHOLD_AFTER = re.compile(r"^\W*(?:or|and)\s+(?:better|above|higher|over|more|beyond)\b", re.IGNORECASE)
# The scale's boilerplate: "An evaluation of good is applied where performance shows important strengths".
DEFINITION_AFTER = re.compile(
    r"^\W*(?:(?:is|are)\s+(?:applied|used|given|awarded|assigned|defined)|means|applies|indicates|describes|"
    r"represents|denotes)\b",
    re.IGNORECASE,
)
# Grades of other inspections (of registered care services) or of surveys are not this inspection's.
NOT_THIS_INSPECTION = re.compile(
    r"\b(?:regulated|registered)\s+(?:care\s+)?(?:services|settings|inspections)\b|\bcare\s+inspections\b|"
    r"\bsurveys?\b|\bquestionnaires?\b|\brespondents\b|\bper\s*cent\b|%",
    re.IGNORECASE,
)
NUMBER = qi.number_regex().pattern
OF_THE = re.compile(rf"{NUMBER}\s+of\s+(?:the\s+|these\s+)?\s*$", re.IGNORECASE)
POST_COUNT = re.compile(
    rf"[’'\"”]?\s+(?:in|for|across|on)\s+{NUMBER}\s+(?:of\s+(?:the\s+)?\S+\s+)?(?:(?:key|quality)\s+)?(?:indicators|QIs)\b",
    re.IGNORECASE,
)
# A sentence that states counts of evaluations: "inspectors found ...", "were graded", "indicators".
COUNT_CONTEXT = re.compile(rf"{EVALUATION_CUE.pattern}|\bfound\b|\bindicators?\b|\bQIs?\b", re.IGNORECASE)
SCALE = re.compile(r"\bscale\b|\bsix[- ]point\b", re.IGNORECASE)
# Words that may follow a predicate grade word; any other lower-case word makes it an adjective ("good practice").
FOLLOWERS = frozenset(
    "and or in for by with across at on overall both within against from to under while whilst which but as "
    "because since during over after before however although though".split()
)
# Words that may stand between a count and its grade ("four were graded 'adequate'", "one to be 'very good'").
COUNT_LINKS = frozenset(
    "to be were was as graded evaluated rated assessed judged found of these them those the indicators indicator "
    "key quality qis being at are is which we inspectors considered deemed evaluations".split()
)
# Longest stretch between a count and its grade word (characters): a clause, never a whole sentence.
COUNT_GAP_CHARS = 120
# How far a quoted name may follow its QI number ("2.1, from the inspection framework, 'impact on ...'").
NAME_AFTER_NUMBER_CHARS = 80
QUOTED = re.compile(r"[‘'\"“](?P<quoted>[A-Za-z][^‘’'\"“”]{3,100}?)[’'\"”]")
BARE_NUMBER = re.compile(r"(?<![\w.])(?P<num>\d{1,2}\.\d{1,2})(?![\d.]\d)\s*[:,–—-]?\s*")
PASSIVE_SUBJECT = re.compile(
    r"(?P<subject>[A-Za-z][^,;:.]{2,90}?)\s+(?:was|were|is|are|has\s+been|have\s+been)\s+"
    r"(?:evaluated|graded|rated|assessed|judged)\s+(?:as\s+)?(?:being\s+)?[‘'\"“]?\s*$",
    re.IGNORECASE,
)
ACTIVE_OBJECT = re.compile(
    r"\b(?:evaluated|graded|rated|assessed|judged)\s+(?P<subject>[^,;:.]{3,90}?)\s+(?:as|to\s+be)\s+"
    r"(?:being\s+)?[‘'\"“]?\s*$",
    re.IGNORECASE,
)
LEADING_WORDS = re.compile(r"^(?:(?:and|but|while|whilst|overall|however|that|the|its|their|our)\s+)+", re.I)
OWNER = re.compile(r"^[\w ]{1,60}?['’]s?\s+(?=\w)")
# Subjects that mean the services as a whole, so the grade has no indicator ("rated the partnership as ...").
WHOLE_SERVICE = re.compile(
    r"^(?:partnership|partners|services?|council|area|authority|inspection|report|it|they|them|this|these|"
    r"performance|work|we|inspectors|provision)\b",
    re.IGNORECASE,
)
RATED_PEOPLE = re.compile(
    r"^(?:(?:most|many|some|all|few|several)\s+(?:of\s+the\s+)?)?(?:children|young\s+people|pupils|staff|parents|"
    r"carers|families|respondents|schools|people|adults)\b",
    re.IGNORECASE,
)
THIS_INDICATOR = re.compile(
    r"\bthis\s+(?:quality\s+)?(?:indicator|QI)\b|^\W*(?:evaluation|grade)s?\s*[:–—-]", re.I
)
# Longest subject phrase kept as an indicator name (words).
NAME_MAX_WORDS = 10


@dataclass(frozen=True)
class Mention:
    """An indicator named or numbered in a sentence: offsets are in the document."""

    number: str | None
    name: str | None
    start: int
    end: int


@dataclass
class Found:
    """What one pass over the document's sentences collected."""

    grades: list[Grade]
    counts: dict[str, int]
    total: int | None = None


def find_grades(doc: Document, blocks: list[Block]) -> tuple[list[Grade], dict[str, int], int | None]:
    """(grades, grade_counts, indicators_total) stated in the document."""
    found = Found([], {})
    heading: Mention | None = None  # the QI a section is about ("Quality indicator 2.1: Impact on ...")
    for block in blocks:
        if block.kind == "contents":
            continue
        carry: list[Mention] = []
        for start, end in sentence_spans(doc.text, block.start, block.end):
            mentions = indicator_mentions(doc.text, start, end)
            has_grade = qi.grade_regex().search(doc.text, start, end) is not None
            if mentions and not has_grade and end - start < 120 and block.kind != "paragraph":
                heading = mentions[0]
            used = read_sentence(doc, start, end, mentions, carry, heading, found)
            carry = [m for m in carry + mentions if m not in used]
    for grade in find_table_grades(doc):
        add_grade(found.grades, grade)
    return found.grades, found.counts, found.total


def indicator_mentions(text: str, start: int, end: int) -> list[Mention]:
    """QI numbers and indicator names in `text[start:end]`, a number merged with the name that follows it."""
    sentence = text[start:end]
    numbers = [(m.start(), m.end(), m["num"]) for m in qi.QI_REFERENCE.finditer(sentence)]
    names: list[tuple[int, int, str]] = [(n.start, n.end, n.name) for n in qi.find_indicator_names(sentence)]
    for m in BARE_NUMBER.finditer(sentence):
        # "2.1 Impact on children and young people": a bare number counts when a known name follows it.
        if any(s == m.end() for s, _, _ in names) and not any(s <= m.start() < e for s, e, _ in numbers):
            numbers.append((m.start(), m.start() + len(m["num"]), m["num"]))
    for m in QUOTED.finditer(sentence):
        quoted = m["quoted"].strip(" ,.")
        near_number = any(0 <= m.start() - e <= NAME_AFTER_NUMBER_CHARS for _, e, _ in numbers)
        if (near_number or qi.is_indicator_name(quoted)) and not qi.grade_regex().fullmatch(quoted):
            if not any(s < m.end() and m.start() < e for s, e, _ in names):
                names.append((m.start(), m.end(), " ".join(quoted.lower().split())))
    mentions: list[Mention] = []
    used_names: set[int] = set()
    for s, e, number in sorted(numbers):
        follow = [
            (i, n)
            for i, n in enumerate(sorted(names))
            if 0 <= n[0] - e <= NAME_AFTER_NUMBER_CHARS and i not in used_names
        ]
        if follow and not qi.grade_regex().search(sentence, e, follow[0][1][0]):
            i, (_, ne, name) = follow[0]
            used_names.add(i)
            mentions.append(Mention(number, name, start + s, start + ne))
        else:
            mentions.append(Mention(number, None, start + s, start + e))
    for i, (s, e, name) in enumerate(sorted(names)):
        if i not in used_names and len(name.split()) >= 2:
            mentions.append(Mention(None, name, start + s, start + e))
    return sorted(mentions, key=lambda m: m.start)


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
    occurrences = list(qi.grade_regex().finditer(text, start, end))
    distinct = {qi.grade_word(m["grade"]) for m in occurrences}
    if SCALE.search(sentence) and len(distinct) >= 3 or NOT_THIS_INSPECTION.search(sentence):
        return []
    if found.total is None and (occurrences or EVALUATION_CUE.search(sentence)):
        found.total = indicators_total(sentence)
    counted = read_counts(doc, start, end, occurrences, found)
    used: list[Mention] = []
    for occurrence in occurrences:
        if occurrence.start() in counted or not is_evaluation(text, start, end, occurrence):
            continue
        word = qi.grade_word(occurrence["grade"])
        before = [m for m in mentions if m.end <= occurrence.start() and m not in used]
        after = [
            m
            for m in mentions
            if m.start >= occurrence.end()
            and m not in used
            and not qi.grade_regex().search(text, occurrence.end(), m.start)
        ]
        ev_start = start
        if before or after:
            mention = before[-1] if before else after[0]
        elif (name := subject_name(text[start : occurrence.start()])) is not None:
            if not name:
                continue
            mention = Mention(None, name, start, occurrence.start())
        elif len(set(carry)) == 1:
            mention = carry[0]
            ev_start = min(start, mention.start)
        elif heading is not None and THIS_INDICATOR.search(sentence):
            mention = heading
        else:
            mention = Mention(None, None, start, start)
        used.append(mention)
        add_grade(found.grades, make_grade(doc, mention, word, ev_start, end))
    return used


def is_evaluation(text: str, start: int, end: int, occurrence: re.Match[str]) -> bool:
    """Whether a grade word states an evaluation, not an adjective ("good practice") or a definition."""
    before, after = text[start : occurrence.start()], text[occurrence.end() : end]
    quoted = before[-1:] in qi.OPEN_QUOTES and after.lstrip(",.")[:1] in qi.CLOSE_QUOTES
    if THRESHOLD_AFTER.search(after) or DEFINITION_AFTER.search(after.lstrip("’'\"”")):
        return False
    if is_range(before, after):
        return False
    next_word = re.match(r"\s+([a-z][\w-]*)", after)
    if not quoted and next_word and next_word[1] not in FOLLOWERS:
        return False
    sentence = text[start:end]
    bare_before = before.rstrip(qi.OPEN_QUOTES + " ")
    if quoted:
        return bool(
            EVALUATION_CUE.search(sentence)
            or FOUND_TO_BE.search(bare_before)
            or qi.QI_REFERENCE.search(sentence)
        )
    return bool(EVALUATION_CUE.search(sentence) and LINK_BEFORE.search(bare_before))


def is_range(before: str, after: str) -> bool:
    """A span of the scale ("'good' or 'very good'", "adequate to good") states no single evaluation."""
    grade = qi.grade_regex().pattern
    follows = re.match(rf"^[’'\"”,]*\s+(?:or|to)\s+[‘'\"“]?{grade}", after, re.IGNORECASE)
    precedes = re.search(rf"{grade}[’'\"”,]*\s+(?:or|to)\s+[‘'\"“]?$", before, re.IGNORECASE)
    return bool(follows or precedes)


def subject_name(before: str) -> str | None:
    """The indicator a passive or active evaluation names ("Leadership of change was evaluated as").

    None when it names none (or the whole service); "" when what was rated is people, not services.
    """
    match = PASSIVE_SUBJECT.search(before) or ACTIVE_OBJECT.search(before)
    if not match:
        return None
    subject = match["subject"].strip()
    names = qi.find_indicator_names(subject)
    if names:
        return names[-1].name
    subject = re.split(r"\b(?:that|which|who|whom|where|when|said|found)\s+", subject)[-1]
    subject = LEADING_WORDS.sub("", subject)
    subject = OWNER.sub("", subject) if not WHOLE_SERVICE.match(subject) else subject
    subject = LEADING_WORDS.sub("", subject)
    words = subject.split()
    if RATED_PEOPLE.match(subject) or qi.number_regex().match(subject):
        return ""  # "12 children were rated as 'good' by their schools": not this inspection's evaluation
    if not words or len(words) > NAME_MAX_WORDS or WHOLE_SERVICE.match(subject):
        return None
    return " ".join(subject.lower().split())


def read_counts(
    doc: Document, start: int, end: int, occurrences: list[re.Match[str]], found: Found
) -> set[int]:
    """Stated counts ("four were graded 'adequate'") into `found.counts`; return the grade offsets counted."""
    text = doc.text
    numbers = [m for m in qi.number_regex().finditer(text, start, end) if not is_year_or_part(text, m)]
    counted: set[int] = set()
    for occurrence in occurrences:
        previous = [n for n in numbers if n.end() <= occurrence.start()]
        if not previous:
            continue
        number = previous[-1]
        between = text[number.end() : occurrence.start()]
        if len(between) > COUNT_GAP_CHARS or qi.grade_regex().search(between):
            continue
        if is_range(text[start : occurrence.start()], text[occurrence.end() : end]):
            continue
        # "five of the nine quality indicators were evaluated as 'good'": the count is the first number.
        if part := OF_THE.search(text, start, number.start()):
            number = part
        words = re.findall(r"[a-z]+", between.lower())
        named = indicator_mentions(text, number.end(), occurrence.start())
        if not (set(words) <= COUNT_LINKS or "indicators" in words or "qis" in words):
            continue
        # "one 'adequate'" after "inspectors found two to be 'good' and": a quoted or linked grade in a
        # sentence about findings or grading is counted; a bare adjective ("two good examples") is not.
        quoted = between.rstrip()[-1:] in qi.OPEN_QUOTES
        in_context = COUNT_CONTEXT.search(text, start, end) and (quoted or words)
        if not (in_context or is_evaluation(text, start, end, occurrence)):
            continue
        word = qi.grade_word(occurrence["grade"])
        counted.add(occurrence.start())
        found.counts.setdefault(word, qi.number_value(number["number"]))
        for mention in named:  # "two indicators, A and B, were weak" also grades A and B
            add_grade(found.grades, make_grade(doc, mention, word, start, end))
    for occurrence in occurrences:
        # "evaluated as good in six of the nine quality indicators": the count follows its grade.
        after = POST_COUNT.match(text, occurrence.end(), end)
        if after and occurrence.start() not in counted and EVALUATION_CUE.search(text, start, end):
            counted.add(occurrence.start())
            found.counts.setdefault(qi.grade_word(occurrence["grade"]), qi.number_value(after["number"]))
    return counted


def is_year_or_part(text: str, number: re.Match[str]) -> bool:
    """Digits that are not counts: part of a QI number, a date or a percentage."""
    after = text[number.end() : number.end() + 9].lower()
    return after.startswith(("%", " per cent", " percent")) or bool(
        re.match(r"\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", after)
    )


def indicators_total(sentence: str) -> int | None:
    """The number of indicators a sentence says were evaluated ("across nine key indicators")."""
    number = qi.number_regex().pattern
    total = re.search(
        rf"{number}\s+(?:(?:key|quality|performance|core|main|of\s+the)\s+){{0,3}}(?:indicators?|QIs?)\b(?!\s+framework)",
        sentence,
        re.IGNORECASE,
    )
    return qi.number_value(total["number"]) if total else None


def make_grade(doc: Document, mention: Mention, word: str, start: int, end: int) -> Grade:
    """A Grade for `word` on `mention`, grounded on `doc.text[start:end]`."""
    values = qi.grade_values()
    return Grade(
        indicator=mention.number,
        indicator_name=mention.name,
        grade=word,  # type: ignore[arg-type]  # validated against GradeWord by pydantic
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
        if not (grade.indicator or grade.indicator_name or other.indicator or other.indicator_name):
            if other.grade == grade.grade:
                return
    grades.append(grade)
