"""The SQLite writer: creates the tables of tables.py, refuses a database of another layout, and puts each
document in (or replaces it) inside the caller's transaction."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

from inspextract.errors import InputNotFound, UnsupportedFormat
from inspextract.export.inputs import ErrorItem, Item, RecordItem
from inspextract.export.sql import (
    FULL_TEXT_TABLES,
    create_table_sql,
    full_text_rows_sql,
    index_sql,
    insert_sql,
)
from inspextract.export.tables import (
    APPLICATION_ID,
    CHILD_TABLES,
    DOCUMENTS,
    LAYOUT_VERSION,
    TABLES,
    Row,
    document_row,
)

# Documents whose child rows are gathered before one executemany per table: a statement per document and
# table cost 0.6 s of CPU in an export of 10,000 records.
DOCUMENTS_PER_INSERT = 200
# Seconds to wait for another writer (a batch --sqlite running beside an export) to finish its transaction.
BUSY_TIMEOUT_S = 30.0


class DatabaseRefused(UnsupportedFormat):
    """The --sqlite file is not a database this inspextract writes (another layout, another program)."""


class Change(StrEnum):
    new = "new"
    replaced = "replaced"
    unchanged = "unchanged"


def open_database(path: Path) -> Database:
    """The export database at `path`, created if new; one of another layout or program is refused."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    except (OSError, sqlite3.Error) as err:
        raise InputNotFound(f"{path}: cannot be opened ({err})") from None
    return Database(path, connection)


class Database:
    """An export database, open for writing: `with db.transaction(): db.add(item)`."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path, self.connection = path, connection
        self.inserts = {table.name: insert_sql(table) for table in TABLES}
        self.waiting: dict[str, list[Row]] = {table.name: [] for table in CHILD_TABLES}
        self.waiting_documents = 0
        self.unindexed: set[int] = set()  # documents whose rows are not yet in the full-text indexes
        try:
            self.connection.execute("PRAGMA foreign_keys = ON")
            self.has_tables = self.check_layout()
        except sqlite3.DatabaseError as err:
            self.connection.close()
            raise DatabaseRefused(f"{path}: not an SQLite database ({err})") from None
        except BaseException:
            self.connection.close()
            raise

    def check_layout(self) -> bool:
        """Whether the tables exist; a database of another program or of another layout is refused."""
        application = self.scalar("PRAGMA application_id")
        layout = self.scalar("PRAGMA user_version")
        if application == 0 and self.scalar("SELECT count(*) FROM sqlite_master") == 0:
            return False  # a new, empty database
        if application != APPLICATION_ID:
            raise DatabaseRefused(
                f"{self.path}: a database inspextract export did not write; export to a new file"
            )
        if layout != LAYOUT_VERSION:
            raise DatabaseRefused(
                f"{self.path}: written with table layout {layout}, and this inspextract writes layout "
                f"{LAYOUT_VERSION}; export to a new file (or re-export everything into one)"
            )
        return True

    def scalar(self, sql: str, parameters: tuple[object, ...] = ()) -> object:
        row = self.connection.execute(sql, parameters).fetchone()
        return None if row is None else row[0]

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: committed when the block ends, rolled back if it raises (Ctrl-C included)."""
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:  # another writer held it past BUSY_TIMEOUT_S
            raise InputNotFound(f"{self.path}: cannot be written now ({err})") from None
        self.unindexed.clear()
        try:
            if not self.has_tables:
                self.create_tables()
            yield
            self.complete()
        except BaseException:
            self.connection.execute("ROLLBACK")
            self.waiting_documents = 0
            for rows in self.waiting.values():
                rows.clear()
            self.has_tables = self.check_layout()
            raise
        self.connection.execute("COMMIT")

    def complete(self) -> None:
        """Bring the tables up to date with what was added (the transaction does it before committing;
        call it to read them inside the transaction)."""
        self.insert_waiting()
        for table in TABLES:
            for statement in index_sql(table):
                self.connection.execute(statement)
        self.index_full_text()

    def index_full_text(self) -> None:
        """Add the rows of the documents this transaction put in to the full-text indexes, in one go."""
        self.connection.execute("CREATE TEMP TABLE IF NOT EXISTS touched (id INTEGER PRIMARY KEY)")
        self.connection.execute("DELETE FROM temp.touched")
        self.connection.executemany("INSERT INTO temp.touched VALUES (?)", ((i,) for i in self.unindexed))
        for table in FULL_TEXT_TABLES:
            self.connection.execute(full_text_rows_sql(table, delete=False))
        self.unindexed.clear()

    def create_tables(self) -> None:
        for table in TABLES:
            for statement in create_table_sql(table):
                self.connection.execute(statement)
        self.connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        self.connection.execute(f"PRAGMA user_version = {LAYOUT_VERSION}")
        self.has_tables = True

    def add(self, item: Item) -> Change:
        return self.add_error(item) if isinstance(item, ErrorItem) else self.add_record(item)

    def add_record(self, item: RecordItem) -> Change:
        """Put a record in; a record of the same sha256 and path is replaced (keeping its id) unless equal."""
        report = item.report
        key = (report.source.sha256, report.source.path)
        found = self.connection.execute(
            "SELECT id, record FROM documents WHERE sha256 = ? AND path = ?", key
        ).fetchone()
        if found is not None and found[1] == item.json:
            return Change.unchanged
        # A record supersedes an earlier failure of the same input (a retried timeout, say).
        self.connection.execute("DELETE FROM errors WHERE path = ? AND sha256 IS ?", key[::-1])
        if found is not None:  # its rows in every child table go with it (ON DELETE CASCADE)
            self.insert_waiting()  # ... once they are all in
            if found[0] not in self.unindexed:  # indexed by an earlier transaction: unindex its rows
                for table in FULL_TEXT_TABLES:
                    self.connection.execute(full_text_rows_sql(table, delete=True), (found[0],))
            self.connection.execute("DELETE FROM documents WHERE id = ?", (found[0],))
        row = (None if found is None else found[0], *document_row(report), item.json)
        document = self.connection.execute(self.inserts[DOCUMENTS.name], row).lastrowid
        assert document is not None  # an INSERT always gives a rowid
        for table in CHILD_TABLES:
            assert table.rows is not None  # every child table has its rows function
            self.waiting[table.name].extend(table.rows(report, document))
        self.unindexed.add(document)
        self.waiting_documents += 1
        if self.waiting_documents >= DOCUMENTS_PER_INSERT:
            self.insert_waiting()
        return Change.new if found is None else Change.replaced

    def insert_waiting(self) -> None:
        """Insert the child rows gathered so far."""
        for name, rows in self.waiting.items():
            if rows:
                self.connection.executemany(self.inserts[name], rows)
                rows.clear()
        self.waiting_documents = 0

    def add_error(self, item: ErrorItem) -> Change:
        """Put a failure in, replacing an earlier one of the same path and sha256."""
        key = (item.path, item.sha256)
        old = self.connection.execute(
            "SELECT kind, message FROM errors WHERE path = ? AND sha256 IS ?", key
        ).fetchone()
        if old == (item.kind, item.message):
            return Change.unchanged
        self.connection.execute("DELETE FROM errors WHERE path = ? AND sha256 IS ?", key)
        self.connection.execute(self.inserts["errors"], (*key, item.kind, item.message))
        return Change.new if old is None else Change.replaced

    def close(self) -> None:
        self.connection.close()
