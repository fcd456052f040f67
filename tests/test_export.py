"""`inspextract export` as analysts use it: batch a corpus, export it, ask the questions in SQL and from the
CSV files, and check every answer against the records themselves."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from inspextract.batch import BatchOptions, run_batch
from inspextract.export import export

from .conftest import FIXTURES
from .scoring import shared_dir

# Words searched for in findings through the full-text index; CAMHS is in a dev document.
SEARCH_WORDS = ("CAMHS", "chronologies", "health", "leadership")
Answers = dict[str, list[tuple[Any, ...]]]


def failing_and_warned_documents(folder: Path) -> Path:
    """An empty file (fails: no text) and a Windows-1252 text (converted, with a warning), invented here."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    invented = (
        "Joint inspection of services for children in Fife\n\n"
        "Inspectors found that staff \u201cknew children well\u201d and that CAMHS waiting times had "
        "fallen.\n"
    )
    (folder / "windows.txt").write_bytes(invented.encode("cp1252"))
    return folder


def batch_into(tmp: Path, *inputs: Path) -> Path:
    out = tmp / "out"
    run_batch([*inputs, failing_and_warned_documents(tmp / "extra")], BatchOptions(outdir=out, jobs=2))
    return out


@pytest.fixture(scope="module")
def dev_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return batch_into(tmp_path_factory.mktemp("dev"), FIXTURES / "dev" / "docs")


@pytest.fixture(scope="module")
def train_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """../shared/corpus/train batched once for this module (the documents stay in ../shared)."""
    shared = shared_dir()
    if shared is None or not (shared / "corpus" / "train" / "docs").is_dir():
        pytest.skip("../shared/corpus/train not found beside the repository")
    return batch_into(tmp_path_factory.mktemp("train"), shared / "corpus" / "train" / "docs")


def records_of(out: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.rglob("*.json"))]
    errors_file = out / "errors.jsonl"
    errors = [json.loads(line) for line in errors_file.read_text(encoding="utf-8").splitlines()]
    return records, errors


def mentions(text: str, word: str) -> bool:
    """What FTS5's default tokenizer matches: the word as a whole token, in any case."""
    return re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text, re.I) is not None


def answers_from_records(records: list[dict[str, Any]], errors: list[dict[str, Any]]) -> Answers:
    grades: Counter[tuple[Any, ...]] = Counter()
    for r in records:
        year = r["inspection"]["published"][:4] if r["inspection"]["published"] else None
        for area in r["areas"]:
            for g in r["grades"]:
                grades[(area, year, g["grade"])] += 1
    answers: Answers = {
        "grades by area and year": sorted((*key, n) for key, n in grades.items()),
        "areas for improvement": sorted(
            (r["source"]["path"], i, a["number"], a["title"], a["progress"])
            for r in records
            for i, a in enumerate(r["areas_for_improvement"])
        ),
        "documents with warnings": sorted(
            (r["source"]["path"], len(r["warnings"])) for r in records if r["warnings"]
        ),
        "documents that failed": sorted((e["path"], e["kind"]) for e in errors),
    }
    for word in SEARCH_WORDS:
        answers[f"findings mentioning {word}"] = sorted(
            (r["source"]["path"], i)
            for r in records
            for i, f in enumerate(r["findings"])
            if mentions(f["text"], word)
        )
    return answers


def answers_from_sql(db: Path) -> Answers:
    connection = sqlite3.connect(db)

    def rows(sql: str, *parameters: object) -> list[tuple[Any, ...]]:
        return sorted(connection.execute(sql, parameters).fetchall(), key=repr)

    answers: Answers = {
        "grades by area and year": rows(
            "SELECT a.area, substr(d.published, 1, 4), g.grade, count(*) FROM grades g "
            "JOIN documents d ON d.id = g.document JOIN document_areas a ON a.document = d.id "
            "GROUP BY a.area, substr(d.published, 1, 4), g.grade"
        ),
        "areas for improvement": rows(
            "SELECT d.path, a.ordinal, a.number, a.title, a.progress FROM areas_for_improvement a "
            "JOIN documents d ON d.id = a.document"
        ),
        "documents with warnings": rows(
            "SELECT d.path, count(*) FROM warnings w JOIN documents d ON d.id = w.document GROUP BY d.id"
        ),
        "documents that failed": rows("SELECT path, kind FROM errors"),
    }
    for word in SEARCH_WORDS:
        answers[f"findings mentioning {word}"] = rows(
            "SELECT d.path, f.ordinal FROM findings_fts JOIN findings f ON f.rowid = findings_fts.rowid "
            "JOIN documents d ON d.id = f.document WHERE findings_fts MATCH ?",
            f'"{word}"',
        )
    connection.close()
    for name, found in answers.items():  # SQL's order, in Python's, as the records' answers are sorted
        answers[name] = sorted(found, key=lambda row: tuple((x is None, x) for x in row))
    return answers


