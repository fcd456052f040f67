"""Segmentation: the normalised text as a list of blocks (headings, paragraphs, list items) with sections."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspextract.document import Document
from inspextract.normalise.furniture import find_text_furniture
from inspextract.normalise.pagebreaks import continues

BULLET = re.compile(r"^(?:[-•–—*▪◦·●○■►➢✓]|\(?[a-z]\)|\(?[ivx]+\))\s+")
# "4.", "4.5", "1.1" (after markdown bold was stripped); one or two digits so years are not numbers.
NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=\S)")
# "Area for improvement 2: Ensure that ...", "Area for development 1 – ..." (progress reviews, reports).
AREA_HEADING = re.compile(
    r"^(?:Area|Improvement area|Priority area)s?(?:\s+for\s+(?:improvement|development))?\s+(?P<num>\d{1,2})"
    r"\s*(?:[:.–—-]\s*|\s+(?=[A-Z]))",
    re.IGNORECASE,
)
SUBSECTION = re.compile(r"(?P<num>\d{1,2}\.\d{1,2})\.?\s+(?=\S)")
# Consecutive page-numbered title lines that make a contents page even without a "Contents" title.
UNTITLED_CONTENTS_MIN_ENTRIES = 3
CONTENTS_TITLE = re.compile(r"^(?:table of )?contents$", re.IGNORECASE)
# A contents entry ends with its page number, maybe after dot leaders or a stray letter ("… n 9").
CONTENTS_ENTRY = re.compile(r"(?:\s|\.{2,}|…)\s*(?:\w\s)?\d{1,3}$")
INNER_SENTENCE_END = re.compile(r"[a-z][.!?]\s+[A-Z]")
WEB_ADDRESS = re.compile(r"www\.|https?:|@")
# Top-level sections that close an "Area for improvement" section even when they are unnumbered.
TOP_LEVEL_TITLE = re.compile(
    r"^(?:conclusions?|what happens next\??|next steps|background|introduction|appendix\b.*|contents"
    r"|notes to editors?|summary|recommendations|evaluation.*|how we .*)$",
    re.IGNORECASE,
)
# Longest line that can be a heading without closing punctuation (words); report headings are short,
# the longest seen are question-style quality-indicator titles of ~15 words.
HEADING_MAX_WORDS = 16
# Question headings ("What happens next?") are shorter than that (words).
QUESTION_HEADING_MAX_WORDS = 12
HEADING_NEVER_ENDS_WITH = ".!:;,\"”’'"


@dataclass(frozen=True)
class Block:
    """One block of the normalised text; `start`/`end` are offsets of `text` (marker excluded).

    A paragraph broken by a page break ("… increase staff" / "confidence in …") is one block whose `text`
    is the exact slice `doc.text[start:end]`, so it may hold the line breaks.
    """

    kind: str  # "heading", "paragraph", "bullet", "numbered", "contents", "furniture"
    text: str
    start: int
    end: int
    level: int = 0  # heading depth from numbering ("4" -> 1, "4.5" -> 2); bullets: 0
    number: str | None = None
    section: tuple[str, ...] = ()  # the titles of the headings above this block, outermost first
    area_number: int | None = None  # the "Area for improvement N" this block sits under (headings: their own)
    marker: str | None = None  # the bullet or number marker as printed ("•", "-", "4.5")


@dataclass
class _Line:
    start: int
    end: int
    text: str
    given: str | None = None  # the block kind a structured reader gave (`Document.blocks`)

    def is_heading(self, text: str) -> bool:
        """A heading the reader marked, or a heading-like line that the reader did not call a list item."""
        return self.given == "heading" or (self.given != "item" and is_heading_line(text))


def iter_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def is_heading_line(line: str) -> bool:
    """A lone short line that starts with a capital and does not end like a sentence."""
    words = line.split()
    if not words or not (line[0].isupper() or line[0].isdigit()) or WEB_ADDRESS.search(line):
        return False
    if INNER_SENTENCE_END.search(line):
        return False  # two sentences are a paragraph, however short
    if line.endswith("?"):
        return len(words) <= QUESTION_HEADING_MAX_WORDS
    return len(words) <= HEADING_MAX_WORDS and line[-1] not in HEADING_NEVER_ENDS_WITH


def _join_broken(text: str, lines: list[_Line], furniture: set[int]) -> list[tuple[_Line, bool]]:
    """Merge a line that stops mid-sentence with the next line that starts in lower case (hard-wrapped text,
    page breaks); `pagebreaks.continues` says whether a sentence was left open."""
    out: list[tuple[_Line, bool]] = []
    for i, line in enumerate(lines):
        is_furniture = i in furniture
        if (
            not is_furniture
            and out
            and line.text[:1].islower()
            and not BULLET.match(line.text)
            and continues(out[-1][0].text, line.text)
        ):
            prev = out[-1][0]
            out[-1] = (_Line(prev.start, line.end, text[prev.start : line.end], prev.given), False)
            continue
        out.append((line, is_furniture))
    return out


def _contents_flags(lines: list[tuple[_Line, bool]]) -> list[bool]:
    """Which lines belong to a contents page (after a "Contents" title, until a real section starts)."""
    flags = [False] * len(lines)
    inside, entries = False, set[str]()
    for i, (line, _) in enumerate(lines):
        text = " ".join(line.text.split())
        if CONTENTS_TITLE.match(text):
            inside, entries = True, set()
            flags[i] = True
            continue
        if not inside:
            continue
        bare = CONTENTS_ENTRY.sub("", text).strip()
        if bare in entries or (not CONTENTS_ENTRY.search(text) and not is_heading_line(text)):
            inside = False  # the first section repeats the first entry, or prose begins
            continue
        entries.add(bare)
        flags[i] = True
    _flag_untitled_contents(lines, flags)
    return flags


def _flag_untitled_contents(lines: list[tuple[_Line, bool]], flags: list[bool]) -> None:
    """A contents page without a title: a run of title-like lines ending in non-decreasing page numbers."""
    run: list[tuple[int, int]] = []  # (line index, page number)
    for i, (line, _) in enumerate([*lines, (_Line(0, 0, ""), False)]):
        text = " ".join(line.text.split())
        m = re.search(r"(?:\s|\.{2,}|…)\s*(\d{1,3})$", text)
        bare = text[: m.start()].strip(" .") if m else ""
        if (
            m
            and len(bare.split()) >= 2
            and bare[:1].isalnum()
            and bare[-1:] not in ".,;"
            and (not run or int(m[1]) >= run[-1][1])
        ):
            run.append((i, int(m[1])))
            continue
        if len(run) >= UNTITLED_CONTENTS_MIN_ENTRIES:
            for j, _ in run:
                flags[j] = True
        run = [(i, int(m[1]))] if m and len(bare.split()) >= 2 else []


def _lines(doc: Document) -> list[tuple[_Line, bool]]:
    """The document's lines, broken sentences joined, each with whether it is page furniture.

    Text and PDF lines are joined across blank lines and checked for running headers; the blocks of a
    structured reader are kept as given (no page furniture there) and only their own lines are joined.
    """
    if not doc.blocks:
        lines = [_Line(s, e, doc.text[s:e]) for s, e in iter_lines(doc.text)]
        return _join_broken(doc.text, lines, find_text_furniture([line.text for line in lines]))
    joined = []
    for block in doc.blocks:
        spans = iter_lines(doc.text[block.start : block.end])
        lines = [
            _Line(block.start + s, block.start + e, doc.text[block.start + s : block.start + e], block.kind)
            for s, e in spans
        ]
        joined.extend(_join_broken(doc.text, lines, set()))
    return joined


def segment(doc: Document) -> list[Block]:
    """Split a document into blocks, each knowing the headings and the area for improvement it sits under."""
    joined = _lines(doc)
    contents = _contents_flags(joined)
    blocks: list[Block] = []
    # Open headings, outermost first: (level, title, area number, nests what follows)
    path: list[tuple[int, str, int | None, bool]] = []
    for (line, furniture), in_contents in zip(joined, contents, strict=True):
        text = line.text
        kind, level, number, offset, marker, area = "paragraph", 0, None, 0, None, None
        if in_contents:
            kind = "contents"
        elif furniture:
            kind = "furniture"
        elif m := AREA_HEADING.match(text):
            kind, area = "heading", int(m["num"])
            parents = [lvl for lvl, _, a, _ in path if a is None]
            level = parents[-1] + 1 if parents else 1
        elif (m := BULLET.match(text)) and (n := SUBSECTION.match(text, m.end())):
            # "- 1.1 The purpose of …": a Markdown list item that is really a numbered paragraph.
            number, offset, marker, kind = n["num"], n.end(), n["num"], "numbered"
            level = number.count(".") + 1
        elif m := BULLET.match(text):
            kind, offset, marker = "bullet", m.end(), m.group().strip()
        elif m := NUMBERED.match(text):
            number, offset, marker = m["num"], m.end(), m["num"]
            level = number.count(".") + 1
            kind = "heading" if line.is_heading(text[offset:]) else "numbered"
        elif line.is_heading(text):
            kind = "heading"
            if TOP_LEVEL_TITLE.match(text.strip()):
                level = 1
            else:
                # Unnumbered headings nest under a numbered or area heading; otherwise they are siblings.
                level = (path[-1][0] + 1 if path[-1][3] else path[-1][0]) if path else 1
        body = text[offset:]
        if kind == "heading":
            while path and path[-1][0] >= level:
                path.pop()
        section = tuple(title for _, title, _, _ in path)
        areas = [a for _, _, a, _ in path if a is not None]
        area_number = area if area is not None else (areas[-1] if areas and kind != "furniture" else None)
        blocks.append(
            Block(kind, body, line.start + offset, line.end, level, number, section, area_number, marker)
        )
        if kind == "heading":
            path.append((level, " ".join(body.split()), area, number is not None or area is not None))
    return blocks
