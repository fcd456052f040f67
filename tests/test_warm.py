"""The warm-up documents: each is a valid document of its format that every reader reads in full."""

from __future__ import annotations

import pytest

from inspextract.normalise.hyphens import english_words
from inspextract.pdf_engines import PDF_ENGINES
from inspextract.pipeline import read_document
from inspextract.warm import SAMPLES, formats_of, paragraphs, warm_up


@pytest.mark.parametrize("engine", PDF_ENGINES)
@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_each_sample_reads_whole_and_without_repairs(fmt: str, engine: str) -> None:
    doc, _, _ = read_document(SAMPLES[fmt](), name=f"warm-up.{fmt}", pdf_engine=engine)
    assert doc.format == fmt
    words = doc.text.split()
    assert words == " ".join(paragraphs()).split()
    assert not [w for w in doc.warnings if "thin content" not in w]  # a PDF needing no xref repair, say


def test_formats_are_chosen_by_suffix() -> None:
    paths = ["a/b.PDF", "c.txt", "d.htm", "e.html", "noext", "f.docx.bak"]
    assert formats_of(paths) == {"pdf", "html"}


def test_warm_up_never_raises_even_for_an_unknown_format() -> None:
    warm_up(["pdf", "no-such-format"])


def test_pdf_warm_up_loads_the_word_list_hyphen_repair_needs() -> None:
    # Else every batch worker loads it (~0.05 s) on its first PDF with a word broken at a line end.
    english_words.cache_clear()
    warm_up(["pdf"])
    assert english_words.cache_info().currsize == 1
