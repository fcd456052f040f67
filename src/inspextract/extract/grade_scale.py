"""Whether a document's evaluations are on another inspectorate's scale, whose words are not grades."""

from __future__ import annotations

import re
from functools import cache

from inspextract.extract import quality_indicators as qi

# Judgement words of the four-point scales (Ofsted, CQC, HM Inspectorate of Probation): a document that
# uses them as judgements speaks of another scale even when it names no inspectorate.
OTHER_SCALE_WORDS = re.compile(
    r"\brequires?\s+improvement\s+to\s+be\s+good\b|\b(?:rated|judged|graded)\s+(?:as\s+|to\s+be\s+)?[‘'\"“]?"
    r"(?:outstanding|inadequate|requires?\s+improvement)\b",
    re.IGNORECASE,
)

# Judgements a document on another scale states (a warning is worth giving): its words, or "judgement".
JUDGEMENT_WORDS = re.compile(
    r"\b(?:outstanding|requires?\s+improvement|inadequate|overall\s+effectiveness|judge?ments?|judged)\b",
    re.IGNORECASE,
)


@cache
def other_scale_bodies() -> frozenset[str]:
    """Inspectorates (canonical names) that grade on a scale other than Scotland's six points."""
    return frozenset(qi.vocabulary()["other_scale_bodies"])


def other_scale(text: str, bodies: list[str]) -> str | None:
    """The inspectorate whose scale the document's evaluations are on, when it is not Scotland's; else None.

    Decided by the bodies the document says took part (all of them from outside Scotland's scale), or,
    when it names none, by judgement wording only the four-point scales use.
    """
    if bodies:
        if all(body in other_scale_bodies() for body in bodies):
            return bodies[0]
        return None
    if OTHER_SCALE_WORDS.search(text):
        return "another inspectorate"
    return None


def other_scale_warning(body: str) -> str:
    """The warning a record carries when its grades are left out."""
    if body == "another inspectorate":
        return "grades on another inspectorate's scale are not extracted"
    return f"grades on another inspectorate's scale ({body}) are not extracted"
