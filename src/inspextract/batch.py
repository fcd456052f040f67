"""Batch conversion: folders and files in, one record (or error record) per document out.

Layout of OUTDIR: each document's record at its path relative to the PATH argument it was found under,
with the suffix replaced by ".json" (docs/sub/a.pdf -> OUTDIR/sub/a.json); when a later input would
take an output name already taken (a.pdf and a.txt side by side), it keeps its full name: a.txt.json
(then a.txt.2.json, ...). Failures go to OUTDIR/errors.jsonl, one JSON object per line, in input order.

Re-runs skip a document when its record already exists with the same source.sha256, extractor_version
and path: the records themselves are read back (they are small), rather than a manifest that would have
to be rewritten after every document to survive a SIGKILL and could disagree with the records.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from inspextract import __version__
from inspextract.batch_prepare import Preparer, Task
from inspextract.batch_workers import Outcome, WorkerPool, default_jobs
from inspextract.errors import ExitCode, InputNotFound
from inspextract.limits import DEFAULT_LIMITS, Limits
from inspextract.output import write_atomic
from inspextract.pdf_engines import DEFAULT_PDF_ENGINE
from inspextract.warm import formats_of, warm_up

SUPPORTED_SUFFIXES = frozenset({".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".docx"})
ERRORS_FILE = "errors.jsonl"
# "fork" after the parent has loaded the NLP pipeline: workers (and replacements for killed ones) start
# warm in milliseconds instead of each loading spaCy. The parent stays single-threaded while it forks (the
# progress display refreshes from the main loop, not a thread). From Python 3.12 forking a process that
# has any threads (numpy's BLAS pool counts) is deprecated, so there "forkserver" is used: its server
# preloads the model once (batch_warm.py) and workers fork from it just as warm.
DEFAULT_START_METHOD = "fork" if sys.version_info < (3, 12) and hasattr(os, "fork") else "forkserver"


@dataclass(frozen=True)
class Found:
    """A document found on disk: its path as found and its output name relative to OUTDIR."""

    path: Path
    output: Path


class BatchProgress(Protocol):
    """What the batch tells its display (see batch_progress.py)."""

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
    force: bool = False
    fail_fast: bool = False
    start_method: str = DEFAULT_START_METHOD
    progress: BatchProgress | None = None


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


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def walk_folder(root: Path) -> list[Path]:
    """Supported, non-hidden files under `root` (hidden folders pruned), as sorted relative paths."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not is_hidden(d)]
        for name in files:
            path = Path(folder, name)
            if not is_hidden(name) and path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file():
                found.append(path.relative_to(root))
    return sorted(found, key=lambda rel: rel.parts)


def find_documents(inputs: Sequence[str | os.PathLike[str]]) -> list[Found]:
    """Expand PATH arguments in the order given; each folder in a sorted walk; duplicates dropped."""
    seen: set[str] = set()
    taken: set[Path] = set()
    found: list[Found] = []
    for arg in inputs:
        root = Path(arg)
        if root.is_dir():
            pairs = [(root / rel, rel) for rel in walk_folder(root)]
        elif root.exists():  # a file named explicitly is read whatever its suffix: the bytes decide
            pairs = [(root, Path(root.name))]
        else:
            raise InputNotFound(f"no such file or folder: {arg}")
        for path, rel in pairs:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                found.append(Found(path, output_name(rel, taken)))
    return found


def output_name(rel: Path, taken: set[Path]) -> Path:
    """The first free name among a.json, a.txt.json, a.txt.2.json, ... (and mark it taken)."""
    candidates = [rel.with_suffix(".json"), rel.with_name(rel.name + ".json")]
    number = 2
    while candidates[-1] in taken:
        candidates.append(rel.with_name(f"{rel.name}.{number}.json"))
        number += 1
    name = next(c for c in candidates if c not in taken)
    taken.add(name)
    return name


