"""Plain text and Markdown: decoding (UTF-8, UTF-16, cp1252 fallback) and markup removal."""

from __future__ import annotations

import re

from inspextract.document import Document
from inspextract.errors import UnsupportedFormat
from inspextract.normalise import normalise_text

# Control characters other than tab/newline/CR/form feed: above this share, the bytes are not text.
BINARY_CONTROL_RATIO = 0.05
# NUL bytes sprinkled through otherwise clean text (a damaged export) are stripped with a warning, up to
# this share of the characters; binary files are recognised by their other control characters.
NUL_STRIP_RATIO = 0.25
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode text bytes: BOMs honoured, UTF-8 preferred, Windows-1252 as the legacy fallback."""
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings.append("not UTF-8: decoded as Windows-1252 (legacy encoding)")
    nuls = text.count("\x00")
    if nuls and nuls <= NUL_STRIP_RATIO * len(text):
        text = text.replace("\x00", "")
        warnings.append(f"removed {nuls} NUL byte(s) from the text")
    controls = len(_CONTROL.findall(text))
    if controls > BINARY_CONTROL_RATIO * len(text):
        raise UnsupportedFormat("binary or undecodable file: not text, PDF, HTML or DOCX")
    text = _CONTROL.sub("", text)
    return text, warnings


_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_LIST = re.compile(r"^([ \t]*)[*+][ \t]+", re.M)
_MD_RULE = re.compile(r"^ {0,3}([-*_])( *\1){2,} *$", re.M)


def strip_markdown(text: str) -> str:
    """Remove Markdown markup, keeping the words, headings as lone lines and list items as "- " lines."""
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return _MD_LIST.sub(r"\1- ", text)


def read_text(data: bytes, *, markdown: bool = False) -> Document:
    """Read plain text (or Markdown) into a `Document`."""
    text, warnings = decode(data)
    # Plain-text reports exported from Word or the web use **bold** too: strip it in either case.
    text = strip_markdown(text) if markdown else _MD_EMPHASIS.sub(r"\2", text)
    text = normalise_text(text)
    return Document(text=text, format="markdown" if markdown else "text", warnings=tuple(warnings))
