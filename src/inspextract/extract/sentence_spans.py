"""Sentence spans of a stretch of normalised text, for extractors that read sentence by sentence."""

from __future__ import annotations

import re

from inspextract.extract.sentences import split_sentences

# Where a block of the normalised text ends: a blank line, a line ending in punctuation, a line before a
# list item. Other line breaks are hard wraps inside a paragraph (text exports), not sentence ends.
BLOCK_END = re.compile(r"\n\s*\n|(?<=[.!?:;])\s*\n|\n(?=\s*(?:[•\-–*▪]|\d+\.)\s)")


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text[start:end]`; a line break also ends a sentence.

    The normaliser keeps one block per line, so each line is split on its own by the shared splitter.
    """
    spans: list[tuple[int, int]] = []
    line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        if line_end == -1:
            line_end = end
        spans.extend(split_sentences(text[line_start:line_end], line_start))
        line_start = line_end + 1
    return spans


def block_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the whole text, read block by block (`BLOCK_END`)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in BLOCK_END.finditer(text):
        spans.extend(split_sentences(text[pos : match.start()], pos))
        pos = match.end()
    spans.extend(split_sentences(text[pos:], pos))
    return spans
