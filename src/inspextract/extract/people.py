"""Named people with their role and organisation."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from inspextract.document import Document
from inspextract.evidence import evidence
from inspextract.extract.names import NAME_WORD, UPPER, NameSpan, find_candidates, names_lexicon
from inspextract.extract.roles import (
    has_role_head,
    is_org_like,
    split_role,
    starts_with_role,
    title_start,
)
from inspextract.records import Entity, Person
from inspextract.segment import Block

SPACE = "[ \t\u00a0]"
# How much of a name's line is read for its role, each side (characters): a role phrase or label is far
# shorter; the bound keeps one-line texts (extracted HTML) linear.
CONTEXT_MAX_CHARS = 300
# How far a signature block's title and organisation lines may reach below the name (characters).
NEXT_LINES_MAX_CHARS = 400
LABEL_LINE = re.compile(rf"{SPACE}*(?P<label>[A-Za-z][A-Za-z ()]{{1,48}}?){SPACE}*:{SPACE}*")
SENTENCE_BOUNDARY = re.compile(r"[.!?;:“”\"(\n]")
# An apposition after a name runs to the end of its clause; "Name - Role" and table cells ("Name\tRole") too.
AFTER_COMMA = re.compile(
    rf"^(?:{SPACE}*[,–—]{SPACE}*|{SPACE}+-{SPACE}+|\t{SPACE}*)(?P<phrase>[^\n.;:“”\"()\t]+)"
)
AFTER_PAREN = re.compile(rf"^{SPACE}*\((?P<phrase>[^()\n]{{2,100}})\)")
# "Smith (2019)", "Smith, 2019", "Smith et al.", "Smith and Jones (2019)": authors of cited works.
_YEAR = r"\(?(?:19|20)\d\d\b"
CITATION_AFTER = re.compile(
    rf"^{SPACE}*(?:,{SPACE}*)?(?:{_YEAR}|et al\b|(?:and|&){SPACE}+[{UPPER}]\S+{SPACE}*,?{SPACE}*{_YEAR})"
)
REFERENCE_SECTIONS = re.compile(r"reference|bibliograph|further reading|sources", re.IGNORECASE)


@cache
def _speech_after() -> re.Pattern[str]:
    verbs = "|".join(sorted(names_lexicon()["speech_verbs"], key=len, reverse=True))
    return re.compile(rf"{SPACE}*,?{SPACE}*(?:{verbs})\b")  # used with .match(text, pos): no "^"


@cache
def _speech_before() -> re.Pattern[str]:
    verbs = "|".join(sorted(names_lexicon()["speech_verbs"], key=len, reverse=True))
    return re.compile(rf"\b(?:{verbs}){SPACE}*,?{SPACE}*$")


@dataclass
class Mention:
    """A name with what its context says about it; `start`/`end` cover the name and its role phrase."""

    name: str
    role: str | None
    organisation: str | None
    start: int
    end: int
    has_context: bool  # a label, a role, or a verb of speech vouches that this is a person


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line around text[start:end], at most CONTEXT_MAX_CHARS each side (texts may be one long line)."""
    low, high = max(0, start - CONTEXT_MAX_CHARS), min(len(text), end + CONTEXT_MAX_CHARS)
    line_end = text.find("\n", end, high)
    return text.rfind("\n", low, start) + 1 or low, high if line_end < 0 else line_end


def _label_before(text: str, line_start: int, start: int) -> str | None:
    """The label of a "Label: Name" line, the value possibly on the line after the label."""
    before = text[line_start:start]
    if not before.strip() and line_start > 0:
        prev_end = line_start - 1
        prev_start = text.rfind("\n", max(0, prev_end - CONTEXT_MAX_CHARS), prev_end) + 1
        before = text[prev_start:prev_end]
    match = LABEL_LINE.fullmatch(before)
    return " ".join(match["label"].split()) if match else None


def _role_after(text: str, end: int, line_end: int) -> tuple[str | None, str | None, int]:
    """Role and organisation printed after the name ("Name, Role of Org, said", "Name (Role)")."""
    tail = text[end:line_end]
    if (match := AFTER_PAREN.match(tail)) and has_role_head(match["phrase"]):
        role, org = split_role(match["phrase"])
        return role, org, end + match.end()
    if match := AFTER_COMMA.match(tail):
        pieces = match["phrase"].split(",")
        first = re.split(r"\s+(?:said|says|added|adds|explained|commented|stated|told)\b", pieces[0])[0]
        if has_role_head(first) and not _speech_after().match(first):
            role, org = split_role(first)
            stop = end + match.start("phrase") + len(first.rstrip())
            if (
                org is None
                and len(pieces) > 1
                and is_org_like(pieces[1])
                and not _speech_after().match(pieces[1])
            ):
                org = pieces[1].strip()
                stop = end + match.start("phrase") + len(pieces[0]) + 1 + len(pieces[1].rstrip())
            return role, org, stop
    return None, None, end


