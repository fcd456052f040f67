"""What inspection the document is about: its kind (`inspection_kind`), whether it is a progress review, the
inspectorates taking part and the lead."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from inspextract.extract.inspection_kind import find_kind
from inspextract.extract.sentence_spans import block_sentences
from inspextract.lexicon import Mention, inspectorates

__all__ = ["find_bodies", "find_kind", "find_lead", "is_progress_review", "sentences"]

# The title page and opening paragraphs (characters): where a document names the inspection it is about.
HEAD_CHARS = 1500
# How far before/after an inspectorate's name lead wording may sit ("was led by the Care Inspectorate").
LEAD_WINDOW_CHARS = 60
CARE_INSPECTORATE = "Care Inspectorate"
CITATION_YEAR = re.compile(r",?\s*\(?(?:19|20)\d\d\b")  # right after a body's name: a work cited
FUTURE_WINDOW_CHARS = 40  # how far before "progress review" future wording ("will conduct a") may sit

PROGRESS_REVIEW = re.compile(
    r"\bprogress review\b|\bfollow[- ](?:up|through) (?:inspection|review|visit)\b", re.I
)


@dataclass(frozen=True)
class Span:
    """Character offsets in the normalised text."""

    start: int
    end: int


@cache
def load_cues() -> dict[str, Any]:
    """The inspection cue table (`models/lexicons/inspection_cues.json`), compiled."""
    path = resources.files("inspextract").joinpath("models", "lexicons", "inspection_cues.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    flags = re.IGNORECASE | re.MULTILINE
    return {
        "sentence_cues": [
            (re.compile(c["pattern"], flags), float(c["weight"]))
            for c in data["participation"] + data["background"]
        ],
        "lead_before": re.compile(data["lead_before"], flags),
        "lead_after": re.compile(data["lead_after"], flags),
        "fieldwork": re.compile(data["fieldwork"], flags),
        "publication": re.compile(data["publication"], flags),
        "future": re.compile(data["future"], flags),
        "denied": re.compile(data["denied"], flags),
        "future_after": re.compile(data["future_after"], flags),
        "review_cues": [re.compile(p, flags) for p in data["review_cues"]],
        "superseded": re.compile(data["superseded"], flags),
        "inspection_context": re.compile(data["inspection_context"], flags),
    }


@lru_cache(maxsize=2)  # several extractors walk the same document's sentences in turn
def sentences(text: str) -> tuple[Span, ...]:
    """Sentence-like spans of the text (sentences, bullets, label lines)."""
    return tuple(Span(start, end) for start, end in block_sentences(text))


@lru_cache(maxsize=2)  # find_bodies and find_lead both read them
def inspectorate_sentences(text: str) -> tuple[tuple[Span, tuple[Mention, ...]], ...]:
    """Each sentence that names an inspectorate, with those mentions (offsets into the sentence)."""
    lexicon = inspectorates()
    found = []
    for span in sentences(text):
        mentions = lexicon.find(text[span.start : span.end])
        if mentions:
            found.append((span, tuple(mentions)))
    return tuple(found)


def is_progress_review(text: str, title: str | None) -> Span | None:
    """Where the title or opening says the document is about a progress review, or None."""
    if title and PROGRESS_REVIEW.search(title):
        match = PROGRESS_REVIEW.search(text)
        return Span(match.start(), match.end()) if match else Span(0, 0)
    cues = load_cues()
    head = text[:HEAD_CHARS]
    for pattern in (PROGRESS_REVIEW, *cues["review_cues"]):
        for match in pattern.finditer(head):
            before = head[max(0, match.start() - FUTURE_WINDOW_CHARS) : match.start()]
            after = head[match.end() : match.end() + FUTURE_WINDOW_CHARS]
            # "A progress review will follow" announces another document, and "requires no follow-up
            # inspection" denies one: neither makes this document a review.
            announced = cues["future"].search(before) or cues["future_after"].match(after)
            if not announced and not cues["denied"].search(before):
                return Span(match.start(), match.end())
    return None


def participation_score(sentence: str) -> float:
    """Positive when a sentence says who carried out this inspection; negative for background."""
    cues: list[tuple[re.Pattern[str], float]] = load_cues()["sentence_cues"]
    return sum(weight for pattern, weight in cues if pattern.search(sentence))


def find_bodies(text: str) -> tuple[list[str], Span | None]:
    """Every inspectorate the document says took part (in order of mention) and the deciding sentence."""
    taking_part: list[str] = []
    mentioned: list[str] = []
    best: tuple[float, Span] | None = None
    for span, mentions in inspectorate_sentences(text):
        sentence = text[span.start : span.end]
        names = [m.canonical for m in mentions]
        score = participation_score(sentence)
        # A sentence about this inspection speaks of inspecting, a review or scrutiny; "working with the
        # Mental Welfare Commission" in a finding about services does not enrol the Commission.
        about_inspection = load_cues()["inspection_context"].search(sentence) is not None
        if score > 0 and about_inspection:
            taking_part.extend(n for n in names if n not in taking_part)
            if best is None or score > best[0]:
                best = (score, span)
        elif score >= 0:
            # "Self-evaluation using quality indicators, HM Inspectorate of Education 2005": a work cited
            # with its publisher and year does not speak for this inspection.
            cited = {m.canonical for m in mentions if CITATION_YEAR.match(sentence, m.end)}
            mentioned.extend(n for n in names if n not in mentioned and n not in cited)
    if taking_part:
        return taking_part, best[1] if best else None
    # No sentence says who carried it out (a short press release): the inspectorates it names, outside
    # background sentences, are the ones speaking for the inspection.
    return mentioned, None


def find_lead(text: str, bodies: list[str]) -> tuple[str | None, Span | None]:
    """The inspectorate stated to lead; else the Care Inspectorate when it takes part, or a sole body."""
    cues = load_cues()
    stated: list[tuple[bool, str, Span]] = []
    for span, mentions in inspectorate_sentences(text):
        sentence = text[span.start : span.end]
        for mention in mentions:
            before = sentence[max(0, mention.start - LEAD_WINDOW_CHARS) : mention.start]
            after = sentence[mention.end : mention.end + LEAD_WINDOW_CHARS]
            is_lead = cues["lead_before"].search(before) or cues["lead_after"].match(after)
            if is_lead and (not bodies or mention.canonical in bodies):
                about = cues["inspection_context"].search(sentence) is not None
                where = Span(span.start + mention.start, span.start + mention.end)
                stated.append((about, mention.canonical, where))
    if stated:
        # Leading an inspection beats leading something else ("training led by …"); then the first stated.
        _, name, where = max(stated, key=lambda item: item[0])
        return name, where
    if CARE_INSPECTORATE in bodies:
        return CARE_INSPECTORATE, None
    if len(bodies) == 1:
        return bodies[0], None
    return None, None
