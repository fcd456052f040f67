"""OUTDIR/index.html of `batch --review`: a sortable table of the documents recorded in OUTDIR (and of those
that failed), each linking to its review page."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pydantic import ValidationError

from inspextract.batch_folder import ERRORS_FILE, record_files, review_page_of
from inspextract.output import write_atomic
from inspextract.records import GRADE_VALUES, Report
from inspextract.review.page import asset, content_policy
from inspextract.review.text_marks import show

INDEX_FILE = "index.html"
FINDING_KINDS = ("strength", "improvement", "recommendation", "progress")
COLUMNS = (
    "document",
    "type",
    "area",
    "lead body",
    "fieldwork",
    "published",
    "grades",
    *FINDING_KINDS,
    "people",
    "warnings",
)


def find_records(outdir: Path) -> list[tuple[Path, Report]]:
    """Every record under `outdir` (files that are not records are passed over), in path order."""
    found = []
    for path in record_files(outdir):
        try:
            found.append((path.relative_to(outdir), Report.model_validate_json(path.read_bytes())))
        except (OSError, ValueError, ValidationError):
            continue
    return found


def cell(text: str, sort: str | int | None = None) -> str:
    key = f' data-sort="{show(str(sort))}"' if sort is not None else ""
    return f"<td{key}>{show(text)}</td>"


def grade_summary(report: Report) -> tuple[str, int]:
    """ "2 good · 1 weak" from the graded indicators, else from the stated counts; and the number."""
    counts = Counter(str(grade.grade) for grade in report.grades) or Counter(
        {str(word): n for word, n in report.grade_counts.items()}
    )
    words = sorted(counts, key=lambda word: -GRADE_VALUES.get(word, 0))
    return " · ".join(f"{counts[w]} {w}" for w in words), sum(counts.values())


def record_row(outdir: Path, rel: Path, report: Report) -> str:
    page = review_page_of(rel)
    name = show(Path(report.source.path).name or str(rel))
    link = f'<a href="{show(page.as_posix())}">{name}</a>' if (outdir / page).is_file() else name
    inspection = report.inspection
    fieldwork = " – ".join(d for d in (inspection.fieldwork_start, inspection.fieldwork_end) if d)
    grades, graded = grade_summary(report)
    kinds = Counter(str(finding.kind) for finding in report.findings)
    warnings = "\n".join(report.warnings)
    return (
        f'<tr><td data-sort="{name}">{link}</td>'
        + cell(str(report.document_type))
        + cell(", ".join(report.areas))
        + cell(inspection.lead_body or "")
        + cell(fieldwork, inspection.fieldwork_start or "")
        + cell(inspection.published or "")
        + cell(grades, graded)
        + "".join(cell(str(kinds[kind]), kinds[kind]) for kind in FINDING_KINDS)
        + cell(str(len(report.people)), len(report.people))
        + f'<td data-sort="{len(report.warnings)}" title="{show(warnings)}">{len(report.warnings)}</td>'
        + "</tr>"
    )


def error_rows(outdir: Path) -> list[str]:
    rows = []
    try:
        lines = (outdir / ERRORS_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    for line in lines:
        try:
            error = json.loads(line)
        except ValueError:
            continue
        rows.append(
            f"<tr><td>{show(str(error.get('path')))}</td><td>{show(str(error.get('kind')))}</td>"
            f"<td>{show(str(error.get('message')))}</td></tr>"
        )
    return rows


def index_html(outdir: Path) -> str:
    """The index page's HTML for the records and errors.jsonl in `outdir`."""
    records = find_records(outdir)
    rows = [record_row(outdir, rel, report) for rel, report in records]
    head = "".join(f'<th tabindex="0">{show(name)}</th>' for name in COLUMNS)
    errors = error_rows(outdir)
    errors_html = (
        f"<h2>Failed ({len(errors)})</h2><table><tr><th>path</th><th>kind</th><th>message</th></tr>"
        f"{''.join(errors)}</table>"
        if errors
        else ""
    )
    script, style = asset("index.js"), asset("index.css")
    policy = content_policy(style, script)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        f"<title>inspextract review: {len(records)} documents</title><style>{style}</style></head><body>"
        f"<h1>{len(records)} documents</h1><p>Click a column's heading to sort by it.</p>"
        f'<table id="docs"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f"{errors_html}<script>{script}</script></body></html>\n"
    )


def write_index(outdir: Path) -> Path:
    """Write OUTDIR/index.html (atomically) and return its path."""
    path = outdir / INDEX_FILE
    write_atomic(path, index_html(outdir))
    return path
