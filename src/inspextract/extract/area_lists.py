"""Lists the document presents as the inspection's areas for improvement: one area (and finding) per item.

A list is introduced by an "Areas for improvement" / "Points for action" heading, or by a line that speaks
of such areas and opens a list ("Inspectors also identified key areas for improvement, including:",
"... agreed the following points for improvement."). Each item is an area and also a finding of its own
kind (SCHEMA.md): `recommendation` when worded as an action, else `improvement`. `area_lists` is the one
home of both: `find_listed_areas` turns the items into areas (improvement_areas.py), `area_list_findings`
into findings (called by findings.py, which leaves the spans the lists own to it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from inspextract.document import Document
from inspextract.evidence import evidence
from inspextract.extract.inline_lists import INLINE_BULLET, inline_item_spans, may_open_inline_list
from inspextract.extract.item_wording import (
    is_paragraph_item,
    item_findings,
    label_split,
    lead_findings,
    reports_on_labelled_areas,
    strip_quotes,
)
from inspextract.extract.progress import first_stated_progress, progress_of, states_progress
from inspextract.extract.sentences import split_sentences
from inspextract.records import Area, Finding, Progress
from inspextract.segment import Block

LIST_HEADING = re.compile(
    r"^[\s*#]*(?:(?:key|main|priority|the)\s+)?(?:areas?\s+for\s+(?:further\s+)?(?:improvement|development)|priorities\s+for\s+improvement|"
    r"improvement\s+priorities|points\s+for\s+(?:action|improvement)|"
    # Ofsted's list of what the authority must improve: noun phrases, one area each.
    r"what\s+needs\s+to\s+(?:improve|be\s+improved|get\s+better))\s*\??\s*:?[\s*]*$",
    re.IGNORECASE,
)
# A line speaking of the areas: "key areas for improvement", "points for action", "areas which needed to
# improve", "priority areas", "areas around the need for further action".
AREA_TALK = re.compile(
    r"\b(?:areas?|points?|priorit(?:y|ies))\b(?:\s+[\w’'-]+){0,4}?\s+(?:for|of|(?:that\s+|which\s+)?"
    r"(?:need(?:s|ed|ing)?|requir(?:e|es|ed|ing)|could|should))\s+(?:further\s+)?(?:to\s+|be\s+)?"
    r"(?:improvement|improved?|action|development|developed)\b|\bpriority\s+areas\b",
    re.IGNORECASE,
)
# A line that opens a list ends with a colon, or announces "the following ..." (with a full stop or none).
OPENS_LIST = re.compile(r":\s*$|\bfollowing\b[^.:;]*\.?\s*$", re.IGNORECASE)
# A short sentence handing the previous one's subject to the list: "These included:", "Partners should:".
CONNECTOR = re.compile(
    r"^(?:these|they|those)\s+(?:were|are|included?|includes|being)\b"
    r"|^(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}\s+(?:should|must|(?:will\s+)?need\s+to|"
    r"(?:asked|called\s+on|urged)(?:\s+[\w’'-]+){1,4}\s+to)\s*:\s*$",
    re.IGNORECASE,
)
STRENGTHS = re.compile(r"\bstrength", re.IGNORECASE)
# Marked items the segmenter leaves as paragraphs or headings: lettered ("a. …", "b) …", "ii. …"), numbered
# recommendations ("R1 Improve …", as Estyn numbers them), unknown bullet glyphs ("◼ …" in Ofsted's PDFs).
ITEM_MARKER = re.compile(r"^(?:[a-z][.)]|[ivx]{1,4}[.)]|R\d{1,2}[.:)]?|[◼■▪◾●◆►➢])\s+")
# A lead-in naming who is to act, without speaking of areas ("The council should:"): its marked items are
# recommendations, not areas (SCHEMA.md: areas only where the document presents them as such).
ACTION_LEAD = re.compile(r"\b(?:should|must|(?:will\s+)?need\s+to|recommends?\s+that)\s*:\s*$", re.IGNORECASE)
# A "Recommendations" heading opens such a list only over items numbered as recommendations ("R1"): a
# committee paper's own lettered recommendations ("a) notes the report") are no findings (SCHEMA.md).
RECOMMENDATIONS_HEADING = re.compile(r"^\W*recommendations\W*$", re.IGNORECASE)
RECOMMENDATION_MARKER = re.compile(r"^R\d{1,2}[.:)]?\s+")
# The joining word a list item ends on before the next ("… chronologies; and").
ITEM_JOINER = re.compile(r"[;,]\s*(?:and|or)?\s*$")
TERMINAL = ".!?;:”’\"')"
# Shorter items are labels or fragments (words); longer runs of paragraphs are prose, not a list (items).
MIN_ITEM_WORDS = 3
MAX_PARAGRAPH_ITEMS = 8
# Introductory lines allowed between a heading and its list ("The partnership should:").
MAX_INTRO_BLOCKS = 2


@dataclass(frozen=True)
class ListedItem:
    """One item of an areas-for-improvement list: its span (marker excluded) and its number as printed."""

    start: int
    end: int
    number: int | None
    inline: bool = False  # a part of one sentence ("… five areas for improvement: A, B, …"), no finding
    labelled: bool = False  # "Area – finding": a short label naming the area, then what was found
    lead_progress: Progress | None = None  # stated for every item by the lead-in ("good progress in all …")


@dataclass
class AreaList:
    """A list of areas for improvement: its items, and every span it owns (lead-in sentences, item blocks
    with their markers, an item cut off by the end of the text), none of which findings.py judges again."""

    items: list[ListedItem] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    areas: bool = True  # False for a list of recommendations: its items are findings only
    progress_lead: tuple[int, int] | None = None  # a lead-in sentence stating progress on all the items


def area_lists(doc: Document, blocks: list[Block]) -> list[AreaList]:
    """Every list the document presents as its areas for improvement, in text order."""
    lists = []
    for i, block in enumerate(blocks):
        first = first_item_index(doc, blocks, i)
        actions = first is None and (first := action_list_start(doc, blocks, i)) is not None
        if first is not None:
            found = AreaList(spans=lead_in_spans(doc, block, actions), areas=not actions)
            items_from(doc, blocks, first, found, paragraphs=block.text.rstrip().endswith(":"))
            if reports_on_labelled_areas([doc.text[i.start : i.end] for i in found.items]):
                found.items = [replace(item, labelled=True) for item in found.items]
            if (progress := lead_progress(doc, block)) is not None:
                found.items = [replace(item, lead_progress=progress) for item in found.items]
                found.progress_lead = split_sentences(block.text, block.start)[-1]
            lists.append(found)
        elif block.kind in ("paragraph", "bullet", "numbered"):
            lists.extend(inline_lists(doc, block))
    return lists


def lead_in_spans(doc: Document, block: Block, actions: bool = False) -> list[tuple[int, int]]:
    """The sentences of a lead-in block from the one speaking of the areas on ("… key areas for improvement.
    These included:"), or an action list's last ("The council should:"); a heading is no statement."""
    if block.kind == "heading" or LIST_HEADING.match(doc.text[block.start : block.end]):
        return []
    sentences = split_sentences(doc.text[block.start : block.end], block.start)
    talking = [s for s, e in sentences if AREA_TALK.search(doc.text[s:e])] or [sentences[-1][0]] * actions
    return [(talking[0], block.end)] if talking else []


def lead_progress(doc: Document, block: Block) -> Progress | None:
    """The degree of progress a lead-in's last sentence states for all its items, or None."""
    sentences = split_sentences(doc.text[block.start : block.end], block.start)
    last = doc.text[sentences[-1][0] : sentences[-1][1]] if sentences else ""
    return progress_of(last) if states_progress(last) else None


def first_item_index(doc: Document, blocks: list[Block], index: int) -> int | None:
    """Index of the first item of the list block `index` introduces, or None if it introduces none."""
    block = blocks[index]
    text = doc.text[block.start : block.end]
    if block.kind == "contents":
        return None
    if LIST_HEADING.match(text):
        j = index + 1
        while j < len(blocks) and j - index <= MAX_INTRO_BLOCKS and not is_item(doc, blocks[j], False):
            if blocks[j].kind == "heading":
                return None
            j += 1
        return j if j < len(blocks) and is_item(doc, blocks[j], False) else None
    if not OPENS_LIST.search(text):
        return None  # checked before the sentences are split: most blocks open no list
    sentences = split_sentences(text)
    lead = text[sentences[-1][0] :]
    if len(sentences) > 1 and CONNECTOR.match(lead):  # "… key areas for improvement. These included:"
        lead = text[sentences[-2][0] :]
    elif CONNECTOR.match(lead) and index > 0 and blocks[index - 1].kind in ("paragraph", "numbered"):
        before = blocks[index - 1].text  # the sentence naming the areas ends the paragraph before
        lead = before[split_sentences(before)[-1][0] :] + " " + lead
    if not AREA_TALK.search(lead) or STRENGTHS.search(lead):
        return None
    paragraphs = text.rstrip().endswith(":")
    return index + 1 if index + 1 < len(blocks) and is_item(doc, blocks[index + 1], paragraphs) else None


def action_list_start(doc: Document, blocks: list[Block], index: int) -> int | None:
    """Index of the first marked item ("R1 …") of a list introduced by who is to act, or None."""
    block = blocks[index]
    heading = RECOMMENDATIONS_HEADING.match(block.text)
    if not heading and (block.kind not in ("paragraph", "numbered") or not ACTION_LEAD.search(block.text)):
        return None
    nxt = index + 1
    marker = RECOMMENDATION_MARKER if heading else ITEM_MARKER
    marked = nxt < len(blocks) and marker.match(doc.text[blocks[nxt].start : blocks[nxt].end].strip())
    return nxt if marked else None


def inline_lists(doc: Document, block: Block) -> list[AreaList]:
    """Lists in one block's sentences; the sentence stays a finding unless its items are run-in bullets."""
    lists: list[AreaList] = []
    if not may_open_inline_list(doc.text[block.start : block.end]):
        return lists  # most blocks: no sentence to split
    for start, end in split_sentences(doc.text[block.start : block.end], block.start):
        spans = inline_item_spans(doc.text[start:end], AREA_TALK, STRENGTHS)
        bullets = INLINE_BULLET.search(doc.text[start:end]) is not None  # each item then a finding of its own
        if items := [ListedItem(start + s, start + e, None, inline=not bullets) for s, e in spans]:
            lists.append(AreaList(items, spans=[(start, end)] if bullets else []))
    return lists


def is_item(doc: Document, block: Block, paragraphs: bool) -> bool:
    """Whether a block can be a list item: a bullet, a numbered or lettered line, or (after a colon) a
    short paragraph that is one complete statement."""
    text = doc.text[block.start : block.end].strip()
    if block.kind in ("bullet", "numbered") or (block.kind != "contents" and ITEM_MARKER.match(text)):
        return True
    return block.kind == "paragraph" and paragraphs and is_paragraph_item(text)


def items_from(doc: Document, blocks: list[Block], first: int, found: AreaList, *, paragraphs: bool) -> None:
    """The run of items starting at block `first`, all of the first item's kind, added to `found`."""
    kind = item_class(doc, blocks[first])
    index = first
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if item_class(doc, block) != kind or not is_item(doc, block, paragraphs):
            break
        if kind == "paragraph" and len(found.items) >= MAX_PARAGRAPH_ITEMS:
            break
        start, end = block.start, block.end
        marker = ITEM_MARKER.match(doc.text[start:end])
        if marker:
            start += marker.end()
        text = doc.text[start:end].strip()
        if text.endswith(":"):
            subs = sub_items(doc, blocks, index, kind)
            if not subs or not text[:1].isupper():
                break  # a new lead-in, not an item
            index += subs  # "Improve X, including:" with its lower-case sub-items is one item
            end = blocks[index - 1].end
        found.spans.append((block.start, end))
        if text[-1:] not in TERMINAL and not doc.text[end:].strip():
            break  # cut off by the end of the text: not a statement
        if len(text.split()) < MIN_ITEM_WORDS:
            continue
        digits = block.number if block.kind == "numbered" and (block.number or "").isdigit() else None
        if joiner := ITEM_JOINER.search(doc.text[start:end]):
            end = start + joiner.start()
        found.items.append(ListedItem(start, end, int(digits) if digits else None))


def sub_items(doc: Document, blocks: list[Block], index: int, kind: str) -> int:
    """How many items from `index` on are sub-items of the one before (same kind, lower-case start)."""
    count = 0
    while index + count < len(blocks) and item_class(doc, blocks[index + count]) == kind:
        if not blocks[index + count].text.lstrip()[:1].islower():
            break
        count += 1
    return count


def item_class(doc: Document, block: Block) -> str:
    """What makes a block an item: its marker ("a.", "R2"; paragraphs and headings alike) or its kind."""
    return "marked" if ITEM_MARKER.match(doc.text[block.start : block.end].strip()) else block.kind


def find_listed_areas(doc: Document, blocks: list[Block]) -> list[Area]:
    """One area per listed item; its title is the item as printed."""
    found_lists = [found for found in area_lists(doc, blocks) if found.areas]
    items = sorted({i for found in found_lists for i in found.items}, key=lambda i: i.start)
    areas = []
    for item in items:
        ev = evidence(doc, item.start, item.end)
        title, text = " ".join(strip_quotes(ev.quote).split()), ""  # one line, as wrapped items read
        if item.labelled and (split := label_split(title)):
            title, text = split
        progress = progress_of(text) or item.lead_progress
        if len(items) == 1 and item.inline:  # "one key area …, specifically X": the review's progress
            progress = first_stated_progress([doc.text[s:e] for s, e in split_sentences(doc.text)])
        areas.append(Area(number=item.number, title=title, progress=progress, text=text, evidence=ev))
    return areas


def area_list_findings(doc: Document, blocks: list[Block]) -> tuple[list[Finding], list[tuple[int, int]]]:
    """One finding per listed item (one per sentence when its sentences differ in kind), and the spans
    the lists own, which findings.py leaves alone: lead-ins announce the list, items are judged here."""
    findings, owned, done = [], [], set()
    for found in area_lists(doc, blocks):
        owned.extend(found.spans)
        for item in found.items:
            # An inline list's sentence stays one finding of findings.py; a heading and a lead-in line may
            # both introduce the same items.
            if not item.inline and item.start not in done:
                done.add(item.start)
                findings.extend(item_findings(doc, item.start, item.end, labelled=item.labelled))
        if found.progress_lead is not None:  # "… made good progress in all three areas …:" states progress
            findings.extend(lead_findings(doc, *found.progress_lead))
    return findings, owned