def answers_from_csv(folder: Path) -> Answers:
    def table(name: str) -> list[dict[str, str]]:
        with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    def value(text: str) -> str | None:  # CSV has no NULL: an empty field stands for it
        return text or None

    def number(text: str) -> int | None:
        return int(text) if text else None

    documents = {d["id"]: d for d in table("documents")}
    areas = table("document_areas")
    grades: Counter[tuple[Any, ...]] = Counter()
    for g in table("grades"):
        published = documents[g["document"]]["published"]
        for a in areas:
            if a["document"] == g["document"]:
                grades[(a["area"], published[:4] if published else None, g["grade"])] += 1
    warned = Counter(documents[w["document"]]["path"] for w in table("warnings"))
    answers: Answers = {
        "grades by area and year": sorted((*key, n) for key, n in grades.items()),
        "areas for improvement": sorted(
            (
                documents[a["document"]]["path"],
                int(a["ordinal"]),
                number(a["number"]),
                a["title"],
                value(a["progress"]),
            )
            for a in table("areas_for_improvement")
        ),
        "documents with warnings": sorted(warned.items()),
        "documents that failed": sorted((e["path"], e["kind"]) for e in table("errors")),
    }
    findings = table("findings")
    for word in SEARCH_WORDS:
        answers[f"findings mentioning {word}"] = sorted(
            (documents[f["document"]]["path"], int(f["ordinal"]))
            for f in findings
            if mentions(f["text"], word)
        )
    return answers


def sort_like_records(answers: Answers) -> Answers:
    return {
        name: sorted(rows, key=lambda row: tuple((x is None, x) for x in row))
        for name, rows in answers.items()
    }


def check_questions(out: Path, tmp_path: Path, must_find: Callable[[Answers], None]) -> None:
    records, errors = records_of(out)
    expected = sort_like_records(answers_from_records(records, errors))
    summary = export([out], sqlite=tmp_path / "reports.db", csv=tmp_path / "csv")
    assert sum(summary.documents.values()) == len(records)
    assert sum(summary.errors.values()) == len(errors)
    assert answers_from_sql(tmp_path / "reports.db") == expected
    assert sort_like_records(answers_from_csv(tmp_path / "csv")) == expected
    must_find(expected)


def test_dev_questions_answered_in_sql_and_csv_as_the_records_say(dev_out: Path, tmp_path: Path) -> None:
    def must_find(answers: Answers) -> None:  # the questions have answers here, so the checks can fail
        assert answers["findings mentioning CAMHS"]
        assert answers["areas for improvement"]
        assert answers["grades by area and year"]
        assert [path for path, _ in answers["documents with warnings"]] == [
            str(dev_out.parent / "extra" / "windows.txt")
        ]
        assert answers["documents that failed"] == [(str(dev_out.parent / "extra" / "empty.txt"), "no_text")]

    check_questions(dev_out, tmp_path, must_find)


@pytest.mark.slow
def test_train_questions_answered_in_sql_and_csv_as_the_records_say(train_out: Path, tmp_path: Path) -> None:
    def must_find(answers: Answers) -> None:
        assert len(answers["grades by area and year"]) > 5
        assert len(answers["areas for improvement"]) > 5
        assert sum(len(answers[f"findings mentioning {word}"]) for word in SEARCH_WORDS) > 5
        assert answers["documents that failed"]

    check_questions(train_out, tmp_path, must_find)


def dump(db: Path) -> list[str]:
    connection = sqlite3.connect(db)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_exporting_the_same_folder_again_changes_nothing(dev_out: Path, tmp_path: Path) -> None:
    db = tmp_path / "reports.db"
    export([dev_out], sqlite=db)
    first = dump(db)
    again = export([dev_out], sqlite=db)
    assert set(again.documents) == {"unchanged"}
    assert dump(db) == first


def test_a_changed_record_replaces_the_old_one_and_its_rows(dev_out: Path, tmp_path: Path) -> None:
    db = tmp_path / "reports.db"
    export([dev_out], sqlite=db)
    first, camhs = dump(db), count_camhs(db)
    path = next(p for p in sorted(dev_out.glob("*.json")) if "CAMHS" in p.read_text(encoding="utf-8"))
    record = json.loads(path.read_text(encoding="utf-8"))
    record["findings"] = [f for f in record["findings"] if "CAMHS" not in f["text"]]
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(record), encoding="utf-8")

    assert set(export([changed], sqlite=db).documents) == {"replaced"}
    assert count_camhs(db) < camhs
    connection = sqlite3.connect(db)
    (document,) = connection.execute("SELECT id FROM documents WHERE path = ?", (record["source"]["path"],))
    assert connection.execute("SELECT count(*) FROM findings WHERE document = ?", document).fetchone() == (
        len(record["findings"]),
    )
    connection.close()

    export([dev_out], sqlite=db)  # back as it was: the same rows (in another physical order), the same FTS
    assert sorted(line for line in dump(db) if "_fts" not in line) == sorted(
        line for line in first if "_fts" not in line
    )
    connection = sqlite3.connect(db)
    for fts in ("findings_fts", "areas_for_improvement_fts"):
        connection.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)")
    connection.close()
    assert count_camhs(db) == camhs


def count_camhs(db: Path) -> int:
    connection = sqlite3.connect(db)
    try:
        (count,) = connection.execute(
            "SELECT count(*) FROM findings_fts WHERE findings_fts MATCH 'CAMHS'"
        ).fetchone()
        return int(count)
    finally:
        connection.close()
