"""What inspection the document is about: its kind, the inspectorates taking part and the lead."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from inspextract.extract.sentence_spans import block_sentences
from inspextract.lexicon import Mention, inspectorates
from inspextract.records import InspectionKind

# The title page and opening paragraphs (characters): where a document names the inspection it is about.
HEAD_CHARS = 1500
# How far before/after an inspectorate's name lead wording may sit ("was led by the Care Inspectorate").
LEAD_WINDOW_CHARS = 60
CARE_INSPECTORATE = "Care Inspectorate"
SPECIFIC_GAP_CHARS = 40  # "services for children and young people (up to the age of 18) at risk of harm"
FUTURE_WINDOW_CHARS = 40  # how far before "progress review" future wording ("will conduct a") may sit

PROGRESS_REVIEW = re.compile(
    r"\bprogress review\b|\breview of progress\b|\bfollow[- ]up (?:inspection|review)\b", re.I
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
        "kinds": {
            InspectionKind(kind): [re.compile(p, flags) for p in patterns]
            for kind, patterns in data["kinds"].items()
        },
        "sentence_cues": [
            (re.compile(c["pattern"], flags), float(c["weight"]))
            for c in data["participation"] + data["background"]
        ],
        "lead_before": re.compile(data["lead_before"], flags),
        "lead_after": re.compile(data["lead_after"], flags),
        "fieldwork": re.compile(data["fieldwork"], flags),
        "publication": re.compile(data["publication"], flags),
        "future": re.compile(data["future"], flags),
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


def find_kind(text: str, title_span: tuple[int, int] | None) -> tuple[InspectionKind | None, Span | None]:
    """The kind of inspection, read from the title first, then the opening, then the whole text."""
    kinds = load_cues()["kinds"]
    regions = [(text[:HEAD_CHARS], 0), (text, 0)]
    if title_span:
        regions.insert(0, (text[title_span[0] : title_span[1]], title_span[0]))
    for region, offset in regions:
        hits: dict[InspectionKind, list[re.Match[str]]] = {}
        for kind, patterns in kinds.items():
            for pattern in patterns:
                hits.setdefault(kind, []).extend(pattern.finditer(region))
        general = InspectionKind.children_and_young_people
        specific_starts = [m.start() for kind, found in hits.items() if kind != general for m in found]
        # The general phrase that opens a specific one ("services for children and young people at risk of
        # harm") names the specific kind, so it does not count for the general one.
        hits[general] = [
            m
            for m in hits.get(general, [])
            if not any(m.start() <= start <= m.end() + SPECIFIC_GAP_CHARS for start in specific_starts)
        ]
        hits = {kind: found for kind, found in hits.items() if found}
        if not hits:
            continue
        # The most often named kind; on a tie the more specific one, then the one named first.
        kind = max(hits, key=lambda k: (len(hits[k]), k != general, -hits[k][0].start()))
        first = hits[kind][0]
        return kind, Span(first.start() + offset, first.end() + offset)
    if re.search(r"\binspection\b|\binspectors?\b", text, re.IGNORECASE):
        return InspectionKind.other, None
    return None, None


def is_progress_review(text: str, title: str | None) -> Span | None:
    """Where the title or opening says the document is about a progress review, or None."""
    if title and PROGRESS_REVIEW.search(title):
        match = PROGRESS_REVIEW.search(text)
        return Span(match.start(), match.end()) if match else Span(0, 0)
    future = load_cues()["future"]
    for match in PROGRESS_REVIEW.finditer(text[:HEAD_CHARS]):
        # "A progress review will follow" announces another document; it does not make this one a review.
        if not future.search(text[max(0, match.start() - FUTURE_WINDOW_CHARS) : match.start()]):
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
            mentioned.extend(n for n in names if n not in mentioned)
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
