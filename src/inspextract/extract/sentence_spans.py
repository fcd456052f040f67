"""Sentence spans of a stretch of normalised text, for extractors that read sentence by sentence."""

from __future__ import annotations

from inspextract.extract.sentences import split_sentences


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
