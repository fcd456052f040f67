"""Evaluation vocabulary: grade words, number words and quality-indicator references, from grades.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

# Quote marks around a grade word ("‘Good’", "'very good,'"); both styles occur in the same document.
OPEN_QUOTES = "'‘\"“"
CLOSE_QUOTES = "'’\"”"
# A QI reference: "QI 2.1", "quality indicator 2.1", "indicator 9.4"; the number alone is not enough in prose.
QI_REFERENCE = re.compile(
    r"\b(?:QIs?|quality\s+indicators?|(?:key\s+)?indicators?)\s*:?\s*(?P<num>\d{1,2}\.\d{1,2})(?![\d.]\d)",
    re.IGNORECASE,
)


@cache
def vocabulary() -> dict[str, Any]:
    """The parsed grades.json lexicon (comment keys dropped)."""
    path = resources.files("inspextract").joinpath("models", "lexicons", "grades.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


def grade_values() -> dict[str, int]:
    """Grade word -> value on the six-point scale."""
    return dict(vocabulary()["grade_values"])


@cache
def grade_aliases() -> dict[str, str]:
    """Older words for a point of the scale -> its grade word ("satisfactory" -> "adequate")."""
    return dict(vocabulary()["grade_aliases"])


@cache
def grade_regex() -> re.Pattern[str]:
    """A grade word in running text; "very good" before "good", any white space inside.

    A plural ("six very goods") is matched with group `plural` set: it can only be counted.
    """
    words = sorted([*grade_values(), *grade_aliases()], key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, word.split())) for word in words)
    return re.compile(rf"(?<![\w-])(?P<grade>{alternatives})(?P<plural>s)?(?![\w-])", re.IGNORECASE)


def grade_word(text: str) -> str:
    """Canonical grade word of a spelling ("Very  Good" -> "very good", "satisfactory" -> "adequate")."""
    word = " ".join(text.lower().split())
    return grade_aliases().get(word, word)


@cache
def number_regex() -> re.Pattern[str]:
    """A count written in words or digits ("a single", "nine", "twenty-one", "12")."""
    words = sorted(vocabulary()["number_words"], key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, word.split())) for word in words)
    return re.compile(rf"(?<![\w.-])(?P<number>{alternatives}|\d{{1,2}})(?![\w-]|\.\d)", re.IGNORECASE)


def number_value(text: str) -> int:
    """The integer a matched number spelling stands for."""
    key = " ".join(text.lower().split())
    return int(key) if key.isdigit() else int(vocabulary()["number_words"][key])


@dataclass(frozen=True)
class NameMention:
    """An indicator name of the lexicon found in text: `start`/`end` are offsets in that text."""

    name: str
    number: str | None
    start: int
    end: int


@cache
def _name_regex() -> tuple[re.Pattern[str], dict[str, str | None]]:
    number_of: dict[str, str | None] = {}
    for key, names in vocabulary()["indicator_names"].items():
        for name in names:
            number_of.setdefault(name.lower(), key if re.fullmatch(r"\d+\.\d+", key) else None)
    patterns = []
    for name in sorted(number_of, key=len, reverse=True):
        tokens = [re.escape(token).replace("'", "['’]") for token in name.split()]
        patterns.append(r"\s+".join(tokens))
    return re.compile(rf"(?<![\w-])(?:{'|'.join(patterns)})(?![\w-])", re.IGNORECASE), number_of


def find_indicator_names(text: str, *, min_words: int = 1) -> list[NameMention]:
    """Indicator names of the lexicon in `text`, longest first, as printed (lower-cased)."""
    regex, number_of = _name_regex()
    out = []
    for match in regex.finditer(text):
        name = " ".join(match.group().lower().split())
        if len(name.split()) >= min_words:
            out.append(NameMention(name, number_of.get(name.replace("’", "'")), match.start(), match.end()))
    return out


def is_indicator_name(text: str) -> bool:
    """Whether `text` is, as a whole, an indicator name of the lexicon."""
    regex, _ = _name_regex()
    return regex.fullmatch(text.strip()) is not None
