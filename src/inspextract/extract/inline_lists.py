"""Areas for improvement listed inside one sentence: "The report identified three areas for improvement:
A, B and C." Only splits that are certain: inline bullets, semicolons, or commas when the number is stated;
"one key area …, specifically X" names a single area."""

from __future__ import annotations

import re

NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
STATED_COUNT = re.compile(
    rf"\b(?P<n>{'|'.join(NUMBER_WORDS)}|\d)\s+(?:\w+\s+){{0,2}}?(?:areas?|points?|priorit(?:y|ies))\b", re.I
)
# Where the items start: after a colon, or after "specifically" / "namely".
OPENER = re.compile(r":|,?\s+(?:specifically|namely)\b,?")
# A single named area is a statement, not a word or two (words).
MIN_SINGLE_WORDS = 3
INLINE_BULLET = re.compile(r"\s+[•▪●◼■]\s+|^\s*[•▪●◼■]\s+")
SEMICOLON = re.compile(r";\s*(?:and\s+)?")
COMMA = re.compile(r",\s*(?:and\s+)?")
COMMA_OR_LAST_AND = re.compile(r",\s*(?:and\s+)?|\s+and\s+(?!.*\s+and\s)(?!.*,)")


Span = tuple[int, int]


def may_open_inline_list(text: str) -> bool:
    """Whether a sentence of `text` can hold an OPENER (its literal words): a cheap test before splitting."""
    return ":" in text or "specifically" in text or "namely" in text


def inline_item_spans(sentence: str, lead: re.Pattern[str], excluded: re.Pattern[str]) -> list[Span]:
    """(start, end) in `sentence` of the items after its colon, when the words before the colon match
    `lead` (they speak of areas for improvement) and not `excluded` (strengths)."""
    opener = OPENER.search(sentence)
    head = sentence[: opener.end()] if opener else ""
    if not opener or not lead.search(head) or excluded.search(head):
        return []
    body_start = opener.end()
    spans = split_inline(sentence[body_start:].rstrip(".;"), stated_count(head))
    return [(body_start + s, body_start + e) for s, e in spans]


def stated_count(lead: str) -> int | None:
    """The number of areas a lead-in states ("five areas for improvement" -> 5)."""
    m = STATED_COUNT.search(lead)
    if not m:
        return None
    word = m["n"].lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.index(word) + 1


def split_inline(body: str, count: int | None) -> list[Span]:
    """(start, end) of each item of an inline list within `body`; [] when the split is not certain."""
    if count == 1:
        start = len(body) - len(body.lstrip())
        return [(start, len(body.rstrip()))] if len(body.split()) >= MIN_SINGLE_WORDS else []
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
