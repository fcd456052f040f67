"""Deterministic JSON for records, and atomic writes so no half-written file is ever left."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel


def to_json(record: BaseModel, *, pretty: bool = False) -> str:
    """The record as JSON: same input, same bytes (field order fixed by the model, no timestamps)."""
    data = record.model_dump(mode="json")
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write_atomic(path: Path, content: str) -> None:
    """Write `content` to `path` through a temporary file beside it, flushed, then renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
