"""The SQL of the export's tables, made from their definitions in tables.py: CREATE statements, indexes,
full-text indexes and INSERTs."""

from __future__ import annotations

from inspextract.export.tables import DOCUMENTS, TABLES, Table

# FTS5 keeps the terms of rows not yet written in memory and writes a segment when they pass this size
# (1 MB by default); at 64 MB an export of 10,000 records writes and merges far fewer segments, indexing
# its findings in 0.9 s of CPU instead of 1.3 s.
FULL_TEXT_BUFFER_BYTES = 64 * 1024 * 1024


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def column_list(names: tuple[str, ...]) -> str:
    return ", ".join(quoted(name) for name in names)


def create_table_sql(table: Table) -> list[str]:
    """CREATE statements of a table and its full-text index (its other indexes: index_sql)."""
    columns: list[str] = []
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
    if table.full_text:
        statements.extend(full_text_sql(table))
    return statements


def index_sql(table: Table) -> list[str]:
    """The indexes on the columns people filter by. A new database gets them after its first transaction's
    rows are in: one sort per index, instead of a B-tree insertion per row."""
    return [
        f"CREATE INDEX IF NOT EXISTS {quoted(f'idx_{table.name}_{column}')} "
        f"ON {quoted(table.name)} ({quoted(column)})"
        for column in table.indexes
    ]


def full_text_sql(table: Table) -> list[str]:
    """An external-content FTS5 table <name>_fts, as sqlite-utils' enable_fts makes it (Datasette finds it
    and offers search). The writer keeps it in step itself: triggers, one FTS statement per row, made an
    export of 10,000 records three times slower than indexing each transaction's new rows in one go."""
    fts, columns = quoted(table.name + "_fts"), column_list(table.full_text)
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({columns}, content=[{table.name}])",
        f"INSERT INTO {fts} ({fts}, rank) VALUES ('hashsize', {FULL_TEXT_BUFFER_BYTES})",
    ]


def full_text_rows_sql(table: Table, *, delete: bool) -> str:
    """Adds to <name>_fts the rows of the documents in temp.touched, or (`delete`) removes from it the rows
    of one document (an external-content index needs the old values to remove them)."""
    fts, columns = quoted(table.name + "_fts"), column_list(table.full_text)
    values = ", ".join(f"rows.{quoted(c)}" for c in table.full_text)
    if delete:
        into, what, where = f"{fts} ({fts}, rowid, {columns})", "'delete', ", "= ?"
    else:
        into, what, where = f"{fts} (rowid, {columns})", "", "IN (SELECT id FROM temp.touched)"
    source = f"{quoted(table.name)} AS rows WHERE rows.document {where}"
    return f"INSERT INTO {into} SELECT {what}rows.rowid, {values} FROM {source}"


def insert_sql(table: Table) -> str:
    marks = ", ".join("?" for _ in table.columns)
    return f"INSERT INTO {quoted(table.name)} ({column_list(table.column_names)}) VALUES ({marks})"


FULL_TEXT_TABLES = tuple(table for table in TABLES if table.full_text)
