"""Judging one statement: is it a finding, and of which kind? Cue phrases are data (finding_cues.json)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from inspextract.extract.item_wording import item_kind

KINDS = ("strength", "improvement", "recommendation", "progress")
# Statement cue tables that rule a statement out whatever else it says.
EXCLUSIONS = ("exclude_hard", "grade_statement", "method", "announcement")
# "X, but Y" / "X; however, Y" / "X, though Y" / "X, although Y": the judgement the sentence ends on
# decides (SCHEMA.md).
_TURN = re.compile(
    r"(?:,|;)?\s+but\s+|[;,]\s*however,?\s+|\.\s+however,?\s+|,\s+(?:al)?though\s+", re.IGNORECASE
)
# "Although X, Y": Y decides. A concession may run on past commas ("While X, particularly in Y, we
# are aware …"): it ends at the comma a main clause's subject follows, else at the first comma.
_CONCESSION_TO_SUBJECT = re.compile(
    r"^\W*(?:although|though|while|whilst|despite)\b.{3,}?,\s*"
    r"(?=(?:we|they|there|it|this|these|partners|staff|services|inspectors|leaders|most|many|all)\b)",
    re.IGNORECASE,
)
_CONCESSION = re.compile(r"^\W*(?:although|though|while|whilst|despite)\b[^,]{3,}?,\s*", re.IGNORECASE)
# "Strengthening their remit should help …": an action not yet taken is the subject of a prediction.
# Modals inside "how …" or relative clauses ("information that might help …") are not advice.
# "recommended that partners should …" is advice all the same.
_EMBEDDED_MODAL = re.compile(
    r"(?<!recommended )(?<!recommends )(?<!recommend )"
    r"\b(?:how|that|which|who)\b(?:\s+[\w’'-]+){0,6}?\s+(?:would|could|might|should)\b",
    re.I,
)
# ", when they were judged to be weak": an earlier inspection's verdict, the history a change is measured
# against, not a grade or a need of today.
_EARLIER_VERDICT = re.compile(
    r",\s+when\s+(?:\w+\s+){1,3}?(?:was|were|had been)\s+"
    r"(?:judged|found|graded|rated|evaluated|assessed)\b.*$",
    re.IGNORECASE,
)
# How far before a strength word a negation may stand ("not making effective"; characters).
NEGATION_WINDOW_CHARS = 24
# A strength word right after these is negated: "less effective", "not always well supported",
# "lacked clear outcomes".
_NEGATED = re.compile(r"\b(?:less|not(?:\s+[\w-]+)?|lack(?:ed|ing|s)?|without)\s+$")
# "<speaker> said (that) …" at the start of a statement (lower-cased text).
_REPORTED_SPEECH = re.compile(
    r"^\W*(?P<speaker>[^.;:“”\"]{2,160}?)\s+(?:have |has )?"
    r"(?:said|says|added|commented|stated|explained|noted|welcomed|admitted|emphasised|called for)\b"
)
_CONTRAST_OPENING = re.compile(r"^\W*however\b")
_GERUND_SUBJECT = re.compile(r"^\W*(?:\w+ly\s+)?[A-Z]?\w+ing\b")


def _compile(patterns: list[str], *, flags: int = 0) -> re.Pattern[str]:
    # One word-boundary wrapper around the whole alternation: much faster than one per alternative.
    return re.compile(rf"(?<![\w-])(?:{'|'.join(patterns)})(?![\w-])", flags)


@dataclass(frozen=True)
class Cues:
    """The compiled cue patterns of one cue file."""

    sections: dict[str, re.Pattern[str]]
    lead_in: dict[str, re.Pattern[str]]
    statement: dict[str, re.Pattern[str]]
    speech_verb: re.Pattern[str]
    speech_inspectorate: re.Pattern[str]
    speech_other: re.Pattern[str]
    # The EXCLUSIONS tables as one alternation: one scan of a statement instead of four.
    excluded: re.Pattern[str]


@cache
def load_cues(name: str = "finding_cues") -> Cues:
    """The finding cues shipped in models/lexicons (compiled once)."""
    path = resources.files("inspextract").joinpath("models", "lexicons", f"{name}.json")
    data = json.loads(path.read_text(encoding="utf-8"))

    def table(node: dict[str, list[str]], *, whole: bool = False) -> dict[str, re.Pattern[str]]:
        out = {}
        for key, patterns in node.items():
            if key.startswith("_"):
                continue
            # Statement cues are lower case and matched on lower-cased text (faster than IGNORECASE).
            out[key] = (
                re.compile("|".join(rf"^(?:{p})$" for p in patterns), re.I) if whole else _compile(patterns)
            )
        return out

    return Cues(
        sections=table(data["sections"], whole=True),
        lead_in=table(data["lead_in"]),
        statement=table(data["statement"]),
        speech_verb=_compile(data["speech"]["verb"], flags=re.IGNORECASE),
        speech_inspectorate=_compile(data["speech"]["inspectorate"], flags=re.IGNORECASE),
        speech_other=_compile(data["speech"]["other_speaker"], flags=re.IGNORECASE),
        excluded=_compile([p for table in EXCLUSIONS for p in data["statement"][table]]),
    )


def section_kind(title: str, cues: Cues) -> str | None:
    """The zone a heading opens: 'exclude', 'findings', or the default finding kind; None if unknown."""
    title = " ".join(re.sub(r"^[\d.]+\s+", "", title).split()).rstrip(":").strip()
    for zone in ("exclude", "recommendation", "improvement", "strength", "findings"):
        if cues.sections[zone].match(title):
            return zone
    return None


def lead_in_kind(text: str, cues: Cues) -> str | None:
    """The default kind a list's introducing line gives its bullets ('inherit' and 'exclude' too)."""
    lowered = text.lower()
    named = {kind for kind in KINDS if kind in cues.lead_in and cues.lead_in[kind].search(lowered)}
    if cues.lead_in["exclude"].search(lowered):
        return "exclude"
    if named == {"recommendation", "improvement"}:
        return "improvement"  # "recommended these areas for improvement:": the item's wording decides
    if len(named) > 1:
        return "findings"  # "strengths and weaknesses:": each item is judged on its own
    if named:
        return named.pop()
    for zone in ("findings", "inherit", "continues"):
        if cues.lead_in[zone].search(lowered):
            return zone
    return "exclude" if is_excluded(lowered, cues) else None


