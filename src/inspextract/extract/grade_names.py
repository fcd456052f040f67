"""Indicator names stated in prose beside a grade: lists of subjects, names after the grade, bracketed grades.

Press releases paraphrase indicators ("the way staff assessed risks and needs was found to be adequate") and
list several under one grade ("A, B and C were rated 'good'"): each listed name gets the grade.
"""

from __future__ import annotations

import re

from inspextract.extract import quality_indicators as qi

QUOTE = "‘'\"“’”"
# After a grade, what the grade was for: "'excellent' rating for the way ...", "'weak' ratings, including A;
# B; and C", "'good' was awarded on the basis that ...", "(very good) for the two areas – A, and B".
FOR_AFTER = re.compile(
    rf"[{QUOTE})]?\s*(?P<noun>(?:ratings?|evaluations?|grades?|gradings?|indicators)\b[{QUOTE}]?)?\s*,?\s*"
    r"(?P<verb>(?:was|were|has\s+been|have\s+been)\s+(?:also\s+)?(?:awarded|given|granted|made)?\s*)?"
    r"(?:(?P<colon>:|\s[–—])\s*|(?P<link>for|including|in\s+relation\s+to|on\s+the\s+basis\s+that|to)\s+|"
    r"(?P<bare>(?<=were\s)|(?<=was\s)))",
    re.IGNORECASE,
)
# After a colon, a clause (it has a verb) explains the grade; a list of names has none.
CLAUSE_VERB = re.compile(r"\b(?:was|were|is|are|has|have|had|found|said|says|shows?|showed|did|does)\b", re.I)
# Where a list after the grade ends: the sentence end, a clause that says something else, or the verb of
# the sentence the grade and its names are the subject of.
LIST_END = re.compile(
    r"[.!?](?:\s|$)|,\s*(?:with|which|while|whilst|but|after|following|as)\b|\s+(?:and|but)\s+an?\s*[‘'\"“]?$|"
    r"\s+(?:is|was)\s+(?:a|an|the)\s",  # "for leadership is a great achievement": the sentence's own verb
    re.IGNORECASE,
)
# A list item graded in brackets: "children are helped to keep safe (good);", "... (good) and B (weak)".
BRACKETED = re.compile(r"(?:^|[:;,]\s*|\s-\s|\)\s*)(?:and\s+)?(?P<name>[A-Za-z][^:;,()]{2,120}?)\s*\(\s*$")
# What makes a coordination two subjects: "A and B are both 'good'", "ratings for A and B".
PLURAL_AFTER = re.compile(r"^\s*(?:are|were|have\s+been)\b|\bboth\b|\ball\b", re.IGNORECASE)
NOUN_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:rating|evaluation|grade|grading|classification|score)s?\s+(?:for|of)\s+)", re.I
)
# "for its children's services", "for their work": the services as a whole, no indicator.
SERVICES_AS_A_WHOLE = re.compile(
    r"^(?:its|their|the\s+council's|the\s+partnership's)\s+(?:[^,;]*\s)?(?:services|work)\W*$", re.IGNORECASE
)
# "for four out of six indicators", "for the third year running", "for 2019": a count or a time, no name.
NOT_A_NAME = re.compile(
    rf"^(?:the\s+)?(?:{qi.number_regex().pattern}|\d{{4}}\b|(?:first|second|third|fourth|fifth|last|next|"
    r"consecutive|same)\b|(?:year|time|period)s?\b)",
    re.IGNORECASE,
)
DETERMINER = re.compile(
    r"^(?:the\s+)?(?:partnership|council|authority|area|board|home|service|team)['’]s\s+|"
    r"^(?:the|its|their|his|her|our)\s+",
    re.IGNORECASE,
)
# "the impact of services in Moray": the place a press release adds is not part of the indicator's name.
PLACE_AFTER = re.compile(r"\s+(?:in|across)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*$")
# An inline list item graded after a dash: "Impact on families – very good;", its name capitalised as a
# list item's is.
DASHED_ITEM = re.compile(
    rf"(?:(?<=[:;])|(?<=^))\s*(?:and\s+)?(?P<name>(?-i:[A-Z])[^:;,()–—.]{{2,100}}?)\s+[–—-]\s+[‘'\"“]?"
    rf"{qi.grade_regex().pattern}[’'\"”]?(?=\s*(?:[;.]|$))",
    re.IGNORECASE | re.MULTILINE,
)
# "A was evaluated as 'good', as was B": a second subject shares the grade.
SHARED_AFTER = re.compile(
    r"[’'\"”]?\s*,\s*as\s+(?P<verb>was|were|is|are)\s+(?P<names>[^;:.]{3,200}?)\s*(?=[.;:]|,\s*(?:and|but|while|"
    r"whilst|which|with)\b|$)",
    re.IGNORECASE,
)
# A grade that describes the indicators before it: "the indicators evaluated as 'weak' (were A and B)".
DESCRIBED_BEFORE = re.compile(
    r"\b(?:indicators?|QIs?|areas?)\s+(?:(?:that|which)\s+(?:was|were)\s+)?(?:evaluated|graded|rated|judged|"
    r"assessed|found\s+to\s+be)\s+(?:as\s+)?[‘'\"“]?\s*$",
    re.IGNORECASE,
)
# After a comma, words that start an aside about a name, not a second name ("A, the best in Scotland").
ASIDE = re.compile(r"(?:the|a|an|one|making|being|something|which|who)\b", re.IGNORECASE)
BRACKET_REACH_CHARS = 150  # how far before a bracketed grade its list item may start
# A list of names, longest name (words) and most items kept.
NAME_MAX_WORDS = 20
LIST_MAX_ITEMS = 8


