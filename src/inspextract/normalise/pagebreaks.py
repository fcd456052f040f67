"""Paragraphs that a page break cut mid-sentence, re-joined.

The one home of the rule (`continues`): the text normaliser joins blank-line-separated blocks with it, the
PDF reader joins its blocks across pages (`runs_on`), and segmentation joins hard-wrapped lines.
"""

from __future__ import annotations

import re

from inspextract.lines import Block

# A block ending like this has finished its sentence (closing quotes and brackets may follow the stop).
FINISHED = re.compile(r"[.!?:;][\"'”’)\]]*$")
# Words a sentence cannot end on: a block ending on one of them was cut off.
_OPEN_ENDINGS = frozenset(
    ("a", "an", "the", "of", "to", "in", "on", "for", "with", "by", "and", "or", "but", "from", "at", "as",
     "that", "which", "who", "whose", "than", "into", "their", "its", "our")
)  # fmt: skip
# Kinds of PDF block whose sentence may go on in the next block.
FLOWING_KINDS = ("paragraph", "bullet", "numbered")
# A list item starts with one of these glyphs and a space.
BULLET = re.compile(r"^[•▪◦●○■·‣⁃–*-]\s")


def continues(before: str, after: str) -> bool:
    """Whether the block `after` continues the sentence that `before` left unfinished."""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after or FINISHED.search(before) or BULLET.match(after):
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


def runs_on(before: Block, after: Block, *, across_pages: bool) -> bool:
    """Whether `after` continues the sentence `before` left open (cut by a page end or a stray gap).

    Within a page only a lower-case start counts: a gap before a capital is a real paragraph break.
    """
    first = after.lines[0].text
    return (
        before.kind in FLOWING_KINDS
        and after.kind in ("paragraph", "numbered")
        and (across_pages or first[:1].islower())
        and continues(before.lines[-1].text, first)
    )