def list_item_kind(text: str, lead: str, cues: Cues) -> str | None:
    """The kind of an item in a list whose introducing line names its kind ("key strengths:").

    The list decides, except that an item worded as an action in a list of areas for improvement
    ("Improve …", "Ensuring …", "… should …") is a recommendation, and an item of a list of strengths
    that ends on a weakness ("X, but Y") is an improvement (SCHEMA.md).
    """
    lowered = text.lower()
    if is_excluded(lowered, cues) or is_reported_speech_of_others(lowered, cues):
        return None
    clause = decisive_clause(lowered)
    if lead == "strength" and clause != lowered and _cue_kind(clause, cues) == "improvement":
        return "improvement"  # "Visits were prompt, although X was not always there": Y decides
    if lead == "improvement":
        return item_kind(text).value
    return lead


def _is_reported_speech_of_inspectorate(text: str, cues: Cues) -> bool:
    """ "Jo Bloggs, chief inspector at the Care Inspectorate, said the council …": what inspectors found."""
    m = _REPORTED_SPEECH.match(text)
    return m is not None and cues.speech_inspectorate.search(m["speaker"]) is not None


def is_reported_speech_of_others(text: str, cues: Cues) -> bool:
    """ "The council leader said staff had worked hard": the inspected side's view, not a finding."""
    m = _REPORTED_SPEECH.match(text)
    if not m:
        return False
    # Who is named first is the speaker: "the council leader welcomed the report and said …". A clause
    # before ", and" is not: "leaders had set the tone, and staff said they felt trusted".
    speaker = re.split(r",\s+and\s+", m["speaker"])[-1]
    other, inspectorate = cues.speech_other.search(speaker), cues.speech_inspectorate.search(speaker)
    return other is not None and (inspectorate is None or other.start() < inspectorate.start())


