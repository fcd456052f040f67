"""The `inspextract` command: a thin layer over the library (all logic lives below it)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Annotated, NoReturn

import typer

from inspextract import __version__
from inspextract.cli.boundary import EXIT_CODES_HELP, exit_flushed, guarded, state
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
from inspextract.pdf_engines import DEFAULT_PDF_ENGINE

app = typer.Typer(
    name="inspextract",
    help="Turn inspection reports, press releases and committee papers into grounded JSON records.\n\n"
    + EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    # Plain click help: rich's help renderer costs ~0.2 s of start-up on every --help.
    rich_markup_mode=None,
)


def show_version(value: bool) -> None:
    if value:
        typer.echo(f"inspextract {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
) -> None:
    state["debug"] = debug


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
    11 the worker processes could not start (with --dask: the cluster could not be reached or had no
    workers); 130 interrupted (the records written so far are kept);
    141 the reader of --jsonl - closed it early.
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


@app.command("export")
def export_command(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="INPUT",
            help="Batch output folders (records and errors.jsonl), record files (.json), JSONL files "
            "(batch --jsonl); - reads JSONL from stdin.",
            show_default=False,
        ),
    ] = None,
    sqlite: Annotated[
        Path | None, typer.Option("--sqlite", metavar="FILE", help="SQLite database to create or update.")
    ] = None,
    csv: Annotated[
        Path | None, typer.Option("--csv", metavar="DIR", help="Folder for one CSV file per table.")
    ] = None,
    excel: Annotated[
        bool,
        typer.Option("--excel", help="Start each CSV file with the byte-order mark Excel needs for UTF-8."),
    ] = False,
    describe: Annotated[bool, typer.Option("--describe", help="Print the tables and their columns.")] = False,
) -> None:
    """Turn records into tables for analysts: a SQLite database (with full-text search) and/or CSV files.

    One transaction: an input that is not a record leaves the database and the CSV folder as they were.
    A document already in the database (same source.sha256 and source.path) is replaced; an unchanged one
    is left alone, so exporting the same folder twice gives the same database. A database written with
    another table layout is refused. CSV files hold what the database holds.

    Exit codes: 0 success; 2 usage error; 3 an input cannot be read or the database written; 4 a record of
    a newer schema_version, or a database of another table layout or program; 5 a line or file that is not
    a record; 70 internal error; 130 interrupted (nothing changed).
    """
    if describe:
        from inspextract.export.describe import describe as describe_tables

        sys.stdout.write(describe_tables())
        return
    if not inputs:
        raise typer.BadParameter(
            "give at least one INPUT (a folder, a file, or - for stdin)", param_hint="INPUT"
        )
    if sqlite is None and csv is None:
        raise typer.BadParameter("give --sqlite FILE, --csv DIR, or both", param_hint="--sqlite/--csv")

    def run() -> None:
        from inspextract.export import export

        summary = export(inputs, sqlite=sqlite, csv=csv, excel=excel)
        where = [str(p) for p in (sqlite, csv) if p is not None]
        counts = ", ".join(f"{n} {change}" for change, n in sorted(summary.documents.items())) or "none"
        failures = sum(summary.errors.values())
        sys.stderr.write(
            f"inspextract export: {sum(summary.documents.values())} documents ({counts}) and "
            f"{failures} failures (errors table) -> {' and '.join(where)}\n"
        )

    guarded(run)


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
    return f"{Path(path).stem if path != '-' else 'stdin'}.review.html"


@app.command()
def schema() -> None:
    """Print the JSON Schema of the records `parse` emits."""

    def run() -> None:
        import json

        from inspextract.records import Report

        sys.stdout.write(json.dumps(Report.model_json_schema(), indent=2) + "\n")

    guarded(run)


def main() -> None:
    """Run the command line on sys.argv; ends, as click does, by raising SystemExit with the exit code."""
    app()


def console_main() -> NoReturn:
    """The `inspextract` command: `main`, then its output flushed before the exit."""
    try:
        main()
    except SystemExit as done:
        exit_flushed(done.code)
    exit_flushed(0)
