"""The options the commands share, and turning them into the library's arguments."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from inspextract.limits import DEFAULT_LIMITS, Limits
from inspextract.pdf_engines import PDF_ENGINES

InputArg = Annotated[
    str, typer.Argument(help="Document to read: PDF, text, Markdown, HTML or DOCX; - for stdin.")
]
PdfEngine = Annotated[
    str,
    typer.Option(
        "--pdf-engine",
        help="PDF text engine: pdfium (fast) or pdfplumber (reads right-to-left scripts in order).",
        show_default=True,
    ),
]
Timeout = Annotated[float, typer.Option("--timeout", help="Seconds allowed for the document (0 = no limit).")]
MaxBytes = Annotated[int, typer.Option("--max-bytes", help="Largest input file accepted, in bytes.")]
MaxPages = Annotated[int, typer.Option("--max-pages", help="Most PDF pages accepted.")]
AllEntities = Annotated[
    bool,
    typer.Option(
        "--all-entities",
        help="Run the statistical NER over all the text, so `entities` lists every organisation, place "
        "and date as well (several times slower on long reports); by default it reads only the "
        "sentences that may name a person.",
    ),
]
Boxes = Annotated[
    bool,
    typer.Option(
        "--boxes",
        help="For a PDF, give every evidence its quote's boxes on the page too: evidence.boxes, one "
        "{page, x0, top, x1, bottom} per printed line, in points from the page's top-left corner.",
    ),
]

# batch on a Dask cluster (batch/cluster.py).
DaskAddress = Annotated[
    str | None,
    typer.Option(
        "--dask",
        metavar="ADDRESS",
        help="Convert on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786; its workers, "
        "not --jobs, set the parallelism), or on a local one of --jobs processes ('local'). "
        "Needs: pip install 'inspextract[dask]'.",
    ),
]
SendBytes = Annotated[
    bool,
    typer.Option(
        "--send-bytes",
        help="With --dask: send each document's bytes to the workers, for workers that cannot see the "
        "input paths.",
    ),
]
DASK_EXTRA_MISSING = "needs Dask: pip install 'inspextract[dask]'"

DEFAULT_TIMEOUT_S = 120.0


def make_limits(timeout: float, max_bytes: int | None, max_pages: int | None) -> Limits:
    return Limits(
        max_bytes=max_bytes or DEFAULT_LIMITS.max_bytes,
        max_pages=max_pages or DEFAULT_LIMITS.max_pages,
        timeout_s=timeout or None,
    )


def open_input(path: str) -> str | bytes:
    """A path as given, or stdin's bytes for "-"."""
    return sys.stdin.buffer.read() if path == "-" else path


def check_dask(address: str | None, send_bytes: bool) -> None:
    """--dask needs the optional extra installed; --send-bytes means nothing without --dask."""
    if send_bytes and not address:
        raise typer.BadParameter("only with --dask", param_hint="--send-bytes")
    if address:
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise typer.BadParameter(DASK_EXTRA_MISSING, param_hint="--dask") from None


def check_engine(engine: str) -> None:
    if engine not in PDF_ENGINES:
        raise typer.BadParameter(f"choose {' or '.join(PDF_ENGINES)}", param_hint="--pdf-engine")
