"""Findings: strengths, improvements needed, recommendations and progress statements."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from inspextract.document import Document
from inspextract.evidence import evidence
from inspextract.extract.area_lists import area_list_findings
from inspextract.extract.finding_rules import Cues, judge, lead_in_kind, load_cues, section_kind
from inspextract.extract.progress import progress_kind, progress_of, states_progress
from inspextract.extract.sentences import split_sentences
from inspextract.extract.speech import Quotation, find_quotations
from inspextract.records import Area, Finding, FindingKind, Progress
from inspextract.segment import Block

# Shorter statements are labels or fragments ("Not required."), not findings (words).
MIN_STATEMENT_WORDS = 4
# How far before a progress cue its degree word may stand ("good progress across all …"; characters).
PROGRESS_DEGREE_WINDOW_CHARS = 30
_TEXT_BLOCKS = ("paragraph", "numbered", "bullet")
# A sentence that ends like this was completed; anything else was cut off (end of text) or is a label.
_COMPLETE = re.compile(r"[.!?:;][”’\"')]*$|[”’\"']$")
_LIST_INTRO = re.compile(r"(?::|\binclud(?:e|es|ed|ing)|\bfollowing)\s*$", re.IGNORECASE)
_OPEN_QUOTES, _CLOSE_QUOTES = "“‘\"'", "”’\"'"
_FOUND_LEADS = ("findings", "strength", "improvement")  # hook (areas): lead-ins reporting what was found


def find_findings(doc: Document, blocks: list[Block], areas: list[Area]) -> list[Finding]:
    """Every finding the inspectors state, linked to its area for improvement where the section says.

    Area numbers come from the blocks' sections ("Area for improvement 2: …"), only as printed; `areas` is
    part of the pipeline's call and not needed here.
    """
    cues = load_cues()
    quotations = find_quotations(blocks, cues)
    findings: list[Finding] = []
    seen: set[str] = set()
    introduces_list = _list_introducers(blocks)
    # Hook (areas): area_lists makes the findings of areas-for-improvement lists; their spans are its own.
    listed, listed_spans = area_list_findings(doc, blocks)
    for block, default in _blocks_with_defaults(blocks, cues):
        for start, end in _statements(doc, block, default, cues):
            if any(s <= start < e for s, e in listed_spans):
                continue
            if (
                end == block.end
                and block.start in introduces_list
                and doc.text[start:end].rstrip().endswith(":")
            ):
                continue  # "… the partners should:" introduces the findings; the bullets are them
            start = _after_attribution(start, quotations)
            speaker = _speaker_at(start, quotations)
            if speaker == "other":
                continue
            start, end = _trim(doc.text, start, end, is_bullet=block.kind == "bullet")
            text = " ".join(doc.text[start:end].split())
            if len(text.split()) < MIN_STATEMENT_WORDS or text.lower() in seen:
                continue
            # An inspectorate's quoted statement holds findings even where the paper's own text does not.
            kind = judge(text, None if speaker == "inspectorate" and default == "exclude" else default, cues)
            # Hook (areas): progress.py decides progress statements, also those no other cue makes findings.
            promotable = (
                default != "exclude" and states_progress(text) and judge(text, "findings", cues) is not None
            )
            if kind is not None or promotable:
                kind = progress_kind(text, kind)
            if kind is None:
                continue
            seen.add(text.lower())
            findings.append(
                Finding(
                    kind=FindingKind(kind),
                    text=text,
                    progress=_degree(text, cues) if kind == "progress" else None,
                    area_number=block.area_number,
                    evidence=evidence(doc, start, end),
                )
            )
    findings.extend(f for f in listed if f.text.lower() not in seen)  # hook (areas)
    return findings


def _list_introducers(blocks: list[Block]) -> set[int]:
    """Start offsets of the text blocks directly followed by a bullet."""
    out = set()
    for block, nxt in itertools.pairwise(blocks):
        if block.kind in ("paragraph", "numbered") and nxt.kind == "bullet":
            out.add(block.start)
    return out


def _zone(block: Block, cues: Cues) -> str | None:
    for title in reversed(block.section):
        if (zone := section_kind(title, cues)) is not None:
            return zone
    return "findings" if block.area_number is not None else None


def _blocks_with_defaults(blocks: list[Block], cues: Cues) -> Iterator[tuple[Block, str | None]]:
    """Text blocks with the kind their section or the line introducing their list implies."""
    intro: Block | None = None  # the last non-bullet text block: a list's introducing line
    for block in blocks:
        if block.kind not in _TEXT_BLOCKS:
            if block.kind == "heading":
                intro = None
            continue
        zone = _zone(block, cues)
        if block.kind != "bullet":
            intro = block
            yield block, zone
            continue
        default = zone
        if intro is not None and _LIST_INTRO.search(intro.text):
            last = split_sentences(intro.text)[-1]
            lead = lead_in_kind(intro.text[last[0] : last[1]], cues)
            # Hook (areas): a list the inspectors are said to have found ("Inspectors found that:") holds
            # findings even in a section that holds none of its own (a committee paper's background).
            if zone == "exclude" and lead not in _FOUND_LEADS:
                yield block, default
                continue
            if lead == "inherit":
                lead = _kind_before(intro, last[0], zone, cues)
            if lead is not None or zone not in ("strength", "improvement", "recommendation"):
                default = lead
        yield block, default


def _kind_before(block: Block, upto: int, zone: str | None, cues: Cues) -> str | None:
    """The last judgement in a block before offset `upto` ("… were confident. This was based on:")."""
    kinds = [judge(block.text[s:e], zone, cues) for s, e in split_sentences(block.text[:upto])]
    kinds = [k for k in kinds if k is not None]
    return kinds[-1] if kinds else None


def _statements(doc: Document, block: Block, default: str | None, cues: Cues) -> Iterator[tuple[int, int]]:
    """Candidate statements: each sentence of a paragraph; a whole bullet (or its parts of mixed kinds)."""
    if block.kind != "bullet":
        for start, end in split_sentences(block.text, block.start):
            if _COMPLETE.search(doc.text[start:end]):
                yield start, end
        return
    # Hook (areas): a bullet whose sentences differ in kind gives one statement per sentence (SCHEMA.md);
    # each, like a bullet of one sentence, splits at semicolons when its parts differ in kind.
    sentences = split_sentences(block.text, block.start)
    if len(sentences) < 2 or not _differ_in_kind(doc, sentences, default, cues):
        sentences = [(block.start, block.end)]
    for start, end in sentences:
        parts, pos = [], start
        for piece in doc.text[start:end].split(";"):
            parts.append((pos, pos + len(piece)))
            pos += len(piece) + 1
        yield from parts if len(parts) > 1 and _differ_in_kind(doc, parts, default, cues) else [(start, end)]


def _differ_in_kind(doc: Document, parts: list[tuple[int, int]], default: str | None, cues: Cues) -> bool:
    """Whether the parts of a bullet are judged of more than one kind."""
    kinds = {judge(" ".join(doc.text[s:e].split()), default, cues) for s, e in parts} - {None}
    return len(kinds) > 1


def _after_attribution(start: int, quotations: list[Quotation]) -> int:
    """Skip a leading "X said: “" so the statement is what was said."""
    for q in quotations:
        if q.attribution is not None and q.attribution[0] == start:
            return q.start + 1
    return start


def _speaker_at(start: int, quotations: list[Quotation]) -> str | None:
    """Who speaks a statement that starts inside a quotation: "inspectorate", "other" (a chair) or None."""
    return next((q.speaker for q in quotations if q.start <= start < q.end), None)


def _trim(text: str, start: int, end: int, *, is_bullet: bool) -> tuple[int, int]:
    """Drop white space, unmatched quote marks and a bullet's closing colon from the edges."""
    while start < end and (text[start].isspace() or text[start] in _OPEN_QUOTES):
        if text[start] in _OPEN_QUOTES and _has_close(text[start + 1 : end], text[start]):
            break
        start += 1
    while end > start and (
        text[end - 1].isspace() or text[end - 1] in _CLOSE_QUOTES or (is_bullet and text[end - 1] in ":;")
    ):
        if text[end - 1] in _CLOSE_QUOTES and _has_open(text[start : end - 1], text[end - 1]):
            break
        end -= 1
    # A statement that is wholly one quotation: “…” is reported without its marks.
    pair = {"“": "”", "‘": "’"}.get(text[start : start + 1])
    inner = text[start + 1 : end - 1]
    if pair and text[end - 1 : end] == pair and "“" not in inner and "”" not in inner:
        start, end = start + 1, end - 1
    return start, end


def _has_close(rest: str, mark: str) -> bool:
    return {"“": "”", "‘": "’"}.get(mark, mark) in rest


def _has_open(head: str, mark: str) -> bool:
    return {"”": "“", "’": "‘"}.get(mark, mark) in head


def _degree(text: str, cues: Cues) -> Progress | None:
    """The degree of a progress statement, read next to its progress cue."""
    m = cues.statement["progress"].search(text)
    if not m:
        return progress_of(text)
    return progress_of(text[max(0, m.start() - PROGRESS_DEGREE_WINDOW_CHARS) : m.end()])