def _role_before(text: str, line_start: int, span: NameSpan) -> tuple[str | None, str | None, int]:
    """Role printed before the name: "Chair of the X Partnership, Name, said" or "Chief Executive Name"."""
    prefix = text[span.prefix_start : span.start].strip()
    if prefix and has_role_head(prefix):
        words = prefix.split()
        first_role = title_start(words)
        org = " ".join(words[:first_role]) or None
        return " ".join(words[first_role:]), org if org and is_org_like(org) else None, span.prefix_start
    head = text[line_start : span.start]
    cut = max((m.end() for m in SENTENCE_BOUNDARY.finditer(head)), default=0)
    clause = head[cut:].rstrip(" \t\u00a0")
    if not clause.endswith(","):
        return None, None, span.start
    # The title may close a longer clause: "Inspectors met the Chief Executive, Jane Smith, ...", but a
    # title holds no comma ("groups reporting to the Executive Group, including X, Early Years" is a list).
    for word in re.finditer(r"\S+", clause[:-1]):
        phrase = clause[word.start() : -1]
        if "," not in phrase and starts_with_role(phrase) and has_role_head(phrase):
            role, org = split_role(phrase)
            return role, org, line_start + cut + word.start()
    return None, None, span.start


def _role_next_line(
    text: str, line_start: int, line_end: int, span: NameSpan
) -> tuple[str | None, str | None, int]:
    """A signature block: the name alone on its line, the title on the next, the organisation after that."""
    if text[line_start:line_end].strip() != text[span.start : span.end] or line_end >= len(text):
        return None, None, span.end
    lines = text[line_end + 1 : line_end + 1 + NEXT_LINES_MAX_CHARS].split("\n", 2)
    title = lines[0].strip()
    if not has_role_head(title) or title.endswith(".") or len(title.split()) > 10:
        return None, None, span.end
    role, org = split_role(title)
    stop = line_end + 1 + len(lines[0].rstrip())
    if org is None and len(lines) > 1 and is_org_like(lines[1]) and not lines[1].strip().endswith("."):
        org = lines[1].strip()
        stop += 1 + len(lines[1].rstrip())
    return role, org, stop


def describe(text: str, span: NameSpan) -> Mention:
    """What the context of one name says: role, organisation, and whether it vouches for a person."""
    line_start, line_end = _line_bounds(text, span.start, span.end)
    role, org, start, end = None, None, span.start, span.end
    label = _label_before(text, line_start, span.start)
    contact_labels = names_lexicon()["contact_labels"]
    is_label = label is not None and (
        label.lower() in contact_labels or (has_role_head(label) and len(label.split()) <= 6)
    )
    if is_label and label is not None and label.lower() not in contact_labels:
        role = label
    if role is None:
        role, org, end = _role_after(text, span.end, line_end)
    if role is None:
        role, org, end = _role_next_line(text, line_start, line_end, span)
    if role is None and not is_label:
        role, org, start = _role_before(text, line_start, span)
    if role is None and span.honorific in names_lexicon()["role_honorifics"]:
        role = span.honorific
        start = max(text.rfind(span.honorific, line_start, span.start), line_start)
    speech = bool(
        _speech_before().search(text[line_start : span.start]) or _speech_after().match(text, span.end)
    )
    return Mention(
        text[span.start : span.end], role, org, start, max(end, span.end), is_label or bool(role) or speech
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

    def __call__(self, span: NameSpan) -> bool:
        i = bisect.bisect_left(self.place_starts, span.end) - 1
        # Rule entities never overlap, so only the last one starting before the name can overlap it.
        if i >= 0 and self.places[i][1] > span.start:
            return True
        if CITATION_AFTER.match(self.text[span.end : span.end + 60]):
            return True
        j = bisect.bisect_right(self.block_starts, span.start) - 1
        if j >= 0:
            block = self.blocks[j]
            return any(REFERENCE_SECTIONS.search(title) for title in (*block.section, block.text[:40]))
        return False


def _key(name: str) -> tuple[str, ...]:
    return tuple(w.lower().rstrip(".") for w in NAME_WORD.findall(name))


def merge(mentions: list[Mention]) -> list[Mention]:
    """One entry per person: later mentions ("Ms Reid") fill in a role or organisation the first lacked."""
    people: list[Mention] = []
    by_key: dict[tuple[str, ...], Mention] = {}
    by_surname: dict[tuple[str, ...], Mention] = {}
    for mention in mentions:
        key = _key(mention.name)
        # A bare surname (after its honorific) is the person of that surname already named in full.
        same = by_key.get(key) or (by_surname.get(key) if len(key) == 1 else None)
        if same is None:
            people.append(mention)
            by_key[key] = mention
            by_surname.setdefault(key[-1:], mention)
        elif same.role is None and mention.role is not None:
            same.role, same.organisation = mention.role, mention.organisation
            same.start, same.end = mention.start, mention.end
        elif same.organisation is None and mention.organisation is not None and same.role == mention.role:
            same.organisation = mention.organisation
    return people


def find_people(doc: Document, blocks: list[Block], entities: list[Entity]) -> list[Person]:
    """People named in the document (not authors of cited works)."""
    mentions = []
    is_rejected = Rejecter(doc.text, entities, blocks)
    for span in find_candidates(doc.text, entities):
        if is_rejected(span):
            continue
        mention = describe(doc.text, span)
        if span.from_ner or mention.has_context:
            mentions.append(mention)
    # Full names first, so a bare "Ms Reid" joins "Karen Reid" wherever it is printed.
    mentions.sort(key=lambda m: (len(_key(m.name)) < 2, m.start))
    people = sorted(merge(mentions), key=lambda m: m.start)
    return [
        Person(name=m.name, role=m.role, organisation=m.organisation, evidence=evidence(doc, m.start, m.end))
        for m in people
    ]
