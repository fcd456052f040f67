"""Stated counts of grades ("four were graded 'adequate'") and the number of indicators evaluated."""

from __future__ import annotations

import re
from functools import cache

from inspextract.extract import quality_indicators as qi
from inspextract.extract.grade_cues import (
    EVALUATION_CUE,
    THRESHOLD_AFTER,
    follower_words,
    is_evaluation,
    is_range,
)
from inspextract.extract.grade_mentions import Mention, indicator_mentions

# Longest stretch between a count and its grade word (characters): a clause, never a whole sentence.
COUNT_GAP_CHARS = 120
NUMBER = qi.number_regex().pattern
OF_THE = re.compile(rf"{NUMBER}\s+of\s+(?:the\s+|these\s+)?\s*$", re.IGNORECASE)
# "'good' in six of the nine quality indicators"; and in a list of them, "'good' in four and ...".
POST_COUNT = re.compile(
    rf"[’'\"”]?\s+(?:(?:evaluation|rating|grade)s?\s+)?(?:(?:was|were)\s+(?:given|awarded|made)\s+)?"
    rf"(?:in|for|across|on)\s+{NUMBER}\s+"
    r"(?:(?:out\s+)?of\s+(?:the\s+)?\S+\s+)?(?:(?:key|quality|inspected)\s+)?(?:indicators|QIs|areas)\b",
    re.IGNORECASE,
)
POST_COUNT_IN_LIST = re.compile(
    rf"[’'\"”]?\s+(?:in|for|across|on)\s+{NUMBER}(?=\s*(?:[,.;]|and\b|$))", re.IGNORECASE
)
# What may follow a bare grade word counted by the number right before it: the end of a list item or a
# rating noun ("one excellent, four very good and four good evaluations"); not "two good examples".
BARE_COUNT_AFTER = re.compile(
    r"[’'\"”]?(?:\s*(?:[,.;:]|$)|\s+(?:and|or)\b|\s+(?:grades?|ratings?|evaluations?|gradings?)\b)", re.I
)
RATING_NOUN = re.compile(r"(?:grade|rating|evaluation|grading)s?$")
# "an adequate", "another, 'planning', was found to be 'weak'": one, after other counts in the sentence.
ARTICLE_BEFORE = re.compile(
    r"\b(?:an?|another)\s+[‘'\"“]?$|\banother\b[^.;]{0,100}?\b(?:was|is)\s+(?:\w+\s+){0,3}[‘'\"“]?$",
    re.IGNORECASE,
)
# A sentence that states counts of evaluations: "inspectors found ...", "were graded", "indicators".
COUNT_CONTEXT = re.compile(
    rf"{EVALUATION_CUE.pattern}|\b(?:found|judged|assessed|considered|deemed)\b|\bindicators?\b|\bQIs?\b",
    re.IGNORECASE,
)


@cache
def count_link_words() -> frozenset[str]:
    """Words that may stand between a count and its grade ("four were graded", "one to be")."""
    return frozenset(qi.vocabulary()["count_link_words"])


def read_counts(
    text: str, start: int, end: int, occurrences: list[re.Match[str]]
) -> tuple[set[int], dict[str, int], list[tuple[Mention, str]]]:
    """Counts a sentence states: (offsets of the grade words counted, {grade: count}, indicators it names)."""
    counts: dict[str, int] = {}
    named_grades: list[tuple[Mention, str]] = []
    counted: set[int] = set()
    after_numbers = read_counts_after(text, start, end, occurrences, counts, counted)
    numbers = [
        m
        for m in qi.number_regex().finditer(text, start, end)
        if not is_year_or_part(text, m) and m.start() not in after_numbers
    ]
    for occurrence in occurrences:
        previous = [n for n in numbers if n.end() <= occurrence.start()]
        if not previous or occurrence.start() in counted:
            continue
        number = previous[-1]
        between = text[number.end() : occurrence.start()]
        if len(between) > COUNT_GAP_CHARS or qi.grade_regex().search(between):
            continue
        after = text[occurrence.end() : end]
        if is_range(text[start : occurrence.start()], after) or THRESHOLD_AFTER.search(after):
            continue  # "'good' or 'very good'", "good or better": no count of one grade
        named = indicator_mentions(text, number.end(), occurrence.start())
        link = without_names(between, number.end(), named)
        words = re.findall(r"[a-z]+", link.lower())
        # "five of the nine quality indicators were evaluated as 'good'": the count is the first number.
        if part := OF_THE.search(text, start, number.start()):
            number = part
        if not (set(words) <= count_link_words() or "indicators" in words or "qis" in words):
            continue
        if ":" in link or link.rstrip().endswith("("):
            continue  # "three indicators: A (good), ...": a list of graded items, not a count of one grade
        # "one 'adequate'" after "inspectors found two to be 'good' and": a quoted or linked grade in a
        # sentence about findings or grading is counted; a bare adjective ("two good examples") is not.
        quoted = between.rstrip()[-1:] in tuple(qi.OPEN_QUOTES)  # not "" (no quote at all)
        # A plural grade word ("five very goods") is only ever counted; a bare one ends a list item.
        ends_item = BARE_COUNT_AFTER.match(text, occurrence.end(), end) is not None
        linked = quoted or words or occurrence["plural"] or ends_item
        in_context = COUNT_CONTEXT.search(text, start, end) and linked
        if not (in_context or is_evaluation(text, start, end, occurrence)):
            continue
        word = qi.grade_word(occurrence["grade"])
        counted.add(occurrence.start())
        counts.setdefault(word, qi.number_value(number["number"]))
        named_grades += [(mention, word) for mention in named]  # "two indicators, A and B, were weak"
    if counts:
        # In a list of counts, an article counts one: "six very goods, two goods and an adequate".
        for occurrence in occurrences:
            one = ARTICLE_BEFORE.search(text, start, occurrence.start())
            if one and occurrence.start() not in counted and not is_adjective(text, occurrence, end):
                counted.add(occurrence.start())
                word = qi.grade_word(occurrence["grade"])
                counts.setdefault(word, 1)
                named_grades += [(m, word) for m in indicator_mentions(text, one.start(), occurrence.start())]
    return counted, counts, named_grades


