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
from inspextract.extract.inline_lists import inline_item_spans
from inspextract.extract.progress import first_stated_progress, progress_of
from inspextract.extract.sentences import split_sentences
from inspextract.records import Area, Finding, FindingKind
from inspextract.segment import Block

LIST_HEADING = re.compile(
    r"^[\s*#]*(?:(?:key|main|priority|the)\s+)?(?:areas?\s+for\s+(?:further\s+)?improvement|priorities\s+for\s+improvement|"
    r"improvement\s+priorities|points\s+for\s+(?:action|improvement))\s*:?[\s*]*$",
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
# A short sentence that hands the previous one's subject to the list.
CONNECTOR = re.compile(r"^(?:these|they|those)\s+(?:were|are|included?|includes|being)\b", re.IGNORECASE)
STRENGTHS = re.compile(r"\bstrength", re.IGNORECASE)
# Lettered items the segmenter leaves as paragraphs: "a. Sufficiency of ...", "b) ...".
LETTER_MARKER = re.compile(r"^[a-z][.)]\s+")
# An item worded as an action: an imperative or gerund opening it, or advice within it (SCHEMA.md).
ACTION_VERB = re.compile(
    r"^(?:ensure|improve|develop|strengthen|increase|reduce|continue|further|embed|review|build|provide|make|"
    r"establish|implement|promote|support|deliver|address|extend|raise|secure|take|work|agree|consider|"
    r"identify|put|set|involve|enable|help|introduce|clarify|complete|monitor|evaluate|undertake|use|"
    r"prioritise|prioritize|focus|engage|share|record|plan|progress|maximise|maintain|revise|update|"
    r"streamline|align|tackle|create|publish|train|bring|give)\b",
    re.IGNORECASE,
)
# A gerund opening an item ("Strengthening …"); -ing adjectives and prepositions open noun phrases.
GERUND = re.compile(
    r"^(?!(?:ongoing|existing|emerging|increasing|continuing|remaining|following|including|during|"
    r"outstanding|underlying|growing|wellbeing|funding|housing)\b)"
    r"[A-Za-z]+ing\b",
    re.IGNORECASE,
)
# An opening verb-like word used as a noun: "Support for carers ...", "Planning was ...", "Safeguarding
# arrangements were ..." (a finite verb in the first clause, before any "that"/"which" clause).
FINITE = "is|are|was|were|has|have|had|remains?|remained"
NOUN_OPENING = re.compile(rf"^\w+\s+(?:for|of|in|across|{FINITE})\b", re.IGNORECASE)
SUBORDINATOR = r"\b(?:that|which|who|where|when|if|so)\b"
FIRST_CLAUSE_FINITE = re.compile(rf"^(?:(?!{SUBORDINATOR})[^,;])*?\b(?:{FINITE})\b", re.IGNORECASE)
ADVICE = re.compile(r"\b(?:should|must|needs?\s+to|needed\s+to)\b", re.IGNORECASE)
TERMINAL = ".!?;:”’\"')"
# "Area – finding" items: a short label naming the area, a dash or colon, then what was found about it.
LABELLED = re.compile(r"^(?P<label>[^–—:;.!?]+?)(?:\s+[–—-]|:)\s+(?P<rest>\S.*)$", re.DOTALL)
MAX_LABEL_WORDS = 8
# Shorter items are labels or fragments (words); longer runs of paragraphs are prose, not a list (items).
MIN_ITEM_WORDS = 3
MAX_PARAGRAPH_ITEMS = 8
# A paragraph item is a statement of a few sentences; a longer paragraph is body text.
MAX_PARAGRAPH_ITEM_SENTENCES = 3
# Paragraphs that end a list of paragraphs: the inspectorate's or the report's own voice, speech, links.
NOT_AN_ITEM = re.compile(
    r"^(?:the\s+)?(?:care\s+inspectorate|inspectors?|inspection|(?:full\s+)?report|we|our|a\s+copy|notes?)\b"
    r"|\b(?:said|says|added|www\.|https?:)",
    re.IGNORECASE,
)
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


@dataclass
class AreaList:
    """A list of areas for improvement: its items, and every span it owns (lead-in sentences, item blocks
    with their markers, an item cut off by the end of the text), none of which findings.py judges again."""

    items: list[ListedItem] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


def area_lists(doc: Document, blocks: list[Block]) -> list[AreaList]:
    """Every list the document presents as its areas for improvement, in text order."""
    lists = []
    for i, block in enumerate(blocks):
        first = first_item_index(doc, blocks, i)
        if first is not None:
            found = AreaList(spans=lead_in_spans(doc, block))
            items_from(doc, blocks, first, found, paragraphs=block.text.rstrip().endswith(":"))
            if len(found.items) > 1 and all(label_split(doc.text[i.start : i.end]) for i in found.items):
                found.items = [replace(item, labelled=True) for item in found.items]
            lists.append(found)
        elif block.kind in ("paragraph", "bullet", "numbered"):
            lists.extend(inline_lists(doc, block))
    return lists


def lead_in_spans(doc: Document, block: Block) -> list[tuple[int, int]]:
    """The sentences of a lead-in block from the one speaking of the areas on ("… key areas for improvement.
    These included:"); a heading is no statement."""
    if block.kind == "heading" or LIST_HEADING.match(doc.text[block.start : block.end]):
        return []
    sentences = split_sentences(doc.text[block.start : block.end], block.start)
    talking = [s for s, e in sentences if AREA_TALK.search(doc.text[s:e])]
    return [(talking[0], block.end)] if talking else []


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
    sentences = split_sentences(text)
    lead = text[sentences[-1][0] :]
    if len(sentences) > 1 and CONNECTOR.match(lead):  # "… key areas for improvement. These included:"
        lead = text[sentences[-2][0] :]
    if not OPENS_LIST.search(text) or not AREA_TALK.search(lead) or STRENGTHS.search(lead):
        return None
    paragraphs = text.rstrip().endswith(":")
    return index + 1 if index + 1 < len(blocks) and is_item(doc, blocks[index + 1], paragraphs) else None


def inline_lists(doc: Document, block: Block) -> list[AreaList]:
    """Lists inside the sentences of one block; the sentence stays a finding of findings.py."""
    lists = []
    for start, end in split_sentences(doc.text[block.start : block.end], block.start):
        spans = inline_item_spans(doc.text[start:end], AREA_TALK, STRENGTHS)
        if spans:
            lists.append(AreaList([ListedItem(start + s, start + e, None, inline=True) for s, e in spans]))
    return lists


def is_item(doc: Document, block: Block, paragraphs: bool) -> bool:
    """Whether a block can be a list item: a bullet, a numbered or lettered line, or (after a colon) a
    short paragraph that is one complete statement."""
    if block.kind in ("bullet", "numbered"):
        return True
    if block.kind != "paragraph":
        return False
    text = doc.text[block.start : block.end].strip()
    if LETTER_MARKER.match(text):
        return True
    return (
        paragraphs
        and not text.endswith(":")
        and "“" not in text
        and not NOT_AN_ITEM.search(text)
        and len(split_sentences(text)) <= MAX_PARAGRAPH_ITEM_SENTENCES
    )


def items_from(doc: Document, blocks: list[Block], first: int, found: AreaList, *, paragraphs: bool) -> None:
    """The run of items starting at block `first`, all of the first item's kind, added to `found`."""
    kind = blocks[first].kind
    for block in blocks[first:]:
        if block.kind != kind or not is_item(doc, block, paragraphs):
            break
        if kind == "paragraph" and len(found.items) >= MAX_PARAGRAPH_ITEMS:
            break
        start, end = block.start, block.end
        marker = LETTER_MARKER.match(doc.text[start:end])
        if marker:
            start += marker.end()
        text = doc.text[start:end].strip()
        if text.endswith(":"):
            break  # a new lead-in, not an item
        found.spans.append((block.start, block.end))
        if text[-1:] not in TERMINAL and not doc.text[end:].strip():
            break  # cut off by the end of the text: not a statement
        if len(text.split()) < MIN_ITEM_WORDS:
            continue
        digits = block.number if block.kind == "numbered" and (block.number or "").isdigit() else None
        found.items.append(ListedItem(start, end, int(digits) if digits else None))


def find_listed_areas(doc: Document, blocks: list[Block]) -> list[Area]:
    """One area per listed item; its title is the item as printed."""
    items = sorted({i for found in area_lists(doc, blocks) for i in found.items}, key=lambda i: i.start)
    areas = []
    for item in items:
        ev = evidence(doc, item.start, item.end)
        title, text = strip_quotes(ev.quote), ""
        if item.labelled and (split := label_split(title)):
            title, text = split
        progress = progress_of(text)
        if len(items) == 1 and item.inline:  # "one key area …, specifically X": the review's progress
            progress = first_stated_progress([doc.text[s:e] for s, e in split_sentences(doc.text)])
        areas.append(Area(number=item.number, title=title, progress=progress, text=text, evidence=ev))
    return areas


def label_split(item: str) -> tuple[str, str] | None:
    """(label, finding) of an "Area – finding" item ("Early help – good progress had been made …")."""
    m = LABELLED.match(item)
    if not m or len(m["label"].split()) > MAX_LABEL_WORDS or len(m["rest"].split()) < MIN_ITEM_WORDS:
        return None
    if progress_of(m["rest"]) is None and item_kind(m["label"]) == FindingKind.recommendation:
        return None  # "Improve X – including Y" is one statement
    return m["label"].strip(), m["rest"].strip()


def item_kind(statement: str) -> FindingKind:
    """`recommendation` for a statement worded as an action ("Improve …", "Strengthening …", "… should …"),
    else `improvement` (SCHEMA.md)."""
    statement = statement.strip(" “‘\"'")
    imperative = ACTION_VERB.match(statement) and not NOUN_OPENING.match(statement)
    gerund = GERUND.match(statement) and not NOUN_OPENING.match(statement)
    if imperative or (gerund and not FIRST_CLAUSE_FINITE.match(statement)) or ADVICE.search(statement):
        return FindingKind.recommendation
    return FindingKind.improvement


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
                findings.extend(item_findings(doc, item))
    return findings, owned


def item_findings(doc: Document, item: ListedItem) -> list[Finding]:
    """The finding(s) one item gives: progress for "Area – <degree> progress …", else by wording."""
    split = label_split(doc.text[item.start : item.end]) if item.labelled else None
    if split and (degree := progress_of(split[1])) is not None:
        ev = evidence(doc, item.start, item.end)  # "Early help – good progress …" states progress
        return [
            Finding(kind=FindingKind.progress, text=" ".join(ev.quote.split()), progress=degree, evidence=ev)
        ]
    sentences = split_sentences(doc.text[item.start : item.end], item.start)
    kinds = [item_kind(doc.text[s:e]) for s, e in sentences]
    parts = list(zip(sentences, kinds, strict=True))
    if len(set(kinds)) == 1:
        parts = [((item.start, item.end), kinds[0])]
    findings = []
    for (start, end), kind in parts:
        ev = evidence(doc, start, end)
        findings.append(Finding(kind=kind, text=" ".join(strip_quotes(ev.quote).split()), evidence=ev))
    return findings


def strip_quotes(text: str) -> str:
    """An item without a quotation mark left unmatched at its end ("… young people.”")."""
    unmatched = (text.endswith("”") and "“" not in text) or (text.endswith('"') and text.count('"') % 2)
    return text[:-1].rstrip() if unmatched else text
