"""The `inspextract` command: a thin layer over the library (all logic lives below it)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Annotated, NoReturn, TypeVar

import typer

from inspextract import __version__, regex_cache
from inspextract.errors import ExitCode, InspextractError
from inspextract.pdf_engines import DEFAULT_PDF_ENGINE, PDF_ENGINES

EXIT_CODES_HELP = (
    "Exit codes: 0 success; 1 batch: some documents failed; 2 usage error; 3 file not found or unreadable; "
    "4 unsupported format; 5 damaged file; 6 password-protected PDF; 7 no extractable text; "
    "8 over a size or page limit; 9 over the time limit; 10 spaCy model missing; 70 internal error; "
    "141 output closed early by its reader."
)

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

T = TypeVar("T")
state = {"debug": False}


def fail(message: str, code: int) -> NoReturn:
    """Print a one-line error on stderr and exit with `code`."""
    sys.stderr.write(f"inspextract: error: {message}\n")
    raise typer.Exit(code)


def guarded(action: Callable[[], T]) -> T:
    """The one error boundary: known errors become one line and their exit code; bugs become code 70."""
    try:
        return action()
    except InspextractError as err:
        if state["debug"]:
            raise
        fail(str(err) or err.kind, err.exit_code)
    except KeyboardInterrupt:
        fail("interrupted", 130)
    except BrokenPipeError:
        # The reader of stdout has gone (head, a closed jq): stop quietly, as shell tools do on SIGPIPE;
        # stdout goes to /dev/null so the interpreter's final flush cannot fail again.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(ExitCode.BROKEN_PIPE) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as err:  # a bug: still one line unless --debug
        if state["debug"]:
            raise
        fail(
            f"internal error ({type(err).__name__}: {err}); rerun with --debug for details", ExitCode.INTERNAL
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

DEFAULT_TIMEOUT_S = 120.0


def make_limits(timeout: float, max_bytes: int | None, max_pages: int | None):  # type: ignore[no-untyped-def]
    from inspextract.limits import DEFAULT_LIMITS, Limits

    return Limits(
        max_bytes=max_bytes or DEFAULT_LIMITS.max_bytes,
        max_pages=max_pages or DEFAULT_LIMITS.max_pages,
        timeout_s=timeout or None,
    )


def open_input(path: str) -> str | bytes:
    """A path as given, or stdin's bytes for "-"."""
    return sys.stdin.buffer.read() if path == "-" else path


def check_engine(engine: str) -> None:
    if engine not in PDF_ENGINES:
        raise typer.BadParameter(f"choose {' or '.join(PDF_ENGINES)}", param_hint="--pdf-engine")


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
) -> None:
    """Extract one document's record and print it as JSON.

    Exit codes: 0 success; 3 not found; 4 unsupported; 5 damaged; 6 encrypted; 7 no text; 8 too large;
    9 timeout; 10 model missing; 70 internal error; 141 output closed early by its reader.
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
    force: Annotated[bool, typer.Option("--force", help="Redo documents already recorded.")] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first failure.")] = False,
) -> None:
    """Convert many documents: OUTDIR/<relative path>.json per document, failures in OUTDIR/errors.jsonl.

    Records are named after the input's path relative to the PATH it was found under, suffix replaced by
    .json; when two inputs share a stem, the later in sorted order keeps its full name (a.pdf -> a.json,
    a.txt -> a.txt.json). Re-runs skip documents whose record matches the input's sha256, path and the
    extractor version, and retry failed ones; --force redoes all.

    Exit codes: 0 all documents succeeded; 1 some documents failed (see errors.jsonl); 2 usage error;
    141 the reader of --jsonl - closed it early.
    """
    check_engine(pdf_engine)
    if outdir is None and jsonl is None:
        raise typer.BadParameter("give -o OUTDIR, --jsonl FILE, or both", param_hint="-o/--jsonl")

    def run() -> int:
        import signal

        from inspextract.batch import BatchOptions, run_batch
        from inspextract.batch_progress import make_progress
        from inspextract.batch_workers import default_jobs

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
                force=force,
                fail_fast=fail_fast,
                progress=make_progress(sys.stderr),
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
    import json

    from inspextract.records import Report

    typer.echo(json.dumps(Report.model_json_schema(), indent=2))


def main() -> None:
    """Run the command line on sys.argv; ends, as click does, by raising SystemExit with the exit code."""
    app()


def console_main() -> NoReturn:
    """The `inspextract` command: `main`, then the process ends as soon as its output is flushed.

    Skipping the interpreter's teardown, which frees every module and the loaded spaCy model object by
    object, saves 20-50 ms at the end of every command (a serial tail in batch runs too). Nothing a command
    leaves needs it: records are written and closed, workers have exited, temporary folders are removed.
    The compiled regular expressions are kept for the next run (regex_cache.py).
    """
    regex_cache.install()  # before any extractor module compiles its patterns
    code = 0
    try:
        main()
    except SystemExit as done:
        code = exit_status(done.code)
    regex_cache.save()
    os._exit(flushed(code))


def exit_status(code: object) -> int:
    """The status Python gives a SystemExit carrying `code` (a message is printed, and is status 1)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")
    return 1


def flushed(code: int) -> int:
    """Flush stdout and stderr; a reader of stdout gone before the end turns success into 141."""
    try:
        sys.stdout.flush()
    except OSError:  # BrokenPipeError: the record never fully reached its reader
        code = code or ExitCode.BROKEN_PIPE
    with contextlib.suppress(OSError):
        sys.stderr.flush()
    return int(code)
