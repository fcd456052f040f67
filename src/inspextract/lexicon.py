"""Lexicons shipped in `models/lexicons/`: canonical names and their variants, matched in running text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Texts at least this long (whole documents, not lines or sentences) have their last result kept.
CACHED_TEXT_CHARS = 2_000


@dataclass(frozen=True)
class Mention:
    """A lexicon entry found in the text: `text[start:end]` is a variant of `canonical`."""

    canonical: str
    start: int
    end: int


def load_json(name: str) -> dict[str, list[str]]:
    """A lexicon file by name (without .json), from the installed package or a checkout alike."""
    path = resources.files("inspextract").joinpath("models", "lexicons", f"{name}.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


def _variant_pattern(variant: str) -> str:
    # Apostrophes may be straight or curly, "and" may be "&", and any white space may be a line break.
    parts = []
    for token in re.split(r"(\s+|'|&|\band\b)", variant):
        if not token:
            continue
        if token.isspace():
            parts.append(r"\s+")
        elif token == "'":
            parts.append("['’]")
        elif token in ("&", "and"):
            parts.append("(?:and|&)")
        else:
            parts.append(re.escape(token))
    return "".join(parts)


class Lexicon:
    """Longest-match finder for a {canonical: [variants]} table."""

    def __init__(
        self,
        table: dict[str, list[str]],
        *,
        case_sensitive_acronyms: bool = True,
        require_capital: bool = False,
    ) -> None:
        self.table = table
        # Place names that are also common words ("the borders", "highland") count only when their last
        # word is printed with a capital; matching stays case-insensitive so "WEST LOTHIAN COUNCIL" is found.
        self.require_capital = require_capital
        self._canonical_of: dict[str, str] = {}
        alternatives = []
        for canonical, variants in table.items():
            for variant in sorted({canonical, *variants}, key=lambda v: (-len(v), v)):  # the same every run
                self._canonical_of[self._key(variant)] = canonical
                pattern = _variant_pattern(variant)
                # Acronyms (HMICS, CQC) only in capitals, so "his" or "cqc" in prose never match.
                if case_sensitive_acronyms and variant.isupper():
                    pattern = f"(?-i:{pattern})"
                alternatives.append((len(variant), pattern))
        alternatives.sort(key=lambda item: -item[0])
        joined = "|".join(pattern for _, pattern in alternatives)
        self._regex = re.compile(rf"(?<![\w-])(?:{joined})(?![\w-])", re.IGNORECASE)
        self._last: tuple[str, list[Mention]] | None = None

    @staticmethod
    def _key(text: str) -> str:
        text = text.lower().replace("’", "'").replace("&", "and")
        return " ".join(text.split())

    def canonical(self, variant: str) -> str | None:
        """The canonical name for a variant, or None."""
        return self._canonical_of.get(self._key(variant))

    def find(self, text: str) -> list[Mention]:
        """Every mention in `text`, longest variant first, left to right, never overlapping."""
        if len(text) < CACHED_TEXT_CHARS:
            return self._find(text)
        # Several extractors look for the same lexicon in the same whole document.
        if self._last is None or self._last[0] is not text:
            self._last = (text, self._find(text))
        return list(self._last[1])

    def _find(self, text: str) -> list[Mention]:
        out = []
        for match in self._regex.finditer(text):
            canonical = self.canonical(match.group())
            if self.require_capital and not match.group().split()[-1][:1].isupper():
                continue
            if canonical is not None:
                out.append(Mention(canonical, match.start(), match.end()))
        return out


@cache
def councils() -> Lexicon:
    """Scotland's 32 council areas."""
    return Lexicon(load_json("councils"), require_capital=True)


@cache
def inspectorates() -> Lexicon:
    """Inspectorates and regulators."""
    return Lexicon(load_json("inspectorates"))