def read_counts_after(
    text: str,
    start: int,
    end: int,
    occurrences: list[re.Match[str]],
    counts: dict[str, int],
    counted: set[int],
) -> set[int]:
    """Counts written after their grade ("'good' in six of the nine quality indicators", then "'weak' in
    two"): added to `counts`; returns the offsets of the numbers read, which count nothing before them."""
    if not EVALUATION_CUE.search(text, start, end):
        return set()
    afters = [POST_COUNT.match(text, o.end(), end) for o in occurrences]
    if not any(afters):
        return set()  # a bare "in four" counts only beside a count that says what it counts
    used: set[int] = set()
    for occurrence, after in zip(occurrences, afters, strict=True):
        after = after or POST_COUNT_IN_LIST.match(text, occurrence.end(), end)
        if after:
            counted.add(occurrence.start())
            counts.setdefault(qi.grade_word(occurrence["grade"]), qi.number_value(after["number"]))
            used.add(after.start("number"))
    return used


def is_adjective(text: str, occurrence: re.Match[str], end: int) -> bool:
    """Whether a grade word is an adjective before its noun ("of a good standard"), not a count's item."""
    next_word = re.match(r"[’'\"”]?\s+([a-z][\w-]*)", text[occurrence.end() : end])
    return bool(next_word and next_word[1] not in follower_words() and not RATING_NOUN.match(next_word[1]))


def without_names(between: str, offset: int, names: list[Mention]) -> str:
    """`between` (at `offset` in the text) with the indicator names blanked: names are no link words."""
    for name in names:
        start, end = name.start - offset, name.end - offset
        between = between[:start] + " " * (end - start) + between[end:]
    return between


def is_year_or_part(text: str, number: re.Match[str]) -> bool:
    """Digits that are not counts: part of a QI number, a date or a percentage."""
    after = text[number.end() : number.end() + 9].lower()
    return after.startswith(("%", " per cent", " percent")) or bool(
        re.match(r"\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", after)
    )


# A number of indicators; not a page or appendix number before a heading ("13 Quality indicator 1 – ...",
# "Appendix 1 Quality indicators").
TOTAL = re.compile(
    rf"(?<!appendix\s)(?<!annex\s)(?<!page\s){NUMBER}\s+(?:(?:key|quality|performance|core|main)\s+){{0,3}}"
    r"(?:indicators?|QIs?)\b(?!\s+framework)(?!\s+of\s+(?!quality|performance)\w)(?!\s*[:–—-]?\s*\d+(?!\.\d))",
    re.IGNORECASE,
)
GRADE_FOR_BEFORE = re.compile(
    rf"(?:{qi.grade_regex().pattern})[’'\"”]?\s+(?:[a-z]+\s+){{0,4}}(?:in|for|across|on)\s+$", re.IGNORECASE
)
# A sentence that may state how many indicators the inspection evaluates: it speaks of evaluating or
# inspecting ("the inspection team will use two quality indicators", "inspectors examined nine").
TOTAL_CONTEXT = re.compile(
    rf"{EVALUATION_CUE.pattern}|\b(?:inspect\w*|scrutin\w*|examin\w*|assess\w*|measur\w*|against)\b",
    re.IGNORECASE,
)


def indicators_total(sentence: str, counts: dict[str, int]) -> int | None:
    """The number of indicators a sentence says were evaluated ("across nine key indicators").

    In a breakdown ("two indicators were 'very good' and seven 'good'") the numbers are counts, not a total.
    """
    for total in TOTAL.finditer(sentence):
        value = qi.number_value(total["number"])
        rest = sentence[total.end() : total.end() + COUNT_GAP_CHARS]
        is_a_count = len(counts) >= 2 and counts.get(first_grade(rest) or "") == value
        # "'good' was given for five indicators": the count of a grade written before it.
        is_a_count = is_a_count or GRADE_FOR_BEFORE.search(sentence, 0, total.start()) is not None
        singular = not total.group().lower().endswith("s")  # "90 Quality indicator": a page, then a heading
        if not is_a_count and not (singular and value != 1):
            return value
    return None


def first_grade(text: str) -> str | None:
    """The first grade word in `text`, canonical."""
    match = qi.grade_regex().search(text)
    return qi.grade_word(match["grade"]) if match else None
