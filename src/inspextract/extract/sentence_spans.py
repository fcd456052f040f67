"""Sentence spans of a stretch of normalised text, for extractors that read sentence by sentence."""

from __future__ import annotations

import re

# A sentence ends at . ! ? (and any closing quote or bracket) before white space and a capital, digit,
# opening quote or bullet; or at a line break (the normaliser keeps one block per line).
SENTENCE_END = re.compile(r"(?<=[.!?])[’'\"”)]*(?=\s+[A-Z0-9‘“'\"(•])|\n")
# Abbreviations whose full stop ends no sentence.
ABBREVIATIONS = re.compile(
    r"\b(?:e\.g|i\.e|etc|no|nos|st|dr|mr|mrs|ms|cllr|para|vol|fig|approx)\.$", re.IGNORECASE
)


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text[start:end]`, white space trimmed, empty ones dropped."""
    spans: list[tuple[int, int]] = []
    begin = start
    for match in SENTENCE_END.finditer(text, start, end):
        if match.group() != "\n" and ABBREVIATIONS.search(text, max(begin, match.start() - 6), match.start()):
            continue
        spans.append((begin, match.end()))
        begin = match.end()
    spans.append((begin, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out
