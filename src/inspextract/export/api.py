"""`export`: records and errors in, a SQLite database and/or CSV files out, all or nothing."""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from inspextract.export.csv_files import write_csv
from inspextract.export.database import Change, Database, open_database
from inspextract.export.inputs import ErrorItem, read_inputs


@dataclass
class ExportSummary:
    """What an export changed: documents and errors counted by Change, and the CSV files written."""

    documents: Counter[Change] = field(default_factory=Counter)
    errors: Counter[Change] = field(default_factory=Counter)
    csv_files: list[Path] = field(default_factory=list)


def export(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    sqlite: Path | None = None,
    csv: Path | None = None,
    excel: bool = False,
    stdin: IO[bytes] | None = None,
) -> ExportSummary:
    """Export records and errors (batch folders, record files, JSONL; "-" reads `stdin`) into the SQLite
    database `sqlite` and/or CSV files in the folder `csv`.

    One transaction: a bad input anywhere leaves the database and the CSV folder as they were. A document
    already in the database (same source.sha256 and source.path) is replaced, or left alone if its record
    is the same. CSV files hold what the database holds once the export is in.
    """
    if sqlite is None and csv is None:
        raise ValueError("export needs a SQLite file, a CSV folder, or both")
    with tempfile.TemporaryDirectory(prefix="inspextract-export-") as scratch:
        target = sqlite if sqlite is not None else Path(scratch, "export.db")
        is_new = not target.exists()
        try:
            database = open_database(target)
            try:
                return fill(database, inputs, stdin, csv, excel)
            finally:
                database.close()
        except BaseException:
            if is_new:  # nothing was there before: nothing stays
                for leftover in (target, target.with_name(target.name + "-journal")):
                    leftover.unlink(missing_ok=True)
            raise


def fill(
    database: Database,
    inputs: Sequence[str | os.PathLike[str]],
    stdin: IO[bytes] | None,
    csv: Path | None,
    excel: bool,
) -> ExportSummary:
    summary = ExportSummary()
    with database.transaction():
        for item in read_inputs(inputs, stdin):
            counts = summary.errors if isinstance(item, ErrorItem) else summary.documents
            counts[database.add(item)] += 1
        if csv is not None:  # inside the transaction: a failed CSV write leaves the database as it was
            database.complete()
            summary.csv_files = write_csv(database.connection, csv, excel=excel)
    return summary
