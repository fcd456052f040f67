"""How a listed item is worded: as an action (`recommendation`) or as what needs to improve (`improvement`);
as "Area – finding" (a label, then what was found); with an unmatched closing quotation mark.

SCHEMA.md: an item of an areas-for-improvement list worded as an action (an imperative or gerund such as
"Improve …", "Ensuring that …", or "should" / "need to") is a recommendation, else an improvement.
"""

from __future__ import annotations

import re

from inspextract.document import Document
from inspextract.evidence import evidence
from inspextract.extract.progress import progress_of
from inspextract.extract.sentences import split_sentences
from inspextract.records import Finding, FindingKind

# "Area – finding" items: a short label naming the area, a dash or colon, then what was found about it.
LABELLED = re.compile(r"^(?P<label>[^–—:;.!?]+?)(?:\s+[–—-]|:)\s+(?P<rest>\S.*)$", re.DOTALL)
MAX_LABEL_WORDS = 8
# Fewer words after a label are a fragment, not a finding.
MIN_REST_WORDS = 3
# An item worded as an action: an imperative or gerund opening it, or advice within it (SCHEMA.md).
ACTION_VERB = re.compile(
    r"^(?:ensure|improve|develop|strengthen|increase|reduce|continue|further|embed|review|build|provide|make|"
    r"establish|implement|promote|support|deliver|address|extend|raise|secure|take|work|agree|consider|"
    r"identify|put|set|involve|enable|help|introduce|clarify|complete|monitor|evaluate|undertake|use|"
    r"prioritise|prioritize|focus|engage|share|record|plan|progress|maximise|maintain|revise|update|"
    r"streamline|align|tackle|create|publish|train|bring|give|expand|offer|adopt|invest|recruit|assess|"
    r"listen|respond|simplify|co-?ordinate|seek|sustain|demonstrate|capture|gather|collect|analy[sz]e|"
    r"accelerate|commission|retain|reinforce|redesign|reconsider|widen|broaden|minimi[sz]e|prevent|"
    r"protect|safeguard|encourage|empower|equip|resolve|speed|tighten|refresh|formali[sz]e|integrate|"
    r"consolidate|enhance)\b",
    re.IGNORECASE,
)
# A gerund opening an item ("Strengthening …"); -ing adjectives and prepositions open noun phrases.
GERUND = re.compile(
    r"^(?!(?:ongoing|existing|emerging|increasing|continuing|remaining|following|including|during|"
    r"outstanding|underlying|growing|wellbeing|funding|housing)\b)"
    r"[A-Za-z]+ing\b",
    re.IGNORECASE,
)
# An opening verb-like word used as a noun: "Support for carers ...", "Planning was ...", "Safeguarding
# arrangements were ..." (a finite verb in the first clause, before any "that"/"which" clause).
FINITE = "is|are|was|were|has|have|had|remains?|remained"
NOUN_OPENING = re.compile(rf"^\w+\s+(?:for|of|in|across|{FINITE})\b", re.IGNORECASE)
SUBORDINATOR = r"\b(?:that|which|who|where|when|if|so)\b"
FIRST_CLAUSE_FINITE = re.compile(rf"^(?:(?!{SUBORDINATOR})[^,;])*?\b(?:{FINITE})\b", re.IGNORECASE)
ADVICE = re.compile(r"\b(?:should|must|needs?\s+to|needed\s+to)\b", re.IGNORECASE)
# "the direction needed to drive …": after a finite verb in the same clause, "needed" describes a noun.
PARTICIPLE_NEEDED = re.compile(
    rf"\b(?:{FINITE}|had\s+not)\b(?:(?!{SUBORDINATOR})[^,;:])*?\b\w+\s+needed\s+to\b", re.IGNORECASE
)


# A paragraph item is a statement of a few sentences; a longer paragraph is body text.
MAX_PARAGRAPH_ITEM_SENTENCES = 3
# Paragraphs that end a list of paragraphs: the inspectorate's or the report's own voice, speech, links.
NOT_AN_ITEM = re.compile(
    r"^(?:the\s+)?(?:care\s+inspectorate|inspectors?|inspection|(?:full\s+)?report|we|our|a\s+copy|notes?)\b"
    r"|\b(?:said|says|added|www\.|https?:)",
    re.IGNORECASE,
)


