"""Where a batch's outcomes go: records to OUTDIR as they finish; the JSONL stream and errors.jsonl in
input order, one whole line per write."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, TYPE_CHECKING

from inspextract.batch.listing import Found, sha256_of
from inspextract.batch.worker import Outcome
from inspextract.batch_folder import ERRORS_FILE, review_page_of
from inspextract.output import write_atomic

if TYPE_CHECKING:
    from inspextract.export.sink import DatabaseSink


def write_line(stream: IO[bytes], line: str) -> None:
    """One whole line per write, flushed at once (an unbuffered file gets it in one system call)."""
    stream.write((line + "\n").encode("utf-8"))
    stream.flush()


class Emitter:
    """Writes outcomes: records to OUTDIR as they finish; JSONL and errors.jsonl in input order."""

    def __init__(
        self, docs: list[Found], outdir: Path | None, jsonl: IO[bytes] | None, sqlite: Path | None = None
    ) -> None:
        self.docs, self.outdir, self.jsonl = docs, outdir, jsonl
        self.database: DatabaseSink | None = None
        if sqlite is not None:  # before anything is removed or converted: a refused database stops the batch
            from inspextract.export.sink import DatabaseSink

            self.database = DatabaseSink(sqlite)
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
                if outcome.review_html is not None:
                    write_atomic(self.outdir / review_page_of(doc.output), outcome.review_html)
        else:
            error = {
                "path": str(doc.path),
                "sha256": sha256_of(doc.path),
                "kind": outcome.kind,
                "message": outcome.message,
            }
            if self.outdir:  # a stale record of an earlier version of this input must not survive
                (self.outdir / doc.output).unlink(missing_ok=True)
                (self.outdir / review_page_of(doc.output)).unlink(missing_ok=True)
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
            if self.database:
                self.database.add_error(error)
        elif record_json is not None:
            if self.jsonl:
                write_line(self.jsonl, record_json)
            if self.database:
                self.database.add_record(record_json)

    def drain(self) -> None:
        """Emit what finished after a gap (documents left unrun by --fail-fast), still in input order."""
        for index in sorted(self.pending):
            self.emit(*self.pending.pop(index))
        if self.database:
            self.database.close()


def append_line(path: Path, line: str) -> None:
    """Append one whole line with a single O_APPEND write: a kill never leaves half a line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)  # the umask decides, as for records
    try:
        os.write(fd, (line + "\n").encode("utf-8"))
    finally:
        os.close(fd)


def remove_stale_temps(outdir: Path) -> None:
    """Delete temporary files a killed run left behind (output.write_atomic names them .NAME.*.tmp)."""
    for folder, _, files in os.walk(outdir):
        for name in files:
            if name.startswith(".") and name.endswith(".tmp") and (".json" in name or ".html" in name):
                Path(folder, name).unlink(missing_ok=True)
