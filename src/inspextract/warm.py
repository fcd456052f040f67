"""Warming a process up before it forks batch workers: the NLP model, lexicons, patterns and every reader
the batch will use are loaded once, by parsing tiny documents built here, so that no worker (and no
replacement for a killed one) pays for them again.

Each format's first document costs 20-60 ms more than the next (imports, lazily compiled patterns, PDFium's
start), so with two workers a mixed folder would pay it twice.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import textwrap
import zipfile
from collections.abc import Iterable
from html import escape

from inspextract.pdf_engines import DEFAULT_PDF_ENGINE
from inspextract.readers.pdf_rebuild import Found, Tail, with_table
from inspextract.readers.sniff import claimed_format

# A short document that sends every extractor through its lexicons, patterns and model once.
WARM_UP_TEXT = (
    "Joint inspection of services for children and young people in Fife\n\n"
    "Published: 1 May 2024. The Care Inspectorate led the inspection with Education Scotland.\n\n"
    "Strengths: staff knew children well. We evaluated quality indicator 2.1 as good.\n\n"
    'Karen Reid, Chief Executive, said: "We welcome the report."\n'
)


def paragraphs() -> list[str]:
    return [p for p in WARM_UP_TEXT.split("\n\n") if p.strip()]


def minimal_html() -> bytes:
    body = "".join(f"<p>{escape(p.strip())}</p>" for p in paragraphs()[1:])
    title = escape(paragraphs()[0])
    page = f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
    return (page + "</article></body></html>").encode("utf-8")


def minimal_docx() -> bytes:
    """A Word file with just the two parts a DOCX needs."""
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.document.main+xml"/></Types>'
    )
    runs = "".join(f"<w:p><w:r><w:t>{escape(p.strip())}</w:t></w:r></w:p>" for p in paragraphs())
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{runs}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr("word/document.xml", document)
    return buffer.getvalue()


def break_a_word(lines: list[str]) -> list[str]:
    """The lines with the first long word that ends a line (and has more of its paragraph after it)
    broken with a hyphen, as a typesetter would: reading it back takes the PDF reader through its hyphen
    repair and word list, which a PDF without a broken word never loads."""
    for i, (line, after) in enumerate(itertools.pairwise(lines)):
        head, _, word = line.rpartition(" ")
        if head and after and word.isalpha() and len(word) >= 8:
            half = len(word) // 2
            return [*lines[:i], f"{head} {word[:half]}-", f"{word[half:]} {after}", *lines[i + 2 :]]
    return lines


def minimal_pdf() -> bytes:
    """A one-page PDF of the warm-up text in Helvetica, with a correct cross-reference table."""
    lines: list[str] = []
    for paragraph in paragraphs():
        lines += [*textwrap.wrap(paragraph.strip(), 80), ""]
    lines = break_a_word(lines)
    shown = " T* ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj" for line in lines
    )
    stream = f"BT /F1 10 Tf 14 TL 56 780 Td {shown} ET".encode("latin-1")
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        b"<</Length %d>>stream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf = Tail(0)  # the whole file, with its table written as pdf_rebuild writes a rebuilt one
    pdf += b"%PDF-1.4\n"
    found: dict[int, Found] = {}
    for number, body in enumerate(objects, start=1):
        start = pdf.offset
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
        found[number] = Found(number, 0, start, pdf.offset)
    return with_table(pdf, found, root=found[1])


SAMPLES = {"pdf": minimal_pdf, "docx": minimal_docx, "html": minimal_html}


def formats_of(paths: Iterable[str]) -> set[str]:
    """The formats worth warming for these inputs, by suffix (content decides when they are read); plain
    text is always warmed, as it loads the model."""
    return {fmt for path in paths if (fmt := claimed_format(path)) is not None}


def warm_up(formats: Iterable[str] = (), pdf_engine: str = DEFAULT_PDF_ENGINE) -> None:
    """Load the NLP pipeline, lexicons and patterns, and the readers of `formats`, by parsing tiny
    documents, so every document in this process (and every process forked from it) reuses them. Never
    raises: a missing model, for one, is reported per document by the pipeline."""
    from inspextract.pipeline import parse

    samples = [(WARM_UP_TEXT.encode("utf-8"), "warm-up.txt")]
    samples += [(SAMPLES[f](), f"warm-up.{f}") for f in sorted(set(formats)) if f in SAMPLES]
    for data, name in samples:
        with contextlib.suppress(Exception):
            parse(data, name=name, pdf_engine=pdf_engine)
