"""`parse`, `text`, `batch` and `schema`: a thin layer over the library (all logic lives below it)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Annotated

import typer

from inspextract.cli.boundary import guarded
from inspextract.cli.options import (
    DEFAULT_TIMEOUT_S,
    AllEntities,
    Boxes,
    DaskAddress,
    InputArg,
    MaxBytes,
    MaxPages,
    PdfEngine,
    SendBytes,
    Timeout,
    check_dask,
    check_engine,
    make_limits,
    open_input,
)
from inspextract.cli.typer_app import app
from inspextract.pdf_engines import DEFAULT_PDF_ENGINE


@app.command()
def parse(
    path: InputArg,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the record to this file instead of stdout.")
    ] = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON.")] = False,
    pdf_engine: PdfEngine = DEFAULT_PDF_ENGINE,
    timeout: Timeout = DEFAULT_TIMEOUT_S,
    max_bytes: MaxBytes = 0,
    max_pages: MaxPages = 0,
    all_entities: AllEntities = False,
    boxes: Boxes = False,
) -> None:
    """Extract one document's record and print it as JSON.

    Exit codes: 0 success; 3 not found; 4 unsupported; 5 damaged; 6 encrypted; 7 no text; 8 too large;
    9 timeout; 10 model missing; 70 internal error; 130 interrupted; 141 output closed early by its reader.
    """
    check_engine(pdf_engine)

    def run() -> None:
        from inspextract.output import to_json, write_atomic
        from inspextract.pipeline import parse as parse_document

        source = open_input(path)
        report = parse_document(
            source,
            limits=make_limits(timeout, max_bytes, max_pages),
            pdf_engine=pdf_engine,
            all_entities=all_entities,
            boxes=boxes,
        )
        text = to_json(report, pretty=pretty) + "\n"
        if output is None:
            sys.stdout.write(text)
        else:
            write_atomic(output, text)

    guarded(run)


@app.command()
def text(
    path: InputArg,
    pdf_engine: PdfEngine = DEFAULT_PDF_ENGINE,
    timeout: Timeout = DEFAULT_TIMEOUT_S,
) -> None:
    """Print the normalised text that every evidence offset refers to."""
    check_engine(pdf_engine)

    def run() -> None:
        from inspextract.pipeline import read_document

        doc, _, _ = read_document(
            open_input(path),
            limits=make_limits(timeout, None, None),
            pdf_engine=pdf_engine,
        )
        sys.stdout.write(doc.text)

    guarded(run)


@app.command()
def batch(
    paths: Annotated[
        list[Path],
        typer.Argument(
            exists=True, metavar="PATH", help="Files and folders (searched recursively; hidden ones skipped)."
        ),
    ],
    outdir: Annotated[
        Path | None,
        typer.Option("-o", "--output", metavar="OUTDIR", help="Folder for the records and errors.jsonl."),
    ] = None,
    jsonl: Annotated[
        str | None,
        typer.Option("--jsonl", metavar="FILE", help="Stream records, in input order, to FILE (- = stdout)."),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", metavar="N", help="Worker processes (0 = one per CPU).", min=0)
    ] = 0,
    pdf_engine: PdfEngine = DEFAULT_PDF_ENGINE,
    timeout: Timeout = DEFAULT_TIMEOUT_S,
    max_bytes: MaxBytes = 0,
    max_pages: MaxPages = 0,
    all_entities: AllEntities = False,
    boxes: Boxes = False,
    force: Annotated[bool, typer.Option("--force", help="Redo documents already recorded.")] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first failure.")] = False,
    dask: DaskAddress = None,
    send_bytes: SendBytes = False,
    sqlite: Annotated[
        Path | None,
        typer.Option(
            "--sqlite",
            metavar="FILE",
            help="Also put each record and failure into this SQLite database as it comes (the tables of "
            "inspextract export; each document committed on its own).",
        ),
    ] = None,
    review: Annotated[
        bool,
        typer.Option(
            "--review",
            help="Also write OUTDIR/<name>.review.html per document and OUTDIR/index.html (needs -o).",
        ),
    ] = False,
) -> None:
    """Convert many documents: OUTDIR/<relative path>.json per document, failures in OUTDIR/errors.jsonl.

    Records are named after the input's path relative to the PATH it was found under, suffix replaced by
    .json; when two inputs share a stem, the later in sorted order keeps its full name (a.pdf -> a.json,
    a.txt -> a.txt.json). Re-runs skip documents whose record matches the input's sha256, path and the
    extractor version, and retry failed ones; --force redoes all.

    Exit codes: 0 all documents succeeded; 1 some documents failed (see errors.jsonl); 2 usage error;
    3 or 4 the --sqlite database cannot be written, or is of another table layout; 11 the worker processes
    could not start (with --dask: the cluster could not be reached or had no workers); 130 interrupted
    (the records written so far are kept); 141 the reader of --jsonl - closed it early.
    """
    check_engine(pdf_engine)
    check_dask(dask, send_bytes)
    if outdir is None and jsonl is None and sqlite is None:
        raise typer.BadParameter("give -o OUTDIR, --jsonl FILE or --sqlite FILE", param_hint="-o/--jsonl")
    if review and outdir is None:
        raise typer.BadParameter(
            "--review writes its pages into OUTDIR: give -o OUTDIR", param_hint="--review"
        )

    def run() -> int:
        import signal

        from inspextract.batch import BatchOptions, run_batch
        from inspextract.batch.pool import default_jobs
        from inspextract.batch.progress import make_progress

        def on_sigterm(signum: int, frame: object) -> None:
            raise KeyboardInterrupt  # stop like Ctrl-C: workers killed, finished records kept

        previous = signal.signal(signal.SIGTERM, on_sigterm)
        # Unbuffered: each JSONL line reaches the file in one write, so a kill never leaves half a line.
        stream: IO[bytes] | None = None if jsonl in (None, "-") else open(jsonl, "wb", buffering=0)  # noqa: SIM115
        if jsonl == "-":
            stream = sys.stdout.buffer
        try:
            options = BatchOptions(
                outdir=outdir,
                jsonl=stream,
                jobs=jobs or default_jobs(),
                limits=make_limits(timeout, max_bytes, max_pages),
                pdf_engine=pdf_engine,
                all_entities=all_entities,
                boxes=boxes,
                force=force,
                fail_fast=fail_fast,
                progress=make_progress(sys.stderr),
                dask=dask,
                send_bytes=send_bytes,
                sqlite=sqlite,
                review=review,
            )
            return int(run_batch([str(p) for p in paths], options).exit_code)
        finally:
            signal.signal(signal.SIGTERM, previous)
            if stream is not None and jsonl != "-":
                stream.close()

    raise typer.Exit(guarded(run))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the records `parse` emits."""

    def run() -> None:
        import json

        from inspextract.records import Report

        sys.stdout.write(json.dumps(Report.model_json_schema(), indent=2) + "\n")

    guarded(run)
