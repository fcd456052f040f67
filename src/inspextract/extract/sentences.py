"""Rule-based sentence splitting with exact offsets: abbreviation- and quotation-aware, no model needed."""

from __future__ import annotations

import re

# Words that end with a full stop without ending a sentence (lower-cased, without the stop).
ABBREVIATIONS = frozenset(
    {"e.g", "i.e", "etc", "vs", "cf", "al", "approx", "dr", "mr", "mrs", "ms", "prof", "cllr", "rev", "st"}
    | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
    | {"inc", "ltd", "co", "dept", "govt", "est"}
)
# These are abbreviations only before a number ("No. 5", "para. 4.2"); "there was no." ends a sentence.
NUMBER_ABBREVIATIONS = frozenset(
    ("no", "nos", "fig", "figs", "para", "paras", "p", "pp", "ch", "sec", "vol", "ref", "tel", "ext")
)
# A sentence ends at . ! ? (or an ellipsis), then any closing quotes/brackets, then white space.
_END = re.compile(r"(?:[.!?]+|…)(?P<close>[”’\"')\]]*)(?=\s)")
# What may start the next sentence: a capital, a digit, an opening quote or bracket, a bullet.
_NEXT_START = re.compile(r"\s+(?=[“‘\"'(\[]?[A-Z0-9•])")
# Longer than any abbreviation (characters).
ABBREVIATION_WINDOW_CHARS = 24
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` closes an abbreviation or an initial ("e.g.", "Dr.", "J.")."""
    # Look back a bounded window only, so a long run of text stays linear.
    m = _WORD_BEFORE.search(text, max(0, stop - ABBREVIATION_WINDOW_CHARS), stop)
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if word in ABBREVIATIONS:
        return True
    if word in NUMBER_ABBREVIATIONS:
        return bool(re.match(r"\s*\d", text[stop + 1 : stop + 4]))
    # A single capital initial ("J. Smith"), but not a one-letter sentence end after a word like "A".
    return len(word) == 1 and text[m.start()].isupper() and text[m.start() - 1 : m.start()] in (" ", "")


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, shifted by `offset`; white space is never inside an edge."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        is_single_stop = text[m.start()] == "." and m.end() - m.start() - len(m["close"]) == 1
        if is_single_stop and _is_abbreviation(text, m.start()):
            continue
        nxt = _NEXT_START.match(text, end)
        if not nxt:
            continue
        spans.append((start, end))
        start = nxt.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s + offset, e + offset))
    return out
