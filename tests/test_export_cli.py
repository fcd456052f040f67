"""`inspextract export` from the command line: pipes, CSV files, bad input and refused databases (clear
one-line errors, documented exit codes, nothing changed), --describe and the README's table."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from inspextract.batch import BatchOptions, run_batch
from inspextract.cli import app
from inspextract.errors import ExitCode
from inspextract.export import TABLES, csv_files, export
from inspextract.export.describe import markdown_table
from inspextract.export.inputs import ERRORS_FILE
from inspextract.records import Evidence, Finding, Report, Source

from .conftest import FIXTURES, ROOT

DEV_DOCS = FIXTURES / "dev" / "docs"
# Text with everything RFC 4180 must quote: a comma, a double quote, a line break; and a non-ASCII letter.
AWKWARD = (
    'Staff said "it works", and the waiting list\nfell in Na h-Eileanan Siar (Comhairle nan Eilean Siar).'
)


def invented_record(path: str, finding: str = AWKWARD, **fields: Any) -> dict[str, Any]:
    evidence = Evidence(quote=finding, start=0, end=len(finding))
    report = Report(
        source=Source(
            path=path, sha256="0" * 64, format="text", chars=len(finding), extractor_version="0.1.0"
        ),
        areas=["Na h-Eileanan Siar"],
        findings=[Finding(kind="strength", text=finding, evidence=evidence)],
        **fields,
    )
    data: dict[str, Any] = report.model_dump(mode="json")
    return data


def write_jsonl(path: Path, *records: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def invoke(*args: str, stdin: str | None = None) -> Any:
    return CliRunner().invoke(app, list(args), input=stdin)


def rows_of(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in key order (what two equal exports share whatever their physical order)."""
    connection = sqlite3.connect(db)
    try:
        return {
            t.name: connection.execute(f"SELECT * FROM {t.name} ORDER BY {', '.join(t.key)}").fetchall()
            for t in TABLES
        }
    finally:
        connection.close()


@pytest.fixture(scope="module")
def dev_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dev") / "out"
    run_batch([DEV_DOCS], BatchOptions(outdir=out, jobs=2))
    return out


