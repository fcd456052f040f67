"""Quoted speech in press releases: where each quotation runs and whether an inspectorate is speaking."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspextract.extract.finding_rules import Cues
from inspextract.extract.sentences import split_sentences
from inspextract.segment import Block

# An attribution is short: "Karen Reid, chief executive of the Care Inspectorate, said:" (words).
ATTRIBUTION_MAX_WORDS = 30
_STRAIGHT = "'\""


@dataclass(frozen=True)
class Quotation:
    """A quoted passage `[start, end)` (marks included) and who speaks it."""

    start: int
    end: int
    speaker: str | None  # "inspectorate", "other", or None for quotes without an attribution
    attribution: tuple[int, int] | None = None  # the "X said:" span before the quote, if any


def _speaker(attribution: str, cues: Cues) -> str | None:
    if not cues.speech_verb.search(attribution) or len(attribution.split()) > ATTRIBUTION_MAX_WORDS:
        return None
    return "inspectorate" if cues.speech_inspectorate.search(attribution) else "other"


def _has_quote(text: str) -> bool:
    return any(mark in text for mark in "“”")


def _pairs(text: str) -> list[tuple[int, int, bool]]:
    """(open, close, closed) of curly quotations; a block that opens with a straight quote is one too."""
    out, i = [], 0
    while (i := text.find("“", i)) >= 0:
        j = text.find("”", i + 1)
        out.append((i, j + 1 if j >= 0 else len(text), j >= 0))
        i = j + 1 if j >= 0 else len(text)
    if not out and text[:1] in _STRAIGHT and text.rstrip()[-1:] in _STRAIGHT and len(text) > 2:
        out.append((0, len(text), True))
    return out


def find_quotations(blocks: list[Block], cues: Cues) -> list[Quotation]:
    """Every quotation of the text blocks, with its speaker from the attribution around it."""
    out: list[Quotation] = []
    carried: str | None = None  # an unclosed quotation continues in the next paragraph ("“" opening it)
    previous_tail = ""
    for block in blocks:
        if block.kind not in ("paragraph", "numbered", "bullet"):
            carried, previous_tail = None, ""
            continue
        text = block.text
        sentence_starts = [0] + [start for start, _ in split_sentences(text)]
        for open_, close, closed in _pairs(text):
            head_start = max(s for s in sentence_starts if s <= open_)
            before = text[head_start:open_]
            after_m = re.match(r"[^.!?“]*", text[close:])
            after = after_m.group() if after_m else ""
            # Only a clean "X said:" lead-in is an attribution, not a sentence quoting twice.
            speaker = _speaker(before, cues) if before.strip() and not _has_quote(before) else None
            attribution = (block.start + head_start, block.start + open_) if speaker else None
            if speaker is None and after.strip():
                speaker = _speaker(after, cues)
            if speaker is None and open_ == 0:
                speaker = carried if carried else _speaker(previous_tail, cues)
            out.append(Quotation(block.start + open_, block.start + close, speaker, attribution))
            carried = speaker if not closed else None
        if not _pairs(text):
            carried = None
        previous_tail = text[sentence_starts[-1] :] if sentence_starts[-1] < len(text) else text
    return out