def is_excluded(text: str, cues: Cues) -> bool:
    """Whether a (lower-cased) statement is procedure, method, a grade or a committee's business."""
    return cues.excluded.search(text) is not None


def is_plain(text: str, cues: Cues) -> bool:
    """A factual statement with no cue either way and nothing that rules it out (a plan, a procedure)."""
    lowered = text.lower()
    return not (
        is_excluded(lowered, cues)
        or is_reported_speech_of_others(lowered, cues)
        or cues.statement["exclude_soft"].search(lowered)
        or lowered.rstrip().endswith(":")
    )


def decisive_clause(text: str) -> str:
    """The part of a mixed statement whose judgement decides its kind."""
    parts = _TURN.split(text)
    last = parts[-1] if len(parts[-1].split()) >= 3 else text
    main = _CONCESSION_TO_SUBJECT.sub("", last, count=1)
    return main if main != last else _CONCESSION.sub("", last)


def _is_negated(text: str, start: int) -> bool:
    return _NEGATED.search(text, max(0, start - NEGATION_WINDOW_CHARS), start) is not None


def judge(text: str, default: str | None, cues: Cues) -> str | None:
    """The kind of finding a statement is, or None; `default` is what its section or list implies."""
    s = cues.statement
    text = _EARLIER_VERDICT.sub(".", text.lower())
    if default == "exclude" or is_excluded(text, cues) or is_reported_speech_of_others(text, cues):
        return None
    clause = decisive_clause(text)
    kind = _cue_kind(clause, cues)
    if kind is None and clause != text:
        kind = _cue_kind(text, cues)  # the turn holds no judgement: the whole statement decides
    if kind is not None:
        return kind
    if s["exclude_soft"].search(text) or text.rstrip().endswith(":"):
        return None
    if s["frame"].search(text) or _is_reported_speech_of_inspectorate(text, cues):
        return "strength"
    return default if default in KINDS else ("strength" if default == "findings" else None)


def _cue_kind(text: str, cues: Cues) -> str | None:
    s = cues.statement
    if s["progress"].search(text):
        return "progress"
    if s["dominant_strength"].search(text):
        return "strength"
    if s["stated_need"].search(text):
        return "improvement"  # "partners recognised that X was needed / would help": a stated need
    advice = _EMBEDDED_MODAL.sub(" ", text)  # "understood how this would help" advises nothing
    if s["recommendation"].search(advice):
        return "recommendation"
    if s["predictive"].search(advice):
        # "should help" about something in place is a strength; about an action not yet taken, advice.
        return "recommendation" if _GERUND_SUBJECT.match(text) else "strength"
    if s["dominant_improvement"].search(text):
        return "improvement"
    # Otherwise the judgement the statement ends on decides: the last cue wins.
    # A negated strength ("not making effective use", "less effective") states a weakness.
    strengths = [(m.start(), _is_negated(text, m.start())) for m in s["strength"].finditer(text)]
    improvements = [m.start() for m in s["improvement"].finditer(text)] + [p for p, neg in strengths if neg]
    improvement = max(improvements, default=None)
    strength = max((p for p, neg in strengths if not neg), default=None)
    # "However, X": a contrast with what came before; with a weakness word in it, it states a weakness.
    contrast = _CONTRAST_OPENING.match(text) is not None and len(improvements) > 1
    if improvement is not None and (strength is None or improvement > strength or contrast):
        return "improvement"
    if strength is not None:
        return "strength"
    return None
