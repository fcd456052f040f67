"""The inspected council area(s) and the partnership named for them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspextract.lexicon import Mention, councils

# Characters of the opening (title page, headline, first paragraphs) where the inspected area is named.
HEAD_CHARS = 1500
# Weights of a mention of a council area, by where it is; set by hand so that one mention in the title or
# in "services in X" outweighs several passing mentions (a council's address, a neighbouring area).
WEIGHT_ANY = 1.0
WEIGHT_HEAD = 2.0
WEIGHT_TITLE = 4.0
WEIGHT_CONTEXT = 3.0
# A second area is inspected too only when it scores nearly as well as the first (share of the top score).
SECOND_AREA_SHARE = 0.6

# Contexts that say the place is where services were inspected: "in X", "services in X", "across X",
# "X Community Planning Partnership", "X Council", "partners in X".
BEFORE_AREA = re.compile(r"(?:\b(?:in|across|within|for|of)\s+(?:the\s+)?)$", re.IGNORECASE)
AFTER_AREA = re.compile(
    r"^\s+(?:Community Planning Partnership|community planning partnership|Partnership|partnership"
    r"|Council|council|Health and Social Care Partnership|HSCP|CPP|area)\b"
)
# Mentions that do not name the inspected area: a postal address ("Compass House, Dundee, DD1 4NY"), a press
# release's dateline ("Dundee, 12 March 2024"), a health board or university ("NHS Greater Glasgow").
POSTCODE_AFTER = re.compile(r"^,?\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
DATELINE_AFTER = re.compile(r"^\s*[,–—-]\s*(?:\w+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+")
NOT_COUNCIL_BEFORE = re.compile(r"(?:\bNHS|\bGreater|\bUniversity of|\bRoyal|\bCollege)\s+$")

# "<area> Community Planning Partnership", "<area> adult support and protection partnership",
# "<area> Alliance": the area's name, a few words describing the partnership (none for "<area> partnership"),
# then its noun.
# Words may break over one line ("Scottish Borders\nPlanning Partnership"), never over a blank line.
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_DESCRIPTOR = (
    r"(?!(?:The|This|That|These|Its|Their|A|An|In|On|At|Of|Council|Councils|Committee|Board|Group|Forum)\b)[A-Z][\w'’-]*"
    r"|and|&|community|planning|health|social|care|children['’]s|services|adult|support|protection"
    r"|integrated|strategic|public"
)
PARTNERSHIP_SUFFIX = re.compile(
    rf"{_GAP}(?P<described>(?:(?:{_DESCRIPTOR}){_GAP})*?)"
    r"(?P<noun>Partnership|partnership|CPP|Alliance|Commission)\b"
    r"(?!\s+(?:Board|board|Group|group|working|Working))"
)
# A partnership's own name built on the area's: "Community Planning Aberdeen".
NAME_BEFORE_AREA = re.compile(r"\bCommunity Planning[ \t]+$")
# A health and social care partnership listed among agencies or in a person's role ("the council, police and
# the X Health and Social Care Partnership", "Chief Officer, X Health and Social Care Partnership") is one of
# the partners, not the partnership inspected.
LISTED_BEFORE = re.compile(r"(?:,|\band)\s+(?:the\s+)?$")


@dataclass(frozen=True)
class AreaVerdict:
    """Canonical inspected areas and the mention that decided the first one."""

    areas: list[str]
    mention: Mention | None


def score_mention(text: str, mention: Mention, title_span: tuple[int, int] | None) -> float:
    """How strongly one mention says "this is the area inspected"."""
    before, after = text[max(0, mention.start - 40) : mention.start], text[mention.end : mention.end + 60]
    if POSTCODE_AFTER.match(after) or DATELINE_AFTER.match(after) or NOT_COUNCIL_BEFORE.search(before):
        return 0.0
    weight = WEIGHT_ANY
    if title_span and title_span[0] <= mention.start < title_span[1]:
        weight += WEIGHT_TITLE
    elif mention.start < HEAD_CHARS:
        weight += WEIGHT_HEAD
    if BEFORE_AREA.search(before) or AFTER_AREA.match(after):
        weight += WEIGHT_CONTEXT
    return weight


def find_areas(text: str, title_span: tuple[int, int] | None = None) -> AreaVerdict:
    """The council area(s) whose services the document is about, best first."""
    scores: dict[str, float] = {}
    best: dict[str, tuple[float, Mention]] = {}
    for mention in councils().find(text):
        score = score_mention(text, mention, title_span)
        scores[mention.canonical] = scores.get(mention.canonical, 0.0) + score
        if mention.canonical not in best or score > best[mention.canonical][0]:
            best[mention.canonical] = (score, mention)
    if not scores or max(scores.values()) <= 0:
        return AreaVerdict([], None)
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    top = ranked[0][1]
    areas = [name for name, score in ranked if score >= SECOND_AREA_SHARE * top]
    return AreaVerdict(areas, best[areas[0]][1])


@dataclass(frozen=True)
class PartnershipVerdict:
    """The partnership's name as printed and its span."""

    name: str
    start: int
    end: int


@dataclass
class Printing:
    """One way a partnership's name is printed: where, and whether words describe it ("Planning")."""

    spans: list[tuple[int, int]]
    described: bool


def partnership_printings(text: str, areas: list[str]) -> dict[str, Printing]:
    """Each printing of a partnership named for an inspected area (white space collapsed)."""
    found: dict[str, Printing] = {}
    for mention in councils().find(text):
        if areas and mention.canonical not in areas:
            continue
        before = text[max(0, mention.start - 40) : mention.start]
        if (m := PARTNERSHIP_SUFFIX.match(text, mention.end)) is not None:  # right after the area's name
            start, end, described = mention.start, m.end(), bool(m["described"].strip())
            if "health" in m["described"].lower() and LISTED_BEFORE.search(before):
                continue
            if m["described"].split()[-1:] in (["and"], ["&"]):  # "X Committee and partnership": two bodies
                continue
        elif (named := NAME_BEFORE_AREA.search(before)) is not None:
            start, end, described = mention.start - len(before) + named.start(), mention.end, True
        else:
            continue
        name = " ".join(text[start:end].split())
        found.setdefault(name, Printing([], described)).spans.append((start, end))
    return found


def find_partnership(text: str, areas: list[str]) -> PartnershipVerdict | None:
    """The partnership named for the inspected area, in its most telling printing."""
    found = partnership_printings(text, areas)
    if not found:
        return None

    def rank(name: str) -> tuple[bool, bool, bool, bool, int, bool, int]:
        lowered = name.lower()
        # A partnership's own name ("X Alliance", "Community Planning X") is how it is known.
        is_named = name.endswith(("Alliance", "Commission")) or lowered.startswith("community planning")
        # The health and social care partnership is a different body: named only when no other is.
        is_community = "health" not in lowered
        same_name = sum(len(p.spans) for other, p in found.items() if other.lower() == lowered)
        # Printed in title case ("Scottish Borders Partnership") over a passing lower-case form.
        capitalised = name.split()[-1][0].isupper()
        # The name written out beats its abbreviation ("Fife CPP").
        is_full = not name.endswith("CPP")
        # A described form ("X Planning Partnership") says more than the bare "X partnership" of prose.
        printing = found[name]
        first = -printing.spans[0][0]
        return (is_named, printing.described, is_community, is_full, same_name, capitalised, first)

    name = max(found, key=rank)
    start, end = found[name].spans[0]
    return PartnershipVerdict(name, start, end)
