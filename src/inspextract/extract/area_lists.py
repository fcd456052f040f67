"""Lists the document presents as the inspection's areas for improvement: one area (and finding) per item.

A list is introduced by an "Areas for improvement" / "Points for action" heading, or by a line that speaks
of such areas and opens a list ("Inspectors also identified key areas for improvement, including:",
"... agreed the following points for improvement."). Each item is an area and also a finding of its own
kind (SCHEMA.md): `recommendation` when worded as an action, else `improvement`. `listed_items` is the one
home of both; improvement_areas.py turns the items into areas and findings.py into findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspextract.document import Document
from inspextract.evidence import evidence
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
    r"\b(?:areas?|points?|priorit(?:y|ies))\b(?:\s+[\w’'-]+){0,4}?\s+(?:for|of|(?:that|which)?\s*need(?:s|ed)?)"
    r"\s+(?:further\s+)?(?:to\s+)?(?:improvement|improve|action|development)\b|\bpriority\s+areas\b",
    re.IGNORECASE,
)
# A line that opens a list ends with a colon, or announces "the following ..." and ends with a full stop.
OPENS_LIST = re.compile(r":\s*$|\bfollowing\b[^.:;]*\.\s*$", re.IGNORECASE)
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
GERUND = re.compile(r"^[A-Za-z]+ing\b")
# An opening verb-like word used as a noun: "Support for carers ...", "Planning was ...", "Safeguarding
# arrangements were ..." (a finite verb in the first clause, before any "that"/"which" clause).
FINITE = "is|are|was|were|has|have|had|remains?|remained"
NOUN_OPENING = re.compile(rf"^\w+\s+(?:for|of|in|across|{FINITE})\b", re.IGNORECASE)
SUBORDINATOR = r"\b(?:that|which|who|where|when|if|so)\b"
FIRST_CLAUSE_FINITE = re.compile(rf"^(?:(?!{SUBORDINATOR})[^,;])*?\b(?:{FINITE})\b", re.IGNORECASE)
ADVICE = re.compile(r"\b(?:should|must|needs?\s+to|needed\s+to)\b", re.IGNORECASE)
TERMINAL = ".!?;:”’\"')"
# Inline lists: "… the following areas for improvement: A; B; and C." or "five areas …: A, B, C, D and E".
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
STATED_COUNT = re.compile(
    rf"\b(?P<n>{'|'.join(NUMBER_WORDS)}|\d)\s+(?:\w+\s+){{0,2}}?(?:areas|points|priorities)\b", re.IGNORECASE
)
INLINE_BULLET = re.compile(r"\s+[•▪●]\s+|^\s*[•▪●]\s+")
SEMICOLON = re.compile(r";\s*(?:and\s+)?")
COMMA = re.compile(r",\s*(?:and\s+)?")
COMMA_OR_LAST_AND = re.compile(r",\s*(?:and\s+)?|\s+and\s+(?!.*\s+and\s)(?!.*,)")
# Shorter items are labels or fragments (words); longer runs of paragraphs are prose, not a list (items).
MIN_ITEM_WORDS = 3
MAX_PARAGRAPH_ITEMS = 8
# A paragraph item is a statement of a few sentences; a longer paragraph is body text.
MAX_PARAGRAPH_ITEM_SENTENCES = 3
# Introductory lines allowed between a heading and its list ("The partnership should:").
MAX_INTRO_BLOCKS = 2


@dataclass(frozen=True)
class ListedItem:
    """One item of an areas-for-improvement list: its span (marker excluded) and its number as printed."""

    start: int
    end: int
    number: int | None
    inline: bool = False  # a part of one sentence ("… five areas for improvement: A, B, …"), no finding


def listed_items(doc: Document, blocks: list[Block]) -> list[ListedItem]:
    """The items of every list the document presents as its areas for improvement, in text order."""
    items: list[ListedItem] = []
    for i, block in enumerate(blocks):
        first = first_item_index(doc, blocks, i)
        if first is not None:
            items.extend(items_from(doc, blocks, first, paragraphs=block.text.rstrip().endswith(":")))
        elif block.kind in ("paragraph", "bullet", "numbered"):
            items.extend(inline_items(doc, block))
    return sorted(set(items), key=lambda item: item.start)


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
    lead = text[sentences[-2][0] if len(sentences) > 1 else 0 :]  # "… areas for improvement. These included:"
    if not OPENS_LIST.search(text) or not AREA_TALK.search(lead) or STRENGTHS.search(lead):
        return None
    paragraphs = text.rstrip().endswith(":")
    return index + 1 if index + 1 < len(blocks) and is_item(doc, blocks[index + 1], paragraphs) else None


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
        and len(split_sentences(text)) <= MAX_PARAGRAPH_ITEM_SENTENCES
    )


def items_from(doc: Document, blocks: list[Block], first: int, *, paragraphs: bool) -> list[ListedItem]:
    """The run of items starting at block `first`, all of the first item's kind."""
    kind = blocks[first].kind
    out: list[ListedItem] = []
    for block in blocks[first:]:
        if block.kind != kind or not is_item(doc, block, paragraphs) or len(out) >= MAX_PARAGRAPH_ITEMS:
            break
        start, end = block.start, block.end
        marker = LETTER_MARKER.match(doc.text[start:end])
        if marker:
            start += marker.end()
        text = doc.text[start:end].strip()
        if text.endswith(":"):
            break  # a new lead-in, not an item
        if text[-1:] not in TERMINAL and not doc.text[end:].strip():
            break  # cut off by the end of the text: not a statement
        if len(text.split()) < MIN_ITEM_WORDS:
            continue
        digits = block.number if block.kind == "numbered" and (block.number or "").isdigit() else None
        number = int(digits) if digits else None
        out.append(ListedItem(start, end, number))
    return out


