"""The kind of document (inspection report, progress review, press release, committee paper), scored by cues.

The cues and their weights are data (`models/lexicons/doctype_cues.json`), in families: committee papers'
structure and meeting language (labels, "The Committee is asked to", minutes), news voice (reported speech,
"the report found", "published today"), and reports' structure (contents page, "How we conducted this
inspection", title-page labels, inspectors' "we read"). A text about an inspection that no family claims is
a news item or statement about it. Cues read the text with run-on lines restored (`runon.py`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from inspextract.extract.runon import recover_lines
from inspextract.records import DocumentType

# The title page and opening paragraphs: where labels, headlines and datelines sit (characters). Long enough
# for a committee paper's label block or a report's cover plus contents page start; chosen on the dev corpus.
HEAD_CHARS = 1500
# Where "any" cues are looked for (characters): the opening pages, where committee papers and reports show
# their structure, and the back pages, where reports print their publication details and news items their
# notes to editors. Scanning a 2,000-page report whole for ~50 cues took over a second.
BODY_HEAD_CHARS = 30_000
BODY_TAIL_CHARS = 10_000


@dataclass(frozen=True)
class Cue:
    """One weighted pattern voting for a kind of document."""

    type: DocumentType
    pattern: re.Pattern[str]
    weight: float
    head_only: bool


@dataclass(frozen=True)
class DocTypeVerdict:
    """The chosen kind, its score, and the span of the strongest cue found for it (for evidence)."""

    type: DocumentType
    score: float
    span: tuple[int, int] | None


@dataclass(frozen=True)
class CueTable:
    """The cues, the score a kind needs, the kind of a text no cue decides, and progress-review titles."""

    cues: list[Cue]
    min_score: float
    fallback: DocumentType
    fallback_when: re.Pattern[str]
    progress_title: re.Pattern[str]


@cache
def load_cues() -> CueTable:
    """The cue table of `models/lexicons/doctype_cues.json`, compiled."""
    path = resources.files("inspextract").joinpath("models", "lexicons", "doctype_cues.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    cues = [
        Cue(
            DocumentType(item["type"]),
            re.compile(item["pattern"], re.IGNORECASE | re.MULTILINE),
            float(item["weight"]),
            item["where"] == "head",
        )
        for item in data["cues"]
    ]
    return CueTable(
        cues,
        float(data["min_score"]),
        DocumentType(data["fallback"]["type"]),
        re.compile(data["fallback"]["pattern"], re.IGNORECASE),
        re.compile(data["progress_review_title"], re.IGNORECASE),
    )


def classify(text: str, title: str | None = None) -> DocTypeVerdict:
    """The document type with the highest cue score; the fallback kind when none reaches the minimum."""
    table = load_cues()
    text = recover_lines(text)  # same offsets; a report copied as one paragraph gets its lines back
    head = text[:HEAD_CHARS]
    scores: dict[DocumentType, float] = {}
    best_span: dict[DocumentType, tuple[float, tuple[int, int]]] = {}
    for cue in table.cues:
        span = find_cue(cue, text, head)
        if span is None:
            continue
        scores[cue.type] = scores.get(cue.type, 0.0) + cue.weight
        if cue.type not in best_span or cue.weight > best_span[cue.type][0]:
            best_span[cue.type] = (cue.weight, span)
    if not scores or max(scores.values()) < table.min_score:
        # No structure and no news voice strong enough: a short text about an inspection is a statement
        # or news item about it (the genre's third kind); anything else is `other`.
        if table.fallback_when.search(text):
            return DocTypeVerdict(table.fallback, 0.0, None)
        return DocTypeVerdict(DocumentType.other, 0.0, None)
    # Ties go to the kind listed first in the enum, a stable and explainable order.
    order = list(DocumentType)
    kind = max(scores, key=lambda k: (scores[k], -order.index(k)))
    score, span = scores[kind], best_span[kind][1]
    if kind == DocumentType.inspection_report and is_progress_review_title(head, title, table.progress_title):
        kind = DocumentType.progress_review
    return DocTypeVerdict(kind, score, span)


def find_cue(cue: Cue, text: str, head: str) -> tuple[int, int] | None:
    """Where the cue is found: in the head, or for an "any" cue in the opening pages or the back pages."""
    if cue.head_only:
        match = cue.pattern.search(head)
        return match.span() if match else None
    if (match := cue.pattern.search(text, 0, BODY_HEAD_CHARS)) is not None:
        return match.span()
    tail_start = max(BODY_HEAD_CHARS, len(text) - BODY_TAIL_CHARS)
    match = cue.pattern.search(text, tail_start) if tail_start < len(text) else None
    return match.span() if match else None


def is_progress_review_title(head: str, title: str | None, pattern: re.Pattern[str]) -> bool:
    """An inspectorate report is a progress review when its title or title page says so."""
    if title and pattern.search(title):
        return True
    # Title pages carry a subtitle line ("Progress review following a joint inspection").
    return any(pattern.search(line) and len(line.split()) <= 12 for line in head.splitlines()[:12])
