"""`inspextract review`: one self-contained HTML page per document (inspextract.review)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from inspextract.batch_folder import REVIEW_SUFFIX
from inspextract.cli.boundary import guarded
from inspextract.cli.options import (
    DEFAULT_TIMEOUT_S,
    InputArg,
    MaxBytes,
    MaxPages,
    PdfEngine,
    Timeout,
    check_engine,
    make_limits,
    open_input,
)
from inspextract.cli.typer_app import app
from inspextract.pdf_engines import DEFAULT_PDF_ENGINE


@app.command()
def review(
    path: InputArg,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="PAGE",
            help="Write the page here (- = stdout); default NAME.review.html.",
        ),
    ] = None,
    record: Annotated[
        Path | None,
        typer.Option(
            "--record", metavar="REC.json", help="Draw this record of FILE (made earlier) instead of parsing."
        ),
    ] = None,
    pdf_engine: PdfEngine = DEFAULT_PDF_ENGINE,
    timeout: Timeout = DEFAULT_TIMEOUT_S,
    max_bytes: MaxBytes = 0,
    max_pages: MaxPages = 0,
) -> None:
    """Write a review page: one self-contained HTML file showing where each extracted item came from.

    Every item is marked in the normalised text (and, for a PDF, boxed on the page image). With --record,
    the record's source.sha256 must match FILE, and --pdf-engine must be the one the record was made with.

    Exit codes: as parse; also 2 when the --record was made from another file, 3 when it cannot be read,
    5 when it is not an inspextract record.
    """
    check_engine(pdf_engine)

    def run() -> None:
        from inspextract.output import write_atomic
        from inspextract.review import review_file

        page = review_file(
            open_input(path),
            record=record,
            limits=make_limits(timeout, max_bytes, max_pages),
            pdf_engine=pdf_engine,
        )
        if output == "-":
            sys.stdout.write(page)
        else:
            write_atomic(Path(output or review_name(path)), page)

    guarded(run)


def review_name(path: str) -> str:
    """NAME.review.html in the current folder, NAME the input's file name without its suffix."""
    return (Path(path).stem if path != "-" else "stdin") + REVIEW_SUFFIX