def is_paragraph_item(text: str) -> bool:
    """Whether a paragraph after a list's introducing line can be one of its items (a list whose bullets
    were lost): one complete statement of a few sentences, not the next introduction, speech or a link."""
    text = text.strip()
    return (
        not text.endswith(":")
        and "“" not in text
        and not NOT_AN_ITEM.search(text)
        and len(split_sentences(text)) <= MAX_PARAGRAPH_ITEM_SENTENCES
    )


def item_kind(statement: str) -> FindingKind:
    """`recommendation` for a statement worded as an action ("Improve …", "Strengthening …", "… should …"),
    else `improvement` (SCHEMA.md)."""
    statement = statement.strip(" “‘\"'")
    imperative = ACTION_VERB.match(statement) and not NOUN_OPENING.match(statement)
    gerund = GERUND.match(statement) and not NOUN_OPENING.match(statement)
    advice = ADVICE.search(PARTICIPLE_NEEDED.sub(" ", statement))
    if imperative or (gerund and not FIRST_CLAUSE_FINITE.match(statement)) or advice:
        return FindingKind.recommendation
    return FindingKind.improvement


def reports_on_labelled_areas(items: list[str]) -> bool:
    """Whether all items are "Area – finding" and some state progress (a review's report on areas named by
    their labels); with none, each whole item is an area's statement ("Early help – families waited …")."""
    splits = [label_split(item) for item in items]
    return len(items) > 1 and all(splits) and any(progress_of(s[1]) is not None for s in splits if s)


def label_split(item: str) -> tuple[str, str] | None:
    """(label, finding) of an "Area – finding" item ("Early help – good progress had been made …")."""
    m = LABELLED.match(item)
    if not m or len(m["label"].split()) > MAX_LABEL_WORDS:
        return None
    if len(m["rest"].split()) < MIN_REST_WORDS and progress_of(m["rest"]) is None:
        return None  # a fragment, unless a degree of progress ("Early help – good progress")
    if progress_of(m["rest"]) is None and item_kind(m["label"]) == FindingKind.recommendation:
        return None  # "Improve X – including Y" is one statement
    return m["label"].strip(), m["rest"].strip()


def strip_quotes(text: str) -> str:
    """An item without a quotation mark left unmatched at its end ("… young people.”")."""
    unmatched = (text.endswith("”") and "“" not in text) or (text.endswith('"') and text.count('"') % 2)
    return text[:-1].rstrip() if unmatched else text


def item_findings(doc: Document, start: int, end: int, *, labelled: bool) -> list[Finding]:
    """The finding(s) the item at doc.text[start:end] gives: progress for "Area – <degree> progress …" (a
    `labelled` item), else by wording, one per sentence when its sentences differ in kind."""
    split = label_split(doc.text[start:end]) if labelled else None
    if split and (degree := progress_of(split[1])) is not None:
        ev = evidence(doc, start, end)  # "Early help – good progress …" states progress
        return [
            Finding(kind=FindingKind.progress, text=" ".join(ev.quote.split()), progress=degree, evidence=ev)
        ]
    sentences = split_sentences(doc.text[start:end], start)
    kinds = [item_kind(doc.text[s:e]) for s, e in sentences]
    parts = list(zip(sentences, kinds, strict=True))
    if len(set(kinds)) == 1:
        parts = [((start, end), kinds[0])]
    findings = []
    for (s, e), kind in parts:
        ev = evidence(doc, s, e)
        findings.append(Finding(kind=kind, text=" ".join(strip_quotes(ev.quote).split()), evidence=ev))
    return findings


def lead_findings(doc: Document, start: int, end: int) -> list[Finding]:
    """The progress finding of a list's lead-in sentence stating progress on all its items."""
    ev = evidence(doc, start, len(doc.text[:end].rstrip().rstrip(":")))
    text = " ".join(ev.quote.split())
    return [Finding(kind=FindingKind.progress, text=text, progress=progress_of(text), evidence=ev)]
