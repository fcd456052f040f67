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
from inspextract.export.tables import (
    APPLICATION_ID,
    CHILD_TABLES,
    DOCUMENTS,
    LAYOUT_VERSION,
    TABLES,
    Table,
    document_row,
)

# Seconds to wait for another writer (a batch --sqlite running beside an export) to finish its transaction.
BUSY_TIMEOUT_S = 30.0


class DatabaseRefused(UnsupportedFormat):
    """The --sqlite file is not a database this inspextract writes (another layout, another program)."""


class Change(StrEnum):
    new = "new"
    replaced = "replaced"
    unchanged = "unchanged"


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def column_list(names: tuple[str, ...]) -> str:
    return ", ".join(quoted(name) for name in names)


def create_table_sql(table: Table) -> list[str]:
    """CREATE statements of a table, its indexes, and its full-text index with the triggers that keep it."""
    columns = []
    for column in table.columns:
        definition = f"{quoted(column.name)} {column.type}"
        if column.name == "id" and table.key == ("id",):
            definition += " PRIMARY KEY"
        elif column.name == "document":
            definition += f" NOT NULL REFERENCES {quoted(DOCUMENTS.name)}(id) ON DELETE CASCADE"
        columns.append(definition)
    if table.key != ("id",):
        columns.append(f"PRIMARY KEY ({column_list(table.key)})")
    if table is DOCUMENTS:
        columns.append('UNIQUE ("sha256", "path")')
    name = quoted(table.name)
    statements = [f"CREATE TABLE {name} (\n  " + ",\n  ".join(columns) + "\n)"]
    for column in table.indexes:
        index = quoted(f"idx_{table.name}_{column}")
        statements.append(f"CREATE INDEX {index} ON {name} ({quoted(column)})")
    if table.full_text:
        statements.extend(full_text_sql(table))
    return statements


def full_text_sql(table: Table) -> list[str]:
    """An external-content FTS5 table <name>_fts, as sqlite-utils' enable_fts makes it (Datasette finds it
    and offers search). The writer keeps it in step itself: triggers, one FTS statement per row, made an
    export of 10,000 records three times slower than indexing each transaction's new rows in one go."""
    return [f"CREATE VIRTUAL TABLE {quoted(table.name + '_fts')} USING fts5({column_list(table.full_text)}, content=[{table.name}])"]


def full_text_rows_sql(table: Table, *, delete: bool) -> str:
    """Adds to <name>_fts the rows of the documents in temp.touched, or (`delete`) removes from it the rows
    of one document (an external-content index needs the old values to remove them)."""
    fts, columns = quoted(table.name + "_fts"), column_list(table.full_text)
    values = ", ".join(f"rows.{quoted(c)}" for c in table.full_text)
    if delete:
        into, what, where = f"{fts} ({fts}, rowid, {columns})", "'delete', ", "= ?"
    else:
        into, what, where = f"{fts} (rowid, {columns})", "", "IN (SELECT id FROM temp.touched)"
    return f"INSERT INTO {into} SELECT {what}rows.rowid, {values} FROM {quoted(table.name)} AS rows WHERE rows.document {where}"


FULL_TEXT_TABLES = tuple(table for table in TABLES if table.full_text)


def insert_sql(table: Table) -> str:
    marks = ", ".join("?" for _ in table.columns)
    return f"INSERT INTO {quoted(table.name)} ({column_list(table.column_names)}) VALUES ({marks})"


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
            raise DatabaseRefused(f"{self.path}: a database inspextract export did not write; export to a new file")
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
        self.connection.execute("BEGIN IMMEDIATE")
        self.unindexed: set[int] = set()  # documents whose rows are not yet in the full-text indexes
        try:
            if not self.has_tables:
                self.create_tables()
            yield
            self.index_full_text()
        except BaseException:
            self.connection.execute("ROLLBACK")
            self.has_tables = self.check_layout()
            raise
        self.connection.execute("COMMIT")

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
            if found[0] not in self.unindexed:  # indexed by an earlier transaction: unindex its rows
                for table in FULL_TEXT_TABLES:
                    self.connection.execute(full_text_rows_sql(table, delete=True), (found[0],))
            self.connection.execute("DELETE FROM documents WHERE id = ?", (found[0],))
        row = (None if found is None else found[0], *document_row(report), item.json)
        document = self.connection.execute(self.inserts[DOCUMENTS.name], row).lastrowid
        for table in CHILD_TABLES:
            assert table.rows is not None  # every child table has its rows function
            self.connection.executemany(
                self.inserts[table.name], ((document, *row) for row in table.rows(report))
            )
        assert document is not None  # an INSERT always gives a rowid
        self.unindexed.add(document)
        return Change.new if found is None else Change.replaced

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

