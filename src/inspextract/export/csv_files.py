"""The CSV writer: one file per table (UTF-8, a header row, RFC 4180 quoting), all written in a temporary
folder first and then moved into place, so a failure never leaves half a file."""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from inspextract.errors import InputNotFound
from inspextract.export.sql import column_list, quoted
from inspextract.export.tables import TABLES, Table

# Rows fetched from SQLite at a time: a bounded memory whatever the table's size.
FETCH_ROWS = 5000


def write_csv(connection: sqlite3.Connection, folder: Path, *, excel: bool = False) -> list[Path]:
    """Write every table of the database to FOLDER/<table>.csv; `excel` starts each with the BOM Excel
    needs to read UTF-8."""
    if folder.exists() and not folder.is_dir():
        raise InputNotFound(f"{folder}: not a folder, so no CSV files can go in it")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    try:
        for table in TABLES:
            write_table(connection, table, staging / f"{table.name}.csv", excel=excel)
        return publish(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_table(connection: sqlite3.Connection, table: Table, path: Path, *, excel: bool) -> None:
    names = tuple(column.name for column in table.columns if column.in_csv)
    cursor = connection.execute(
        f"SELECT {column_list(names)} FROM {quoted(table.name)} ORDER BY {column_list(table.key)}"
    )
    with path.open("w", encoding="utf-8-sig" if excel else "utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")  # RFC 4180: CRLF, quotes only where needed
        writer.writerow(names)
        while rows := cursor.fetchmany(FETCH_ROWS):
            writer.writerows(rows)  # NULL is written as an empty field
        handle.flush()
        os.fsync(handle.fileno())


def publish(staging: Path, folder: Path) -> list[Path]:
    """Move the finished files into FOLDER: the whole folder at once when it is new, else file by file
    (each `os.replace` is atomic, and other files in FOLDER are left alone)."""
    names = sorted(path.name for path in staging.iterdir())
    if not folder.exists():
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)  # mkdtemp made it private; the folder gets a new folder's mode
        staging.rename(folder)
    else:
        for name in names:
            os.replace(staging / name, folder / name)
    return [folder / name for name in names]