def strip_quotes(phrase: str) -> str:
    """`phrase` without quote marks; apostrophes inside words ("children's") stay."""
    return re.sub(r"[\"“”]|(?<!\w)[‘']|[’'](?!\w)", "", phrase)


def clean_name(phrase: str) -> str:
    """A printed name in lower case, without quotes, a leading article or a trailing place."""
    phrase = PLACE_AFTER.sub("", strip_quotes(phrase).strip(" ,."))
    phrase = DETERMINER.sub("", phrase.strip())
    return " ".join(phrase.lower().split())


def split_names(phrase: str, *, plural: bool = False) -> list[str]:
    """The names a list states ("A, B and C" -> [A, B, C]); the phrase whole when it is one name.

    Commas or semicolons make a list when each item has two words or more; a bare "A and B" only when
    told it is plural or when both sides start alike ("listening to children and helping them").
    """
    quoted = re.findall(rf"[‘“'\"]([^{QUOTE}]{{3,120}})[’”'\"]", phrase)
    if len(quoted) >= 2:
        return [clean_name(q) for q in quoted]
    if qi.is_indicator_name(clean_name(phrase)):
        return [clean_name(phrase)]
    known = qi.find_indicator_names(phrase, min_words=2)
    rest = phrase
    for name in reversed(known):
        rest = rest[: name.start] + rest[name.end :]
    if len(known) >= 2 and re.fullmatch(r"(?:[\s,;]|\band\b|\bthe\b)*", rest, re.IGNORECASE):
        return [name.name for name in known]  # known names joined by "and": "A and B", however they read
    pieces = [p.strip() for p in re.split(r"\s*[;,]\s*", phrase) if p.strip()]
    if len(pieces) == 1:
        return [clean_name(p) for p in split_and(phrase, any_pair=plural)]
    oxford = re.match(r"(?:and|or)\s+", pieces[-1], re.IGNORECASE)
    if oxford:
        pieces[-1] = pieces[-1][oxford.end() :]
    else:
        tail = split_and(pieces[-1], any_pair=True)
        if (
            len(tail) == 1
            and len(pieces) == 2
            and (qi.is_indicator_name(clean_name(pieces[0])) or ASIDE.match(tail[0]))
        ):
            return [clean_name(pieces[0])]  # "leadership of people, the only one in Scotland": an aside
        if len(tail) == 1:
            return [clean_name(phrase)]  # "children are listened to, understood and respected": one name
        pieces = pieces[:-1] + tail
    if any(len(p.split()) < 2 for p in pieces) or len(pieces) > LIST_MAX_ITEMS:
        return [clean_name(phrase)]  # "policies, procedures and legislation": one name of single words
    return [clean_name(p) for p in pieces]


def split_and(phrase: str, *, any_pair: bool) -> list[str]:
    """ "A and B" as two names, split at the most even "and" leaving two words or more each side."""
    best: tuple[int, str, str] | None = None
    for match in re.finditer(r"\s+and\s+", phrase):
        left, right = phrase[: match.start()].strip(), phrase[match.end() :].strip()
        if len(left.split()) < 2 or len(right.split()) < 2 or is_fixed_pair(left, right):
            continue
        alike = left.split()[0].lower().endswith("ing") and right.split()[0].lower().endswith("ing")
        if not (any_pair or alike):
            continue
        even = min(len(left.split()), len(right.split()))
        if best is None or even > best[0]:
            best = (even, left, right)
    return [best[1], best[2]] if best else [phrase]


def is_fixed_pair(left: str, right: str) -> bool:
    """Whether the "and" between `left` and `right` joins one fixed phrase ("children and young people")."""
    left, right = left.lower(), right.lower()
    for pair in qi.vocabulary()["fixed_pairs"]:
        first, second = pair.split(" and ", 1)
        if re.search(rf"\b{re.escape(first)}$", left) and re.match(rf"{re.escape(second)}\b", right):
            return True
    return False


