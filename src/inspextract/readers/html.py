"""Saved web pages (press releases): the article's main content as headings, paragraphs and list items.

Parsing is Lexbor's HTML5 parser (selectolax): the browser's rules for broken markup, entities and comments,
so the text is what a reader of the page saw. Nothing the page links to is ever fetched.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

from inspextract.document import Document
from inspextract.errors import DamagedInput, TooLarge
from inspextract.limits import DEFAULT_LIMITS, Limits
from inspextract.readers.boilerplate import (
    drop_boilerplate,
    find_main_content,
    remove_outermost,
    title_outside,
)
from inspextract.readers.markup import BlockWriter, join_cells

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

# Fewer words than this in the article is not a press release's worth of text: the page is probably a
# listing, a cookie wall or a script-rendered shell. Press releases in the dev corpus have 450+ words.
THIN_CONTENT_WORDS = 60
# A table row with more text than this is page layout, not a label/value or data row.
LAYOUT_ROW_MIN_CHARS = 1000
# Real pages nest elements a few dozen deep; Lexbor's parse time grows with the square of the depth
# (measured: 10,000 levels 0.23 s, 50,000 levels 11.6 s), so deeper pages lose their layout tags.
MAX_NESTING_DEPTH = 1000
# Where browsers look for <meta charset>: the first 1024 bytes (HTML standard's prescan).
CHARSET_PRESCAN_BYTES = 1024

# Elements whose content is never visible text.
INVISIBLE_TAGS = (
    "head, script, style, noscript, template, svg, math, iframe, object, embed, canvas, "
    "select, option, button, input, textarea, img, audio, video, map"
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr",
        "html", "legend", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
        "thead", "ul",
    }
)  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_TITLE_OPEN = re.compile(r"<title\b[^<>]*>", re.I)
_TITLE_CLOSE = re.compile(r"</title\s*>", re.I)
# Attribute runs stop at "<" too, so that a page of unclosed "<a<a<a" is scanned in linear time.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^<>]*?(/?)>")
_LAYOUT_TAG = re.compile(
    r"</?(?:div|span|section|article|aside|main|header|footer|nav|font|center|b|i|u|em|strong|small|big|"
    r"a|abbr|blockquote|table|tbody|thead|tfoot|tr|td|th|dl|dd|dt|form|fieldset|label|sup|sub|s|strike)\b[^<>]*>",
    re.I,
)
# Elements that never nest (void) or close themselves implicitly: they do not deepen the tree.
_FLAT_TAGS = frozenset(
    "area base br col embed hr img input link meta source track wbr p li dt dd option tr td th".split()  # noqa: SIM905
)
# WHATWG's encoding labels: these legacy names mean Windows-1252 in every browser.
_MEANS_CP1252 = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1"})


def read_html(data: bytes, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a saved web page into the normalised text of its main content."""
    from selectolax.lexbor import LexborHTMLParser

    if len(data) > limits.max_html_bytes:
        raise TooLarge(f"document too large: {len(data):,} bytes of HTML (limit {limits.max_html_bytes:,})")
    markup, warnings = decode_html(data)
    markup, repaired = close_runaway_title(markup)
    if repaired:
        warnings.append("malformed HTML: an unclosed <title> was closed at the end of its line")
    if has_unclosed_comment(markup):
        warnings.append("malformed HTML: an unclosed comment (<!--) hides the rest of the page")
    markup = drop_noscript(markup)
    if nesting_depth(markup) > MAX_NESTING_DEPTH:
        markup = _LAYOUT_TAG.sub(" ", markup)
        if nesting_depth(markup) > MAX_NESTING_DEPTH:
            raise DamagedInput(f"damaged HTML: elements nested more than {MAX_NESTING_DEPTH:,} deep")
        warnings.append("malformed HTML: elements nested thousands deep; layout tags were ignored")
    tree = LexborHTMLParser(markup)
    remove_outermost(tree.css(INVISIBLE_TAGS))
    main, how = find_main_content(tree)
    title = title_outside(tree, main)
    dropped = drop_boilerplate(main, page_level=how in ("body", "content"))
    writer = BlockWriter()
    if title is not None:
        writer.add("heading", title.text(deep=True) or "")
    write_blocks(main, writer)
    text, blocks = writer.render()
    if how == "body" and dropped == 0:
        warnings.append("no article or main element and no page furniture found: used the whole page")
    if writer.word_count < THIN_CONTENT_WORDS:
        warnings.append(f"thin content: only {writer.word_count} words of article text found on the page")
    if (bad := text.count("\ufffd")) > 0:
        warnings.append(f"garbled text: {bad} invalid character(s) replaced with U+FFFD")
    return Document(text=text, format="html", warnings=tuple(warnings), blocks=blocks)


