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

# "<area> Community Planning Partnership", "<area> Partnership", "<area> community planning partnership".
PARTNERSHIP_SUFFIX = re.compile(
    r"^\s+(?P<suffix>(?:Community|community)\s+(?:Planning|planning)\s+(?:Partnership|partnership)"
    r"|(?:Health|health)\s+(?:and|&)\s+(?:Social|social)\s+(?:Care|care)\s+(?:Partnership|partnership)"
    r"|(?:Integrated\s+)?(?:Children|children)['’]s\s+(?:Services|services)\s+(?:Partnership|partnership)"
    r"|(?:Planning|planning)\s+(?:Partnership|partnership)"
    r"|Adult\s+Support\s+(?:and|&)\s+Protection\s+Partnership"
    r"|Partnership|partnership|CPP|Alliance)\b(?!\s+(?:Board|board|Group|group|working|Working))"
)
# "Community Planning Aberdeen": the partnership's name put before the area.
NAME_BEFORE_AREA = re.compile(r"\bCommunity\s+Planning\s+$")
BARE_SUFFIXES = ("partnership", "cpp")


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


def find_partnership(text: str, areas: list[str]) -> PartnershipVerdict | None:
    """The partnership named for the inspected area, in its most frequent well-formed printing."""
    found: dict[str, list[tuple[int, int]]] = {}
    named: dict[str, bool] = {}
    for mention in councils().find(text):
        if areas and mention.canonical not in areas:
            continue
        if m := PARTNERSHIP_SUFFIX.match(text[mention.end :]):
            start, end = mention.start, mention.end + m.end()
            bare = m["suffix"].lower() in BARE_SUFFIXES
        elif m := NAME_BEFORE_AREA.search(text, max(0, mention.start - 40), mention.start):
            start, end, bare = m.start(), mention.end, False
        else:
            continue
        name = " ".join(text[start:end].split())
        found.setdefault(name, []).append((start, end))
        named[name] = not bare
    if not found:
        return None

    def rank(name: str) -> tuple[bool, bool, int, bool, int]:
        lowered = name.lower()
        # A name that says it is the community planning partnership ("X Planning Partnership",
        # "Community Planning X", "X Alliance") beats "the X partnership" in passing and the health and
        # social care partnership, a different body; between those two, the more printed, then the first.
        is_community_name = named[name] and "health" not in lowered
        same_name = sum(len(spans) for other, spans in found.items() if other.lower() == lowered)
        # Printed in title case ("Scottish Borders Partnership") over a passing lower-case form.
        capitalised = name.split()[-1][0].isupper()
        # The name written out beats its abbreviation ("Fife CPP").
        is_full = not name.endswith("CPP")
        return (is_community_name, is_full, same_name, capitalised, -found[name][0][0])

    name = max(found, key=rank)
    start, end = found[name][0]
    return PartnershipVerdict(name, start, end)
