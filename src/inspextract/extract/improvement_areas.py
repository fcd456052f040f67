"""Areas for improvement: "Area for improvement N: ..." headings and press-release progress bullets."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from inspextract.document import Document
from inspextract.evidence import evidence
from inspextract.extract.area_lists import find_listed_areas
from inspextract.extract.progress import progress_of, states_progress
from inspextract.extract.sentences import split_sentences
from inspextract.records import Area, Progress
from inspextract.segment import Block

# "Area for improvement 3: ...", "Key area for improvement 2 – ...", "Priority area 1.",
# "Main point for action 2: ...".
# The bare labels "Priority"/"Area" count only with a separator and in a series of at least two numbers;
# "Recommendation 2 – ..." only in a document reporting progress on its recommendations (a monitoring visit).
AREA_HEADING = re.compile(
    r"^[\s*#>]*(?P<label>(?:key\s+|main\s+)?areas?\s+(?:for|of)\s+improvement|improvement\s+(?:area|priority)|"
    r"priority\s+area(?:\s+for\s+improvement)?|priority\s+for\s+improvement|(?:main\s+)?points?\s+for\s+action|"
    r"recommendation|priority|area)"
    r"(?:\s+(?P<num>\d{1,2}))?(?![\d.]\d)\**\s*(?P<sep>[:.–—)-])?\**\s*(?P<title>.*?)\s*$",
    re.IGNORECASE,
)
GENERIC_LABELS = ("priority", "area")
PROGRESS_ON_RECOMMENDATIONS = re.compile(
    r"\bprogress\b[^.]{0,40}\b(?:against|on|in\s+addressing|towards|in\s+meeting)\s+(?:the\s+|this\s+|these\s+)?"
    r"recommendations?\b",
    re.IGNORECASE,
)
IMPROVEMENT_AREAS_TALK = re.compile(
    r"\b(?:areas?|priorities|priority\s+areas?)\s+(?:for|of)\s+(?:further\s+)?improvement\b", re.IGNORECASE
)
# A contents entry ends with its page number, sometimes after dot leaders or a stray letter from the layout.
PAGE_NUMBER_END = re.compile(r"(?:\s|\.{2,}|…)\s*(?:[a-z]\s+)?\d{1,3}\s*$")
# "Progress: significant", "Evaluation of progress – good" on the line after an area heading.
PROGRESS_LABEL = re.compile(
    r"^\W*(?:overall\s+)?(?:evaluation\s+of\s+)?progress(?:\s+made)?\s*[:–—-]\s*(?P<value>.+)$", re.I
)
# A body sentence about the area as a whole: "Partners had made good progress in this area".
WHOLE_AREA = re.compile(
    r"\b(?:progress|improvement)\b[^.]{0,40}\b(?:in|on|with|against|towards|for|in\s+relation\s+to|addressing|meeting)"
    r"\s+this\s+(?:area|priority|recommendation)\b",
    re.IGNORECASE,
)
# Progress "across all the main areas" is not this area's own.
ALL_AREAS = re.compile(r"\b(?:all|each|every)\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+){0,2}?areas\b", re.IGNORECASE)
# Press-release bullets: "Has made significant progress in ensuring that ..." -> degree + title.
PROGRESS_BULLET = re.compile(
    r"^(?:(?:the\s+partnership|partners|it|they)\s+)?"
    r"(?P<made>(?:(?:has|have|had)\s+)?(?:made|shown|demonstrated|achieved)\s+)?"
    r"(?P<degree>(?:[a-z]+\s+){0,3}?)(?:progress|improvements?)\s+"
    r"(?:(?:has|had|have)\s+been\s+(?:made|achieved)\s+)?"  # "Significant progress had been made in ..."
    r"(?:in\s+relation\s+to|in|on|with|towards|against|to)\s+(?P<title>\S.*?)\s*(?:[:.;]|[;,]\s*(?:and|or))?\s*$",
    re.IGNORECASE,
)
# Fewest progress bullets that make a press release "organised around" its areas.
MIN_PROGRESS_BULLETS = 2
# Most lines a wrapped area statement continues onto (statements run to two or three lines in PDFs).
MAX_TITLE_CONTINUATIONS = 2
# Fewest words in an area statement (shorter ones are labels, not statements).
MIN_TITLE_WORDS = 3


@dataclass(frozen=True)
class Candidate:
    """An area heading found in block `index`; `is_contents` when it is a contents-page entry."""

    index: int
    number: int | None
    title: str
    start: int
    end: int
    is_contents: bool
    generic: bool
    recommendation: bool = False


def find_improvement_areas(doc: Document, blocks: list[Block]) -> list[Area]:
    """The areas for improvement a report or review is organised around."""
    return area_headings(doc, blocks) or progress_bullets(doc, blocks) or find_listed_areas(doc, blocks)


def block_text(doc: Document, block: Block) -> str:
    """The block's text as it stands in the document (segmentation may tidy `Block.text`)."""
    return doc.text[block.start : block.end]