def decode_html(data: bytes) -> tuple[str, list[str]]:
    """Decode as a browser would: BOM, then <meta charset>, then UTF-8 with a Windows-1252 fallback."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace").lstrip("\ufeff"), []
    declared = _declared_charset(data[:CHARSET_PRESCAN_BYTES])
    if declared and declared != "utf-8":
        return data.decode(declared, errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        note = "declared UTF-8 but is not" if declared else "not UTF-8"
        return data.decode("cp1252", errors="replace"), [f"{note}: decoded as Windows-1252 (legacy encoding)"]


def _declared_charset(head: bytes) -> str | None:
    """The codec named by a <meta charset> in the page's first bytes, if Python knows it."""
    if not (m := _META_CHARSET.search(head)):
        return None
    label = m[1].decode("ascii").lower()
    if label in _MEANS_CP1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page cannot really be UTF-16 once its bytes were readable as ASCII markup (HTML standard).
    return "utf-8" if name.startswith("utf-16") else name


def nesting_depth(markup: str) -> int:
    """The deepest element nesting in the markup, counted from its tags (a linear scan, no parse)."""
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(markup):
        if self_closing or name.lower() in _FLAT_TAGS:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def has_unclosed_comment(markup: str) -> bool:
    """Whether a "<!--" is never closed (the rest of the page is then a comment, not text)."""
    pos = 0
    while (start := markup.find("<!--", pos)) >= 0:
        end = markup.find("-->", start + 4)
        if end < 0:
            return True
        pos = end + 3
    return False


def drop_noscript(markup: str) -> str:
    """Remove closed <noscript> elements: a browser running scripts never shows them, and Lexbor lets
    their content out in some contexts. A linear scan (a lazy regex is quadratic on unclosed ones)."""
    lower = markup.lower()
    out, pos = [], 0
    while (start := lower.find("<noscript", pos)) >= 0:
        end = lower.find("</noscript", start)
        close = lower.find(">", end) if end >= 0 else -1
        if close < 0:
            break
        out.append(markup[pos:start])
        pos = close + 1
    out.append(markup[pos:])
    return " ".join(out)


def close_runaway_title(markup: str) -> tuple[str, bool]:
    """Close an unclosed <title> at its line's end: HTML5 would make the rest of the page its title."""
    opened = _TITLE_OPEN.search(markup)
    if not opened or _TITLE_CLOSE.search(markup, opened.end()):
        return markup, False
    end = markup.find("\n", opened.end())
    end = len(markup) if end < 0 else end
    cut = markup.find("<", opened.end(), end)
    end = end if cut < 0 else cut
    return f"{markup[:end]}</title>{markup[end:]}", True


def write_blocks(root: LexborNode, writer: BlockWriter) -> None:
    """Walk the content (without recursion: pages can nest thousands deep) and write its blocks."""
    inline: list[str] = []
    pending: list[tuple[str, str]] = [("paragraph", "")]  # kind and prefix of the block being collected
    list_counters: list[int | None] = []  # per open list: next <ol> number, None for <ul>
    # Cells of the open table rows, innermost last; None for a layout row (its cells are read as blocks).
    rows: list[list[str] | None] = []

    def flush() -> None:
        if rows and rows[-1] is not None:
            rows[-1].append("".join(inline))
        elif inline:
            kind, prefix = pending[-1]
            text = "".join(inline)
            if text.strip():
                writer.add(kind, text, prefix)
                pending[-1] = ("paragraph", "") if kind == "item" else pending[-1]
        inline.clear()

    stack: list[tuple[LexborNode, bool]] = [(root, True)]
    while stack:
        node, entering = stack.pop()
        tag = node.tag or ""
        if tag == "-text":
            inline.append((node.text_content or "").replace("\n", " "))
            continue
        if not node.is_element_node:
            continue  # comments, doctype
        if entering:
            stack.append((node, False))
            stack.extend((child, True) for child in reversed(list(node.iter(include_text=True))))
        if tag == "br":
            if entering:
                inline.append("\n")
        elif tag in HEADINGS:
            flush()
            if entering:
                pending.append(("heading", ""))
            elif len(pending) > 1:
                pending.pop()
        elif tag in ("ul", "ol", "menu"):
            flush()
            if entering:
                start = node.attributes.get("start") or "1"
                list_counters.append(int(start) if tag == "ol" and start.isdigit() else None)
            elif list_counters:
                list_counters.pop()
        elif tag == "li":
            flush()
            if entering:
                number = list_counters[-1] if list_counters else None
                if number is not None:
                    list_counters[-1] = number + 1
                pending[-1] = ("item", f"{number}. " if number is not None else "- ")
            else:
                pending[-1] = ("paragraph", "")
        elif tag == "tr":
            flush()
            if entering:
                rows.append(None if is_layout_row(node) else [])
            elif rows and (row := rows.pop()) is not None:
                writer.add("row", join_cells(row))
        elif tag in ("td", "th"):
            flush()
        elif tag in BLOCK_TAGS:
            if rows and rows[-1] is not None:
                inline.append(" ")
            else:
                flush()
    flush()
    for row in reversed(rows):  # rows left open by broken markup
        if row is not None:
            writer.add("row", join_cells(row))


def is_layout_row(row: LexborNode) -> bool:
    """A table row used for page layout (nested tables, headings, long text) rather than for data."""
    return row.css_first("table, h1, h2, h3, h4, h5, h6, ul, ol") is not None or (
        len(row.text(deep=True) or "") > LAYOUT_ROW_MIN_CHARS
    )
