"""The kind of inspection a document is about, from the names the inspections go by.

Each kind's phrases are data (`models/lexicons/inspection_cues.json`, "kinds"), in three strengths: the
specific names ("services to protect children", "adult support and protection"), the general name
("services for children and young people") and topic words that only hint ("child protection"). An
inspection named as such ("the joint inspection of services to protect children") decides first, then the
specific names before the general one, in the title and opening before the rest of the text. Inspections
by inspectorates outside Scotland fit none of the Scottish kinds: `other`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from inspextract.extract.runon import recover_lines
from inspextract.lexicon import inspectorates
from inspextract.records import InspectionKind

# The title page and opening paragraphs (characters): where a document names the inspection it is about.
HEAD_CHARS = 1500
# How much of the text names the kind (characters): the opening pages of a long report name its inspection;
# a report's whole body would cost time for nothing (a 2,000-page report took a third of a second).
KIND_CHARS = 50_000
SPECIFIC_GAP_CHARS = 40  # "services for children and young people (up to the age of 18) at risk of harm"
NAMING_WINDOW_CHARS = 40  # how far before a kind's phrase "inspection of" may sit to name the inspection
GENERAL = InspectionKind.children_and_young_people
STRENGTHS = ("specific", "general", "weak")


@dataclass(frozen=True)
class KindMatch:
    """A phrase naming or hinting at a kind of inspection (not an earlier one), at offsets in the text."""

    kind: InspectionKind
    strength: str
    start: int
    end: int
    named: bool  # preceded by "inspection of …": the name of the inspection itself


@dataclass(frozen=True)
class KindCues:
    """The compiled cue table: phrases per kind and strength, naming and superseded wording, bodies abroad."""

    phrases: dict[str, dict[InspectionKind, list[re.Pattern[str]]]]
    naming: re.Pattern[str]
    superseded: re.Pattern[str]
    outside_scotland: frozenset[str]


@cache
def load_kind_cues() -> KindCues:
    """The "kinds" part of `models/lexicons/inspection_cues.json`, compiled."""
    path = resources.files("inspextract").joinpath("models", "lexicons", "inspection_cues.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    flags = re.IGNORECASE | re.MULTILINE
    phrases: dict[str, dict[InspectionKind, list[re.Pattern[str]]]] = {s: {} for s in STRENGTHS}
    for kind, by_strength in data["kinds"].items():
        for strength, patterns in by_strength.items():
            phrases[strength][InspectionKind(kind)] = [re.compile(p, flags) for p in patterns]
    return KindCues(
        phrases,
        re.compile(data["naming"], flags),
        re.compile(data["superseded"], flags),
        frozenset(data["outside_scotland"]),
    )


def find_matches(text: str) -> list[KindMatch]:
    """Every kind phrase in the text; the general phrase that opens a specific one is not counted."""
    cues = load_kind_cues()
    found: list[KindMatch] = []
    for strength, kinds in cues.phrases.items():
        for kind, patterns in kinds.items():
            for pattern in patterns:
                for m in pattern.finditer(text):
                    before = text[max(0, m.start() - NAMING_WINDOW_CHARS) : m.start()]
                    # "since the last inspection of services to protect children" names an earlier one.
                    if not cues.superseded.search(before):
                        named = cues.naming.search(before) is not None
                        found.append(KindMatch(kind, strength, m.start(), m.end(), named))
    specific_starts = [m.start for m in found if m.kind != GENERAL and m.strength == "specific"]
    # "services for children and young people at risk of harm" names the specific kind only.
    return [
        m
        for m in found
        if m.kind != GENERAL or not any(m.start <= s <= m.end + SPECIFIC_GAP_CHARS for s in specific_starts)
    ]


def most_named(matches: list[KindMatch]) -> KindMatch | None:
    """The first match of the kind with the most matches (a specific kind before the general on a tie)."""
    if not matches:
        return None
    counts = Counter(m.kind for m in matches)
    first = {m.kind: m for m in sorted(matches, key=lambda m: m.start, reverse=True)}
    kind = max(counts, key=lambda k: (counts[k], k != GENERAL, -first[k].start))
    return first[kind]


def is_outside_scotland(text: str) -> bool:
    """Inspectorates outside Scotland (Ofsted, Estyn, CQC) named more often than Scotland's own."""
    abroad = load_kind_cues().outside_scotland
    names = [m.canonical for m in inspectorates().find(text)]
    outside = sum(1 for name in names if name in abroad)
    return outside > len(names) - outside


def find_kind(
    text: str, title_span: tuple[int, int] | None
) -> tuple[InspectionKind | None, KindMatch | None]:
    """The kind of inspection and the phrase that decided it; `other` for an inspection of no listed kind."""
    opening_pages = recover_lines(text)[:KIND_CHARS]
    if is_outside_scotland(opening_pages):
        return InspectionKind.other, None
    matches = find_matches(opening_pages)
    head_end = max(HEAD_CHARS, title_span[1] if title_span else 0)
    opening = [m for m in matches if m.start < head_end]
    named = [m for m in matches if m.named and m.strength != "weak"]
    # Past the opening, the kind named most often: a report's body may mention another kind in passing.
    steps = [
        named,
        [m for m in opening if m.strength == "specific"],
        [m for m in opening if m.strength == "general"],
        [m for m in matches if m.strength != "weak"],
        [m for m in matches if m.strength == "weak"],
    ]
    for step in steps:
        if (best := most_named(step)) is not None:
            return best.kind, best
    if re.search(r"\binspection\b|\binspectors?\b", opening_pages, re.IGNORECASE):
        return InspectionKind.other, None
    return None, None