def area_headings(doc: Document, blocks: list[Block]) -> list[Area]:
    """Areas from "Area for improvement N: statement" headings, the body's heading for each number."""
    candidates = [c for i, b in enumerate(blocks) if (c := heading_candidate(doc, blocks, i)) is not None]
    # "Priority 1 – ..." are areas for improvement only in a series, in a document that speaks of them as such
    # (a committee paper's "Priority 1: Children are safe" is a plan's priority).
    generic_numbers = {c.number for c in candidates if c.generic and not c.is_contents}
    speaks_of_areas = IMPROVEMENT_AREAS_TALK.search(doc.text) is not None
    candidates = [c for c in candidates if not c.generic or (len(generic_numbers) >= 2 and speaks_of_areas)]
    if not PROGRESS_ON_RECOMMENDATIONS.search(doc.text):
        candidates = [c for c in candidates if not c.recommendation]
    starts = {c.index for c in candidates}
    repeated = running_lines(doc, blocks)
    chosen: dict[int | str | None, tuple[Candidate, int]] = {}
    for candidate in candidates:
        body_end = body_end_index(blocks, candidate.index, starts, repeated)
        key: int | str | None = candidate.number if candidate.number is not None else candidate.title.lower()
        score = (not candidate.is_contents, body_end - candidate.index)
        if key not in chosen or score > (
            not chosen[key][0].is_contents,
            chosen[key][1] - chosen[key][0].index,
        ):
            chosen[key] = (candidate, body_end)
    areas = []
    for candidate, body_end in sorted(chosen.values(), key=lambda item: item[0].start):
        title = PAGE_NUMBER_END.sub("", candidate.title) if candidate.is_contents else candidate.title
        # The body runs from the end of the heading (and its statement) to the end of the area's last block.
        text = doc.text[candidate.end : blocks[body_end - 1].end].strip()
        progress = (label_progress(text.split("\n", 1)[0]) or body_progress(text)) if text else None
        areas.append(
            Area(
                number=candidate.number,
                title=title.strip(),
                progress=progress,
                text=text,
                evidence=evidence(doc, candidate.start, candidate.end),
            )
        )
    if any(a.number is not None for a in areas):
        areas.sort(key=lambda a: (a.number is None, a.number or 0))
    return areas


def heading_candidate(doc: Document, blocks: list[Block], index: int) -> Candidate | None:
    """The area heading block `index` holds, if any (its statement may be on the next line)."""
    block = blocks[index]
    lines = block_text(doc, block).split("\n")  # the heading is the block's first line
    line = lines[0]
    match = AREA_HEADING.match(line)
    if not match or (len(line.split()) < 3 and not match["num"]):
        return None
    label = " ".join(match["label"].lower().split())
    generic = label in GENERIC_LABELS
    recommendation = label == "recommendation"
    if (generic or recommendation or not match["num"]) and not match["sep"]:
        return None
    if match["title"][:1].islower() or (not match["num"] and "improvement" not in label):
        return None  # "area for improvement in ..." in running text, not a heading
    title, end = match["title"].strip("* "), block.start + len(line)
    if not title and len(lines) > 1:
        title, end = lines[1].strip("* "), end + 1 + len(lines[1])
    elif not title and index + 1 < len(blocks):
        following = blocks[index + 1]
        title, end = block_text(doc, following).strip("* "), following.end
    title, end = continue_title(doc, title, end)
    if len(title.split()) < MIN_TITLE_WORDS or AREA_HEADING.match(title):
        return None
    is_contents = block.kind == "contents" or bool(PAGE_NUMBER_END.search(title))
    number = int(match["num"]) if match["num"] else None
    return Candidate(index, number, title, block.start, end, is_contents, generic, recommendation)


