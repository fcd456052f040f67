"""Named people with their role and organisation."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from inspextract.document import Document
from inspextract.evidence import evidence
from inspextract.extract.names import NAME_WORD, NameSpan, find_candidates, lexicon_alternation, names_lexicon
from inspextract.extract.not_people import Rejecter
from inspextract.extract.role_layout import (
    AFTER_COMMA,
    SENTENCE_BOUNDARY,
    SPACE,
    designation_below,
    label_before,
    line_bounds,
    office_heading,
    role_after,
    role_as_subject,
    role_just_before,
    role_next_line,
    scanned_name_line,
    speech_after,
)
from inspextract.extract.roles import (
    has_role_head,
    is_org_like,
    leading_org,
    shares_employer_word,
    split_role,
    starts_with_role,
    title_start,
)
from inspextract.records import Entity, Person
from inspextract.segment import Block

CAPITALISED_TITLE = re.compile(r"(?:(?:The|the)\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,5}")
# "The team, led by Name": the person leads an action of the document.
AGENT_BEFORE = re.compile(r"\b(?:led|chaired|headed)\s+by\s+$")
JOINED_ON = re.compile(r"\b(?:and|of|for|&)[ \t\u00a0]+$")


@cache
def _speech_closing_apposition() -> re.Pattern[str]:
    """ "Name, who chairs the board, said": the verb of speech after an apposition of the name."""
    verbs = lexicon_alternation("speech_verbs")
    return re.compile(rf"^,[^.!?;:“”\"\n]{{1,120}},{SPACE}*(?:{verbs})\b")


@cache
def _speech_before() -> re.Pattern[str]:
    verbs = lexicon_alternation("speech_verbs")
    return re.compile(rf"\b(?:{verbs}){SPACE}*,?{SPACE}*$")


@cache
def _honorific_before() -> re.Pattern[str]:
    """An honorific right before a name, with or without its stop ("Mr. J. Smith", "Cllr Smith")."""
    honorifics = lexicon_alternation("honorifics")
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
        # A bracket closed here opened before the clause: the previous name's title ("A (Convener), B").
        if "," in phrase or phrase.count(")") > phrase.count("(") or not has_role_head(phrase):
            continue
        # "Northbury Council's leader, Name": the employer in the possessive, then the title.
        role, org = split_role(phrase)
        if org is not None and starts_with_role(role):
            return role, org, line_start + cut + word.start()
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
        # "Midlothian Council Leader": the office "Council Leader" is printed with its council's name.
        if shares_employer_word(words[:first_role], words[first_role:]):
            return " ".join(words), org
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
    full_line_end = line_end
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
        role, org, end = role_after(text, span.end, line_end)
    if role is None and is_label and (designation := designation_below(text, line_end)):
        role, org, end = designation
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
    if role is None and org is None and (employer := AFTER_COMMA.match(text[span.end : full_line_end])):
        # "Name, CIW provided …": an employer alone, no title; "A, B Council, C Trust" is a list of bodies.
        parts = employer["phrase"].split(",")
        is_list = len(parts) > 1 and parts[1].strip()[:1].isupper()
        if not is_list and (org := leading_org(parts[0])) is not None:
            end = span.end + employer.start("phrase") + len(org)
    if role is None and span.honorific in names_lexicon()["role_honorifics"]:
        role = span.honorific
        start = max(text.rfind(span.honorific, line_start, span.start), line_start)
    # "Mr", "Dr", "Councillor" before a name vouch for a person; "Lord"/"Lady" also open offices and titles.
    vouches = span.honorific is not None and span.honorific not in ("Lord", "Lady")
    speech = bool(
        _speech_before().search(text[line_start : span.start])
        or speech_after().match(text, span.end)
        or AGENT_BEFORE.search(text, max(line_start, span.start - 20), span.start)
        or _speech_closing_apposition().match(text[span.end : line_end])
    )
    return Mention(
        text[span.start : span.end],
        role,
        org,
        start,
        max(end, span.end),
        is_label or bool(role) or bool(org) or speech or vouches,
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
    # Sorted, for bisection: where the next name starts. A capitalised run joined on by "and"/"of"
    # ("Head of Child Care and Criminal Justice") continues a title, so it cuts no role short.
    starts = [c.start for c in candidates if not JOINED_ON.search(doc.text, max(0, c.start - 5), c.start)]
    previous_name: int | None = None
    for i, span in enumerate(candidates):
        if i and candidates[i - 1].end <= span.start:
            previous_name = max(previous_name or 0, candidates[i - 1].end)
        if is_rejected(span):
            continue
        after = bisect.bisect_left(starts, span.end)
        next_name = starts[after] if after < len(starts) else None
        mention = describe(doc.text, span, next_name, previous_name)
        # A name the statistical model found with nothing around it (no title, label, employer, honorific or
        # speech) is rarely a person of the document: a place in a table, a policy, someone in another story.
        if mention.has_context:
            mentions.append(mention)
    # Full names first, so a bare "Ms Reid" joins "Karen Reid" wherever it is printed.
    mentions.sort(key=lambda m: (len(_key(m.name)) < 2, m.start))
    people = sorted(merge(mentions), key=lambda m: m.start)
    return [
        Person(name=m.name, role=m.role, organisation=m.organisation, evidence=evidence(doc, m.start, m.end))
        for m in people
    ]