def inline_items(doc: Document, block: Block) -> list[ListedItem]:
    """Items listed inside one sentence after a colon: "The report identified three areas for improvement:
    A, B and C." Split on semicolons or inline bullets; on commas only when their number is stated."""
    items: list[ListedItem] = []
    for start, end in split_sentences(doc.text[block.start : block.end], block.start):
        sentence = doc.text[start:end]
        colon = sentence.find(":")
        lead = sentence[: colon + 1]
        if colon < 0 or not AREA_TALK.search(lead) or STRENGTHS.search(lead):
            continue
        body_start = start + colon + 1
        spans = split_inline(doc.text[body_start:end].rstrip(".;"), stated_count(lead))
        items.extend(ListedItem(body_start + s, body_start + e, None, inline=True) for s, e in spans)
    return items


def stated_count(lead: str) -> int | None:
    """The number of areas a lead-in states ("five areas for improvement" -> 5)."""
    m = STATED_COUNT.search(lead)
    if not m:
        return None
    word = m["n"].lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.index(word) + 2


def split_inline(body: str, count: int | None) -> list[tuple[int, int]]:
    """(start, end) of each item of an inline list within `body`; [] when the split is not certain."""
    separator = INLINE_BULLET if INLINE_BULLET.search(body) else SEMICOLON if ";" in body else None
    if separator is None and count is not None:
        # "A, B, and C" (serial comma): the commas split; "A, B and C": the last "and" splits too.
        separator = COMMA if re.search(r",\s*and\s", body) else COMMA_OR_LAST_AND
    if separator is None:
        return []
    spans, pos = [], 0
    for m in [*separator.finditer(body), None]:
        stop = m.start() if m else len(body)
        piece = body[pos:stop]
        lead_space = len(piece) - len(piece.lstrip())
        if piece.strip():
            spans.append((pos + lead_space, pos + len(piece.rstrip())))
        pos = m.end() if m else pos
    if len(spans) < 2 or (count is not None and len(spans) != count):
        return []
    return spans


def find_listed_areas(doc: Document, blocks: list[Block]) -> list[Area]:
    """One area per listed item; its title is the item as printed."""
    areas = []
    for item in listed_items(doc, blocks):
        ev = evidence(doc, item.start, item.end)
        areas.append(Area(number=item.number, title=strip_quotes(ev.quote), text="", evidence=ev))
    return areas


def item_kind(statement: str) -> FindingKind:
    """`recommendation` for a statement worded as an action ("Improve …", "Strengthening …", "… should …"),
    else `improvement` (SCHEMA.md)."""
    statement = statement.strip(" “‘\"'")
    imperative = ACTION_VERB.match(statement) and not NOUN_OPENING.match(statement)
    gerund = GERUND.match(statement) and not NOUN_OPENING.match(statement)
    if imperative or (gerund and not FIRST_CLAUSE_FINITE.match(statement)) or ADVICE.search(statement):
        return FindingKind.recommendation
    return FindingKind.improvement


def listed_item_findings(doc: Document, blocks: list[Block]) -> list[Finding]:
    """One finding per listed item; an item whose sentences differ in kind gives one per sentence."""
    findings = []
    for item in listed_items(doc, blocks):
        if item.inline:
            continue  # the sentence holding the list is one finding (findings.py)
        sentences = split_sentences(doc.text[item.start : item.end], item.start)
        kinds = [item_kind(doc.text[s:e]) for s, e in sentences]
        parts = list(zip(sentences, kinds, strict=True))
        if len(set(kinds)) == 1:
            parts = [((item.start, item.end), kinds[0])]
        for (start, end), kind in parts:
            ev = evidence(doc, start, end)
            findings.append(Finding(kind=kind, text=" ".join(strip_quotes(ev.quote).split()), evidence=ev))
    return findings


def strip_quotes(text: str) -> str:
    """An item without a quotation mark left unmatched at its end ("… young people.”")."""
    unmatched = (text.endswith("”") and "“" not in text) or (text.endswith('"') and text.count('"') % 2)
    return text[:-1].rstrip() if unmatched else text
