"""A batch from start to end: list the documents, skip those already done, convert the rest on an
executor, write each outcome and count it."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from inspextract.batch.executor import choose_executor
from inspextract.batch.listing import Found, existing_record, find_documents, pages_of, size_of
from inspextract.batch.output import Emitter, remove_stale_temps
from inspextract.batch.pool import DEFAULT_START_METHOD, default_jobs
from inspextract.batch.worker import Converter, Outcome, Task
from inspextract.batch_folder import review_page_of
from inspextract.errors import ExitCode
from inspextract.limits import DEFAULT_LIMITS, Limits
from inspextract.pdf_engines import DEFAULT_PDF_ENGINE


class BatchProgress(Protocol):
    """What the batch tells its display (see batch/progress.py)."""

    def start(self, total: int, skipped: int) -> None: ...
    def advance(self, path: str, outcome: Outcome) -> None: ...
    def tick(self) -> None: ...
    def finish(self, summary: BatchSummary) -> None: ...


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch; `outdir` and/or `jsonl` say where records go."""

    outdir: Path | None = None
    jsonl: IO[bytes] | None = None
    jobs: int = field(default_factory=default_jobs)
    limits: Limits = DEFAULT_LIMITS
    pdf_engine: str = DEFAULT_PDF_ENGINE
    all_entities: bool = False
    boxes: bool = False  # evidence.boxes for PDFs (records already in OUTDIR are kept as made: see --force)
    force: bool = False
    fail_fast: bool = False
    start_method: str = DEFAULT_START_METHOD
    progress: BatchProgress | None = None
    # A Dask scheduler's address, or "local" for a LocalCluster of `jobs` processes (batch/cluster.py);
    # `send_bytes`: documents travel to its workers as bytes, not paths.
    dask: str | None = None
    send_bytes: bool = False
    sqlite: Path | None = None  # also put records and failures into this database (inspextract export)
    review: bool = False  # also OUTDIR/<name>.review.html per document and OUTDIR/index.html


@dataclass
class BatchSummary:
    """Counts for the final table; `exit_code` follows errors.ExitCode."""

    documents: int = 0
    pages: int = 0
    succeeded: int = 0
    failed: int = 0
    skipped: int = 0
    not_run: int = 0
    seconds: float = 0.0

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.PARTIAL_FAILURE if self.failed else ExitCode.OK


def run_batch(inputs: Sequence[str | os.PathLike[str]], options: BatchOptions) -> BatchSummary:
    """Convert every document under `inputs`; a bad document becomes an error record, never a stop."""
    clock = time.monotonic()
    docs = find_documents(inputs)
    summary = BatchSummary(documents=len(docs))
    if options.outdir:
        options.outdir.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(options.outdir)
    emitter = Emitter(docs, options.outdir, options.jsonl, options.sqlite)
    tasks: list[Task] = []
    for index, doc in enumerate(docs):
        record = None if options.force or not options.outdir else existing_record(doc, options.outdir)
        if record is not None and options.review and not has_review(doc, options.outdir):
            record = None  # recorded by a run without --review: convert again for its page
        if record is None:
            tasks.append((index, str(doc.path)))
        else:
            summary.skipped += 1
            summary.pages += pages_of(record)
            emitter.queue(index, record, None)
    # Largest first: the long documents then run while there is other work, instead of one worker
    # finishing a long one alone at the end (records are still written and streamed in input order).
    tasks.sort(key=lambda task: -size_of(docs[task[0]].path))
    progress = options.progress
    if progress:
        progress.start(len(docs), summary.skipped)
    if tasks:
        convert_all(tasks, options, docs, emitter, summary)
    emitter.drain()
    if options.review and options.outdir:
        from inspextract.review.index import write_index

        write_index(options.outdir)
    summary.not_run = summary.documents - summary.succeeded - summary.failed - summary.skipped
    summary.seconds = time.monotonic() - clock
    if progress:
        progress.finish(summary)
    return summary


def convert_all(
    tasks: list[Task], options: BatchOptions, docs: list[Found], emitter: Emitter, summary: BatchSummary
) -> None:
    """Run the tasks on the executor, writing and counting each outcome as it finishes."""
    convert = Converter(
        options.limits,
        options.pdf_engine,
        options.all_entities,
        boxes=options.boxes,
        review=options.review and options.outdir is not None,
    )
    jobs = min(max(1, options.jobs), len(tasks))
    progress = options.progress
    with choose_executor(jobs, convert, options.start_method, options.dask, options.send_bytes) as executor:
        for outcome in executor.imap_unordered(tasks, progress.tick if progress else None):
            emitter.finished(outcome)
            if outcome.ok:
                summary.succeeded += 1
                summary.pages += outcome.pages or 0
            else:
                summary.failed += 1
            if progress:
                progress.advance(str(docs[outcome.index].path), outcome)
            if not outcome.ok and options.fail_fast:
                break


def has_review(doc: Found, outdir: Path | None) -> bool:
    return outdir is not None and (outdir / review_page_of(doc.output)).is_file()
