"""Named people with their role and organisation."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from inspextract.document import Document
from inspextract.evidence import evidence
from inspextract.extract.names import NAME_WORD, NameSpan, find_candidates, names_lexicon
from inspextract.extract.not_people import Rejecter
from inspextract.extract.role_layout import (
    SENTENCE_BOUNDARY,
    SPACE,
    label_before,
    line_bounds,
    office_heading,
    role_as_subject,
    role_just_before,
    role_next_line,
    scanned_name_line,
)
from inspextract.extract.roles import has_role_head, is_org_like, split_role, starts_with_role, title_start
from inspextract.records import Entity, Person
from inspextract.segment import Block

# An apposition after a name runs to the end of its clause; "Name - Role" and table cells ("Name\tRole") too.
AFTER_COMMA = re.compile(
    rf"^(?:{SPACE}*[,–—]{SPACE}*|{SPACE}+-{SPACE}+|\t{SPACE}*)(?P<phrase>[^\n.;:“”\"()\t]+)"
)
# A title printed straight after the name, up to a verb of speech: "Name Nurse Director NHS Board said".
AFTER_SPACE = re.compile(
    rf"^{SPACE}+(?P<phrase>[A-Z][^\n.;:“”\"(),\t]*?)(?={SPACE}+(?:said|says|added|adds|explained|commented)\b)"
)
CAPITALISED_TITLE = re.compile(r"(?:(?:The|the)\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,5}")
LEADING_CAPS = re.compile(r"[A-Z]{2,}(?:[ &-]+[A-Z]{2,})+(?=\s+[A-Z]?[a-z])")
AFTER_PAREN = re.compile(rf"^{SPACE}*\((?P<phrase>[^()\n]{{2,100}})\)")


@cache
def _speech_after() -> re.Pattern[str]:
    verbs = "|".join(sorted(names_lexicon()["speech_verbs"], key=len, reverse=True))
    return re.compile(rf"{SPACE}*,?{SPACE}*(?:{verbs})\b")  # used with .match(text, pos): no "^"


@cache
def _speech_before() -> re.Pattern[str]:
    verbs = "|".join(sorted(names_lexicon()["speech_verbs"], key=len, reverse=True))
    return re.compile(rf"\b(?:{verbs}){SPACE}*,?{SPACE}*$")


@cache
def _honorific_before() -> re.Pattern[str]:
    """An honorific right before a name, with or without its stop ("Mr. J. Smith", "Cllr Smith")."""
    honorifics = "|".join(sorted(names_lexicon()["honorifics"], key=len, reverse=True))
    return re.compile(rf"\b(?:{honorifics})\.?{SPACE}+$")


@dataclass
class Mention:
    """A name with what its context says about it; `start`/`end` cover the name and its role phrase."""

    name: str
    role: str | None
    organisation: str | None
    start: int
    end: int
    has_context: bool  # a label, a role, or a verb of speech vouches that this is a person


def _role_after(text: str, end: int, line_end: int) -> tuple[str | None, str | None, int]:
    """Role and organisation printed after the name ("Name, Role of Org, said", "Name (Role)")."""
    tail = text[end:line_end]
    if (match := AFTER_PAREN.match(tail)) and has_role_head(match["phrase"]):
        role, org = split_role(match["phrase"])
        return role, org, end + match.end()
    if match := AFTER_COMMA.match(tail):
        pieces = match["phrase"].split(",")
        # Run-on text in capitals: the title is the words in capitals ("NAME, CHIEF EXECUTIVE Abstract").
        if caps := LEADING_CAPS.match(pieces[0]):
            pieces = [caps.group()]
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
    if (match := AFTER_SPACE.match(tail)) and starts_with_role(match["phrase"]):
        role, org = split_role(match["phrase"])
        return role, org, end + match.end("phrase")
    return None, None, end


def _role_before(text: str, line_start: int, span: NameSpan) -> tuple[str | None, str | None, int]:
    """Role printed before the name: "Chair of the X Partnership, Name, said" or "Chief Executive Name"."""
    prefix_start = max(span.prefix_start, line_start)
    prefix = text[prefix_start : span.start].strip()
    # A bare honorific ("Councillor Jane Smith, Convener of …") yields to a title printed with the name.
    if prefix and prefix != span.honorific and has_role_head(prefix):
        role, org = _org_and_title(prefix.split())
        return role, org, prefix_start
    # "The Chair, Mr. J. Smith": the clause ends before the honorific (whose stop is no sentence end).
    head_end = span.start
    if honorific := _honorific_before().search(text, line_start, span.start):
        head_end = honorific.start()
    if (just_before := role_just_before(text, line_start, head_end)) is not None:
        words, at = just_before
        role, org = _org_and_title(words)
        return role, org, at
    head = text[line_start:head_end]
    cut = max((m.end() for m in SENTENCE_BOUNDARY.finditer(head)), default=0)
    clause = head[cut:].rstrip(" \t\u00a0")
    if not clause.endswith(","):
        return None, None, span.start
    # The title may close a longer clause: "Inspectors met the Chief Executive, Jane Smith, ...", but a
    # title holds no comma ("groups reporting to the Executive Group, including X, Early Years" is a list).
    for word in re.finditer(r"\S+", clause[:-1]):
        phrase = clause[word.start() : -1]
        if "," in phrase or not has_role_head(phrase):
            continue
        # "The Estyn Inspector, Name": capitalised words naming the office, an employer's name perhaps first.
        if CAPITALISED_TITLE.fullmatch(phrase):
            role, org = _org_and_title(re.sub(r"^(?:The|the)\s+", "", phrase).split())
            return role, org, line_start + cut + word.start()
        if starts_with_role(phrase):
            role, org = split_role(phrase)
            return role, org, line_start + cut + word.start()
    return None, None, span.start


def _org_and_title(words: list[str]) -> tuple[str, str | None]:
    """ "Scottish Borders Council Chief Executive" -> ("Chief Executive", "Scottish Borders Council")."""
    first_role = title_start(words)
    org = " ".join(words[:first_role])
    # A lone "Council" in "Council leader" is part of the title, not the employer.
    if org and is_org_like(org) and len(words[:first_role]) > 1:
        return " ".join(words[first_role:]), org
    return " ".join(words), None  # "Reporting inspector": the words before are part of the title


def describe(
    text: str, span: NameSpan, next_name: int | None = None, previous_name: int | None = None
) -> Mention:
    """What the context of one name says: role, organisation, and whether it vouches for a person.

    `next_name` is where the next name starts, `previous_name` where the one before ends: in "A, Lead
    inspector B, HMI" the words between A and B are A's title, so B's role is read after B only.
    """
    line_start, line_end = line_bounds(text, span.start, span.end)
    if next_name is not None and span.end < next_name < line_end:
        line_end = next_name
    if previous_name is not None and line_start <= previous_name < span.start:
        between = text[previous_name : span.start].strip(" \t\u00a0")
        if between.startswith(",") and between[1:].strip(" \t\u00a0"):
            line_start = span.start
    role, org, start, end = None, None, span.start, span.end
    labelled = label_before(text, line_start, span.start)
    label = labelled[0] if labelled else None
    contact_labels = names_lexicon()["contact_labels"]
    is_label = label is not None and (
        label.lower() in contact_labels or (has_role_head(label) and len(label.split()) <= 6)
    )
    if is_label and labelled is not None and labelled[0].lower() not in contact_labels:
        role, start = labelled
    # One role, the first printed: a title before the name outranks one after it.
    if role is None and not is_label:
        role, org, start = _role_before(text, line_start, span)
    if role is None:
        role, org, end = _role_after(text, span.end, line_end)
    if role is None:
        role, org, end = role_next_line(text, line_start, line_end, span)
    if role is None and not is_label and (subject := role_as_subject(text, line_start, span.start)):
        role, start = subject
    if (
        role is None
        and scanned_name_line(text[line_start:line_end].strip(" \t|"))
        and (heading := office_heading(text, line_start))
    ):
        role, start = heading
    if role is None and span.honorific in names_lexicon()["role_honorifics"]:
        role = span.honorific
        start = max(text.rfind(span.honorific, line_start, span.start), line_start)
    # "Mr", "Dr", "Councillor" before a name vouch for a person; "Lord"/"Lady" also open offices and titles.
    vouches = span.honorific is not None and span.honorific not in ("Lord", "Lady")
    speech = bool(
        _speech_before().search(text[line_start : span.start]) or _speech_after().match(text, span.end)
    )
    return Mention(
        text[span.start : span.end],
        role,
        org,
        start,
        max(end, span.end),
        is_label or bool(role) or speech or vouches,
    )


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
    candidates = find_candidates(doc.text, entities)
    starts = [c.start for c in candidates]  # sorted: the next name is found by bisection
    previous_name: int | None = None
    for i, span in enumerate(candidates):
        if i and candidates[i - 1].end <= span.start:
            previous_name = max(previous_name or 0, candidates[i - 1].end)
        if is_rejected(span):
            continue
        after = bisect.bisect_left(starts, span.end)
        next_name = starts[after] if after < len(starts) else None
        mention = describe(doc.text, span, next_name, previous_name)
        if span.from_ner or mention.has_context:
            mentions.append(mention)
    # Full names first, so a bare "Ms Reid" joins "Karen Reid" wherever it is printed.
    mentions.sort(key=lambda m: (len(_key(m.name)) < 2, m.start))
    people = sorted(merge(mentions), key=lambda m: m.start)
    return [
        Person(name=m.name, role=m.role, organisation=m.organisation, evidence=evidence(doc, m.start, m.end))
        for m in people
    ]