def continue_title(doc: Document, title: str, end: int) -> tuple[str, int]:
    """A statement wrapped onto the next line(s) of a PDF ("... plan and direct the\ndelivery of ...")."""
    for _ in range(MAX_TITLE_CONTINUATIONS):
        if title[-1:] in ".!?:" or doc.text[end : end + 1] != "\n":
            break
        line_end = doc.text.find("\n", end + 1)
        line_end = len(doc.text) if line_end < 0 else line_end
        following = doc.text[end + 1 : line_end]
        if not following[:1].islower():
            break
        title, end = f"{title} {following.strip()}", line_end
    return title, end


def body_end_index(blocks: list[Block], index: int, area_starts: set[int], repeated: set[str]) -> int:
    """Index of the first block after area `index` that no longer discusses it."""
    for j in range(index + 1, len(blocks)):
        block = blocks[j]
        if j in area_starts or block.kind == "contents":
            return j
        if block.kind == "heading" and block.number is not None and strip_folio(block.text) not in repeated:
            return j
    return len(blocks)


def running_lines(doc: Document, blocks: list[Block]) -> set[str]:
    """Block texts that recur (running headers and footers), so they end no section."""
    counts = Counter(strip_folio(block_text(doc, b)) for b in blocks)
    return {text for text, n in counts.items() if n > 1}


def strip_folio(text: str) -> str:
    """A line without a leading page number ("14 Services for ..." -> "services for ...").

    Only the leading number goes: a contents entry ("Conclusion 12") must not look like its heading.
    """
    return re.sub(r"^[\d⁰¹²³⁴⁵⁶⁷⁸⁹\s]+", "", text).lower().strip()


def label_progress(line: str) -> Progress | None:
    """The degree of progress a "Progress: ..." line under an area heading states."""
    match = PROGRESS_LABEL.match(line)
    if not match:
        return None
    value = match["value"]
    return progress_of(value if re.search(r"progress|improve", value, re.I) else f"{value} progress")


def body_progress(text: str) -> Progress | None:
    """The degree of progress the body states for the area as a whole ("good progress in this area")."""
    sentences = [text[start:end] for start, end in split_sentences(text)] or [text]
    for sentence in sentences:
        if WHOLE_AREA.search(sentence) and (progress := progress_of(sentence)):
            return progress
    # The section's opening or closing verdict: "Some progress had been made."
    for sentence in (sentences[0], sentences[-1]):
        if (
            states_progress(sentence)
            and not ALL_AREAS.search(sentence)
            and (progress := progress_of(sentence))
        ):
            return progress
    return None


def progress_bullets(doc: Document, blocks: list[Block]) -> list[Area]:
    """Areas from bullets such as "Has made significant progress in ensuring ...:", with the body after."""
    found: list[tuple[int, re.Match[str]]] = []
    for i, block in enumerate(blocks):
        if block.kind not in ("bullet", "numbered"):
            continue
        line = " ".join(block_text(doc, block).split())  # a wrapped bullet reads as one line
        match = PROGRESS_BULLET.match(line)
        if match is None or len(match["title"].split()) < MIN_TITLE_WORDS:
            continue
        # The bullet states progress made ("Has made ...", "Significant progress in ..."), not a topic.
        if match["made"] or progress_of(line[: match.start("title")]):
            found.append((i, match))
    if len(found) < MIN_PROGRESS_BULLETS:
        return []
    areas = []
    for i, match in found:
        block = blocks[i]
        end = i + 1
        while (
            end < len(blocks)
            and blocks[end].kind == "paragraph"
            and not prior_is_lead_in(doc, blocks, end, i)
        ):
            end += 1
        text = doc.text[blocks[i + 1].start : blocks[end - 1].end] if end > i + 1 else ""
        number = (
            int(block.number)
            if block.kind == "numbered" and block.number and block.number.isdigit()
            else None
        )
        areas.append(
            Area(
                number=number,
                title=match["title"],
                progress=progress_of(match.string[: match.start("title")]),
                text=text.strip(),
                evidence=evidence(doc, block.start, block.end),
            )
        )
    return areas


def prior_is_lead_in(doc: Document, blocks: list[Block], index: int, area_index: int) -> bool:
    """Whether block `index` opens a new passage: a paragraph ending in a colon after the area's body."""
    return index > area_index + 1 and block_text(doc, blocks[index]).rstrip().endswith(":")
