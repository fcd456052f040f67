"""The tables described for people: `inspextract export --describe` and the README's table, both made
from tables.py."""

from __future__ import annotations

from inspextract.export.tables import TABLES, Table


def describe() -> str:
    """Every table with its columns, their types and meanings, keys, indexes and full-text indexes."""
    lines: list[str] = []
    for table in TABLES:
        lines.append(f"{table.name}: one row per {table.one_row_per}")
        width = max(len(column.name) for column in table.columns)
        for column in table.columns:
            lines.append(f"  {column.name.ljust(width)}  {column.type.ljust(7)}  {column.meaning}")
        lines.append(
            f"  key: {', '.join(table.key)}"
            + (" (also unique: sha256, path)" if table.name == "documents" else "")
        )
        if table.indexes:
            lines.append(f"  indexed: {', '.join(table.indexes)}")
        if table.full_text:
            lines.append(f"  full-text index: {table.name}_fts ({', '.join(table.full_text)})")
        lines.append("")
    return "\n".join(lines)


def markdown_table() -> str:
    """The README's table of tables: name, what a row is, columns (the key in bold), indexes."""
    rows = ["| table | one row per | columns (key in bold) | indexed |", "|---|---|---|---|"]
    rows.extend(
        f"| `{table.name}` | {table.one_row_per} | {columns_cell(table)} | {indexes_cell(table)} |"
        for table in TABLES
    )
    return "\n".join(rows)


def indexes_cell(table: Table) -> str:
    cell = ", ".join(table.indexes)
    if table.full_text:
        cell += f"; full text: `{table.name}_fts` ({', '.join(table.full_text)})"
    return cell


def columns_cell(table: Table) -> str:
    return ", ".join(
        f"**{column.name}**" if column.name in table.key else column.name for column in table.columns
    )
