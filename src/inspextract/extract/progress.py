"""Progress wording to the Progress enum of SCHEMA.md, shared by areas and findings."""

from __future__ import annotations

import re

from inspextract.records import Progress

# "significant progress", "significant improvement", "significantly strengthened", "very good progress" ...
# The degree word decides: the first enum word found in the phrase ("very good progress" -> good).
_DEGREE = re.compile(
    r"\b(?P<word>significant(?:ly)?|considerabl[ey]|good|reasonabl[ey]|some|limited|no|little)\b"
    r"(?=(?:\s+\w+){0,2}?\s+(?:progress|improvement|improved|strengthened|developments?|change)\b)",
    re.IGNORECASE,
)
_ENUM_OF = {
    "significant": Progress.significant,
    "significantly": Progress.significant,
    "considerable": Progress.considerable,
    "considerably": Progress.considerable,
    "good": Progress.good,
    "reasonable": Progress.reasonable,
    "reasonably": Progress.reasonable,
    "some": Progress.some,
    "limited": Progress.limited,
    "little": Progress.limited,
    "no": Progress.no,
}


# The degree after the verb: "had improved considerably", "progress has been significant".
_DEGREE_AFTER = re.compile(
    r"\b(?:progress|improvement|improved|strengthened)\s+(?:\w+\s+){0,2}?"
    r"(?P<word>significant(?:ly)?|considerabl[ey]|reasonabl[ey]|limited)\b",
    re.IGNORECASE,
)


def progress_of(phrase: str) -> Progress | None:
    """The degree of progress a phrase states, or None when it states none ("encouraging", "steady")."""
    match = _DEGREE.search(phrase) or _DEGREE_AFTER.search(phrase)
    return _ENUM_OF[match["word"].lower()] if match else None


# Any stated degree, the enum's words and those that map to none ("minimal", "steady", "encouraging").
_ANY_DEGREE = (
    r"(?:significant|considerable|(?:very\s+)?good|reasonable|some|limited|little|no|minimal|steady|"
    r"encouraging|substantial|excellent|real|clear|positive|slow|strong|sufficient|satisfactory|marked)"
)
# Progress stated as made: "significant progress has been made", "partners made good progress", "was making
# good progress", "there has been good progress", "led to significant progress", "note the considerable
# progress made".
_PROGRESS_MADE = re.compile(
    rf"\b(?:make|makes|made|making|achieved|shown|showing|demonstrated|been|found|seen|saw|reported|"
    rf"evidence\s+of|led\s+to|resulted\s+in|note\s+the)\s+"
    rf"(?:(?:\w+\s+){{0,2}}?){_ANY_DEGREE}\s+(?:\w+\s+)?progress\b(?!\s+review)"
    rf"|\b{_ANY_DEGREE}\s+(?:\w+\s+)?progress\s+(?:(?:has|had|have)\s+(?:also\s+)?been\s+|was\s+|were\s+)?made\b"
    # An item of a list led in by "… had made:": "- good progress in improving assessments;".
    rf"|^\W*{_ANY_DEGREE}\s+(?:\w+\s+)?progress\s+(?:in|on|with|towards|against)\b",
    re.IGNORECASE,
)
# Improvement stated for the whole ("evidence of significant improvement following the inspection",
# "demonstrate significant improvement in a number of key areas"); an improvement in one part of an area
# ("considerable improvement in the inclusion of chronologies") is a strength (SCHEMA.md).
_WHOLE_IMPROVEMENT = re.compile(
    rf"\b(?:evidence\s+of|demonstrated?|demonstrates|shown|shows|made|achieved)\s+{_ANY_DEGREE}\s+improvements?\b"
    r"(?!\s+(?:in|to|of)\s+(?!(?:a\s+number\s+of|all|many|most|each|several)\b))",
    re.IGNORECASE,
)
# Counts of recommendations or cases ("of which 15 had made no progress", "in 3 of those cases") are
# progress on parts, not on a whole area.
_COUNTED_PARTS = re.compile(r"\bof\s+which\s+\d+|\bin\s+\d{1,2}\s+(?:of\b|cases\b|recommendations\b)", re.I)


# What a review looks at ("this inspection focuses on progress made ...", "to assess progress") is method.
_SCOPE = re.compile(
    r"\b(?:focus(?:es|ed)?\s+on|look(?:s|ed)?\s+at|assess(?:es|ed)?|review(?:s|ed)?)\s+progress\b", re.I
)


# Progress on a plan ("good progress in delivering the action plan") is the partners' account of their plan.
_ON_A_PLAN = re.compile(r"\bprogress\b[^.]{0,40}\b(?:action|improvement)\s+plans?\b", re.IGNORECASE)


# Every branch of _PROGRESS_MADE says "progress" and _WHOLE_IMPROVEMENT "improvement": a statement with
# neither word states no progress, and one cheap search spares most statements the five above.
_PROGRESS_WORD = re.compile(r"progress|improvement", re.IGNORECASE)


def states_progress(statement: str) -> bool:
    """Whether a statement reports progress made on an area or on all areas (a `progress` finding)."""
    if not _PROGRESS_WORD.search(statement):
        return False
    if _COUNTED_PARTS.search(statement) or _SCOPE.search(statement) or _ON_A_PLAN.search(statement):
        return False
    return bool(_PROGRESS_MADE.search(statement) or _WHOLE_IMPROVEMENT.search(statement))


def progress_kind(statement: str, kind: str | None) -> str | None:
    """The finding kind once progress is decided here: `progress` for progress made on the whole, a
    `strength` for progress counted on parts, else the kind judged from the statement's other cues (None:
    not a finding unless it states progress)."""
    if states_progress(statement):
        return "progress"
    if kind == "progress" and _COUNTED_PARTS.search(statement):
        return "strength"
    return kind


def first_stated_progress(sentences: list[str]) -> Progress | None:
    """The degree of the first sentence that states progress made: a review of a single area states the
    progress on that area wherever it says how much progress was made."""
    for sentence in sentences:
        if states_progress(sentence) and (degree := progress_of(sentence)):
            return degree
    return None
