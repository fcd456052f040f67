"""Candidate names: runs of capitalised words split at role, organisation and title words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from inspextract.extract.roles import role_words
from inspextract.extract.sentences import split_sentences
from inspextract.lexicon import load_json
from inspextract.records import Entity

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
# One word of a name: "Reid", "McDonald", "O'Brien", "Smith-Jones", an initial "J.", or a word in capitals
# ("Jane SMITH", "EL-AMIN"), as minutes and report covers print surnames, or an initial without its stop
# before a capitalised word ("Mr A Smith"; kept only after an honorific or a forename, not "A Report").
JOINERS = "'’\\-\u2010\u2011"  # apostrophes and hyphens inside a name ("O'Brien", "Smith‑Jones")
_CAPS_WORD = rf"[{UPPER}]{{2,}}(?:[{JOINERS}][{UPPER}]{{2,}})*(?![{LOWER}])"
NAME_WORD = re.compile(
    rf"(?:{_CAPS_WORD}|[{UPPER}](?:[{LOWER}]+(?:[{JOINERS}]?[{UPPER}][{LOWER}]+)*|['’][{UPPER}][{LOWER}]+|\.)"
    rf"|[{UPPER}](?=[ \u00a0]+[{UPPER}][{LOWER}]))"
)
CAPS_WORD = re.compile(_CAPS_WORD)
# After a word that is also a surname ("Young", "Head"), what shows it is not one: a capitalised word
# ("Young People"), or "of" ("Head of Service").
NOT_SURNAME_AFTER = re.compile(rf"[ \u00a0]+(?:[{UPPER}]|of\b)")
# A run of capitalised words on one line; the name is what is left once role and organisation words are cut.
CAPITALISED_RUN = re.compile(
    rf"(?<![\w{JOINERS}]){NAME_WORD.pattern}(?:[ \u00a0]+{NAME_WORD.pattern}){{0,15}}(?![\w{JOINERS}])"
)
# Longest name kept (words): longer runs are titles or organisations.
NAME_MAX_WORDS = 4


@dataclass(frozen=True)
class NameSpan:
    """A candidate name at text[start:end]; `prefix_start` is where the capitalised run it came from began."""

    start: int
    end: int
    prefix_start: int
    honorific: str | None
    from_ner: bool


@cache
def names_lexicon() -> dict[str, list[str]]:
    """models/lexicons/names.json: honorifics, words that are never part of a name, verbs of speech."""
    return load_json("names")


@cache
def _not_name_words() -> frozenset[str]:
    return frozenset(names_lexicon()["not_name_words"]) | role_words()


@cache
def lexicon_words(key: str) -> frozenset[str]:
    """One word list of the names lexicon ("honorifics", "post_nominals", ...), as a set."""
    return frozenset(names_lexicon()[key])


def lexicon_alternation(key: str) -> str:
    """One word list of the names lexicon as a regex alternation, longest first so no word stops short."""
    return "|".join(sorted(names_lexicon()[key], key=len, reverse=True))


def name_spans(text: str, start: int, end: int, *, from_ner: bool) -> list[NameSpan]:
    """The names inside text[start:end]: runs of name words split at role, organisation and title words."""
    honorifics = lexicon_words("honorifics")
    spans: list[NameSpan] = []
    group: list[tuple[int, int]] = []
    honorific: str | None = None
    words = [(m.start(), m.end(), m.group()) for m in NAME_WORD.finditer(text, start, end)]

    def close() -> None:
        if (len(group) >= 2 or (group and honorific)) and len(group) <= NAME_MAX_WORDS:
            spans.append(NameSpan(group[0][0], group[-1][1], start, honorific, from_ner))

    post_nominals = lexicon_words("post_nominals")
    surname_words = lexicon_words("surname_words")
    for word_start, word_end, word in words:
        bare = word.rstrip(".")
        in_caps = CAPS_WORD.fullmatch(word) is not None
        if group and text[group[-1][1] : word_start].strip(" \u00a0"):
            close()  # a name's words are joined by spaces only ("Vale - Follow" is two runs)
            group, honorific = [], None
        if len(word) == 1:
            # An initial after an honorific or a forename; "A Joint Inspection" opens with an article.
            if group or honorific is not None:
                group.append((word_start, word_end))
            continue
        if bare in honorifics:
            close()
            group, honorific = [], bare
        elif in_caps and (bare in post_nominals or (group and not _all_caps(text, group))):
            # "Jane Smith OBE" ends at the honour; "Jane SMITH" takes its surname in capitals.
            if bare not in post_nominals and word.lower() not in _not_name_words():
                group.append((word_start, word_end))
            close()
            group, honorific = [], None
        elif word.lower() in surname_words and group and not NOT_SURNAME_AFTER.match(text, word_end):
            group.append((word_start, word_end))  # "Ian Young", "Jo Head,": the last word of a name
            close()
            group, honorific = [], None
        elif word.lower() in _not_name_words() or (bare.lower() in _not_name_words() and bare != word):
            close()
            group, honorific = [], None
        elif not in_caps and group and _all_caps(text, group):
            close()  # "HMP Northmoor": a name in capitals is not followed by one in small letters
            group, honorific = [(word_start, word_end)], None
        else:
            group.append((word_start, word_end))
    close()
    return spans


def _all_caps(text: str, group: list[tuple[int, int]]) -> bool:
    return all(CAPS_WORD.fullmatch(text[start:end]) for start, end in group)


def scanned_names(text: str, start: int = 0, end: int | None = None) -> Iterator[NameSpan]:
    """The names in the capitalised runs of text[start:end], without the statistical NER."""
    for run in CAPITALISED_RUN.finditer(text, start, len(text) if end is None else end):
        yield from name_spans(text, run.start(), run.end(), from_ner=False)


def find_candidates(text: str, entities: list[Entity]) -> list[NameSpan]:
    """Names from the statistical NER's PERSON entities and from every capitalised run of the text."""
    found: dict[tuple[int, int], NameSpan] = {(span.start, span.end): span for span in scanned_names(text)}
    for entity in entities:
        if entity.label == "PERSON":
            for span in name_spans(text, entity.start, entity.end, from_ner=True):
                prior = found.get((span.start, span.end))
                found[(span.start, span.end)] = NameSpan(
                    span.start,
                    span.end,
                    prior.prefix_start if prior else span.prefix_start,
                    span.honorific or (prior.honorific if prior else None),
                    True,
                )
    return sorted(found.values(), key=lambda s: (s.start, s.end))


def name_windows(text: str) -> list[tuple[int, int]]:
    """The sentences of `text` (line by line) that hold a candidate name: two name words, or an honorific
    and one. Only these need the statistical NER: a PERSON it finds elsewhere gives no candidate in
    `find_candidates` (short of a name cut by CAPITALISED_RUN's sixteen-word limit)."""
    windows = []
    line_start = 0
    for line in text.split("\n"):
        for start, end in split_sentences(line, line_start):
            if next(scanned_names(text, start, end), None) is not None:
                windows.append((start, end))
        line_start += len(line) + 1
    return windows
