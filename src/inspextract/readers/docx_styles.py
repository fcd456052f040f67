"""Word paragraph styles (headings, styles that carry numbering) and list numbering ("1.", "1.1", bullets)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Style chains deeper than this are broken or cyclic (Word itself nests a handful).
MAX_STYLE_DEPTH = 16
MAX_LIST_LEVELS = 9  # Word's levels are 0..8
_HEADING_NAME = re.compile(r"^(?:heading|überschrift|titre)\s*(\d)$", re.I)


def local(tag: Any) -> str:
    """An element's tag without its namespace (Transitional and Strict OOXML use different ones)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def attr(element: Any, name: str) -> str | None:
    """An attribute by local name (w:val, w:ilvl ...), whatever its namespace."""
    for key, value in element.attrib.items():
        if local(key) == name:
            return str(value)
    return None


def child(element: Any, name: str) -> Any:
    """The first child element with this local name, or None."""
    for c in element:
        if local(c.tag) == name:
            return c
    return None


def safe_parser() -> Any:
    """An lxml parser that never loads a DTD, resolves an entity or touches the network."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


@dataclass(frozen=True)
class ParagraphStyle:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int
    outline_level: int | None


@dataclass
class Styles:
    """Paragraph styles by styleId; answers "is this a heading, of what level" and "what numbering"."""

    by_id: dict[str, ParagraphStyle] = field(default_factory=dict)

    @classmethod
    def parse(cls, xml: bytes | None) -> Styles:
        from lxml import etree

        styles = cls()
        if not xml:
            return styles
        root = etree.fromstring(xml, safe_parser())
        for style in root:
            if local(style.tag) != "style" or attr(style, "type") not in (None, "paragraph"):
                continue
            name_el, based_el, ppr = child(style, "name"), child(style, "basedOn"), child(style, "pPr")
            num_id, ilvl, outline = _numbering_of(ppr)
            styles.by_id[attr(style, "styleId") or ""] = ParagraphStyle(
                name=(attr(name_el, "val") or "") if name_el is not None else "",
                based_on=attr(based_el, "val") if based_el is not None else None,
                num_id=num_id,
                ilvl=ilvl or 0,
                outline_level=outline,
            )
        return styles

    def chain(self, style_id: str | None) -> list[ParagraphStyle]:
        """The style and the styles it is based on, nearest first."""
        out: list[ParagraphStyle] = []
        while style_id and style_id in self.by_id and len(out) < MAX_STYLE_DEPTH:
            out.append(self.by_id[style_id])
            style_id = out[-1].based_on
        return out

    def heading_level(self, style_id: str | None, outline_level: int | None) -> int | None:
        """1-based heading level from the style's name ("heading 2", "Title") or outline level."""
        if outline_level is not None and outline_level < MAX_LIST_LEVELS:
            return outline_level + 1
        for style in self.chain(style_id):
            if m := _HEADING_NAME.match(style.name.strip()):
                return int(m[1])
            if style.name.strip().lower() in ("title", "subtitle"):
                return 1
            if style.outline_level is not None and style.outline_level < MAX_LIST_LEVELS:
                return style.outline_level + 1
        if style_id and (m := re.match(r"^Heading(\d)$", style_id)):  # styleId when styles.xml is missing
            return int(m[1])
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int]:
        """The numId and level a style gives its paragraphs ("List Number", numbered heading styles)."""
        for style in self.chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None, 0


def _numbering_of(ppr: Any) -> tuple[str | None, int | None, int | None]:
    """(numId, ilvl, outlineLvl) from a pPr element."""
    if ppr is None:
        return None, None, None
    num_pr, outline = child(ppr, "numPr"), child(ppr, "outlineLvl")
    num_id = ilvl = None
    if num_pr is not None:
        num_el, ilvl_el = child(num_pr, "numId"), child(num_pr, "ilvl")
        num_id = attr(num_el, "val") if num_el is not None else None
        ilvl = _int(attr(ilvl_el, "val")) if ilvl_el is not None else None
    return num_id, ilvl, _int(attr(outline, "val")) if outline is not None else None


def paragraph_numbering(ppr: Any) -> tuple[str | None, int | None, int | None]:
    """(numId, ilvl, outlineLvl) set directly on a paragraph."""
    return _numbering_of(ppr)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Level:
    fmt: str  # decimal, lowerLetter, upperRoman, bullet, none ...
    text: str  # "%1.%2"
    start: int


@dataclass
class Numbering:
    """Word's list definitions and the running counters that turn them into "1." / "4.5" / bullets."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    start_overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    seen_nums: set[str] = field(default_factory=set)

    @classmethod
    def parse(cls, xml: bytes | None) -> Numbering:
        from lxml import etree

        numbering = cls()
        if not xml:
            return numbering
        for el in etree.fromstring(xml, safe_parser()):
            if local(el.tag) == "abstractNum":
                levels = {}
                for lvl in el:
                    if local(lvl.tag) != "lvl" or (ilvl := _int(attr(lvl, "ilvl"))) is None:
                        continue
                    fmt, text, start = child(lvl, "numFmt"), child(lvl, "lvlText"), child(lvl, "start")
                    levels[ilvl] = Level(
                        fmt=(attr(fmt, "val") or "decimal") if fmt is not None else "decimal",
                        text=(attr(text, "val") or "") if text is not None else "",
                        start=(_int(attr(start, "val")) or 0) if start is not None else 1,
                    )
                numbering.abstract[attr(el, "abstractNumId") or ""] = levels
            elif local(el.tag) == "num":
                num_id, abstract_el = attr(el, "numId") or "", child(el, "abstractNumId")
                if abstract_el is not None:
                    numbering.num_to_abstract[num_id] = attr(abstract_el, "val") or ""
                for override in el:
                    start = child(override, "startOverride") if local(override.tag) == "lvlOverride" else None
                    if start is not None and (ilvl := _int(attr(override, "ilvl"))) is not None:
                        value = _int(attr(start, "val"))
                        numbering.start_overrides.setdefault(num_id, {})[ilvl] = value or 0
        return numbering

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list's counter and return this paragraph's marker ("- ", "4.5 ", "b) "), or None."""
        abstract_id = self.num_to_abstract.get(num_id)
        levels = self.abstract.get(abstract_id or "")
        if not levels or num_id == "0":
            return None
        ilvl = min(max(ilvl, 0), MAX_LIST_LEVELS - 1)
        level = levels.get(ilvl)
        if level is None:
            return None
        if level.fmt == "bullet":
            return "- "
        # Lists sharing a definition continue each other's numbers unless a num restarts them (Word's rule).
        counters = self.counters.setdefault(abstract_id or "", [None] * MAX_LIST_LEVELS)
        if num_id not in self.seen_nums:
            self.seen_nums.add(num_id)
            for lvl, start in self.start_overrides.get(num_id, {}).items():
                if 0 <= lvl < MAX_LIST_LEVELS:
                    counters[lvl] = start - 1
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, MAX_LIST_LEVELS):
            counters[deeper] = None
        if level.fmt == "none" or not level.text:
            return None

        def value(m: re.Match[str]) -> str:
            k = int(m[1]) - 1
            lvl = levels.get(k)
            if lvl is None or not 0 <= k < MAX_LIST_LEVELS:
                return ""
            count = counters[k] if counters[k] is not None else lvl.start
            return format_number(count or 0, lvl.fmt if k == ilvl or lvl.fmt != "bullet" else "decimal")

        text = re.sub(r"%(\d)", value, level.text).strip()
        return f"{text} " if text else None


def format_number(n: int, fmt: str) -> str:
    """A list counter in Word's number formats."""
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, numeral in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)
