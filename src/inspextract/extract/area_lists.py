"""Areas for improvement listed under an "Areas for improvement" heading, one list item per area."""

from __future__ import annotations

import re

from inspextract.document import Document
from inspextract.evidence import evidence
from inspextract.records import Area
from inspextract.segment import Block

LIST_HEADING = re.compile(
    r"^[\s*#]*(?:(?:key|main|priority|the)\s+)?(?:areas?\s+for\s+(?:further\s+)?improvement|priorities\s+for\s+improvement|"
    r"improvement\s+priorities)\s*:?[\s*]*$",
    re.IGNORECASE,
)
# A bulleted item is an area when it states what to do ("Ensure that ...", "Improve ..."); bullets that
# describe what inspectors found belong to findings. Numbered items under the heading are areas as printed.
IMPERATIVE = re.compile(
    r"^(?:ensure|improve|develop|strengthen|increase|reduce|continue|further|embed|review|build|provide|make|"
    r"establish|implement|promote|support|deliver|address|extend|raise|secure|take|work|agree|consider)\b|"
    r"^(?:\S+\s+){0,4}?should\b",  # "Partners should ensure ..."
    re.IGNORECASE,
)
# Introductory lines allowed between the heading and its list ("The partnership should:").
MAX_INTRO_BLOCKS = 2
MIN_ITEM_WORDS = 3


def find_listed_areas(doc: Document, blocks: list[Block]) -> list[Area]:
    """Areas from the list items right under an "Areas for improvement" heading."""
    areas: list[Area] = []
    for i, block in enumerate(blocks):
        if block.kind == "contents" or not LIST_HEADING.match(doc.text[block.start : block.end]):
            continue
        j, intro = i + 1, 0
        while j < len(blocks) and blocks[j].kind not in ("bullet", "numbered") and intro < MAX_INTRO_BLOCKS:
            if blocks[j].kind == "heading":
                break
            j, intro = j + 1, intro + 1
        while j < len(blocks) and blocks[j].kind in ("bullet", "numbered"):
            item = blocks[j]
            text = doc.text[item.start : item.end].strip()
            numbered = item.kind == "numbered" and (item.number or "").isdigit()
            if len(text.split()) >= MIN_ITEM_WORDS and (numbered or IMPERATIVE.match(text)):
                number = int(item.number) if numbered and item.number else None
                areas.append(
                    Area(number=number, title=text, text="", evidence=evidence(doc, item.start, item.end))
                )
            j += 1
    return areas
