"""The context that sets a statement's default kind: its section, and the list and introduction it is in."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from inspextract.extract.finding_rules import Cues, judge, lead_in_kind, section_kind
from inspextract.extract.item_wording import is_paragraph_item
from inspextract.extract.sentences import split_sentences
from inspextract.segment import Block

_TEXT_BLOCKS = ("paragraph", "numbered", "bullet")
# The line that introduces a list: it ends with a colon or "including", or names "the following".
LIST_INTRO = re.compile(r"(?::|\binclud(?:e|es|ed|ing)|\bfollowing)\s*$|\bthe following\b", re.IGNORECASE)
# A list whose bullets were lost (web pages): paragraphs after "These included:" are its items while
# they are short statements (item_wording.is_paragraph_item: a press release's quotes follow its lists).
_LISTED_KINDS = ("strength", "improvement", "recommendation")
_FOUND_LEADS = ("findings", "strength", "improvement")  # hook (areas): lead-ins reporting what was found


def list_introducers(judged: list[tuple[Block, str | None, bool]]) -> set[int]:
    """Start offsets of the text blocks directly followed by a bullet or a list's first item."""
    out = set()
    for (block, _, listed), (nxt, _, nxt_listed) in itertools.pairwise(judged):
        if not listed and block.kind in ("paragraph", "numbered") and (nxt.kind == "bullet" or nxt_listed):
            out.add(block.start)
    return out


def _zone(block: Block, cues: Cues) -> str | None:
    for title in reversed(block.section):
        if (zone := section_kind(title, cues)) is not None:
            return zone
    return "findings" if block.area_number is not None else None


def blocks_with_defaults(blocks: list[Block], cues: Cues) -> Iterator[tuple[Block, str | None, bool]]:
    """Text blocks with the kind their section or their list's introducing line implies.

    The flag says the kind comes from a list that names it ("key strengths:"): its items take it.
    """
    intro: Block | None = None  # the last non-bullet text block: a list's introducing line
    item_lead: str | None = None  # the kind of a list of paragraphs ("These included:") being read
    for block in blocks:
        if block.kind not in _TEXT_BLOCKS:
            if block.kind == "heading":
                intro, item_lead = None, None
            continue
        zone = _zone(block, cues)
        if block.kind != "bullet":
            if item_lead is not None and is_paragraph_item(block.text):
                yield block, item_lead, True
                continue
            intro, item_lead = block, None
            if zone != "exclude" and block.text.rstrip().endswith(":"):
                lead = _lead_of(block, zone, cues)
                item_lead = lead if lead in _LISTED_KINDS else None
            yield block, zone, False
            continue
        item_lead = None
        if block.text.rstrip().endswith(":") and judge(block.text.rstrip(" :"), zone, cues) is None:
            intro = block  # "• Inspectors also found areas to improve:" heads the bullets after it
            continue
        default, listed = zone, False
        # Hook (areas): a list the inspectors are said to have found ("Inspectors found that:") holds
        # findings even in a section that holds none of its own (a committee paper's background).
        found = intro is not None and zone == "exclude" and _lead_of(intro, None, cues) in _FOUND_LEADS
        if intro is not None and (zone != "exclude" or found) and LIST_INTRO.search(intro.text):
            lead = _lead_of(intro, zone, cues)
            if lead is not None or zone not in _LISTED_KINDS:
                default, listed = lead, lead in _LISTED_KINDS
        yield block, default, listed


def _lead_of(intro: Block, zone: str | None, cues: Cues) -> str | None:
    """The kind the last sentence of a list's introducing block gives the list."""
    last = split_sentences(intro.text)[-1]
    lead = lead_in_kind(intro.text[last[0] : last[1]], cues)
    if lead == "inherit":
        lead = _kind_before(intro, last[0], zone, cues)
    elif lead == "continues":  # "… found key strengths. These included:": the sentence before names it
        named = lead_in_kind(intro.text[: last[0]], cues) if last[0] > 0 else None
        lead = named if named in _LISTED_KINDS else "exclude"
    return lead


def _kind_before(block: Block, upto: int, zone: str | None, cues: Cues) -> str | None:
    """The last judgement in a block before offset `upto` ("… were confident. This was based on:")."""
    kinds = [judge(block.text[s:e], zone, cues) for s, e in split_sentences(block.text[:upto])]
    kinds = [k for k in kinds if k is not None]
    return kinds[-1] if kinds else None