@pytest.mark.slow
def test_batch_jsonl_piped_into_export_gives_the_folders_tables(dev_out: Path, tmp_path: Path) -> None:
    command = f"{sys.executable} -m inspextract"
    batch, export_db = (
        f"batch {DEV_DOCS} -o {tmp_path / 'out'} --jsonl -",
        f"export - --sqlite {tmp_path / 'r.db'}",
    )
    piped = subprocess.run(
        f"{command} {batch} | {command} {export_db}",
        shell=True,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert piped.returncode == 0, piped.stderr
    assert "inspextract export: 5 documents (5 new)" in piped.stderr
    assert invoke("export", str(dev_out), "--sqlite", str(tmp_path / "folder.db")).exit_code == 0
    assert rows_of(tmp_path / "r.db") == rows_of(tmp_path / "folder.db")


def test_batch_sqlite_fills_the_database_as_records_come(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for source in sorted(DEV_DOCS.iterdir())[:2]:
        (docs / source.name).write_bytes(source.read_bytes())
    (docs / "empty.txt").write_bytes(b"")
    run_batch([docs], BatchOptions(outdir=tmp_path / "out", jobs=2, sqlite=tmp_path / "batch.db"))
    export([tmp_path / "out"], sqlite=tmp_path / "export.db")
    tables = rows_of(tmp_path / "batch.db")
    assert len(tables["documents"]) == 2
    assert [(Path(e[0]).name, e[2]) for e in tables["errors"]] == [("empty.txt", "no_text")]
    assert tables == rows_of(tmp_path / "export.db")
    # A re-run skips the documents done; they pass through the database unchanged.
    run_batch([docs], BatchOptions(outdir=tmp_path / "out", jobs=1, sqlite=tmp_path / "batch.db"))
    assert rows_of(tmp_path / "batch.db") == tables


def test_batch_sqlite_into_a_refused_database_stops_before_converting(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE notes (text TEXT)").connection.close()
    out = tmp_path / "out"
    out.mkdir()
    (out / ERRORS_FILE).write_text("{}\n", encoding="utf-8")  # an earlier run's failures
    result = invoke("batch", str(DEV_DOCS), "-o", str(out), "--sqlite", str(other))
    assert result.exit_code == ExitCode.UNSUPPORTED
    assert "a database inspextract export did not write" in result.output
    assert sorted(p.name for p in out.iterdir()) == [ERRORS_FILE]


def test_a_record_supersedes_an_earlier_failure_of_the_same_input(tmp_path: Path) -> None:
    record = invented_record("docs/a.txt")
    failure = {"path": "docs/a.txt", "sha256": "0" * 64, "kind": "timeout", "message": "over 120 s"}
    db = tmp_path / "r.db"
    export([write_jsonl(tmp_path / "failed.jsonl", {"error": failure})], sqlite=db)
    assert rows_of(db)["errors"] == [("docs/a.txt", "0" * 64, "timeout", "over 120 s")]
    export([write_jsonl(tmp_path / "done.jsonl", record)], sqlite=db)
    assert rows_of(db)["errors"] == []
    assert len(rows_of(db)["documents"]) == 1


def test_csv_files_are_rfc4180_with_a_header_and_excel_gets_a_bom(tmp_path: Path) -> None:
    records = write_jsonl(tmp_path / "r.jsonl", invented_record("docs/a.txt"))
    result = invoke("export", str(records), "--csv", str(tmp_path / "csv"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == sorted(f"{t.name}.csv" for t in TABLES)
    raw = (tmp_path / "csv" / "findings.csv").read_bytes()
    assert raw.startswith(b"document,ordinal,kind,text,")
    assert raw.count(b"\r\n") == 2  # the header and the one row end in CRLF; the line break inside is quoted
    assert b'"Staff said ""it works"", and the waiting list\nfell' in raw
    with (tmp_path / "csv" / "findings.csv").open(encoding="utf-8", newline="") as handle:
        assert [row["text"] for row in csv.DictReader(handle)] == [AWKWARD]
    with (tmp_path / "csv" / "documents.csv").open(encoding="utf-8", newline="") as handle:
        (document,) = list(csv.DictReader(handle))
    assert "record" not in document  # too long for a spreadsheet cell; the JSON files have it
    assert document["title"] == ""  # NULL

    assert invoke("export", str(records), "--csv", str(tmp_path / "excel"), "--excel").exit_code == 0
    excel = (tmp_path / "excel" / "findings.csv").read_bytes()
    assert excel.startswith(b"\xef\xbb\xbfdocument,") and excel[3:] == raw


def test_a_csv_write_failing_half_way_changes_neither_the_csv_folder_nor_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, folder = tmp_path / "r.db", tmp_path / "csv"
    export([write_jsonl(tmp_path / "a.jsonl", invented_record("a.txt"))], sqlite=db, csv=folder)
    before, csv_before = db.read_bytes(), {p.name: p.read_bytes() for p in folder.iterdir()}
    real_write_table = csv_files.write_table
    written: list[str] = []

    def failing_write_table(connection: sqlite3.Connection, table: Any, path: Path, *, excel: bool) -> None:
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        written.append(table.name)
        real_write_table(connection, table, path, excel=excel)

    monkeypatch.setattr(csv_files, "write_table", failing_write_table)
    with pytest.raises(OSError, match="No space left"):
        export([write_jsonl(tmp_path / "b.jsonl", invented_record("b.txt"))], sqlite=db, csv=folder)
    assert db.read_bytes() == before
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == csv_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "b.jsonl", "csv", "r.db"]


def test_future_schema_version_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    db, folder = tmp_path / "r.db", tmp_path / "csv"
    assert (
        invoke(
            "export",
            str(write_jsonl(tmp_path / "ok.jsonl", invented_record("a.txt"))),
            "--sqlite",
            str(db),
            "--csv",
            str(folder),
        ).exit_code
        == 0
    )
    before, csv_before = db.read_bytes(), {p.name: p.read_bytes() for p in folder.iterdir()}
    future = write_jsonl(
        tmp_path / "future.jsonl",
        invented_record("b.txt"),
        invented_record("c.txt") | {"schema_version": "2"},
    )
    result = invoke("export", str(future), "--sqlite", str(db), "--csv", str(folder))
    assert result.exit_code == ExitCode.UNSUPPORTED
    assert result.output.count("\n") == 1
    assert "future.jsonl, line 2: a record of schema_version '2'" in result.output
    assert db.read_bytes() == before
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == csv_before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary folder left


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"schema_version": "1", "source": ', "line 2: not JSON (Expecting value, column 34)"),
        ("[1, 2]", "line 2: not a record (a JSON list, not an object)"),
        (
            '{"schema_version": "1", "source": {"path": "x"}}',
            "line 2: not a valid record (source.sha256: Field required)",
        ),
    ],
)
def test_malformed_jsonl_is_refused_and_changes_nothing(tmp_path: Path, line: str, message: str) -> None:
    db = tmp_path / "r.db"
    export([write_jsonl(tmp_path / "ok.jsonl", invented_record("a.txt"))], sqlite=db)
    before = db.read_bytes()
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(invented_record("b.txt")) + "\n" + line + "\n", encoding="utf-8")
    result = invoke("export", str(bad), "--sqlite", str(db))
    assert result.exit_code == ExitCode.DAMAGED
    assert result.output == f"inspextract: error: {bad}, {message}\n"
    assert db.read_bytes() == before
    # Into a new database or CSV folder: nothing is created at all.
    assert (
        invoke(
            "export", str(bad), "--sqlite", str(tmp_path / "new.db"), "--csv", str(tmp_path / "csv")
        ).exit_code
        == ExitCode.DAMAGED
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl", "ok.jsonl", "r.db"]


def test_records_on_stdin_with_a_bad_line_name_it(tmp_path: Path) -> None:
    stdin = json.dumps(invented_record("a.txt")) + "\n\nnot json\n"
    result = invoke("export", "-", "--sqlite", str(tmp_path / "r.db"), stdin=stdin)
    assert result.exit_code == ExitCode.DAMAGED
    assert result.output == "inspextract: error: <stdin>, line 3: not JSON (Expecting value, column 1)\n"
    assert not (tmp_path / "r.db").exists()


def test_a_database_of_another_layout_or_program_is_refused(tmp_path: Path) -> None:
    records = write_jsonl(tmp_path / "r.jsonl", invented_record("a.txt"))
    older = tmp_path / "older.db"
    export([records], sqlite=older)
    connection = sqlite3.connect(older)
    connection.execute("PRAGMA user_version = 0")
    connection.close()
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE notes (text TEXT)").connection.close()
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("these are not the tables you are looking for\n" * 100, encoding="utf-8")
    for db, message in (
        (older, "written with table layout 0, and this inspextract writes layout 1"),
        (other, "a database inspextract export did not write"),
        (not_sqlite, "not an SQLite database"),
    ):
        before = db.read_bytes()
        result = invoke("export", str(records), "--sqlite", str(db))
        assert result.exit_code == ExitCode.UNSUPPORTED, result.output
        assert message in result.output and result.output.count("\n") == 1
        assert db.read_bytes() == before


def test_usage_errors(tmp_path: Path) -> None:
    assert invoke("export", str(tmp_path)).exit_code == ExitCode.USAGE  # neither --sqlite nor --csv
    assert invoke("export", "--sqlite", str(tmp_path / "r.db")).exit_code == ExitCode.USAGE  # no INPUT
    result = invoke("export", str(tmp_path / "missing"), "--sqlite", str(tmp_path / "r.db"))
    assert result.exit_code == ExitCode.NOT_FOUND
    assert not (tmp_path / "r.db").exists()


def test_a_database_another_writer_holds_and_a_csv_path_that_is_a_file_give_clear_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = write_jsonl(tmp_path / "r.jsonl", invented_record("a.txt"))
    db = tmp_path / "r.db"
    export([records], sqlite=db)
    monkeypatch.setattr("inspextract.export.database.BUSY_TIMEOUT_S", 0.1)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, mid-transaction
    try:
        result = invoke("export", str(records), "--sqlite", str(db))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == ExitCode.NOT_FOUND
    assert result.output == f"inspextract: error: {db}: cannot be written now (database is locked)\n"

    (tmp_path / "file").write_text("not a folder\n", encoding="utf-8")
    result = invoke("export", str(records), "--csv", str(tmp_path / "file"))
    assert result.exit_code == ExitCode.NOT_FOUND
    assert "not a folder" in result.output


def test_describe_lists_every_table_and_column() -> None:
    result = invoke("export", "--describe")
    assert result.exit_code == 0
    for table in TABLES:
        assert f"\n{table.name}: one row per " in "\n" + result.output
        for column in table.columns:
            assert f"  {column.name} " in result.output
    assert "findings_fts (text)" in result.output and "areas_for_improvement_fts (title)" in result.output


def test_readme_table_is_made_from_the_table_definitions() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme


def test_errors_file_name_is_the_batchs() -> None:
    from inspextract.batch import ERRORS_FILE as BATCH_ERRORS_FILE

    assert ERRORS_FILE == BATCH_ERRORS_FILE
