"""Findings: strengths, improvements needed, recommendations and progress statements."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from inspextract.document import Document
from inspextract.evidence import evidence
from inspextract.extract.area_lists import area_list_findings
from inspextract.extract.finding_context import LIST_INTRO, blocks_with_defaults, list_introducers
from inspextract.extract.finding_rules import Cues, is_plain, judge, list_item_kind, load_cues
from inspextract.extract.progress import progress_kind, progress_of, states_progress
from inspextract.extract.sentences import split_sentences
from inspextract.extract.speech import Quotation, find_quotations
from inspextract.records import Area, Finding, FindingKind, Progress
from inspextract.segment import Block

# Shorter statements are labels or fragments ("Not required."), not findings (words).
MIN_STATEMENT_WORDS = 4
# Sentences a paragraph may hold for its plain sentences to take their neighbours' kind.
MAX_NEIGHBOURS = 8
# How far before a progress cue its degree word may stand ("good progress across all …"; characters).
PROGRESS_DEGREE_WINDOW_CHARS = 30
# A sentence that ends like this was completed; anything else was cut off (end of text) or is a label.
_COMPLETE = re.compile(r"[.!?:;][”’\"')]*$|[”’\"']$")
# "I" speaks for one person: outside an inspectorate's quotation, a partner's or a chair's own view.
_FIRST_PERSON = re.compile(r"\bI\b")
_OPEN_QUOTES, _CLOSE_QUOTES = "“‘\"'", "”’\"'"


def find_findings(doc: Document, blocks: list[Block], areas: list[Area]) -> list[Finding]:
    """Every finding the inspectors state, linked to its area for improvement where the section says.

    Area numbers come from the blocks' sections ("Area for improvement 2: …"), only as printed; `areas` is
    part of the pipeline's call and not needed here.
    """
    cues = load_cues()
    quotations = find_quotations(blocks, cues, doc.text)
    findings: list[Finding] = []
    seen: set[str] = set()
    judged = list(blocks_with_defaults(blocks, cues))
    introduces_list = list_introducers(judged)
    # Hook (areas): area_lists makes the findings of areas-for-improvement lists; their spans are its own.
    list_findings, list_spans = area_list_findings(doc, blocks)
    for block, default, listed in judged:
        candidates = list(
            _candidates(doc, block, default, listed, quotations, block.start in introduces_list)
        )
        if block.kind == "paragraph" and default != "exclude":
            candidates = _with_neighbours_kind(candidates)
        for start, end, text, kind, _ in candidates:
            if any(s <= start < e for s, e in list_spans):
                continue
            # Hook (areas): progress.py decides progress statements, also those no other cue makes findings.
            # Only a statement without a kind needs the promotion check (judging it again costs).
            if kind is not None or _promotable(text, default, cues):
                kind = progress_kind(text, kind)
            key = _dedup_key(text)
            if kind is None or key in seen:
                continue
            seen.add(key)
            findings.append(
                Finding(
                    kind=FindingKind(kind),
                    text=text,
                    progress=_degree(text, cues) if kind == "progress" else None,
                    area_number=block.area_number,
                    evidence=evidence(doc, start, end),
                )
            )
    findings.extend(f for f in list_findings if _dedup_key(f.text) not in seen)  # hook (areas)
    return findings


def _promotable(text: str, default: str | None, cues: Cues) -> bool:
    """A statement no cue made a finding that progress.py says states progress, and nothing rules out."""
    return default != "exclude" and states_progress(text) and judge(text, "findings", cues) is not None


def _dedup_key(text: str) -> str:
    """A statement repeated with other punctuation or quote marks is the same statement."""
    return " ".join(re.findall(r"\w+", text.lower()))


class _Candidate(NamedTuple):
    """A statement of a block and the kind it is judged to be."""

    start: int
    end: int
    text: str
    kind: str | None
    unquoted: bool  # no one's quoted words: a statement that may take its neighbours' kind


def _candidates(
    doc: Document,
    block: Block,
    default: str | None,
    listed: bool,
    quotations: list[Quotation],
    introduces_list: bool,
) -> Iterator[_Candidate]:
    """The statements of one block with the kind each is judged to be."""
    cues = load_cues()
    kind_of = _judge_for(default, listed, cues)
    text_end = len(doc.text.rstrip())
    # A paragraph in the first person singular is someone's own view (a chair's preface), all of it.
    personal = any(
        _speaker_at(block.start + m.start(), quotations) != "inspectorate"
        for m in _FIRST_PERSON.finditer(block.text)
    )
    for start, end in _statements(doc, block, kind_of, as_item=listed or block.kind == "bullet"):
        sentence = doc.text[start:end].rstrip()
        if introduces_list and end == block.end and LIST_INTRO.search(sentence):
            continue  # "… the partners should:" introduces the findings; the items are them
        if end >= text_end and not _COMPLETE.search(sentence):
            continue  # cut off by the end of the text
        start = _after_attribution(start, quotations)
        speaker = _speaker_at(start, quotations)
        if speaker == "other" or (speaker != "inspectorate" and personal):
            continue  # the inspected partners' words (a chair's preface, "I welcome …") are no findings
        start, end = _trim(doc.text, start, end, is_bullet=block.kind == "bullet")
        text = " ".join(doc.text[start:end].split())
        if len(text.split()) < MIN_STATEMENT_WORDS:
            continue
        # An inspectorate's quoted statement holds findings even where the paper's own text does not.
        quoted = speaker == "inspectorate" and default == "exclude"
        kind = judge(text, None, cues) if quoted else kind_of(text)
        yield _Candidate(start, end, text, kind, speaker is None)


def _with_neighbours_kind(candidates: list[_Candidate]) -> list[_Candidate]:
    """A plain sentence among strengths is one too ("Partners responded to concerns.").

    Only strengths: a plain sentence beside a weakness or advice is as often its background. Not in a
    long paragraph (run-on text whose lines were lost): there a plain sentence is as often a heading.
    """
    if len(candidates) > MAX_NEIGHBOURS or {c.kind for c in candidates} - {None} != {"strength"}:
        return candidates
    # Plainness is judged only here, where it can matter: most statements never need it.
    cues = load_cues()
    plain = [c.kind is None and c.unquoted and is_plain(c.text, cues) for c in candidates]
    return [c._replace(kind="strength") if p else c for c, p in zip(candidates, plain, strict=True)]


def _judge_for(default: str | None, listed: bool, cues: Cues) -> Callable[[str], str | None]:
    """How a statement of a block is judged: by its list's kind, or by its own cues."""
    if listed and default is not None:
        return lambda text: list_item_kind(text, default, cues)
    return lambda text: judge(text, default, cues)


def _statements(
    doc: Document, block: Block, kind_of: Callable[[str], str | None], *, as_item: bool
) -> Iterator[tuple[int, int]]:
    """Candidate statements: each sentence of a paragraph; a whole item, or its parts of mixed kinds.

    An item's parts are its sentences, or for a one-sentence item its parts split by semicolons.
    """
    if not as_item:
        for start, end in split_sentences(block.text, block.start):
            if _COMPLETE.search(doc.text[start:end]):
                yield start, end
        return
    parts = split_sentences(block.text, block.start)
    if len(parts) == 1:
        parts, pos = [], block.start
        for piece in block.text.split(";"):
            parts.append((pos, pos + len(piece)))
            pos += len(piece) + 1
    if len(parts) > 1:
        kinds = {kind_of(" ".join(doc.text[s:e].split())) for s, e in parts} - {None}
        if len(kinds) > 1:
            yield from parts
            return
    yield block.start, block.end


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
