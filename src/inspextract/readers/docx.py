"""Word files (committee papers): paragraphs in order, headings, list numbering and tables as plain text.

The body is streamed with lxml's iterparse (no DTD, no entities, no network) from a zip member whose inflated
bytes are capped, so a zip bomb or an entity bomb costs bounded memory. Page headers and footers live in
their own parts and are never read.
"""

from __future__ import annotations

from typing import Any

from inspextract.document import Document
from inspextract.errors import DamagedInput, InspextractError, NoText
from inspextract.limits import DEFAULT_LIMITS, Limits
from inspextract.readers.docx_package import ZIP_ERRORS, CappedPart, open_package, read_part
from inspextract.readers.docx_styles import Numbering, Styles, attr, child, local, paragraph_numbering
from inspextract.readers.markup import BlockWriter, join_cells

# Runs inside these are not the document's visible text: deleted or moved-away revisions, the fallback copy
# of a text box (its "Choice" copy is read), field instructions, and paragraph properties (tab stops).
SKIPPED = frozenset({"del", "moveFrom", "Fallback", "instrText", "delText", "pPr", "footnoteReference"})
# Elements of a run that carry its text, and what the non-"t" ones stand for.
TEXT_PIECES = {"t": "", "tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}


def read_docx(data: bytes, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a DOCX into normalised text: heading lines, numbered paragraphs, "- " bullets, table rows."""
    from lxml import etree

    package = open_package(data, limits)
    budget = [limits.max_inflated_bytes]
    warnings: list[str] = []
    try:
        styles = Styles.parse(read_part(package, "word/styles.xml", budget))
        numbering = Numbering.parse(read_part(package, "word/numbering.xml", budget))
    except etree.XMLSyntaxError as e:
        styles, numbering = Styles(), Numbering()
        warnings.append(f"styles or list numbering unreadable ({e.msg}): headings and numbers may be missing")
    except ZIP_ERRORS as e:
        raise DamagedInput(f"damaged DOCX: cannot inflate its styles or numbering ({e})") from None
    writer = BlockWriter()
    try:
        with CappedPart(package, "word/document.xml", budget) as part:
            body = BodyReader(styles, numbering, writer)
            body.read(part)
        if body.revisions:
            warnings.append(f"{body.revisions} tracked change(s): read as if accepted")
    except etree.XMLSyntaxError as e:
        if not writer.blocks:
            raise DamagedInput(f"damaged DOCX: word/document.xml is not well-formed XML ({e.msg})") from None
        warnings.append(f"damaged DOCX: the text stops where word/document.xml breaks off ({e.msg})")
    except InspextractError:
        raise
    except ZIP_ERRORS as e:
        raise DamagedInput(f"damaged DOCX: cannot inflate word/document.xml ({e})") from None
    text, blocks = writer.render()
    if not text.strip():
        raise NoText("no extractable text: the Word document's body is empty")
    return Document(text=text, format="docx", warnings=tuple(warnings), blocks=blocks)


class BodyReader:
    """Streams word/document.xml, writing each paragraph and table row as a block.

    Text is taken run by run and each run is freed as soon as it is read, so even one enormous paragraph
    costs the size of its text, not of its XML tree.
    """

    def __init__(self, styles: Styles, numbering: Numbering, writer: BlockWriter) -> None:
        self.styles, self.numbering, self.writer = styles, numbering, writer
        self.rows: list[list[str]] = []  # open table rows (tables nest), cells so far
        self.cells: list[list[str]] = []  # paragraphs of the open cells
        self.texts: list[list[str]] = []  # text of the open paragraphs (a text box nests one in another)
        self.skip_depth = (
            0  # inside deleted/moved-away text, a text box's Fallback copy or paragraph properties
        )
        self.fallback_depth = 0  # inside a Fallback: whole paragraphs there are not read
        self.hidden_run = False
        self.revisions = 0  # tracked insertions and deletions met

    def read(self, source: Any) -> None:
        from lxml import etree

        events = etree.iterparse(
            source,
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
            load_dtd=False,
            remove_comments=True,
            remove_pis=True,
        )
        for event, element in events:
            name = local(element.tag)
            if event == "start":
                self.start(name)
                continue
            self.end(name, element)
            if name in ("r", "p", "tbl", "tr", "sdt"):
                # Free what is read: the tree would otherwise grow to the size of the document.
                element.clear(keep_tail=False)
                parent = element.getparent()
                previous = element.getprevious()
                while parent is not None and previous is not None and local(previous.tag) != "pPr":
                    parent.remove(previous)
                    previous = element.getprevious()

    def start(self, name: str) -> None:
        if name in ("ins", "del"):
            self.revisions += 1
        if name in SKIPPED:
            self.skip_depth += 1
            self.fallback_depth += name == "Fallback"
        elif name == "p":
            self.texts.append([])
        elif name == "r":
            self.hidden_run = False
        elif name == "tr" and not self.fallback_depth:
            self.rows.append([])
        elif name == "tc" and not self.fallback_depth:
            self.cells.append([])

    def end(self, name: str, element: Any) -> None:
        if name in SKIPPED:
            self.skip_depth -= 1
            self.fallback_depth -= name == "Fallback"
        elif name == "vanish":
            self.hidden_run = attr(element, "val") not in ("0", "false", "off")
        elif name in TEXT_PIECES:
            if self.texts and not self.skip_depth and not self.hidden_run:
                self.texts[-1].append(element.text or "" if name == "t" else TEXT_PIECES[name])
        elif name == "p":
            text = "".join(self.texts.pop()) if self.texts else ""
            if not self.fallback_depth:
                self.paragraph(element, text)
        elif self.fallback_depth:
            return
        elif name == "tc" and self.cells:
            cell = " ".join(self.cells.pop())
            if self.rows:
                self.rows[-1].append(cell)
        elif name == "tr" and self.rows:
            row = join_cells(self.rows.pop())
            if self.cells:  # a table nested in a cell: its rows are that cell's text
                self.cells[-1].append(row)
            else:
                self.writer.add("row", row)

    def paragraph(self, element: Any, text: str) -> None:
        if not text.strip():
            return
        if self.cells:
            self.cells[-1].append(" ".join(text.split()))
            return
        ppr = child(element, "pPr")
        style_el = child(ppr, "pStyle") if ppr is not None else None
        style_id = attr(style_el, "val") if style_el is not None else None
        num_id, ilvl, outline = paragraph_numbering(ppr)
        if num_id is None:
            num_id, style_ilvl = self.styles.numbering(style_id)
            ilvl = style_ilvl if ilvl is None else ilvl
        label = self.numbering.label(num_id, ilvl or 0) if num_id is not None else None
        heading = self.styles.heading_level(style_id, outline)
        if heading is not None and label != "- ":
            self.writer.add("heading", text, label or "")
        elif label == "- ":
            self.writer.add("item", text, label)
        else:
            self.writer.add("paragraph", text, label or "")
