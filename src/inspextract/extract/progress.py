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
