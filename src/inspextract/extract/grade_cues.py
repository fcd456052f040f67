"""When a grade word states an evaluation: cues, and the adjective, range and definition uses that are not."""

from __future__ import annotations

import re
from functools import cache

from inspextract.extract import quality_indicators as qi

# Words that make a grade word an evaluation rather than an adjective ("evaluated as", "graded", "QI").
EVALUATION_CUE = re.compile(
    r"(?<![\w-])(?:evaluat(?:ed|es?|ions?|ing)|grad(?:e|ed|es|ings?)|rated|ratings?|scored|award(?:ed|ing))\b",
    re.IGNORECASE,
)
# What sits right before a grade word used as a predicate: "as 'good'", "to be good", "graded good", ": Good".
LINK_BEFORE = re.compile(
    r"(?:\b(?:as|be|being|was|were|is|are|of|graded|rated|evaluated|assessed|judged|scored)|[:–—-])\s*$",
    re.IGNORECASE,
)
FOUND_TO_BE = re.compile(
    r"\b(?:found|judged|considered|deemed|assessed|classified|identified)\b(?:[^.;]{0,80}\b(?:to\s+be|as))?\s*$",
    re.I,
)
# A judging verb right before an unquoted grade ("was judged to be very good", "assessed as weak").
JUDGED_BEFORE = re.compile(
    r"\b(?:judged|assessed|deemed|classified|evaluated|graded|rated)(?:\s+to\s+be|\s+as)?(?:\s+being)?\s*$",
    re.IGNORECASE,
)
# A quoted grade received ("the partnership received 'very good' for ..."): an evaluation.
RECEIVED_BEFORE = re.compile(r"\b(?:received|achieved|gained|earned|secured)(?:\s+an?)?\s*$", re.IGNORECASE)
# "received 'good' feedback": a quoted adjective before its noun.
NOUN_AFTER_QUOTE = re.compile(
    r"[’'\"”]\s+(?!(?:and|or|for|in|from|overall|across|at|on|by|with)\b)(?!(?:grade|rating|evaluation|grading)s?\b)"
    r"[a-z]"
)
# "rated as good or better in regulated care inspections" is a threshold, not an evaluation.
THRESHOLD_AFTER = re.compile(r"^\W*(?:or|and)\s+(?:better|above|higher|over|more|beyond)\b", re.IGNORECASE)
# The scale's boilerplate: "An evaluation of good is applied where performance shows important strengths".
DEFINITION_AFTER = re.compile(
    r"^\W*(?:(?:is|are)\s+(?:applied|used|given|awarded|assigned|defined)|means|applies|indicates|describes|"
    r"represents|denotes)\b",
    re.IGNORECASE,
)
# Grades of other inspections (of registered care services), of surveys or of case records read are not
# this inspection's.
NOT_THIS_INSPECTION = re.compile(
    r"\b(?:regulated|registered)\s+(?:care\s+)?(?:services|settings|inspections)\b|\bcare\s+inspections\b|"
    r"\bsurveys?\b|\bquestionnaires?\b|\brespondents\b|\bper\s*cent\b|%|"
    r"\b(?:records|case\s+files|chronologies)\b",  # case records read and evaluated one by one
    re.IGNORECASE,
)
# "X is 'good'": a quoted grade after a copula states an evaluation unless someone's view is reported;
# an unquoted one does when the scale's meaning follows ("is good, which means important strengths").
# An adverb may stand between ("was only 'adequate'", "are both 'good'").
COPULA_ADVERB = r"(?:(?:both|all|also|only|still|now|again|just)\s+)?"
COPULA_BEFORE = re.compile(rf"\b(?:is|are|was|were)\s+{COPULA_ADVERB}$", re.IGNORECASE)
DEFINED_AFTER = re.compile(
    r"^[’'\"”]?\s*,?\s*(?:which\s+(?:means|highlights|indicates|reflects)|meaning)\b", re.IGNORECASE
)
HEARSAY = re.compile(r"\b(?:told|said|says|felt|feel|thought|think|believe[sd]?|described)\b", re.IGNORECASE)
# Characters either side of a grade word that its cues are looked for in (a clause or two).
WINDOW_CHARS = 200
SCALE = re.compile(r"\bscale\b|\bsix[- ]point\b|\boptions\b|\bthrough\s+to\b|\branging\b", re.IGNORECASE)


@cache
def follower_words() -> frozenset[str]:
    """Words that may follow a predicate grade word; any other lower-case word makes it an adjective."""
    return frozenset(qi.vocabulary()["follower_words"])


def is_evaluation(text: str, start: int, end: int, occurrence: re.Match[str]) -> bool:
    """Whether a grade word states an evaluation, not an adjective ("good practice") or a definition."""
    # The words around the grade decide; a bounded window keeps long sentences linear.
    before = text[max(start, occurrence.start() - WINDOW_CHARS) : occurrence.start()]
    after = text[occurrence.end() : min(end, occurrence.end() + WINDOW_CHARS)]
    if occurrence["plural"]:
        return False  # "six very goods" is a count, never one evaluation
    quoted = before[-1:] in qi.OPEN_QUOTES and after.lstrip(",.")[:1] in qi.CLOSE_QUOTES
    if THRESHOLD_AFTER.search(after) or DEFINITION_AFTER.search(after.lstrip("’'\"”")):
        return False
    if is_range(before, after):
        return False
    next_word = re.match(r"\s+([a-z][\w-]*)", after)
    if not quoted and next_word and next_word[1] not in follower_words():
        return False
    sentence = text[start:end]
    bare_before = before.rstrip(qi.OPEN_QUOTES + " ")
    if COPULA_BEFORE.search(bare_before + " "):
        defined = DEFINED_AFTER.match(after) is not None
        if defined or (quoted and not HEARSAY.search(before)):
            return True
    if quoted:
        return bool(
            EVALUATION_CUE.search(sentence)
            or FOUND_TO_BE.search(bare_before)
            or (RECEIVED_BEFORE.search(bare_before) and not NOUN_AFTER_QUOTE.match(after))
            or qi.QI_REFERENCE.search(sentence)
        )
    if EVALUATION_CUE.search(sentence) and LINK_BEFORE.search(bare_before):
        return True
    # "Leadership of people was judged to be very good": unquoted, only of an indicator named before it.
    named = qi.find_indicator_names(before, min_words=2) or qi.QI_REFERENCE.search(before)
    return bool(named and JUDGED_BEFORE.search(bare_before))


def is_range(before: str, after: str) -> bool:
    """A span of the scale ("'good' or 'very good'", "adequate to good") states no single evaluation;
    nor do grades listed with nothing between them to say what each is for ("'very good' and 'good'")."""
    grade = qi.grade_regex().pattern
    follows = re.match(rf"^[’'\"”,]*\s+(?:or|to|and)\s+[‘'\"“]?{grade}", after, re.IGNORECASE)
    precedes = re.search(rf"{grade}[’'\"”,]*\s+(?:or|to|and)\s+[‘'\"“]?$", before, re.IGNORECASE)
    return bool(follows or precedes)
