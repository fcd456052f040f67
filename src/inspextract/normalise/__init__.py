"""Text normalisation: small `str -> str` steps that give every format the same plain shape."""

from __future__ import annotations

import re

from inspextract.normalise.furniture import strip_text_furniture
from inspextract.normalise.pagebreaks import rejoin_broken_paragraphs

# Spaces that documents use for layout (no-break, thin, figure, ideographic ...) become plain spaces.
_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_RUNS_OF_SPACES = re.compile(r" {2,}")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_whitespace(text: str) -> str:
    """Unify newlines and spaces, trim lines, and keep at most one blank line between blocks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _RUNS_OF_SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _MANY_BLANK_LINES.sub("\n\n", text).strip("\n")


def normalise_text(text: str) -> str:
    """Normalise decoded plain text or Markdown, which may have been converted from a PDF."""
    # Text converted from PDFs keeps running headers and paragraphs cut by page breaks: repair both.
    text = normalise_whitespace(strip_text_furniture(normalise_whitespace(text)))
    return rejoin_broken_paragraphs(text)