def sha256_of(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def existing_record(doc: Found, outdir: Path) -> str | None:
    """The record already in OUTDIR for this exact input and extractor version, if any."""
    target = outdir / doc.output
    try:
        text = target.read_text(encoding="utf-8")
        source = json.loads(text)["source"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    same = (
        source.get("extractor_version") == __version__
        and source.get("path") == str(doc.path)
        and source.get("sha256") == sha256_of(doc.path)
    )
    return text.strip() if same else None


def write_line(stream: IO[bytes], line: str) -> None:
    """One whole line per write, flushed at once (an unbuffered file gets it in one system call)."""
    stream.write((line + "\n").encode("utf-8"))
    stream.flush()


class Emitter:
    """Writes outcomes: records to OUTDIR as they finish; JSONL and errors.jsonl in input order."""

    def __init__(self, docs: list[Found], options: BatchOptions) -> None:
        self.docs, self.outdir, self.jsonl = docs, options.outdir, options.jsonl
        self.pending: dict[int, tuple[str | None, dict[str, object] | None]] = {}
        self.next_index = 0
        self.errors_path = self.outdir / ERRORS_FILE if self.outdir else None
        if self.errors_path:  # this run's failures only: earlier ones are retried now
            self.errors_path.unlink(missing_ok=True)

    def finished(self, outcome: Outcome) -> None:
        doc = self.docs[outcome.index]
        error: dict[str, object] | None = None
        if outcome.record_json is not None:
            if self.outdir:
                write_atomic(self.outdir / doc.output, outcome.record_json + "\n")
        else:
            error = {
                "path": str(doc.path),
                "sha256": sha256_of(doc.path),
                "kind": outcome.kind,
                "message": outcome.message,
            }
            if self.outdir:  # a stale record of an earlier version of this input must not survive
                (self.outdir / doc.output).unlink(missing_ok=True)
        self.queue(outcome.index, outcome.record_json, error)

    def queue(self, index: int, record_json: str | None, error: dict[str, object] | None) -> None:
        self.pending[index] = (record_json, error)
        while self.next_index in self.pending:
            self.emit(*self.pending.pop(self.next_index))
            self.next_index += 1

    def emit(self, record_json: str | None, error: dict[str, object] | None) -> None:
        if error is not None:
            line = json.dumps(error, ensure_ascii=False, separators=(",", ":"))
            if self.errors_path:
                append_line(self.errors_path, line)
            if self.jsonl:
                write_line(
                    self.jsonl, json.dumps({"error": error}, ensure_ascii=False, separators=(",", ":"))
                )
        elif self.jsonl and record_json is not None:
            write_line(self.jsonl, record_json)

    def drain(self) -> None:
        """Emit what finished after a gap (documents left unrun by --fail-fast), still in input order."""
        for index in sorted(self.pending):
            self.emit(*self.pending.pop(index))


def append_line(path: Path, line: str) -> None:
    """Append one whole line with a single O_APPEND write: a kill never leaves half a line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, (line + "\n").encode("utf-8"))
    finally:
        os.close(fd)


def remove_stale_temps(outdir: Path) -> None:
    """Delete temporary files a killed run left behind (output.write_atomic names them .NAME.*.tmp)."""
    for folder, _, files in os.walk(outdir):
        for name in files:
            if name.startswith(".") and name.endswith(".tmp") and ".json" in name:
                Path(folder, name).unlink(missing_ok=True)


def pages_of(record_json: str) -> int:
    pages = json.loads(record_json)["source"].get("pages")
    return pages if isinstance(pages, int) else 0


def run_batch(inputs: Sequence[str | os.PathLike[str]], options: BatchOptions) -> BatchSummary:
    """Convert every document under `inputs`; a bad document becomes an error record, never a stop."""
    clock = time.monotonic()
    docs = find_documents(inputs)
    summary = BatchSummary(documents=len(docs))
    if options.outdir:
        options.outdir.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(options.outdir)
    emitter = Emitter(docs, options)
    tasks: list[Task] = []
    for index, doc in enumerate(docs):
        record = None if options.force or not options.outdir else existing_record(doc, options.outdir)
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
    convert_all(tasks, options, lambda outcome: record_outcome(outcome, docs, emitter, summary, progress))
    emitter.drain()
    summary.not_run = summary.documents - summary.succeeded - summary.failed - summary.skipped
    summary.seconds = time.monotonic() - clock
    if progress:
        progress.finish(summary)
    return summary


def record_outcome(
    outcome: Outcome,
    docs: list[Found],
    emitter: Emitter,
    summary: BatchSummary,
    progress: BatchProgress | None,
) -> bool:
    """Write and count one outcome; False means stop (--fail-fast is decided by the caller)."""
    emitter.finished(outcome)
    if outcome.ok:
        summary.succeeded += 1
        summary.pages += outcome.pages or 0
    else:
        summary.failed += 1
    if progress:
        progress.advance(str(docs[outcome.index].path), outcome)
    return outcome.ok


def convert_all(tasks: list[Task], options: BatchOptions, on_outcome: Callable[[Outcome], bool]) -> None:
    """Run the tasks on the worker pool, passing each outcome on as it finishes."""
    if not tasks:
        return
    jobs = min(max(1, options.jobs), len(tasks))
    with contextlib.ExitStack() as stack:
        # With a second core, prepare the first documents on it while the model loads (batch_prepare.py).
        preparer = Preparer.start(tasks, options.limits, options.pdf_engine) if jobs > 1 else None
        if preparer:
            stack.enter_context(preparer)
        if options.start_method == "fork":
            # Once here, inherited by every worker (and every replacement) through fork.
            warm_up(formats_of(path for _, path in tasks), options.pdf_engine)
        pool = WorkerPool(
            jobs, options.limits, options.pdf_engine, options.start_method, options.all_entities, preparer
        )
        stack.enter_context(pool)
        tick = options.progress.tick if options.progress else None
        for outcome in pool.imap_unordered(tasks, tick):
            if not on_outcome(outcome) and options.fail_fast:
                break
