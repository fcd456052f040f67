"""Indicators named or numbered in a sentence ("QI 2.1", "'impact on families'"), and evaluated subjects."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspextract.extract import quality_indicators as qi
from inspextract.extract.grade_cues import COPULA_ADVERB
from inspextract.extract.grade_names import NOUN_PREFIX, clean_name, is_plural, split_names, strip_quotes

# How far a quoted name may follow its QI number ("2.1, from the inspection framework, 'impact on ...'").
NAME_AFTER_NUMBER_CHARS = 80
QUOTED = re.compile(r"[‘'\"“](?P<quoted>[A-Za-z][^‘’'\"“”]{3,100}?)[’'\"”]")
BARE_NUMBER = re.compile(r"(?<![\w.])(?P<num>\d{1,2}\.\d{1,2})(?![\d.]\d)\s*[:,–—-]?\s*")
EVALUATED_RIGHT_BEFORE = re.compile(r"\b(?:evaluated|graded|rated|evaluation\s+of|grade\s+for)\s+$", re.I)
# "X was evaluated as", "X was found to be", "X was deemed", "X, which was graded as".
_RATING_OF = r"(?:an?\s+)?(?:(?:grade|rating|evaluation|score)\s+of\s+)?"
_PASSIVE = (
    rf"(?:was|were|is|are|has\s+been|have\s+been)\s+{COPULA_ADVERB}(?:evaluated|graded|rated|assessed|"
    r"judged|found|deemed|considered|classified|awarded|given)\s+(?:as\s+|to\s+be\s+)?(?:being\s+)?"
    rf"{_RATING_OF}[‘'\"“]?\s*$"
)
# "X scored 'good'", "X received a rating of 'weak'": the subject holds the grade it was given.
_SCORED = rf"(?:scored|received|achieved|gained|earned)\s+{_RATING_OF}[‘'\"“]?\s*$"
_COPULA = rf"(?:is|are|was|were)\s+{COPULA_ADVERB}[‘'\"“]?\s*$"
SUBJECT = re.compile(
    rf"(?P<subject>[A-Za-z‘'\"“][^,;:.]{{2,120}}?)\s+(?:{_PASSIVE}|{_COPULA}|{_SCORED})", re.I
)
PASSIVE_END = re.compile(rf"\b{_PASSIVE}", re.IGNORECASE)
SCORED_END = re.compile(rf"\b{_SCORED}", re.IGNORECASE)
# "A, B and C is good": a list of subjects with its commas, after the clause that introduces it.
LIST_SUBJECT = re.compile(rf"(?P<subject>[A-Za-z][^;:.]{{2,200}}?)\s+(?:{_PASSIVE}|{_COPULA})", re.IGNORECASE)
RELATIVE = re.compile(rf"(?P<antecedent>[^;:.]{{3,200}}?),\s*which\s+{_PASSIVE}", re.IGNORECASE)
# Where the clause holding a subject begins: "Inspectors said A is good", "firstly A, which was ...".
CLAUSE_START = re.compile(
    r"^.*\b(?:that|which|who|whom|where|when|said|says|found|while|whilst|firstly|secondly|thirdly|"
    r"finally|lastly)\b,?\s+|^.*[‘'\"“]?(?:" + qi.grade_regex().pattern + r")[’'\"”]?\s*,?\s*",
    re.IGNORECASE,
)
COPULA_END = re.compile(rf"\b{_COPULA}", re.IGNORECASE)
ACTIVE_END = re.compile(r"\b(?:as|to\s+be)\s+(?:being\s+)?[‘'\"“]?\s*$", re.IGNORECASE)
ACTIVE_OBJECT = re.compile(
    r"\b(?:evaluated|graded|rated|assessed|judged)\s+(?P<subject>[^,;:.]{3,120}?)\s+(?:as|to\s+be)\s+"
    r"(?:being\s+)?[‘'\"“]?\s*$",
    re.IGNORECASE,
)
# "rated A, and B, as 'adequate'": an active verb's object, a list with its commas or one name.
ACTIVE_LIST = re.compile(
    r"^.*\b(?P<verb>evaluated|graded|rated|assessed|judged|identified)\s+(?P<subject>[^;:.]{3,240}?)\s*,?\s+(?:as|to\s+be)\s+"
    r"(?:being\s+)?[‘'\"“]?\s*$",
    re.IGNORECASE,
)
# Who rated, when it is not the inspectors: people asked ("ten children rated their support as ...") or the
# partners evaluating themselves ("the partnership had evaluated its own performance as ...").
OTHER_RATER = re.compile(
    r"\b(?:children|young\s+people|pupils|parents|carers|families|respondents|staff|partners(?:hip)?|council|"
    r"managers|they|themselves|self-evaluations?)\s+(?:(?:had|have|has|also|themselves)\s+)*$",
    re.IGNORECASE,
)
# A clause whose verb is left out after an earlier grade: "A was 'good', and B 'very good'", "rated A as
# 'weak' and B as 'good'".
GAPPED = re.compile(
    rf"(?:{qi.grade_regex().pattern})[’'\"”]?\s*,?\s+(?:and|while|whilst|but|with)\s+"
    r"(?P<subject>[^,;:.‘'\"“’”]{3,120}?)(?:\s+as)?\s*[‘'\"“]?\s*$",
    re.IGNORECASE,
)
LEADING_WORDS = re.compile(r"^(?:(?:and|but|while|whilst|overall|however|that|the|its|their|our)\s+)+", re.I)
OWNER = re.compile(r"^(?:\w+\s+){0,2}\w+['’]s?\s+(?=\w)")
# Subjects that mean the services as a whole, so the grade has no indicator ("rated the partnership as ...").
WHOLE_SERVICE = re.compile(
    r"^(?:partnership|partners|services?|council|area|authority|inspection|report|it|they|them|this|these|"
    r"performance|work|we|inspectors|provision)\b(?!['’]s)|^[\w\s'’-]*\w['’]s?\s+services$|"
    r"^(?:council|partnership|authority|area)['’]s\s+[\w\s'’-]*services$",
    re.IGNORECASE,
)
RATED_PEOPLE = re.compile(
    r"^(?:(?:most|many|some|all|few|several)\s+(?:of\s+the\s+)?)?(?:children|young\s+people|pupils|staff|parents|"
    r"carers|families|respondents|schools|people|adults)(?:\s+(?:were|was|are|is|in|at|who|from)\b|$)",
    re.IGNORECASE,
)
# "most areas", "the majority of plans": a share of things rated, never one indicator's name.
QUANTIFIED = re.compile(
    r"^(?:most|many|some|all|few|several|the\s+majority|the\s+rest|the\s+remaining)\b", re.I
)
GRADE_BEFORE = re.compile(rf"(?:\bas\s+)?(?:{qi.grade_regex().pattern})", re.IGNORECASE)
GRADE_NOUN_SUBJECT = re.compile(
    r"\b(?:grade|rating|evaluation|grading|judgement)s?(?:\s+(?:awarded|given|received|overall))?$", re.I
)
NEGATED = re.compile(r"(?:no|none|neither|not)\b", re.IGNORECASE)  # "no indicators were evaluated as weak"
# Longest subject phrase kept as an indicator name (words).
NAME_MAX_WORDS = 16
CLAUSE_NAME_MAX_WORDS = 24  # a whole clause named before "which was graded" (care inspections' key questions)


@dataclass(frozen=True)
class Mention:
    """An indicator named or numbered in a sentence: offsets are in the document."""

    number: str | None
    name: str | None
    start: int
    end: int


def indicator_mentions(text: str, start: int, end: int) -> list[Mention]:
    """QI numbers and indicator names in `text[start:end]`, a number merged with the name that follows it."""
    sentence = text[start:end]
    numbers = [(m.start(), m.end(), m["num"]) for m in qi.QI_REFERENCE.finditer(sentence)]
    names: list[tuple[int, int, str]] = [(n.start, n.end, n.name) for n in qi.find_indicator_names(sentence)]
    for m in BARE_NUMBER.finditer(sentence):
        # "2.1 Impact on children and young people": a bare number counts when a known name follows it,
        # or when it is what was evaluated ("we evaluated 2.1 as good").
        named = any(s == m.end() for s, _, _ in names) or EVALUATED_RIGHT_BEFORE.search(
            sentence, 0, m.start()
        )
        if named and not any(s <= m.start() < e for s, e, _ in numbers):
            numbers.append((m.start(), m.start() + len(m["num"]), m["num"]))
    for m in QUOTED.finditer(sentence):
        quoted = m["quoted"].strip(" ,.")
        near_number = any(0 <= m.start() - e <= NAME_AFTER_NUMBER_CHARS for _, e, _ in numbers)
        is_name = (near_number or qi.is_indicator_name(quoted)) and not qi.grade_regex().fullmatch(quoted)
        if is_name and not any(s < m.end() and m.start() < e for s, e, _ in names):
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


def subject_names(before: str) -> list[str] | None:
    """The indicators a passive, copular or active evaluation names ("Leadership of change was evaluated
    as", "A, B and C are both", "evaluated A as").

    None when it names none (or the whole service); [] when what was rated is people, not services.
    """
    if (name := gapped_subject(before)) is not None:
        return as_names(name)
    # Cheap anchored checks first: the subject patterns are only worth searching when the clause ends right.
    passive = PASSIVE_END.search(before) is not None
    if passive and (relative := RELATIVE.search(before)):
        # "firstly A, which was graded as good": the name is the whole clause before "which".
        antecedent = CLAUSE_START.sub("", relative["antecedent"]).strip()
        antecedent = re.sub(r"^(?:of|for)\s+", "", antecedent, flags=re.IGNORECASE)
        name = clean_name(without_lead(antecedent))
        whole = WHOLE_SERVICE.match(name) is not None
        return [name] if 0 < len(name.split()) <= CLAUSE_NAME_MAX_WORDS and not whole else None
    if passive or COPULA_END.search(before):
        listed = LIST_SUBJECT.search(before)
        if listed:
            subject = without_lead(CLAUSE_START.sub("", listed["subject"]))
            names = split_names(subject, plural=is_plural(before[listed.end("subject") :]))
            if len(names) >= 2:
                return names
    ends_right = passive or COPULA_END.search(before) or SCORED_END.search(before)
    match = SUBJECT.search(before) if ends_right else None
    if not match and ACTIVE_END.search(before):
        if (object_names := active_list(before)) is not None:
            return object_names
        match = ACTIVE_OBJECT.search(before)
    if not match:
        return None
    return as_names(single_name(match["subject"].strip()))


def without_lead(phrase: str) -> str:
    """`phrase` without its leading connective or article and rating noun ("the rating for A" -> "A")."""
    return NOUN_PREFIX.sub("", LEADING_WORDS.sub("", phrase))


def as_names(single: str | None) -> list[str] | None:
    """single_name's answer as subject_names gives it: None (whole service), [] (people) or [name]."""
    return None if single is None else [single] if single else []


def single_name(subject: str) -> str | None:
    """One evaluated subject as a name; None for the whole service, "" for people."""
    names = qi.find_indicator_names(subject)
    if names and len(subject.split()) > NAME_MAX_WORDS:
        return names[-1].name
    subject = re.split(r"\b(?:that|which|who|whom|where|when|said|found)\s+", subject)[-1]
    subject = GRADE_BEFORE.split(strip_quotes(subject))[-1].strip()  # "A as 'good' and B": B
    subject = LEADING_WORDS.sub("", subject)
    subject = OWNER.sub("", subject) if not WHOLE_SERVICE.match(subject) else subject
    subject = without_lead(subject)
    if GRADE_NOUN_SUBJECT.search(subject):
        return None  # "the grade awarded was 'good'", "the overall rating was good": the whole service
    if (
        RATED_PEOPLE.match(subject)
        or qi.number_regex().match(subject)
        or NEGATED.match(subject)
        or QUANTIFIED.match(subject)
    ):
        return ""  # "12 children were rated as 'good' by their schools": not this inspection's evaluation
    name = clean_name(subject)
    if (
        not name
        or len(name.split()) > NAME_MAX_WORDS
        or WHOLE_SERVICE.match(name)
        or WHOLE_SERVICE.match(subject)
    ):
        return None
    return name


def active_list(before: str) -> list[str] | None:
    """The names an active evaluation states as an object with commas ("rated A, and B, as"; "judged the
    way staff record, share and act on concerns as"); None when there is none, as subject_names."""
    listed = ACTIVE_LIST.search(before)
    if not listed or qi.grade_regex().search(listed["subject"]):
        return None  # "rated A as 'good', and B as": each has its own grade
    subject = listed["subject"].strip(" ,")
    if OTHER_RATER.search(before, 0, listed.start("verb")) or re.search(r"\bown\b", subject, re.IGNORECASE):
        return []  # not this inspection's evaluation
    names = split_names(without_lead(subject))
    if len(names) == 1:
        return as_names(single_name(subject))
    if any(WHOLE_SERVICE.match(name) or len(name.split()) > NAME_MAX_WORDS for name in names):
        return None
    return names


def gapped_subject(before: str) -> str | None:
    """The subject of a clause that leaves out its verb after an earlier grade ("..., and B 'very good'"):
    its name, "" for people, None when there is no such clause or it names the whole service."""
    gapped = GAPPED.search(before)
    if not gapped or PASSIVE_END.search(gapped["subject"]) or COPULA_END.search(gapped["subject"] + " "):
        return None  # "and B was 'good'" has its own verb
    return single_name(re.sub(r"^(?:that|those)\s+(?:of|for)\s+", "", gapped["subject"]))  # "and that of B"
