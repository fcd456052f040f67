"""Paragraphs that a page break cut mid-sentence, re-joined."""

from __future__ import annotations

import re

# A block ending like this has finished its sentence (closing quotes and brackets may follow the stop).
_FINISHED = re.compile(r"[.!?:;][\"'”’)\]]*$")
# Words a sentence cannot end on: a block ending on one of them was cut off.
_OPEN_ENDINGS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "and",
        "or",
        "but",
        "from",
        "at",
        "as",
        "that",
        "which",
        "who",
        "whose",
        "than",
        "into",
        "their",
        "its",
        "our",
    ]
)
_BULLET_GLYPH = re.compile(r"^[-•–*▪◦·●○■]\s")


def continues(before: str, after: str) -> bool:
    """Whether the block `after` continues the sentence that `before` left unfinished."""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after or _FINISHED.search(before) or _BULLET_GLYPH.match(after):
        return False
    if after[0].islower():
        return True
    # "... and the" + "15 most recent ...": a number after an open ending is the sentence going on.
    last = before.split()[-1].lower()
    return before.endswith(",") or last in _OPEN_ENDINGS


def rejoin_broken_paragraphs(text: str) -> str:
    """Join blocks split by a blank line mid-sentence (the next block starts in lower case)."""
    blocks = text.split("\n\n")
    out: list[str] = []
    for block in blocks:
        if out and block.strip() and block.lstrip()[0].islower() and continues(out[-1], block):
            out[-1] = f"{out[-1].rstrip()} {block.lstrip()}"
        else:
            out.append(block)
    return "\n\n".join(out)
