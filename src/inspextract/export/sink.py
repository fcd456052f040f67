"""`batch --sqlite`: records and failures put into the database as the batch writes them."""

from __future__ import annotations

from pathlib import Path

from inspextract.export.database import open_database
from inspextract.export.inputs import error_item, parse_item


class DatabaseSink:
    """Each record or failure is committed on its own, as it arrives: an interrupted batch keeps in the
    database what it kept in its folder, and a re-run (which passes skipped records on too) completes it.
    One transaction for the whole batch would lose everything on Ctrl-C and hold the database's write lock
    for the whole run, keeping readers (Datasette, an analyst's query) waiting or out of date."""

    def __init__(self, path: Path) -> None:
        self.database = open_database(path)  # a refused database stops the batch before any conversion

    def add_record(self, record_json: str) -> None:
        item = parse_item(record_json, "a record of this batch")
        with self.database.transaction():
            self.database.add(item)

    def add_error(self, error: dict[str, object]) -> None:
        item = error_item(error, "a failure of this batch")
        with self.database.transaction():
            self.database.add_error(item)

    def close(self) -> None:
        self.database.close()
