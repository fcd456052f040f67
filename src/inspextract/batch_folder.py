"""The layout of a batch's output folder: `batch` writes it, `review` (its index) and `export` read it, so its
names live here, in a module all three import."""

from __future__ import annotations

import os
from pathlib import Path

ERRORS_FILE = "errors.jsonl"  # the batch's failures, one JSON line each
RECORD_SUFFIX = ".json"
REVIEW_SUFFIX = ".review.html"


def review_page_of(record: Path) -> Path:
    """The review page beside a record: sub/a.json -> sub/a.review.html."""
    return record.with_name(record.name.removesuffix(RECORD_SUFFIX) + REVIEW_SUFFIX)


def record_files(folder: Path) -> list[Path]:
    """The record files under `folder` (sub-folders too; hidden files and folders skipped), in path order."""
    found = []
    for parent, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        names = (name for name in files if name.endswith(RECORD_SUFFIX) and not name.startswith("."))
        found += [path for path in (Path(parent, name) for name in names) if path.is_file()]
    return sorted(found, key=lambda path: path.relative_to(folder).parts)
