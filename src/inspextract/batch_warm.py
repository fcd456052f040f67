"""Preloaded by the multiprocessing forkserver: imports the pipeline and its readers and warms the NLP model,
lexicons and patterns once, so every batch worker forked from the server (replacements for killed ones
too) starts warm in milliseconds."""

from __future__ import annotations

import contextlib

import inspextract.output
import inspextract.pipeline  # noqa: F401 - imported for its side effect: modules loaded before forking
from inspextract.batch_workers import warm_up

# The readers of the default engine and formats (pdfplumber loads on first use when chosen).
for module in ("pdf", "pdf_pdfium", "html", "docx"):
    with contextlib.suppress(ImportError):
        __import__(f"inspextract.readers.{module}")

warm_up()