def names_after(
    text: str,
    grade_end: int,
    end: int,
    *,
    plural: bool = False,
    described: bool = False,
    noun_before: bool = False,
) -> list[str]:
    """Names a grade is stated for after it ("'excellent' rating for the way it involved families");
    `plural` when the grade was counted ("four as 'weak', including A and B"); `described` when the grade
    describes indicators before it ("the indicators rated 'weak' were A and B"); `noun_before` when a
    rating word precedes it ("a grade of 'good' to the way ...")."""
    match = FOR_AFTER.match(text, grade_end, end)
    if not match:
        return []
    if (match["link"] or "").lower() == "to" and not (match["noun"] or noun_before):
        return []  # "'good' to excellent", "rated 'good' to date": no name
    if match["bare"] is not None and match["verb"].lower().startswith("was") and not described:
        return []  # "the 'good' rating was a fair reflection": a clause, not a name
    rest = text[match.end() : end]
    if stop := LIST_END.search(rest):
        rest = rest[: stop.start()]
    if next_grade := qi.grade_regex().search(rest):
        # "... for A and 4 (good) for B", "... for A and a 'good' for B": the list ends before the next grade
        rest = re.sub(
            r"\s+(?:and|but|while|whilst)\s+(?:an?\s+|\d+\s*)?[‘'\"“(]?\s*$", "", rest[: next_grade.start()]
        )
    if match["bare"] is not None and not (match["noun"] or described):
        return []  # "were" alone after a grade starts a clause, not a list: "'good' indicators were A and B"
    if match["bare"] is not None and re.match(r"\s*\w+(?:ed|en)\b", rest):
        return []  # "the good ratings were welcomed ...": a passive clause
    if (match["colon"] or match["bare"] is not None) and CLAUSE_VERB.search(rest):
        return []  # "was evaluated as 'weak': inspectors found that ...": an explanation, not names
    if re.search(r"\d\.\d", rest):
        return []  # "for quality indicator 2.1 – ...": a numbered indicator, read as a mention
    rest = re.split(r"\s[–—-]\s|:", rest)[-1]  # "for the two areas – A, and B": the names after the dash
    if len(rest.split()) > NAME_MAX_WORDS * 2 or NOT_A_NAME.match(rest) or SERVICES_AS_A_WHOLE.match(rest):
        return []  # "for four out of six indicators", "for its services": no indicator named
    noun, verb = match["noun"] or "", match["verb"] or ""
    plural = plural or noun.rstrip(QUOTE).endswith("s") or "were" in verb or bool(match["colon"])
    names = [name for name in split_names(rest, plural=plural) if 0 < len(name.split()) <= NAME_MAX_WORDS]
    if match["bare"] is not None and any(len(name.split()) < 2 for name in names):
        return []  # "the good ratings were welcome": a word, not a list of names
    if (match["link"] or "").lower().startswith("on") and not all(map(qi.is_indicator_name, names)):
        return []  # "on the basis that" gives a reason, unless what follows is an indicator's name
    return names


def is_named_for(text: str, grade_end: int, end: int) -> bool:
    """Whether the words after a grade say what it was given for with a rating word or verb."""
    match = FOR_AFTER.match(text, grade_end, end)
    return bool(match and (match["noun"] or match["verb"]))


def bracketed_name(text: str, start: int, grade_start: int) -> str | None:
    """The list item a bracketed grade belongs to ("children are helped to keep safe (good)")."""
    match = BRACKETED.search(text[max(start, grade_start - BRACKET_REACH_CHARS) : grade_start])
    if not match or re.search(r"\d\s*$", match["name"]):
        return None  # "a rating of 5 (very good)": the grade's value, not a name
    return clean_name(match["name"])


def is_plural(after: str) -> bool:
    """Whether the words after a subject make it several ("are both", "were")."""
    return PLURAL_AFTER.search(after) is not None


def names_by_meaning(sentence: str, word: str, count: int) -> list[str]:
    """The names a sentence lists after a colon when it speaks the meaning of `word` and lists `count`
    of them: after "four indicators were 'weak'", "Important weaknesses were found in: A, B, C and D"."""
    meanings = qi.vocabulary()["grade_meanings"].get(word, [])
    colon = sentence.find(":")
    if colon < 0 or not any(meaning in sentence[:colon].lower() for meaning in meanings):
        return []
    names = split_names(sentence[colon + 1 :].strip().rstrip("."), plural=True)
    return names if len(names) == count else []


def dashed_items(text: str, start: int, end: int) -> dict[int, tuple[str, str]]:
    """Items of an inline list "Name – grade; Name – grade": {offset of each grade word: (name, grade)},
    when the sentence holds two or more of them (one alone may be a heading or an aside)."""
    items = {
        match.start("grade"): (clean_name(match["name"]), qi.grade_word(match["grade"]))
        for match in DASHED_ITEM.finditer(text[:end], start)
        if not CLAUSE_VERB.search(match["name"]) and not match["plural"]
    }
    return items if len(items) >= 2 else {}


def names_sharing(text: str, grade_end: int, end: int) -> list[str]:
    """Subjects that share a grade stated before them: "A was 'good', as was B" -> [B]."""
    match = SHARED_AFTER.match(text, grade_end, end)
    if not match:
        return []
    plural = match["verb"].lower() in ("were", "are")
    names = split_names(match["names"], plural=plural)
    return [name for name in names if 0 < len(name.split()) <= NAME_MAX_WORDS]


def describes_indicators(text: str, start: int, grade_start: int) -> bool:
    """Whether the grade at `grade_start` describes indicators named before it ("indicators rated as")."""
    return DESCRIBED_BEFORE.search(text, start, grade_start) is not None
