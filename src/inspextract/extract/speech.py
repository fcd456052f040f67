"""Quoted speech in press releases: where each quotation runs and whether an inspectorate is speaking."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspextract.extract.finding_rules import Cues
from inspextract.extract.sentences import split_sentences
from inspextract.segment import Block

# An attribution is short: "Karen Reid, chief executive of the Care Inspectorate, said:" (words).
ATTRIBUTION_MAX_WORDS = 30
# How much text around a speaker's earlier mention may hold their role ("council leader Ann Smith";
# characters): about one clause either side.
ROLE_WINDOW_CHARS = 100
_STRAIGHT = "'\""
# "she said", "they added": the speaker is whoever spoke last.
_PRONOUN = re.compile(r"^\W*(?:he|she|they)\b", re.IGNORECASE)
# Capitalised words of an attribution that may be a name ("Mr McCabe said:"); titles are not names.
_NAME_WORD = re.compile(r"\b(?!(?:Mr|Mrs|Ms|Miss|Dr|Prof|Cllr|The|She|He|They)\b)[A-Z][a-z][\w’'-]+")


@dataclass(frozen=True)
class Quotation:
    """A quoted passage `[start, end)` (marks included) and who speaks it."""

    start: int
    end: int
    speaker: str | None  # "inspectorate", "other", or None for quotes without an attribution
    attribution: tuple[int, int] | None = None  # the "X said:" span before the quote, if any


def _role(text: str, cues: Cues) -> str | None:
    """ "inspectorate" or "other" by the first role words of a text; None when it names neither.

    The first named is the speaker: "Provost Ann Bell welcomed the report and said …".
    """
    inspectorate, other = cues.speech_inspectorate.search(text), cues.speech_other.search(text)
    if inspectorate and not (other and other.start() < inspectorate.start()):
        return "inspectorate"
    return "other" if other else None


def _speaker(attribution: str, text: str, last: str | None, cues: Cues) -> str | None:
    """Who speaks by an attribution: its role words, a pronoun's antecedent or a name's earlier role."""
    if not cues.speech_verb.search(attribution) or len(attribution.split()) > ATTRIBUTION_MAX_WORDS:
        return None
    role = _role(attribution, cues)
    if role is None and _PRONOUN.match(attribution):
        return last
    for name in [] if role is not None else _NAME_WORD.findall(attribution):
        first = text.find(name)
        if first >= 0:
            role = _role(
                text[max(0, first - ROLE_WINDOW_CHARS) : first + len(name) + ROLE_WINDOW_CHARS], cues
            )
            if role is not None:
                break
    # A speaker named without a role is one of the inspected partners: inspectors are introduced as such.
    return role or "other"


def _ends_in_verb(before: str, cues: Cues) -> bool:
    verbs = list(cues.speech_verb.finditer(before))
    return bool(verbs) and not before[verbs[-1].end() :].strip(" ,:;-–—")


def _has_quote(text: str) -> bool:
    return any(mark in text for mark in "“”")


def _pairs(text: str) -> list[tuple[int, int, bool]]:
    """(open, close, closed) of the quotations, curly or straight double; one left open runs to the end."""
    if "“" in text or '"' not in text:
        opener, closer = "“", "”"
    else:
        opener = closer = '"'
    out, i = [], 0
    while (i := text.find(opener, i)) >= 0:
        j = text.find(closer, i + 1)
        out.append((i, j + 1 if j >= 0 else len(text), j >= 0))
        i = j + 1 if j >= 0 else len(text)
    if not out and text[:1] in _STRAIGHT and text.rstrip()[-1:] in _STRAIGHT and len(text) > 2:
        out.append((0, len(text), True))
    return out


def find_quotations(blocks: list[Block], cues: Cues, text: str = "") -> list[Quotation]:
    """Every quotation of the text blocks, with its speaker from the attribution around it.

    `text` is the document's text, where a speaker named without a role ("Mr Smith said") is looked up.
    """
    out: list[Quotation] = []
    carried: str | None = None  # an unclosed quotation continues in the next paragraph ("“" opening it)
    last: str | None = None  # the last speaker attributed: "she said" refers to them
    previous_tail = ""
    for block in blocks:
        if block.kind not in ("paragraph", "numbered", "bullet"):
            carried, previous_tail = None, ""
            continue
        sentences = split_sentences(block.text)
        sentence_starts = [0] + [start for start, _ in sentences]
        pairs = _pairs(block.text)
        for open_, close, closed in pairs:
            head_start = max(s for s in sentence_starts if s <= open_)
            before = block.text[head_start:open_]
            after_m = re.match(r"[^.!?“\"]*", block.text[close:])
            after = after_m.group() if after_m else ""
            # Only a clean "X said:" lead-in is an attribution, not a sentence quoting twice.
            clean = before.strip() and not _has_quote(before)
            speaker = _speaker(before, text, last, cues) if clean else None
            # The lead-in is skipped only when it ends in its speech verb ("X said:"), not "X said Y was".
            ends_in_verb = _ends_in_verb(before, cues)
            attribution = (
                (block.start + head_start, block.start + open_) if speaker and ends_in_verb else None
            )
            if speaker is None and after.strip():
                speaker = _speaker(after, text, last, cues)
            if speaker is None and open_ == 0:
                speaker = carried if carried else _speaker(previous_tail, text, last, cues)
            if speaker is None and not before.strip() and out and out[-1].start >= block.start:
                speaker = out[-1].speaker  # “…,” she said. “…”: the same speaker goes on
            out.append(Quotation(block.start + open_, block.start + close, speaker, attribution))
            carried = speaker if not closed else None
            last = speaker or last
        if not pairs:
            carried = None
            # "The provost welcomed the report and said …": a later "he said" refers to this speaker.
            for start, end in sentences:
                last = _speaker(block.text[start:end], text, last, cues) or last
        end = sentence_starts[-1]
        previous_tail = block.text[end:] if end < len(block.text) else block.text
    return out
