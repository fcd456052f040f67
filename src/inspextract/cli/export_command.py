"""`inspextract export`: records into SQLite and CSV tables (inspextract.export)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from inspextract.cli.boundary import guarded
from inspextract.cli.typer_app import app


@app.command("export")
def export_command(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="INPUT",
            help="Batch output folders (records and errors.jsonl), record files (.json), JSONL files "
            "(batch --jsonl); - reads JSONL from stdin.",
            show_default=False,
        ),
    ] = None,
    sqlite: Annotated[
        Path | None, typer.Option("--sqlite", metavar="FILE", help="SQLite database to create or update.")
    ] = None,
    csv: Annotated[
        Path | None, typer.Option("--csv", metavar="DIR", help="Folder for one CSV file per table.")
    ] = None,
    excel: Annotated[
        bool,
        typer.Option("--excel", help="Start each CSV file with the byte-order mark Excel needs for UTF-8."),
    ] = False,
    describe: Annotated[bool, typer.Option("--describe", help="Print the tables and their columns.")] = False,
) -> None:
    """Turn records into tables for analysts: a SQLite database (with full-text search) and/or CSV files.

    One transaction: an input that is not a record leaves the database and the CSV folder as they were.
    A document already in the database (same source.sha256 and source.path) is replaced; an unchanged one
    is left alone, so exporting the same folder twice gives the same database. A database written with
    another table layout is refused. CSV files hold what the database holds.

    Exit codes: 0 success; 2 usage error; 3 an input cannot be read or the database written; 4 a record of
    a newer schema_version, or a database of another table layout or program; 5 a line or file that is not
    a record; 70 internal error; 130 interrupted (nothing changed).
    """
    if describe:
        from inspextract.export.describe import describe as describe_tables

        sys.stdout.write(describe_tables())
        return
    if not inputs:
        raise typer.BadParameter(
            "give at least one INPUT (a folder, a file, or - for stdin)", param_hint="INPUT"
        )
    if sqlite is None and csv is None:
        raise typer.BadParameter("give --sqlite FILE, --csv DIR, or both", param_hint="--sqlite/--csv")

    def run() -> None:
        from inspextract.export import export

        summary = export(inputs, sqlite=sqlite, csv=csv, excel=excel)
        where = [str(p) for p in (sqlite, csv) if p is not None]
        counts = ", ".join(f"{n} {change}" for change, n in sorted(summary.documents.items())) or "none"
        failures = sum(summary.errors.values())
        sys.stderr.write(
            f"inspextract export: {sum(summary.documents.values())} documents ({counts}) and "
            f"{failures} failures (errors table) -> {' and '.join(where)}\n"
        )

    guarded(run)
