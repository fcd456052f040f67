"""What looks like a name but is no person of the document: organisations, places, streets and buildings,
authors of cited works, and officers listed in a table of contact details."""

from __future__ import annotations

import bisect
import re

from inspextract.extract.names import UPPER, NameSpan, lexicon_words
from inspextract.extract.role_layout import CONTEXT_MAX_CHARS, SPACE, line_bounds
from inspextract.records import Entity
from inspextract.segment import Block

# "Smith (2019)", "Smith, 2019", "Smith et al.", "Smith and Jones (2019)": authors of cited works.
_YEAR = r"\(?(?:19|20)\d\d\b"
CITATION_AFTER = re.compile(
    rf"^{SPACE}*(?:,{SPACE}*)?(?:{_YEAR}|et al\b|(?:and|&){SPACE}+[{UPPER}]\S+{SPACE}*,?{SPACE}*{_YEAR})"
)
NEXT_WORD = re.compile(rf"{SPACE}+(?P<word>[A-Za-z]+)\b")
CONTACT_ROW_MAX_CHARS = 160
WEB_ADDRESS = re.compile(r"\bwww\.|https?://", re.IGNORECASE)
REFERENCE_SECTIONS = re.compile(r"reference|bibliograph|further reading|sources", re.IGNORECASE)


# A news article's byline: "By Jane Smith" opening a line, or "Jane Smith, Education Correspondent".
BYLINE_BEFORE = re.compile(rf"(?:^|\n){SPACE}*(?:[Bb]y|[Ww]ords by|[Ww]ritten by|[Pp]osted by){SPACE}+$")
BYLINE_AFTER = re.compile(
    rf"{SPACE}*[,|–—-]?{SPACE}*(?:[A-Za-z]+{SPACE}+){{0,4}}(?:reporter|correspondent|journalist|editor|writer)\b",
    re.IGNORECASE,
)
# A prison or young offenders institution: "HMP & YOI Northmoor", "HMP Eastgate".
INSTITUTION = re.compile(
    rf"\b(?:HMP|HMYOI|YOI|HM{SPACE}+Prison)(?:{SPACE}*(?:&|and){SPACE}*YOI)?{SPACE}+"
    rf"(?P<name>[{UPPER}][a-z]+(?:{SPACE}+[{UPPER}][a-z]+)*)"
)


class Rejecter:
    """Organisations, places and authors of cited works are not people (lookups by offset, for long texts)."""

    def __init__(self, text: str, entities: list[Entity], blocks: list[Block]) -> None:
        self.text, self.blocks = text, blocks
        # Inspectorates and multi-word council areas; a one-word area may be a forename ("Angus").
        self.places = sorted(
            (e.start, e.end)
            for e in entities
            if e.label == "INSPECTORATE" or (e.label == "AREA" and " " in e.text)
        )
        self.place_starts = [start for start, _ in self.places]
        self.block_starts = [b.start for b in blocks]
        # Names printed as an institution's are places wherever they recur ("Northmoor" alone).
        self.institutions = {m["name"] for m in INSTITUTION.finditer(text)}

    def __call__(self, span: NameSpan) -> bool:
        i = bisect.bisect_left(self.place_starts, span.end) - 1
        # Rule entities never overlap, so only the last one starting before the name can overlap it.
        if i >= 0 and self.places[i][1] > span.start:
            return True
        if CITATION_AFTER.match(self.text[span.end : span.end + 60]):
            return True
        if self.text[span.start : span.end] in self.institutions:
            return True
        if BYLINE_BEFORE.search(self.text, max(0, span.start - 20), span.start):
            return True
        if BYLINE_AFTER.match(self.text, span.end, span.end + 60):
            return True
        after = NEXT_WORD.match(self.text, span.end)
        if after and after["word"].lower() in lexicon_words("place_words"):
            return True  # "John Smith House", "Mary Brown Drive": a building or a street
        if self._in_contact_block(span):
            return True
        j = bisect.bisect_right(self.block_starts, span.start) - 1
        if j >= 0:
            block = self.blocks[j]
            return any(REFERENCE_SECTIONS.search(title) for title in (*block.section, block.text[:40]))
        return False

    def _in_contact_block(self, span: NameSpan) -> bool:
        """A table of the inspected bodies' contact details (names beside web addresses) lists officers
        who take no part in the document."""
        line_start, line_end = line_bounds(self.text, span.start, span.end)
        if WEB_ADDRESS.search(self.text[line_start:line_end]):
            return True
        # A paragraph (a quote, a sentence) is no row of a table: a web address below it proves nothing.
        if line_end - line_start > CONTACT_ROW_MAX_CHARS:
            return False
        below = self.text[line_end : line_end + CONTEXT_MAX_CHARS].lstrip("\n").split("\n", 1)[0]
        # Only a short line below is the same table's row; a paragraph citing a website is not.
        below = below if len(below) <= CONTACT_ROW_MAX_CHARS else ""
        return bool(WEB_ADDRESS.search(below))
